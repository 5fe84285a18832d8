import { formatNumber, formatStartTime } from './format.ts';
import type { ChartCycle, ChartKind } from './types.ts';

function amount(value: number | null, unit: string): string {
  return value === null ? 'not known' : `${formatNumber(value)} ${unit}`;
}

function percent(value: number | null): string {
  return value === null ? 'not known' : `${formatNumber(value)}%`;
}

/** "gc 12 @3.141s (forced)": which cycle a tooltip is about. */
export function cycleName(cycle: ChartCycle): string {
  const time = cycle.timeKnown === false ? '' : ` @${formatStartTime(cycle.t)}s`;
  return `gc ${cycle.gc}${time}${cycle.forced ? ' (forced)' : ''}`;
}

/** The exact values one chart shows for one cycle, as one line of text. */
export function tooltipText(cycle: ChartCycle, kind: ChartKind): string {
  return `${cycleName(cycle)} — ${values(cycle, kind)}`;
}

function values(c: ChartCycle, kind: ChartKind): string {
  switch (kind) {
    case 'heap': {
      const live = c.heapLive === null ? '' : ` → live ${amount(c.heapLive, 'MB')}`;
      const goal = c.goal === null ? 'no goal' : `goal ${amount(c.goal, 'MB')}`;
      return `start ${amount(c.heapStart, 'MB')} → end ${amount(c.heapEnd, 'MB')}${live}, ${goal}`;
    }
    case 'pause':
      return `pause ${amount(c.pauseMs, 'ms')}`;
    case 'cpu': {
      const interval = c.gcCpuIntervalFraction === null ? null : c.gcCpuIntervalFraction * 100;
      return `GC CPU ${percent(interval)} since previous GC, ${percent(c.gcCpuPercent)} since start`;
    }
    case 'alloc':
      return `allocating ${amount(c.allocRateMBps, 'MB/s')} since previous GC`;
  }
}
