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
  it('keeps the first, last, lowest and highest point of every bucket (property)', () => {
    fc.assert(
      fc.property(pointsArb, fc.integer({ min: 1, max: 300 }), (points, width) => {
        // Oracle: bucket i holds the points with floor((x - low) / step) = i, the last one
        // also holding x = high.
        const low = Math.min(...points.map((p) => p.x));
        const high = Math.max(...points.map((p) => p.x));
        const step = (high - low) / width;
        const groups = new Map<number, P[]>();
        for (const p of points) {
          const i = step > 0 ? Math.min(width - 1, Math.floor((p.x - low) / step)) : 0;
          groups.set(i, [...(groups.get(i) ?? []), p]);
        }
        const buckets = downsampleMinMax(points, width);
        expect(buckets.map((b) => b.index)).toEqual([...groups.keys()].sort((a, b) => a - b));
        for (const b of buckets) {
          const group = groups.get(b.index) ?? [];
          const ys = group.map((p) => p.y);
          expect(b.count).toBe(group.length);
          expect(b.first).toBe(group[0]);
          expect(b.last).toBe(group[group.length - 1]);
          expect(b.min.y).toBe(Math.min(...ys));
          expect(b.max.y).toBe(Math.max(...ys));
          expect(group).toContain(b.min);
          expect(group).toContain(b.max);
        }
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
