import { highest, span } from './describe.ts';
import { createChart } from './frame.ts';
import type { ChartSpec } from './spec.ts';
import type { Chart, ChartCycle, ChartOptions } from './types.ts';

const spec: ChartSpec = {
  kind: 'alloc',
  marks: { alloc: { type: 'bar' } },
  primary: 'alloc',
  describe: (data, units) =>
    data.length === 0
      ? 'Allocation rate in ${units.value.symbol} between garbage collections; no cycles yet.'
      : `Allocation rate in ${units.value.symbol} between garbage collections ${span(data, units)}; ${highest(data, (c) => c.allocRateMBps, units.value) || 'not known'}.`,
};

/** Allocation rate per GC cycle, as bars in MB/s. */
export function allocChart(data: readonly ChartCycle[], options?: ChartOptions): Chart {
  return createChart(spec, data, options);
}
