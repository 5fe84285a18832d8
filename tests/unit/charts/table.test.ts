import { describe, expect, it } from 'vitest';
import { chartTable } from '../../../src/charts/table.ts';
import { seedCycles } from './seed-cycles.ts';

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
