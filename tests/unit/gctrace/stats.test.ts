import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { median, medianInPlace, theilSen } from '../../../src/gctrace/stats.ts';

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
