/**
 * One run's cycles as growable typed-array columns: about 110 bytes a cycle, against ~650 for
 * the engine's objects, so a million-cycle trace fits in a browser tab.
 */
import { cycleValues, isCharted } from '../charts/chart-data.ts';
import type { CycleMeasures, GcCycle } from '../gctrace/index.ts';

/** Flag bits in `RunColumns.flags`: FORCED and TIMED are the packed cycles' own bits. */
export { FORCED, TIMED } from '../charts/packed-cycles.ts';
import { FORCED, packedColumns, TIMED } from '../charts/packed-cycles.ts';
export const TRUNCATED = 2;
/** The cycle has its heap numbers (cut-off lines may not): the charts show only these. */
export const HAS_HEAP = 8;

/**
 * The numeric columns, all Float64 with NaN for "not printed / not derivable": the chart cycle's
 * packed fields, then what the summary needs.
 */
export const numericColumns = [
  ...packedColumns,
  'liveMB',
  'gcCpuMs',
  'budgetMs',
  'wallMs',
] as const;

export type NumericColumn = (typeof numericColumns)[number];

const orNaN = (value: number | null | undefined): number => value ?? NaN;

/** Growable columns of one run, in line order. */
export class RunColumns {
  length = 0;
  /** False once a time went backwards (Go 1.9's bogus times): range look-ups then scan. */
  sorted = true;
  line: Int32Array;
  flags: Uint8Array;
  readonly numbers: Record<NumericColumn, Float64Array>;

  constructor(capacity = 1024) {
    this.line = new Int32Array(capacity);
    this.flags = new Uint8Array(capacity);
    this.numbers = {} as Record<NumericColumn, Float64Array>;
    for (const name of numericColumns) this.numbers[name] = new Float64Array(capacity);
  }

  get capacity(): number {
    return this.line.length;
  }

  /** Bytes held by the columns (capacity, not length). */
  get bytes(): number {
    return this.capacity * (4 + 1 + 8 * numericColumns.length);
  }

  /** Makes room for `capacity` cycles (twice the present room by default). */
  grow(capacity = this.capacity * 2): void {
    const line = new Int32Array(capacity);
    line.set(this.line);
    this.line = line;
    const flags = new Uint8Array(capacity);
    flags.set(this.flags);
    this.flags = flags;
    for (const name of numericColumns) {
      const column = new Float64Array(capacity);
      column.set(this.numbers[name]);
      this.numbers[name] = column;
    }
  }

  /** Appends one cycle with its measures. */
  push(cycle: GcCycle, measures: CycleMeasures | undefined): void {
    if (this.length === this.capacity) this.grow();
    const i = this.length++;
    const n = this.numbers;
    // The charts' values, kept for every cycle: exports list the cut-off ones too.
    const values = cycleValues(cycle, measures);
    this.line[i] = cycle.line;
    this.flags[i] =
      (cycle.forced ? FORCED : 0) |
      (cycle.truncated ? TRUNCATED : 0) |
      (values.timeKnown ? TIMED : 0) |
      (isCharted(values) ? HAS_HEAP : 0);
    n.gc[i] = cycle.gc;
    n.t[i] = values.t;
    if (i > 0 && n.t[i] < n.t[i - 1]) this.sorted = false;
    n.heapStart[i] = orNaN(values.heapStart);
    n.heapEnd[i] = orNaN(values.heapEnd);
    n.heapLive[i] = orNaN(values.heapLive);
    n.goal[i] = orNaN(values.goal);
    n.pauseMs[i] = orNaN(values.pauseMs);
    n.gcCpuPercent[i] = orNaN(values.gcCpuPercent);
    n.gcCpuIntervalFraction[i] = orNaN(values.gcCpuIntervalFraction);
    n.allocRateMBps[i] = orNaN(values.allocRateMBps);
    n.liveMB[i] = orNaN(measures?.liveMB);
    n.gcCpuMs[i] = orNaN(measures?.gcCpuMs);
    const interval = measures?.intervalSeconds ?? null;
    n.budgetMs[i] =
      interval !== null && interval > 0 && cycle.procs !== null && cycle.procs > 0
        ? interval * 1000 * cycle.procs
        : NaN;
    n.wallMs[i] = orNaN(measures?.wallMs);
  }

  /** First index whose `t` is ≥ `t` (the column is in time order within a run). */
  lowerBound(t: number): number {
    const column = this.numbers.t;
    let lo = 0;
    let hi = this.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (column[mid] < t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Index range [start, end) that holds every cycle with `from ≤ t ≤ to` (callers still test `t`). */
  indexRange(domain: readonly [number, number] | null): [number, number] {
    if (domain === null || !this.sorted) return [0, this.length];
    const start = this.lowerBound(domain[0]);
    let end = this.lowerBound(domain[1]);
    while (end < this.length && this.numbers.t[end] <= domain[1]) end++;
    return [start, end];
  }
}
