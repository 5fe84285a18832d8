import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyseTrace, parseTrace } from '../../../src/gctrace/index.ts';
import { TraceDataset, lineStartOffset } from '../../../src/workbench/dataset.ts';

const fixtures = new URL('../../fixtures/', import.meta.url);
const traces = new URL('../../../content/traces/', import.meta.url);

/** Feeds a text to a dataset in windows of `size` lines. */
function ingest(text: string, size: number): TraceDataset {
  const dataset = new TraceDataset();
  const lines = text.match(/[^\r\n]*(\r\n|\r|\n)|[^\r\n]+$/g) ?? [];
  for (let i = 0; i < lines.length; i += size) dataset.push(lines.slice(i, i + size).join(''));
  dataset.finish();
  return dataset;
}

const names = [
  ...readdirSync(fixtures)
    .filter((n) => n.endsWith('.txt'))
    .map((n) => new URL(n, fixtures)),
  ...readdirSync(traces)
    .filter((n) => n.endsWith('.txt'))
    .map((n) => new URL(n, traces)),
];

describe('TraceDataset', () => {
  it('counts lines the way the engine does', () => {
    expect(lineStartOffset('a\r\nb\rc\nd', 4)).toBe(7);
    expect(lineStartOffset('a\nb', 9)).toBe(3);
  });

  for (const url of names) {
    const name = url.pathname.split('/').slice(-2).join('/');
    it(`reads ${name} in small windows like parseTrace reads it whole`, () => {
      const text = readFileSync(url, 'utf8');
      const parsed = parseTrace(text);
      const analysis = analyseTrace(parsed);
      for (const size of [40, 1000]) {
        const dataset = ingest(text, size);
        expect(dataset.lineCount).toBe(parsed.lineCount);
        expect(dataset.cycleCount).toBe(parsed.cycles.length);
        expect(dataset.lineKinds).toEqual(parsed.lineKinds);
        expect(dataset.runs.map((r) => r.columns.length)).toEqual(
          parsed.runs.map((r) => r.cycleIndices.length),
        );
        expect(dataset.runs.map((r) => r.firstLine)).toEqual(parsed.runs.map((r) => r.firstLine));
        expect(dataset.runs.map((r) => r.era)).toEqual(parsed.runs.map((r) => r.era));
        const problems = parsed.diagnostics.filter((d) => d.severity !== 'info');
        expect(dataset.problemCount).toBe(problems.length);
        expect(dataset.problems.map((d) => [d.line, d.column, d.kind])).toEqual(
          problems.slice(0, 500).map((d) => [d.line, d.column, d.kind]),
        );
        // Per-cycle measures agree except where a window border hid an interleaved predecessor.
        dataset.runs.forEach((run, r) => {
          const m = analysis.runs[r].measures;
          const pauses = Array.from(run.columns.numbers.pauseMs.subarray(0, run.columns.length));
          expect(pauses.map((v) => (Number.isNaN(v) ? null : v))).toEqual(m.map((x) => x.pauseMs));
          expect(Array.from(run.columns.line.subarray(0, run.columns.length))).toEqual(
            m.map((x) => x.line),
          );
        });
      }
    });
  }
});
