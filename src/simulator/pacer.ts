/**
 * The heap-goal arithmetic of the Go pacer by release (spec §5.4), in MB as real numbers
 * (the trace floors them only when printing).
 */

/** 4 MB × GOGC/100: the smallest goal the pacer sets (`heapMinimum`). */
export function heapMinimumMB(gogc: number): number {
  return (4 * gogc) / 100;
}

/** What the goal of the next cycle depends on. */
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
    goMinor >= 18 ? markedMB + (markedMB + stacksMB + globalsMB) * g : markedMB * (1 + g);
  return Math.max(goal, heapMinimumMB(gogc));
}

/**
 * Non-heap memory of a small Go program (spans, GC metadata, stacks, runtime structures):
 * about 8.5 MB plus 2.5 % of the heap. Calibrated on the go1.19.8 captures of gogc-demo, where
 * GOMEMLIMIT 20, 60 and 64 MiB gave goals of 10, 49 and 53 MB.
 */
export const nonHeapBaseMB = 8.5;
export const nonHeapPerHeapMB = 0.025;

/**
 * The memory-limit goal (Go 1.19+, `memoryLimitHeapGoal`): the heap that fits under the limit after
 * non-heap memory and headroom (1 MiB in 1.19–1.20; 3 % of that, at least 1 MiB, from 1.21).
 * Infinity before 1.19 or without a limit.
 */
export function memoryLimitGoalMB(goMinor: number, limitMB: number | null): number {
  if (limitMB === null || goMinor < 19) return Infinity;
  const fits = (limitMB - nonHeapBaseMB) / (1 + nonHeapPerHeapMB);
  const headroom = goMinor >= 21 ? Math.max(1, fits * 0.03) : 1;
  return Math.max(0, fits - headroom);
}

/** The goal in effect for the next cycle: the GOGC goal capped by the memory limit, never below the marked heap. */
export function nextGoalMB(inputs: GoalInputs & { limitMB: number | null }): {
  goalMB: number;
  limited: boolean;
} {
  const byGogc = gogcGoalMB(inputs);
  const byLimit = memoryLimitGoalMB(inputs.goMinor, inputs.limitMB);
  if (byLimit < byGogc) {
    // A goal below the live heap makes no sense; the runtime stops there and collects back to back.
    return { goalMB: Math.max(byLimit, inputs.markedMB), limited: true };
  }
  return { goalMB: byGogc, limited: false };
}
