import { curveLinear, symbolDiamond } from 'd3-shape';
import { highest, span } from './describe.ts';
import { formatNumber } from './format.ts';
import { createChart } from './frame.ts';
import type { ChartSpec } from './spec.ts';
import { kinds } from './kinds.ts';
import type { Chart, ChartCycle, ChartOptions } from './types.ts';

const [interval] = kinds.cpu.series;

const spec: ChartSpec = {
  kind: 'cpu',
  marks: {
    'cpu-interval': { type: 'bar' },
    'cpu-total': {
      type: 'line',
      curve: curveLinear,
      dash: '5 3',
      strokeWidth: 1.5,
      symbol: symbolDiamond,
    },
  },
  primary: 'cpu-interval',
  describe(data, units) {
    if (data.length === 0) return 'Share of CPU spent on garbage collection; no cycles yet.';
    const total = data[data.length - 1].gcCpuPercent;
    const last =
      total === null ? '' : ` The printed total since start ends at ${formatNumber(total)}%.`;
    const top = highest(data, interval.value, units.value);
    return (
      `Share of CPU spent on garbage collection, in percent, ${span(data, units)}.` +
      (top ? ` Between two collections: ${top}.` : '') +
      last
    );
  },
};

/** GC CPU per cycle: the interval's share as bars beside the printed cumulative % as a line. */
export function cpuChart(data: readonly ChartCycle[], options?: ChartOptions): Chart {
  return createChart(spec, data, options);
}
