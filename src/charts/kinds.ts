import type { ChartCycle, ChartKind } from './types.ts';

/** One plotted quantity: its class, its legend text, its table column and where it comes from. */
export interface SeriesInfo {
  /** Class on its marks, e.g. `heap-live`; also the key of its colour. */
  key: string;
  /** Legend text, naming the trace field. */
  label: string;
  /** Header of its column in the chart's table; the table adds the unit. */
  tableHeader: string;
  value(cycle: ChartCycle): number | null;
}

/** What a kind of chart shows, independent of how it is drawn. */
export interface KindInfo {
  /** Start of the title: "<noun> over 42 GC cycles". */
  noun: string;
  /** y unit as the trace gives it; `chartUnits` may show sizes and rates in a bigger one. */
  unit: string;
  series: SeriesInfo[];
}

/** The data side of each chart, shared by the charts, their tables and their tooltips. */
export const kinds: Record<ChartKind, KindInfo> = {
  heap: {
    noun: 'Heap',
    unit: 'MB',
    series: [
      {
        key: 'heap-start',
        label: 'heap at start (1st number)',
        tableHeader: 'heap at start',
        value: (c) => c.heapStart,
      },
      {
        key: 'heap-end',
        label: 'heap at end (2nd)',
        tableHeader: 'heap at end',
        value: (c) => c.heapEnd,
      },
      {
        key: 'heap-live',
        label: 'live heap (3rd)',
        tableHeader: 'live heap',
        value: (c) => c.heapLive,
      },
      { key: 'heap-goal', label: 'goal (MB goal)', tableHeader: 'goal', value: (c) => c.goal },
    ],
  },
  pause: {
    noun: 'Stop-the-world pause',
    unit: 'ms',
    series: [
      {
        key: 'pause',
        label: 'stop-the-world pause (ms)',
        tableHeader: 'pause',
        value: (c) => c.pauseMs,
      },
    ],
  },
  cpu: {
    noun: 'GC CPU',
    unit: '%',
    series: [
      {
        key: 'cpu-interval',
        label: 'GC CPU since previous GC',
        tableHeader: 'GC CPU since previous GC',
        // toPrecision drops float noise such as 7.000000000000001.
        value: (c) =>
          c.gcCpuIntervalFraction === null
            ? null
            : Number((c.gcCpuIntervalFraction * 100).toPrecision(12)),
      },
      {
        key: 'cpu-total',
        label: 'GC CPU since start (printed #%)',
        tableHeader: 'GC CPU since start',
        value: (c) => c.gcCpuPercent,
      },
    ],
  },
  alloc: {
    noun: 'Allocation rate',
    unit: 'MB/s',
    series: [
      {
        key: 'alloc',
        label: 'allocation rate since previous GC',
        tableHeader: 'allocation rate',
        value: (c) => c.allocRateMBps,
      },
    ],
  },
};
