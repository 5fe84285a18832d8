/** Shown in tables and tooltips where a value is missing. */
export const missing = '—';

import { plural } from '../gctrace/units.ts';

export { formatIn, formatNumber } from '../gctrace/units.ts';

/** Seconds since start, to the millisecond the trace prints. */
export function formatStartTime(seconds: number): string {
  return String(Number(seconds.toFixed(3)));
}

/** "1 GC cycle", "42 GC cycles". */
export function cycleCount(count: number): string {
  return plural(count, 'GC cycle');
}
