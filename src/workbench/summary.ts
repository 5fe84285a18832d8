/**
 * Findings for a run or a time range of it. Counts, pauses, peaks and GC CPU come from every
 * cycle (the columns); the leak verdict and the implied GOGC come from the engine's
 * `analyseRun` run on whole cycles: all of them when the run is short enough, otherwise an
 * evenly spaced sample of pairs, which the findings then say.
 */
import {
  analyseRun,
  inconclusiveLeakVerdict,
  pauseSummary,
  runTiming,
  type GcCycle,
  type RunAnalysis,
  unknownGoalSetter,
} from '../gctrace/index.ts';
import { HAS_HEAP, TIMED, TRUNCATED, FORCED, type RunColumns } from './columns.ts';

/** What every cycle in a range says, without the engine's objects. */
export interface RangeStats {
  cycles: number;
  forcedCycles: number;
  truncatedCycles: number;
  firstLine: number | null;
  lastLine: number | null;
  durationSeconds: number | null;
  gcPerSecond: number | null;
  meanIntervalSeconds: number | null;
  pauses: RunAnalysis['pauses'];
  peakHeapMB: number | null;
  peakLiveMB: number | null;
  /** The last printed `#%` in the range. */
  lastCpuPercent: number | null;
  /** GC CPU over the range: Σ GC CPU ÷ Σ (interval × P), from the per-cycle measures. */
  gcCpuShare: number | null;
}

/** How the verdict and implied GOGC were computed. */
export interface SampleNote {
  /** Cycles the engine analysed. */
  used: number;
  /** Cycles in the range. */
  of: number;
}

/** Findings of a run or range: a RunAnalysis (without per-cycle measures) plus extras. */
export interface RangeSummary {
  analysis: RunAnalysis;
  stats: RangeStats;
  /** Null when the engine saw every cycle. */
  sample: SampleNote | null;
  domain: [number, number] | null;
}

/** Exact figures of the cycles of `columns` with t inside `domain` (null: all). */
export function rangeStats(
  columns: RunColumns,
  domain: readonly [number, number] | null,
): RangeStats {
  const n = columns.numbers;
  const [start, end] = columns.indexRange(domain);
  const inside = (i: number) => domain === null || (n.t[i] >= domain[0] && n.t[i] <= domain[1]);
  let cycles = 0;
  let forced = 0;
  let truncated = 0;
  let firstLine: number | null = null;
  let lastLine: number | null = null;
  let firstTimed = -1;
  let lastTimed = -1;
  let timedCount = 0;
  let peakHeap = -Infinity;
  let peakLive = -Infinity;
  let lastCpu: number | null = null;
  let cpu = 0;
  let budget = 0;
  const pauses: number[] = [];
  for (let i = start; i < end; i++) {
    if (!inside(i)) continue;
    const flags = columns.flags[i];
    cycles++;
    if (flags & FORCED) forced++;
    if (flags & TRUNCATED) truncated++;
    firstLine ??= columns.line[i];
    lastLine = columns.line[i];
    if (flags & TIMED) {
      if (firstTimed < 0) firstTimed = i;
      lastTimed = i;
      timedCount++;
    }
    if (!(flags & TRUNCATED) && flags & HAS_HEAP) {
      const h = Math.max(
        n.heapStart[i],
        n.heapEnd[i],
        Number.isNaN(n.heapLive[i]) ? -Infinity : n.heapLive[i],
      );
      if (h > peakHeap) peakHeap = h;
    }
    if (n.liveMB[i] > peakLive) peakLive = n.liveMB[i];
    if (!Number.isNaN(n.pauseMs[i])) pauses.push(n.pauseMs[i]);
    if (!Number.isNaN(n.gcCpuPercent[i])) lastCpu = n.gcCpuPercent[i];
    if (!Number.isNaN(n.gcCpuMs[i]) && !Number.isNaN(n.budgetMs[i])) {
      cpu += n.gcCpuMs[i];
      budget += n.budgetMs[i];
    }
  }
  const wall = lastTimed >= 0 ? n.wallMs[lastTimed] : NaN;
  const timing = runTiming(
    cycles,
    firstTimed >= 0
      ? {
          firstSeconds: n.t[firstTimed],
          lastSeconds: n.t[lastTimed],
          lastWallMs: Number.isNaN(wall) ? null : wall,
          timedCycles: timedCount,
        }
      : null,
  );
  return {
    cycles,
    forcedCycles: forced,
    truncatedCycles: truncated,
    firstLine,
    lastLine,
    ...timing,
    pauses: pauseSummary(pauses),
    peakHeapMB: peakHeap === -Infinity ? null : peakHeap,
    peakLiveMB: peakLive === -Infinity ? null : peakLive,
    lastCpuPercent: lastCpu,
    gcCpuShare: budget > 0 ? cpu / budget : null,
  };
}

/** Runs the engine's analysis on whole cycles of one run (in line order). */
export function analyseCycles(cycles: readonly GcCycle[], runIndex: number): RunAnalysis | null {
  if (cycles.length === 0) return null;
  const first = cycles[0];
  return analyseRun(cycles, {
    index: runIndex,
    era: first.era,
    firstLine: first.line,
    lastLine: cycles[cycles.length - 1].endLine,
  });
}

/** Puts the exact figures over the engine's (sampled) analysis. */
export function combine(
  stats: RangeStats,
  analysis: RunAnalysis | null,
  runIndex: number,
  era: RunAnalysis['era'],
  sampleSize: number,
  domain: [number, number] | null,
): RangeSummary {
  const base: RunAnalysis = analysis ?? {
    run: runIndex,
    era,
    firstLine: stats.firstLine ?? 0,
    lastLine: stats.lastLine ?? 0,
    cycles: 0,
    forcedCycles: 0,
    truncatedCycles: 0,
    durationSeconds: null,
    gcPerSecond: null,
    meanIntervalSeconds: null,
    pauses: null,
    peakHeapMB: null,
    peakLiveMB: null,
    gcCpuWindows: [],
    impliedGogc: null,
    impliedGogcNote: 'no cycles in this range',
    memoryLimit: unknownGoalSetter('no cycles in this range'),
    gcOff: false,
    leak: inconclusiveLeakVerdict('There are no gc lines in this range.'),
    measures: [],
  };
  return {
    analysis: {
      ...base,
      run: runIndex,
      era,
      firstLine: stats.firstLine ?? base.firstLine,
      lastLine: stats.lastLine ?? base.lastLine,
      cycles: stats.cycles,
      forcedCycles: stats.forcedCycles,
      truncatedCycles: stats.truncatedCycles,
      durationSeconds: stats.durationSeconds,
      gcPerSecond: stats.gcPerSecond,
      meanIntervalSeconds: stats.meanIntervalSeconds,
      pauses: stats.pauses,
      peakHeapMB: stats.peakHeapMB,
      peakLiveMB: stats.peakLiveMB,
      // Windows from a sample would undercount; the page shows the exact share instead.
      gcCpuWindows: sampleSize < stats.cycles ? [] : base.gcCpuWindows,
      measures: [],
    },
    stats,
    sample: sampleSize < stats.cycles ? { used: sampleSize, of: stats.cycles } : null,
    domain,
  };
}

/** The sample's cycles that fall in `domain` (untimed cycles by their position in the run). */
export function sampleInRange(
  sample: { cycles: readonly GcCycle[]; ordinals: readonly number[] },
  domain: readonly [number, number] | null,
): GcCycle[] {
  if (domain === null) return [...sample.cycles];
  return sample.cycles.filter((c, i) => {
    const t = c.atSeconds ?? sample.ordinals[i] + 1;
    return t >= domain[0] && t <= domain[1];
  });
}
