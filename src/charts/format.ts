/** Shown in tables and tooltips where a value is missing. */
export const missing = '—';

/** A number as short as it can be without hiding printed precision (integers stay exact). */
export function formatNumber(value: number): string {
  if (Number.isInteger(value)) return String(value);
  const size = Math.abs(value);
  // Printed trace values carry at most 3 decimals; derived ones need no more.
  const text = size >= 100 ? value.toFixed(1) : size >= 1 ? value.toFixed(3) : value.toPrecision(3);
  return String(Number(text));
}

/** Seconds since start, to the millisecond the trace prints. */
export function formatStartTime(seconds: number): string {
  return String(Number(seconds.toFixed(3)));
}

/** "1 GC cycle", "42 GC cycles". */
export function cycleCount(count: number): string {
  return `${count} GC cycle${count === 1 ? '' : 's'}`;
}
