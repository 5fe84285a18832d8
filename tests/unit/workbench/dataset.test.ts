import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyseTrace, offsetOfLine, parseTrace } from '../../../src/gctrace/index.ts';
import { RunColumns, numericColumns } from '../../../src/workbench/columns.ts';
import { TraceDataset } from '../../../src/workbench/dataset.ts';

const fixtures = new URL('../../fixtures/', import.meta.url);
const traces = new URL('../../../content/traces/', import.meta.url);

/** Feeds a text to a dataset in windows of `size` lines. */
function ingest(text: string, size: number, expectedBytes = 0): TraceDataset {
  const dataset = new TraceDataset(1, expectedBytes);
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
    expect(offsetOfLine('a\r\nb\rc\nd', 4)).toBe(7);
    expect(offsetOfLine('a\nb', 9)).toBe(3);
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
        // Every column of every cycle, measured against its run's previous cycle wherever that was.
        dataset.runs.forEach((run, r) => {
          const expected = new RunColumns();
          const cycles = parsed.runs[r].cycleIndices.map((i) => parsed.cycles[i]);
          cycles.forEach((cycle, k) => expected.push(cycle, analysis.runs[r].measures[k]));
          const got = run.columns;
          expect(Array.from(got.line.subarray(0, got.length))).toEqual(
            Array.from(expected.line.subarray(0, expected.length)),
          );
          expect(Array.from(got.flags.subarray(0, got.length))).toEqual(
            Array.from(expected.flags.subarray(0, expected.length)),
          );
          for (const column of numericColumns)
            expect(Array.from(got.numbers[column].subarray(0, got.length)), column).toEqual(
              Array.from(expected.numbers[column].subarray(0, expected.length)),
            );
        });
      }
    });
  }

  /** The gc lines of a real capture repeated `times` times, renumbered as one long run. */
  function longRun(times: number): string {
    const lines = readFileSync(new URL('steady.txt', traces), 'utf8')
      .split('\n')
      .filter((l) => l.startsWith('gc '));
    const out: string[] = [];
    for (let i = 0; i < times * lines.length; i++)
      out.push(
        lines[i % lines.length]!.replace(
          /^gc \d+ @[\d.]+s/,
          `gc ${i + 1} @${(i * 0.25).toFixed(3)}s`,
        ),
      );
    return out.join('\n') + '\n';
  }

  it('reads canonical gc lines without the full parser, and the rest with it', () => {
    const canonical = ingest(longRun(3), 40);
    expect(canonical.canonicalLines).toBe(canonical.lineCount);
    const mixed = readFileSync(new URL('gogc-50.txt', traces), 'utf8');
    const parsed = parseTrace(mixed);
    const dataset = ingest(mixed, 40);
    expect(dataset.canonicalLines).toBeGreaterThan(0);
    expect(dataset.canonicalLines).toBeLessThan(parsed.lineKinds.cycle);
    expect(dataset.cycleCount).toBe(parsed.cycles.length);
  });

  it('sizes a run’s columns from the size of the source instead of doubling them', () => {
    const text = longRun(80);
    const sized = ingest(text, 400, Buffer.byteLength(text));
    const doubled = ingest(text, 400);
    const cycles = sized.cycleCount;
    expect(sized.runs.length).toBe(1);
    expect(cycles).toBe(doubled.cycleCount);
    expect(sized.runs[0]!.columns.capacity).toBeLessThan(doubled.runs[0]!.columns.capacity);
    expect(sized.runs[0]!.columns.capacity).toBeLessThanOrEqual(cycles * 1.1);
  });
});
