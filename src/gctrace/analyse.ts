/**
 * `analyseTrace`: per-run summaries of a parsed trace (duration, GC frequency, pauses, peaks,
 * GC CPU over time), with each run's implied GOGC, memory-limit regime and leak verdict.
 */
import { phaseTimes } from './eras.ts';
import { impliedGogc, type GogcEstimate } from './gogc.ts';
import type { MemoryLimitRegime } from './memory-limit.ts';
import { leakVerdict, type LeakVerdict } from './leak.ts';
import { complete, measureCycles, type CycleMeasures } from './measures.ts';
import { maxOf, median, sortedQuantile } from './stats.ts';
import type { GcCycle, ParsedTrace, Run } from './types.ts';

export interface PauseSummary {
  p50: number;
  p95: number;
  p99: number;
  max: number;
  totalMs: number;
}

export interface CpuWindow {
  startSeconds: number;
  endSeconds: number;
  fraction: number;
  cycles: number;
}

export interface RunAnalysis {
  run: number;
  era: Run['era'];
  firstLine: number;
  lastLine: number;
  cycles: number;
  forcedCycles: number;
  truncatedCycles: number;
  durationSeconds: number | null;
  gcPerSecond: number | null;
  meanIntervalSeconds: number | null;
  pauses: PauseSummary | null;
  peakHeapMB: number | null;
  peakLiveMB: number | null;
  gcCpuWindows: CpuWindow[];
  impliedGogc: GogcEstimate | null;
  impliedGogcNote: string;
  memoryLimit: MemoryLimitRegime;
  gcOff: boolean;
  leak: LeakVerdict;
  measures: CycleMeasures[];
}

export interface TraceAnalysis {
  runs: RunAnalysis[];
}

const r3 = (v: number) => Math.round(v * 1000) / 1000;

/** Pause quantiles, maximum and total of a run's stop-the-world pauses (ms), or null without any. */
export function pauseSummary(pauses: ArrayLike<number>): PauseSummary | null {
  if (pauses.length === 0) return null;
  // A typed array sorts numerically without a comparator callback.
  const sorted = Float64Array.from(pauses).sort();
  let total = 0;
  for (let i = 0; i < pauses.length; i++) total += pauses[i]!;
  return {
    p50: r3(sortedQuantile(sorted, 0.5)),
    p95: r3(sortedQuantile(sorted, 0.95)),
    p99: r3(sortedQuantile(sorted, 0.99)),
    max: r3(sorted[sorted.length - 1]!),
    totalMs: r3(total),
  };
}

/** The first and last start times of a run's timed cycles, the last one's clock time and their number. */
export interface TimedSpan {
  firstSeconds: number;
  lastSeconds: number;
  /** Clock time of the last timed cycle (ms), null when its phases fit no layout. */
  lastWallMs: number | null;
  timedCycles: number;
}

/**
 * Duration, GC frequency and mean interval of a run of `cycles` cycles whose timed ones span
 * `span`. The mean interval is the time from the first start to the last over the number of
 * gaps between them, which is what the mean of consecutive start-time differences telescopes
 * to. Averaging per-cycle intervals after dropping the negative ones instead (as this analysis
 * once did) keeps the jump forward to a bogus Go 1.9 start time but not the jump back, and
 * inflates the mean by orders of magnitude; this definition also needs only the two ends, so
 * the workbench's columns give the same figure as a whole parse.
 */
export function runTiming(
  cycles: number,
  span: TimedSpan | null,
): {
  durationSeconds: number | null;
  gcPerSecond: number | null;
  meanIntervalSeconds: number | null;
} {
  if (span === null) return { durationSeconds: null, gcPerSecond: null, meanIntervalSeconds: null };
  const duration = span.lastSeconds - span.firstSeconds + (span.lastWallMs ?? 0) / 1000;
  return {
    durationSeconds: r3(duration),
    gcPerSecond: duration > 0 ? cycles / duration : null,
    meanIntervalSeconds:
      span.timedCycles > 1 ? (span.lastSeconds - span.firstSeconds) / (span.timedCycles - 1) : null,
  };
}

function niceStep(raw: number): number {
  const steps = [0.1, 0.2, 0.5, 1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600];
  return steps.find((s) => s >= raw) ?? Math.ceil(raw / 3600) * 3600;
}

/**
 * Analyses every run of a parsed trace. Given the analysis of an earlier parse that shares cycle
 * objects with this one (`parseTrace(text, previous)` keeps the cycles before an edit), a run
 * whose cycles are all the same objects is not analysed again.
 */
export function analyseTrace(
  parsed: ParsedTrace,
  previous?: { parsed: ParsedTrace; analysis: TraceAnalysis },
): TraceAnalysis {
  return {
    runs: parsed.runs.map((run) => {
      const cycles = run.cycleIndices.map((i) => parsed.cycles[i]);
      const earlier = previous ? sameRunBefore(previous, cycles) : null;
      return earlier
        ? {
            ...earlier,
            run: run.index,
            era: run.era,
            firstLine: run.firstLine,
            lastLine: run.lastLine,
          }
        : analyseRun(cycles, run);
    }),
  };
}

/** The earlier analysis of a run made of exactly these cycle objects, if there was one. */
function sameRunBefore(
  previous: { parsed: ParsedTrace; analysis: TraceAnalysis },
  cycles: readonly GcCycle[],
): RunAnalysis | null {
  const runs = previous.parsed.runs;
  for (let r = 0; r < runs.length; r++) {
    const indices = runs[r].cycleIndices;
    if (indices.length !== cycles.length || previous.analysis.runs[r] === undefined) continue;
    let same = true;
    for (let k = 0; k < indices.length && same; k++)
      same = previous.parsed.cycles[indices[k]] === cycles[k];
    if (same) return previous.analysis.runs[r];
  }
  return null;
}

/** Which run a run analysis describes. */
export type RunIdentity = Pick<Run, 'index' | 'era' | 'firstLine' | 'lastLine'>;

/** Analyses one run from its cycles in order (and their measures, when already computed). */
export function analyseRun(
  cycles: readonly GcCycle[],
  run: RunIdentity,
  measures: CycleMeasures[] = measureCycles(cycles),
): RunAnalysis {
  const timed = cycles.filter((c) => c.atSeconds !== null);
  const first = timed[0];
  const last = timed[timed.length - 1];
  const timing = runTiming(
    cycles.length,
    first !== undefined && last !== undefined
      ? {
          firstSeconds: first.atSeconds!,
          lastSeconds: last.atSeconds!,
          lastWallMs: phaseTimes(last.era, last.clockMs).wall,
          timedCycles: timed.length,
        }
      : null,
  );
  // Unrounded, for the CPU windows.
  const duration =
    first !== undefined && last !== undefined
      ? last.atSeconds! - first.atSeconds! + (phaseTimes(last.era, last.clockMs).wall ?? 0) / 1000
      : null;
  const heaps = cycles.filter(complete).map((c) => Math.max(...c.heapMB));
  const lives = measures.map((m) => m.liveMB).filter((v): v is number => v !== null);

  const windows: CpuWindow[] = [];
  if (duration !== null && duration > 0 && first !== undefined) {
    const width = niceStep(duration / 12);
    const start = Math.floor(first.atSeconds! / width) * width;
    const count = Math.min(1000, Math.ceil((first.atSeconds! + duration - start) / width) || 1);
    const cpuSum = new Array<number>(count).fill(0);
    const procSum = new Array<number>(count).fill(0);
    const seen = new Array<number>(count).fill(0);
    cycles.forEach((c, i) => {
      const cpu = measures[i].gcCpuMs;
      if (c.atSeconds === null || cpu === null) return;
      const w = Math.min(count - 1, Math.max(0, Math.floor((c.atSeconds - start) / width)));
      cpuSum[w] += cpu;
      procSum[w] += c.procs ?? 1;
      seen[w]++;
    });
    const fallbackProcs = median(cycles.map((c) => c.procs ?? 1));
    for (let w = 0; w < count; w++) {
      const procs = seen[w] > 0 ? procSum[w] / seen[w] : fallbackProcs;
      windows.push({
        startSeconds: Math.round((start + w * width) * 1000) / 1000,
        endSeconds: Math.round((start + (w + 1) * width) * 1000) / 1000,
        fraction: cpuSum[w] / (width * 1000 * procs),
        cycles: seen[w],
      });
    }
  }

  const unbounded = cycles.filter((c) => c.goalUnbounded).length;
  const withGoal = cycles.filter((c) => c.goalMB !== null).length;
  const gcOff = withGoal > 0 && unbounded >= withGoal / 2;
  const gogc = impliedGogc(cycles, measures, gcOff);

  return {
    run: run.index,
    era: run.era,
    firstLine: run.firstLine,
    lastLine: run.lastLine,
    cycles: cycles.length,
    forcedCycles: cycles.filter((c) => c.forced).length,
    truncatedCycles: cycles.filter((c) => c.truncated).length,
    ...timing,
    pauses: pauseSummary(measures.map((m) => m.pauseMs).filter((v): v is number => v !== null)),
    peakHeapMB: heaps.length > 0 ? maxOf(heaps) : null,
    peakLiveMB: lives.length > 0 ? maxOf(lives) : null,
    gcCpuWindows: windows,
    impliedGogc: gogc.estimate,
    impliedGogcNote: gogc.note,
    memoryLimit: gogc.memoryLimit,
    gcOff,
    leak: leakVerdict(cycles, measures, gogc.memoryLimit),
    measures,
  };
}
