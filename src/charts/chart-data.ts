/**
 * The one rule for what a parsed cycle is on the charts. The lesson cell and the workbench both
 * take their chart values from here (the workbench then carries them in typed-array columns).
 */
import type { CycleMeasures, GcCycle } from '../gctrace/index.ts';
import type { ChartCycle } from './types.ts';

/** A cycle's chart values, with its heap numbers null when the line was cut off before them. */
export type CycleValues = Omit<ChartCycle, 'heapStart' | 'heapEnd'> & {
  heapStart: number | null;
  heapEnd: number | null;
};

/**
 * Where a cycle sits on the x axis: its printed start time, or in eras that print none (Go 1.0 to
 * 1.4) its printed gc number. The number is what the lines say; a position in the run would not
 * match any line once cycles are missing or the run is shown in part.
 */
export function chartX(cycle: GcCycle): number {
  return cycle.atSeconds ?? cycle.gc;
}

/** The values the charts show for a cycle, null where the trace did not print or imply one. */
export function cycleValues(cycle: GcCycle, measures: CycleMeasures | undefined): CycleValues {
  const heap = cycle.heapMB;
  return {
    line: cycle.line,
    gc: cycle.gc,
    t: chartX(cycle),
    timeKnown: cycle.atSeconds !== null,
    heapStart: heap[0] ?? null,
    heapEnd: heap[1] ?? null,
    // Go 1.4 and older print two heap numbers, no live heap.
    heapLive: heap[2] ?? null,
    goal: cycle.goalUnbounded ? null : cycle.goalMB,
    pauseMs: measures?.pauseMs ?? null,
    gcCpuPercent: cycle.cpuPercent,
    gcCpuIntervalFraction: measures?.intervalGcCpuFraction ?? null,
    allocRateMBps: measures?.allocRateMBps ?? null,
    forced: cycle.forced,
  };
}

/**
 * True when the cycle goes on the charts: it printed its heap at start and at end. A line cut off
 * before them is left out rather than drawn at 0 MB (or at a copied number), values the trace
 * never printed.
 */
export function isCharted(values: CycleValues): values is ChartCycle {
  return values.heapStart !== null && values.heapEnd !== null;
}

/** The chart cycle of a parsed cycle, or null when it is not charted (see `isCharted`). */
export function toChartCycle(
  cycle: GcCycle,
  measures: CycleMeasures | undefined,
): ChartCycle | null {
  const values = cycleValues(cycle, measures);
  return isCharted(values) ? values : null;
}

/** The chart cycles of a run's cycles, with each cycle's measures found by its line. */
export function toChartCycles(
  cycles: readonly GcCycle[],
  measures: readonly CycleMeasures[],
): ChartCycle[] {
  const byLine = new Map(measures.map((m) => [m.line, m]));
  const charted: ChartCycle[] = [];
  for (const cycle of cycles) {
    const chartCycle = toChartCycle(cycle, byLine.get(cycle.line));
    if (chartCycle !== null) charted.push(chartCycle);
  }
  return charted;
}
