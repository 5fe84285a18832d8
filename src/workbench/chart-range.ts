/**
 * What the charts get for a run and an x range: every cycle while there are few, otherwise a
 * per-pixel min/max selection. For each of the charts' pixel columns and each plotted series
 * the first, last, lowest and highest cycle are kept (the charts' own pixel selection), so a
 * chart drawn from the selection looks exactly like one drawn from all cycles (every spike
 * stays), at a few thousand points.
 *
 * The cycles travel from the worker as typed-array columns (`PackedCycles`): a structured clone
 * of ten thousand cycle objects costs the page tens of milliseconds to read, columns a fraction
 * of one. The page unpacks each chart's cycles just before drawing it.
 */
import { scaleLinear } from 'd3-scale';
import type { ChartKind } from '../charts/index.ts';
import { packedColumns, type PackedCycles } from '../charts/packed-cycles.ts';
import { plotSpan, timeDomain } from '../charts/layout.ts';
import { columnExtremes, pixelColumnCount, pixelColumns } from '../charts/pixel-columns.ts';
import { FORCED, HAS_HEAP, RunColumns, TIMED, type NumericColumn } from './columns.ts';

/** Plot width of the workbench's charts (drawn at the charts' default size), in viewBox units. */
const plotWidth = plotSpan().width;
/** How many pixel columns those charts draw when dense. */
export const plotColumns = pixelColumnCount(plotWidth);
/** Up to this many cycles in range, the charts get every one. */
export const fullDetailLimit = 4000;

/** The columns each chart plots: a chart needs only its own series' extremes. */
export const kindColumns: Readonly<Record<ChartKind, readonly NumericColumn[]>> = {
  heap: ['heapStart', 'heapEnd', 'heapLive', 'goal'],
  pause: ['pauseMs'],
  cpu: ['gcCpuPercent', 'gcCpuIntervalFraction'],
  alloc: ['allocRateMBps'],
};
/** A column's value, null where the line did not print it. */
const value = (n: number): number | null => (Number.isNaN(n) ? null : n);

const allKinds: readonly ChartKind[] = ['heap', 'pause', 'cpu', 'alloc'];

/** The charts' data for one x range of a run. */
export interface ChartRange {
  /** What each chart draws (the same columns for every chart when nothing was left out). */
  cycles: Partial<Record<ChartKind, PackedCycles>>;
  /** Cycles with heap numbers in the range (what the charts stand for). */
  total: number;
  /** True when `cycles` is a per-pixel min/max selection of `total`. */
  decimated: boolean;
  domain: [number, number];
}

/** The x range the charts show when not zoomed: the charts' own rule over the charted cycles. */
export function fullDomain(columns: RunColumns | null): [number, number] {
  let low = Infinity;
  let high = -Infinity;
  let timed = true;
  const length = columns?.length ?? 0;
  for (let i = 0; i < length; i++) {
    if (!(columns!.flags[i] & HAS_HEAP)) continue;
    const t = columns!.numbers.t[i];
    if (t < low) low = t;
    if (t > high) high = t;
    if (!(columns!.flags[i] & TIMED)) timed = false;
  }
  return timeDomain(low, high, timed);
}

/** The union of two ranges, for charts of two traces side by side. */
export function unionDomain(a: readonly [number, number], b: readonly [number, number]) {
  return [Math.min(a[0], b[0]), Math.max(a[1], b[1])] as [number, number];
}

/** Cycles `indexes` (ascending) of `columns`, packed. */
function pack(columns: RunColumns, indexes: Int32Array): PackedCycles {
  const length = indexes.length;
  const line = new Int32Array(length);
  const flags = new Uint8Array(length);
  for (let k = 0; k < length; k++) {
    line[k] = columns.line[indexes[k]];
    flags[k] = columns.flags[indexes[k]] & (FORCED | TIMED);
  }
  const numbers = {} as PackedCycles['numbers'];
  for (const name of packedColumns) {
    const from = columns.numbers[name];
    const to = new Float64Array(length);
    for (let k = 0; k < length; k++) to[k] = from[indexes[k]];
    numbers[name] = to;
  }
  return { length, line, flags, numbers };
}

/** Chart data for `domain` (null: the whole run, on its full domain), for each of `kinds`. */
export function chartRange(
  columns: RunColumns | null,
  domain: readonly [number, number] | null,
  limit = fullDetailLimit,
  kinds: readonly ChartKind[] = allKinds,
): ChartRange {
  const shown: [number, number] = domain ? [domain[0], domain[1]] : fullDomain(columns);
  const same = (cycles: PackedCycles) => Object.fromEntries(kinds.map((k) => [k, cycles]));
  if (columns === null)
    return {
      cycles: same(pack(new RunColumns(1), new Int32Array(0))),
      total: 0,
      decimated: false,
      domain: shown,
    };
  const [start, end] = columns.indexRange(shown);
  const t = columns.numbers.t;
  const inRange = (i: number) =>
    (columns.flags[i] & HAS_HEAP) !== 0 && t[i] >= shown[0] && t[i] <= shown[1];
  let total = 0;
  for (let i = start; i < end; i++) if (inRange(i)) total++;
  if (total <= limit) {
    const indexes = new Int32Array(total);
    let k = 0;
    for (let i = start; i < end; i++) if (inRange(i)) indexes[k++] = i;
    return { cycles: same(pack(columns, indexes)), total, decimated: false, domain: shown };
  }
  // The charts' pixel selection, so each kept cycle lands in the pixel column it came from.
  const x = scaleLinear().domain(shown).range([0, plotWidth]);
  const xs = new Float64Array(end - start).fill(NaN);
  for (let i = start; i < end; i++) if (inRange(i)) xs[i - start] = x(t[i]);
  const pixel = pixelColumns(xs, plotColumns, plotWidth);
  const byKind: Partial<Record<ChartKind, PackedCycles>> = {};
  for (const kind of kinds)
    byKind[kind] = select(columns, start, end, pixel, total, kindColumns[kind]);
  return { cycles: byKind, total, decimated: true, domain: shown };
}

/** First, last, lowest and highest cycle of every pixel column for each of `names`. */
function select(
  columns: RunColumns,
  start: number,
  end: number,
  pixel: Int32Array,
  total: number,
  names: readonly NumericColumn[],
): PackedCycles {
  const keep = new Uint8Array(end - start);
  let kept = 0;
  for (const name of names) {
    const series = columns.numbers[name];
    const extremes = columnExtremes(end - start, pixel, plotColumns, (k) =>
      value(series[start + k]),
    );
    for (const list of [extremes.first, extremes.last, extremes.low, extremes.high])
      for (const k of list)
        if (k >= 0 && keep[k] === 0) {
          keep[k] = 1;
          kept++;
        }
  }
  // Charts draw pixel columns only past one cycle per two pixels; add evenly spaced cycles
  // (which change no column's first, last, lowest or highest) until the selection is past that.
  const want = plotColumns + 1;
  if (kept < want) {
    const step = total / (want - kept + 1);
    let seen = 0;
    let next = step;
    for (let i = start; i < end && kept < want; i++) {
      if (pixel[i - start] < 0) continue;
      seen++;
      if (seen >= next) {
        next += step;
        if (keep[i - start] === 0) {
          keep[i - start] = 1;
          kept++;
        }
      }
    }
  }
  const indexes = new Int32Array(kept);
  let at = 0;
  for (let k = 0; k < keep.length; k++) if (keep[k]) indexes[at++] = start + k;
  return pack(columns, indexes);
}
