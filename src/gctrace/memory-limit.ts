/**
 * What set the heap goal of each cycle: GOGC or a memory limit (GOMEMLIMIT). Under GOGC the goal
 * follows the previous cycle's live heap, goal ≈ live × (1 + GOGC/100) (plus stacks and globals
 * from Go 1.18). Under a memory limit the goal stays where the limit puts it (the limit minus the
 * runtime's other memory and a little headroom) while the live heap moves; once the heap is over
 * the limit the goal is the previous live heap itself, so the collector runs back to back
 * (runtime/mgcpacer.go, heapGoalInternal and memoryLimitHeapGoal; content/facts.md rows 18, 22).
 */
import { eras } from './eras.ts';
import type { GogcEstimate } from './gogc.ts';
import { complete, type CycleMeasures } from './measures.ts';
import { maxOf, median, minOf } from './stats.ts';
import type { EraId, GcCycle } from './types.ts';
import { plural } from './units.ts';

/** What set a run's goals. */
export type GoalSetter =
  | 'gogc'
  | 'memory-limit'
  | 'gogc-and-memory-limit'
  /** GOGC=off and no memory limit: the goal is the "no goal" value. */
  | 'no-goal'
  /** No cycle whose goal can be read against the live heap before it. */
  | 'unknown';

/**
 * What set one cycle's goal: GOGC, a memory limit holding it below what GOGC would give, or the
 * limit with the heap already over it (goal = previous live heap); null when the cycle cannot tell.
 */
export type CycleGoalSetter = 'gogc' | 'limit' | 'over-limit' | null;

/** What set the goals of a run, why we think so, and the lines that show it. */
export interface MemoryLimitRegime {
  /** True when a memory limit set the goal of some of the cycles. */
  detected: boolean;
  goalSetBy: GoalSetter;
  reason: string;
  /** Lines of the cycles whose goal the limit set. */
  lines: number[];
  /** The goal the limit held while the heap was under it (MB, median), if it held one. */
  limitGoalMB: number | null;
  /** Cycles whose goal was the previous cycle's live heap: the heap was at or over the limit. */
  overLimitCycles: number;
  /**
   * The line from which five or more such cycles came one after the other: the heap stayed at
   * the limit and the collector ran back to back. Null when they only came one here and there.
   */
  backToBackFromLine: number | null;
  /** GOGC set the goals before this line, the memory limit from it on; null if no such switch. */
  switchLine: number | null;
  /** When the limit set every goal: GOGC is off or above this (its goals were higher). */
  gogcAbove: number | null;
}

/** A regime that says nothing about a memory limit, with the reason why. */
export function unknownGoalSetter(reason: string): MemoryLimitRegime {
  return {
    detected: false,
    goalSetBy: 'unknown',
    reason,
    lines: [],
    limitGoalMB: null,
    overLimitCycles: 0,
    backToBackFromLine: null,
    switchLine: null,
    gogcAbove: null,
  };
}

/** The regime when the goals follow GOGC. */
export const goalFollowsGogc: MemoryLimitRegime = {
  ...unknownGoalSetter('the goal follows the previous cycle’s live heap, as GOGC sets it'),
  goalSetBy: 'gogc',
};

/** The regime of a run with GC off: no goal, so no limit either. */
export const noGoalAtAll: MemoryLimitRegime = {
  ...unknownGoalSetter('no goal at all: GOGC=off and no memory limit'),
  goalSetBy: 'no-goal',
};

/** A cycle with a goal, read against the live heap of the cycle before it. */
export interface GoalReading {
  c: GcCycle;
  m: CycleMeasures;
  /** The previous cycle's live heap (MB): the heap the goal is computed from. */
  previousLiveMB: number;
}

/** The cycles whose goal can be read against the previous cycle's live heap, in order. */
export function goalReadings(
  cycles: readonly GcCycle[],
  measures: readonly CycleMeasures[],
): GoalReading[] {
  const readings: GoalReading[] = [];
  for (let i = 1; i < cycles.length; i++) {
    const c = cycles[i];
    const p = cycles[i - 1];
    if (c.forced || c.goalMB === null || c.goalUnbounded || !complete(c)) continue;
    if (p.gc !== c.gc - 1 || !complete(p) || p.heapMB.length !== 3) continue;
    readings.push({ c, m: measures[i], previousLiveMB: p.heapMB[2] });
  }
  return readings;
}

/**
 * Below this live heap (MB) a goal equal to it could still be GOGC's: with GOGC=12 a live heap of
 * 8 MB gives a goal that prints as 8 MB too. From 8 MB on, a GOGC of 13 or more adds a megabyte.
 */
const overLimitMinLiveMB = 8;

/** A goal equal to the previous live heap: the limit's floor, reached when the heap is over it. */
function atLiveHeap(r: GoalReading): boolean {
  return r.previousLiveMB >= overLimitMinLiveMB && r.c.goalMB! <= r.previousLiveMB;
}

/**
 * How much the goal of reading `k` moves per MB the live heap moves: the median slope to the
 * nearest readings whose live heap differs from its own by at least 2 MB (the trace rounds to
 * whole MB). About 1 + GOGC/100 when GOGC sets the goal, about 0 when a limit holds it; the
 * median keeps a few neighbours from the other side of a switch from deciding. Null when the
 * live heap around it did not move enough to tell.
 */
function goalSlope(
  readings: readonly GoalReading[],
  k: number,
  skip: readonly boolean[],
): number | null {
  const live = readings[k].previousLiveMB;
  const goal = readings[k].c.goalMB!;
  const minMove = Math.max(2, 0.05 * live);
  const slopes: number[] = [];
  // Nearest first, both ways, within a window: a run may switch from one setter to the other.
  for (let d = 1; d <= 25 && slopes.length < 8; d++) {
    for (const j of [k - d, k + d]) {
      if (j < 0 || j >= readings.length || skip[j]) continue;
      const dl = readings[j].previousLiveMB - live;
      if (Math.abs(dl) >= minMove) slopes.push((readings[j].c.goalMB! - goal) / dl);
    }
  }
  return slopes.length >= 3 ? median(slopes) : null;
}

/** The runtime's minimum heap at GOGC=100 (MB): below it a held goal may be GOGC's floor. */
const minimumHeapMB = 4;

/**
 * Goal moved per MB of live heap: GOGC gives 1 + GOGC/100, so at least 1; a held goal about 0.
 * Below `heldSlope` the goal held, from `followedSlope` on it followed; between, the rounding to
 * whole MB leaves it open.
 */
const heldSlope = 0.5;
const followedSlope = 0.9;

/** Same live heap and same goal, give or take the rounding: whatever set one set the other. */
function sameAs(a: GoalReading, b: GoalReading): boolean {
  const live = Math.max(a.previousLiveMB, b.previousLiveMB);
  const goal = Math.max(a.c.goalMB!, b.c.goalMB!);
  return (
    Math.abs(a.previousLiveMB - b.previousLiveMB) < Math.max(2, 0.05 * live) &&
    Math.abs(a.c.goalMB! - b.c.goalMB!) <= Math.max(1, 0.03 * goal)
  );
}

/**
 * The setter of each reading's goal, before GOGC is known: the limit when the goal sits at the
 * previous live heap or held still while the live heap moved, GOGC when it moved with the live
 * heap. A reading whose live heap did not move takes the setter of the nearest one it equals;
 * null when nothing tells.
 */
export function trackedGoalSetters(
  era: EraId,
  readings: readonly GoalReading[],
): CycleGoalSetter[] {
  if (!eras[era].memoryLimit) return readings.map(() => null);
  const over = readings.map(atLiveHeap);
  // Below 4 MB of live heap the goal may sit on GOGC's minimum heap (4 MB × GOGC/100), which
  // holds it still too; from 4 MB on, GOGC's goal is always above that floor.
  // A goal below the heap the cycle started at was cut short (the heap overshot, or the cycle
  // started late): it shows neither setter's rule.
  const skip = readings.map(
    (r, k) => over[k] || r.previousLiveMB < minimumHeapMB || r.c.goalMB! < r.c.heapMB[0],
  );
  const setters: CycleGoalSetter[] = readings.map((_, k) => {
    if (over[k]) return 'over-limit';
    if (skip[k]) return null;
    const slope = goalSlope(readings, k, skip);
    if (slope === null) return null;
    return slope < heldSlope ? 'limit' : slope >= followedSlope ? 'gogc' : null;
  });
  // Nothing moved around these: they repeat the nearest reading that told, if they equal it.
  const tracked = setters
    .map((s, k) => (s === 'limit' || s === 'gogc' ? k : -1))
    .filter((k) => k >= 0);
  if (tracked.length === 0) return setters;
  let t = 0;
  for (let k = 0; k < readings.length; k++) {
    while (t + 1 < tracked.length && Math.abs(tracked[t + 1] - k) <= Math.abs(tracked[t] - k)) t++;
    const near = tracked[t];
    if (setters[k] === null && !skip[k] && sameAs(readings[k], readings[near]))
      setters[k] = setters[near];
  }
  return setters;
}

/** The estimate's interval overlaps the reading's own. */
function agrees(r: GoalReading, est: GogcEstimate): boolean {
  const iv = r.m.impliedGogc;
  return iv !== null && iv.low <= est.high && iv.high >= est.low;
}

/**
 * Below what GOGC gives with the heap close to the goal: a limit lowered it (the rule used where
 * the live heap did not move enough to show whether the goal follows it).
 */
function belowGogc(r: GoalReading, est: GogcEstimate): boolean {
  const iv = r.m.impliedGogc;
  return iv !== null && iv.high < 0.85 * est.low && r.c.heapMB[1] >= 0.8 * r.c.goalMB!;
}

/**
 * Just under the limit the goal sits a sliver above the live heap (the limit minus the runtime's
 * other memory), and follows it as the heap grows: it reads like GOGC 2–10. In a run whose heap
 * is seen over the limit, such goals are the limit's.
 */
function nearLimit(r: GoalReading): boolean {
  return (
    r.previousLiveMB >= minimumHeapMB &&
    r.c.goalMB! - r.previousLiveMB <= Math.max(2, 0.1 * r.previousLiveMB)
  );
}

/**
 * A limit only ever lowers the goal. So when the cycles with the smaller live heaps imply a
 * higher GOGC than the consensus of all cycles, the higher one is GOGC and the consensus is a
 * limit holding the goals of the bigger heaps (GOGC=100 with GOMEMLIMIT=60MiB: goal twice the
 * live heap at first, then held at 49 MB, which reads as GOGC 50 on every later cycle).
 */
function higherGogc(
  open: readonly GoalReading[],
  est: GogcEstimate,
  estimateOf: (used: readonly GoalReading[]) => GogcEstimate | null,
): GogcEstimate {
  const above = open.filter(
    (r) =>
      r.m.impliedGogc !== null &&
      r.m.impliedGogc.low > est.high &&
      r.previousLiveMB >= minimumHeapMB,
  );
  const higher = above.length >= 2 ? estimateOf(above) : null;
  if (higher === null || higher.cyclesAgreeing < 2) return est;
  const liveOf = (e: GogcEstimate) =>
    median(open.filter((r) => agrees(r, e)).map((r) => r.previousLiveMB));
  return liveOf(higher) + 2 <= liveOf(est) ? higher : est;
}

const r1 = (v: number) => Math.round(v * 10) / 10;

/**
 * The memory-limit regime of a run's readings, and the GOGC estimate that follows from it:
 * `estimateOf` estimates GOGC from the readings GOGC may have set. `note` replaces the
 * estimate's own note when GOGC cannot be read at all.
 */
export function memoryLimitRegime(
  era: EraId,
  readings: readonly GoalReading[],
  estimateOf: (used: readonly GoalReading[]) => GogcEstimate | null,
): {
  regime: MemoryLimitRegime;
  setters: CycleGoalSetter[];
  estimate: GogcEstimate | null;
  note: string | null;
} {
  const limits = eras[era].memoryLimit;
  const setters = trackedGoalSetters(era, readings);
  const overCount = setters.filter((s) => s === 'over-limit').length;
  if (overCount >= 3) {
    for (let k = 0; k < readings.length; k++)
      if (setters[k] !== 'over-limit' && nearLimit(readings[k])) setters[k] = 'limit';
  }
  const followed = setters.map((s) => s === 'gogc');
  const limitSeen = setters.some((s) => s === 'limit' || s === 'over-limit');
  // GOGC from the cycles the limit did not set; where a limit is at work, only from the goals
  // seen following the live heap.
  const open = readings.filter((_, k) =>
    limitSeen ? followed[k] : setters[k] === null || setters[k] === 'gogc',
  );
  let est = open.length > 0 ? estimateOf(open) : null;
  if (est !== null && limits) est = higherGogc(open, est, estimateOf);
  // Where a limit is at work, a GOGC counts only if some goals were seen following the live heap.
  if (est !== null && limitSeen) {
    const shown = readings.filter((r, k) => followed[k] && agrees(r, est!)).length;
    if (shown === 0 || est.cyclesAgreeing < 2) est = null;
  }
  if (est !== null) {
    for (let k = 0; k < readings.length; k++) {
      if (setters[k] === 'limit' || setters[k] === 'over-limit') continue;
      if (agrees(readings[k], est)) setters[k] = 'gogc';
      else if (limits && belowGogc(readings[k], est)) setters[k] = 'limit';
    }
  }
  let likely = false;
  if (
    est !== null &&
    limits &&
    !limitSeen &&
    !followed.includes(true) &&
    est.snapped === null &&
    est.high - est.low <= 0.2 * est.value &&
    est.value < 100
  ) {
    // The live heap never moved enough to show whether the goal follows it, and the goals imply
    // a precise GOGC that is no usual setting: most likely a limit holds them.
    const goals = readings.map((r) => r.c.goalMB!);
    const level = median(goals);
    const flat = goals.filter((g) => Math.abs(g - level) <= Math.max(1, 0.1 * level)).length;
    if (flat >= 0.6 * goals.length) {
      likely = true;
      for (let k = 0; k < readings.length; k++)
        if (setters[k] === 'gogc' && agrees(readings[k], est)) setters[k] = 'limit';
    }
  }
  const regime = summarise(readings, setters, likely);
  if (regime.goalSetBy === 'memory-limit') {
    // A goal here and there that seemed to follow the live heap is noise beside the limit's.
    for (let k = 0; k < setters.length; k++) if (setters[k] === 'gogc') setters[k] = null;
    const above = gogcAboveOf(readings, setters);
    return {
      regime: { ...regime, gogcAbove: above },
      setters,
      estimate: null,
      note: `a memory limit set the goal, not GOGC, so GOGC cannot be read from the goals: it is off${above !== null ? ` or above ${above}` : ', or higher than the limit lets show'}`,
    };
  }
  return { regime, setters, estimate: est, note: null };
}

/**
 * What the held goals say of GOGC when a limit set them all: GOGC's own goal was higher on each,
 * so GOGC is above what each implies; the median keeps one odd cycle from deciding.
 */
function gogcAboveOf(readings: readonly GoalReading[], setters: CycleGoalSetter[]): number | null {
  // Goals held just above the live heap, near the limit, imply a GOGC near 0: they say nothing.
  const lows = readings
    .filter((r, k) => setters[k] === 'limit' && !nearLimit(r))
    .map((r) => r.m.impliedGogc?.low)
    .filter((v): v is number => v !== undefined && Number.isFinite(v));
  return lows.length > 0 ? Math.round(median(lows)) : null;
}

/**
 * One line that splits the cycles best into GOGC's before it and the limit's from it on, if it
 * explains at least 90% of them and has most GOGC cycles before it; null otherwise (the two
 * alternate, or GOGC shows only here and there).
 */
function switchIndex(setters: readonly CycleGoalSetter[]): number | null {
  const known = setters.map((s, k) => ({ s, k })).filter((x) => x.s !== null);
  const limitFrom = new Array<number>(known.length + 1).fill(0);
  for (let i = known.length - 1; i >= 0; i--)
    limitFrom[i] = limitFrom[i + 1] + (known[i].s === 'gogc' ? 0 : 1);
  let gogcBefore = 0;
  let best = -1;
  let bestAt = 0;
  for (let i = 1; i < known.length; i++) {
    gogcBefore += known[i - 1].s === 'gogc' ? 1 : 0;
    const explained = gogcBefore + limitFrom[i];
    if (explained > best) {
      best = explained;
      bestAt = i;
    }
  }
  let gogcBeforeBest = 0;
  for (let i = 0; i < bestAt; i++) gogcBeforeBest += known[i].s === 'gogc' ? 1 : 0;
  const gogc = known.filter((x) => x.s === 'gogc').length;
  return best >= 0.9 * known.length && gogcBeforeBest >= Math.max(2, 0.8 * gogc)
    ? known[bestAt].k
    : null;
}

/** The longest stretch of cycles in a row whose goal was the previous live heap itself. */
function backToBack(
  readings: readonly GoalReading[],
  setters: readonly CycleGoalSetter[],
): GoalReading[] {
  let best = { from: 0, length: 0 };
  for (let k = 0, from = 0; k < readings.length; k++) {
    if (setters[k] !== 'over-limit') continue;
    const continues =
      k > 0 && setters[k - 1] === 'over-limit' && readings[k].c.gc === readings[k - 1].c.gc + 1;
    if (!continues) from = k;
    if (k - from + 1 > best.length) best = { from, length: k - from + 1 };
  }
  return readings.slice(best.from, best.from + best.length);
}

/**
 * Five or more in a row: the heap stays at the limit, each cycle starting as the last ends. A
 * heap that overshoots the limit for a moment takes two to four cycles to come back under it.
 */
const backToBackCycles = 5;

/**
 * The cycles whose goal was the previous live heap itself, in words: a stretch of them in a row
 * is the heap staying at the limit; one here and there is the heap overshooting it for a moment.
 */
function overLimitClause(over: readonly GoalReading[], stretch: readonly GoalReading[]): string {
  const count = plural(over.length, 'cycle');
  if (stretch.length < backToBackCycles)
    return over.length === 1
      ? `on line ${over[0].c.line} the goal fell to the previous cycle’s live heap itself: the heap had overshot the memory limit for a moment`
      : `on ${count}, one here and there from line ${over[0].c.line}, the goal fell to the previous cycle’s live heap itself: each time the heap had overshot the memory limit for a moment`;
  const gaps = stretch
    .slice(1)
    .map((r) => r.m.intervalSeconds)
    .filter((v): v is number => v !== null && v >= 0);
  const every = gaps.length > 0 ? `, one every ${r1(1000 * median(gaps))} ms` : '';
  const first = stretch[0].c;
  const last = stretch[stretch.length - 1].c;
  return `from line ${first.line} (gc ${first.gc}) the goal was the previous cycle’s live heap itself, ${first.goalMB} MB rising to ${last.goalMB} MB over ${plural(stretch.length, 'cycle')} in a row${over.length > stretch.length ? ` (${count} in all)` : ''}: the heap had reached the memory limit and the collector ran back to back${every}`;
}

/** The run's regime from its cycles' setters, with the reason in words. */
function summarise(
  readings: readonly GoalReading[],
  setters: readonly CycleGoalSetter[],
  likely: boolean,
): MemoryLimitRegime {
  const gogc = setters.filter((s) => s === 'gogc').length;
  const held = readings.filter((_, k) => setters[k] === 'limit');
  const over = readings.filter((_, k) => setters[k] === 'over-limit');
  const known = gogc + held.length + over.length;
  if (known === 0) {
    if (readings.length === 0)
      return unknownGoalSetter('no cycle whose goal can be read against the live heap before it');
    return readings.every((r) => r.previousLiveMB < minimumHeapMB)
      ? unknownGoalSetter(
          'the live heap stays under 4 MB, where the goal sits on the runtime’s minimum heap (4 MB × GOGC/100) and shows neither GOGC nor a limit',
        )
      : unknownGoalSetter('the goals neither follow the live heap nor stay put: nothing to tell');
  }
  const limited = held.length + over.length;
  const lastThree = setters.filter((s) => s !== null).slice(-3);
  const limitAtEnd = lastThree.length === 3 && lastThree.every((s) => s !== 'gogc');
  if (limited < 3 || (limited < 0.1 * known && !limitAtEnd)) return goalFollowsGogc;

  const lines = readings.filter((_, k) => setters[k] === 'limit' || setters[k] === 'over-limit');
  // A few GOGC cycles count when they all come before the limit's: the heap grew into the limit.
  const at = gogc >= 2 ? switchIndex(setters) : null;
  const onlyLimit = gogc < 2 || (gogc < 0.1 * known && at === null);
  const clauses: string[] = [];
  if (held.length > 0) {
    const goals = held.map((r) => r.c.goalMB!);
    const lives = held.map((r) => r.previousLiveMB);
    const lo = minOf(goals);
    const hi = maxOf(goals);
    const liveLo = minOf(lives);
    const liveHi = maxOf(lives);
    const goalText =
      lo === hi ? `at ${lo} MB` : `between ${lo} and ${hi} MB (median ${r1(median(goals))})`;
    const liveText =
      liveLo === liveHi
        ? `with the live heap at ${liveLo} MB`
        : `while the live heap moved between ${liveLo} and ${liveHi} MB`;
    clauses.push(
      likely
        ? `the goal stays ${goalText} on most cycles and implies a GOGC that is no usual setting: most likely a memory limit (GOMEMLIMIT) above ${hi} MB sets it`
        : `on ${plural(held.length, 'cycle')} the goal stayed ${goalText} ${liveText}: a memory limit (GOMEMLIMIT) above ${hi} MB held it there, not GOGC`,
    );
  }
  const stretch = backToBack(readings, setters);
  if (over.length > 0) clauses.push(overLimitClause(over, stretch));
  const since =
    at !== null
      ? `GOGC set the goal until line ${readings[at].c.line}, then a memory limit took over: `
      : onlyLimit
        ? ''
        : `GOGC set the goal on ${plural(gogc, 'cycle')}, a memory limit on ${limited}: `;
  return {
    detected: true,
    goalSetBy: onlyLimit ? 'memory-limit' : 'gogc-and-memory-limit',
    reason: since + clauses.join('; '),
    lines: lines.map((r) => r.c.line),
    limitGoalMB: held.length > 0 ? r1(median(held.map((r) => r.c.goalMB!))) : null,
    overLimitCycles: over.length,
    backToBackFromLine: stretch.length >= backToBackCycles ? stretch[0].c.line : null,
    switchLine: at !== null ? readings[at].c.line : null,
    gogcAbove: null,
  };
}
