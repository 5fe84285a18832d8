import { scaleLinear } from 'd3-scale';
import { timeUnit } from '../gctrace/units.ts';

/** viewBox size of a chart when the options give none. */
export const defaultWidth = 640;
export const defaultHeight = 280;

const margin = { left: 48, right: 16, bottom: 38 };
/** Legend rows are this tall, its columns this wide, in user units. */
export const legendRow = 16;
export const legendColumn = 220;

/** Where a chart's parts go in its viewBox. */
export interface ChartLayout {
  /** Left edge of the plot (the y axis); the legend starts there too. */
  left: number;
  /** Top edge of the plot, below the legend. */
  top: number;
  plotWidth: number;
  plotHeight: number;
  /** Legend entries per row. */
  legendColumns: number;
}

/** The layout of a chart of this size with this many legend entries. */
export function chartLayout(width: number, height: number, legendEntries: number): ChartLayout {
  const { left, width: plotWidth } = plotSpan(width);
  const legendColumns = Math.max(
    1,
    Math.floor((width - margin.left - margin.right) / legendColumn),
  );
  const top = 8 + Math.ceil(legendEntries / legendColumns) * legendRow + 18;
  const plotHeight = Math.max(20, height - top - margin.bottom);
  return { left, top, plotWidth, plotHeight, legendColumns };
}

/** Left edge and width of the plot in a chart `width` wide (they do not depend on its height). */
export function plotSpan(width: number = defaultWidth): { left: number; width: number } {
  return { left: margin.left, width: Math.max(20, width - margin.left - margin.right) };
}

/**
 * The x range a chart shows for cycles from `low` to `high` when not told one: from zero when the
 * trace starts near program start, padded around a single time, with d3's nice ends in the unit
 * the axis shows (a long run ends on a round number of minutes or hours, not of seconds). Cycles
 * placed by gc number (`timed` false) have no unit to change.
 */
export function timeDomain(low: number, high: number, timed = true): [number, number] {
  let from = low;
  let to = high;
  if (!(from <= to)) [from, to] = [0, 1];
  else if (from >= 0 && from < 0.2 * to) from = 0;
  if (!(from < to)) {
    const pad = from === 0 ? 1 : Math.abs(from) / 10;
    [from, to] = [from - pad, to + pad];
  }
  const { size } = timed ? timeUnit(Math.max(Math.abs(from), Math.abs(to))) : { size: 1 };
  const nice = scaleLinear()
    .domain([from / size, to / size])
    .nice()
    .domain();
  return [nice[0]! * size, nice[1]! * size];
}
