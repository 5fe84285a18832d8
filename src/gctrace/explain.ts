/**
 * What every field of every line means: the data behind the editor's hovers, and `explainAt`.
 * Facts follow the format specification (runtime sources of Go 1.0 – 1.27).
 */
import { companionLabels } from './companions.ts';
import { lineFields, lineKindAt, lineText } from './fields.ts';
import type { CompanionKind, EraId, FieldKind, ParsedTrace } from './types.ts';

/** Explanation of one field: what it is, its unit, how the runtime computes it, and its traps. */
export interface FieldExplanation {
  title: string;
  unit: string;
  what: string;
  computed: string;
  /** runtime/metrics name of the same quantity, where one exists. */
  metric?: string;
  traps: string[];
  /** Sentence with `{value}` standing for the printed value. */
  inContext: string;
}

type Table = Record<string, FieldExplanation>;

const floorTrap =
  'MB here is MiB rounded down (bytes >> 20): the true value is anywhere up to 1 MiB higher.';
const fmtTrap =
  'Times are truncated, never rounded: whole ms from 10 ms up, else 2 significant digits (0.001 … 9.9); below 1 µs prints 0.';
const coarseTimerTrap =
  'Coarse OS timers (old Windows) show values stuck at 1.0, 15, 16 ms or 1000 µs.';

function e(
  title: string,
  unit: string,
  what: string,
  computed: string,
  traps: string[],
  inContext: string,
  metric?: string,
): FieldExplanation {
  return metric === undefined
    ? { title, unit, what, computed, traps, inContext }
    : { title, unit, what, computed, traps, inContext, metric };
}

// ------------------------------------------------------------------ Go 1.5+

const modernCommon: Table = {
  gc: e(
    'GC cycle number',
    'count',
    'The number of this garbage collection since the program started; the first line is gc 1.',
    'memstats.numgc, incremented when the cycle starts.',
    [
      'Numbering restarts at 1 in every process: `go run` and `go test` also print the traces of the go command, compiler, linker and test binaries.',
      'A gap in the numbers means trace lines were lost, not that cycles were skipped.',
    ],
    '{value} counts the collections since this process started',
    '/gc/cycles/total:gc-cycles',
  ),
  at: e(
    'Start time',
    's',
    'Wall-clock time from program start to the start of this cycle.',
    '(cycle start − runtime init time) truncated to whole ms, printed with exactly 3 decimals (itoaDiv).',
    [
      'It is when the cycle started; it ends the sum of the clock phases later.',
      'Go 1.9.0 and 1.9.1 on macOS and Windows printed bogus values such as @18446653480.186s (golang/go#21554).',
    ],
    'started {value} after the program started',
  ),
  cpuPercent: e(
    'GC CPU since program start',
    '%',
    'Share of all available CPU (GOMAXPROCS × wall time since start) that the GC has used so far.',
    'int(gc_cpu_fraction × 100), truncated. Counts stop-the-world CPU, assists and background mark workers; idle mark workers are left out.',
    [
      'Cumulative since the program started, not this cycle: late in a long run a burst of GC work hardly moves it. Compare the per-interval GC CPU in the analysis.',
      'Truncated: 0% means under 1%.',
      'Go 1.5 – 1.9.2 under-counted stop-the-world CPU on big machines; from 1.23 pauses count as pause × GOMAXPROCS, so it can be a little above a recomputation from the printed fields.',
    ],
    'GC has used {value} of the available CPU since the program started (cumulative, not this cycle)',
  ),
  leakCheck: e(
    'Goroutine-leak check',
    'flag',
    'This cycle also looked for goroutines blocked forever on unreachable channels or locks.',
    'Printed between % and : when the cycle was started for goroutine-leak detection (Go 1.26 with GOEXPERIMENT=goroutineleakprofile; the goroutineleak profile in 1.27).',
    [
      'Started through runtime.GC(), so the line normally also ends with (forced); leave it out of heap-trend reasoning.',
      'Not mentioned in the runtime documentation (runtime/extern.go).',
    ],
    'this cycle {value}: it was started to find leaked goroutines',
  ),
  'heap.start': e(
    'Heap at cycle start',
    'MB',
    'Heap in use (heap_live) when the cycle started.',
    'heap_live >> 20 before the first stop-the-world phase.',
    [
      floorTrap,
      'It can be above the goal: the cycle started late.',
      'Start heap − previous line’s live heap = what the program allocated between the two cycles.',
    ],
    'the heap held {value} when this cycle started',
  ),
  'heap.end': e(
    'Heap at end of marking',
    'MB',
    'Heap in use when mark termination began: the start heap plus what the program allocated while marking ran.',
    'heap_live >> 20 at the start of mark termination.',
    [
      floorTrap,
      'End − start = allocated during this cycle; end − live = garbage this cycle found.',
      'Above the goal means the heap overshot the goal before marking finished.',
    ],
    'the heap had grown to {value} by the end of marking',
  ),
  'heap.live': e(
    'Live heap (marked)',
    'MB',
    'Bytes this cycle marked reachable: the heap the program still holds on to.',
    'heap_marked >> 20, the basis of the next goal.',
    [
      'This is the number to watch for leaks: a rise over many non-forced cycles that does not level off means something keeps references.',
      floorTrap,
      'The Go 1.21 docs point this field at /gc/scan/heap:bytes, which is the scannable heap, a different quantity.',
    ],
    'live heap {value}: memory still reachable after this cycle; if it keeps rising from cycle to cycle, something is holding references',
    '/gc/heap/live:bytes',
  ),
  goal: e(
    'Heap goal',
    'MB',
    'The heap size at which the pacer aimed to finish this cycle.',
    'Previous live heap × (1 + GOGC/100); from Go 1.18 plus (stacks + globals) × GOGC/100; from 1.19 capped by the memory limit (GOMEMLIMIT).',
    [
      '8796093022191 MB (Go 1.19+) or 17592186044415 MB (1.9 – 1.18) means there is no goal: GOGC=off.',
      'A goal about 1 MB above the start heap is the pacer lifting a late goal, not GOGC.',
      'A goal that stays put while the live heap rises means the memory limit, not GOGC, sets it.',
      'Forced cycles before Go 1.9 print the start heap as the goal.',
      floorTrap,
    ],
    'heap goal {value}: the GC planned to finish before the heap reached this size',
    '/gc/heap/goal:bytes',
  ),
  stacks: e(
    'Scannable goroutine stacks',
    'MB',
    'Goroutine stack memory the GC scans; part of the goal since Go 1.18.',
    '1.18: scannable stack snapshot; 1.19: maxStackScan (all allocated stack); 1.20+: lastStackScan, stack bytes scanned in this cycle.',
    [
      'Go 1.19 prints an over-estimate that the goal did not use (golang/go#54649).',
      floorTrap,
      'Printed since Go 1.18, though the docs listed it only in 1.19.',
    ],
    'stacks {value}: goroutine stack memory counted in the next goal',
    '/gc/scan/stack:bytes',
  ),
  globals: e(
    'Scannable globals',
    'MB',
    'Size of the global variables (data and bss) the GC scans; part of the goal since Go 1.18.',
    'globalsScan >> 20.',
    [floorTrap, 'Usually constant for the life of a process.'],
    'globals {value}: global data the GC scans every cycle',
    '/gc/scan/globals:bytes',
  ),
  procs: e(
    'P count (GOMAXPROCS)',
    'P',
    'The number of Ps, i.e. GOMAXPROCS: how many goroutines can run Go code at once.',
    'gomaxprocs at the end of the cycle.',
    [
      'It can change between lines: runtime.GOMAXPROCS calls, and from Go 1.25 the container-aware default updates itself.',
      'Not the CPU count: from Go 1.10 the sweep-termination CPU ÷ clock ratio reveals min(P, NumCPU).',
    ],
    '{value}: up to that many goroutines ran Go code at once',
    '/sched/gomaxprocs:threads',
  ),
  forced: e(
    'Forced cycle',
    'flag',
    'The cycle was requested by the program (runtime.GC or debug.FreeOSMemory) rather than started by heap growth.',
    'Go 1.5 – 1.8: any cycle not in background mode (also GODEBUG=gcstoptheworld); 1.9+: work.userForced.',
    [
      'Leave forced cycles out of leak and GOGC reasoning: they run at an arbitrary heap size.',
      'Before Go 1.20 the flag can sit on the wrong line when runtime.GC() overlaps a heap-triggered cycle (golang/go#52515).',
      'The 2-minute periodic GC (the `GC forced` line) is not marked (forced).',
    ],
    '{value}: the program asked for this collection, so its heap numbers say little about the steady state',
  ),
};

function clock(title: string, what: string, traps: string[], context: string): FieldExplanation {
  return e(
    title,
    'ms',
    what,
    'fmtNSAsMS of the time between two of the cycle’s timestamps (wall time).',
    [...traps, fmtTrap, coarseTimerTrap],
    context,
  );
}

function cpu(
  title: string,
  what: string,
  computed: string,
  traps: string[],
  context: string,
): FieldExplanation {
  return e(title, 'ms', what, computed, [...traps, fmtTrap], context);
}

const stwTrap =
  'Stop-the-world: every goroutine waited. The pause of a cycle is sweep termination + mark termination.';

const go16Phases: Table = {
  'clock.sweepTermination': clock(
    'Sweep termination (stop-the-world)',
    'Wall time of the first pause: finish sweeping, stop the world, turn on the write barrier, restart.',
    [
      stwTrap,
      'Includes the time to stop every goroutine: long values can mean a goroutine did not reach a safe point (tight loops before Go 1.14).',
    ],
    'the first stop-the-world pause took {value}',
  ),
  'clock.concurrentMark': clock(
    'Concurrent mark and scan',
    'Wall time of marking while the program keeps running.',
    [
      'Not a pause: the program runs, though goroutines that allocate may be drafted into mark assists.',
    ],
    'marking ran for {value} alongside the program',
  ),
  'clock.markTermination': clock(
    'Mark termination (stop-the-world)',
    'Wall time of the second pause: finish marking, turn off the write barrier, prepare sweeping.',
    [stwTrap, 'Go 1.5 – 1.11 with gctrace=2 also hid a repeated full collection here.'],
    'the second stop-the-world pause took {value}',
  ),
  'cpu.sweepTermination': cpu(
    'Sweep termination CPU',
    'CPU time of the first pause.',
    'clock × stwprocs: gcprocs() up to Go 1.9.2, min(GOMAXPROCS, NumCPU) from 1.9.3/1.10.',
    ['From Go 1.10, this ÷ its clock time reveals min(P, NumCPU).'],
    '{value} of CPU went into the first pause',
  ),
  'cpu.assist': cpu(
    'Mark assist CPU',
    'CPU spent by the program’s own goroutines helping the GC mark, because they allocated while marking ran.',
    'Sum of assist time over all goroutines in this cycle.',
    [
      'A large share of assist CPU means allocation is outpacing the background workers: the program itself slows down.',
    ],
    'goroutines spent {value} helping the GC (mark assists) instead of doing their own work',
  ),
  'cpu.background': cpu(
    'Background mark CPU',
    'CPU of the dedicated and fractional background mark workers.',
    'Sum of dedicated + fractional mark worker time.',
    ['The pacer aims at 25% of GOMAXPROCS for background marking.'],
    'background mark workers used {value} of CPU',
  ),
  'cpu.idle': cpu(
    'Idle mark CPU',
    'CPU of mark workers that ran only on Ps that had nothing else to do.',
    'Sum of idle-priority mark worker time.',
    ['Not counted in the GC CPU %: it used CPU nobody else wanted.'],
    'idle Ps spent {value} marking (free CPU, not counted as GC cost)',
  ),
  'cpu.markTermination': cpu(
    'Mark termination CPU',
    'CPU time of the second pause.',
    'clock × stwprocs.',
    [],
    '{value} of CPU went into the second pause',
  ),
};

const go15Phases: Table = {
  'clock.sweepTermination': go16Phases['clock.sweepTermination'],
  'clock.scan': clock(
    'Root scan (concurrent)',
    'Wall time the GC coordinator spent scanning roots (stacks, globals) while the program ran.',
    ['Go 1.5 only: Go 1.6 folded it into the mark phase.'],
    'root scanning took {value}',
  ),
  'clock.installWriteBarrier': clock(
    'Synchronise Ps (install write barrier)',
    'Wall time of the ragged barrier that turned on the write barrier on every P.',
    ['Not stop-the-world in the 1.5 release, so it is not part of the pause.'],
    'turning on the write barrier took {value}',
  ),
  'clock.mark': clock(
    'Concurrent mark',
    'Wall time of marking by background workers and assists while the program ran.',
    [],
    'marking ran for {value} alongside the program',
  ),
  'clock.markTermination': go16Phases['clock.markTermination'],
  'cpu.sweepTermination': go16Phases['cpu.sweepTermination'],
  'cpu.scan': cpu(
    'Root scan CPU',
    'CPU of the root scan (one goroutine).',
    'Equal to the scan clock time.',
    [],
    'root scanning used {value} of CPU',
  ),
  'cpu.installWriteBarrier': cpu(
    'Install write barrier CPU',
    'CPU of the write-barrier phase.',
    'Always printed as 0 by Go 1.5.',
    ['Always 0: not measured.'],
    '{value} (always 0 in Go 1.5)',
  ),
  'cpu.assist': go16Phases['cpu.assist'],
  'cpu.background': go16Phases['cpu.background'],
  'cpu.idle': go16Phases['cpu.idle'],
  'cpu.markTermination': go16Phases['cpu.markTermination'],
};

// ------------------------------------------------------------------ Go 1.0 – 1.4

const legacyCommon: Table = {
  gc: e(
    'GC number',
    'count',
    'The number of this collection; the first line is gc1.',
    'Collection count, already incremented.',
    [
      'With gctrace=2 (GOGCTRACE=2 before 1.2) lines come in pairs: the second repeats the collection and finds almost nothing.',
    ],
    '{value} counts the collections since this process started',
  ),
  procs: e(
    'GC threads',
    'threads',
    'How many threads took part in this stop-the-world collection (1 + helpers).',
    'work.nproc; at most 4 in Go 1.0, 8 in 1.1 – 1.3, 32 in 1.4.',
    ['Not GOMAXPROCS: it is the number of GC helpers used.'],
    '{value} threads did this collection',
  ),
  'heap.before': e(
    'Heap before GC',
    'MB',
    'Heap allocated when the collection started.',
    'heap_alloc >> 20.',
    [floorTrap, 'The whole collection is stop-the-world in Go 1.0 – 1.2.'],
    'the heap held {value} when the world stopped',
  ),
  'heap.after': e(
    'Heap after GC',
    'MB',
    'Heap allocated after sweeping: roughly the live heap.',
    'heap_alloc >> 20 after the sweep.',
    [
      floorTrap,
      'This is the value to follow for leaks in Go 1.0 – 1.2; the next GC runs at this × (1 + GOGC/100).',
    ],
    'after the collection {value} was still in use; if it keeps rising, something is holding references',
  ),
  'heap.liveEstimate': e(
    'Live heap estimate (previous GC)',
    'MB',
    'An estimate of the live heap left by the previous collection.',
    'next_gc × 100 / (GOGC + 100).',
    [
      'Go 1.3/1.4 changed the meaning of the pair: the arrow usually points up (48 -> 97 MB), unlike Go 1.0 – 1.2.',
      floorTrap,
    ],
    'about {value} was live after the previous collection',
  ),
  'heap.atGc': e(
    'Heap at this GC',
    'MB',
    'Heap allocated at the end of mark, before sweeping: roughly the heap size at which this GC ran.',
    'heap_alloc >> 20 at mark end.',
    [
      'Not the heap after the GC: sweeping is concurrent from Go 1.3 and not reflected here.',
      floorTrap,
    ],
    'the heap had reached {value} when this collection ran',
  ),
  'objects.before': e(
    'Objects before GC',
    'objects',
    'Live object count before the collection.',
    'nmalloc − nfree before.',
    [],
    '{value} objects before the collection',
  ),
  'objects.after': e(
    'Objects after GC',
    'objects',
    'Live object count after the collection.',
    'nmalloc − nfree after; equals mallocs − frees.',
    [],
    '{value} objects after the collection',
  ),
  'objects.live': e(
    'Objects',
    'objects',
    'Object count nmalloc − nfree.',
    'Cumulative mallocs − frees.',
    ['Frees lag behind because sweeping is lazy from Go 1.3.'],
    '{value} objects not yet freed',
  ),
  mallocs: e(
    'Mallocs (cumulative)',
    'objects',
    'Objects allocated since the program started.',
    'memstats.nmalloc.',
    ['Cumulative, not per cycle.'],
    '{value} allocations since start',
  ),
  frees: e(
    'Frees (cumulative)',
    'objects',
    'Objects freed since the program started.',
    'memstats.nfree.',
    ['Cumulative, not per cycle.'],
    '{value} frees since start',
  ),
  handoff: e(
    'Work hand-offs',
    'count',
    'Times a GC thread handed a work buffer to another.',
    'Parallel marking statistics.',
    ['Only for runtime developers; no bearing on leaks.'],
    '{value} hand-offs',
  ),
  handoffCount: e(
    'Objects handed off',
    'objects',
    'Objects handed over in those hand-offs.',
    'Parallel marking statistics.',
    [],
    '{value} objects handed off',
  ),
  steal: e(
    'Steals',
    'count',
    'Parallel-for steals in the sweep loop.',
    'parfor statistics.',
    [],
    '{value} steals',
  ),
  stealCount: e(
    'Iterations stolen',
    'count',
    'Loop iterations stolen by idle GC threads.',
    'parfor statistics.',
    [],
    '{value} iterations stolen',
  ),
  'yields.spin': e(
    'Spin yields',
    'count',
    'Spin-waits while GC threads waited for work.',
    'GC helper statistics.',
    [],
    '{value} spin yields',
  ),
  'yields.os': e(
    'OS yields',
    'count',
    'OS thread yields while waiting for work.',
    'GC helper statistics.',
    [],
    '{value} OS yields',
  ),
  'yields.sleep': e(
    'Sleeps',
    'count',
    'Sleeps while waiting for work.',
    'GC helper statistics.',
    [],
    '{value} sleeps',
  ),
  'sweeps.spans': e(
    'Spans',
    'spans',
    'Total spans in the heap.',
    'mheap span count.',
    [],
    '{value} spans in the heap',
  ),
  'sweeps.background': e(
    'Swept in background',
    'spans',
    'Spans swept by the background sweeper since the last GC.',
    'Concurrent sweep statistics (Go 1.3+).',
    [],
    '{value} spans swept in the background',
  ),
  'sweeps.pause': e(
    'Swept in the pause',
    'spans',
    'Spans still unswept that this pause had to sweep.',
    'Concurrent sweep statistics.',
    ['Non-zero means the background sweeper fell behind, lengthening the pause.'],
    '{value} spans swept during the pause',
  ),
  goroutines: e(
    'Goroutines',
    'goroutines',
    'Number of goroutines when the GC ran.',
    'Added in Go 1.4 to explain long stack scans.',
    ['Stack scanning was slow then: many goroutines meant long pauses.'],
    '{value} goroutines existed',
  ),
};

function legacyClock(names: [string, string, string][]): Table {
  const t: Table = {};
  for (const [name, title, what] of names)
    t[`clock.${name}`] = e(
      title,
      'ms',
      what,
      'Integer ms (Go 1.0 – 1.2) or µs (1.3 – 1.4), truncated; shown here in ms.',
      [
        'The whole collection was a stop-the-world pause: every phase printed here stopped the program.',
        coarseTimerTrap,
      ],
      `${title.toLowerCase()} took {value}`,
    );
  return t;
}

const go10: Table = {
  ...legacyCommon,
  ...legacyClock([
    ['stopAndMark', 'Stop and mark', 'Stopping the world and marking.'],
    ['sweep', 'Sweep', 'Sweeping, inside the pause.'],
    ['bookkeeping', 'Bookkeeping', 'Finaliser hand-off and statistics after the sweep.'],
  ]),
};
const go11: Table = {
  ...legacyCommon,
  ...legacyClock([
    ['mark', 'Mark', 'Marking, inside the pause.'],
    ['sweep', 'Sweep', 'Sweeping, inside the pause.'],
    ['other', 'Other', 'Stopping the world and setup, plus waiting for helpers and statistics.'],
  ]),
};
const go13: Table = {
  ...legacyCommon,
  ...legacyClock([
    ['stop', 'Stop the world', 'Stopping the world and preparing.'],
    [
      'sweepAndSetup',
      'Finish sweep and set up',
      'Sweeping spans the background sweeper had not finished, plus mark setup.',
    ],
    ['mark', 'Mark', 'Marking, inside the pause.'],
    ['wait', 'Wait and bookkeeping', 'Waiting for helper threads and statistics.'],
  ]),
};

const modern16: Table = { ...modernCommon, ...go16Phases };

/** Explanations of every gc-line field, per era and field name (the `name` of a FieldSpan). */
export const fieldExplanations: Readonly<Record<EraId, Readonly<Table>>> = {
  'go1.0': go10,
  'go1.1-1.2': go11,
  'go1.3': go13,
  'go1.4': go13,
  'go1.0-1.4': { ...go10, ...go11, ...go13 },
  'go1.5beta': { ...modernCommon, ...go15Phases },
  'go1.5': { ...modernCommon, ...go15Phases },
  'go1.6-1.17': modern16,
  'go1.18+': modern16,
  'go1.26+': modern16,
  'go1.5+': { ...modernCommon, ...go15Phases, ...go16Phases },
};

// ------------------------------------------------------------------ companion lines

const kib = 'KiB here is bytes >> 10, floored.';

/** Explanations of companion-line fields, per companion kind and field name. */
export const companionFieldExplanations: Readonly<Record<CompanionKind, Readonly<Table>>> = {
  'gc-forced': {
    notice: e(
      'Periodic forced GC',
      'flag',
      'No GC ran for 2 minutes, so the runtime forced one.',
      'forcegchelper (Go 1.4+) prints it before the GC; Go 1.0 – 1.3 print scvgN: GC forced after it.',
      ['The resulting gc line does not carry (forced).', 'Never happens with GOGC=off.'],
      '{value}: two minutes passed without a collection',
    ),
    counter: e(
      'Scavenger round',
      'count',
      'Scavenger round that forced the GC.',
      'Round counter from 0.',
      [],
      'scavenger round {value}',
    ),
  },
  'scvg-released': {
    forced: e(
      'Forced scavenge',
      'flag',
      'Triggered by debug.FreeOSMemory (Go 1.13 form).',
      'Printed as "forced scvg:".',
      [],
      '{value}: the program asked to return memory',
    ),
    counter: e(
      'Scavenger round',
      'count',
      'Round counter; -1 when triggered by debug.FreeOSMemory (Go 1.2 – 1.12).',
      'Counts from 0.',
      ['Go 1.13 prints scvg: without a number, after every scavenger step.'],
      'scavenger round {value}',
    ),
    released: e(
      'Released to the OS',
      'MB',
      'Memory returned to the operating system in this round.',
      'Bytes >> 20, floored; printed in hex (0x…) by Go 1.0 – 1.1.',
      ['0 MB released is normal: less than 1 MiB.'],
      '{value} returned to the OS',
    ),
  },
  'scvg-inuse': {
    forced: e(
      'Forced scavenge',
      'flag',
      'Triggered by debug.FreeOSMemory (Go 1.13 form).',
      'Printed as "forced scvg:".',
      [],
      '{value}',
    ),
    counter: e(
      'Scavenger round',
      'count',
      'Round counter; -1 for debug.FreeOSMemory.',
      'Counts from 0.',
      [],
      'scavenger round {value}',
    ),
    inuse: e(
      'Heap spans in use',
      'MB',
      'Heap memory in spans that hold objects.',
      'memstats.heap_inuse >> 20.',
      [floorTrap],
      '{value} of heap spans in use',
    ),
    idle: e(
      'Idle heap spans',
      'MB',
      'Free heap spans, including ones returned to the OS.',
      'memstats.heap_idle >> 20.',
      [floorTrap],
      '{value} of idle heap spans',
    ),
    sys: e(
      'Heap from the OS',
      'MB',
      'Heap memory obtained from the operating system.',
      'memstats.heap_sys >> 20.',
      [floorTrap],
      '{value} of heap obtained from the OS',
    ),
    released: e(
      'Returned to the OS',
      'MB',
      'Heap memory given back to the OS so far.',
      'memstats.heap_released >> 20.',
      [floorTrap],
      '{value} given back to the OS',
    ),
    consumed: e(
      'Consumed',
      'MB',
      'Heap memory the process still holds: sys − released.',
      'heap_sys − heap_released.',
      ['Closest to what the OS charges the process for the heap.'],
      '{value} of heap memory held',
    ),
  },
  scav: {
    generation: e(
      'Scavenger generation',
      'count',
      'Scavenger generation (Go 1.15 – 1.18).',
      'Counter.',
      [],
      'generation {value}',
    ),
    work: e(
      'Released since last line',
      'KiB',
      'Memory returned to the OS since the previous scav line.',
      kib,
      [],
      '{value} returned since the last line',
    ),
    workBackground: e(
      'Released in the background',
      'KiB',
      'Memory the background scavenger returned since the previous line.',
      kib,
      [],
      '{value} returned by the background scavenger',
    ),
    workEager: e(
      'Released eagerly',
      'KiB',
      'Memory returned synchronously, e.g. to stay under the memory limit.',
      kib,
      ['Steady eager work means the program is pressing against GOMEMLIMIT.'],
      '{value} returned eagerly',
    ),
    total: e(
      'Released in total',
      'KiB',
      'Heap memory currently returned to the OS.',
      kib,
      [],
      '{value} currently returned to the OS',
    ),
    now: e(
      'Released now',
      'KiB',
      'Heap memory currently returned to the OS.',
      kib,
      ['The Go 1.21+ docs still say "KiB total"; the code prints "KiB now".'],
      '{value} currently returned to the OS',
    ),
    util: e(
      'Heap utilisation',
      '%',
      'In-use heap ÷ retained heap.',
      'Integer percent.',
      [],
      '{value} of retained heap memory is in use',
    ),
    forced: e('Forced', 'flag', 'From debug.FreeOSMemory.', '', [], '{value}'),
    controllerReset: e(
      'Controller reset',
      'flag',
      'The scavenger’s rate controller was reset.',
      '',
      [],
      '{value}',
    ),
  },
  'pacer-assist': {
    assistRatio: e(
      'Assist ratio',
      'work/byte',
      'Scan work a goroutine must do per byte it allocates during marking.',
      'Pacer startCycle.',
      ['Floats print as +d.dddddde±ddd up to Go 1.25, shortest form from 1.26.'],
      'assist ratio {value}',
    ),
    scan: e(
      'Scannable heap',
      'MB',
      'Heap the pacer expects to scan.',
      'MB.',
      [floorTrap],
      '{value} to scan',
    ),
    heapStart: e(
      'Heap at start',
      'MB',
      'Heap when the cycle started.',
      'MB.',
      [floorTrap],
      'heap {value} at the start',
    ),
    goal: e(
      'Goal',
      'MB',
      'Heap goal of the cycle.',
      'MB; 8796093022191 with GOGC=off.',
      [floorTrap],
      'goal {value}',
    ),
    dedicatedWorkers: e(
      'Dedicated workers',
      'workers',
      'Dedicated background mark workers.',
      'Pacer.',
      [],
      '{value} dedicated workers',
    ),
    fractionalWorkers: e(
      'Fractional workers',
      'workers',
      'Fractional worker count (1.5 – 1.9) or utilisation goal (1.10+).',
      'Pacer; the doubled plus (workers=2++0.0…) comes from the float sign.',
      [],
      'fractional {value}',
    ),
  },
  'pacer-end-old': Object.fromEntries(
    [
      ['markedPrevious', 'H_m_prev: bytes marked by the previous cycle'],
      ['triggerRatio', 'h_t: trigger ratio'],
      ['trigger', 'H_T: trigger heap size'],
      ['actualRatio', 'h_a: actual growth ratio'],
      ['heapActual', 'H_a: heap at end of cycle'],
      ['goalRatio', 'h_g: goal ratio (GOGC/100)'],
      ['goal', 'H_g: goal heap size'],
      ['utilisationActual', 'u_a: actual CPU utilisation'],
      ['utilisationGoal', 'u_g: goal CPU utilisation'],
      ['scanWork', 'W_a: scan work done'],
      ['goalDelta', 'goalΔ'],
      ['actualDelta', 'actualΔ'],
      ['utilisationRatio', 'u_a/u_g'],
    ].map(([name, title]) => [
      name,
      e(
        title,
        '',
        `${title} (old pacer end-of-cycle line, Go 1.5 – 1.17).`,
        'Pacer endCycle; byte counts are exact integers.',
        ['Internal pacer state, for runtime developers.'],
        `${title}: {value}`,
      ),
    ]),
  ),
  'pacer-end': {
    cpu: e(
      'Mark CPU utilisation',
      '%',
      'Actual CPU utilisation of marking.',
      'Integer percent.',
      [],
      '{value} CPU during marking',
    ),
    cpuExpected: e(
      'Expected utilisation',
      '%',
      'The goal utilisation (25%).',
      '',
      [],
      'goal {value}',
    ),
    heapWork: e('Heap scan work', 'B', 'Heap bytes scanned.', '', [], '{value} of heap scanned'),
    stackWork: e(
      'Stack scan work',
      'B',
      'Stack bytes scanned.',
      '',
      [],
      '{value} of stacks scanned',
    ),
    globalsWork: e(
      'Globals scan work',
      'B',
      'Global bytes scanned.',
      '',
      [],
      '{value} of globals scanned',
    ),
    workExpected: e(
      'Expected scan work',
      'B',
      'Scan work the pacer expected.',
      '',
      [],
      '{value} expected',
    ),
    trigger: e(
      'Trigger heap',
      'B',
      'Heap size when the cycle was triggered.',
      '',
      [],
      'triggered at {value}',
    ),
    heapLive: e(
      'Heap at end',
      'B',
      'Heap size at the end of the cycle.',
      '',
      [],
      '{value} at the end',
    ),
    goalDelta: e(
      '∆goal',
      'B',
      'End heap − goal; negative means the cycle finished under the goal.',
      'Signed bytes.',
      ['U+2206 ∆, not the Greek Δ of the old pacer line.'],
      '{value} from the goal',
    ),
    consMark: e(
      'cons/mark',
      'ratio',
      'Estimated allocation-to-scan rate ratio.',
      'Float.',
      [],
      'cons/mark {value}',
    ),
    controllerReset: e(
      'Controller reset',
      'flag',
      'Printed only by Go 1.18 – 1.19.',
      '',
      [],
      '{value}',
    ),
  },
  'pacer-sweep-done': {
    heap: e(
      'Heap when sweeping finished',
      'MB',
      'Heap size when sweeping finished.',
      'MB written without a space.',
      [floorTrap],
      '{value}',
    ),
    allocated: e(
      'Allocated during sweep',
      'MB',
      'Allocated while sweeping ran.',
      'MB.',
      [],
      '{value} allocated during sweep',
    ),
    swept: e('Pages swept', 'pages', 'Pages swept.', '', [], '{value} pages'),
    pagesPerByte: e(
      'Sweep pacing',
      'pages/byte',
      'Proportional sweep rate.',
      'Float.',
      [],
      '{value} pages/byte',
    ),
  },
  'scan-total': {},
  'scan-class': {},
  sched: {},
  'sched-detail': {},
  init: {
    package: e('Package', '', 'The package whose init ran.', 'inittrace=1.', [], 'package {value}'),
    at: e(
      'Start',
      'ms',
      'When the init started, since program start.',
      'fmtNSAsMS.',
      [],
      'started at {value}',
    ),
    clock: e(
      'Init time',
      'ms',
      'Wall time of the package’s init.',
      'fmtNSAsMS.',
      [],
      'took {value}',
    ),
    bytes: e(
      'Bytes allocated',
      'B',
      'Heap bytes allocated by the init.',
      '',
      [],
      '{value} allocated',
    ),
    allocs: e(
      'Allocations',
      'count',
      'Allocations made by the init.',
      '',
      [],
      '{value} allocations',
    ),
  },
  checkfinalizers: {
    finalizers: e(
      'Queued finalizers',
      'count',
      'Finalizers waiting to run.',
      'checkfinalizers=1 (Go 1.25+).',
      ['A growing queue means finalizers cannot keep up.'],
      '{value} finalizers queued',
    ),
    cleanups: e(
      'Queued cleanups',
      'count',
      'runtime.AddCleanup functions waiting to run.',
      'checkfinalizers=1.',
      [],
      '{value} cleanups queued',
    ),
  },
  'mstats-skew': {},
  'alloc-trace': {},
};

/** Generic texts for fields of kinds without their own entry (counts in scan: and SCHED lines). */
const genericByKind: Partial<Record<FieldKind, FieldExplanation>> = {
  objects: e('Objects', 'objects', 'Object count.', '', [], '{value} objects'),
  count: e('Count', 'count', 'A count printed by the runtime.', '', [], '{value}'),
  procs: modernCommon.procs,
  time: e('Time', 'ms', 'A time printed by the runtime.', '', [], '{value}'),
  label: e('Label', '', 'Text printed by the runtime.', '', [], '{value}'),
};

/** What `explainAt` returns: the field under the cursor (or the diagnostic there) in plain words. */
export interface Explanation {
  field: string;
  kind: FieldKind | 'diagnostic';
  range: { line: number; startColumn: number; endColumn: number };
  title: string;
  /** The printed text. */
  value: string;
  valueInContext: string;
  explanation: string;
  unit: string;
  metric?: string;
  traps: string[];
  /** Messages of diagnostics that touch this column. */
  diagnostics: string[];
}

function eraOfLine(parsed: ParsedTrace, line: number): EraId {
  for (const c of parsed.cycles) if (c.line <= line && line <= c.endLine) return c.era;
  return 'go1.5+';
}

/** The printed text with its unit, unless the text already carries it ("@9.951s", "44 MB goal"). */
function withUnit(text: string, unit: string): string {
  const suffix =
    unit === 'MB' || unit === 'KiB' || unit === 'B' || unit === 'ms'
      ? ` ${unit}`
      : unit === 's' || unit === '%'
        ? unit
        : '';
  if (suffix === '') return text;
  // Fields printed with their label ("44 MB goal") read best as the number and unit alone.
  const number = /^-?\d+(?:\.\d+)?/.exec(text)?.[0];
  if (number !== undefined && number !== text) return number + suffix;
  return text.endsWith(unit) ? text : text + suffix;
}

/** Explains the field (or diagnostic) at a 1-based line and column; null where there is nothing to say. */
export function explainAt(parsed: ParsedTrace, line: number, column: number): Explanation | null {
  const kind = lineKindAt(parsed, line);
  if (kind === null) return null;
  const diagnostics = parsed.diagnostics.filter(
    (d) => d.line === line && column >= d.column && column <= d.column + Math.max(d.length, 1),
  );
  const fields =
    kind === 'cycle' || kind === 'companion' || kind === 'diagnostic'
      ? lineFields(parsed, line)
      : [];
  const field = fields.find(
    (f) => f.line === line && column >= f.startColumn && column < f.endColumn,
  );
  if (field === undefined) {
    const d = diagnostics.find((x) => x.severity !== 'info') ?? diagnostics[0];
    if (d === undefined) return null;
    return {
      field: d.kind,
      kind: 'diagnostic',
      range: { line, startColumn: d.column, endColumn: d.column + Math.max(d.length, 1) },
      title: d.severity === 'error' ? 'Problem' : d.severity === 'warning' ? 'Warning' : 'Note',
      value: lineText(parsed, line).slice(d.column - 1, d.column - 1 + d.length),
      valueInContext: d.message,
      explanation: d.message,
      unit: '',
      traps: [],
      diagnostics: diagnostics.map((x) => x.message),
    };
  }
  const companion =
    kind === 'companion'
      ? parsed.companions.find((c) => c.line === line && c.fields.includes(field))
      : undefined;
  const info =
    companion !== undefined
      ? (companionFieldExplanations[companion.kind][field.name] ?? genericByKind[field.kind])
      : (fieldExplanations[eraOfLine(parsed, line)][field.name] ??
        fieldExplanations['go1.5+'][field.name] ??
        genericByKind[field.kind]);
  const title = info?.title ?? field.name;
  const unit = info?.unit ?? '';
  const shown =
    field.kind === 'clock' &&
    fieldExplanations['go1.0-1.4'][field.name] !== undefined &&
    /us/.test(lineText(parsed, line))
      ? `${field.text} µs`
      : withUnit(field.text, unit);
  const explanation =
    info === undefined
      ? `${title}.`
      : info.computed !== ''
        ? `${info.what} ${info.computed}`
        : info.what;
  const where = companion !== undefined ? ` (${companionLabels[companion.kind]})` : '';
  const result: Explanation = {
    field: field.name,
    kind: field.kind,
    range: { line, startColumn: field.startColumn, endColumn: field.endColumn },
    title: title + where,
    value: field.text,
    valueInContext: (info?.inContext ?? `${title}: {value}`).split('{value}').join(shown),
    explanation,
    unit,
    traps: info?.traps ?? [],
    diagnostics: diagnostics.map((x) => x.message),
  };
  if (info?.metric !== undefined) result.metric = info.metric;
  return result;
}
