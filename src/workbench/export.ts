/** Cycles as CSV and JSON, built in parts so a million cycles never make one giant string. */
import { FORCED, TIMED, TRUNCATED, type RunColumns } from './columns.ts';

export const csvColumns = [
  'line',
  'gc',
  'seconds',
  'heap_start_mb',
  'heap_end_mb',
  'heap_live_mb',
  'goal_mb',
  'pause_ms',
  'gc_cpu_percent_printed',
  'interval_gc_cpu_fraction',
  'alloc_rate_mb_per_s',
  'live_mb',
  'forced',
  'truncated',
] as const;

/**
 * A value as the trace prints it: seconds and milliseconds to the thousandth (a pause is a sum of
 * printed parts, 0.047 + 0.004, which floating point makes 0.051000000000000004), MB and % whole.
 */
const asPrinted = (v: number) => Number(v.toFixed(3));
/** A value the lines imply (a share, a rate): four significant digits, more than its inputs carry. */
const asDerived = (v: number) => Number(v.toPrecision(4));

const cell = (v: number, write = asPrinted) => (Number.isNaN(v) ? '' : String(write(v)));
const json = (v: number, write = asPrinted) => (Number.isNaN(v) ? null : write(v));

function rows(
  columns: RunColumns,
  domain: readonly [number, number] | null,
  each: (i: number) => string,
  parts: string[],
): void {
  const [start, end] = columns.indexRange(domain);
  const t = columns.numbers.t;
  let buffer: string[] = [];
  for (let i = start; i < end; i++) {
    if (domain !== null && (t[i] < domain[0] || t[i] > domain[1])) continue;
    buffer.push(each(i));
    if (buffer.length === 10_000) {
      parts.push(buffer.join(''));
      buffer = [];
    }
  }
  if (buffer.length > 0) parts.push(buffer.join(''));
}

/** CSV parts (header first): one row a cycle, empty cells for values not printed. */
export function cyclesCsv(columns: RunColumns, domain: readonly [number, number] | null): string[] {
  const n = columns.numbers;
  const parts = [csvColumns.join(',') + '\n'];
  rows(
    columns,
    domain,
    (i) => {
      const f = columns.flags[i];
      return (
        [
          columns.line[i],
          n.gc[i],
          f & TIMED ? cell(n.t[i]) : '',
          cell(n.heapStart[i]),
          cell(n.heapEnd[i]),
          cell(n.heapLive[i]),
          cell(n.goal[i]),
          cell(n.pauseMs[i]),
          cell(n.gcCpuPercent[i]),
          cell(n.gcCpuIntervalFraction[i], asDerived),
          cell(n.allocRateMBps[i], asDerived),
          cell(n.liveMB[i]),
          f & FORCED ? 'true' : 'false',
          f & TRUNCATED ? 'true' : 'false',
        ].join(',') + '\n'
      );
    },
    parts,
  );
  return parts;
}

/** JSON parts: `{ "source", "run", "range", "cycles": [ … ] }`, one object a cycle. */
export function cyclesJson(
  columns: RunColumns,
  domain: readonly [number, number] | null,
  meta: { source: string; run: number },
): string[] {
  const n = columns.numbers;
  const head = JSON.stringify({ source: meta.source, run: meta.run, range: domain });
  const parts = [head.slice(0, -1) + ',"cycles":['];
  let first = true;
  rows(
    columns,
    domain,
    (i) => {
      const f = columns.flags[i];
      const text = JSON.stringify({
        line: columns.line[i],
        gc: n.gc[i],
        seconds: f & TIMED ? json(n.t[i]) : null,
        heapStartMB: json(n.heapStart[i]),
        heapEndMB: json(n.heapEnd[i]),
        heapLiveMB: json(n.heapLive[i]),
        goalMB: json(n.goal[i]),
        pauseMs: json(n.pauseMs[i]),
        gcCpuPercentPrinted: json(n.gcCpuPercent[i]),
        intervalGcCpuFraction: json(n.gcCpuIntervalFraction[i], asDerived),
        allocRateMBps: json(n.allocRateMBps[i], asDerived),
        liveMB: json(n.liveMB[i]),
        forced: (f & FORCED) !== 0,
        truncated: (f & TRUNCATED) !== 0,
      });
      const out = (first ? '\n' : ',\n') + text;
      first = false;
      return out;
    },
    parts,
  );
  parts.push('\n]}\n');
  return parts;
}
