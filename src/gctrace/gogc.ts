/**
 * The GOGC the goals imply, with its uncertainty; whether a memory limit (GOMEMLIMIT) rather
 * than GOGC set the goal is told by memory-limit.ts.
 */
import type { GogcRule } from './eras.ts';
import { eras, isLegacyEra } from './eras.ts';
import { complete, type CycleMeasures } from './measures.ts';
import { maxOf, minOf } from './stats.ts';
import {
  goalFollowsGogc,
  goalReadings,
  memoryLimitRegime,
  noGoalAtAll,
  unknownGoalSetter,
  type CycleGoalSetter,
  type GoalReading,
  type MemoryLimitRegime,
} from './memory-limit.ts';
import type { EraId, GcCycle } from './types.ts';
import { plural } from './units.ts';

/** GOGC implied by the goals, with the interval that all agreeing cycles allow. */
export interface GogcEstimate {
  value: number;
  low: number;
  high: number;
  /** A common setting (50, 100, 200 …) when the interval is narrow and contains it. */
  snapped: number | null;
  cyclesUsed: number;
  cyclesAgreeing: number;
  method: string;
}

const commonGogc = [
  10, 20, 25, 30, 40, 50, 75, 80, 100, 120, 150, 200, 250, 300, 400, 500, 800, 1000,
];

/** The point covered by most intervals, and the intersection of the intervals covering it. */
function consensus(
  intervals: { low: number; high: number }[],
): { low: number; high: number; agreeing: number } | null {
  if (intervals.length === 0) return null;
  // Sweep the interval ends in order, an opening before a closing at the same point. Two sorted
  // typed arrays, merged, do this without a comparator callback per pair.
  const lows = Float64Array.from(intervals, (iv) => iv.low).sort();
  const highs = Float64Array.from(intervals, (iv) => iv.high).sort();
  let depth = 0;
  let best = -1;
  let at = 0;
  for (let i = 0, j = 0; i < lows.length || j < highs.length;) {
    let x: number;
    if (i < lows.length && (j >= highs.length || lows[i] <= highs[j])) {
      x = lows[i++];
      depth++;
    } else {
      x = highs[j++];
      depth--;
    }
    if (depth > best) {
      best = depth;
      at = x;
    }
  }
  const agreeing = intervals.filter((iv) => iv.low <= at && at <= iv.high);
  const low = maxOf(agreeing.map((iv) => iv.low));
  const high = minOf(agreeing.map((iv) => iv.high));
  return { low, high, agreeing: agreeing.length };
}

function estimate(intervals: { low: number; high: number }[], method: string): GogcEstimate | null {
  const c = consensus(intervals);
  if (c === null) return null;
  const value = (c.low + c.high) / 2;
  const width = c.high - c.low;
  const inside = commonGogc.filter((g) => g >= c.low - 0.5 && g <= c.high + 0.5);
  const narrow = width <= Math.max(6, 0.25 * value);
  // Named only when the interval holds one usual setting (24–31 could be 25 or 30), or holds the
  // default: 97–123 could be 120, but far more programs run with GOGC=100.
  const snapped = !narrow
    ? null
    : inside.includes(100)
      ? 100
      : inside.length === 1
        ? inside[0]
        : null;
  return {
    value: Math.round(value * 10) / 10,
    low: Math.round(c.low * 10) / 10,
    high: Math.round(c.high * 10) / 10,
    snapped,
    cyclesUsed: intervals.length,
    cyclesAgreeing: c.agreeing,
    method,
  };
}

/** How each rule reads GOGC, as the findings state it. */
const gogcMethods: Record<GogcRule, string> = {
  'heap-growth': 'GOGC ≈ 100 × (H1 / H0 − 1) (Go 1.3–1.4)',
  'next-start': 'GOGC ≈ 100 × (next start heap / after heap − 1) (Go 1.0–1.2)',
  'goal-with-roots':
    'GOGC ≈ 100 × (goal − previous live) / (previous live + stacks + globals) (Go 1.18+)',
  goal: 'GOGC ≈ 100 × (goal / previous live − 1) (Go 1.5–1.17)',
};

/** Implied GOGC of a run, and the memory-limit regime its goals show. */
export function impliedGogc(
  cycles: readonly GcCycle[],
  measures: readonly CycleMeasures[],
  gcOff: boolean,
): { estimate: GogcEstimate | null; note: string; memoryLimit: MemoryLimitRegime } {
  if (gcOff) {
    return {
      estimate: null,
      note: 'GC is off (GOGC=off): the goal is the "no goal" value, so there is no GOGC to infer',
      memoryLimit: noGoalAtAll,
    };
  }
  const era = cycles.find(complete)?.era;
  const method = era === undefined ? '' : gogcMethods[eras[era].gogc];
  const noEstimate = 'no cycle pair allows an estimate (too few, forced or lifted goals)';
  if (era === undefined) {
    return {
      estimate: null,
      note: noEstimate,
      memoryLimit: unknownGoalSetter('no complete cycle'),
    };
  }
  const { limit } = goalRegime(era, cycles, measures, method);
  const memoryLimit =
    limit.regime.goalSetBy === 'unknown' && limit.estimate !== null
      ? goalFollowsGogc
      : limit.regime;
  if (limit.note !== null) return { estimate: null, note: limit.note, memoryLimit };
  const est = limit.estimate;
  const note =
    est === null
      ? noEstimate
      : est.snapped !== null
        ? `GOGC ${est.snapped} (implied ${est.low}–${est.high} from ${est.cyclesAgreeing} of ${plural(est.cyclesUsed, 'cycle')})`
        : `GOGC about ${Math.round(est.value)} (between ${est.low} and ${est.high}; heaps too small to pin it down)`;
  return { estimate: est, note, memoryLimit };
}

/** The readings of a run's goals and the memory-limit regime they show. */
function goalRegime(
  era: EraId,
  cycles: readonly GcCycle[],
  measures: readonly CycleMeasures[],
  method: string,
) {
  // Go 1.0–1.4 print no goal: their GOGC comes from the heap numbers alone.
  const printsGoal = eras[era].gogc === 'goal' || eras[era].gogc === 'goal-with-roots';
  const readings: GoalReading[] = printsGoal
    ? goalReadings(cycles, measures)
    : measures.map((m, i) => ({ m, c: cycles[i], previousLiveMB: 0 }));
  return { readings, limit: memoryLimitRegime(era, readings, (used) => gogcOf(era, used, method)) };
}

/**
 * What set each cycle's goal, in the order of `cycles`: GOGC, the memory limit (holding the goal,
 * or with the heap over it), or null where the cycle cannot tell (no goal, forced, first of a
 * run, or too small a heap). The run's summary of these is `impliedGogc(…).memoryLimit`.
 */
export function cycleGoalSetters(
  cycles: readonly GcCycle[],
  measures: readonly CycleMeasures[],
): CycleGoalSetter[] {
  const era = cycles.find(complete)?.era;
  const setters: CycleGoalSetter[] = cycles.map(() => null);
  if (era === undefined) return setters;
  const { readings, limit } = goalRegime(era, cycles, measures, gogcMethods[eras[era].gogc]);
  const index = new Map(cycles.map((c, i) => [c, i]));
  readings.forEach((r, k) => (setters[index.get(r.c)!] = limit.setters[k]));
  return setters;
}

/** GOGC from the implied intervals of `readings`, leaving out goals the minimum heap may have raised. */
function gogcOf(era: EraId, readings: readonly GoalReading[], method: string): GogcEstimate | null {
  let used = readings.filter((x) => x.m.impliedGogc !== null);
  let est = estimate(
    used.map((x) => x.m.impliedGogc!),
    method,
  );
  // The minimum heap (4 MB × GOGC/100) raises small goals: drop goals that may sit on it.
  if (est !== null && !isLegacyEra(era)) {
    const floor = 4 * (est.value / 100) + 1;
    const above = used.filter((x) => (x.c.goalMB ?? 0) > floor);
    if (above.length >= 3) {
      used = above;
      est = estimate(
        used.map((x) => x.m.impliedGogc!),
        method,
      );
    }
  }
  return est === null ? null : fewReadable(era, readings, used.length, est);
}

/**
 * A goal at or below the heap its cycle started at gives no interval. When most goals of heaps
 * big enough to read (4 MB and more) are like that (two in three), as with a small GOGC on a heap of a few MB,
 * the few left are the ones the rounding lifted: they put GOGC too high. Then the estimate only
 * bounds GOGC from above.
 */
function fewReadable(
  era: EraId,
  readings: readonly GoalReading[],
  used: number,
  est: GogcEstimate,
): GogcEstimate {
  if (isLegacyEra(era)) return est;
  const readable = readings.filter((x) => x.previousLiveMB >= 4).length;
  if (readable < 8 || used >= readable / 3) return est;
  return { ...est, low: 0, value: Math.round(est.high * 5) / 10, snapped: null };
}
