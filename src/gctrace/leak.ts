/** Is the live heap growing? A verdict from its trend after warm-up, with the evidence. */
import { isLegacyEra } from './eras.ts';
import type { CycleMeasures } from './measures.ts';
import { linearFit, median, quantile, sortedQuantile, theilSen } from './stats.ts';
import type { GcCycle } from './types.ts';

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

/** The leak verdict of one run's cycles and their measures. */
export function leakVerdict(
  cycles: readonly GcCycle[],
  measures: readonly CycleMeasures[],
): LeakVerdict {
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
