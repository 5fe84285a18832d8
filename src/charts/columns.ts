import type { ChartCycle } from './types.ts';

/**
 * One series' extremes in every pixel column of a dense chart: the same selection as
 * `downsampleMinMax` (first, last, lowest and highest point of each column, the first one on
 * ties), kept as indexes into the chart's cycles so no point objects are made per cycle.
 */
export interface ColumnExtremes {
  /** Index of each column's first, last, lowest and highest cycle; -1 for an empty column. */
  first: Int32Array;
  last: Int32Array;
  low: Int32Array;
  high: Int32Array;
  /** The lowest and highest value of each column. */
  lowValue: Float64Array;
  highValue: Float64Array;
  /** How many cycles with a value fell into each column. */
  count: Int32Array;
}

/**
 * The pixel column of each x in [0, plotWidth] split into `columns` equal columns, or -1 for an
 * x outside it or not finite: the arithmetic of `downsampleMinMax` over the domain [0, plotWidth].
 */
export function pixelColumns(
  xs: readonly number[],
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

/** The extremes of `value` (cycles without one are left out) in each of `columns` columns. */
export function columnExtremes(
  cycles: readonly ChartCycle[],
  column: Int32Array,
  columns: number,
  value: (cycle: ChartCycle) => number | null,
): ColumnExtremes {
  const first = new Int32Array(columns).fill(-1);
  const last = new Int32Array(columns).fill(-1);
  const low = new Int32Array(columns).fill(-1);
  const high = new Int32Array(columns).fill(-1);
  const lowValue = new Float64Array(columns);
  const highValue = new Float64Array(columns);
  const count = new Int32Array(columns);
  for (let i = 0; i < cycles.length; i++) {
    const k = column[i];
    if (k < 0) continue;
    const v = value(cycles[i]);
    if (v === null || !Number.isFinite(v)) continue;
    count[k]++;
    if (first[k] < 0) {
      first[k] = last[k] = low[k] = high[k] = i;
      lowValue[k] = highValue[k] = v;
      continue;
    }
    last[k] = i;
    if (v < lowValue[k]) {
      low[k] = i;
      lowValue[k] = v;
    }
    if (v > highValue[k]) {
      high[k] = i;
      highValue[k] = v;
    }
  }
  return { first, last, low, high, lowValue, highValue, count };
}

/**
 * The cycles a line through column `k` visits: its first, lowest, highest and last cycle without
 * repeats, in x order (as `keptPoints`). Writes them into `into` and returns how many there are.
 */
export function columnPath(
  extremes: ColumnExtremes,
  k: number,
  xs: readonly number[],
  into: number[],
): number {
  let n = 0;
  for (const i of [extremes.first[k], extremes.low[k], extremes.high[k], extremes.last[k]]) {
    if (i < 0 || seen(into, n, i)) continue;
    // Insertion keeps equal x in the order above, as a stable sort would.
    let at = n;
    while (at > 0 && xs[into[at - 1]] > xs[i]) {
      into[at] = into[at - 1];
      at--;
    }
    into[at] = i;
    n++;
  }
  return n;
}

function seen(list: readonly number[], n: number, value: number): boolean {
  for (let j = 0; j < n; j++) if (list[j] === value) return true;
  return false;
}
