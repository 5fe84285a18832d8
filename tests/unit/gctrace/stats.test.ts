import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  mannKendall,
  maxOf,
  median,
  medianInPlace,
  minOf,
  theilSen,
} from '../../../src/gctrace/stats.ts';

describe('medianInPlace', () => {
  it('gives exactly what sorting gives, duplicates and negatives included', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.integer({ min: -5, max: 5 }),
            fc.double({ noNaN: true, noDefaultInfinity: true }),
          ),
          {
            minLength: 1,
            maxLength: 300,
          },
        ),
        (values) => {
          // Slopes are finite; -0 and 0 are the same slope.
          expect(medianInPlace(Float64Array.from(values)) === median(values)).toBe(true);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('is NaN for no values, and handles sorted and reversed input', () => {
    expect(medianInPlace(new Float64Array(0))).toBeNaN();
    const up = Float64Array.from({ length: 10001 }, (_, i) => i);
    expect(medianInPlace(up)).toBe(5000);
    const down = Float64Array.from({ length: 10000 }, (_, i) => 10000 - i);
    expect(medianInPlace(down)).toBe(5000.5);
  });
});

describe('theilSen', () => {
  it('finds the slope of a line through outliers', () => {
    const x = Array.from({ length: 50 }, (_, i) => i);
    const y = x.map((v, i) => (i % 10 === 3 ? 500 : 2 * v + 1));
    expect(theilSen(x, y)).toBe(2);
  });
});

describe('mannKendall', () => {
  it('counts every later value above an earlier one as rising', () => {
    const up = mannKendall([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(up.rising).toBe(28);
    expect(up.falling).toBe(0);
    expect(up.tau).toBe(1);
    expect(up.z).toBeGreaterThan(3);
  });

  it('gives no trend for a constant series and a small one for noise around a level', () => {
    expect(mannKendall([5, 5, 5, 5, 5, 5]).z).toBe(0);
    expect(Math.abs(mannKendall([3, 7, 4, 6, 5, 3, 7, 4, 6, 5]).z)).toBeLessThan(1);
  });

  it('is the same test upside down for a falling series', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 2, maxLength: 200 }),
        (y) => {
          const up = mannKendall(y);
          const down = mannKendall(y.map((v) => -v));
          expect(down.z).toBeCloseTo(-up.z, 9);
          expect(down.rising).toBe(up.falling);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('counts ties, so that whole-MB steps weigh less than distinct values', () => {
    // Same order of rises, but half the pairs tied: a smaller z.
    const distinct = mannKendall([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const steps = mannKendall([1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
    expect(steps.falling).toBe(0);
    expect(steps.z).toBeLessThan(distinct.z);
    expect(steps.z).toBeGreaterThan(3);
  });

  it('subsamples long series evenly, as theilSen does', () => {
    const long = Array.from({ length: 10_000 }, (_, i) => i);
    expect(mannKendall(long).n).toBe(160);
    expect(mannKendall(long).tau).toBe(1);
  });
});

describe('maxOf and minOf', () => {
  it('pass a NaN on wherever it sits, as Math.max and Math.min do', () => {
    for (const values of [[NaN, 1, 3], [1, NaN, 3], [1, 3, NaN], [NaN]]) {
      expect(Math.max(...values)).toBeNaN();
      expect(maxOf(values)).toBeNaN();
      expect(Math.min(...values)).toBeNaN();
      expect(minOf(values)).toBeNaN();
    }
    expect(maxOf(Float64Array.of(2, -1, 7))).toBe(7);
    expect(minOf(Float64Array.of(2, -1, 7))).toBe(-1);
  });
});
