/**
 * The units a quantity is shown in, chosen from the data so that numbers stay short: MB while
 * heaps are up to 10,000 MB, then GB, then TB; seconds for runs up to 10 minutes, then minutes
 * up to 10 hours, then hours. One rule for the charts' axes, tooltips and tables, the findings
 * and the command line's summary, so that the same quantity reads the same everywhere. Counts
 * with their noun are written here too (`plural`).
 */

/** A unit to show a quantity in: its symbol, its name, and how many of the trace's units make one. */
export interface DisplayUnit {
  /** "MB", "GB/s", "min". */
  symbol: string;
  /** "megabytes", "minutes": for axis labels and sentences. */
  name: string;
  /** Trace units (MB, MB/s or seconds) in one of this unit. */
  size: number;
}

/**
 * The trace's "MB" are 2^20 bytes (the runtime shifts by 20), so a GB here is 1024 of them and a
 * TB 1024 GB: a number that the trace prints as 20480 MB reads as 20 GB.
 */
const sizeSteps: readonly DisplayUnit[] = [
  { symbol: 'MB', name: 'megabytes', size: 1 },
  { symbol: 'GB', name: 'gigabytes', size: 1024 },
  { symbol: 'TB', name: 'terabytes', size: 1024 * 1024 },
];

/** A size unit holds while the largest value is at most this many of it (10,000 MB → MB). */
export const largestInSizeUnit = 10_000;

const timeSteps: readonly (DisplayUnit & { upTo: number })[] = [
  // Up to 10 minutes the trace's own seconds read best: they match the @…s on each line.
  { symbol: 's', name: 'seconds', size: 1, upTo: 600 },
  { symbol: 'min', name: 'minutes', size: 60, upTo: 36_000 },
  { symbol: 'h', name: 'hours', size: 3600, upTo: Infinity },
];

/** The unit for sizes whose largest (absolute) value is `largestMB`. */
export function sizeUnit(largestMB: number): DisplayUnit {
  const largest = Number.isFinite(largestMB) ? Math.abs(largestMB) : 0;
  return (
    sizeSteps.find((u) => largest <= largestInSizeUnit * u.size) ?? sizeSteps[sizeSteps.length - 1]!
  );
}

/** The unit for rates whose largest value is `largestMBps`: the size rule, per second. */
export function rateUnit(largestMBps: number): DisplayUnit {
  const size = sizeUnit(largestMBps);
  return { symbol: `${size.symbol}/s`, name: `${size.name} per second`, size: size.size };
}

/** The unit for times (since program start, or spans) whose largest value is `largestSeconds`. */
export function timeUnit(largestSeconds: number): DisplayUnit {
  const largest = Number.isFinite(largestSeconds) ? Math.abs(largestSeconds) : 0;
  const { symbol, name, size } = timeSteps.find((u) => largest <= u.upTo)!;
  return { symbol, name, size };
}

/** A unit that shows values as they are (ms, %), for quantities that do not change unit. */
export function fixedUnit(symbol: string, name = symbol): DisplayUnit {
  return { symbol, name, size: 1 };
}

/** `value` (in trace units) in `unit`. */
export function inUnit(value: number, unit: DisplayUnit): number {
  return unit.size === 1 ? value : value / unit.size;
}

/**
 * One formatter for every count: toLocaleString builds a new one on each call (per keystroke).
 * Built on the first count, not when the module loads: the first Intl formatter of a page loads
 * the locale data, a long task that every page with a trace cell paid at load for nothing.
 */
let thousands: Intl.NumberFormat | null = null;

/**
 * "1 cycle", "2 cycles", "1,204 lines": a count with its noun, singular for one (and "0 cycles").
 * The one plural rule of every sentence the site and the command line write.
 */
export function plural(n: number, noun: string, many = `${noun}s`): string {
  thousands ??= new Intl.NumberFormat('en');
  return `${thousands.format(n)} ${n === 1 ? noun : many}`;
}

/**
 * `value` to `digits` significant digits, whole numbers from 10^digits up: 0.021, 2.5, 156. For
 * derived figures (rates, changes) whose decimals would only be noise.
 */
export function formatSignificant(value: number, digits = 2): string {
  if (!Number.isFinite(value)) return String(value);
  if (Math.abs(value) >= 10 ** digits) return String(Math.round(value));
  return String(Number(value.toPrecision(digits)));
}

/** A number as short as it can be without hiding printed precision (integers stay exact). */
export function formatNumber(value: number): string {
  if (Number.isInteger(value)) return String(value);
  const size = Math.abs(value);
  // Printed trace values carry at most 3 decimals; derived ones need no more.
  const text = size >= 100 ? value.toFixed(1) : size >= 1 ? value.toFixed(3) : value.toPrecision(3);
  return String(Number(text));
}

/** "292.969 GB", "12 MB", "52.4 min": `value` (trace units) in `unit`, with its symbol. */
export function formatIn(value: number, unit: DisplayUnit): string {
  return `${formatNumber(inUnit(value, unit))} ${unit.symbol}`;
}

/** A size in MB written in the unit its own size calls for: "512 MB", "292.969 GB". */
export function formatSize(mb: number): string {
  return formatIn(mb, sizeUnit(mb));
}

/** A length of time in the unit its own length calls for: "120.08 s", "52.4 min", "13.9 h". */
export function formatTimeSpan(seconds: number): string {
  const unit = timeUnit(seconds);
  const value = inUnit(seconds, unit);
  // Seconds to the hundredth as before; minutes and hours to a tenth are plenty for a whole run.
  const digits = unit.size === 1 ? 2 : 1;
  return `${Number(value.toFixed(digits))} ${unit.symbol}`;
}
