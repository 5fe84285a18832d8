/**
 * Is the live heap growing? A verdict from the cycles after warm-up, weighing how many there are,
 * how much the live heap changed against its own level, and how steadily; the time they cover is
 * reported, not required (a hundred cycles in under a second say as much as a hundred in a minute).
 */
import { isLegacyEra } from './eras.ts';
import type { CycleMeasures } from './measures.ts';
import type { MemoryLimitRegime } from './memory-limit.ts';
import {
  linearFit,
  mannKendall,
  maxOf,
  median,
  minOf,
  quantile,
  sortedQuantile,
  theilSen,
} from './stats.ts';
import type { GcCycle } from './types.ts';
import { plural } from './units.ts';

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
  /** Median live heap of the last third over that of the first (each plus 1 MB, so 0 MB divides). */
  growthRatio: number | null;
  /**
   * Mann–Kendall z of the live heap in cycle order: how many standard deviations of a trendless
   * series its rising pairs outnumber its falling ones by. Above 3, a steady rise.
   */
  trendZ: number | null;
  /** Program time from the first cycle after warm-up to the last (s), when the lines say. */
  spanSeconds: number | null;
  /** Key cycles behind the verdict, in the order of the trace, each line once (its notes joined). */
  evidence: LeakEvidence[];
}

/** A cycle cited for a verdict. */
export interface LeakEvidence {
  line: number;
  gc: number;
  /** The live heap as the line prints it: its third heap number from Go 1.5 (MB). */
  liveMB: number;
  /**
   * The live heap the trend used: `liveMB` less what was allocated while the cycle marked (its
   * heap at end minus at start), which the collector counts as live (see `trendLive`). Equal to
   * `liveMB` before Go 1.5.
   */
  trendLiveMB: number;
  note: string;
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
    growthRatio: null,
    trendZ: null,
    spanSeconds: null,
    evidence: [],
  };
}

/** Fewer cycles than this cannot show a trend against the 1 MB rounding of the trace. */
const minCycles = 8;

/** Mann–Kendall z above which a rise is steady rather than noise (one-sided p ≈ 0.001). */
const steadyZ = 3;

/**
 * Live heap for the trend: from Go 1.5 the GC marks everything allocated while it runs (objects
 * are allocated black during marking, runtime/mgc.go), so H2 counts them as live whether the
 * program still holds them or not; H2 − (H1 − H0), the heap less what it grew by during the
 * cycle, is closer to what the program really holds.
 */
function trendLive(c: GcCycle, live: number | null): number | null {
  if (live === null || isLegacyEra(c.era) || c.heapMB.length !== 3) return live;
  return Math.max(0, live - Math.max(0, c.heapMB[1] - c.heapMB[0]));
}

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

interface Point {
  c: GcCycle;
  /** The live heap as the line prints it (H2 from Go 1.5, MB). */
  printed: number;
  /** The live heap the trend uses: see `trendLive`. */
  live: number;
}

const round = (v: number, d = 3) => Math.round(v * 10 ** d) / 10 ** d;

/** Three significant digits at most: 0.0123, 1.23, 1290. */
function significant(v: number): number {
  if (v === 0 || !Number.isFinite(v)) return v;
  const digits = Math.max(0, 2 - Math.floor(Math.log10(Math.abs(v))));
  return round(v, digits);
}

/** "0.85 s" or "2 min 5 s": how long a stretch of program time is. */
function duration(seconds: number): string {
  if (seconds < 10) return `${round(seconds, 2)} s`;
  if (seconds < 120) return `${Math.round(seconds)} s`;
  return `${Math.floor(seconds / 60)} min ${Math.round(seconds % 60)} s`;
}

/** Of the pairs of cycles whose live heaps differ, the percentage where the later one is higher. */
function share(trend: { rising: number; falling: number }): number {
  const differing = trend.rising + trend.falling;
  return differing > 0 ? Math.round((100 * trend.rising) / differing) : 0;
}

/**
 * The longest stretch at the end of the run whose live heap stays within `band` MB: how many
 * cycles, from which point, over what share of the run's cycles and program time.
 */
function levelTail(used: readonly Point[], band: number) {
  let lo = Infinity;
  let hi = -Infinity;
  let from = used.length;
  for (let i = used.length - 1; i >= 0; i--) {
    const v = used[i].live;
    if (Math.max(hi, v) - Math.min(lo, v) > band) break;
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
    from = i;
  }
  const t0 = used[0].c.atSeconds;
  const t1 = used[used.length - 1].c.atSeconds;
  const tf = used[Math.min(from, used.length - 1)].c.atSeconds;
  const timeShare =
    t0 !== null && t1 !== null && tf !== null && t1 > t0 ? (t1 - tf) / (t1 - t0) : null;
  return {
    from,
    cycles: used.length - from,
    cycleShare: (used.length - from) / used.length,
    timeShare,
    lo,
    hi,
  };
}

/**
 * The leak verdict of one run's cycles and their measures; `limit` (the run's memory-limit
 * regime) lets a rise that runs into a memory limit say so.
 */
export function leakVerdict(
  cycles: readonly GcCycle[],
  measures: readonly CycleMeasures[],
  limit?: MemoryLimitRegime,
): LeakVerdict {
  const points = cycles
    .map((c, i) => ({ c, printed: measures[i].liveMB, live: trendLive(c, measures[i].liveMB) }))
    .filter(
      (p): p is Point => p.live !== null && p.printed !== null && !p.c.forced && !p.c.leakCheck,
    );
  const base = inconclusiveLeakVerdict('');
  const forced = cycles.filter((c) => c.forced).length;
  const excluded = forced > 0 ? ` (${plural(forced, 'forced cycle')} left out)` : '';
  if (points.length < minCycles) {
    return {
      ...base,
      reason: `only ${plural(points.length, 'complete non-forced cycle')}${forced > 0 ? ` (${plural(forced, 'forced cycle')} left out)` : ''}; at least ${minCycles} are needed to see a trend`,
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
  if (used.length < minCycles) {
    return {
      ...base,
      warmupCycles: warmup,
      cyclesUsed: used.length,
      reason: `only ${plural(used.length, 'cycle')} after ${plural(warmup, 'warm-up cycle')}; at least ${minCycles} are needed to see a trend${excluded}`,
    };
  }

  const n = used.length;
  const y = used.map((p) => p.live);
  const idx = used.map((p) => p.c.gc);
  const first = used[0];
  const last = used[n - 1];
  const timed = used.every((p) => p.c.atSeconds !== null);
  const spanSeconds =
    timed && last.c.atSeconds! > first.c.atSeconds! ? last.c.atSeconds! - first.c.atSeconds! : null;
  const fitCycle = linearFit(idx, y);
  const fitTime = timed
    ? linearFit(
        used.map((p) => p.c.atSeconds! / 60),
        y,
      )
    : null;
  const ts = theilSen(idx, y);
  const third = Math.floor(n / 3);
  const A = used.slice(0, third);
  const B = used.slice(third, n - third);
  const C = used.slice(n - third);
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
  // The size a change must reach to count: 2 MB (the trace rounds to whole MB) or a tenth of
  // the live heap, whichever is more.
  const level = Math.max(medA, 1);
  const threshold = Math.max(2, 0.1 * level);
  const growth = ts * (idx[n - 1] - idx[0]);
  const floorA = quantile(ya, 0.25);
  const floorB = quantile(yb, 0.25);
  const floorC = quantile(yc, 0.25);
  const floorRise = floorC - floorA;
  const ratio = (medC + 1) / (medA + 1);
  const trend = mannKendall(y);
  const lateTrend = mannKendall(yc);
  const lowest = minOf(y);
  const highest = maxOf(y);
  const range = highest - lowest;
  // Sharp drops, and where they land: the lows a batch job comes back to after each round.
  const landings: number[] = [];
  for (let i = 1; i < n; i++) if (range >= 2 && y[i] < y[i - 1] - 0.3 * range) landings.push(i);
  const drops = landings.length;
  const landed = (from: number, to: number) =>
    landings.filter((i) => i >= from && i < to).map((i) => y[i]);
  const earlyLanding = landed(0, n / 2);
  const lateLanding = landed(n / 2, n);
  // Compare the lows after drops in each half when both halves have some, else the lowest tenth.
  const lowA =
    earlyLanding.length > 0 && lateLanding.length > 0 ? median(earlyLanding) : quantile(ya, 0.1);
  const lowC =
    earlyLanding.length > 0 && lateLanding.length > 0 ? median(lateLanding) : quantile(yc, 0.1);
  // The level stretch at the end: within the size a change must reach and without a trend of
  // its own, or within the rounding of the trace (then two cycles far apart in time say enough).
  const loose = levelTail(used, threshold);
  const looseTail = used.slice(loose.from);
  const looseTrend =
    looseTail.length >= 2
      ? theilSen(
          looseTail.map((p) => p.c.gc),
          looseTail.map((p) => p.live),
        ) *
        (looseTail[looseTail.length - 1].c.gc - looseTail[0].c.gc)
      : 0;
  const tight = levelTail(used, Math.max(1, 0.05 * level));
  const tail = looseTrend < threshold / 2 ? loose : tight;

  const minA = A.reduce((m, p) => (p.live < m.live ? p : m), A[0]);
  const minC = C.reduce((m, p) => (p.live < m.live ? p : m), C[0]);
  const peak = used.reduce((m, p) => (p.live > m.live ? p : m), first);
  const result: LeakVerdict = {
    ...base,
    cyclesUsed: n,
    warmupCycles: warmup,
    slopeMBPerMinute: fitTime !== null ? round(fitTime.slope) : null,
    slopeMBPerCycle: round(fitCycle.slope, 4),
    theilSenMBPerCycle: round(ts, 4),
    r2: round(fitCycle.r2),
    firstThirdSlopeMBPerCycle: round(tsA, 4),
    lastThirdSlopeMBPerCycle: round(tsC, 4),
    growthRatio: round(ratio, 2),
    trendZ: round(trend.z, 2),
    spanSeconds: spanSeconds !== null ? round(spanSeconds) : null,
    evidence: inTraceOrder([
      [first, 'first cycle after warm-up'],
      [minA, 'lowest live heap, first third'],
      [minC, 'lowest live heap, last third'],
      [peak, 'highest live heap'],
      [last, 'last cycle'],
    ]),
  };

  const over = spanSeconds !== null ? ` in ${duration(spanSeconds)}` : '';
  const cyclesText = `${plural(n, 'cycle')}${over}`;
  const lines = `lines ${first.c.line}–${last.c.line}`;
  const perMinute = fitTime !== null ? `${significant(fitTime.slope)} MB/min` : null;
  const rate = `${round(ts, 3)} MB a cycle${perMinute !== null ? ` (${perMinute})` : ''}`;
  const risingShare = share(trend);
  const times = ratio >= 2 ? ` (×${ratio >= 10 ? Math.round(ratio) : round(ratio, 1)})` : '';
  // The figures above are the trend's live heap (see `trendLive`): where it is not the printed
  // number, the reason says so, so that nobody looks for them on the lines as printed.
  const basis = used.some((p) => p.live !== p.printed)
    ? '; these live heap figures leave out what each cycle allocated while it was marking, which its line counts as live and the next cycle mostly finds to be garbage'
    : '';

  // Memory is released: the live heap falls back late in the run to where it fell to early on.
  // A swing of at least twice the size that counts: steady heaps wobble by a megabyte or two.
  const released = drops >= 2 && range >= 2 * threshold && lowC <= lowA + threshold;
  // The rise stopped: early growth, then a last stretch that holds level over 40% of the program
  // time, or a third of the cycles when the lines give no time (a cache that filled, a burst at
  // start-up).
  const rose = growth >= threshold || floorB - floorA >= threshold || tail.lo - floorA >= threshold;
  // Where the lines give times, the stretch must last: cycles bunch up when the heap is small.
  const levelled =
    rose &&
    tail.cycles >= 2 &&
    (tail.timeShare !== null ? tail.timeShare >= 0.4 : tail.cycleShare >= 1 / 3) &&
    lateTrend.z < steadyZ;
  const plateau =
    growth >= threshold &&
    tsA > 0 &&
    tsC <= 0.25 * tsA &&
    medC - medB < 0.5 * Math.max(medB - medA, 0.001);
  // A steady rise of a size that counts, still going in the last third.
  const steady = trend.z >= steadyZ || (drops >= 2 && lowC - lowA >= threshold);
  // Whole-MB heaps rise in steps, so the last third's median slope can be 0 while it rises.
  const stillRising =
    lateTrend.z >= 2 || (tsC > 0 && (lateTrend.z >= 1.5 || floorC - floorB >= threshold / 2));
  const growing =
    growth >= threshold && floorRise >= Math.max(1, 0.05 * level) && steady && stillRising;

  if (released) {
    result.verdict = 'stable';
    result.reason = `saw-tooth: the live heap rises and falls (${plural(drops, 'sharp drop')}), and late in the run it comes back down to ${round(lowC, 1)} MB, as low as the ${round(lowA, 1)} MB it fell to early on: memory is being released, not leaked (${cyclesText})${excluded}${basis}`;
  } else if (growing && !(levelled || plateau)) {
    result.verdict = 'growing';
    result.reason = `the live heap keeps rising after warm-up: ${round(medA, 1)} → ${round(medC, 1)} MB${times} over ${cyclesText}, ${rate}; a later cycle is higher than an earlier one in ${risingShare}% of the pairs that differ, and the last third still rises (${share(lateTrend)}% of its pairs); its floor went from ${round(floorA, 1)} to ${round(floorC, 1)} MB (${lines})${excluded}${limitClause(limit)}${basis}`;
  } else if (levelled || plateau) {
    result.verdict = 'stable';
    const from = used[tail.from].c;
    const held =
      tail.cycles >= 2 && levelled
        ? `then held between ${round(tail.lo, 1)} and ${round(tail.hi, 1)} MB over its last ${plural(tail.cycles, 'cycle')}${tail.timeShare !== null && from.atSeconds !== null ? `, from ${duration(from.atSeconds)} to ${duration(last.c.atSeconds!)} (${Math.floor(100 * tail.timeShare)}% of the time after warm-up)` : ''}`
        : `grew ${round(tsA, 3)} MB/cycle in the first third and ${round(tsC, 3)} MB/cycle in the last`;
    result.reason = `grew early and then levelled off, like a cache filling up or a start-up burst: the live heap went ${round(medA, 1)} → ${round(medC, 1)} MB and ${held} (${lines})${excluded}${basis}`;
  } else if (Math.abs(growth) < threshold && Math.abs(floorRise) < threshold) {
    result.verdict = 'stable';
    result.reason = `the live heap stays flat after warm-up: median ${round(medA, 1)} → ${round(medC, 1)} MB over ${cyclesText}, a trend of ${round(growth, 1)} MB, within the ${round(threshold, 1)} MB a change must reach to count (${lines})${excluded}${basis}`;
  } else if (growth <= -threshold) {
    result.verdict = 'stable';
    result.reason = `the live heap shrinks after warm-up (${round(growth, 1)} MB over ${cyclesText}): no sign of a leak${excluded}${basis}`;
  } else {
    result.reason = `no steady change to go by: a trend of ${round(growth, 1)} MB over ${cyclesText} against the ${round(threshold, 1)} MB a change must reach to count, a later cycle higher than an earlier one in ${risingShare}% of the pairs that differ, the floor ${round(floorA, 1)} → ${round(floorC, 1)} MB; more cycles would tell${excluded}${basis}`;
  }
  return result;
}

/**
 * The evidence cycles in the order of the trace, so that reading them follows the lines: a cycle
 * cited twice (the first after warm-up is often the lowest of the first third) is listed once
 * with both notes.
 */
function inTraceOrder(cited: readonly [Point, string][]): LeakVerdict['evidence'] {
  const byLine = new Map<number, LeakVerdict['evidence'][number]>();
  for (const [p, note] of cited) {
    const seen = byLine.get(p.c.line);
    if (seen) seen.note += `; ${note}`;
    else
      byLine.set(p.c.line, {
        line: p.c.line,
        gc: p.c.gc,
        liveMB: p.printed,
        trendLiveMB: p.live,
        note,
      });
  }
  return [...byLine.values()].sort((a, b) => a.line - b.line);
}

/** What a memory limit adds to a rise: the heap reached it, and the limit does not stop a leak. */
function limitClause(limit: MemoryLimitRegime | undefined): string {
  if (limit?.backToBackFromLine == null) return '';
  return `; from line ${limit.backToBackFromLine} the heap is at the memory limit and the collector runs back to back: a limit does not stop a leak, it makes the program spend its time collecting`;
}
