/** Derived measures of each cycle against the one before it in the same run (spec §5). */
import { eras, heapCount, liveHeapIndex, phaseTimes as eraPhaseTimes } from './eras.ts';
import type { GcCycle } from './types.ts';

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

/** A cycle printed in full: every heap number of its era, not cut off. */
export function complete(c: GcCycle): boolean {
  return !c.truncated && c.heapMB.length === heapCount(c.era);
}

/** Sum of `values` in order. */
export function sum(values: readonly number[]): number {
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

/**
 * Per-cycle measures of one run's cycles in order (each cycle against the one before it), the
 * same ones `analyseTrace` reports.
 */
export function measureCycles(cycles: readonly GcCycle[]): CycleMeasures[] {
  const measures: CycleMeasures[] = new Array(cycles.length);
  for (let i = 0; i < cycles.length; i++)
    measures[i] = measureCycle(
      cycles[i],
      i > 0 ? cycles[i - 1] : null,
      i + 1 < cycles.length ? cycles[i + 1] : null,
    );
  return measures;
}

/**
 * The measures of cycle `c` against `p`, the cycle before it in the same run, and `n`, the one
 * after it (null when unknown: then the garbage of Go 1.0–1.2 lines and their implied GOGC are
 * null); for callers that read a very long trace cycle by cycle and keep only columns.
 */
export function measureCycle(c: GcCycle, p: GcCycle | null, n: GcCycle | null): CycleMeasures {
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
  return {
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
  };
}
