/**
 * The sample traces in content/traces, by slug: each is <slug>.txt with what is known about it in
 * <slug>.json (checked against the schema of the traces collection at build time); captures of
 * one Go release are in go1.NN/, with slugs like "go1.26/gctrace2". The one place lessons, the
 * presenter and the simulator read a sample from.
 */
import type { TraceProvenance } from './provenance.ts';

/** What content/traces/<slug>.json says about a sample: a title, a description and provenance. */
export interface SampleInfo extends TraceProvenance {
  title: string;
  description: string;
}

/** A sample trace: its text as the program printed it (without the final newline), and its info. */
export interface Sample {
  slug: string;
  text: string;
  info: SampleInfo;
}

const texts = import.meta.glob<string>(
  ['../../content/traces/*.txt', '../../content/traces/go1.*/*.txt'],
  {
    query: '?raw',
    import: 'default',
    eager: true,
  },
);
const infos = import.meta.glob<SampleInfo>(
  ['../../content/traces/*.json', '../../content/traces/go1.*/*.json'],
  {
    import: 'default',
    eager: true,
  },
);

const slugOf = (path: string): string => path.replace(/^.*content\/traces\/(.*)\.\w+$/, '$1');

/** Slugs of the samples that have both their trace and their info, in alphabetical order. */
export const sampleSlugs: readonly string[] = Object.keys(texts)
  .map(slugOf)
  .filter((slug) => infos[`../../content/traces/${slug}.json`] !== undefined)
  .sort();

/**
 * The sample `slug`; throws, naming every known sample, when there is no such sample. `askedBy`
 * starts the error so the author can find the mistake, e.g. '<TraceCell id="leak">'.
 */
export function loadSample(slug: string, askedBy = 'loadSample'): Sample {
  const text = texts[`../../content/traces/${slug}.txt`];
  const info = infos[`../../content/traces/${slug}.json`];
  if (text === undefined || info === undefined) {
    throw new Error(
      `${askedBy}: no sample "${slug}": a sample is content/traces/<slug>.txt with its <slug>.json. ` +
        `Known samples: ${sampleSlugs.join(', ')}.`,
    );
  }
  return { slug, text: text.replace(/\n$/, ''), info };
}
