import { highest, span } from './describe.ts';
import { createChart } from './frame.ts';
import type { ChartSpec } from './spec.ts';
import type { Chart, ChartCycle, ChartOptions } from './types.ts';

const spec: ChartSpec = {
  kind: 'alloc',
  marks: { alloc: { type: 'bar' } },
  primary: 'alloc',
  describe: (data) =>
    data.length === 0
      ? 'Allocation rate in MB/s between garbage collections; no cycles yet.'
      : `Allocation rate in MB/s between garbage collections ${span(data)}; ${highest(data, (c) => c.allocRateMBps, 'MB/s') || 'not known'}.`,
};

/** Allocation rate per GC cycle, as bars in MB/s. */
export function allocChart(data: readonly ChartCycle[], options?: ChartOptions): Chart {
  return createChart(spec, data, options);
}
