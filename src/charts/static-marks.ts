/**
 * The marks of a chart drawn for a page's first view (`ChartOptions.interactive: false`): each
 * series of a sparse chart as one path. Symbols are one SVG marker each, placed on every point of
 * an unstroked path; bars are one stroke per cycle, as wide as the bar. A chart of hundreds of
 * cycles is then a handful of elements instead of six per cycle, and looks the same as the live
 * one; it has no hit targets or tooltips, which the live chart that replaces it brings.
 */
import type { ScaleLinear } from 'd3-scale';
import type { Selection } from 'd3-selection';
import type { Series } from './spec.ts';
import { markSizes } from './sparse-marks.ts';
import { symbolPath } from './symbols.ts';
import type { ChartCycle } from './types.ts';

type G = Selection<SVGGElement, unknown, null, undefined>;

/** A coordinate to one decimal: a tenth of a user unit is finer than a pixel at any chart size. */
function short(v: number): number {
  return Math.round(v * 10) / 10;
}

/**
 * The path through the points of a symbol series (each point nudged as the live mark is). Only
 * its vertices matter (a marker is drawn on each), so a missing value is simply left out. It is
 * written "m x,y dx,dy dx,dy …" (after a first move, each pair is a relative line-to): steps
 * between neighbouring cycles are shorter to write than positions. Each step is taken between
 * rounded positions, so no rounding error adds up along the path.
 */
export function symbolPointsPath(
  s: Series,
  cycles: readonly ChartCycle[],
  xs: readonly number[],
  y: ScaleLinear<number, number>,
  nudge: number,
): string {
  const dx = s.mark.type === 'dot' ? s.mark.offset * nudge : 0;
  let d = '';
  let x0 = 0;
  let y0 = 0;
  cycles.forEach((c, i) => {
    const v = s.value(c);
    if (v === null) return;
    const x1 = short(xs[i] + dx);
    const y1 = short(y(v));
    d += `${d === '' ? 'm' : ' '}${short(x1 - x0)},${short(y1 - y0)}`;
    [x0, y0] = [x1, y1];
  });
  return d;
}

/** The bars of a series as one path: a vertical stroke per cycle from the axis to its value. */
export function barStrokesPath(
  s: Series,
  cycles: readonly ChartCycle[],
  xs: readonly number[],
  y: ScaleLinear<number, number>,
  plotHeight: number,
): string {
  let d = '';
  cycles.forEach((c, i) => {
    const v = s.value(c);
    if (v !== null) d += `M${short(xs[i])},${plotHeight}V${short(y(v))}`;
  });
  return d;
}

/** What one series draws: a marker for its symbol (or none), and its path's attributes. */
interface StaticMark {
  series: Series;
  markerId: string | null;
}

/**
 * Draws the marks of `perCycle` series for `cycles` into `group` (nothing for no cycles: a live
 * or dense chart), one marker definition per symbol and one path per series.
 */
export function drawStaticMarks(
  group: G,
  perCycle: readonly Series[],
  idPrefix: string,
  cycles: readonly ChartCycle[],
  xs: readonly number[],
  y: ScaleLinear<number, number>,
  plotWidth: number,
  plotHeight: number,
): void {
  const shown: StaticMark[] =
    cycles.length === 0
      ? []
      : perCycle
          .filter((s) => cycles.some((c) => s.value(c) !== null))
          .map((s) => ({
            series: s,
            markerId: s.mark.type === 'bar' ? null : `${idPrefix}-${s.key}-symbol`,
          }));
  const { barWidth, nudge } = markSizes(cycles.length, plotWidth);
  group
    .selectChildren<SVGMarkerElement, StaticMark>('marker')
    .data(
      shown.filter((m) => m.markerId !== null),
      (m) => m.series.key,
    )
    .join((enter) => {
      // The marker takes the series' class, so its symbol gets the series' colour from chartCss.
      const marker = enter
        .append('marker')
        .attr('markerUnits', 'userSpaceOnUse')
        .attr('overflow', 'visible');
      marker.append('path').attr('fill', 'currentColor');
      return marker;
    })
    .attr('id', (m) => m.markerId)
    .attr('class', (m) => m.series.key)
    .select('path')
    .attr('d', (m) => {
      const mark = m.series.mark;
      return mark.type === 'bar' || mark.symbol === undefined ? '' : symbolPath(mark.symbol);
    });
  group
    .selectChildren<SVGPathElement, StaticMark>('path')
    .data(shown, (m) => m.series.key)
    .join('path')
    .attr('class', (m) => `marks ${m.series.key}`)
    .each(function (m) {
      const bar = m.markerId === null;
      const url = bar ? null : `url(#${m.markerId})`;
      for (const place of ['start', 'mid', 'end']) {
        if (url === null) this.removeAttribute(`marker-${place}`);
        else this.setAttribute(`marker-${place}`, url);
      }
      this.setAttribute('fill', 'none');
      if (bar) {
        this.setAttribute('stroke', 'currentColor');
        this.setAttribute('stroke-width', String(short(barWidth)));
      } else {
        this.removeAttribute('stroke');
        this.removeAttribute('stroke-width');
      }
      this.setAttribute(
        'd',
        bar
          ? barStrokesPath(m.series, cycles, xs, y, plotHeight)
          : symbolPointsPath(m.series, cycles, xs, y, nudge),
      );
    });
}
