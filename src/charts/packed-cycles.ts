/**
 * Chart cycles as typed-array columns, the form in which they travel from a worker: a structured
 * clone of ten thousand cycle objects costs the page tens of milliseconds to read, columns a
 * fraction of one. The lesson cell's worker and the workbench's both use it.
 */
import type { ChartCycle } from './types.ts';

/** Flag bits of packed cycles (the workbench's run columns use the same bits). */
export const FORCED = 1;
/** The line printed a start time (otherwise `t` is its gc number, as on the charts). */
export const TIMED = 4;

/** The fields of `ChartCycle` that come from numeric columns (NaN for null). */
export const packedColumns = [
  'gc',
  't',
  'heapStart',
  'heapEnd',
  'heapLive',
  'goal',
  'pauseMs',
  'gcCpuPercent',
  'gcCpuIntervalFraction',
  'allocRateMBps',
] as const;

/** Chart cycles as columns: `unpackCycles` turns them into `ChartCycle`s. */
export interface PackedCycles {
  length: number;
  line: Int32Array;
  /** `FORCED` and `TIMED` bits of `RunColumns.flags`. */
  flags: Uint8Array;
  numbers: Record<(typeof packedColumns)[number], Float64Array>;
}

/** Columns a chart cycle can be read from: packed cycles, or a run's columns. */
export interface CycleColumns {
  line: Int32Array;
  flags: Uint8Array;
  numbers: Record<(typeof packedColumns)[number], Float64Array>;
}

const value = (n: number): number | null => (Number.isNaN(n) ? null : n);

/** Chart cycles packed as columns, to send from a worker (`packedBuffers` lists what to transfer). */
export function packChartCycles(cycles: readonly ChartCycle[]): PackedCycles {
  const length = cycles.length;
  const line = new Int32Array(length);
  const flags = new Uint8Array(length);
  const numbers = {} as PackedCycles['numbers'];
  for (const name of packedColumns) numbers[name] = new Float64Array(length);
  const nan = (v: number | null) => (v === null ? NaN : v);
  cycles.forEach((c, i) => {
    line[i] = c.line;
    flags[i] = (c.forced ? FORCED : 0) | (c.timeKnown !== false ? TIMED : 0);
    numbers.gc[i] = c.gc;
    numbers.t[i] = c.t;
    numbers.heapStart[i] = c.heapStart;
    numbers.heapEnd[i] = c.heapEnd;
    numbers.heapLive[i] = nan(c.heapLive);
    numbers.goal[i] = nan(c.goal);
    numbers.pauseMs[i] = nan(c.pauseMs);
    numbers.gcCpuPercent[i] = nan(c.gcCpuPercent);
    numbers.gcCpuIntervalFraction[i] = nan(c.gcCpuIntervalFraction);
    numbers.allocRateMBps[i] = nan(c.allocRateMBps);
  });
  return { length, line, flags, numbers };
}

/** The buffers of packed cycles, for postMessage's transfer list. */
export function packedBuffers(packed: PackedCycles): ArrayBuffer[] {
  return [packed.line, packed.flags, ...Object.values(packed.numbers)].map(
    (array) => array.buffer as ArrayBuffer,
  );
}

/** The charts' cycles from their packed columns. */
export function unpackCycles(packed: PackedCycles | undefined): ChartCycle[] {
  if (packed === undefined) return [];
  const cycles = new Array<ChartCycle>(packed.length);
  for (let i = 0; i < packed.length; i++) cycles[i] = chartCycleAt(packed, i);
  return cycles;
}

/** The chart cycle `i` of run columns or packed cycles. */
export function chartCycleAt(columns: CycleColumns, i: number): ChartCycle {
  const n = columns.numbers;
  const flags = columns.flags[i];
  return {
    line: columns.line[i],
    gc: n.gc[i],
    t: n.t[i],
    timeKnown: (flags & TIMED) !== 0,
    heapStart: n.heapStart[i],
    heapEnd: n.heapEnd[i],
    heapLive: value(n.heapLive[i]),
    goal: value(n.goal[i]),
    pauseMs: value(n.pauseMs[i]),
    gcCpuPercent: value(n.gcCpuPercent[i]),
    gcCpuIntervalFraction: value(n.gcCpuIntervalFraction[i]),
    allocRateMBps: value(n.allocRateMBps[i]),
    forced: (flags & FORCED) !== 0,
  };
}
