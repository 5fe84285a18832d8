/** Explanations of the Go 1.0 – 1.4 gc-line fields: `gc<N>(<procs>): <times> ms|us, <H0> -> <H1> MB …`. */
import { coarseTimerTrap, floorTrap, type ExplanationTable } from './field-explanation.ts';

/** The fields every Go 1.0 – 1.4 line shares, all but the phase times. */
export const legacyFields: ExplanationTable = {
  gc: {
    title: 'GC number',
    unit: 'count',
    what: 'The number of this collection; the first line is gc1.',
    computed: 'Collection count, already incremented.',
    traps: [
      'With gctrace=2 (GOGCTRACE=2 before 1.2) lines come in pairs: the second repeats the collection and finds almost nothing.',
    ],
    inContext: '{value} counts the collections since this process started',
  },
  procs: {
    title: 'GC threads',
    unit: 'threads',
    what: 'How many threads took part in this stop-the-world collection (1 + helpers).',
    computed: 'work.nproc; at most 4 in Go 1.0, 8 in 1.1 – 1.3, 32 in 1.4.',
    traps: ['Not GOMAXPROCS: it is the number of GC helpers used.'],
    inContext: '{value} threads did this collection',
  },
  'heap.before': {
    title: 'Heap before GC',
    unit: 'MB',
    what: 'Heap allocated when the collection started.',
    computed: 'heap_alloc >> 20.',
    traps: [floorTrap, 'The whole collection is stop-the-world in Go 1.0 – 1.2.'],
    inContext: 'the heap held {value} when the world stopped',
  },
  'heap.after': {
    title: 'Heap after GC',
    unit: 'MB',
    what: 'Heap allocated after sweeping: roughly the live heap.',
    computed: 'heap_alloc >> 20 after the sweep.',
    traps: [
      floorTrap,
      'This is the value to follow for leaks in Go 1.0 – 1.2; the next GC runs at this × (1 + GOGC/100).',
    ],
    inContext:
      'after the collection {value} was still in use; if it keeps rising, something is holding references',
  },
  'heap.liveEstimate': {
    title: 'Live heap estimate (previous GC)',
    unit: 'MB',
    what: 'An estimate of the live heap left by the previous collection.',
    computed: 'next_gc × 100 / (GOGC + 100).',
    traps: [
      'Go 1.3/1.4 changed the meaning of the pair: the arrow usually points up (48 -> 97 MB), unlike Go 1.0 – 1.2.',
      floorTrap,
    ],
    inContext: 'about {value} was live after the previous collection',
  },
  'heap.atGc': {
    title: 'Heap at this GC',
    unit: 'MB',
    what: 'Heap allocated at the end of mark, before sweeping: roughly the heap size at which this GC ran.',
    computed: 'heap_alloc >> 20 at mark end.',
    traps: [
      'Not the heap after the GC: sweeping is concurrent from Go 1.3 and not reflected here.',
      floorTrap,
    ],
    inContext: 'the heap had reached {value} when this collection ran',
  },
  'objects.before': {
    title: 'Objects before GC',
    unit: 'objects',
    what: 'Live object count before the collection.',
    computed: 'nmalloc − nfree before.',
    traps: [],
    inContext: '{value} objects before the collection',
  },
  'objects.after': {
    title: 'Objects after GC',
    unit: 'objects',
    what: 'Live object count after the collection.',
    computed: 'nmalloc − nfree after; equals mallocs − frees.',
    traps: [],
    inContext: '{value} objects after the collection',
  },
  'objects.live': {
    title: 'Objects',
    unit: 'objects',
    what: 'Object count nmalloc − nfree.',
    computed: 'Cumulative mallocs − frees.',
    traps: ['Frees lag behind because sweeping is lazy from Go 1.3.'],
    inContext: '{value} objects not yet freed',
  },
  mallocs: {
    title: 'Mallocs (cumulative)',
    unit: 'objects',
    what: 'Objects allocated since the program started.',
    computed: 'memstats.nmalloc.',
    traps: ['Cumulative, not per cycle.'],
    inContext: '{value} allocations since start',
  },
  frees: {
    title: 'Frees (cumulative)',
    unit: 'objects',
    what: 'Objects freed since the program started.',
    computed: 'memstats.nfree.',
    traps: ['Cumulative, not per cycle.'],
    inContext: '{value} frees since start',
  },
  handoff: {
    title: 'Work hand-offs',
    unit: 'count',
    what: 'Times a GC thread handed a work buffer to another.',
    computed: 'Parallel marking statistics.',
    traps: ['Only for runtime developers; no bearing on leaks.'],
    inContext: '{value} hand-offs',
  },
  handoffCount: {
    title: 'Objects handed off',
    unit: 'objects',
    what: 'Objects handed over in those hand-offs.',
    computed: 'Parallel marking statistics.',
    traps: [],
    inContext: '{value} objects handed off',
  },
  steal: {
    title: 'Steals',
    unit: 'count',
    what: 'Parallel-for steals in the sweep loop.',
    computed: 'parfor statistics.',
    traps: [],
    inContext: '{value} steals',
  },
  stealCount: {
    title: 'Iterations stolen',
    unit: 'count',
    what: 'Loop iterations stolen by idle GC threads.',
    computed: 'parfor statistics.',
    traps: [],
    inContext: '{value} iterations stolen',
  },
  'yields.spin': {
    title: 'Spin yields',
    unit: 'count',
    what: 'Spin-waits while GC threads waited for work.',
    computed: 'GC helper statistics.',
    traps: [],
    inContext: '{value} spin yields',
  },
  'yields.os': {
    title: 'OS yields',
    unit: 'count',
    what: 'OS thread yields while waiting for work.',
    computed: 'GC helper statistics.',
    traps: [],
    inContext: '{value} OS yields',
  },
  'yields.sleep': {
    title: 'Sleeps',
    unit: 'count',
    what: 'Sleeps while waiting for work.',
    computed: 'GC helper statistics.',
    traps: [],
    inContext: '{value} sleeps',
  },
  'sweeps.spans': {
    title: 'Spans',
    unit: 'spans',
    what: 'Total spans in the heap.',
    computed: 'mheap span count.',
    traps: [],
    inContext: '{value} spans in the heap',
  },
  'sweeps.background': {
    title: 'Swept in background',
    unit: 'spans',
    what: 'Spans swept by the background sweeper since the last GC.',
    computed: 'Concurrent sweep statistics (Go 1.3+).',
    traps: [],
    inContext: '{value} spans swept in the background',
  },
  'sweeps.pause': {
    title: 'Swept in the pause',
    unit: 'spans',
    what: 'Spans still unswept that this pause had to sweep.',
    computed: 'Concurrent sweep statistics.',
    traps: ['Non-zero means the background sweeper fell behind, lengthening the pause.'],
    inContext: '{value} spans swept during the pause',
  },
  goroutines: {
    title: 'Goroutines',
    unit: 'goroutines',
    what: 'Number of goroutines when the GC ran.',
    computed: 'Added in Go 1.4 to explain long stack scans.',
    traps: ['Stack scanning was slow then: many goroutines meant long pauses.'],
    inContext: '{value} goroutines existed',
  },
};

const legacyClockComputed =
  'Integer ms (Go 1.0 – 1.2) or µs (1.3 – 1.4), truncated; shown here in ms.';
const legacyPauseTrap =
  'The whole collection was a stop-the-world pause: every phase printed here stopped the program.';

/** Go 1.0: `stop and mark + sweep + bookkeeping`. */
export const go10Phases: ExplanationTable = {
  'clock.stopAndMark': {
    title: 'Stop and mark',
    unit: 'ms',
    what: 'Stopping the world and marking.',
    computed: legacyClockComputed,
    traps: [legacyPauseTrap, coarseTimerTrap],
    inContext: 'stop and mark took {value}',
  },
  'clock.sweep': {
    title: 'Sweep',
    unit: 'ms',
    what: 'Sweeping, inside the pause.',
    computed: legacyClockComputed,
    traps: [legacyPauseTrap, coarseTimerTrap],
    inContext: 'sweep took {value}',
  },
  'clock.bookkeeping': {
    title: 'Bookkeeping',
    unit: 'ms',
    what: 'Finaliser hand-off and statistics after the sweep.',
    computed: legacyClockComputed,
    traps: [legacyPauseTrap, coarseTimerTrap],
    inContext: 'bookkeeping took {value}',
  },
};

/** Go 1.1 – 1.2: `mark + sweep + other`. */
export const go11Phases: ExplanationTable = {
  'clock.mark': {
    title: 'Mark',
    unit: 'ms',
    what: 'Marking, inside the pause.',
    computed: legacyClockComputed,
    traps: [legacyPauseTrap, coarseTimerTrap],
    inContext: 'mark took {value}',
  },
  'clock.sweep': {
    title: 'Sweep',
    unit: 'ms',
    what: 'Sweeping, inside the pause.',
    computed: legacyClockComputed,
    traps: [legacyPauseTrap, coarseTimerTrap],
    inContext: 'sweep took {value}',
  },
  'clock.other': {
    title: 'Other',
    unit: 'ms',
    what: 'Stopping the world and setup, plus waiting for helpers and statistics.',
    computed: legacyClockComputed,
    traps: [legacyPauseTrap, coarseTimerTrap],
    inContext: 'other took {value}',
  },
};

/** Go 1.3 – 1.4: `stop + sweep and setup + mark + wait`. */
export const go13Phases: ExplanationTable = {
  'clock.stop': {
    title: 'Stop the world',
    unit: 'ms',
    what: 'Stopping the world and preparing.',
    computed: legacyClockComputed,
    traps: [legacyPauseTrap, coarseTimerTrap],
    inContext: 'stop the world took {value}',
  },
  'clock.sweepAndSetup': {
    title: 'Finish sweep and set up',
    unit: 'ms',
    what: 'Sweeping spans the background sweeper had not finished, plus mark setup.',
    computed: legacyClockComputed,
    traps: [legacyPauseTrap, coarseTimerTrap],
    inContext: 'finish sweep and set up took {value}',
  },
  'clock.mark': {
    title: 'Mark',
    unit: 'ms',
    what: 'Marking, inside the pause.',
    computed: legacyClockComputed,
    traps: [legacyPauseTrap, coarseTimerTrap],
    inContext: 'mark took {value}',
  },
  'clock.wait': {
    title: 'Wait and bookkeeping',
    unit: 'ms',
    what: 'Waiting for helper threads and statistics.',
    computed: legacyClockComputed,
    traps: [legacyPauseTrap, coarseTimerTrap],
    inContext: 'wait and bookkeeping took {value}',
  },
};
