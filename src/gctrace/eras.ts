/**
 * What each gc-line era is and does, in one table: its label, its format family for run
 * splitting, its clock phases and which of them stop the world, where the live heap is, how its
 * lines are printed, which explanation table applies and which Go releases print it.
 */
import type { EraId } from './types.ts';

/** One layout of the clock phases, recognised by how many there are. */
export interface ClockLayout {
  /** Field names of the phases, in printed order (`clock.<name>` in the explanation tables). */
  names: readonly string[];
  /** Indices of the phases that stop the world; null when the pause cannot be told. */
  stopTheWorld: readonly number[] | null;
}

/**
 * What the printed heap numbers are: `before-after` (Go 1.0–1.2: heap before and after the
 * collection), `live-then-total` (Go 1.3–1.4: the live estimate, then the heap at this GC) or
 * `start-end-live` (Go 1.5+: start, end of marking, live).
 */
export type HeapLayout = 'before-after' | 'live-then-total' | 'start-end-live';

/** How the implied GOGC is read from the goals and heaps of an era. */
export type GogcRule = 'next-start' | 'heap-growth' | 'goal' | 'goal-with-roots';

/** Which print layout `formatCycle` uses. */
export type PrintFormat = 'go1.0' | 'go1.1-1.2' | 'go1.3-1.4' | 'go1.5+';

/** Keys of the per-era field explanation tables. */
export type ExplanationTableKey =
  'go1.0' | 'go1.1-1.2' | 'go1.3-1.4' | 'go1.0-1.4' | 'go1.5' | 'go1.6+' | 'go1.5+';

export interface Era {
  id: EraId;
  /** A short name for the Go releases that print lines like these. */
  label: string;
  /** Prints `gcN(P):` (Go 1.0 – 1.4) rather than `gc N @…`. */
  legacy: boolean;
  /**
   * Cycles of two eras with different families come from different programs; null for the
   * generic eras of lines cut off before their release shows, which fit any family of their kind.
   */
  runFamily: string | null;
  /**
   * A run whose cycles are mostly of the `upgrades` era is of this era as soon as one of its
   * lines is: Go 1.26 marks only its leak-check cycles, the others print like Go 1.18.
   */
  upgrades: EraId | null;
  /** Clock layouts, matched by phase count. */
  clockLayouts: readonly ClockLayout[];
  /** The first layout's names name the phases whatever their count (the format is certain). */
  clockNamesAnyCount: boolean;
  /** Field names of the CPU values, matched by count (the same for every Go 1.5+ line). */
  cpuLayouts: readonly (readonly string[])[];
  heap: HeapLayout;
  gogc: GogcRule;
  /** A memory limit can set the goal (Go 1.19+ prints the same format as 1.18). */
  memoryLimit: boolean;
  print: PrintFormat;
  /** Go 1.4 adds the goroutine count to the 1.3 layout. */
  printsGoroutines: boolean;
  /** Go 1.18+ prints stacks and globals after the goal. */
  printsStacksAndGlobals: boolean;
  /** Go 1.26 prints `(checking for goroutine leaks)` on leak-check cycles. */
  printsLeakCheck: boolean;
  /** The Go 1.5 betas numbered cycles `gc #N`. */
  printsNumberSign: boolean;
  explanationTable: ExplanationTableKey;
  /** Go 1.x minor releases that print this era, inclusive; null for eras no release is known by. */
  goMinors: readonly [number, number] | null;
}

const allPhases = (count: number): number[] => Array.from({ length: count }, (_, i) => i);

const go10Clock: ClockLayout = {
  names: ['stopAndMark', 'sweep', 'bookkeeping'],
  stopTheWorld: allPhases(3),
};
const go11Clock: ClockLayout = { names: ['mark', 'sweep', 'other'], stopTheWorld: allPhases(3) };
const go13Clock: ClockLayout = {
  names: ['stop', 'sweepAndSetup', 'mark', 'wait'],
  stopTheWorld: allPhases(4),
};
/** Go 1.5: sweep termination and mark termination stop the world; the rest runs alongside. */
const go15Clock: ClockLayout = {
  names: ['sweepTermination', 'scan', 'installWriteBarrier', 'mark', 'markTermination'],
  stopTheWorld: [0, 4],
};
const go16Clock: ClockLayout = {
  names: ['sweepTermination', 'concurrentMark', 'markTermination'],
  stopTheWorld: [0, 2],
};
const modernClock = [go15Clock, go16Clock];
const modernCpu = [
  [
    'sweepTermination',
    'scan',
    'installWriteBarrier',
    'assist',
    'background',
    'idle',
    'markTermination',
  ],
  ['sweepTermination', 'assist', 'background', 'idle', 'markTermination'],
];

const legacyBase = {
  legacy: true,
  upgrades: null,
  clockNamesAnyCount: false,
  cpuLayouts: modernCpu,
  memoryLimit: false,
  printsGoroutines: false,
  printsStacksAndGlobals: false,
  printsLeakCheck: false,
  printsNumberSign: false,
} as const;

const modernBase = {
  legacy: false,
  upgrades: null,
  clockLayouts: modernClock,
  clockNamesAnyCount: false,
  cpuLayouts: modernCpu,
  heap: 'start-end-live',
  gogc: 'goal',
  memoryLimit: false,
  print: 'go1.5+',
  printsGoroutines: false,
  printsStacksAndGlobals: false,
  printsLeakCheck: false,
  printsNumberSign: false,
} as const;

/** Every era, by id. */
export const eras: Readonly<Record<EraId, Readonly<Era>>> = {
  'go1.0': {
    ...legacyBase,
    id: 'go1.0',
    label: 'Go 1.0 lines',
    runFamily: '1.0',
    clockLayouts: [go10Clock],
    clockNamesAnyCount: true,
    heap: 'before-after',
    gogc: 'next-start',
    print: 'go1.0',
    explanationTable: 'go1.0',
    goMinors: [0, 0],
  },
  'go1.1-1.2': {
    ...legacyBase,
    id: 'go1.1-1.2',
    label: 'Go 1.1–1.2 lines',
    runFamily: '1.1',
    clockLayouts: [go11Clock],
    clockNamesAnyCount: true,
    heap: 'before-after',
    gogc: 'next-start',
    print: 'go1.1-1.2',
    explanationTable: 'go1.1-1.2',
    goMinors: [1, 2],
  },
  'go1.3': {
    ...legacyBase,
    id: 'go1.3',
    label: 'Go 1.3 lines',
    runFamily: '1.3',
    clockLayouts: [go13Clock],
    heap: 'live-then-total',
    gogc: 'heap-growth',
    print: 'go1.3-1.4',
    explanationTable: 'go1.3-1.4',
    goMinors: [3, 3],
  },
  'go1.4': {
    ...legacyBase,
    id: 'go1.4',
    label: 'Go 1.4 lines',
    runFamily: '1.4',
    clockLayouts: [go13Clock],
    heap: 'live-then-total',
    gogc: 'heap-growth',
    print: 'go1.3-1.4',
    printsGoroutines: true,
    explanationTable: 'go1.3-1.4',
    goMinors: [4, 4],
  },
  'go1.0-1.4': {
    ...legacyBase,
    id: 'go1.0-1.4',
    label: 'Go 1.0–1.4 lines',
    runFamily: null,
    // Cut off before its unit: three numbers are Go 1.0–1.2's milliseconds, all of them pause;
    // four are Go 1.3–1.4's microseconds, left unconverted, so their pause cannot be told.
    clockLayouts: [
      { names: go13Clock.names, stopTheWorld: null },
      { names: ['phase1', 'phase2', 'phase3'], stopTheWorld: allPhases(3) },
    ],
    heap: 'before-after',
    gogc: 'next-start',
    print: 'go1.3-1.4',
    explanationTable: 'go1.0-1.4',
    goMinors: null,
  },
  'go1.5beta': {
    ...modernBase,
    id: 'go1.5beta',
    label: 'Go 1.5 beta lines',
    runFamily: '1.5b',
    printsNumberSign: true,
    explanationTable: 'go1.5',
    goMinors: null,
  },
  'go1.5': {
    ...modernBase,
    id: 'go1.5',
    label: 'Go 1.5 lines',
    runFamily: '1.5',
    explanationTable: 'go1.5',
    goMinors: [5, 5],
  },
  'go1.6-1.17': {
    ...modernBase,
    id: 'go1.6-1.17',
    label: 'Go 1.6–1.17 lines',
    runFamily: '1.6',
    explanationTable: 'go1.6+',
    goMinors: [6, 17],
  },
  'go1.18+': {
    ...modernBase,
    id: 'go1.18+',
    label: 'Go 1.18+ lines',
    runFamily: '1.18',
    gogc: 'goal-with-roots',
    memoryLimit: true,
    printsStacksAndGlobals: true,
    explanationTable: 'go1.6+',
    goMinors: [18, 25],
  },
  'go1.26+': {
    ...modernBase,
    id: 'go1.26+',
    label: 'Go 1.26+ lines',
    runFamily: '1.18',
    upgrades: 'go1.18+',
    gogc: 'goal-with-roots',
    memoryLimit: true,
    printsStacksAndGlobals: true,
    printsLeakCheck: true,
    explanationTable: 'go1.6+',
    goMinors: [26, Infinity],
  },
  'go1.5+': {
    ...modernBase,
    id: 'go1.5+',
    label: 'Go 1.5+ lines',
    runFamily: null,
    explanationTable: 'go1.5+',
    goMinors: null,
  },
};

/** True for the eras that print `gcN(P):` (Go 1.0 – 1.4). */
export function isLegacyEra(era: EraId): boolean {
  return eras[era].legacy;
}

/** The clock layout of a line of `era` with `count` clock phases, or null when it has none. */
export function clockLayout(era: EraId, count: number): ClockLayout | null {
  for (const layout of eras[era].clockLayouts) if (layout.names.length === count) return layout;
  return null;
}

/** Field names of the clock phases, by era and count (`phase<N>` where the era names none). */
export function clockPhaseNames(era: EraId, count: number): string[] {
  const e = eras[era];
  const names =
    clockLayout(era, count)?.names ?? (e.clockNamesAnyCount ? e.clockLayouts[0]!.names : []);
  return Array.from({ length: count }, (_, i) => names[i] ?? `phase${i + 1}`);
}

/** Field names of `count` CPU values of a line of `era` (`value<N>` where it names none). */
export function cpuPhaseNames(era: EraId, count: number): string[] {
  const names = eras[era].cpuLayouts.find((l) => l.length === count) ?? [];
  return Array.from({ length: count }, (_, i) => names[i] ?? `value${i + 1}`);
}

/** How many heap numbers a complete line of `era` prints. */
export function heapCount(era: EraId): number {
  return eras[era].heap === 'start-end-live' ? 3 : 2;
}

/** Index in `heapMB` of the heap left live after the cycle. */
export function liveHeapIndex(era: EraId): number {
  const heap = eras[era].heap;
  return heap === 'live-then-total' ? 0 : heap === 'before-after' ? 1 : 2;
}

/**
 * Stop-the-world, concurrent and total clock time of a cycle (ms), or nulls when its clock
 * phases fit no layout of its era.
 */
export function phaseTimes(
  era: EraId,
  clockMs: readonly number[],
): { pause: number | null; concurrent: number | null; wall: number | null } {
  const stops = clockLayout(era, clockMs.length)?.stopTheWorld ?? null;
  if (stops === null) return { pause: null, concurrent: null, wall: null };
  let pause = 0;
  let concurrent = 0;
  let wall = 0;
  for (let i = 0; i < clockMs.length; i++) {
    if (stops.includes(i)) pause += clockMs[i]!;
    else concurrent += clockMs[i]!;
    wall += clockMs[i]!;
  }
  return { pause, concurrent, wall };
}

/** The era a Go 1.`minor` release prints, or null for releases before Go 1. */
export function eraOfGoMinor(minor: number): EraId | null {
  for (const era of Object.values(eras))
    if (era.goMinors !== null && minor >= era.goMinors[0] && minor <= era.goMinors[1])
      return era.id;
  return null;
}
