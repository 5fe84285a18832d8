import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { downsampleMinMax, keptPoints } from '../../../src/charts/downsample.ts';

interface P {
  x: number;
  y: number;
  id: number;
}

const pointsArb = fc
  .array(
    fc.record({
      x: fc.double({ min: 0, max: 1000, noNaN: true }),
      y: fc.double({ min: -1e6, max: 1e6, noNaN: true }),
    }),
    { maxLength: 400 },
  )
  .map((ps) => ps.map((p, id): P => ({ ...p, id })));

describe('downsampleMinMax()', () => {
  it('keeps the lowest and highest point of every bucket (property)', () => {
    fc.assert(
      fc.property(pointsArb, fc.integer({ min: 1, max: 300 }), (points, width) => {
        const buckets = downsampleMinMax(points, width);
        expect(buckets.reduce((n, b) => n + b.count, 0)).toBe(points.length);
        for (const b of buckets) {
          const inside = points.filter(
            (p) => p.x >= b.x0 && (p.x < b.x1 || (b.index === width - 1 && p.x <= b.x1)),
          );
          // Floating-point edges: every point the bucket claims lies in it or on its border.
          expect(inside.length).toBeLessThanOrEqual(b.count + 2);
          const claimed = points.filter((p) => [b.first, b.last, b.min, b.max].includes(p));
          for (const p of claimed) {
            expect(p.x).toBeGreaterThanOrEqual(b.x0 - 1e-9);
            expect(p.x).toBeLessThanOrEqual(b.x1 + 1e-9);
          }
          const ys = inside.map((p) => p.y);
          if (inside.length === b.count) {
            expect(b.min.y).toBe(Math.min(...ys));
            expect(b.max.y).toBe(Math.max(...ys));
          }
        }
        const indices = buckets.map((b) => b.index);
        expect(indices).toEqual([...indices].sort((a, b) => a - b));
        expect(buckets.length).toBeLessThanOrEqual(width);
      }),
    );
  });

  it('keeps the global minimum and maximum', () => {
    fc.assert(
      fc.property(
        pointsArb.filter((ps) => ps.length > 0),
        fc.integer({ min: 1, max: 50 }),
        (points, width) => {
          const kept = downsampleMinMax(points, width).flatMap(keptPoints);
          const ys = points.map((p) => p.y);
          expect(kept.map((p) => p.y)).toContain(Math.min(...ys));
          expect(kept.map((p) => p.y)).toContain(Math.max(...ys));
        },
      ),
    );
  });

  it('gives first, last, min and max of a bucket, and keptPoints() in x order', () => {
    const points = [
      { x: 0.1, y: 5 },
      { x: 0.2, y: 9 },
      { x: 0.3, y: 1 },
      { x: 0.4, y: 4 },
      { x: 1.5, y: 7 },
    ];
    const [a, b] = downsampleMinMax(points, 2, [0, 2]);
    expect(a).toMatchObject({ index: 0, x0: 0, x1: 1, count: 4 });
    expect([a.first, a.min, a.max, a.last]).toEqual([points[0], points[2], points[1], points[3]]);
    expect(keptPoints(a)).toEqual(points.slice(0, 4));
    expect(b).toMatchObject({ index: 1, count: 1 });
    expect(keptPoints(b)).toEqual([points[4]]);
  });

  it('drops points outside the domain or with non-finite values', () => {
    const points = [
      { x: -1, y: 1 },
      { x: 0.5, y: NaN },
      { x: 0.5, y: 2 },
      { x: 3, y: 1 },
    ];
    const buckets = downsampleMinMax(points, 4, [0, 2]);
    expect(buckets).toHaveLength(1);
    expect(buckets[0].max).toBe(points[2]);
  });

  it('puts everything in one bucket when all x are equal, and returns [] for no points', () => {
    expect(
      downsampleMinMax(
        [
          { x: 1, y: 1 },
          { x: 1, y: 3 },
        ],
        10,
      ),
    ).toMatchObject([{ index: 0, count: 2 }]);
    expect(downsampleMinMax([], 10)).toEqual([]);
  });
});
