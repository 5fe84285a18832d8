import { axisBottom, axisLeft } from 'd3-axis';
import { scaleLinear, type ScaleLinear } from 'd3-scale';
import { select, type Selection } from 'd3-selection';
import { curveLinear, line, symbol, type CurveFactory, type SymbolType } from 'd3-shape';
import {
  columnExtremes,
  columnPath,
  columnValue,
  pixelColumns,
  type ColumnExtremes,
} from './columns.ts';
import { cycleCount } from './format.ts';
import { kinds, type SeriesInfo } from './kinds.ts';
import { chartCss } from './palette.ts';
import { tooltipText } from './tooltip.ts';
import type { Chart, ChartCycle, ChartKind, ChartOptions } from './types.ts';

/** How one series is drawn. Every series is a single path when the chart is dense. */
export type MarkSpec =
  /**
   * A symbol per cycle, nudged `offset` steps (-1, 0, 1) along x so equal values stay apart;
   * a line with this dash pattern when dense.
   */
  | { type: 'dot'; symbol: SymbolType; offset: number; dash: string; strokeWidth: number }
  /** A bar from zero per cycle; a one-pixel bar per pixel column (to the column's peak) when dense. */
  | { type: 'bar' }
  /**
   * A line through the cycles, optionally with a symbol on each; `fromLeft` carries the first
   * value back to the plot's left edge (for values that held before their cycle).
   */
  | {
      type: 'line';
      curve: CurveFactory;
      dash: string;
      strokeWidth: number;
      symbol?: SymbolType;
      fromLeft?: boolean;
    };

/** What a chart file tells the shared frame. */
export interface ChartSpec {
  kind: ChartKind;
  /** How each series of `kinds[kind]` is drawn, by series key. */
  marks: Readonly<Record<string, MarkSpec>>;
  /** Series whose peak stands for a pixel column's cycles when dense. */
  primary: string;
  /** One or two sentences for the SVG `<desc>`. */
  describe(data: readonly ChartCycle[]): string;
  /** Extra legend lines (text only). */
  notes?(data: readonly ChartCycle[], options: ChartOptions): string[];
}

interface Series extends SeriesInfo {
  mark: MarkSpec;
}

interface Point {
  x: number;
  y: number;
  cycle: ChartCycle;
}

interface LegendEntry {
  key: string;
  label: string;
  mark: MarkSpec | null;
}

interface Painted {
  cycle: ChartCycle;
  x: number;
  left: number;
  width: number;
  state: string;
  layout: string;
}

/** The pixel columns of a dense chart and the column of each cycle (-1: outside the plot). */
interface Pixels {
  columns: number;
  columnWidth: number;
  column: Int32Array;
}

/** What a dense chart's pixel columns show: their cycles' extremes and their state classes. */
interface DenseColumns {
  cycles: readonly ChartCycle[];
  /** Of the primary series, counting every cycle (-1 stands in for a missing value). */
  extremes: ColumnExtremes;
  columnWidth: number;
  plotWidth: number;
  plotHeight: number;
  /** Class of each highlighted or selected column. */
  states: ReadonlyMap<number, string>;
  kind: ChartKind;
  /** Legend label of the series whose peak stands for a column. */
  primaryLabel: string;
  /** The cycles are a sample of more (`ChartOptions.sampled`). */
  sampled: boolean;
}

/** Each dense chart's columns, by chart, for `chartWithTooltips`. */
const denseSources = new WeakMap<SVGSVGElement, () => DenseColumns | null>();

type G = Selection<SVGGElement, unknown, null, undefined>;

const svgNs = 'http://www.w3.org/2000/svg';
const defaultWidth = 640;
const defaultHeight = 280;
const legendRow = 16;
const legendColumn = 220;
const symbolArea = 48;

/** Builds a chart of `spec`'s kind: frame, axes, legend, marks, hit targets; see `Chart`. */
export function createChart(
  spec: ChartSpec,
  data: readonly ChartCycle[],
  options: ChartOptions = {},
): Chart {
  const doc = options.document ?? globalThis.document;
  if (doc === undefined) throw new Error('chart: no document (pass options.document)');
  const { noun, unit } = kinds[spec.kind];
  const series: Series[] = kinds[spec.kind].series.map((s) => ({ ...s, mark: spec.marks[s.key] }));
  const perCycle = series.filter((s) => s.mark.type !== 'line' || s.mark.symbol !== undefined);
  const primary = series.find((s) => s.key === spec.primary) ?? series[0];

  const svg = select(doc.createElementNS(svgNs, 'svg') as SVGSVGElement)
    // Lets the serialised node stand alone as an .svg file too.
    .attr('xmlns', svgNs)
    .attr('class', `gc-chart ${spec.kind}-chart`)
    .attr('role', 'img')
    .attr('font-family', 'system-ui, sans-serif')
    .attr('font-size', 11);
  const title = svg.append('title');
  const desc = svg.append('desc');
  const legend = svg.append('g').attr('class', 'legend');
  const plot = svg.append('g').attr('class', 'plot');
  const yAxisG = plot.append('g').attr('class', 'axis y-axis');
  const xAxisG = plot.append('g').attr('class', 'axis x-axis');
  const yLabel = plot.append('text').attr('class', 'axis-label y-label').text(unit);
  const xLabel = plot.append('text').attr('class', 'axis-label x-label');
  const cyclesG = plot.append('g').attr('class', 'cycles');
  const seriesG = plot.append('g').attr('class', 'series-lines').attr('pointer-events', 'none');
  const bucketsG = plot.append('g').attr('class', 'buckets');
  let current: ChartOptions = { ...options };
  // What each cycle group and pixel column last drew, so update() can skip unchanged ones.
  const painted = new WeakMap<Element, Painted>();
  // Dense charts: the plot's hit target, the targets of highlighted or selected columns (by
  // column), what they describe, the column under the pointer and the one tooltip element.
  let plotHit: SVGRectElement | null = null;
  const marked = new Map<number, SVGRectElement>();
  let columnsShown: DenseColumns | null = null;
  let pointerColumn: number | null = null;
  let tip: SVGTitleElement | null = null;
  let axesKey = '';
  let drawnLegend = '';

  function update(next: readonly ChartCycle[], changed: ChartOptions = {}): void {
    current = { ...current, ...changed };
    const o = current;
    const width = o.width ?? defaultWidth;
    const height = o.height ?? defaultHeight;
    const domain = o.xDomain;
    const cycles = domain ? next.filter((c) => c.t >= domain[0] && c.t <= domain[1]) : next;
    const shown = series.filter(
      (s) => cycles.length === 0 || cycles.some((c) => s.value(c) !== null),
    );
    const entries: LegendEntry[] = [
      ...shown.map((s) => ({ key: s.key, label: s.label, mark: s.mark })),
      ...(spec.notes?.(cycles, o) ?? []).map((label, i) => ({
        key: `note-${i}`,
        label,
        mark: null,
      })),
    ];

    const left = 48;
    const right = 16;
    const bottom = 38;
    const columns = Math.max(1, Math.floor((width - left - right) / legendColumn));
    const top = 8 + Math.ceil(entries.length / columns) * legendRow + 18;
    const plotWidth = Math.max(20, width - left - right);
    const plotHeight = Math.max(20, height - top - bottom);
    // Past one cycle per two pixels, per-cycle marks (each about 7 wide) only cover each other
    // and cost the page thousands of elements to lay out and paint: draw pixel columns.
    const dense = cycles.length > plotWidth / 2;

    const x = scaleLinear()
      .domain(domain ? [domain[0], domain[1]] : timeExtent(cycles))
      .range([0, plotWidth]);
    if (!domain) x.nice();
    const xs = cycles.map((c) => x(c.t));
    // Dense: every shown series' extremes in each pixel column, found once for scale and paths.
    let pixels: Pixels | null = null;
    const extremes = new Map<string, ColumnExtremes>();
    if (dense) {
      const count = Math.max(1, Math.round(plotWidth));
      pixels = {
        columns: count,
        columnWidth: plotWidth / count,
        column: pixelColumns(xs, count, plotWidth),
      };
      for (const s of shown)
        extremes.set(s.key, columnExtremes(cycles, pixels.column, count, s.value));
    }
    const y = scaleLinear()
      // A little headroom so the highest mark does not sit on the frame.
      .domain([0, 1.04 * (dense ? peakOfColumns(extremes) : peak(cycles, shown)) || 1])
      .range([plotHeight, 0])
      .nice();

    const prefix = o.idPrefix ?? `gc-${spec.kind}-chart`;
    svg
      .attr('viewBox', `0 0 ${width} ${height}`)
      .attr('aria-labelledby', `${prefix}-title`)
      .attr('aria-describedby', `${prefix}-desc`)
      .attr('data-cycles', cycles.length)
      .attr('data-mode', dense ? 'dense' : 'cycles');
    title
      .attr('id', `${prefix}-title`)
      .text(
        cycles.length ? `${noun} over ${cycleCount(cycles.length)}` : `${noun}: no GC cycles yet`,
      );
    desc
      .attr('id', `${prefix}-desc`)
      .text(
        spec.describe(cycles) +
          (dense
            ? ' Each pixel column spans several cycles and shows their lowest and highest value.'
            : ''),
      );
    svg
      .selectChildren('style')
      .data(o.embedStyle ? [chartCss] : [])
      .join((enter) => enter.insert('style', 'g'))
      .text((css) => css);

    const legendKey = [dense, columns, left, ...entries.map((e) => e.label)].join('|');
    if (legendKey !== drawnLegend) drawLegend(legend, entries, columns, dense, left);
    drawnLegend = legendKey;
    plot.attr('transform', `translate(${left},${top})`);
    drawAxes(x, y, plotWidth, plotHeight);
    xLabel
      .attr('x', plotWidth / 2)
      .attr('y', plotHeight + 32)
      .attr('text-anchor', 'middle')
      .text(
        o.xLabel ??
          (cycles.every((c) => c.timeKnown !== false) ? 'seconds since program start' : 'GC cycle'),
      );
    yLabel.attr('x', -left + 4).attr('y', -10);

    const highlight = o.highlight ?? new Set<number>();
    const selected = o.selected ?? null;
    drawCycles(dense ? [] : cycles, dense ? [] : xs, y, plotWidth, plotHeight, highlight, selected);
    drawSeries(cycles, xs, y, shown, pixels, extremes, plotHeight);
    drawBuckets(cycles, pixels, plotWidth, plotHeight, highlight, selected);
  }

  function drawAxes(
    x: ScaleLinear<number, number>,
    y: ScaleLinear<number, number>,
    plotWidth: number,
    plotHeight: number,
  ): void {
    const key = [...x.domain(), ...y.domain(), plotWidth, plotHeight].join();
    if (key === axesKey) return;
    axesKey = key;
    xAxisG
      .attr('transform', `translate(0,${plotHeight})`)
      .call(axisBottom(x).ticks(Math.max(2, Math.floor(plotWidth / 80))));
    yAxisG.call(
      axisLeft(y)
        .ticks(Math.max(2, Math.floor(plotHeight / 40)))
        .tickSizeInner(-plotWidth)
        .tickSizeOuter(0),
    );
    // Inner ticks double as grid lines; keep them faint.
    yAxisG.selectAll('.tick line').attr('stroke-opacity', 0.15);
  }

  function drawCycles(
    cycles: readonly ChartCycle[],
    xs: readonly number[],
    y: ScaleLinear<number, number>,
    plotWidth: number,
    plotHeight: number,
    highlight: ReadonlySet<number>,
    selected: number | null,
  ): void {
    const [bandLeft, bandRight] = bands(xs, plotWidth);
    const spacing = plotWidth / Math.max(1, cycles.length);
    const barWidth = Math.min(12, Math.max(1, 0.6 * spacing));
    const nudge = Math.min(4, spacing / 4);
    const layout = [plotHeight, barWidth, nudge, ...y.domain()].join();
    const heightText = String(plotHeight);
    cyclesG
      .selectChildren<SVGGElement, ChartCycle>('g')
      // Keyed by GC number, so inserting a trace line above keeps the elements of later cycles.
      .data(cycles, (c) => c.gc)
      .join((enter) => {
        // Marks let the pointer through to the cycle's hit target, which holds the tooltip
        // (pointer-events and fills come from chartCss, to keep big charts' markup small).
        const g = enter.append('g');
        g.append('rect').attr('class', 'hit').append('title');
        for (const s of perCycle) {
          const mark = g.append(s.mark.type === 'bar' ? 'rect' : 'path');
          mark.attr('class', `mark ${s.key}`);
        }
        return g;
      })
      .each(function (c, i) {
        // Only what changed is written: most updates (a highlight, one more line) touch a few
        // cycles. Positions are absolute rather than transforms: a transform per mark makes the
        // browser's compositing step slow on charts of hundreds of cycles.
        const x = xs[i];
        const left = bandLeft[i];
        const width = bandRight[i] - bandLeft[i];
        const state =
          stateClass('cycle', highlight.has(c.line), selected === c.line) +
          (c.forced ? ' is-forced' : '');
        const before = painted.get(this);
        const hit = this.children[0];
        if (before?.state !== state) this.setAttribute('class', state);
        if (before?.left !== left || before.width !== width) {
          hit.setAttribute('x', String(round(left)));
          hit.setAttribute('width', String(round(width)));
        }
        painted.set(this, { cycle: c, x, left, width, state, layout });
        const sameData = before !== undefined && sameCycle(before.cycle, c);
        if (sameData && before.layout === layout && before.x === x) return;
        if (!sameData) {
          // On the group only: a click on the hit target finds it with closest('[data-line]').
          this.setAttribute('data-line', String(c.line));
          this.setAttribute('data-gc', String(c.gc));
          hit.children[0].textContent = tooltipText(c, spec.kind);
        }
        if (hit.getAttribute('height') !== heightText) hit.setAttribute('height', heightText);
        perCycle.forEach((s, k) => {
          const mark = this.children[k + 1];
          const v = s.value(c);
          if (v === null) {
            mark.setAttribute('display', 'none');
            return;
          }
          if (before !== undefined && !sameData) mark.removeAttribute('display');
          if (s.mark.type === 'bar') {
            mark.setAttribute('x', String(round(x - barWidth / 2)));
            mark.setAttribute('width', String(round(barWidth)));
            mark.setAttribute('y', String(round(y(v))));
            mark.setAttribute('height', String(round(plotHeight - y(v))));
          } else if (s.mark.symbol) {
            const dx = s.mark.type === 'dot' ? s.mark.offset * nudge : 0;
            mark.setAttribute('d', symbolPathAt(s.mark.symbol, x + dx, y(v)));
          }
        });
      });
  }

  function drawSeries(
    cycles: readonly ChartCycle[],
    xs: readonly number[],
    y: ScaleLinear<number, number>,
    shown: readonly Series[],
    pixels: Pixels | null,
    extremes: ReadonlyMap<string, ColumnExtremes>,
    plotHeight: number,
  ): void {
    const drawn = pixels ? shown : shown.filter((s) => s.mark.type === 'line');
    const path = (s: Series): string => {
      const columns = extremes.get(s.key);
      if (pixels && columns) return densePath(s, columns, xs, y, pixels, plotHeight);
      const toPath = line<Point>()
        .x((p) => p.x)
        .y((p) => y(p.y));
      const curve = s.mark.type === 'line' ? s.mark.curve : curveLinear;
      // Missing values (NaN) break the line rather than bridging the gap.
      const points = cycles.map((cycle, i) => ({ x: xs[i], y: s.value(cycle) ?? NaN, cycle }));
      const first = points[0];
      if (s.mark.type === 'line' && s.mark.fromLeft && first !== undefined && first.x > 0)
        points.unshift({ ...first, x: 0 });
      return toPath.defined((p) => !Number.isNaN(p.y)).curve(curve)(points) ?? '';
    };
    seriesG
      .selectChildren<SVGPathElement, Series>('path')
      .data(drawn, (s) => s.key)
      .join('path')
      .attr('class', (s) => `series ${s.key}`)
      .attr('fill', 'none')
      .attr('stroke', 'currentColor')
      .attr('stroke-width', (s) => (s.mark.type === 'bar' ? 1 : s.mark.strokeWidth))
      .attr('stroke-dasharray', (s) => (s.mark.type === 'bar' || !s.mark.dash ? null : s.mark.dash))
      .each(function (s) {
        // Re-setting an equal `d` still makes the browser parse the path again.
        const d = path(s);
        if (this.getAttribute('d') !== d) this.setAttribute('d', d);
      });
  }

  /**
   * The hit targets of a dense chart: one transparent target over the whole plot, which takes
   * the data attributes and tooltip of the pixel column under the pointer as it moves (worked
   * out from the kept data, see `pointTo`), and one per highlighted or selected column, which
   * carries that column's. A redraw thus touches a handful of elements whatever the data.
   */
  function drawBuckets(
    cycles: readonly ChartCycle[],
    pixels: Pixels | null,
    plotWidth: number,
    plotHeight: number,
    highlight: ReadonlySet<number>,
    selected: number | null,
  ): void {
    const group = bucketsG.node();
    if (group === null) return;
    if (pixels === null) {
      plotHit?.remove();
      plotHit = null;
      for (const rect of marked.values()) rect.remove();
      marked.clear();
      columnsShown = null;
      pointerColumn = null;
      return;
    }
    const { columns, columnWidth, column } = pixels;
    // Every cycle counts in its column, with or without a value of the primary series.
    const extremes = columnExtremes(cycles, column, columns, (c) => primary.value(c) ?? -1);
    const lit = new Set<number>();
    const picked = new Set<number>();
    cycles.forEach((c, i) => {
      if (column[i] < 0) return;
      if (highlight.has(c.line)) lit.add(column[i]);
      if (selected === c.line) picked.add(column[i]);
    });
    const states = new Map<number, string>();
    for (const k of [...lit, ...picked])
      states.set(k, stateClass('bucket hit', lit.has(k), picked.has(k)));
    columnsShown = {
      cycles,
      extremes,
      columnWidth,
      plotWidth,
      plotHeight,
      states,
      kind: spec.kind,
      primaryLabel: primary.label,
      sampled: current.sampled === true,
    };
    if (plotHit === null) {
      plotHit = doc.createElementNS(svgNs, 'rect');
      plotHit.setAttribute('class', 'hit columns');
      group.prepend(plotHit);
    }
    setIfChanged(plotHit, 'width', String(round(plotWidth)));
    setIfChanged(plotHit, 'height', String(plotHeight));
    for (const [k, rect] of marked) {
      if (states.has(k)) continue;
      rect.remove();
      marked.delete(k);
    }
    for (const k of [...states.keys()].sort((a, b) => a - b)) {
      let rect = marked.get(k);
      if (rect === undefined) {
        rect = doc.createElementNS(svgNs, 'rect');
        marked.set(k, rect);
      }
      writeColumn(rect, k, columnsShown);
      group.append(rect);
    }
    // The column under the pointer keeps its description true to the new data.
    if (pointerColumn !== null) describeColumn(plotHit, pointerColumn);
    const tipOn = tip?.parentNode;
    if (tip && tipOn !== plotHit && ![...marked.values()].some((r) => r === tipOn)) tip.remove();
    else if (tip && tipOn && tipOn !== plotHit) {
      const k = [...marked].find(([, r]) => r === tipOn)?.[0];
      if (k !== undefined) tip.textContent = columnTip(k, columnsShown);
    }
  }

  /** Gives the plot's target the data and tooltip of column `k` (none for an empty column). */
  function describeColumn(target: Element, k: number | null): void {
    const shown = columnsShown;
    if (shown === null || k === null || shown.extremes.first[k] < 0) {
      for (const name of ['data-line', 'data-gc', 'data-lines']) target.removeAttribute(name);
      tip?.remove();
      return;
    }
    writeColumnData(target, k, shown);
    tip ??= doc.createElementNS(svgNs, 'title');
    tip.textContent = columnTip(k, shown);
    if (tip.parentNode !== target) target.append(tip);
  }

  /** Follows the pointer over a dense chart's targets (pointerover, pointermove, pointerdown). */
  function pointTo(event: Event): void {
    const target = event.target as Element;
    if (columnsShown === null) return;
    if (target === plotHit) {
      const k = columnAt(plotHit, (event as MouseEvent).clientX, columnsShown);
      if (k !== pointerColumn || !plotHit.hasAttribute('data-line')) {
        pointerColumn = k;
        describeColumn(plotHit, k);
      }
      return;
    }
    const k = [...marked].find(([, r]) => r === target)?.[0];
    if (k === undefined) return;
    tip ??= doc.createElementNS(svgNs, 'title');
    tip.textContent = columnTip(k, columnsShown);
    if (tip.parentNode !== target) target.append(tip);
  }
  for (const type of ['pointerover', 'pointermove', 'pointerdown']) bucketsG.on(type, pointTo);
  bucketsG.on('pointerleave', () => {
    pointerColumn = null;
  });
  denseSources.set(svg.node() as SVGSVGElement, () => columnsShown);

  update(data, options);
  const node = svg.node();
  if (node === null) throw new Error('chart: no svg node');
  return { node, update };
}

function drawLegend(
  legend: G,
  entries: readonly LegendEntry[],
  columns: number,
  dense: boolean,
  left: number,
): void {
  legend
    .attr('transform', `translate(${left},8)`)
    // Children only: the swatch groups inside the items must not join as items.
    .selectChildren<SVGGElement, LegendEntry>('g')
    .data(entries, (e) => e.key)
    .join((enter) => {
      const g = enter.append('g');
      g.append('g');
      g.append('text').attr('dy', '0.32em');
      return g;
    })
    .attr('class', (e) => (e.mark ? 'legend-item' : 'legend-item note'))
    .attr('transform', (_, i) => {
      const at = [(i % columns) * legendColumn, Math.floor(i / columns) * legendRow + 6];
      return `translate(${at[0]},${at[1]})`;
    })
    .each(function (entry) {
      const item = select(this);
      item
        .select('text')
        .attr('x', entry.mark ? 22 : 0)
        .text(entry.label);
      const swatch = item.select<SVGGElement>('g').attr('class', `swatch ${entry.key}`);
      swatch.selectAll('*').remove();
      drawSwatch(swatch, entry.mark, dense);
    });
}

function drawSwatch(
  swatch: Selection<SVGGElement, unknown, null, undefined>,
  mark: MarkSpec | null,
  dense: boolean,
): void {
  if (mark === null) return;
  if (mark.type === 'bar') {
    swatch
      .append('rect')
      .attr('x', 4)
      .attr('y', -5)
      .attr('width', 10)
      .attr('height', 10)
      .attr('fill', 'currentColor');
    return;
  }
  const showLine = mark.type === 'line' || dense;
  if (showLine) {
    swatch
      .append('line')
      .attr('x2', 18)
      .attr('stroke', 'currentColor')
      .attr('stroke-width', mark.strokeWidth)
      .attr('stroke-dasharray', mark.dash || null);
  }
  if (mark.symbol && !dense) {
    swatch
      .append('path')
      .attr('d', symbolPath(mark.symbol))
      .attr('transform', 'translate(9,0)')
      .attr('fill', 'currentColor');
  }
}

/** The tooltip of pixel column `k`: its cycles, and the exact values of its peak. */
function columnTip(k: number, shown: DenseColumns): string {
  const { cycles, extremes } = shown;
  const top = cycles[extremes.high[k]];
  const count = extremes.count[k];
  const text = tooltipText(top, shown.kind);
  if (count === 1) return text;
  const gcs = `gc ${cycles[extremes.first[k]].gc}–${cycles[extremes.last[k]].gc}`;
  const range = shown.sampled ? gcs : `${count} cycles, ${gcs}`;
  return `${range}; highest ${shown.primaryLabel}: ${text}`;
}

/** The lines of column `k`'s cycles, and the line and number of its peak. */
function writeColumnData(target: Element, k: number, shown: DenseColumns): void {
  const { cycles, extremes } = shown;
  const top = cycles[extremes.high[k]];
  setIfChanged(target, 'data-line', String(top.line));
  setIfChanged(target, 'data-gc', String(top.gc));
  setIfChanged(
    target,
    'data-lines',
    `${cycles[extremes.first[k]].line}-${cycles[extremes.last[k]].line}`,
  );
}

/** Makes `rect` the hit target of column `k` alone: place, state and data. */
function writeColumn(rect: Element, k: number, shown: DenseColumns): void {
  const w = shown.columnWidth;
  setIfChanged(rect, 'class', shown.states.get(k) ?? 'bucket hit');
  writeColumnData(rect, k, shown);
  setIfChanged(rect, 'x', String(round(k * w)));
  setIfChanged(rect, 'width', String(round((k + 1) * w - k * w)));
  setIfChanged(rect, 'height', String(shown.plotHeight));
}

/** The pixel column under a pointer at `clientX`, or null outside the plot or without layout. */
function columnAt(
  plotHit: SVGGraphicsElement,
  clientX: number,
  shown: DenseColumns,
): number | null {
  const matrix = typeof plotHit.getScreenCTM === 'function' ? plotHit.getScreenCTM() : null;
  if (matrix === null || matrix.a === 0) return null;
  const x = (clientX - matrix.e) / matrix.a;
  if (!(x >= 0 && x <= shown.plotWidth)) return null;
  const columns = shown.extremes.first.length;
  return Math.min(columns - 1, Math.floor(x / shown.columnWidth));
}

function setIfChanged(element: Element, name: string, value: string): void {
  if (element.getAttribute(name) !== value) element.setAttribute(name, value);
}

/**
 * The path of one series of a dense chart: per pixel column a one-pixel bar to the column's
 * highest value, or a line through the column's first, lowest, highest and last value.
 */
function densePath(
  s: Series,
  extremes: ColumnExtremes,
  xs: readonly number[],
  y: ScaleLinear<number, number>,
  pixels: Pixels,
  plotHeight: number,
): string {
  const { columns, columnWidth } = pixels;
  const yOf = linear(y);
  let d = '';
  if (s.mark.type === 'bar') {
    for (let k = 0; k < columns; k++) {
      if (extremes.first[k] < 0) continue;
      const middle = (k * columnWidth + (k + 1) * columnWidth) / 2;
      d += `M${round(middle)},${plotHeight}V${round(yOf(extremes.highValue[k]))}`;
    }
    return d;
  }
  // As d3's line(): coordinates to three decimals, and a lone point closed into a dot.
  const visit: number[] = [];
  let points = 0;
  for (let k = 0; k < columns; k++) {
    const n = columnPath(extremes, k, xs, visit);
    for (let j = 0; j < n; j++) {
      const i = visit[j];
      d += `${points++ === 0 ? 'M' : 'L'}${round3(xs[i])},${round3(yOf(columnValue(extremes, k, i)))}`;
    }
  }
  return points === 1 ? d + 'Z' : d;
}

/** Left and right edge of each cycle's hit target: halfway to its neighbours in x. */
function bands(xs: readonly number[], plotWidth: number): [number[], number[]] {
  const order = xs.map((_, i) => i);
  if (xs.some((v, i) => i > 0 && v < xs[i - 1])) order.sort((a, b) => xs[a] - xs[b]);
  const left = new Array<number>(xs.length);
  const right = new Array<number>(xs.length);
  order.forEach((i, k) => {
    left[i] = k === 0 ? 0 : Math.max(0, (xs[order[k - 1]] + xs[i]) / 2);
    right[i] =
      k === order.length - 1 ? plotWidth : Math.min(plotWidth, (xs[i] + xs[order[k + 1]]) / 2);
  });
  return [left, right];
}

function timeExtent(cycles: readonly ChartCycle[]): [number, number] {
  if (cycles.length === 0) return [0, 1];
  let low = Infinity;
  let high = -Infinity;
  for (const c of cycles) {
    low = Math.min(low, c.t);
    high = Math.max(high, c.t);
  }
  // A trace that starts near program start reads best from zero.
  if (low >= 0 && low < 0.2 * high) low = 0;
  if (low < high) return [low, high];
  const pad = low === 0 ? 1 : Math.abs(low) / 10;
  return [low - pad, high + pad];
}

/** The highest value in any column (at least 0), as `peak` over the same cycles. */
function peakOfColumns(extremes: ReadonlyMap<string, ColumnExtremes>): number {
  let top = 0;
  for (const e of extremes.values())
    for (let k = 0; k < e.first.length; k++)
      if (e.first[k] >= 0) top = Math.max(top, e.highValue[k]);
  return top;
}

function peak(cycles: readonly ChartCycle[], shown: readonly Series[]): number {
  let top = 0;
  for (const s of shown) {
    for (const c of cycles) top = Math.max(top, s.value(c) ?? 0);
  }
  return top;
}

function stateClass(base: string, highlighted: boolean, selected: boolean): string {
  return base + (highlighted ? ' is-highlighted' : '') + (selected ? ' is-selected' : '');
}

const symbolPaths = new Map<SymbolType, string>();
function symbolPath(type: SymbolType): string {
  let d = symbolPaths.get(type);
  if (d === undefined) {
    d = symbol(type, symbolArea)() ?? '';
    symbolPaths.set(type, d);
  }
  return d;
}

/** A symbol's path as literal text and the coordinates to move with the mark's position. */
type SymbolTemplate = (string | [axis: 0 | 1, value: number])[];
const symbolTemplates = new Map<SymbolType, SymbolTemplate>();

/**
 * The symbol's path centred on (x, y). d3's symbol paths use absolute M, L and A commands
 * (whose last two numbers are the end point) and relative h and v: only the absolute
 * coordinates move.
 */
function symbolPathAt(type: SymbolType, x: number, y: number): string {
  let template = symbolTemplates.get(type);
  if (template === undefined) {
    template = [];
    for (const [, command, args] of symbolPath(type).matchAll(/([A-Za-z])([^A-Za-z]*)/g)) {
      template.push(command!);
      const numbers = args!.split(',').filter((n) => n !== '');
      numbers.forEach((n, i) => {
        if (i > 0) template!.push(',');
        const axis =
          command === 'M' || command === 'L'
            ? ((i % 2) as 0 | 1)
            : command === 'A' && i >= 5
              ? ((i - 5) as 0 | 1)
              : null;
        template!.push(axis === null ? n : [axis, Number(n)]);
      });
    }
    symbolTemplates.set(type, template);
  }
  let d = '';
  for (const piece of template) {
    d += typeof piece === 'string' ? piece : String(round(piece[1] + (piece[0] === 0 ? x : y)));
  }
  return d;
}

function round(v: number): number {
  return Math.round(v * 100) / 100;
}

/**
 * A linear scale of two-number domain and range as a plain function, with d3's arithmetic (so
 * the same numbers), for the thousands of points of a dense chart.
 */
function linear(scale: ScaleLinear<number, number>): (v: number) => number {
  const [d0, d1] = scale.domain();
  const [r0, r1] = scale.range();
  const span = d1 - d0;
  if (!(span > 0) || scale.clamp()) return (v) => scale(v);
  return (v) => {
    const t = (v - d0) / span;
    return r0 * (1 - t) + r1 * t;
  };
}

function round3(v: number): number {
  return Math.round(v * 1000) / 1000;
}

/**
 * A copy of a chart's SVG for saving as a file, with every tooltip written out: in a dense
 * chart each pixel column gets a hit target of its own with its tooltip (the live chart works
 * them out as the pointer moves, which a saved file cannot).
 */
export function chartWithTooltips(node: SVGSVGElement): SVGSVGElement {
  const copy = node.cloneNode(true) as SVGSVGElement;
  const shown = denseSources.get(node)?.();
  const group = copy.querySelector('.plot > .buckets');
  if (shown === undefined || shown === null || group === null) return copy;
  const doc = copy.ownerDocument;
  group.replaceChildren();
  const columns = shown.extremes.first.length;
  for (let k = 0; k < columns; k++) {
    if (shown.extremes.first[k] < 0) continue;
    const rect = doc.createElementNS(svgNs, 'rect');
    writeColumn(rect, k, shown);
    const title = doc.createElementNS(svgNs, 'title');
    title.textContent = columnTip(k, shown);
    rect.append(title);
    group.append(rect);
  }
  return copy;
}

function sameCycle(a: ChartCycle, b: ChartCycle): boolean {
  return (
    a === b ||
    (a.line === b.line &&
      a.gc === b.gc &&
      a.t === b.t &&
      a.timeKnown === b.timeKnown &&
      a.heapStart === b.heapStart &&
      a.heapEnd === b.heapEnd &&
      a.heapLive === b.heapLive &&
      a.goal === b.goal &&
      a.pauseMs === b.pauseMs &&
      a.cpuPercentCumulative === b.cpuPercentCumulative &&
      a.cpuFraction === b.cpuFraction &&
      a.allocRateMBs === b.allocRateMBs &&
      a.forced === b.forced)
  );
}
