import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseTrace } from '../../../src/gctrace/index.ts';
import { TraceDataset, settledLineCount } from '../../../src/workbench/dataset.ts';

const fixtures = new URL('../../fixtures/', import.meta.url);
const traces = new URL('../../../content/traces/', import.meta.url);
const read = (url: URL) => readFileSync(url, 'utf8');

/** The lines of a text, each with its terminator (the last may have none). */
const linesOf = (text: string) => text.match(/[^\r\n]*(\r\n|\r|\n)|[^\r\n]+$/g) ?? [];

/** A small deterministic generator, so a failing batch split can be replayed. */
function random(seed: number) {
  return () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
}

/** Appends `text` live in batches of 1 to `maxBatch` lines, then finishes. */
function appendLive(text: string, maxBatch: number, seed = 1): TraceDataset {
  const dataset = new TraceDataset();
  const lines = linesOf(text);
  const next = random(seed);
  for (let i = 0; i < lines.length;) {
    const size = 1 + Math.floor(next() * maxBatch);
    dataset.append(lines.slice(i, i + size).join(''));
    i += size;
  }
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
  // A capture where the program's output cut a gc line right after `gc `.
  new URL('go1.24/leaking-map.txt', traces),
];

describe('TraceDataset.append', () => {
  for (const url of names) {
    const name = url.pathname.split('/').slice(-2).join('/');
    it(`reads ${name} appended a few lines at a time like parseTrace reads it whole`, () => {
      const text = read(url);
      const parsed = parseTrace(text);
      for (const maxBatch of [1, 7, 400]) {
        const dataset = appendLive(text, maxBatch, maxBatch);
        expect(dataset.lineCount).toBe(parsed.lineCount);
        expect(dataset.cycleCount).toBe(parsed.cycles.length);
        expect(dataset.lineKinds).toEqual(parsed.lineKinds);
        expect(dataset.runs.map((r) => r.columns.length)).toEqual(
          parsed.runs.map((r) => r.cycleIndices.length),
        );
        expect(dataset.runs.map((r) => [r.firstLine, r.era, r.startReason])).toEqual(
          parsed.runs.map((r) => [r.firstLine, r.era, r.startReason]),
        );
        const problems = parsed.diagnostics.filter((d) => d.severity !== 'info');
        expect(dataset.problems.map((d) => [d.line, d.column, d.kind])).toEqual(
          problems.slice(0, 500).map((d) => [d.line, d.column, d.kind]),
        );
        dataset.runs.forEach((run, r) => {
          const lines = parsed.runs[r]!.cycleIndices.map((i) => parsed.cycles[i]!.line);
          expect(Array.from(run.columns.line.subarray(0, run.columns.length))).toEqual(lines);
        });
      }
    });
  }

  it('charts a clean gc line as soon as it is appended, one line at a time', () => {
    const text = read(new URL('go1.19-leaking-map-clean.txt', fixtures));
    const dataset = new TraceDataset();
    let gcLines = 0;
    for (const line of linesOf(text)) {
      dataset.append(line);
      if (/^gc \d+ @/.test(line)) gcLines++;
      expect(dataset.cycleCount).toBe(gcLines);
    }
    expect(gcLines).toBeGreaterThan(100);
  });

  it('holds a gc line broken by other output until its continuation arrives, then rejoins it', () => {
    const text = read(new URL('interleaved-output.txt', traces));
    const whole = parseTrace(text);
    const rejoin = whole.rejoins[0]!;
    const cycle = whole.cycles.find((c) => c.line === rejoin.line)!;
    expect(cycle.rejoined).toBe(true);
    const lines = linesOf(text);
    const dataset = new TraceDataset();
    dataset.append(lines.slice(0, rejoin.line).join(''));
    const before = dataset.cycleCount;
    expect(dataset.lineCount).toBe(rejoin.line);
    // The broken line is read but not yet charted: its end may still come.
    expect(whole.cycles.filter((c) => c.endLine < rejoin.line)).toHaveLength(before);
    for (let l = rejoin.line; l < cycle.endLine; l++) {
      dataset.append(lines[l]!);
      expect(dataset.cycleCount).toBe(l + 1 < cycle.endLine ? before : before + 1);
    }
    const run = dataset.runs[dataset.runs.length - 1]!;
    expect(run.columns.line[run.columns.length - 1]).toBe(rejoin.line);
    expect(run.columns.numbers.gc[run.columns.length - 1]).toBe(cycle.gc);
  });

  it('settledLineCount keeps a broken gc line and what follows open, for eight lines only', () => {
    const text = read(new URL('interleaved-output.txt', traces));
    const rejoin = parseTrace(text).rejoins[0]!;
    const lines = linesOf(text);
    const broken = lines.slice(0, rejoin.line).join('');
    expect(settledLineCount(parseTrace(broken))).toBe(rejoin.line - 1);
    // Followed by eight lines of other output, the broken line can no longer be continued.
    const chatter = Array.from({ length: 8 }, (_, i) => `progress ${i}\n`).join('');
    expect(settledLineCount(parseTrace(broken + chatter))).toBe(rejoin.line + 8);
    const clean = lines.slice(0, 20).join('');
    expect(settledLineCount(parseTrace(clean))).toBe(20);
  });

  it('holds a last line `gc name: …` that the next line may turn into a cycle', () => {
    const text = read(new URL('go1.24/leaking-map.txt', traces));
    const whole = parseTrace(text);
    const split = whole.cycles.find((c) => c.rejoined)!;
    const lines = linesOf(text);
    expect(lines[split.line - 1]).toMatch(/^gc [a-z]/);
    const head = parseTrace(lines.slice(0, split.line).join(''));
    expect(settledLineCount(head)).toBe(split.line - 1);
    const dataset = new TraceDataset();
    dataset.append(lines.slice(0, split.line).join(''));
    dataset.append(lines[split.line]!);
    const run = dataset.runs[0]!;
    expect(run.columns.numbers.gc[run.columns.length - 1]).toBe(split.gc);
    expect(run.columns.line[run.columns.length - 1]).toBe(split.line);
  });

  it('keeps the text of a long live trace in pages it can read again', () => {
    const text = read(new URL('go1.19-stderr-chatter.txt', fixtures)).repeat(8);
    const dataset = appendLive(text, 50);
    expect(dataset.checkpoints.length).toBeGreaterThan(1);
    const utf8 = new TextEncoder();
    for (const point of dataset.checkpoints) {
      const before = linesOf(text)
        .slice(0, point.line - 1)
        .join('');
      expect(point.byte).toBe(utf8.encode(before).length);
    }
  });
});
