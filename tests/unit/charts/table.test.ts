import { describe, expect, it } from 'vitest';
import { kinds } from '../../../src/charts/kinds.ts';
import { chartsTable, chartTable, summaryRows } from '../../../src/charts/table.ts';
import { seedCycles, syntheticCycles } from './seed-cycles.ts';

describe('chartTable()', () => {
  it('gives the heap chart data row by row, one row per cycle', () => {
    const table = chartTable(seedCycles, 'heap');
    expect(table.caption).toBe('Heap per GC cycle (MB), 4 cycles');
    expect(table.headers).toEqual([
      'line',
      'GC',
      'time (s)',
      'heap at start (MB)',
      'heap at end (MB)',
      'live heap (MB)',
      'goal (MB)',
    ]);
    expect(table.rows).toEqual(
      seedCycles.map((c) => [c.line, c.gc, c.t, c.heapStart, c.heapEnd, c.heapLive, c.goal]),
    );
  });

  it('shows missing values as a dash', () => {
    const table = chartTable(seedCycles, 'alloc');
    expect(table.rows.map((r) => r[3])).toEqual(['—', 631.1, 666.2, 611.8]);
  });

  it('gives the interval CPU fraction in percent beside the printed cumulative %', () => {
    const table = chartTable(seedCycles, 'cpu');
    expect(table.headers.slice(3)).toEqual([
      'GC CPU since previous GC (%)',
      'GC CPU since start (%)',
    ]);
    expect(table.rows.map((r) => r.slice(3))).toEqual([
      ['—', 1],
      [1.93, 1],
      [0.94, 1],
      [0.57, 0],
    ]);
  });

  it('gives pauses in ms', () => {
    const table = chartTable(seedCycles, 'pause');
    expect(table.caption).toBe('Stop-the-world pause per GC cycle (ms), 4 cycles');
    expect(table.rows.map((r) => r[3])).toEqual(seedCycles.map((c) => c.pauseMs));
  });

  it('names the x column "cycle" when the trace prints no times', () => {
    const untimed = seedCycles.map((c, i) => ({ ...c, t: i, timeKnown: false }));
    expect(chartTable(untimed, 'heap').headers[2]).toBe('cycle');
    expect(chartTable([], 'heap').caption).toBe('Heap per GC cycle (MB), 0 cycles');
  });
});

describe('chartsTable()', () => {
  it('gives several charts one row per cycle, with each series once and numbers short', () => {
    const table = chartsTable(seedCycles, ['heap', 'pause', 'cpu']);
    expect(table.caption).toBe('Chart data per GC cycle, 4 GC cycles');
    expect(table.headers).toEqual([
      'line',
      'GC',
      'time (s)',
      'heap at start (MB)',
      'heap at end (MB)',
      'live heap (MB)',
      'goal (MB)',
      'pause (ms)',
      'GC CPU since previous GC (%)',
      'GC CPU since start (%)',
    ]);
    expect(table.rows[1]).toEqual([2, 2, '0.017', '8', '8', '7', '7', '0.123', '1.93', '1']);
    expect(table.rows.map((r) => r[8])).toEqual(['—', '1.93', '0.94', '0.57']);
    expect(table.cycles).toBe(4);
  });

  it('does not repeat the columns of a chart named twice', () => {
    expect(chartsTable(seedCycles, ['alloc', 'alloc']).headers).toEqual([
      'line',
      'GC',
      'time (s)',
      'allocation rate (MB/s)',
    ]);
  });

  it('keeps every row up to the limit, and says how many of how many cycles it has past it', () => {
    expect(chartsTable(seedCycles, ['heap'], 4).rows).toHaveLength(4);
    const table = chartsTable(syntheticCycles(146), ['heap', 'pause'], 24);
    expect(table.rows).toHaveLength(24);
    expect(table.cycles).toBe(146);
    expect(table.caption).toBe(
      'Chart data for 24 of 146 GC cycles: evenly spread, with each column’s highest',
    );
  });

  it('names the x column "cycle" and writes the cycle number when the trace prints no times', () => {
    const untimed = seedCycles.map((c, i) => ({ ...c, t: i + 1, timeKnown: false }));
    const table = chartsTable(untimed, ['pause']);
    expect(table.headers[2]).toBe('cycle');
    expect(table.rows.map((r) => r[2])).toEqual(['1', '2', '3', '4']);
  });
});

describe('summaryRows()', () => {
  const data = syntheticCycles(300);
  const series = [...kinds.heap.series, ...kinds.pause.series];

  it('keeps the first and last cycle and each series’ highest, in order, within the limit', () => {
    const rows = summaryRows(data, series, 24);
    expect(rows.length).toBeLessThanOrEqual(24);
    expect(rows.length).toBeGreaterThan(20);
    expect(rows).toEqual([...rows].sort((a, b) => a - b));
    expect(new Set(rows).size).toBe(rows.length);
    expect(rows[0]).toBe(0);
    expect(rows.at(-1)).toBe(299);
    for (const s of series) {
      const values = data.map((c) => s.value(c) ?? -Infinity);
      const top = values.indexOf(Math.max(...values));
      expect(rows, s.key).toContain(top);
    }
  });

  it('spreads the other rows evenly: no gap is much wider than an even share', () => {
    const rows = summaryRows(data, series, 24);
    const gaps = rows.slice(1).map((r, i) => r - rows[i]);
    // 24 rows less the first, last and at most 5 peaks leave 17 or more spread over 299 steps.
    expect(Math.max(...gaps)).toBeLessThanOrEqual(Math.ceil(299 / 18));
  });

  it('keeps every row of a trace within the limit', () => {
    expect(summaryRows(data.slice(0, 24), series, 24)).toEqual([...Array(24).keys()]);
  });
});
