// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { allocChart } from '../../../src/charts/alloc-chart.ts';
import { cpuChart } from '../../../src/charts/cpu-chart.ts';
import { chartWithTooltips } from '../../../src/charts/export.ts';
import { heapChart } from '../../../src/charts/heap-chart.ts';
import { chartCss, seriesColours } from '../../../src/charts/palette.ts';
import { pauseChart } from '../../../src/charts/pause-chart.ts';
import { tooltipText } from '../../../src/charts/tooltip.ts';
import type { Chart, ChartCycle, ChartKind, ChartOptions } from '../../../src/charts/types.ts';
import { seedCycles, seedCyclesNoGoal, syntheticCycles } from './seed-cycles.ts';

const charts: Record<ChartKind, (data: readonly ChartCycle[], options?: ChartOptions) => Chart> = {
  heap: heapChart,
  pause: pauseChart,
  cpu: cpuChart,
  alloc: allocChart,
};

const titles: Record<ChartKind, string> = {
  heap: 'Heap over 4 GC cycles',
  pause: 'Stop-the-world pause over 4 GC cycles',
  cpu: 'GC CPU over 4 GC cycles',
  alloc: 'Allocation rate over 4 GC cycles',
};

function lines(node: Element, selector: string): number[] {
  return [...node.querySelectorAll(selector)].map((e) => Number(e.getAttribute('data-line')));
}

describe.each(Object.keys(charts) as ChartKind[])('%sChart()', (kind) => {
  const make = charts[kind];

  it('is an image named by a <title> that says what it shows over how many cycles', () => {
    const { node } = make(seedCycles);
    expect(node.tagName).toBe('svg');
    expect(node.getAttribute('role')).toBe('img');
    const title = node.querySelector(`#${node.getAttribute('aria-labelledby')}`);
    expect(title?.tagName).toBe('title');
    expect(title?.textContent).toBe(titles[kind]);
    const desc = node.querySelector(`#${node.getAttribute('aria-describedby')}`);
    expect(desc?.tagName).toBe('desc');
    expect(desc?.textContent).toMatch(/from 0\.009 s to 0\.066 s/);
    expect(node.getAttribute('data-cycles')).toBe('4');
  });

  it('sizes itself with a viewBox, not pixels', () => {
    const { node } = make(seedCycles, { width: 500, height: 200 });
    expect(node.getAttribute('viewBox')).toBe('0 0 500 200');
    expect(node.hasAttribute('width')).toBe(false);
  });

  it('gives every cycle a hit target carrying its line, GC number and exact values', () => {
    const { node } = make(seedCycles);
    const hits = [...node.querySelectorAll('g.cycle > rect.hit')];
    // The cycle's group carries its line and number; a click on the target finds them with closest().
    expect(hits.map((h) => h.closest('[data-line]')?.getAttribute('data-line'))).toEqual([
      '1',
      '2',
      '3',
      '4',
    ]);
    expect(hits.map((h) => h.closest('[data-gc]')?.getAttribute('data-gc'))).toEqual([
      '1',
      '2',
      '3',
      '4',
    ]);
    expect(hits.map((h) => h.querySelector('title')?.textContent)).toEqual(
      seedCycles.map((c) => tooltipText(c, kind)),
    );
    // The targets tile the plot without gaps, so every x position belongs to a cycle.
    const edges = hits.map((h) => {
      return [Number(h.getAttribute('x')), Number(h.getAttribute('width'))];
    });
    expect(edges[0][0]).toBe(0);
    edges.slice(1).forEach(([x], i) => expect(x).toBeCloseTo(edges[i][0] + edges[i][1], 1));
  });

  it('update() changes the number of marks and is idempotent', () => {
    const chart = make(seedCycles);
    const axis = chart.node.querySelector('.x-axis');
    chart.update(seedCycles.slice(0, 2));
    expect(chart.node.querySelectorAll('g.cycle')).toHaveLength(2);
    expect(chart.node.querySelector('title')?.textContent).toMatch(/over 2 GC cycles$/);
    chart.update(seedCycles);
    const once = chart.node.outerHTML;
    chart.update(seedCycles);
    expect(chart.node.outerHTML).toBe(once);
    expect(chart.node.querySelectorAll('g.cycle')).toHaveLength(4);
    expect(chart.node.querySelector('.x-axis')).toBe(axis);
    expect(chart.node.querySelectorAll('.x-axis')).toHaveLength(1);
  });

  it('update() marks highlighted and selected cycles, and clears them again', () => {
    const chart = make(seedCycles);
    chart.update(seedCycles, { highlight: new Set([2, 3]), selected: 4 });
    expect(lines(chart.node, 'g.cycle.is-highlighted')).toEqual([2, 3]);
    expect(lines(chart.node, 'g.cycle.is-selected')).toEqual([4]);
    chart.update(seedCycles, { highlight: new Set(), selected: null });
    expect(chart.node.querySelectorAll('.is-highlighted, .is-selected')).toHaveLength(0);
  });

  it('keeps the options given earlier when update() gets new ones', () => {
    const chart = make(seedCycles, { width: 480, idPrefix: 'lesson-3' });
    chart.update(seedCycles, { selected: 1 });
    expect(chart.node.getAttribute('viewBox')).toBe('0 0 480 280');
    expect(chart.node.getAttribute('aria-labelledby')).toBe('lesson-3-title');
  });

  it('shows only the cycles inside options.xDomain', () => {
    const chart = make(seedCycles, { xDomain: [0.01, 0.04] });
    expect(lines(chart.node, 'g.cycle')).toEqual([2, 3]);
    expect(chart.node.querySelector('title')?.textContent).toMatch(/over 2 GC cycles$/);
  });

  it('says so when there are no cycles yet', () => {
    const { node } = make([]);
    expect(node.querySelector('title')?.textContent).toMatch(/: no GC cycles yet$/);
    expect(node.querySelectorAll('g.cycle')).toHaveLength(0);
  });

  it('names one cycle in the singular', () => {
    const { node } = make(seedCycles.slice(0, 1));
    expect(node.querySelector('title')?.textContent).toMatch(/over 1 GC cycle$/);
  });
});

describe('heapChart()', () => {
  it('draws start, end and live as three different shapes, and the goal as one step line', () => {
    const { node } = heapChart(seedCycles);
    const first = node.querySelector('g.cycle');
    const shapes = ['heap-start', 'heap-end', 'heap-live'].map((k) =>
      first?.querySelector(`.mark.${k}`)?.getAttribute('d'),
    );
    expect(new Set(shapes).size).toBe(3);
    const goal = node.querySelectorAll('path.series.heap-goal');
    expect(goal).toHaveLength(1);
    // Step-before: the path only ever moves straight across or straight up/down.
    expect(goal[0].getAttribute('d')).toMatch(/^M[\d.,]+(L[\d.,]+)+$/);
  });

  it('labels every series in the legend with the trace field it comes from', () => {
    const { node } = heapChart(seedCycles);
    expect([...node.querySelectorAll('.legend text')].map((t) => t.textContent)).toEqual([
      'heap at start (1st number)',
      'heap at end (2nd)',
      'live heap (3rd)',
      'goal (MB goal)',
    ]);
  });

  it('does not draw an unbounded goal, and notes it in the legend', () => {
    const { node } = heapChart(seedCyclesNoGoal);
    expect(node.querySelectorAll('.heap-goal')).toHaveLength(0);
    const legend = [...node.querySelectorAll('.legend text')].map((t) => t.textContent);
    expect(legend).not.toContain('goal (MB goal)');
    expect(legend).toContain('no goal: GC off');
  });

  it('breaks the goal line where one cycle has no goal', () => {
    const data = seedCycles.map((c) => (c.gc === 3 ? { ...c, goal: null } : c));
    const { node } = heapChart(data, { noGoalNote: 'goal not printed' });
    const d = node.querySelector('path.series.heap-goal')?.getAttribute('d') ?? '';
    expect(d.match(/M/g)).toHaveLength(2);
    expect(node.querySelector('.legend .note')?.textContent).toBe('goal not printed');
  });

  it('marks forced cycles with a class the page can style', () => {
    const data = seedCycles.map((c) => ({ ...c, forced: c.gc === 3 }));
    expect(lines(heapChart(data).node, 'g.cycle.is-forced')).toEqual([3]);
  });

  it('hides a live-heap mark the trace does not print', () => {
    const data = seedCycles.map((c) => ({ ...c, heapLive: c.gc === 2 ? null : c.heapLive }));
    const { node } = heapChart(data);
    const hidden = [...node.querySelectorAll('.mark.heap-live[display="none"]')];
    expect(hidden.map((m) => m.parentElement?.getAttribute('data-line'))).toEqual(['2']);
  });
});

/** Puts the pointer over the plot of a dense chart at x (plot units), as a browser would. */
function pointAt(node: SVGSVGElement, x: number): Element {
  const hit = node.querySelector('.buckets > rect.hit.columns')!;
  // jsdom has no layout: the plot starts at the client's left edge, one unit a pixel.
  (hit as unknown as { getScreenCTM(): unknown }).getScreenCTM = () => ({ a: 1, e: 0 });
  hit.dispatchEvent(new MouseEvent('pointermove', { bubbles: true, clientX: x }));
  return hit;
}

describe('dense charts', () => {
  const big = syntheticCycles(3000);

  it('draw per-pixel columns instead of per-cycle marks past one cycle per two pixels', () => {
    // 400 cycles in a chart of the default size: more than one per two units across the plot.
    expect(heapChart(syntheticCycles(400)).node.getAttribute('data-mode')).toBe('dense');
    expect(heapChart(syntheticCycles(100)).node.getAttribute('data-mode')).toBe('cycles');
    const chart = pauseChart(big);
    expect(chart.node.getAttribute('data-mode')).toBe('dense');
    expect(chart.node.querySelectorAll('g.cycle')).toHaveLength(0);
    // One hit target over the whole plot, whatever the number of columns.
    expect(chart.node.querySelectorAll('.buckets > rect.hit')).toHaveLength(1);
    expect(chart.node.querySelectorAll('path.series.pause')).toHaveLength(1);
    chart.update(seedCycles);
    expect(chart.node.getAttribute('data-mode')).toBe('cycles');
    expect(chart.node.querySelectorAll('.buckets > *')).toHaveLength(0);
    expect(chart.node.querySelectorAll('path.series.pause')).toHaveLength(0);
  });

  it('redraw to the same SVG when updated with the same data', () => {
    const chart = cpuChart(big);
    const once = chart.node.outerHTML;
    chart.update(big.map((c) => ({ ...c })));
    expect(chart.node.outerHTML).toBe(once);
  });

  it('keep a legend swatch for every series when switching between dense and sparse', () => {
    const chart = heapChart(big);
    chart.update(seedCycles);
    chart.update(big);
    chart.update(seedCycles);
    const swatches = [...chart.node.querySelectorAll('.legend > .legend-item > .swatch')];
    expect(swatches.map((s) => s.getAttribute('class'))).toEqual([
      'swatch heap-start',
      'swatch heap-end',
      'swatch heap-live',
      'swatch heap-goal',
    ]);
    expect(swatches.every((s) => s.childElementCount > 0)).toBe(true);
  });

  it('keep every pause spike: each spike cycle is the peak of its pixel column', () => {
    const { node } = pauseChart(big);
    const peaks = new Set(lines(chartWithTooltips(node), '.bucket'));
    const spikes = big.filter((c) => c.pauseMs === 12.5).map((c) => c.line);
    expect(spikes.length).toBeGreaterThan(5);
    for (const line of spikes) expect(peaks).toContain(line);
    // The drawn bars reach the spikes' height too.
    const bars = node.querySelector('path.series.pause')?.getAttribute('d') ?? '';
    const tops = [...bars.matchAll(/V([\d.]+)/g)].map((m) => Number(m[1]));
    expect(tops.filter((y) => y === Math.min(...tops)).length).toBe(spikes.length);
  });

  it('highlight and select the pixel columns holding those lines', () => {
    const chart = heapChart(big, { highlight: new Set([1500]), selected: 10 });
    const lit = [...chart.node.querySelectorAll('.bucket.is-highlighted')];
    expect(lit).toHaveLength(1);
    const [from, to] = (lit[0].getAttribute('data-lines') ?? '').split('-').map(Number);
    expect(from).toBeLessThanOrEqual(1500);
    expect(to).toBeGreaterThanOrEqual(1500);
    expect(chart.node.querySelectorAll('.bucket.is-selected')).toHaveLength(1);
    chart.update(big, { highlight: new Set(), selected: null });
    expect(chart.node.querySelectorAll('.bucket')).toHaveLength(0);
  });

  it('describe the column under the pointer: its cycles, its peak line and exact values', () => {
    const chart = heapChart(big);
    expect(chart.node.querySelector('.buckets title')).toBeNull();
    const hit = pointAt(chart.node, 0.5);
    const title = hit.querySelector('title')?.textContent ?? '';
    expect(title).toMatch(/^\d+ cycles, gc 1–\d+; highest heap at end \(2nd\): gc \d+ @/);
    // A click there finds the peak's line with closest('[data-line]'), as on a cycle's target.
    const peak = big.find(
      (c) => c.line === Number(hit.closest('[data-line]')?.getAttribute('data-line')),
    );
    expect(title).toContain(tooltipText(peak!, 'heap'));
    expect(hit.getAttribute('data-lines')).toMatch(/^1-\d+$/);
    pointAt(chart.node, 1.5);
    expect(chart.node.querySelectorAll('.buckets title')).toHaveLength(1);
    expect(hit.querySelector('title')?.textContent).toMatch(/^\d+ cycles, gc \d+–\d+; /);
    expect(hit.getAttribute('data-lines')).not.toMatch(/^1-/);
    // Outside the plot there is nothing to describe or click.
    pointAt(chart.node, -5);
    expect(hit.hasAttribute('data-line')).toBe(false);
    expect(chart.node.querySelector('.buckets title')).toBeNull();
  });

  it('name only the GC range of a column when the cycles are a sample of more', () => {
    const chart = pauseChart(
      big.filter((_, i) => i % 3 !== 1),
      { sampled: true },
    );
    const tip = pointAt(chart.node, 0.5).querySelector('title')?.textContent ?? '';
    expect(tip).toMatch(/^gc 1–\d+; highest stop-the-world pause \(ms\): gc \d+ @/);
  });

  it('keep a shown tooltip true to the column after a redraw', () => {
    const chart = pauseChart(big);
    const hit = pointAt(chart.node, 0.5);
    const before = hit.querySelector('title')?.textContent;
    chart.update(big.map((c) => (c.line <= 3 ? { ...c, pauseMs: 99 } : c)));
    expect(chart.node.querySelector('.buckets > rect.hit')).toBe(hit);
    expect(hit.querySelector('title')?.textContent).not.toBe(before);
    expect(hit.querySelector('title')?.textContent).toMatch(/: gc \d+ @[\d.]+s — pause 99 ms$/);
  });

  it('write one target per column with its tooltip into a copy for saving', () => {
    const chart = cpuChart(big, { highlight: new Set([1500]) });
    const copy = chartWithTooltips(chart.node);
    const hits = [...copy.querySelectorAll('.buckets > rect.bucket.hit')];
    expect(hits.length).toBeGreaterThan(100);
    expect(hits.length).toBeLessThanOrEqual(640);
    expect(copy.querySelectorAll('.buckets > rect.columns')).toHaveLength(0);
    expect(copy.querySelectorAll('.bucket.is-highlighted')).toHaveLength(1);
    const tips = hits.map((h) => h.querySelector('title')?.textContent ?? '');
    expect(tips.every((t) => /^\d+ cycles, gc \d+–\d+; |^gc \d+ @/.test(t))).toBe(true);
    // The chart on the page is left as it was.
    expect(chart.node.querySelector('.buckets title')).toBeNull();
    // Charts of few cycles already carry every tooltip.
    const small = heapChart(seedCycles);
    expect(chartWithTooltips(small.node).outerHTML).toBe(small.node.outerHTML);
  });
});

describe('styling hooks', () => {
  it('chartCss colours every series through a custom property with a fallback', () => {
    for (const [key, colour] of Object.entries(seriesColours)) {
      expect(chartCss).toContain(`.${key} { color: var(--chart-${key}, ${colour}); }`);
    }
  });

  it('marks paint with currentColor, so series classes alone set their colour', () => {
    const { node } = heapChart(seedCycles);
    // The fill comes from chartCss rather than an attribute on every mark.
    expect(chartCss).toContain('.gc-chart .mark { fill: currentColor; }');
    for (const mark of node.querySelectorAll('.mark')) {
      expect(mark.getAttribute('fill') ?? 'currentColor').toBe('currentColor');
    }
    expect(node.querySelector('path.series')?.getAttribute('stroke')).toBe('currentColor');
  });

  it('embeds the styles only when asked', () => {
    expect(heapChart(seedCycles).node.querySelector('style')).toBeNull();
    const { node } = heapChart(seedCycles, { embedStyle: true });
    expect(node.querySelector('style')?.textContent).toBe(chartCss);
  });
});
