/**
 * The heap-goal arithmetic of the Go pacer by release (runtime/mgcpacer.go: `commit`,
 * `heapGoalInternal`, `memoryLimitHeapGoal`), following the rules of src/simulator/releases.ts.
 * Goals are MB as real numbers for pacing; the printed goal is worked out in bytes, the way the
 * runtime does, so that the 13-digit "no goal" figure comes out to the last digit.
 */
import { rulesFor, type NonHeapMemory } from './releases.ts';

const mib = 1n << 20n;
/** `maxInt64`: the memory limit when GOMEMLIMIT is not set. */
const noLimitBytes = (1n << 63n) - 1n;
/** `^uint64(0) >> 20`: the goal Go 1.9 – 1.18 print with GOGC=off. */
export const maxUint64MB = Number(((1n << 64n) - 1n) >> 20n);

/** 4 MB × GOGC/100: the smallest GOGC goal the pacer sets (`heapMinimum`). */
export function heapMinimumMB(gogc: number): number {
  return (4 * gogc) / 100;
}

/** What the GOGC goal of the next cycle depends on. */
export interface GoalInputs {
  goMinor: number;
  /** GOGC in percent; null for off. */
  gogc: number | null;
  /** Heap marked live by the cycle that just ended (H2). */
  markedMB: number;
  /** Goroutine stack space the pacer counts (1.18+). */
  stacksMB: number;
  /** Scannable globals the pacer counts (1.18+). */
  globalsMB: number;
}

/**
 * The GOGC goal: 1.5–1.17 `H × (1 + GOGC/100)`, 1.18+ `H + (H + stacks + globals) × GOGC/100`,
 * never below 4 MB × GOGC/100. Infinity for GOGC=off.
 */
export function gogcGoalMB(inputs: GoalInputs): number {
  const { goMinor, gogc, markedMB, stacksMB, globalsMB } = inputs;
  if (gogc === null) return Infinity;
  const g = gogc / 100;
  const goal =
    rulesFor(goMinor).goal === 'live-and-roots'
      ? markedMB + (markedMB + stacksMB + globalsMB) * g
      : markedMB * (1 + g);
  return Math.max(goal, heapMinimumMB(gogc));
}

/** The runtime's non-heap memory with the largest heap so far at `peakHeapMB` (releases.ts). */
export function nonHeapMB(nonHeap: NonHeapMemory, peakHeapMB: number): number {
  return nonHeap.baseMB + nonHeap.perPeakHeap * peakHeapMB;
}

/** The moment a memory-limit goal is worked out for. */
export interface LimitInputs {
  goMinor: number;
  /** GOMEMLIMIT in MB, or null when not set (a limit of 2^63−1 bytes). */
  limitMB: number | null;
  /** Heap marked live by the last cycle. */
  markedMB: number;
  /** Heap now, and the largest heap so far (which the non-heap memory follows). */
  heapMB: number;
  peakHeapMB: number;
}

/** A goal as the pacer holds it (MB) and as the trace prints it (whole MB, `>> 20`). */
export interface Goal {
  goalMB: number;
  printedMB: number;
}

const toBytes = (mb: number): bigint => BigInt(Math.max(0, Math.round(mb * 2 ** 20)));
const fromBytes = (bytes: bigint): Goal => ({
  goalMB: Number(bytes) / 2 ** 20,
  printedMB: Number(bytes >> 20n),
});

/**
 * The memory-limit goal (`memoryLimitHeapGoal`): the limit less the non-heap memory, less what
 * the memory in use is over the limit, less the headroom of the release; never below the marked
 * heap. Null before Go 1.19.
 */
export function memoryLimitGoal(inputs: LimitInputs): Goal | null {
  const rules = rulesFor(inputs.goMinor).memoryLimit;
  if (rules === null) return null;
  const limit = inputs.limitMB === null ? noLimitBytes : toBytes(inputs.limitMB);
  const marked = toBytes(inputs.markedMB);
  const nonHeap = toBytes(nonHeapMB(rules.nonHeap, inputs.peakHeapMB));
  // The runtime's mapped memory is the heap in use plus the non-heap memory (free pages are
  // assumed returned to the OS); what is over the limit comes off the goal.
  const mapped = toBytes(inputs.heapMB) + nonHeap;
  const overage = mapped > limit ? mapped - limit : 0n;
  if (nonHeap + overage >= limit) return fromBytes(marked);
  let goal = limit - (nonHeap + overage);
  let headroom = rules.headroom === 'three-percent' ? (goal / 100n) * 3n : mib;
  if (headroom < mib) headroom = mib;
  goal = goal < headroom || goal - headroom < headroom ? headroom : goal - headroom;
  return fromBytes(goal < marked ? marked : goal);
}

/** Everything the goal of a cycle depends on (`heapGoalInternal`). */
export interface HeapGoalInputs extends GoalInputs, LimitInputs {
  /**
   * Where the cycle was triggered (`c.triggered`): the computed trigger in 1.19, the heap at
   * the start from 1.21, per `runwayFrom` in the release rules; null between cycles.
   */
  triggeredMB: number | null;
}

/** A cycle's goal, and whether the memory limit set it. */
export interface HeapGoal extends Goal {
  limited: boolean;
}

/**
 * The goal the pacer holds (`heapGoalInternal`): the GOGC goal, or the memory-limit goal when that
 * is lower; only a GOGC goal is kept a minimum runway above the trigger. With GOGC=off and no
 * limit this is the release's "no goal" figure.
 */
export function heapGoal(inputs: HeapGoalInputs): HeapGoal {
  const rules = rulesFor(inputs.goMinor);
  const byGogc = gogcGoalMB(inputs);
  const byLimit = memoryLimitGoal(inputs);
  if (byLimit !== null && byLimit.goalMB < byGogc) {
    // GOGC=off with no limit is not "limited": the limit of 2^63−1 bytes only stands in for no goal.
    return { ...byLimit, limited: inputs.limitMB !== null };
  }
  if (byGogc === Infinity) return { goalMB: Infinity, printedMB: maxUint64MB, limited: false };
  const lifted =
    inputs.triggeredMB === null ? byGogc : Math.max(byGogc, inputs.triggeredMB + rules.minRunwayMB);
  return { goalMB: lifted, printedMB: Math.floor(lifted + 1e-9), limited: false };
}

/** The goal Go 1.`goMinor` prints with GOGC=off and no limit, with the largest heap so far at `peakHeapMB`. */
export function noGoalPrintedMB(goMinor: number, peakHeapMB: number): number {
  return heapGoal({
    goMinor,
    gogc: null,
    limitMB: null,
    markedMB: 0,
    stacksMB: 0,
    globalsMB: 0,
    heapMB: peakHeapMB,
    peakHeapMB,
    triggeredMB: null,
  }).printedMB;
}
