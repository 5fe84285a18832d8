/**
 * What the simulator does differently for each Go release, in one table: the goal rules, the
 * memory limit and its headroom, the goal printed when there is none, the runtime's own memory,
 * the GC CPU limiter and the pauses. How the line is printed comes from the era table
 * (src/gctrace/eras.ts), which says which fields a release prints.
 *
 * Rows for Go 1.19 and 1.21 – 1.27 were read in each release's runtime source (mgcpacer.go,
 * mgc.go, mheap.go; see content/facts.md) and checked against real runs of
 * content/programs/gogc-demo in content/traces/go1.NN/. Earlier rows come from the gctrace format
 * guide and are not checked here.
 */
import { eraOfGoMinor, type EraId } from '../gctrace/index.ts';

/**
 * The GOGC goal: `live × (1 + GOGC/100)` up to Go 1.17, `live + (live + stacks + globals) ×
 * GOGC/100` from 1.18 (mgcpacer.go, `commit`: `gcPercentHeapGoal = c.heapMarked + …`).
 */
export type GoalFormula = 'live' | 'live-and-roots';

/**
 * The headroom the memory-limit goal keeps below the limit (mgcpacer.go, `memoryLimitHeapGoal`):
 * a fixed `memoryLimitHeapGoalHeadroom = 1 << 20` in Go 1.19, from 1.21 `goal / 100 ×
 * memoryLimitHeapGoalHeadroomPercent` (3 %) but at least `memoryLimitMinHeapGoalHeadroom = 1 << 20`.
 */
export type Headroom = 'one-mib' | 'three-percent';

/**
 * The runtime's memory that counts against the limit but holds no heap objects (`nonHeapMemory =
 * mappedReady − heapFree − heapAlloc`): a fixed part plus a share of the largest heap so far,
 * because span structures and heap metadata are kept once mapped. Fitted by least squares on the
 * goals printed by the GOGC=off captures (content/traces/go1.NN/gogc-off.txt), which are the
 * memory-limit goal of a limit of 2^63−1 bytes and so give the non-heap memory to the MiB. The
 * share follows the heap metadata of the release: a 2-bit-per-word heap bitmap in every arena in
 * 1.19 (`heapArenaBitmapBytes`), a 1-bit one in 1.21 (`heapArenaBitmapWords`, `noMorePtrs`), none
 * from 1.22 (allocation headers, `heapArenaPtrScalar`); the rest is about one `mspan` per 8 KiB
 * span of gogc-demo's 1 KiB objects.
 */
export interface NonHeapMemory {
  baseMB: number;
  perPeakHeap: number;
}

/** The memory limit of a release that has one (Go 1.19+). */
export interface MemoryLimitRules {
  headroom: Headroom;
  nonHeap: NonHeapMemory;
}

/** How sure a row is: read in the release's source and checked against its captures, or not. */
export type Provenance = 'source-and-runs' | 'neighbour' | 'format-guide';

/** The rules the simulator applies to one range of Go releases. */
export interface ReleaseRules {
  /** First and last Go 1.x minor release of the row, inclusive. */
  minors: readonly [number, number];
  provenance: Provenance;
  goal: GoalFormula;
  /**
   * The goal is kept this far above the heap the cycle started at (`minRunway = 64 << 10` from
   * 1.18; 1 MB in 1.6 – 1.17), measured from `runwayFrom`: the trigger the pacer computed
   * (`c.triggered = heapTrigger`, 1.19) or the heap when the cycle started (`c.triggered =
   * c.heapLive.Load()`, 1.21+). Never applied when the memory limit sets the goal.
   */
  minRunwayMB: number;
  runwayFrom: 'trigger' | 'heap-at-start';
  /** Null before Go 1.19: GOMEMLIMIT does not exist and is ignored. */
  memoryLimit: MemoryLimitRules | null;
  /** Before Go 1.9 a forced cycle prints its start heap as the goal. */
  forcedGoal: 'start-heap' | 'goal';
  /**
   * The goal printed with GOGC=off and no memory limit (only forced cycles run): `2^64−1 >> 20`
   * (17592186044415) up to 1.18; from 1.19 the memory-limit goal of a limit of 2^63−1 bytes
   * (`memoryLimitHeapGoal`), which depends on the headroom and the non-heap memory of the moment.
   */
  noGoal: 'max-uint64' | 'memory-limit';
  /** GC CPU limiter (mgclimit.go, 1.19+): with the live heap over the limit, GC takes at most about half the CPU. */
  cpuLimiter: boolean;
  /** `MB stacks` is all stack space allocated (`maxStackScan`, 1.19) or the stack scanned (`lastStackScan`, 1.21+). */
  stacksPrinted: 'allocated' | 'scanned' | 'not-printed';
  /** Median stop-the-world pauses: sweep termination scaled from 15 µs + 4 µs a P, and mark termination. */
  pauses: { sweepTerminationScale: number; markTerminationUs: number };
}

const older = {
  provenance: 'format-guide',
  memoryLimit: null,
  cpuLimiter: false,
  stacksPrinted: 'not-printed',
} as const;

const go119: ReleaseRules = {
  minors: [19, 19],
  provenance: 'source-and-runs',
  goal: 'live-and-roots',
  minRunwayMB: 1 / 16,
  runwayFrom: 'trigger',
  memoryLimit: { headroom: 'one-mib', nonHeap: { baseMB: 7.9, perPeakHeap: 0.055 } },
  forcedGoal: 'goal',
  noGoal: 'memory-limit',
  cpuLimiter: true,
  stacksPrinted: 'allocated',
  pauses: { sweepTerminationScale: 1, markTerminationUs: 4 },
};

const go121: ReleaseRules = {
  ...go119,
  minors: [21, 21],
  runwayFrom: 'heap-at-start',
  memoryLimit: { headroom: 'three-percent', nonHeap: { baseMB: 3.1, perPeakHeap: 0.0435 } },
  stacksPrinted: 'scanned',
};

/** Every row, oldest first; together they cover Go 1.5 to 1.27 without gaps. */
export const releaseRules: readonly ReleaseRules[] = [
  {
    ...older,
    minors: [5, 5],
    goal: 'live',
    minRunwayMB: 0,
    runwayFrom: 'heap-at-start',
    forcedGoal: 'start-heap',
    noGoal: 'max-uint64',
    pauses: { sweepTerminationScale: 2, markTerminationUs: 200 },
  },
  {
    ...older,
    minors: [6, 7],
    goal: 'live',
    minRunwayMB: 1,
    runwayFrom: 'heap-at-start',
    forcedGoal: 'start-heap',
    noGoal: 'max-uint64',
    pauses: { sweepTerminationScale: 1.5, markTerminationUs: 100 },
  },
  {
    ...older,
    minors: [8, 8],
    goal: 'live',
    minRunwayMB: 1,
    runwayFrom: 'heap-at-start',
    forcedGoal: 'start-heap',
    noGoal: 'max-uint64',
    pauses: { sweepTerminationScale: 1, markTerminationUs: 30 },
  },
  {
    ...older,
    minors: [9, 17],
    goal: 'live',
    minRunwayMB: 1,
    runwayFrom: 'heap-at-start',
    forcedGoal: 'goal',
    noGoal: 'max-uint64',
    pauses: { sweepTerminationScale: 1, markTerminationUs: 30 },
  },
  {
    ...older,
    minors: [18, 18],
    goal: 'live-and-roots',
    minRunwayMB: 1 / 16,
    runwayFrom: 'heap-at-start',
    forcedGoal: 'goal',
    noGoal: 'max-uint64',
    stacksPrinted: 'scanned',
    pauses: { sweepTerminationScale: 1, markTerminationUs: 4 },
  },
  go119,
  {
    ...go119,
    minors: [20, 20],
    provenance: 'neighbour',
  },
  go121,
  {
    ...go121,
    minors: [22, 27],
    memoryLimit: { headroom: 'three-percent', nonHeap: { baseMB: 2.7, perPeakHeap: 0.0284 } },
  },
];

/** The oldest and newest release the simulator offers. */
export const firstMinor = releaseRules[0]!.minors[0];
export const lastMinor = releaseRules[releaseRules.length - 1]!.minors[1];

/** The rules of Go 1.`minor`; releases outside the table get its nearest row. */
export function rulesFor(minor: number): ReleaseRules {
  const clamped = Math.min(lastMinor, Math.max(firstMinor, Math.round(minor)));
  return releaseRules.find((r) => clamped >= r.minors[0] && clamped <= r.minors[1])!;
}

/** The gc line format Go 1.`minor` prints (src/gctrace/eras.ts). */
export function eraForMinor(minor: number): EraId {
  // The simulator models the concurrent collector: releases before Go 1.5 print as Go 1.5.
  return eraOfGoMinor(Math.min(lastMinor, Math.max(firstMinor, minor)))!;
}

/** `1.19` for 19. */
export function versionLabel(minor: number): string {
  return `1.${minor}`;
}

/** One sentence saying where the simulator's rules for Go 1.`minor` come from. */
export function rulesSentence(minor: number): string {
  const release = `Go ${versionLabel(minor)}`;
  switch (rulesFor(minor).provenance) {
    case 'source-and-runs':
      return `${release}: rules read in ${release}’s runtime source and checked against real runs of gogc-demo captured with it.`;
    case 'neighbour':
      return `${release}: not read here (${release} is not in Debian’s archive); simulated with Go 1.19’s rules, although it may already have some of Go 1.21’s.`;
    case 'format-guide':
      return `${release}: rules from the gctrace format guide, not checked against this release’s source or real runs here.`;
  }
}
