// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import {
  buildReport,
  takenSentence,
  type LoadedProfile,
} from '../../../src/profile-view/report.ts';
import { renderReport } from '../../../src/profile-view/render.ts';
import {
  cycleBefore,
  renderTimeline,
  timelineSentences,
} from '../../../src/profile-view/timeline.ts';
import { loadProfile, releases } from './captures.ts';

const [release] = releases();
const loaded = async (name: string, elapsed: number | null): Promise<LoadedProfile> => ({
  profile: await loadProfile(release!, name),
  name,
  elapsedSeconds: elapsed,
});

describe('buildReport()', () => {
  it('names the line that gained most between the two snapshots of the leak', async () => {
    const report = buildReport(
      await loaded('leaking-map-1.pb.gz', 3),
      await loaded('leaking-map-2.pb.gz', 8),
    );
    if (typeof report === 'string') throw new Error(report);
    expect(report.diff).toBe(true);
    expect(report.headline).toMatch(
      /^Between the two profiles \(taken at 3\.00 s and 8\.00 s\), inuse_space grew by [\d.]+[kM]B\. The line that gained most: main\.remember \(heap-profiles\/sessions\.go:\d+\), \+[\d.]+[kM]B\.$/,
    );
    expect(report.note).toBe('');
  });

  it('warns that allocation totals grow in any busy program', async () => {
    const report = buildReport(
      await loaded('leaking-map-1.pb.gz', 3),
      await loaded('leaking-map-2.pb.gz', 8),
      { sampleType: 'alloc_space' },
    );
    if (typeof report === 'string') throw new Error(report);
    expect(report.note).toMatch(/grow between any two profiles of a busy program, leak or not/);
  });

  it('counts the forgotten goroutines and where they wait', async () => {
    const report = buildReport(
      await loaded('forgotten-goroutines-1.pb.gz', 2),
      await loaded('forgotten-goroutines-2.pb.gz', 4),
    );
    if (typeof report === 'string') throw new Error(report);
    expect(report.headline).toMatch(
      /^\d+ goroutines in the base, \d+ in the later profile\. The stack that grew most: \+\d+ goroutines in main\.worker \(heap-profiles\/workers\.go:\d+\), waiting to receive from a channel\.$/,
    );
  });

  it('refuses to compare profiles of two kinds', async () => {
    const report = buildReport(
      await loaded('leaking-map-1.pb.gz', 3),
      await loaded('forgotten-goroutines-2.pb.gz', 4),
    );
    expect(report).toMatch(/base is a heap profile and the later one a goroutine profile/);
  });
});

describe('takenSentence()', () => {
  const report = async (base: string | null, later: string, sampleType?: string) => {
    const built = buildReport(
      base ? await loaded(base, 3) : null,
      await loaded(later, 8),
      sampleType ? { sampleType } : {},
    );
    if (typeof built === 'string') throw new Error(built);
    return built;
  };

  it('calls the first profile of a run the base and asks for another', async () => {
    expect(
      takenSentence(
        { kind: 'heap', number: 1, elapsedSeconds: 1.234 },
        await report(null, 'leaking-map-1.pb.gz'),
      ),
    ).toMatch(/^Heap profile 1 taken at 1\.2 s: [\d.]+ [kM]B inuse_space, the base\. Take another/);
  });

  it('names the function that grew most, and by how much, from the second on', async () => {
    const grown = await report('leaking-map-1.pb.gz', 'leaking-map-2.pb.gz');
    expect(takenSentence({ kind: 'heap', number: 2, elapsedSeconds: 6.06 }, grown)).toMatch(
      /^Heap profile 2 taken at 6\.1 s: main\.remember grew by \d+ MB\.$/,
    );
    expect(takenSentence({ kind: 'heap', number: 3, elapsedSeconds: 9 }, grown)).toMatch(
      /^Heap profile 3 taken at 9\.0 s: since heap profile 1, main\.remember grew by \d+ MB\.$/,
    );
    // Another sample type is named, so that the sentence is not read as in-use growth.
    const allocated = await report('leaking-map-1.pb.gz', 'leaking-map-2.pb.gz', 'alloc_space');
    expect(takenSentence({ kind: 'heap', number: 2, elapsedSeconds: 6 }, allocated)).toMatch(
      /: main\.handle grew by [\d.]+ [MG]B in alloc_space\.$/,
    );
  });

  it('counts the goroutines that piled up on one stack', async () => {
    const grown = await report('forgotten-goroutines-1.pb.gz', 'forgotten-goroutines-2.pb.gz');
    expect(takenSentence({ kind: 'goroutine', number: 2, elapsedSeconds: 4 }, grown)).toMatch(
      /^Goroutine profile 2 taken at 4\.0 s: \d+ more goroutines in main\.worker \(heap-profiles\/workers\.go:\d+\); \d+ → \d+ in all\.$/,
    );
  });
});

describe('renderReport()', () => {
  it('draws the headline, the flame graph and the top table with pprof columns', async () => {
    const report = buildReport(null, await loaded('leaking-map-2.pb.gz', 8));
    if (typeof report === 'string') throw new Error(report);
    const { root } = renderReport(document, report, 'r');
    expect(root.querySelector('[data-headline]')!.textContent).toBe(report.headline);
    expect(root.querySelector('svg.flame-chart')).not.toBeNull();
    const headers = [...root.querySelectorAll('thead th')].map((th) => th.textContent);
    expect(headers).toEqual(['flat', 'flat %', 'sum %', 'cum', 'cum %', 'function', 'file']);
    const remember = root.querySelector('tbody tr[data-function="main.remember"]')!;
    expect(remember.querySelector('td:last-child')!.textContent).toBe('heap-profiles/sessions.go');
    expect(root.querySelectorAll('tbody tr')).toHaveLength(report.table.rows.length);
    const byLine = buildReport(null, await loaded('leaking-map-2.pb.gz', 8), {
      granularity: 'lines',
    });
    if (typeof byLine === 'string') throw new Error(byLine);
    const lineRoot = renderReport(document, byLine, 'l').root;
    expect(lineRoot.querySelector('thead th:last-child')!.textContent).toBe('file:line');
    expect(lineRoot.querySelector('tbody tr td:last-child')!.textContent).toMatch(
      /^[\w-]+\/[\w.]+\.go:\d+$/,
    );
  });
});

describe('the time marks', () => {
  const cycles = [
    { t: 2.9, heapLive: 6, gc: 79, forced: false },
    { t: 3.01, heapLive: 7, gc: 80, forced: true },
    { t: 3.2, heapLive: 7, gc: 81, forced: false },
  ];
  it('take the collection just before a profile as the one it reports', () => {
    expect(cycleBefore(cycles, 3.03)!.gc).toBe(80);
    expect(cycleBefore(cycles, 1)).toBeNull();
  });
  it('say each profile’s moment in words', () => {
    const [sentence] = timelineSentences({
      cycles,
      domain: [0, 4],
      marks: [{ label: 'base', name: 'a.pb.gz', t: 3.03 }],
    });
    expect(sentence).toBe(
      'The base profile (a.pb.gz) was taken at 3.03 s; the collection before it is gc 80 at 3.010 s (forced), live heap 7 MB.',
    );
  });
  it('label a mark near the end of the axis on its left, inside the strip', () => {
    const strip = renderTimeline(document, {
      cycles,
      domain: [0, 4],
      marks: [
        { label: 'base', name: 'a', t: 1 },
        { label: 'later', name: 'b', t: 3.9 },
      ],
    });
    const labels = [...strip.querySelectorAll('text')].filter((t) =>
      /^(base|later) /.test(t.textContent ?? ''),
    );
    const rules = [...strip.querySelectorAll('line.pv-strip-mark')];
    expect(labels.map((l) => l.getAttribute('text-anchor'))).toEqual([null, 'end']);
    expect(Number(labels[1]!.getAttribute('x'))).toBeLessThan(Number(rules[1]!.getAttribute('x1')));
    expect(Number(labels[0]!.getAttribute('x'))).toBeGreaterThan(
      Number(rules[0]!.getAttribute('x1')),
    );
  });
});
