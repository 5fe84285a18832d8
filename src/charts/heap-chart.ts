import { curveStepBefore, symbolCircle, symbolSquare, symbolTriangle } from 'd3-shape';
import { peakCycle, span } from './describe.ts';
import { formatIn } from './format.ts';
import { createChart } from './frame.ts';
import type { ChartSpec } from './spec.ts';
import type { Chart, ChartCycle, ChartOptions } from './types.ts';

const spec: ChartSpec = {
  kind: 'heap',
  marks: {
    'heap-start': {
      type: 'dot',
      symbol: symbolCircle,
      offset: -1,
      dash: '1.5 2.5',
      strokeWidth: 1.5,
    },
    'heap-end': { type: 'dot', symbol: symbolTriangle, offset: 0, dash: '6 3', strokeWidth: 1 },
    'heap-live': { type: 'dot', symbol: symbolSquare, offset: 1, dash: '', strokeWidth: 2 },
    // The goal printed on a line is the one that cycle ran against, set when the previous
    // cycle ended: it holds over the interval before its own cycle, hence step-before.
    'heap-goal': {
      type: 'line',
      curve: curveStepBefore,
      dash: '8 3 2 3',
      strokeWidth: 1.5,
      fromLeft: true,
    },
  },
  primary: 'heap-end',
  describe(data, units) {
    const unit = units.value;
    if (data.length === 0)
      return `Heap size in ${unit.symbol} at each garbage collection; no cycles yet.`;
    const first = data[0];
    const last = data[data.length - 1];
    const live =
      first.heapLive !== null && last.heapLive !== null
        ? ` The live heap went from ${formatIn(first.heapLive, unit)} to ${formatIn(last.heapLive, unit)}.`
        : '';
    const top = peakCycle(data, (c) => c.heapEnd);
    const peak = top
      ? ` The heap peaked at ${formatIn(top.value, unit)} (gc ${top.cycle.gc}).`
      : '';
    return `Heap size in ${unit.symbol} at each garbage collection ${span(data, units)}.${live}${peak}`;
  },
  notes: (data, options) =>
    data.some((c) => c.goal === null) ? [options.noGoalNote ?? 'no goal: GC off'] : [],
};

/**
 * Heap per GC cycle: start, end and live heap as circle, triangle and square in printed order
 * (left to right), the goal as a step line.
 */
export function heapChart(data: readonly ChartCycle[], options?: ChartOptions): Chart {
  return createChart(spec, data, options);
}
