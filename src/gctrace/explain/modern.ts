/** Explanations of the Go 1.5+ gc-line fields other than the phase times. */
import { floorTrap, type ExplanationTable } from './field-explanation.ts';

/** gc #, @#s, #%, the heap triple, goal, stacks, globals, P and (forced), as printed by Go 1.5+. */
export const modernFields: ExplanationTable = {
  gc: {
    title: 'GC cycle number',
    unit: 'count',
    what: 'The number of this garbage collection since the program started; the first line is gc 1.',
    computed:
      'memstats.numgc, incremented at mark termination, just before the line is printed (Go 1.5+).',
    metric: '/gc/cycles/total:gc-cycles',
    traps: [
      'Numbering restarts at 1 in every process: `go run` and `go test` also print the traces of the go command, compiler, linker and test binaries.',
      'A gap in the numbers means trace lines were lost, not that cycles were skipped.',
    ],
    inContext: '{value} counts the collections since this process started',
  },
  at: {
    title: 'Start time',
    unit: 's',
    what: 'Wall-clock time from program start to the start of this cycle.',
    computed:
      '(cycle start − runtime init time) truncated to whole ms, printed with exactly 3 decimals (itoaDiv).',
    traps: [
      'It is when the cycle started; it ends the sum of the clock phases later.',
      'Go 1.9.0 and 1.9.1 on macOS and Windows printed bogus values such as @18446653480.186s (golang/go#21554).',
    ],
    inContext: 'started {value} after the program started',
  },
  cpuPercent: {
    title: 'GC CPU since program start',
    unit: '%',
    what: 'Share of all available CPU (GOMAXPROCS × wall time since start) that the GC has used so far.',
    computed:
      'int(gc_cpu_fraction × 100), truncated. Counts stop-the-world CPU, assists and background mark workers; idle mark workers are left out.',
    traps: [
      'Cumulative since the program started, not this cycle: late in a long run a burst of GC work hardly moves it. Compare the per-interval GC CPU in the analysis.',
      'Truncated: 0% means under 1%.',
      'Go 1.5 – 1.9.2 under-counted stop-the-world CPU on big machines; from 1.23 pauses count as pause × GOMAXPROCS, so it can be a little above a recomputation from the printed fields.',
    ],
    inContext:
      'GC has used {value} of the available CPU since the program started (cumulative, not this cycle)',
  },
  leakCheck: {
    title: 'Goroutine-leak check',
    unit: 'flag',
    what: 'This cycle also looked for goroutines blocked forever on unreachable channels or locks.',
    computed:
      'Printed between % and : when the cycle was started for goroutine-leak detection (Go 1.26 with GOEXPERIMENT=goroutineleakprofile; the goroutineleak profile in 1.27).',
    traps: [
      'Started through runtime.GC(), so the line normally also ends with (forced); leave it out of heap-trend reasoning.',
      'Not mentioned in the runtime documentation (runtime/extern.go).',
    ],
    inContext: 'this cycle {value}: it was started to find leaked goroutines',
  },
  'heap.start': {
    title: 'Heap at cycle start',
    unit: 'MB',
    what: 'Heap in use (heap_live) when the cycle started.',
    computed: 'heap_live >> 20 before the first stop-the-world phase.',
    traps: [
      floorTrap,
      'It can be above the goal: the cycle started late.',
      'Start heap − previous line’s live heap = what the program allocated between the two cycles.',
    ],
    inContext: 'the heap held {value} when this cycle started',
  },
  'heap.end': {
    title: 'Heap at end of marking',
    unit: 'MB',
    what: 'Heap in use when mark termination began: the start heap plus what the program allocated while marking ran.',
    computed: 'heap_live >> 20 at the start of mark termination.',
    traps: [
      floorTrap,
      'End − start = allocated during this cycle; end − live = garbage this cycle found.',
      'Above the goal means the heap overshot the goal before marking finished.',
    ],
    inContext: 'the heap had grown to {value} by the end of marking',
  },
  'heap.live': {
    title: 'Live heap (marked)',
    unit: 'MB',
    what: 'Bytes this cycle marked reachable: the heap the program still holds on to.',
    computed: 'heap_marked >> 20, the basis of the next goal.',
    metric: '/gc/heap/live:bytes',
    traps: [
      'This is the number to watch for leaks: a rise over many non-forced cycles that does not level off means something keeps references.',
      floorTrap,
      'The Go 1.21 docs point this field at /gc/scan/heap:bytes, which is the scannable heap, a different quantity.',
    ],
    inContext:
      'live heap {value}: memory still reachable after this cycle; if it keeps rising from cycle to cycle, something is holding references',
  },
  goal: {
    title: 'Heap goal',
    unit: 'MB',
    what: 'The heap size at which the pacer aimed to finish this cycle.',
    computed:
      'Previous live heap × (1 + GOGC/100); from Go 1.18 plus (stacks + globals) × GOGC/100; from 1.19 capped by the memory limit (GOMEMLIMIT).',
    metric: '/gc/heap/goal:bytes',
    traps: [
      'A goal of 13 digits means there is no goal (GOGC=off, no memory limit): 17592186044415 MB in Go 1.9 – 1.18; from 1.19 a figure worked out from the largest memory limit, about 8796093022xxx MB in 1.19 and 8532210231xxx MB from 1.21, whose last digits change between processes and cycles.',
      'A goal about 1 MB above the start heap (Go 1.6 – 1.17; 64 KiB from 1.18) is the pacer lifting a late goal, not GOGC.',
      'A goal that stays put while the live heap rises means the memory limit, not GOGC, sets it.',
      'Forced cycles before Go 1.9 print the start heap as the goal.',
      floorTrap,
    ],
    inContext: 'heap goal {value}: the GC planned to finish before the heap reached this size',
  },
  stacks: {
    title: 'Scannable goroutine stacks',
    unit: 'MB',
    what: 'Goroutine stack memory the GC scans; part of the goal since Go 1.18.',
    computed:
      '1.18: scannable stack snapshot; 1.19: maxStackScan (all allocated stack); 1.20+: lastStackScan, stack bytes scanned in this cycle.',
    metric: '/gc/scan/stack:bytes',
    traps: [
      'Go 1.19 prints an over-estimate that the goal did not use (golang/go#54649).',
      floorTrap,
      'Printed since Go 1.18, though the docs listed it only in 1.19.',
    ],
    inContext: 'stacks {value}: goroutine stack memory counted in the next goal',
  },
  globals: {
    title: 'Scannable globals',
    unit: 'MB',
    what: 'Size of the global variables (data and bss) the GC scans; part of the goal since Go 1.18.',
    computed: 'globalsScan >> 20.',
    metric: '/gc/scan/globals:bytes',
    traps: [floorTrap, 'Usually constant for the life of a process.'],
    inContext: 'globals {value}: global data the GC scans every cycle',
  },
  procs: {
    title: 'P count (GOMAXPROCS)',
    unit: 'P',
    what: 'The number of Ps, i.e. GOMAXPROCS: how many goroutines can run Go code at once.',
    computed:
      'GOMAXPROCS when the cycle started, read at sweep termination (Go 1.5+: maxprocs, later work.maxprocs).',
    metric: '/sched/gomaxprocs:threads',
    traps: [
      'It can change between lines: runtime.GOMAXPROCS calls, and from Go 1.25 the container-aware default updates itself.',
      'Not the CPU count: from Go 1.10 the sweep-termination CPU ÷ clock ratio reveals min(P, NumCPU).',
    ],
    inContext: '{value}: up to that many goroutines ran Go code at once',
  },
  forced: {
    title: 'Forced cycle',
    unit: 'flag',
    what: 'The cycle was requested by the program (runtime.GC or debug.FreeOSMemory) rather than started by heap growth.',
    computed:
      'Go 1.5 – 1.8: any cycle not in background mode (also GODEBUG=gcstoptheworld); 1.9+: work.userForced.',
    traps: [
      'Leave forced cycles out of leak and GOGC reasoning: they run at an arbitrary heap size.',
      'Before Go 1.20 the flag can sit on the wrong line when runtime.GC() overlaps a heap-triggered cycle (golang/go#52515).',
      'The 2-minute periodic GC (the `GC forced` line) is not marked (forced).',
    ],
    inContext:
      '{value}: the program asked for this collection, so its heap numbers say little about the steady state',
  },
};
