/** The frame every chart shares: title, legend, axes and marks, redrawn by `update`. */
import { scaleLinear, type ScaleLinear } from 'd3-scale';
import { select } from 'd3-selection';
import { drawAxes } from './axes.ts';
import { DenseHitTargets, densePath, peakOfColumns, type Pixels } from './dense-columns.ts';
import { registerDenseColumns } from './export.ts';
import { cycleCount } from './format.ts';
import { kinds } from './kinds.ts';
import { chartLayout, defaultHeight, defaultWidth, timeDomain } from './layout.ts';
import { drawLegend, type LegendEntry } from './legend.ts';
import { chartCss } from './palette.ts';
import {
  columnExtremes,
  isDense,
  pixelColumnCount,
  pixelColumns,
  type ColumnExtremes,
} from './pixel-columns.ts';
import { CycleMarks, sparsePath } from './sparse-marks.ts';
import type { ChartSpec, Series } from './spec.ts';
import { drawStaticMarks } from './static-marks.ts';
import { svgNs } from './svg.ts';
import { chartUnits, inUnit, timeAxisLabel, type DisplayUnit } from './units.ts';
import type { Chart, ChartCycle, ChartOptions } from './types.ts';

/** Builds a chart of `spec`'s kind: frame, axes, legend, marks, hit targets; see `Chart`. */
export function createChart(
  spec: ChartSpec,
  data: readonly ChartCycle[],
  options: ChartOptions = {},
): Chart {
  const doc = options.document ?? globalThis.document;
  if (doc === undefined) throw new Error('chart: no document (pass options.document)');
  const { noun } = kinds[spec.kind];
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
  const yLabel = plot.append('text').attr('class', 'axis-label y-label');
  const xLabel = plot.append('text').attr('class', 'axis-label x-label');
  const cyclesG = plot.append('g').attr('class', 'cycles');
  const seriesG = plot.append('g').attr('class', 'series-lines').attr('pointer-events', 'none');
  const bucketsG = plot.append('g').attr('class', 'buckets');
  const marks = new CycleMarks(cyclesG, spec.kind, perCycle);
  const targets = new DenseHitTargets(doc, bucketsG);
  let current: ChartOptions = { ...options };
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

    const { left, top, plotWidth, plotHeight, legendColumns } = chartLayout(
      width,
      height,
      entries.length,
    );
    const dense = isDense(cycles.length, plotWidth);

    const x = scaleLinear()
      .domain(domain ? [domain[0], domain[1]] : timeDomainOf(cycles))
      .range([0, plotWidth]);
    // One choice of units for the axes, tooltips and description (the table makes the same).
    const units = chartUnits(cycles, spec.kind, domain);
    const xs = cycles.map((c) => x(c.t));
    // Dense: every shown series' extremes in each pixel column, found once for scale and paths.
    let pixels: Pixels | null = null;
    const extremes = new Map<string, ColumnExtremes>();
    if (dense) {
      const count = pixelColumnCount(plotWidth);
      pixels = {
        columns: count,
        columnWidth: plotWidth / count,
        column: pixelColumns(xs, count, plotWidth),
      };
      for (const s of shown)
        extremes.set(
          s.key,
          columnExtremes(cycles.length, pixels.column, count, (i) => s.value(cycles[i])),
        );
    }
    // A little headroom so the highest mark does not sit on the frame; the top is a round
    // number in the unit the axis shows.
    const yTop = 1.04 * (dense ? peakOfColumns(extremes) : peak(cycles, shown)) || 1;
    const yShown = scaleLinear()
      .domain([0, inUnit(yTop, units.value)])
      .range([plotHeight, 0])
      .nice();
    const y = inTraceUnits(yShown, units.value);

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
        spec.describe(cycles, units) +
          (dense
            ? ' Each pixel column spans several cycles and shows their lowest and highest value.'
            : ''),
      );
    svg
      .selectChildren('style')
      .data(o.embedStyle ? [chartCss] : [])
      .join((enter) => enter.insert('style', 'g'))
      .text((css) => css);

    const legendKey = [dense, legendColumns, left, ...entries.map((e) => e.label)].join('|');
    if (legendKey !== drawnLegend) drawLegend(legend, entries, legendColumns, dense, left);
    drawnLegend = legendKey;
    plot.attr('transform', `translate(${left},${top})`);
    const axes = [...x.domain(), ...y.domain(), plotWidth, plotHeight, units.time.symbol].join();
    if (axes !== axesKey) {
      drawAxes(xAxisG, yAxisG, inDisplayUnit(x, units.time), yShown, plotWidth, plotHeight);
    }
    axesKey = axes;
    xLabel
      .attr('x', plotWidth / 2)
      .attr('y', plotHeight + 32)
      .attr('text-anchor', 'middle')
      .text(
        o.xLabel ??
          (cycles.every((c) => c.timeKnown !== false) ? timeAxisLabel(units.time) : 'GC cycle'),
      );
    yLabel
      .attr('x', -left + 4)
      .attr('y', -10)
      .text(units.value.symbol);

    const highlight = o.highlight ?? new Set<number>();
    const selected = o.selected ?? null;
    const interactive = o.interactive !== false;
    const perCycleShown = !dense && interactive;
    marks.draw(
      perCycleShown ? cycles : [],
      perCycleShown ? xs : [],
      y,
      plotWidth,
      plotHeight,
      highlight,
      selected,
      units,
    );
    drawStaticMarks(
      cyclesG,
      perCycle,
      prefix,
      dense || interactive ? [] : cycles,
      xs,
      y,
      plotWidth,
      plotHeight,
    );
    // A tenth of a user unit is finer than a pixel; the live chart keeps d3's three decimals.
    drawSeries(cycles, xs, y, shown, pixels, extremes, plotHeight, interactive ? 3 : 1);
    targets.draw(
      cycles,
      interactive ? pixels : null,
      primary,
      spec.kind,
      current.sampled === true,
      plotWidth,
      plotHeight,
      highlight,
      selected,
      units,
    );
  }

  /** The series drawn as paths: line series, and every series of a dense chart. */
  function drawSeries(
    cycles: readonly ChartCycle[],
    xs: readonly number[],
    y: ScaleLinear<number, number>,
    shown: readonly Series[],
    pixels: Pixels | null,
    extremes: ReadonlyMap<string, ColumnExtremes>,
    plotHeight: number,
    digits: number,
  ): void {
    const drawn = pixels ? shown : shown.filter((s) => s.mark.type === 'line');
    const path = (s: Series): string => {
      const columns = extremes.get(s.key);
      if (pixels && columns) return densePath(s, columns, xs, y, pixels, plotHeight);
      return sparsePath(s, cycles, xs, y, digits);
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

  registerDenseColumns(svg.node() as SVGSVGElement, () => targets.shown);
  update(data, options);
  const node = svg.node();
  if (node === null) throw new Error('chart: no svg node');
  return { node, update };
}

/** The scale `scale` (of values in trace units) as the axis shows it, in `unit`. */
function inDisplayUnit(
  scale: ScaleLinear<number, number>,
  unit: DisplayUnit,
): ScaleLinear<number, number> {
  if (unit.size === 1) return scale;
  return scaleLinear()
    .domain(scale.domain().map((v) => v / unit.size))
    .range(scale.range());
}

/** The scale `scale` (of values in `unit`) for values in trace units, for drawing the marks. */
function inTraceUnits(
  scale: ScaleLinear<number, number>,
  unit: DisplayUnit,
): ScaleLinear<number, number> {
  if (unit.size === 1) return scale;
  return scaleLinear()
    .domain(scale.domain().map((v) => v * unit.size))
    .range(scale.range());
}

/** The default x range of `cycles`: see `timeDomain`. */
function timeDomainOf(cycles: readonly ChartCycle[]): [number, number] {
  let low = Infinity;
  let high = -Infinity;
  for (const c of cycles) {
    low = Math.min(low, c.t);
    high = Math.max(high, c.t);
  }
  return timeDomain(
    low,
    high,
    cycles.every((c) => c.timeKnown !== false),
  );
}

/** The highest value of the shown series (at least 0). */
function peak(cycles: readonly ChartCycle[], shown: readonly Series[]): number {
  let top = 0;
  for (const s of shown) {
    for (const c of cycles) top = Math.max(top, s.value(c) ?? 0);
  }
  return top;
}
