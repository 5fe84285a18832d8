import { axisBottom, axisLeft } from 'd3-axis';
import type { ScaleLinear } from 'd3-scale';
import type { Selection } from 'd3-selection';
import { round } from './svg.ts';

type G = Selection<SVGGElement, unknown, null, undefined>;

/** Draws the x axis along the plot's bottom and the y axis with faint grid lines across it. */
export function drawAxes(
  xAxis: G,
  yAxis: G,
  x: ScaleLinear<number, number>,
  y: ScaleLinear<number, number>,
  plotWidth: number,
  plotHeight: number,
): void {
  xAxis
    .attr('transform', `translate(0,${plotHeight})`)
    .call(axisBottom(x).ticks(Math.max(2, Math.floor(plotWidth / 80))));
  yAxis.call(
    axisLeft(y)
      .ticks(Math.max(2, Math.floor(plotHeight / 40)))
      .tickSizeInner(-plotWidth)
      .tickSizeOuter(0),
  );
  // Inner ticks double as grid lines, kept faint by chartCss.
  leanAxis(xAxis);
  leanAxis(yAxis);
}

/**
 * Takes off what d3-axis writes on the axis and on every tick that chartCss sets once for every
 * chart (`.gc-chart .axis`: font, anchor, colours), and its float noise from tick positions
 * ("translate(0,147.70000000000002)"): a page holds dozens of axes.
 */
function leanAxis(axis: G): void {
  for (const name of ['fill', 'font-size', 'font-family', 'text-anchor']) axis.attr(name, null);
  axis.selectAll('.domain, .tick line').attr('stroke', null);
  axis.selectAll('.tick text').attr('fill', null);
  axis
    .selectAll<SVGGElement, unknown>('.tick')
    .attr('opacity', null)
    .attr('transform', function () {
      return (this.getAttribute('transform') ?? '').replace(/-?\d*\.\d+(e-?\d+)?/g, (n) =>
        String(round(Number(n))),
      );
    });
}
