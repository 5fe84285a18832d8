/**
 * The units one chart's numbers are shown in, from the data it shows: its axes, tooltips, table
 * and description all take them from here, so they agree. The rule itself is the engine's
 * (`src/gctrace/units.ts`), shared with the findings and the command line.
 */
import {
  fixedUnit,
  inUnit,
  plural,
  rateUnit,
  sizeUnit,
  timeUnit,
  type DisplayUnit,
} from '../gctrace/units.ts';
import { kinds } from './kinds.ts';
import type { ChartCycle, ChartKind } from './types.ts';

export { inUnit, plural };
export type { DisplayUnit };

/** The units of a chart: of its x axis (time since start) and of its y axis (its series). */
export interface ChartUnits {
  time: DisplayUnit;
  value: DisplayUnit;
}

/** The trace's own units: seconds, and each kind's unit as printed. */
export function traceUnits(kind: ChartKind): ChartUnits {
  return { time: timeUnit(0), value: fixedUnit(kinds[kind].unit) };
}

/**
 * The units for `data` on a chart of `kind`: time from the latest time shown (`xDomain`'s ends
 * count too; seconds when the lines print no time), sizes and rates from the largest value of the kind's series. Pauses stay in ms and
 * GC CPU in percent.
 */
export function chartUnits(
  data: readonly ChartCycle[],
  kind: ChartKind,
  xDomain?: readonly [number, number],
): ChartUnits {
  // Without printed times x is the gc number, which has no unit to change.
  const timed = data.every((c) => c.timeKnown !== false);
  let latest = xDomain && timed ? Math.max(Math.abs(xDomain[0]), Math.abs(xDomain[1])) : 0;
  let largest = 0;
  const { series, unit } = kinds[kind];
  for (const c of data) {
    if (timed && Math.abs(c.t) > latest) latest = Math.abs(c.t);
    for (const s of series) {
      const v = s.value(c);
      if (v !== null && Math.abs(v) > largest) largest = Math.abs(v);
    }
  }
  const value =
    kind === 'heap' ? sizeUnit(largest) : kind === 'alloc' ? rateUnit(largest) : fixedUnit(unit);
  return { time: timeUnit(latest), value };
}

/** The text the x axis is labelled with: "seconds since program start", "hours since …". */
export function timeAxisLabel(time: DisplayUnit): string {
  return `${time.name} since program start`;
}
