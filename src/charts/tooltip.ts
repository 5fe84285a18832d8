import { formatIn, formatNumber, formatStartTime } from './format.ts';
import type { ChartCycle, ChartKind } from './types.ts';
import { traceUnits, type ChartUnits } from './units.ts';

function percent(value: number | null): string {
  return value === null ? 'not known' : `${formatNumber(value)}%`;
}

/**
 * "gc 12 @3.141s (forced)": which cycle a tooltip is about, by its printed time; when the chart
 * counts time in minutes or hours, that time follows in them ("@3144.123s, 52.402 min").
 */
export function cycleName(cycle: ChartCycle, units?: ChartUnits): string {
  const known = cycle.timeKnown !== false;
  const time = known ? ` @${formatStartTime(cycle.t)}s` : '';
  const scaled =
    known && units && units.time.size !== 1 ? `, ${formatIn(cycle.t, units.time)}` : '';
  return `gc ${cycle.gc}${time}${scaled}${cycle.forced ? ' (forced)' : ''}`;
}

/**
 * The exact values one chart shows for one cycle, as one line of text, in the chart's `units`
 * (by default the trace's own: MB, ms, %, MB/s).
 */
export function tooltipText(
  cycle: ChartCycle,
  kind: ChartKind,
  units: ChartUnits = traceUnits(kind),
): string {
  return `${cycleName(cycle, units)} — ${values(cycle, kind, units)}`;
}

function values(c: ChartCycle, kind: ChartKind, units: ChartUnits): string {
  const amount = (value: number | null) =>
    value === null ? 'not known' : formatIn(value, units.value);
  switch (kind) {
    case 'heap': {
      const live = c.heapLive === null ? '' : ` → live ${amount(c.heapLive)}`;
      const goal = c.goal === null ? 'no goal' : `goal ${amount(c.goal)}`;
      return `start ${amount(c.heapStart)} → end ${amount(c.heapEnd)}${live}, ${goal}`;
    }
    case 'pause':
      return `pause ${amount(c.pauseMs)}`;
    case 'cpu': {
      const interval = c.gcCpuIntervalFraction === null ? null : c.gcCpuIntervalFraction * 100;
      return `GC CPU ${percent(interval)} since previous GC, ${percent(c.gcCpuPercent)} since start`;
    }
    case 'alloc':
      return `allocating ${amount(c.allocRateMBps)} since previous GC`;
  }
}
