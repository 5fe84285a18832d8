/**
 * `analyseTrace`: derived measures per cycle (spec §5), per-run summaries, the implied GOGC
 * with its uncertainty, the memory-limit regime, and a leak verdict from the live-heap trend.
 */
import type { GogcRule } from './eras.ts';
import {
  eras,
  heapCount,
  isLegacyEra,
  liveHeapIndex,
  phaseTimes as eraPhaseTimes,
} from './eras.ts';
import { linearFit, median, quantile, sortedQuantile, theilSen } from './stats.ts';
import type { GcCycle, ParsedTrace, Run } from './types.ts';

/** Measures derived from one cycle and the one before it in the same run. */
export interface CycleMeasures {
  line: number;
  gc: number;
  forced: boolean;
  /** Stop-the-world time: c1+c3 (1.6+), c1+c5 (1.5), all phases (1.0–1.4). */
  pauseMs: number | null;
  concurrentMs: number | null;
  wallMs: number | null;
  /** GC CPU of this cycle as counted by the runtime's % (idle workers excluded). */
  gcCpuMs: number | null;
  intervalSeconds: number | null;
  /** GC CPU ÷ (interval × P): this interval's share, unlike the cumulative %. */
  intervalGcCpuFraction: number | null;
  /** Allocated since the previous cycle ended (MB). */
  allocatedMB: number | null;
  allocRateMBps: number | null;
  garbageMB: number | null;
  goalOvershootMB: number | null;
  liveMB: number | null;
  liveGrowthMB: number | null;
  /** GOGC interval implied by this cycle (spec §5.4), null when it says nothing. */
  impliedGogc: { low: number; high: number } | null;
}

export interface PauseSummary {
  p50: number;
  p95: number;
  p99: number;
  max: number;
  totalMs: number;
}

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

export interface MemoryLimitRegime {
  detected: boolean;
  reason: string;
  lines: number[];
}

export type Verdict = 'growing' | 'stable' | 'inconclusive';

export interface LeakVerdict {
  verdict: Verdict;
  reason: string;
  cyclesUsed: number;
  warmupCycles: number;
  slopeMBPerMinute: number | null;
  slopeMBPerCycle: number | null;
  theilSenMBPerCycle: number | null;
  r2: number | null;
  firstThirdSlopeMBPerCycle: number | null;
  lastThirdSlopeMBPerCycle: number | null;
  /** Key cycles behind the verdict. */
  evidence: { line: number; gc: number; liveMB: number; note: string }[];
}

/** A verdict that says nothing yet, with the reason why. */
export function inconclusiveLeakVerdict(reason: string): LeakVerdict {
  return {
    verdict: 'inconclusive',
    reason,
    cyclesUsed: 0,
    warmupCycles: 0,
    slopeMBPerMinute: null,
    slopeMBPerCycle: null,
    theilSenMBPerCycle: null,
    r2: null,
    firstThirdSlopeMBPerCycle: null,
    lastThirdSlopeMBPerCycle: null,
    evidence: [],
  };
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

const commonGogc = [
  10, 20, 25, 30, 40, 50, 75, 80, 100, 120, 150, 200, 250, 300, 400, 500, 800, 1000,
];

function complete(c: GcCycle): boolean {
  return !c.truncated && c.heapMB.length === heapCount(c.era);
}

function sum(values: readonly number[]): number {
  let s = 0;
  for (const v of values) s += v;
  return s;
}

/** Pause and concurrent time by era (spec §5.1): the era table says which phases stop the world. */
function phaseTimes(c: GcCycle): {
  pause: number | null;
  concurrent: number | null;
  wall: number | null;
} {
  return eraPhaseTimes(c.era, c.clockMs);
}

/** GC CPU counted by the runtime: every value except idle mark workers (spec §5.2). */
function gcCpu(c: GcCycle): number | null {
  if (c.cpuMs === null || c.truncated) return null;
  let total = 0;
  let group = false;
  for (const p of c.cpuMs) {
    if (Array.isArray(p)) {
      if (p.length !== 3) return null;
      total += p[0] + p[1];
      group = true;
    } else total += p;
  }
  return group ? total : null;
}

function liveOf(c: GcCycle): number | null {
  if (!complete(c)) return null;
  return c.heapMB[liveHeapIndex(c.era)];
}

/** GOGC interval from cycle `c` and its predecessor `p` (spec §5.4, floored inputs → intervals). */
function gogcInterval(
  c: GcCycle,
  p: GcCycle | null,
  next: GcCycle | null,
): { low: number; high: number } | null {
  if (!complete(c) || c.forced) return null;
  const rule = eras[c.era].gogc;
  if (rule === 'heap-growth') {
    const [h0, h1] = c.heapMB;
    if (h0 <= 0) return null;
    return { low: 100 * (h1 / (h0 + 1) - 1), high: 100 * ((h1 + 1) / h0 - 1) };
  }
  if (rule === 'next-start') {
    // 1.0–1.2: the next GC starts at after-heap × (1 + GOGC/100).
    if (next === null || !complete(next) || next.gc !== c.gc + 1) return null;
    const after = c.heapMB[1];
    const start = next.heapMB[0];
    if (after <= 0) return null;
    return { low: 100 * (start / (after + 1) - 1), high: 100 * ((start + 1) / after - 1) };
  }
  if (p === null || !complete(p) || p.gc !== c.gc - 1 || c.goalMB === null || c.goalUnbounded)
    return null;
  const goal = c.goalMB;
  const live = p.heapMB[2];
  const start = c.heapMB[0];
  if (live <= 0) return null;
  if (c.stacksMB !== null && p.stacksMB !== null && p.globalsMB !== null) {
    // 1.18+: goal = H + (H + S + Gl) × g, lifted to the triggered heap + 64 KiB when the GC started late.
    // Go 1.19 prints maxStackScan, an over-estimate of the S it used, so S may be anywhere from 0 to the printed value.
    if (goal <= start) return null;
    const d = live + p.stacksMB + p.globalsMB;
    const lowNum = goal - live - 1;
    const low = lowNum > 0 ? lowNum / (d + 3) : lowNum / d;
    return { low: Math.max(0, 100 * low), high: (100 * (goal + 1 - live)) / (live + p.globalsMB) };
  }
  // 1.5–1.17: goal = H × (1 + g), lifted to at least H0 + 1 MiB.
  if (goal <= start + 1) return null;
  return { low: Math.max(0, 100 * (goal / (live + 1) - 1)), high: 100 * ((goal + 1) / live - 1) };
}

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
  const low = Math.max(...agreeing.map((iv) => iv.low));
  const high = Math.min(...agreeing.map((iv) => iv.high));
  return { low, high, agreeing: agreeing.length };
}

function estimate(intervals: { low: number; high: number }[], method: string): GogcEstimate | null {
  const c = consensus(intervals);
  if (c === null) return null;
  const value = (c.low + c.high) / 2;
  const width = c.high - c.low;
  const inside = commonGogc.filter((g) => g >= c.low - 0.5 && g <= c.high + 0.5);
  const narrow = width <= Math.max(6, 0.25 * value);
  const snapped =
    narrow && inside.length > 0
      ? inside.reduce((a, b) => (Math.abs(b - value) < Math.abs(a - value) ? b : a))
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

function pauseSummary(pauses: number[]): PauseSummary | null {
  if (pauses.length === 0) return null;
  const r = (v: number) => Math.round(v * 1000) / 1000;
  return {
    p50: r(quantile(pauses, 0.5)),
    p95: r(quantile(pauses, 0.95)),
    p99: r(quantile(pauses, 0.99)),
    max: r(Math.max(...pauses)),
    totalMs: r(sum(pauses)),
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

/**
 * Per-cycle measures of one run's cycles in order (each cycle against the one before it), the
 * same ones `analyseTrace` reports; for callers that keep only columns of a very long trace.
 */
export function measureCycles(cycles: readonly GcCycle[]): CycleMeasures[] {
  const measures: CycleMeasures[] = [];
  for (let i = 0; i < cycles.length; i++) {
    const c = cycles[i];
    const p = i > 0 ? cycles[i - 1] : null;
    const n = i + 1 < cycles.length ? cycles[i + 1] : null;
    const times = phaseTimes(c);
    const cpu = gcCpu(c);
    const adjacent = p !== null && p.gc === c.gc - 1 && complete(p) && complete(c);
    const interval =
      p !== null && c.atSeconds !== null && p.atSeconds !== null ? c.atSeconds - p.atSeconds : null;
    const procs = c.procs ?? null;
    let allocated: number | null = null;
    let garbage: number | null = null;
    let overshoot: number | null = null;
    const live = liveOf(c);
    const prevLive = p !== null ? liveOf(p) : null;
    if (complete(c)) {
      const h = c.heapMB;
      const layout = eras[c.era].heap;
      if (layout === 'live-then-total') {
        allocated = h[1] - h[0];
        garbage = n !== null && complete(n) && n.gc === c.gc + 1 ? h[1] - n.heapMB[0] : null;
      } else if (layout === 'before-after') {
        allocated = adjacent ? h[0] - p!.heapMB[1] : null;
        garbage = h[0] - h[1];
      } else {
        allocated = adjacent ? h[1] - p!.heapMB[2] : null;
        garbage = h[1] - h[2];
        overshoot = c.goalMB !== null && !c.goalUnbounded ? h[1] - c.goalMB : null;
      }
    }
    let allocRate: number | null = null;
    if (allocated !== null && interval !== null && times.wall !== null) {
      const prevWall = p !== null ? phaseTimes(p).wall : null;
      const span = prevWall === null ? null : interval + (times.wall - prevWall) / 1000;
      if (span !== null && span > 0) allocRate = allocated / span;
    }
    measures.push({
      line: c.line,
      gc: c.gc,
      forced: c.forced,
      pauseMs: times.pause,
      concurrentMs: times.concurrent,
      wallMs: times.wall,
      gcCpuMs: cpu,
      intervalSeconds: interval,
      intervalGcCpuFraction:
        cpu !== null && interval !== null && interval > 0 && procs !== null && procs > 0
          ? cpu / (interval * 1000 * procs)
          : null,
      allocatedMB: allocated,
      allocRateMBps: allocRate,
      garbageMB: garbage,
      goalOvershootMB: overshoot,
      liveMB: live,
      liveGrowthMB:
        live !== null && prevLive !== null && p !== null && p.gc === c.gc - 1
          ? live - prevLive
          : null,
      impliedGogc: gogcInterval(c, p, n),
    });
  }
  return measures;
}

function analyseRun(cycles: GcCycle[], run: Run): RunAnalysis {
  const measures = measureCycles(cycles);
  const timed = cycles.filter((c) => c.atSeconds !== null);
  const first = timed[0];
  const last = timed[timed.length - 1];
  const lastWall = last !== undefined ? (phaseTimes(last).wall ?? 0) : 0;
  const duration =
    first !== undefined && last !== undefined
      ? last.atSeconds! - first.atSeconds! + lastWall / 1000
      : null;
  const intervals = measures
    .map((m) => m.intervalSeconds)
    .filter((v): v is number => v !== null && v >= 0);
  const meanInterval = intervals.length > 0 ? sum(intervals) / intervals.length : null;
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
    durationSeconds: duration === null ? null : Math.round(duration * 1000) / 1000,
    gcPerSecond: duration !== null && duration > 0 ? cycles.length / duration : null,
    meanIntervalSeconds: meanInterval,
    pauses: pauseSummary(measures.map((m) => m.pauseMs).filter((v): v is number => v !== null)),
    peakHeapMB: heaps.length > 0 ? Math.max(...heaps) : null,
    peakLiveMB: lives.length > 0 ? Math.max(...lives) : null,
    gcCpuWindows: windows,
    impliedGogc: gogc.estimate,
    impliedGogcNote: gogc.note,
    memoryLimit: gogc.memoryLimit,
    gcOff,
    leak: leakVerdict(cycles, measures),
    measures,
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

function impliedGogc(
  cycles: GcCycle[],
  measures: CycleMeasures[],
  gcOff: boolean,
): { estimate: GogcEstimate | null; note: string; memoryLimit: MemoryLimitRegime } {
  const none: MemoryLimitRegime = {
    detected: false,
    reason: 'the goal follows the live heap as GOGC predicts',
    lines: [],
  };
  if (gcOff) {
    return {
      estimate: null,
      note: 'GC is off (GOGC=off): the goal is the "no goal" value, so there is no GOGC to infer',
      memoryLimit: {
        detected: false,
        reason: 'no goal at all: GOGC=off and no memory limit',
        lines: [],
      },
    };
  }
  const era = cycles.find(complete)?.era;
  const method = era === undefined ? '' : gogcMethods[eras[era].gogc];
  let used = measures.map((m, i) => ({ m, c: cycles[i] })).filter((x) => x.m.impliedGogc !== null);
  if (used.length === 0)
    return {
      estimate: null,
      note: 'no cycle pair allows an estimate (too few, forced or lifted goals)',
      memoryLimit: none,
    };
  let est = estimate(
    used.map((x) => x.m.impliedGogc!),
    method,
  );
  // The minimum heap (4 MB × GOGC/100) raises small goals: drop goals that may sit on it.
  if (est !== null && !isLegacyEra(era!)) {
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
  let memoryLimit = none;
  if (est !== null && eras[era!].memoryLimit) {
    // Memory-limit regime: the goal stops following GOGC, implied GOGC drops and the heap sits near the goal.
    const pinned = used.filter(
      (x) =>
        x.m.impliedGogc!.high < 0.85 * est!.low && x.c.heapMB[1] >= 0.8 * (x.c.goalMB ?? Infinity),
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
      const steady =
        rest.length >= 3
          ? estimate(
              rest.map((x) => x.m.impliedGogc!),
              method,
            )
          : null;
      memoryLimit = {
        detected: true,
        reason: `on ${pinned.length} cycles the goal (${Math.min(...pinned.map((x) => x.c.goalMB!))}–${Math.max(...pinned.map((x) => x.c.goalMB!))} MB) was below what GOGC${steady !== null ? `≈${steady.snapped ?? steady.value}` : ''} gives for the live heap, with the heap near the goal: a memory limit (GOMEMLIMIT) set the goal`,
        lines: pinned.map((x) => x.c.line),
      };
      if (steady !== null) est = steady;
    } else if (
      flatGoal &&
      est.snapped === null &&
      est.high - est.low <= 0.2 * est.value &&
      est.value < 100
    ) {
      // A precise implied GOGC that matches no usual setting, with a goal that does not move.
      memoryLimit = {
        detected: true,
        reason: `the goal stays at about ${goalMedian} MB on most cycles and the implied GOGC (${est.low}–${est.high}) matches no usual setting: most likely a memory limit (GOMEMLIMIT) sets the goal; the real GOGC is higher, or off`,
        lines: used
          .filter((x) => Math.abs((x.c.goalMB ?? 0) - goalMedian) <= Math.max(1, 0.1 * goalMedian))
          .map((x) => x.c.line),
      };
      return {
        estimate: est,
        note: `implied GOGC ${est.low}–${est.high}, but the goal looks set by a memory limit`,
        memoryLimit,
      };
    } else if (flatGoal && liveVaries && est.cyclesAgreeing < 0.6 * used.length) {
      memoryLimit = {
        detected: true,
        reason: `the goal stays near ${goalMedian} MB while the live heap varies: a memory limit (GOMEMLIMIT) sets the goal, not GOGC (GOGC may be off)`,
        lines: used.map((x) => x.c.line),
      };
      return {
        estimate: null,
        note: 'the goal does not follow the live heap, so GOGC cannot be inferred',
        memoryLimit,
      };
    }
  }
  const note =
    est === null
      ? 'no estimate'
      : est.snapped !== null
        ? `GOGC ${est.snapped} (implied ${est.low}–${est.high} from ${est.cyclesAgreeing} of ${est.cyclesUsed} cycles)`
        : `GOGC about ${Math.round(est.value)} (between ${est.low} and ${est.high}; heaps too small to pin it down)`;
  return { estimate: est, note, memoryLimit };
}

const minCycles = 8;

/**
 * Live heap for the trend: from Go 1.5 the GC marks everything allocated while it runs, so H2
 * counts that floating garbage too; H2 − (H1 − H0) is closer to what the program really holds.
 */
function trendLive(c: GcCycle, live: number | null): number | null {
  if (live === null || isLegacyEra(c.era) || c.heapMB.length !== 3) return live;
  return Math.max(0, live - Math.max(0, c.heapMB[1] - c.heapMB[0]));
}

/** Below this much program time a rise is indistinguishable from start-up. */
const minSeconds = 1;

/** Index of `value` in the first `length` entries of an ascending array (binary search). */
function sortedIndexOf(sorted: Float64Array, length: number, value: number): number {
  let lo = 0;
  let hi = length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function leakVerdict(cycles: GcCycle[], measures: CycleMeasures[]): LeakVerdict {
  const points = cycles
    .map((c, i) => ({ c, live: trendLive(c, measures[i].liveMB), i }))
    .filter(
      (p): p is { c: GcCycle; live: number; i: number } =>
        p.live !== null && !p.c.forced && !p.c.leakCheck,
    );
  const base = inconclusiveLeakVerdict('');
  const forced = cycles.filter((c) => c.forced).length;
  if (points.length < minCycles) {
    return {
      ...base,
      reason: `only ${points.length} complete non-forced cycle${points.length === 1 ? '' : 's'}${forced > 0 ? ` (${forced} forced cycles left out)` : ''}; at least ${minCycles} are needed to see a trend`,
    };
  }
  // Warm-up: the program is still building its working set. Skip the first 10% (at least 2
  // cycles), and further while the live heap is still well below what the rest of the run holds.
  let warmup = Math.max(2, Math.floor(points.length * 0.1));
  // The rest of the run, kept sorted so each step drops one value instead of sorting again:
  // re-sorting made this loop quadratic, and it runs on every keystroke in a live cell.
  const rest = Float64Array.from(points.slice(warmup), (p) => p.live).sort();
  let restLength = rest.length;
  while (
    warmup < 0.25 * points.length &&
    points[warmup].live < 0.5 * sortedQuantile(rest.subarray(0, restLength), 0.5)
  ) {
    const dropped = sortedIndexOf(rest, restLength, points[warmup].live);
    rest.copyWithin(dropped, dropped + 1, restLength);
    restLength--;
    warmup++;
  }
  const used = points.slice(warmup);
  const t0 = used[0]?.c.atSeconds ?? null;
  const t1 = used[used.length - 1]?.c.atSeconds ?? null;
  if (t0 !== null && t1 !== null && used.length > 0 && t1 - t0 < minSeconds) {
    return {
      ...base,
      warmupCycles: warmup,
      cyclesUsed: used.length,
      reason: `the cycles after warm-up cover only ${Math.round((t1 - t0) * 1000)} ms of program time; growth that short cannot be told from start-up`,
    };
  }
  if (used.length < minCycles) {
    return {
      ...base,
      warmupCycles: warmup,
      reason: `only ${used.length} cycles after ${warmup} warm-up cycles; at least ${minCycles} are needed`,
    };
  }
  const y = used.map((p) => p.live);
  const idx = used.map((p) => p.c.gc);
  const timed = used.every((p) => p.c.atSeconds !== null);
  const minutes = timed ? used.map((p) => p.c.atSeconds! / 60) : null;
  const fitCycle = linearFit(idx, y);
  const fitTime = minutes !== null ? linearFit(minutes, y) : null;
  const ts = theilSen(idx, y);
  const third = Math.floor(used.length / 3);
  const A = used.slice(0, third);
  const B = used.slice(third, used.length - third);
  const C = used.slice(used.length - third);
  const ya = A.map((p) => p.live);
  const yb = B.map((p) => p.live);
  const yc = C.map((p) => p.live);
  const tsA = theilSen(
    A.map((p) => p.c.gc),
    ya,
  );
  const tsC = theilSen(
    C.map((p) => p.c.gc),
    yc,
  );
  const medA = median(ya);
  const medB = median(yb);
  const medC = median(yc);
  const level = Math.max(medA, 1);
  const span = idx[idx.length - 1] - idx[0];
  const growth = ts * span;
  const threshold = Math.max(2, 0.1 * level);
  const floorRise = quantile(yc, 0.25) - quantile(ya, 0.25);
  const range = Math.max(...y) - Math.min(...y);
  let drops = 0;
  for (let i = 1; i < y.length; i++) if (range >= 2 && y[i] < y[i - 1] - 0.3 * range) drops++;

  const r = (v: number, d = 3) => Math.round(v * 10 ** d) / 10 ** d;
  const minA = A.reduce((m, p) => (p.live < m.live ? p : m), A[0]);
  const minC = C.reduce((m, p) => (p.live < m.live ? p : m), C[0]);
  const peak = used.reduce((m, p) => (p.live > m.live ? p : m), used[0]);
  const evidence = [
    {
      line: used[0].c.line,
      gc: used[0].c.gc,
      liveMB: used[0].live,
      note: 'first cycle after warm-up',
    },
    { line: minA.c.line, gc: minA.c.gc, liveMB: minA.live, note: 'lowest live heap, first third' },
    { line: minC.c.line, gc: minC.c.gc, liveMB: minC.live, note: 'lowest live heap, last third' },
    { line: peak.c.line, gc: peak.c.gc, liveMB: peak.live, note: 'highest live heap' },
    {
      line: used[used.length - 1].c.line,
      gc: used[used.length - 1].c.gc,
      liveMB: used[used.length - 1].live,
      note: 'last cycle',
    },
  ];
  const result: LeakVerdict = {
    ...base,
    cyclesUsed: used.length,
    warmupCycles: warmup,
    slopeMBPerMinute: fitTime !== null ? r(fitTime.slope) : null,
    slopeMBPerCycle: r(fitCycle.slope, 4),
    theilSenMBPerCycle: r(ts, 4),
    r2: r(fitCycle.r2),
    firstThirdSlopeMBPerCycle: r(tsA, 4),
    lastThirdSlopeMBPerCycle: r(tsC, 4),
    evidence,
  };
  const perMinute = fitTime !== null ? `, ${r(fitTime.slope, 2)} MB/min` : '';
  const excluded = forced > 0 ? ` (${forced} forced cycle${forced === 1 ? '' : 's'} left out)` : '';
  const lines = `lines ${used[0].c.line}–${used[used.length - 1].c.line}`;

  const floorRising = floorRise >= Math.max(1, 0.05 * level);
  const plateau =
    growth >= threshold &&
    tsA > 0 &&
    tsC <= 0.25 * tsA &&
    medC - medB < 0.5 * Math.max(medB - medA, 0.001);
  if (drops >= 2 && !floorRising) {
    result.verdict = 'stable';
    result.reason = `saw-tooth: the live heap rises and falls (${drops} sharp drops) and its floor stays near ${r(quantile(ya, 0.25), 1)} MB; memory is being released, not leaked${excluded}`;
  } else if (plateau) {
    result.verdict = 'stable';
    result.reason = `grew early and then levelled off, like a cache filling up: ${r(tsA, 3)} MB/cycle in the first third, ${r(tsC, 3)} MB/cycle in the last; live heap ${medA} → ${medC} MB (${lines})${excluded}`;
  } else if (growth >= threshold && floorRising && (fitCycle.r2 >= 0.5 || drops >= 2) && tsC > 0) {
    result.verdict = 'growing';
    result.reason = `the live heap keeps rising after warm-up: +${r(growth, 1)} MB over ${used.length} cycles (${r(ts, 3)} MB/cycle${perMinute}, R² ${r(fitCycle.r2, 2)}), still rising in the last third (${r(tsC, 3)} MB/cycle); its floor went from ${r(quantile(ya, 0.25), 1)} to ${r(quantile(yc, 0.25), 1)} MB (${lines})${excluded}`;
  } else if (Math.abs(growth) < threshold && Math.abs(floorRise) < threshold) {
    result.verdict = 'stable';
    result.reason = `the live heap stays flat after warm-up: ${r(growth, 1)} MB of trend over ${used.length} cycles (${r(ts, 4)} MB/cycle${perMinute}), median ${medA} → ${medC} MB (${lines})${excluded}`;
  } else if (growth <= -threshold) {
    result.verdict = 'stable';
    result.reason = `the live heap shrinks after warm-up (${r(growth, 1)} MB over ${used.length} cycles): no sign of a leak${excluded}`;
  } else {
    result.reason = `mixed signals: trend ${r(growth, 1)} MB over ${used.length} cycles (R² ${r(fitCycle.r2, 2)}), floor change ${r(floorRise, 1)} MB, last-third slope ${r(tsC, 3)} MB/cycle; a longer trace would tell${excluded}`;
  }
  return result;
}
