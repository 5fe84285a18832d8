import { mainRun as mainRunOf } from '../gctrace/index.ts';
import type { ParsedTrace, TraceAnalysis } from '../gctrace/index.ts';
import type { ChartCycle } from './types.ts';

/** Which run of a trace to chart; by default the one with the most cycles. */
export interface ChartRunOptions {
  run?: number;
}

/** The run with the most cycles (the program itself in `go run`/`go test` output). */
export function mainRun(analysis: TraceAnalysis): number {
  return mainRunOf(analysis.runs.map((r) => r.cycles));
}

/**
 * Maps one run of the engine's parse and analysis to chart cycles: heap numbers and goal as
 * printed, derived pause, CPU fraction and allocation rate from the analysis. Cycles cut off
 * before their heap numbers are left out; eras without times get the cycle's position instead.
 */
export function toChartCycles(
  parsed: ParsedTrace,
  analysis: TraceAnalysis,
  options: ChartRunOptions = {},
): ChartCycle[] {
  const index = options.run ?? mainRun(analysis);
  const run = parsed.runs[index];
  const measures = analysis.runs[index]?.measures ?? [];
  if (run === undefined) return [];
  const cycles: ChartCycle[] = [];
  run.cycleIndices.forEach((cycleIndex, i) => {
    const c = parsed.cycles[cycleIndex];
    const m = measures[i];
    if (c.heapMB.length < 2) return;
    cycles.push({
      line: c.line,
      gc: c.gc,
      t: c.atSeconds ?? i + 1,
      ...(c.atSeconds === null ? { timeKnown: false } : {}),
      heapStart: c.heapMB[0],
      heapEnd: c.heapMB[1],
      heapLive: c.heapMB.length >= 3 ? c.heapMB[2] : null,
      goal: c.goalUnbounded ? null : c.goalMB,
      pauseMs: m?.pauseMs ?? null,
      cpuPercentCumulative: c.cpuPercent,
      cpuFraction: m?.intervalGcCpuFraction ?? null,
      allocRateMBs: m?.allocRateMBps ?? null,
      forced: c.forced,
    });
  });
  return cycles;
}
