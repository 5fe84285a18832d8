/**
 * Pixel selection: which cycles a dense chart draws. The charts draw from it, and the workbench
 * uses it to send them only the cycles they would draw.
 */

/**
 * Past one cycle per two pixels, per-cycle marks (each about 7 wide) only cover each other and
 * cost the page thousands of elements to lay out and paint: the chart draws pixel columns.
 */
export function isDense(cycleCount: number, plotWidth: number): boolean {
  return cycleCount > plotWidth / 2;
}

/** How many pixel columns a dense chart of this plot width draws. */
export function pixelColumnCount(plotWidth: number): number {
  return Math.max(1, Math.round(plotWidth));
}

/**
 * One series' extremes in every pixel column of a dense chart: the first, last, lowest and
 * highest point of each column (the first one on ties), kept as indexes into the chart's cycles
 * so no point objects are made per cycle.
 */
export interface ColumnExtremes {
  /** Index of each column's first, last, lowest and highest cycle; -1 for an empty column. */
  first: Int32Array;
  last: Int32Array;
  low: Int32Array;
  high: Int32Array;
  /** The value of each column's first, last, lowest and highest cycle. */
  firstValue: Float64Array;
  lastValue: Float64Array;
  lowValue: Float64Array;
  highValue: Float64Array;
  /** How many cycles with a value fell into each column. */
  count: Int32Array;
}

/**
 * The pixel column of each x in [0, plotWidth] split into `columns` equal columns, or -1 for an
 * x outside it or not finite.
 */
export function pixelColumns(
  xs: ArrayLike<number>,
  columns: number,
  plotWidth: number,
): Int32Array {
  const width = plotWidth / columns;
  const column = new Int32Array(xs.length);
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i];
    column[i] =
      Number.isFinite(x) && x >= 0 && x <= plotWidth
        ? width > 0
          ? Math.min(columns - 1, Math.floor(x / width))
          : 0
        : -1;
  }
  return column;
}

/**
 * The extremes of `value` over points 0 to `count` − 1 (points without a finite value are left
 * out) in each of `columns` columns, point i lying in column `column[i]` (-1: in none).
 */
export function columnExtremes(
  count: number,
  column: Int32Array,
  columns: number,
  value: (i: number) => number | null,
): ColumnExtremes {
  const first = new Int32Array(columns).fill(-1);
  const last = new Int32Array(columns).fill(-1);
  const low = new Int32Array(columns).fill(-1);
  const high = new Int32Array(columns).fill(-1);
  const firstValue = new Float64Array(columns);
  const lastValue = new Float64Array(columns);
  const lowValue = new Float64Array(columns);
  const highValue = new Float64Array(columns);
  const counts = new Int32Array(columns);
  for (let i = 0; i < count; i++) {
    const k = column[i];
    if (k < 0) continue;
    const v = value(i);
    if (v === null || !Number.isFinite(v)) continue;
    counts[k]++;
    if (first[k] < 0) {
      first[k] = last[k] = low[k] = high[k] = i;
      firstValue[k] = lastValue[k] = lowValue[k] = highValue[k] = v;
      continue;
    }
    last[k] = i;
    lastValue[k] = v;
    if (v < lowValue[k]) {
      low[k] = i;
      lowValue[k] = v;
    }
    if (v > highValue[k]) {
      high[k] = i;
      highValue[k] = v;
    }
  }
  return { first, last, low, high, firstValue, lastValue, lowValue, highValue, count: counts };
}

/**
 * The cycles a line through column `k` visits: its first, lowest, highest and last cycle without
 * repeats, in x order. Writes them into `into` and returns how many there are.
 */
export function columnPath(
  extremes: ColumnExtremes,
  k: number,
  xs: readonly number[],
  into: number[],
): number {
  let n = add(into, 0, extremes.first[k], xs);
  n = add(into, n, extremes.low[k], xs);
  n = add(into, n, extremes.high[k], xs);
  return add(into, n, extremes.last[k], xs);
}

/** The value of cycle `i`, one of column `k`'s first, lowest, highest or last. */
export function columnValue(extremes: ColumnExtremes, k: number, i: number): number {
  if (i === extremes.first[k]) return extremes.firstValue[k];
  if (i === extremes.low[k]) return extremes.lowValue[k];
  if (i === extremes.high[k]) return extremes.highValue[k];
  return extremes.lastValue[k];
}

/** Adds cycle `i` to the `n` in `into` unless there already, keeping x order; returns the count. */
function add(into: number[], n: number, i: number, xs: readonly number[]): number {
  if (i < 0 || seen(into, n, i)) return n;
  // Insertion keeps equal x in the order added, as a stable sort would.
  let at = n;
  while (at > 0 && xs[into[at - 1]] > xs[i]) {
    into[at] = into[at - 1];
    at--;
  }
  into[at] = i;
  return n + 1;
}

function seen(list: readonly number[], n: number, value: number): boolean {
  for (let j = 0; j < n; j++) if (list[j] === value) return true;
  return false;
}
