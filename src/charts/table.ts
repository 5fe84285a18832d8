import { missing } from './format.ts';
import { kinds } from './kinds.ts';
import type { ChartCycle, ChartKind, ChartTable } from './types.ts';

/** The data behind a chart as caption, column headers and rows (missing values as "—"). */
export function chartTable(data: readonly ChartCycle[], kind: ChartKind): ChartTable {
  const { noun, unit, series } = kinds[kind];
  const timed = data.every((c) => c.timeKnown !== false);
  return {
    caption: `${noun} per GC cycle (${unit}), ${data.length} cycle${data.length === 1 ? '' : 's'}`,
    headers: ['line', 'GC', timed ? 'time (s)' : 'cycle', ...series.map((s) => s.tableHeader)],
    rows: data.map((c) => [c.line, c.gc, c.t, ...series.map((s) => s.value(c) ?? missing)]),
  };
}
