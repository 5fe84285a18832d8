/** Small robust statistics used by the analysis (no dependencies). */

/** Value at quantile `q` (0–1) of `values`, linear between order statistics; NaN when empty. */
export function quantile(values: ArrayLike<number>, q: number): number {
  // A typed array sorts numerically without a comparator callback: many times faster.
  return sortedQuantile(Float64Array.from(values).sort(), q);
}

/** `quantile` of values already in ascending order. */
export function sortedQuantile(sorted: ArrayLike<number>, q: number): number {
  if (sorted.length === 0) return NaN;
  const at = (sorted.length - 1) * q;
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (at - lo);
}

export function median(values: ArrayLike<number>): number {
  return quantile(values, 0.5);
}

/**
 * The highest of `values` as Math.max gives it (NaN if any is NaN, -Infinity when empty), with a
 * loop: `Math.max(...values)` passes every value as an argument, and a long trace's cycles are
 * more arguments than the call stack holds (RangeError: Maximum call stack size exceeded).
 */
export function maxOf(values: ArrayLike<number>): number {
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (Number.isNaN(v)) return NaN;
    if (v > max) max = v;
  }
  return max;
}

/** The lowest of `values` as Math.min gives it (NaN if any is NaN, Infinity when empty), with a loop. */
export function minOf(values: ArrayLike<number>): number {
  let min = Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (Number.isNaN(v)) return NaN;
    if (v < min) min = v;
  }
  return min;
}

/** Ordinary least squares: slope, intercept and R² (R² is 0 when y does not vary). */
export function linearFit(
  x: readonly number[],
  y: readonly number[],
): { slope: number; intercept: number; r2: number } {
  const n = x.length;
  if (n < 2) return { slope: 0, intercept: y[0] ?? 0, r2: 0 };
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += x[i];
    my += y[i];
  }
  mx /= n;
  my /= n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (x[i] - mx) * (y[i] - my);
    sxx += (x[i] - mx) ** 2;
    syy += (y[i] - my) ** 2;
  }
  const slope = sxx === 0 ? 0 : sxy / sxx;
  const r2 = sxx === 0 || syy === 0 ? 0 : (sxy * sxy) / (sxx * syy);
  return { slope, intercept: my - slope * mx, r2 };
}

/** Theil–Sen slope: the median of pairwise slopes (evenly subsampled above 160 points). */
export function theilSen(x: readonly number[], y: readonly number[]): number {
  // Pairwise slopes grow with the square of the points: 160 points give 12,720 slopes, enough
  // for a stable median while keeping the analysis fast enough to run on every keystroke.
  const n = Math.min(x.length, 160);
  const step = x.length / n;
  const xs = new Float64Array(n);
  const ys = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const k = Math.floor(i * step);
    xs[i] = x[k];
    ys[i] = y[k];
  }
  const slopes = new Float64Array((n * (n - 1)) / 2);
  let count = 0;
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++)
      if (xs[j] !== xs[i]) slopes[count++] = (ys[j] - ys[i]) / (xs[j] - xs[i]);
  return count === 0 ? 0 : medianInPlace(slopes.subarray(0, count));
}

/** Mann–Kendall trend test of a series in order: how steadily it rises or falls. */
export interface MannKendall {
  /** Pairs (earlier, later) where the later value is higher, and where it is lower. */
  rising: number;
  falling: number;
  /** Rising pairs minus falling pairs. */
  s: number;
  /** `s` over the number of pairs: 1 when every later value is higher, −1 when every one is lower. */
  tau: number;
  /** `s` in standard deviations of what series without a trend give (ties counted): above 3, a steady rise. */
  z: number;
  /** The number of values tested (evenly subsampled above 160, as in `theilSen`). */
  n: number;
}

/**
 * Mann–Kendall test of `y` in order. Whole-MB heaps repeat values a lot, so the variance is the
 * one corrected for ties; z has the usual continuity correction. Subsampled like `theilSen` so
 * that it stays fast enough to run on every keystroke.
 */
export function mannKendall(y: readonly number[]): MannKendall {
  const n = Math.min(y.length, 160);
  const step = y.length / Math.max(n, 1);
  const ys = new Float64Array(n);
  for (let i = 0; i < n; i++) ys[i] = y[Math.floor(i * step)];
  let rising = 0;
  let falling = 0;
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++) {
      if (ys[j] > ys[i]) rising++;
      else if (ys[j] < ys[i]) falling++;
    }
  const s = rising - falling;
  const pairs = (n * (n - 1)) / 2;
  // Tie groups: t equal values take t(t − 1)(2t + 5) from n(n − 1)(2n + 5).
  const sorted = ys.slice().sort();
  let ties = 0;
  for (let i = 0; i < n;) {
    let j = i + 1;
    while (j < n && sorted[j] === sorted[i]) j++;
    const t = j - i;
    ties += t * (t - 1) * (2 * t + 5);
    i = j;
  }
  const variance = (n * (n - 1) * (2 * n + 5) - ties) / 18;
  const z = variance > 0 && s !== 0 ? (s - Math.sign(s)) / Math.sqrt(variance) : 0;
  return { rising, falling, s, tau: pairs > 0 ? s / pairs : 0, z, n };
}

/**
 * The median of `values` (the same number `median` gives), found by selection rather than a
 * full sort: linear time for the thousands of pairwise slopes of a Theil–Sen fit. Reorders
 * `values`.
 */
export function medianInPlace(values: Float64Array): number {
  const n = values.length;
  if (n === 0) return NaN;
  const lo = (n - 1) >> 1;
  select(values, lo);
  if (n % 2 === 1) return values[lo];
  // After selection everything right of `lo` is at least values[lo]: the next order statistic
  // is their minimum.
  let hi = Infinity;
  for (let i = lo + 1; i < n; i++) if (values[i] < hi) hi = values[i];
  return values[lo] + (hi - values[lo]) * 0.5;
}

/** Moves the k-th smallest value to index k, smaller ones before it, larger ones after. */
function select(a: Float64Array, k: number): void {
  let left = 0;
  let right = a.length - 1;
  while (right > left) {
    // Median of three as the pivot keeps sorted and reversed input linear.
    const mid = (left + right) >> 1;
    if (a[mid] < a[left]) swap(a, mid, left);
    if (a[right] < a[left]) swap(a, right, left);
    if (a[right] < a[mid]) swap(a, right, mid);
    const pivot = a[mid];
    let i = left;
    let j = right;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) {
        swap(a, i, j);
        i++;
        j--;
      }
    }
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else return;
  }
}

function swap(a: Float64Array, i: number, j: number): void {
  const t = a[i];
  a[i] = a[j];
  a[j] = t;
}
