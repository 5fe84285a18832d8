import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildCellModel } from '../../../src/cell/model.ts';
import { comparisonRows, pairedLines } from '../../../src/run/run-comparison.ts';

// Real captures of content/programs/leaking-map and steady (Go 1.19.8, content/traces/*.json).
const leakingText = readFileSync('content/traces/leaking-map.txt', 'utf8');
const steadyText = readFileSync('content/traces/steady.txt', 'utf8');
const leaking = buildCellModel(leakingText);
const steady = buildCellModel(steadyText);

describe('comparisonRows()', () => {
  it('puts the two verdicts and live heaps side by side', () => {
    const rows = comparisonRows([leaking, steady]);
    const row = (label: string) => rows.find((r) => r.label === label)!.values;
    expect(row('Verdict')).toEqual([leaking.verdict.title, steady.verdict.title]);
    expect(leaking.verdict.status).toBe('growing');
    expect(steady.verdict.status).toBe('stable');
    expect(row('Cycles')).toEqual([String(leaking.cycleCount), String(steady.cycleCount)]);
    const firstLive = leaking.chartCycles[0]!.heapLive;
    const lastLive = leaking.chartCycles.at(-1)!.heapLive;
    expect(row('Live heap, first → last')[0]).toBe(`${firstLive} → ${lastLive} MB`);
  });

  it('says a run that has not happened yet has not', () => {
    const rows = comparisonRows([leaking, null]);
    for (const row of rows) expect(row.values[1]).toBe('not run yet');
  });
});

describe('pairedLines()', () => {
  it('pairs the lines of both runs by GC number, in order', () => {
    const pairs = pairedLines([leaking, steady], [leakingText, steadyText], 3);
    expect(pairs.map((p) => p.gc)).toEqual([1, 2, 3]);
    for (const pair of pairs) {
      expect(pair.lines[0]).toMatch(new RegExp(`^gc ${pair.gc} @`));
      expect(pair.lines[1]).toMatch(new RegExp(`^gc ${pair.gc} @`));
    }
  });

  it('leaves a gap where one run has no line of that number', () => {
    const short = buildCellModel(leakingText.split('\n').slice(0, 1).join('\n'));
    const pairs = pairedLines([short, steady], [leakingText, steadyText], 2);
    expect(pairs[1]!.lines[0]).toBeNull();
    expect(pairs[1]!.lines[1]).toMatch(/^gc 2 @/);
  });
});
