/** A small seeded PRNG, so the same settings always give the same trace. */

/** Random source: `next()` is uniform in [0, 1). */
export interface Random {
  next(): number;
  /** Uniform in [min, max). */
  between(min: number, max: number): number;
  /** Log-normal around `median`: `median × e^(sigma × N(0,1))`, the usual shape of pause times. */
  around(median: number, sigma: number): number;
}

/** mulberry32: 32-bit state, good enough for jitter and fast. */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const normal = (): number => {
    // Box–Muller; 1 − u keeps the logarithm finite.
    const u = 1 - next();
    const v = next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  };
  return {
    next,
    between: (min, max) => min + (max - min) * next(),
    around: (median, sigma) => median * Math.exp(sigma * normal()),
  };
}
