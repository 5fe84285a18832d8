// @vitest-environment jsdom
import { symbolCircle, symbolDiamond, symbolSquare, symbolTriangle } from 'd3-shape';
import type { SymbolType } from 'd3-shape';
import { describe, expect, it } from 'vitest';
import { allocChart } from '../../../src/charts/alloc-chart.ts';
import { cpuChart } from '../../../src/charts/cpu-chart.ts';
import { heapChart } from '../../../src/charts/heap-chart.ts';
import { pauseChart } from '../../../src/charts/pause-chart.ts';
import { symbolPath } from '../../../src/charts/symbols.ts';
import type { Chart, ChartCycle, ChartKind, ChartOptions } from '../../../src/charts/types.ts';
import { buildCellModel } from '../../../src/cell/model.ts';
import { readTrace } from '../traces.ts';
import { seedCycles, syntheticCycles } from './seed-cycles.ts';
import { expectSvgSnapshot } from './svg-snapshot.ts';

const charts: Record<ChartKind, (data: readonly ChartCycle[], options?: ChartOptions) => Chart> = {
  heap: heapChart,
  pause: pauseChart,
  cpu: cpuChart,
  alloc: allocChart,
};

/** The 146 cycles of the leaking-map sample, a real Go 1.19 capture. */
const leakingMap = buildCellModel(readTrace('content/traces/leaking-map.txt')).chartCycles;

/** The numbers of an attribute, as pairs: "M1,2 3,4" → [[1, 2], [3, 4]]. */
function pairs(d: string): [number, number][] {
  const numbers = (d.match(/-?\d*\.?\d+(e-?\d+)?/g) ?? []).map(Number);
  const out: [number, number][] = [];
  for (let i = 0; i + 1 < numbers.length; i += 2) out.push([numbers[i], numbers[i + 1]]);
  return out;
}

/** The vertices of a path written "m x,y dx,dy …" (a move, then relative line-tos). */
function vertices(d: string): [number, number][] {
  expect(d).toMatch(/^m/);
  let [x, y] = [0, 0];
  return pairs(d).map(([dx, dy]) => {
    [x, y] = [x + dx, y + dy];
    return [x, y];
  });
}

/** Where the live chart centred each mark of `key`: its path's first point less the symbol's own. */
function liveCentres(node: Element, key: string, type: SymbolType): [number, number][] {
  const [ox, oy] = pairs(symbolPath(type))[0];
  return [...node.querySelectorAll(`g.cycle > .mark.${key}:not([display="none"])`)].map((mark) => {
    const [x, y] = pairs(mark.getAttribute('d') ?? '')[0];
    return [x - ox, y - oy];
  });
}

/** Every element of a chart outside its axes (whose ticks depend on the data's range). */
function elementsBesideAxes(node: Element): number {
  return node.querySelectorAll('*').length - node.querySelectorAll('.axis *').length;
}

describe.each(Object.keys(charts) as ChartKind[])('%sChart() with interactive: false', (kind) => {
  const make = charts[kind];

  it('draws no per-cycle group, hit target or tooltip', () => {
    const { node } = make(leakingMap, { interactive: false });
    expect(node.querySelectorAll('g.cycle, rect.hit, .cycles title')).toHaveLength(0);
    expect(node.getAttribute('data-cycles')).toBe('146');
  });

  it('has as many elements for 280 cycles as for 20', () => {
    const few = make(syntheticCycles(20), { interactive: false }).node;
    const many = make(syntheticCycles(280), { interactive: false }).node;
    expect(many.getAttribute('data-mode')).toBe('cycles');
    expect(elementsBesideAxes(many)).toBe(elementsBesideAxes(few));
  });

  it('keeps the title, description, legend and axes of the live chart', () => {
    const live = make(leakingMap).node;
    const built = make(leakingMap, { interactive: false }).node;
    for (const part of ['title', 'desc', '.legend', '.y-axis', '.x-axis', '.axis-label']) {
      expect(built.querySelector(part)?.outerHTML, part).toBe(live.querySelector(part)?.outerHTML);
    }
  });

  it('becomes the live chart on update(…, {interactive: true}), and back, leaving nothing behind', () => {
    const chart = make(seedCycles, { interactive: false });
    chart.update(seedCycles, { interactive: true });
    expect(chart.node.outerHTML).toBe(make(seedCycles).node.outerHTML);
    chart.update(seedCycles, { interactive: false });
    expect(chart.node.outerHTML).toBe(make(seedCycles, { interactive: false }).node.outerHTML);
  });
});

describe('symbols drawn as markers', () => {
  const shapes: [string, SymbolType][] = [
    ['heap-start', symbolCircle],
    ['heap-end', symbolTriangle],
    ['heap-live', symbolSquare],
  ];

  it('sit where the live chart centres its marks, to a tenth of a unit', () => {
    // gc 2 prints no live heap: neither chart marks it.
    const data = leakingMap.map((c) => (c.gc === 2 ? { ...c, heapLive: null } : c));
    const live = heapChart(data).node;
    const built = heapChart(data, { interactive: false }).node;
    for (const [key, type] of shapes) {
      const expected = liveCentres(live, key, type);
      const path = built.querySelector(`path.marks.${key}`)!;
      const drawn = vertices(path.getAttribute('d') ?? '');
      expect(drawn, key).toHaveLength(expected.length);
      drawn.forEach(([x, y], i) => {
        expect(Math.abs(x - expected[i][0]), `${key} x of point ${i}`).toBeLessThanOrEqual(0.06);
        expect(Math.abs(y - expected[i][1]), `${key} y of point ${i}`).toBeLessThanOrEqual(0.06);
      });
    }
    expect(liveCentres(live, 'heap-live', symbolSquare)).toHaveLength(145);
  });

  it('are one marker per series, in the series colour class, on every point of one unstroked path', () => {
    const { node } = heapChart(seedCycles, { interactive: false, idPrefix: 'cell-x-heap' });
    const markers = [...node.querySelectorAll('marker')];
    expect(markers.map((m) => [m.id, m.getAttribute('class')])).toEqual(
      shapes.map(([key]) => [`cell-x-heap-${key}-symbol`, key]),
    );
    for (const [key, type] of shapes) {
      const marker = node.querySelector(`marker.${key}`)!;
      expect(marker.getAttribute('markerUnits')).toBe('userSpaceOnUse');
      expect(marker.querySelector('path')?.getAttribute('d')).toBe(symbolPath(type));
      const path = node.querySelector(`path.marks.${key}`)!;
      for (const place of ['start', 'mid', 'end']) {
        expect(path.getAttribute(`marker-${place}`)).toBe(`url(#cell-x-heap-${key}-symbol)`);
      }
      expect(path.getAttribute('stroke')).toBeNull();
      expect(path.getAttribute('fill')).toBe('none');
    }
  });

  it('put the cumulative CPU line’s diamonds on its points, beside the line itself', () => {
    const { node } = cpuChart(seedCycles, { interactive: false, idPrefix: 'c' });
    expect(node.querySelector('marker')?.querySelector('path')?.getAttribute('d')).toBe(
      symbolPath(symbolDiamond),
    );
    expect(
      vertices(node.querySelector('path.marks.cpu-total')?.getAttribute('d') ?? ''),
    ).toHaveLength(4);
    expect(node.querySelectorAll('path.series.cpu-total')).toHaveLength(1);
  });

  it('leave out a series with no value at all', () => {
    const data = seedCycles.map((c) => ({ ...c, heapLive: null }));
    const { node } = heapChart(data, { interactive: false });
    expect(node.querySelectorAll('.heap-live:not(.swatch)')).toHaveLength(0);
  });
});

describe('bars drawn as strokes', () => {
  it('cover what the live bars cover, one stroke per cycle with a value', () => {
    for (const kind of ['pause', 'alloc'] as const) {
      const live = charts[kind](leakingMap).node;
      const built = charts[kind](leakingMap, { interactive: false }).node;
      const bars = [...live.querySelectorAll(`g.cycle > rect.mark.${kind}:not([display="none"])`)];
      const path = built.querySelector(`path.marks.${kind}`)!;
      const width = Number(path.getAttribute('stroke-width'));
      expect(path.getAttribute('stroke')).toBe('currentColor');
      const strokes = [...(path.getAttribute('d') ?? '').matchAll(/M([\d.]+),([\d.]+)V([\d.]+)/g)];
      expect(strokes, kind).toHaveLength(bars.length);
      strokes.forEach(([, x, bottom, top], i) => {
        const bar = bars[i];
        const left = Number(bar.getAttribute('x'));
        const barWidth = Number(bar.getAttribute('width'));
        const y = Number(bar.getAttribute('y'));
        expect(Math.abs(Number(x) - width / 2 - left), `${kind} bar ${i} left`).toBeLessThan(0.1);
        expect(Math.abs(width - barWidth), `${kind} bar ${i} width`).toBeLessThan(0.06);
        expect(Math.abs(Number(top) - y), `${kind} bar ${i} top`).toBeLessThan(0.06);
        expect(Number(bottom)).toBeCloseTo(y + Number(bar.getAttribute('height')), 1);
      });
    }
  });
});

describe('build-time chart snapshots of the leaking map', () => {
  it('heapChart() with interactive: false', () => {
    expectSvgSnapshot(
      'heap-go1.19-leaking-map-built',
      heapChart(leakingMap, { interactive: false, idPrefix: 'cell-leak-heap' }).node,
    );
  });
  it('cpuChart() with interactive: false', () => {
    expectSvgSnapshot(
      'cpu-go1.19-leaking-map-built',
      cpuChart(leakingMap, { interactive: false, idPrefix: 'cell-leak-cpu' }).node,
    );
  });
});
