import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { existsSync } from 'node:fs';
import { kinds } from './charts/kinds.ts';
import type { ChartKind } from './charts/types.ts';

/** A Go release written the way the lessons name it: "1.5", "1.19", or a range "1.6–1.17". */
const goVersion = z
  .string()
  .regex(
    /^1\.\d+(?:[–-]1\.\d+)?$/,
    'write a Go version as "1.19" or a range as "1.6–1.17" (no "go" prefix)',
  );

const lessons = defineCollection({
  // One folder per lesson: content/lessons/NN-name/index.mdx; the number orders them.
  loader: glob({
    base: './content/lessons',
    pattern: '*/index.mdx',
    generateId: ({ entry }) => entry.split('/')[0]!,
  }),
  schema: z.object({
    title: z.string().min(3, 'give the lesson a title of a few words'),
    summary: z
      .string()
      .min(20, 'write a one- or two-sentence summary: it is shown on the home page')
      .max(300, 'keep the summary under 300 characters: it is shown on the home page'),
    goVersions: z
      .array(goVersion)
      .min(1, 'list the Go versions whose trace lines this lesson covers, e.g. ["1.19"]'),
  }),
});

const traceSource = z.enum(['captured', 'seed', 'go-issue', 'spec-constructed']);

/** What is known about a trace: content/traces/<slug>.json beside <slug>.txt. */
const traceInfo = z
  .object({
    title: z.string(),
    description: z.string(),
    source: traceSource,
    sourceUrl: z.url().nullable(),
    goVersion: z
      .string()
      .regex(/^go1\.\d+/, 'write the Go version as printed by "go version", e.g. "go1.19.8"'),
    goos: z.string().nullable(),
    goarch: z.string().nullable(),
    gomaxprocs: z.number().int().positive().nullable(),
    numCPU: z.number().int().positive().nullable(),
    gogc: z.string().nullable(),
    gomemlimit: z.string().nullable(),
    godebug: z.string().nullable(),
    program: z
      .string()
      .nullable()
      .refine((p) => p === null || existsSync(p), {
        message:
          'the program path does not exist: give it relative to the project root, e.g. "content/programs/leaking-map/main.go"',
      }),
    command: z.string().nullable(),
    captured: z.string().nullable(),
    truth: z.string().nullable(),
  })
  .refine((t) => t.source !== 'captured' || (t.program && t.command), {
    message: 'a captured trace must name the program and the exact command that produced it',
  });

const traces = defineCollection({
  // Each sample trace is content/traces/<slug>.txt with its provenance in <slug>.json; those
  // captured with one Go release are go1.NN/<name>.txt, with the id "go1.NN/<name>".
  // The id is the path as written ("seed-go1.5"), not a slug with its dots removed.
  loader: glob({
    base: './content/traces',
    pattern: ['*.json', 'go1.*/*.json'],
    generateId: ({ entry }) => entry.replace(/\.json$/, ''),
  }),
  schema: traceInfo,
});

const simulatorCaptures = defineCollection({
  // The real runs the simulator is compared with: content/traces/simulator/<name>.txt and .json.
  loader: glob({
    base: './content/traces/simulator',
    pattern: '*.json',
    generateId: ({ entry }) => entry.replace(/\.json$/, ''),
  }),
  schema: traceInfo,
});

/** The slug of a sample trace: content/traces/<slug>.txt must exist. */
const sampleSlug = z.string().refine((slug) => existsSync(`content/traces/${slug}.txt`), {
  message: 'no such sample: give the slug of a file in content/traces, e.g. "leaking-map"',
});

const chartKind = z.enum(Object.keys(kinds) as [ChartKind, ...ChartKind[]], {
  error: `a chart is one of ${Object.keys(kinds).join(', ')}`,
});

const slideTitle = z.string().min(3, 'give the slide a title of a few words');

const present = defineCollection({
  // The presenter's deck, content/present/deck.json: the replay first, then one cell per slide.
  loader: glob({
    base: './content/present',
    pattern: '*.json',
    generateId: ({ entry }) => entry.replace(/\.json$/, ''),
  }),
  schema: z.object({
    replay: z.object({
      title: slideTitle,
      samples: z
        .array(sampleSlug)
        .min(1, 'list the samples the class can replay; the first is shown at the start'),
    }),
    slides: z.array(
      z.object({
        id: z
          .string()
          .regex(/^[a-z0-9][a-z0-9-]*$/, 'use lower-case letters, digits and dashes for the id'),
        title: slideTitle,
        prompt: z.string().min(10, 'ask the class a question about the chart'),
        sample: sampleSlug,
        charts: z.array(chartKind).min(1, 'show at least one chart, e.g. ["heap"]'),
      }),
    ),
  }),
});

const furtherReading = defineCollection({
  // content/further-reading.json: the page's sections in the order shown, each with its links.
  loader: glob({
    base: './content',
    pattern: 'further-reading.json',
    generateId: () => 'further-reading',
  }),
  schema: z.object({
    sections: z.array(
      z.object({
        id: z
          .string()
          .regex(/^[a-z][a-z-]*$/, "the id is the heading's anchor: lower-case words and dashes"),
        title: z.string(),
        items: z
          .array(
            z.object({
              title: z.string(),
              href: z.url('give the full address, starting with https://'),
              note: z.string().min(20, 'say in a sentence what the reader will find there'),
            }),
          )
          .min(1, 'a section lists at least one link'),
      }),
    ),
  }),
});

const simulator = defineCollection({
  // The simulator's write-up: content/simulator/<name>.mdx, given the model's numbers as props.
  loader: glob({ base: './content/simulator', pattern: '*.mdx' }),
  schema: z.object({ title: z.string() }),
});

export const collections = {
  lessons,
  traces,
  simulatorCaptures,
  simulator,
  present,
  furtherReading,
};
