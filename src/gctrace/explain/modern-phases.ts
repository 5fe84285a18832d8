/** Explanations of the phase times of the Go 1.5+ gc line: `#+#+# ms clock, #+#/#/#+# ms cpu`. */
import { coarseTimerTrap, fmtTrap, stwTrap, type ExplanationTable } from './field-explanation.ts';

const phaseClockComputed =
  'fmtNSAsMS of the time between two of the cycle’s timestamps (wall time).';

/** Go 1.6+: three clock phases and five CPU values. */
export const go16Phases: ExplanationTable = {
  'clock.sweepTermination': {
    title: 'Sweep termination (stop-the-world)',
    unit: 'ms',
    what: 'Wall time of the first pause: finish sweeping, stop the world, turn on the write barrier, restart.',
    computed: phaseClockComputed,
    traps: [
      stwTrap,
      'Includes the time to stop every goroutine: long values can mean a goroutine did not reach a safe point (tight loops before Go 1.14).',
      fmtTrap,
      coarseTimerTrap,
    ],
    inContext: 'the first stop-the-world pause took {value}',
  },
  'clock.concurrentMark': {
    title: 'Concurrent mark and scan',
    unit: 'ms',
    what: 'Wall time of marking while the program keeps running.',
    computed: phaseClockComputed,
    traps: [
      'Not a pause: the program runs, though goroutines that allocate may be drafted into mark assists.',
      fmtTrap,
      coarseTimerTrap,
    ],
    inContext: 'marking ran for {value} alongside the program',
  },
  'clock.markTermination': {
    title: 'Mark termination (stop-the-world)',
    unit: 'ms',
    what: 'Wall time of the second pause: finish marking, turn off the write barrier, prepare sweeping.',
    computed: phaseClockComputed,
    traps: [
      stwTrap,
      'Go 1.5 – 1.11 with gctrace=2 also hid a repeated full collection here.',
      fmtTrap,
      coarseTimerTrap,
    ],
    inContext: 'the second stop-the-world pause took {value}',
  },
  'cpu.sweepTermination': {
    title: 'Sweep termination CPU',
    unit: 'ms',
    what: 'CPU time of the first pause.',
    computed:
      'clock × stwprocs: gcprocs() up to Go 1.9.2, min(GOMAXPROCS, NumCPU) from 1.9.3/1.10.',
    traps: ['From Go 1.10, this ÷ its clock time reveals min(P, NumCPU).', fmtTrap],
    inContext: '{value} of CPU went into the first pause',
  },
  'cpu.assist': {
    title: 'Mark assist CPU',
    unit: 'ms',
    what: 'CPU spent by the program’s own goroutines helping the GC mark, because they allocated while marking ran.',
    computed: 'Sum of assist time over all goroutines in this cycle.',
    traps: [
      'A large share of assist CPU means allocation is outpacing the background workers: the program itself slows down.',
      fmtTrap,
    ],
    inContext:
      'goroutines spent {value} helping the GC (mark assists) instead of doing their own work',
  },
  'cpu.background': {
    title: 'Background mark CPU',
    unit: 'ms',
    what: 'CPU of the dedicated and fractional background mark workers.',
    computed: 'Sum of dedicated + fractional mark worker time.',
    traps: ['The pacer aims at 25% of GOMAXPROCS for background marking.', fmtTrap],
    inContext: 'background mark workers used {value} of CPU',
  },
  'cpu.idle': {
    title: 'Idle mark CPU',
    unit: 'ms',
    what: 'CPU of mark workers that ran only on Ps that had nothing else to do.',
    computed: 'Sum of idle-priority mark worker time.',
    traps: ['Not counted in the GC CPU %: it used CPU nobody else wanted.', fmtTrap],
    inContext: 'idle Ps spent {value} marking (free CPU, not counted as GC cost)',
  },
  'cpu.markTermination': {
    title: 'Mark termination CPU',
    unit: 'ms',
    what: 'CPU time of the second pause.',
    computed: 'clock × stwprocs.',
    traps: [fmtTrap],
    inContext: '{value} of CPU went into the second pause',
  },
};

/** Go 1.5: five clock phases and seven CPU values; the pauses read as in Go 1.6. */
export const go15Phases: ExplanationTable = {
  'clock.sweepTermination': go16Phases['clock.sweepTermination'],
  'clock.scan': {
    title: 'Root scan (concurrent)',
    unit: 'ms',
    what: 'Wall time the GC coordinator spent scanning roots (stacks, globals) while the program ran.',
    computed: phaseClockComputed,
    traps: ['Go 1.5 only: Go 1.6 folded it into the mark phase.', fmtTrap, coarseTimerTrap],
    inContext: 'root scanning took {value}',
  },
  'clock.installWriteBarrier': {
    title: 'Synchronise Ps (install write barrier)',
    unit: 'ms',
    what: 'Wall time of the ragged barrier that turned on the write barrier on every P.',
    computed: phaseClockComputed,
    traps: [
      'Not stop-the-world in the 1.5 release, so it is not part of the pause.',
      fmtTrap,
      coarseTimerTrap,
    ],
    inContext: 'turning on the write barrier took {value}',
  },
  'clock.mark': {
    title: 'Concurrent mark',
    unit: 'ms',
    what: 'Wall time of marking by background workers and assists while the program ran.',
    computed: phaseClockComputed,
    traps: [fmtTrap, coarseTimerTrap],
    inContext: 'marking ran for {value} alongside the program',
  },
  'clock.markTermination': go16Phases['clock.markTermination'],
  'cpu.sweepTermination': go16Phases['cpu.sweepTermination'],
  'cpu.scan': {
    title: 'Root scan CPU',
    unit: 'ms',
    what: 'CPU of the root scan (one goroutine).',
    computed: 'Equal to the scan clock time.',
    traps: [fmtTrap],
    inContext: 'root scanning used {value} of CPU',
  },
  'cpu.installWriteBarrier': {
    title: 'Install write barrier CPU',
    unit: 'ms',
    what: 'CPU of the write-barrier phase.',
    computed: 'Always printed as 0 by Go 1.5.',
    traps: ['Always 0: not measured.', fmtTrap],
    inContext: '{value} (always 0 in Go 1.5)',
  },
  'cpu.assist': go16Phases['cpu.assist'],
  'cpu.background': go16Phases['cpu.background'],
  'cpu.idle': go16Phases['cpu.idle'],
  'cpu.markTermination': go16Phases['cpu.markTermination'],
};
