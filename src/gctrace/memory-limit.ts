/**
 * Whether a memory limit (GOMEMLIMIT) rather than GOGC set the heap goals of a run: the goal
 * stops following the live heap, the implied GOGC drops and the heap sits near the goal.
 */
import { eras } from './eras.ts';
import type { GogcEstimate } from './gogc.ts';
import type { CycleMeasures } from './measures.ts';
import { median, quantile } from './stats.ts';
import type { EraId, GcCycle } from './types.ts';

/** Whether a memory limit set the goal, why we think so, and the lines that show it. */
export interface MemoryLimitRegime {
  detected: boolean;
  reason: string;
  lines: number[];
}

/** The regime when the goals follow GOGC. */
export const goalFollowsGogc: MemoryLimitRegime = {
  detected: false,
  reason: 'the goal follows the live heap as GOGC predicts',
  lines: [],
};

/** The regime of a run with GC off: no goal, so no limit either. */
export const noGoalAtAll: MemoryLimitRegime = {
  detected: false,
  reason: 'no goal at all: GOGC=off and no memory limit',
  lines: [],
};

/** A cycle whose goal gave an implied GOGC, with its measures. */
export interface GoalReading {
  m: CycleMeasures;
  c: GcCycle;
}

/**
 * The memory-limit regime of cycles `used` (each with an implied GOGC) whose GOGC estimate is
 * `est`, and the GOGC estimate that follows from it: `reestimate` estimates GOGC again from the
 * cycles the limit left alone. A `note` other than null replaces the estimate's own note.
 */
export function memoryLimitRegime(
  era: EraId,
  used: readonly GoalReading[],
  est: GogcEstimate,
  reestimate: (rest: readonly GoalReading[]) => GogcEstimate | null,
): { regime: MemoryLimitRegime; estimate: GogcEstimate | null; note: string | null } {
  const unchanged = { regime: goalFollowsGogc, estimate: est, note: null };
  if (!eras[era].memoryLimit) return unchanged;
  const pinned = used.filter(
    (x) =>
      x.m.impliedGogc!.high < 0.85 * est.low && x.c.heapMB[1] >= 0.8 * (x.c.goalMB ?? Infinity),
  );
  const goals = used.map((x) => x.c.goalMB ?? 0);
  const goalMedian = median(goals);
  const flatGoal =
    goals.filter((g) => Math.abs(g - goalMedian) <= Math.max(1, 0.1 * goalMedian)).length >=
    0.6 * goals.length;
  const lives = used.map((x) => x.m.liveMB ?? 0);
  const liveVaries =
    quantile(lives, 0.9) - quantile(lives, 0.1) > Math.max(2, 0.25 * median(lives));
  if (pinned.length >= Math.max(3, 0.2 * used.length)) {
    const rest = used.filter((x) => !pinned.includes(x));
    const steady = rest.length >= 3 ? reestimate(rest) : null;
    return {
      regime: {
        detected: true,
        reason: `on ${pinned.length} cycles the goal (${Math.min(...pinned.map((x) => x.c.goalMB!))}–${Math.max(...pinned.map((x) => x.c.goalMB!))} MB) was below what GOGC${steady !== null ? `≈${steady.snapped ?? steady.value}` : ''} gives for the live heap, with the heap near the goal: a memory limit (GOMEMLIMIT) set the goal`,
        lines: pinned.map((x) => x.c.line),
      },
      estimate: steady ?? est,
      note: null,
    };
  }
  if (
    flatGoal &&
    est.snapped === null &&
    est.high - est.low <= 0.2 * est.value &&
    est.value < 100
  ) {
    // A precise implied GOGC that matches no usual setting, with a goal that does not move.
    return {
      regime: {
        detected: true,
        reason: `the goal stays at about ${goalMedian} MB on most cycles and the implied GOGC (${est.low}–${est.high}) matches no usual setting: most likely a memory limit (GOMEMLIMIT) sets the goal; the real GOGC is higher, or off`,
        lines: used
          .filter((x) => Math.abs((x.c.goalMB ?? 0) - goalMedian) <= Math.max(1, 0.1 * goalMedian))
          .map((x) => x.c.line),
      },
      estimate: est,
      note: `implied GOGC ${est.low}–${est.high}, but the goal looks set by a memory limit`,
    };
  }
  if (flatGoal && liveVaries && est.cyclesAgreeing < 0.6 * used.length) {
    return {
      regime: {
        detected: true,
        reason: `the goal stays near ${goalMedian} MB while the live heap varies: a memory limit (GOMEMLIMIT) sets the goal, not GOGC (GOGC may be off)`,
        lines: used.map((x) => x.c.line),
      },
      estimate: null,
      note: 'the goal does not follow the live heap, so GOGC cannot be inferred',
    };
  }
  return unchanged;
}
