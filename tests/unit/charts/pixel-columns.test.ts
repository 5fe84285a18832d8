import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  columnExtremes,
  columnPath,
  columnValue,
  pixelColumns,
} from '../../../src/charts/pixel-columns.ts';

const pointsArb = fc.array(
  fc.record({
    x: fc.double({ min: 0, max: 1000, noNaN: true }),
    y: fc.double({ min: -1e6, max: 1e6, noNaN: true }),
  }),
  { maxLength: 400 },
);

type Point = { x: number; y: number };

/** Column extremes of points spread over [0, 1000] in `columns` columns. */
function extremesOf(points: readonly Point[], columns: number) {
  const column = pixelColumns(
    points.map((p) => p.x),
    columns,
    1000,
  );
  return { column, extremes: columnExtremes(points.length, column, columns, (i) => points[i].y) };
}

describe('pixelColumns() and columnExtremes()', () => {
  it('keep the first, last, lowest and highest point of every column (property)', () => {
    fc.assert(
      fc.property(pointsArb, fc.integer({ min: 1, max: 300 }), (points, columns) => {
        // Oracle: column k holds the points with floor(x / step) = k, the last one also
        // holding x = 1000.
        const step = 1000 / columns;
        const groups = new Map<number, number[]>();
        points.forEach((p, i) => {
          const k = Math.min(columns - 1, Math.floor(p.x / step));
          groups.set(k, [...(groups.get(k) ?? []), i]);
        });
        const { extremes } = extremesOf(points, columns);
        for (let k = 0; k < columns; k++) {
          const group = groups.get(k) ?? [];
          expect(extremes.count[k]).toBe(group.length);
          if (group.length === 0) {
            expect(extremes.first[k]).toBe(-1);
            continue;
          }
          const ys = group.map((i) => points[i].y);
          expect(extremes.first[k]).toBe(group[0]);
          expect(extremes.last[k]).toBe(group[group.length - 1]);
          expect(extremes.lowValue[k]).toBe(Math.min(...ys));
          expect(extremes.highValue[k]).toBe(Math.max(...ys));
          expect(points[extremes.low[k]].y).toBe(Math.min(...ys));
          expect(group).toContain(extremes.high[k]);
        }
      }),
    );
  });

  it('keep the global minimum and maximum', () => {
    fc.assert(
      fc.property(
        pointsArb.filter((ps) => ps.length > 0),
        fc.integer({ min: 1, max: 50 }),
        (points, columns) => {
          const { extremes } = extremesOf(points, columns);
          const ys = points.map((p) => p.y);
          const kept = [...extremes.low, ...extremes.high].filter((i) => i >= 0);
          expect(kept.map((i) => points[i].y)).toContain(Math.min(...ys));
          expect(kept.map((i) => points[i].y)).toContain(Math.max(...ys));
        },
      ),
    );
  });

  it('give first, lowest, highest and last of a column, and columnPath() visits them in x order', () => {
    const points = [
      { x: 100, y: 5 },
      { x: 200, y: 9 },
      { x: 300, y: 1 },
      { x: 400, y: 4 },
      { x: 900, y: 7 },
    ];
    const { column, extremes } = extremesOf(points, 2);
    expect([...column]).toEqual([0, 0, 0, 0, 1]);
    expect([extremes.first[0], extremes.low[0], extremes.high[0], extremes.last[0]]).toEqual([
      0, 2, 1, 3,
    ]);
    const visit: number[] = [];
    const n = columnPath(
      extremes,
      0,
      points.map((p) => p.x),
      visit,
    );
    expect(visit.slice(0, n)).toEqual([0, 1, 2, 3]);
    expect(visit.slice(0, n).map((i) => columnValue(extremes, 0, i))).toEqual([5, 9, 1, 4]);
    expect(extremes.count[1]).toBe(1);
  });

  it('leave out points outside the plot or without a finite value', () => {
    const xs = [-1, 500, 500, 1001, NaN];
    const ys = [1, NaN, 2, 1, 1];
    const column = pixelColumns(xs, 4, 1000);
    expect([...column]).toEqual([-1, 2, 2, -1, -1]);
    const extremes = columnExtremes(xs.length, column, 4, (i) => ys[i]);
    expect(extremes.count[2]).toBe(1);
    expect(extremes.high[2]).toBe(2);
  });

  it('put every point in one column when the plot has no width', () => {
    expect([...pixelColumns([0, 0], 10, 0)]).toEqual([0, 0]);
  });
});
