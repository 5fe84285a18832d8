import { cycleCount, formatNumber, formatStartTime, missing } from './format.ts';
import { kinds, type SeriesInfo } from './kinds.ts';
import type { ChartCycle, ChartKind, ChartTable } from './types.ts';
import { chartUnits, inUnit, plural, type DisplayUnit } from './units.ts';

/** A value in `unit`: as given in the trace's own unit, written short in a bigger one. */
function cellIn(value: number, unit: DisplayUnit): number | string {
  return unit.size === 1 ? value : formatNumber(inUnit(value, unit));
}

/**
 * The data behind a chart as caption, column headers and rows (missing values as "—"), in the
 * units the chart shows for the same data.
 */
export function chartTable(data: readonly ChartCycle[], kind: ChartKind): ChartTable {
  const { noun, series } = kinds[kind];
  const timed = data.every((c) => c.timeKnown !== false);
  const units = chartUnits(data, kind);
  const unit = units.value.symbol;
  return {
    caption: `${noun} per GC cycle (${unit}), ${plural(data.length, 'cycle')}`,
    headers: [
      'line',
      'GC',
      timed ? `time (${units.time.symbol})` : 'cycle',
      ...series.map((s) => `${s.tableHeader} (${unit})`),
    ],
    rows: data.map((c) => [
      c.line,
      c.gc,
      timed ? cellIn(c.t, units.time) : c.t,
      ...series.map((s) => {
        const v = s.value(c);
        return v === null ? missing : cellIn(v, units.value);
      }),
    ]),
  };
}

/** A table of several charts' data, and how many of the cycles it has rows for. */
export interface ChartsTable extends ChartTable {
  /** Cycles given; the table has a row for each when `rows.length` equals it. */
  cycles: number;
}

/**
 * The data behind several charts as one table: line, GC and time, then each chart's series once,
 * with numbers written short. A trace of more than `rowLimit` cycles gets a summary of that many
 * rows: evenly spread over the cycles, always with the first and the last, and with the cycle
 * where each column is highest.
 */
export function chartsTable(
  data: readonly ChartCycle[],
  chartKinds: readonly ChartKind[],
  rowLimit = Infinity,
): ChartsTable {
  const shownKinds = [...new Set(chartKinds)];
  // Each chart's columns in the unit of its axis; the time in the unit all of them share.
  const columns = shownKinds.flatMap((kind) => {
    const { value } = chartUnits(data, kind);
    return kinds[kind].series.map((s) => ({ ...s, unit: value }));
  });
  const time = chartUnits(data, shownKinds[0] ?? 'heap').time;
  const timed = data.every((c) => c.timeKnown !== false);
  const picked = summaryRows(data, columns, rowLimit);
  const count = cycleCount(data.length);
  return {
    caption:
      picked.length === data.length
        ? `Chart data per GC cycle, ${count}`
        : `Chart data for ${picked.length} of ${count}: evenly spread, with each column’s highest`,
    headers: [
      'line',
      'GC',
      timed ? `time (${time.symbol})` : 'cycle',
      ...columns.map((s) => `${s.tableHeader} (${s.unit.symbol})`),
    ],
    rows: picked.map((i) => {
      const c = data[i];
      const values = columns.map((s) => {
        const v = s.value(c);
        return v === null ? missing : formatNumber(inUnit(v, s.unit));
      });
      const t = !timed
        ? formatNumber(c.t)
        : time.size === 1
          ? formatStartTime(c.t)
          : formatNumber(inUnit(c.t, time));
      return [c.line, c.gc, t, ...values];
    }),
    cycles: data.length,
  };
}

/**
 * The indexes of the rows a table of `data` keeps, in order: all of them up to `limit`; else the
 * first and the last, each series' highest (its first cycle, on ties), and as many more as the
 * limit leaves room for, evenly spread between them.
 */
export function summaryRows(
  data: readonly ChartCycle[],
  series: readonly SeriesInfo[],
  limit: number,
): number[] {
  if (data.length <= limit) return data.map((_, i) => i);
  const rows = new Set([0, data.length - 1]);
  for (const s of series) {
    let top = -1;
    let topValue = -Infinity;
    data.forEach((c, i) => {
      const v = s.value(c);
      if (v !== null && v > topValue) [top, topValue] = [i, v];
    });
    if (top >= 0) rows.add(top);
  }
  const room = limit - rows.size;
  for (let k = 1; k <= room; k++) rows.add(Math.round((k * (data.length - 1)) / (room + 1)));
  return [...rows].sort((a, b) => a - b);
}
