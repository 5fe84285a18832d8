import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { existsSync } from 'node:fs';

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

const traces = defineCollection({
  // Each sample trace is content/traces/<slug>.txt with its provenance in <slug>.json; those
  // captured with one Go release are go1.NN/<name>.txt, with the id "go1.NN/<name>".
  // The id is the path as written ("seed-go1.5"), not a slug with its dots removed.
  loader: glob({
    base: './content/traces',
    pattern: ['*.json', 'go1.*/*.json'],
    generateId: ({ entry }) => entry.replace(/\.json$/, ''),
  }),
  schema: z
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
    }),
});

export const collections = { lessons, traces };
