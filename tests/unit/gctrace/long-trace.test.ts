// A trace of 200,000 cycles goes through every analysis without a spread over its cycles
// (`Math.max(...values)` overflows the call stack at about 100,000 arguments).
import { describe, expect, it } from 'vitest';
import { analyseTrace, maxOf, minOf, parseTrace } from '../../../src/gctrace/index.ts';
import { buildCellModel } from '../../../src/cell/model.ts';
import { readTrace } from '../traces.ts';

/**
 * The gc lines of content/traces/steady.txt repeated to `count` cycles, renumbered and retimed
 * so that they read as one long run (as scripts/make-big-trace.mjs writes them).
 */
function longTrace(count: number): string {
  const source = readTrace('content/traces/steady.txt')
    .split('\n')
    .map((line) => /^gc (\d+) @(\d+\.\d+)s (.*)$/.exec(line))
    .filter((match) => match !== null);
  const gaps = source.map((m, i) =>
    i === 0 ? 0.05 : Math.max(0.001, Number(m[2]) - Number(source[i - 1]![2])),
  );
  const lines: string[] = [];
  let at = 0;
  for (let i = 0; i < count; i++) {
    const k = i % source.length;
    at += gaps[k]!;
    lines.push(`gc ${i + 1} @${at.toFixed(3)}s ${source[k]![3]}`);
  }
  return lines.join('\n') + '\n';
}

describe('a trace of 200,000 cycles', () => {
  const text = longTrace(200_000);

  it('is analysed without overflowing the call stack', () => {
    const parsed = parseTrace(text);
    expect(parsed.cycles).toHaveLength(200_000);
    const analysis = analyseTrace(parsed);
    const run = analysis.runs[0]!;
    expect(run.cycles).toBe(200_000);
    let peak = -Infinity;
    for (const c of parsed.cycles) peak = Math.max(peak, c.heapMB[0]!, c.heapMB[1]!);
    expect(run.peakHeapMB).toBe(peak);
  });

  it('builds a lesson cell model', () => {
    const model = buildCellModel(text);
    expect(model.cycleCount).toBe(200_000);
    expect(model.findings.length).toBeGreaterThan(0);
  });

  it('has max and min helpers that behave as Math.max and Math.min', () => {
    const values = Float64Array.from({ length: 200_000 }, (_, i) => (i * 7919) % 200_003);
    let max = -Infinity;
    let min = Infinity;
    for (const v of values) {
      max = Math.max(max, v);
      min = Math.min(min, v);
    }
    expect(maxOf(values)).toBe(max);
    expect(minOf(values)).toBe(min);
    expect(maxOf([])).toBe(-Infinity);
    expect(minOf([])).toBe(Infinity);
    expect(maxOf([1, NaN, 3])).toBeNaN();
  });
});
