/** Small robust statistics used by the analysis (no dependencies). */

/** Value at quantile `q` (0–1) of `values`, linear between order statistics; NaN when empty. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const at = (sorted.length - 1) * q;
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (at - lo);
}

export function median(values: readonly number[]): number {
  return quantile(values, 0.5);
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

/** Theil–Sen slope: the median of pairwise slopes (evenly subsampled above 300 points). */
export function theilSen(x: readonly number[], y: readonly number[]): number {
  let xs = x;
  let ys = y;
  if (x.length > 300) {
    const step = x.length / 300;
    const idx = Array.from({ length: 300 }, (_, i) => Math.floor(i * step));
    xs = idx.map((i) => x[i]);
    ys = idx.map((i) => y[i]);
  }
  const slopes: number[] = [];
  for (let i = 0; i < xs.length; i++)
    for (let j = i + 1; j < xs.length; j++)
      if (xs[j] !== xs[i]) slopes.push((ys[j] - ys[i]) / (xs[j] - xs[i]));
  return slopes.length === 0 ? 0 : median(slopes);
}
