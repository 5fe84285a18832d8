import { formatIn, formatStartTime } from './format.ts';
import type { ChartCycle } from './types.ts';
import type { ChartUnits, DisplayUnit } from './units.ts';

/** The cycle where `value` is highest, with that value, or null when it is never known. */
export function peakCycle(
  data: readonly ChartCycle[],
  value: (c: ChartCycle) => number | null,
): { cycle: ChartCycle; value: number } | null {
  let best = -1;
  let top = 0;
  for (let i = 0; i < data.length; i++) {
    const v = value(data[i]);
    if (v !== null && (best < 0 || v > top)) {
      best = i;
      top = v;
    }
  }
  return best < 0 ? null : { cycle: data[best], value: top };
}

/**
 * "from 0.009 s to 0.066 s" (or in the chart's minutes or hours: "from 1.2 min to 833.3 min"),
 * or "from gc 1 to gc 4" when times are not printed.
 */
export function span(data: readonly ChartCycle[], units: ChartUnits): string {
  const first = data[0];
  const last = data[data.length - 1];
  const at = (t: number) =>
    units.time.size === 1 ? `${formatStartTime(t)} s` : formatIn(t, units.time);
  return data.every((c) => c.timeKnown !== false)
    ? `from ${at(first.t)} to ${at(last.t)}`
    : `from gc ${first.gc} to gc ${last.gc}`;
}

/** "highest 12 MB/s (gc 4)", or "" when no cycle has the value. */
export function highest(
  data: readonly ChartCycle[],
  value: (c: ChartCycle) => number | null,
  unit: DisplayUnit,
): string {
  const top = peakCycle(data, value);
  return top === null ? '' : `highest ${formatIn(top.value, unit)} (gc ${top.cycle.gc})`;
}
