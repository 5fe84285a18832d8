import { axisBottom, axisLeft } from 'd3-axis';
import type { ScaleLinear } from 'd3-scale';
import type { Selection } from 'd3-selection';

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
  // Inner ticks double as grid lines; keep them faint.
  yAxis.selectAll('.tick line').attr('stroke-opacity', 0.15);
}
