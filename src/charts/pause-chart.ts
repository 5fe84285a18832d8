import { highest, span } from './describe.ts';
import { createChart } from './frame.ts';
import type { ChartSpec } from './spec.ts';
import type { Chart, ChartCycle, ChartOptions } from './types.ts';

const spec: ChartSpec = {
  kind: 'pause',
  marks: { pause: { type: 'bar' } },
  primary: 'pause',
  describe: (data, units) =>
    data.length === 0
      ? 'Stop-the-world pause in ${units.value.symbol} at each garbage collection; no cycles yet.'
      : `Stop-the-world pause in ${units.value.symbol} at each garbage collection ${span(data, units)}; ${highest(data, (c) => c.pauseMs, units.value) || 'not known'}.`,
};

/** Stop-the-world pause per GC cycle, as bars in ms. */
export function pauseChart(data: readonly ChartCycle[], options?: ChartOptions): Chart {
  return createChart(spec, data, options);
}
