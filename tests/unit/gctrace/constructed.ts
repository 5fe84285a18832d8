import {
  formatCycle,
  parseTrace,
  analyseTrace,
  type RunAnalysis,
} from '../../../src/gctrace/index.ts';

/**
 * Constructed Go 1.18+ gc lines for unit tests of the analysis: numbers chosen to show one rule,
 * printed by the engine's own formatter. Not captures; the real ones are in content/traces.
 */
export interface ConstructedCycle {
  /** Start time (s). */
  at: number;
  /** Heap at start, at end, live (MB). */
  heap: [number, number, number];
  goal: number;
}

/** The gc lines of `cycles`, numbered from 1. */
export function constructedTrace(cycles: readonly ConstructedCycle[]): string {
  return cycles
    .map((c, i) =>
      formatCycle({
        line: 0,
        column: 1,
        endLine: 0,
        gc: i + 1,
        era: 'go1.18+',
        atSeconds: c.at,
        cpuPercent: 1,
        leakCheck: false,
        clockMs: [0.05, 2, 0.03],
        cpuMs: [0.1, [0.2, 3, 1], 0.06],
        heapMB: c.heap,
        goalMB: c.goal,
        goalUnbounded: false,
        stacksMB: 0,
        globalsMB: 0,
        procs: 2,
        forced: false,
        truncated: false,
        rejoined: false,
        run: 0,
        legacy: null,
      }),
    )
    .join('\n');
}

/** The analysis of the constructed cycles' one run. */
export function analyseConstructed(cycles: readonly ConstructedCycle[]): RunAnalysis {
  return analyseTrace(parseTrace(constructedTrace(cycles))).runs[0]!;
}

/**
 * Cycles whose live heap after cycle i is `live(i)`, under GOGC (goal = live of the cycle before
 * × (1 + gogc/100)), `seconds` apart, with `garbage` MB allocated during each cycle.
 */
export function gogcCycles(
  count: number,
  live: (i: number) => number,
  options: { gogc?: number; seconds?: number; garbage?: number; start?: number } = {},
): ConstructedCycle[] {
  const { gogc = 100, seconds = 0.1, garbage = 0, start = 0.1 } = options;
  return Array.from({ length: count }, (_, i) => {
    const before = i === 0 ? live(0) : live(i - 1);
    const goal = Math.max(4, Math.round(before * (1 + gogc / 100)));
    return { at: start + i * seconds, heap: [goal - 1, goal - 1 + garbage, live(i)], goal };
  });
}
