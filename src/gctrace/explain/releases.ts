/**
 * gc-line fields whose meaning changed between Go releases, as read in each release's runtime
 * source (content/facts.md). With a known release a hover says what that release prints;
 * without one it says, in one sentence, what each release prints.
 */
import type { FieldExplanation } from './field-explanation.ts';

/** What one range of releases prints (minor versions of Go 1, inclusive). */
interface ReleaseText {
  from: number;
  to: number;
  text: string;
}

/** A release-dependent part of a field's explanation. */
interface ReleaseDependent {
  /** Which part of the general explanation the release's text replaces. */
  replaces: 'computed' | { trap: RegExp };
  releases: readonly ReleaseText[];
  /** One short sentence naming each range of releases, for when the release is not known. */
  unknown: string;
}

/** The Go releases whose runtime source was read: 1.19 and 1.21 – 1.27 (1.20 is not in Debian). */
const checked = (minor: number) => minor === 19 || (minor >= 21 && minor <= 27);

// runtime/mgcpacer.go, memoryLimitHeapGoal: with GOGC=off and no limit the goal comes from
// maxInt64 minus a headroom (1 MiB in 1.19, 3 % from 1.21) and the non-heap memory of the moment.
const goalWithoutLimit: ReleaseDependent = {
  replaces: { trap: /no goal/ },
  releases: [
    {
      from: 19,
      to: 19,
      text: 'A goal just under 8796093022207 MB means there is no goal (GOGC=off, no memory limit); Go 1.19 derives it from maxInt64 − 1 MiB, so the last digits change from cycle to cycle.',
    },
    {
      from: 21,
      to: 27,
      text: 'A goal just under 8532210231541 MB means there is no goal (GOGC=off, no memory limit); Go 1.21+ derives it from maxInt64 − 3 %, so the last digits change from cycle to cycle.',
    },
  ],
  unknown:
    'A goal of about 8532210231xxx MB (Go 1.21+), 8796093022xxx MB (1.19) or 17592186044415 MB (1.9 – 1.18) means there is no goal: GOGC=off with no memory limit.',
};

const byField: Readonly<Record<string, ReleaseDependent>> = {
  // runtime/mgc.go, gcMarkTermination: `gcController.maxStackScan>>20` in 1.19,
  // `gcController.lastStackScan.Load()>>20` from 1.21.
  stacks: {
    replaces: 'computed',
    releases: [
      {
        from: 19,
        to: 19,
        text: 'Go 1.19 prints gcController.maxStackScan: all stack space allocated to goroutines, an over-estimate that the goal does not use.',
      },
      {
        from: 21,
        to: 27,
        text: 'Go 1.21+ prints gcController.lastStackScan: the stack bytes this cycle actually scanned, the term the next goal uses.',
      },
    ],
    unknown:
      'Go 1.19 prints all allocated stack (maxStackScan), Go 1.21+ the stack scanned this cycle (lastStackScan), Go 1.18 a snapshot of the scannable stack.',
  },
  // runtime/mgc.go, gcMarkTermination: memstats.gc_cpu_fraction = …
  cpuPercent: {
    replaces: 'computed',
    releases: [
      {
        from: 19,
        to: 19,
        text: 'int(gc_cpu_fraction × 100), truncated; in Go 1.19 gc_cpu_fraction = work.totaltime ÷ (sched.totaltime + time since the last GOMAXPROCS change × GOMAXPROCS), where work.totaltime adds stop-the-world, assist, dedicated and fractional mark CPU (idle marking left out).',
      },
      {
        from: 21,
        to: 22,
        text: 'int(gc_cpu_fraction × 100), truncated; in Go 1.21 – 1.22 gc_cpu_fraction = (cpuStats.gcTotalTime − cpuStats.gcIdleTime) ÷ cpuStats.totalTime (idle marking left out).',
      },
      {
        from: 23,
        to: 27,
        text: 'int(gc_cpu_fraction × 100), truncated; from Go 1.23 gc_cpu_fraction = (GCTotalTime − GCIdleTime) ÷ TotalTime, with each pause counted as pause × GOMAXPROCS (accumulateGCPauseTime).',
      },
    ],
    unknown:
      'int(gc_cpu_fraction × 100), truncated, idle marking left out; the fraction is computed differently in Go 1.19, in 1.21 – 1.22 (cpuStats) and from 1.23 (pauses × GOMAXPROCS added).',
  },
  goal: goalWithoutLimit,
  // runtime/mgc.go, gcStart: work.userForced is set before semacquire(&gcsema) in 1.19 and
  // after it from 1.21 ("Update it under gcsema to avoid gctrace getting wrong values").
  forced: {
    replaces: { trap: /wrong line/ },
    releases: [
      {
        from: 19,
        to: 19,
        text: 'In Go 1.19 the flag can sit on the line of the cycle before: gcStart sets work.userForced before semacquire(&gcsema), while that cycle may still be printing (golang/go#52515).',
      },
      {
        from: 21,
        to: 27,
        text: 'From Go 1.21 gcStart sets work.userForced under gcsema, so the flag is on the line of the cycle the program asked for.',
      },
    ],
    unknown:
      'Up to Go 1.19 the flag can sit on the line of the cycle before (set before gcsema in gcStart); from Go 1.21 it is set under gcsema and lands on the right line.',
  },
  // gcpacertrace end-of-cycle line: runtime/mgcpacer.go, startCycle sets c.triggered.
  'pacer-end.trigger': {
    replaces: 'computed',
    releases: [
      {
        from: 19,
        to: 19,
        text: 'Go 1.19 prints the computed trigger (startCycle: c.triggered = heapTrigger), so a forced cycle that started below it prints no end line.',
      },
      {
        from: 21,
        to: 27,
        text: 'Go 1.21+ prints the heap when the cycle started (startCycle: c.triggered = c.heapLive.Load()).',
      },
    ],
    unknown:
      'The computed trigger in Go 1.19, the heap when the cycle started from Go 1.21 (startCycle, runtime/mgcpacer.go).',
  },
  'pacer-assist.goal': goalWithoutLimit,
  // runtime/proc.go, sysmonUpdateGOMAXPROCS (Go 1.25+); internal/godebugs/table.go,
  // updatemaxprocs and containermaxprocs: Changed 25, Old "0".
  procs: {
    replaces: { trap: /container/ },
    releases: [
      {
        from: 19,
        to: 24,
        text: 'It changes between lines only when the program calls runtime.GOMAXPROCS; this release never changes it by itself.',
      },
      {
        from: 25,
        to: 27,
        text: 'It can change between lines: runtime.GOMAXPROCS calls, and in Go 1.25+ the runtime follows the container’s CPU limit (updatemaxprocs) unless GOMAXPROCS was set or go.mod says go 1.24 or older.',
      },
    ],
    unknown:
      'It can change between lines through runtime.GOMAXPROCS; from Go 1.25 also by itself when the container’s CPU limit changes.',
  },
  // runtime/mgc.go, gcMarkTermination (`if goroutineLeakDone {`), 1.26+;
  // runtime/pprof/pprof.go: the goroutineleak profile, behind GOEXPERIMENT in 1.26 only.
  leakCheck: {
    replaces: 'computed',
    releases: [
      {
        from: 19,
        to: 25,
        text: 'Never printed by this release: the goroutine leak check arrived in Go 1.26.',
      },
      {
        from: 26,
        to: 26,
        text: 'Printed between % and : when the cycle ran the goroutine leak check; Go 1.26 has it only in programs built with GOEXPERIMENT=goroutineleakprofile, when the goroutineleak profile is written.',
      },
      {
        from: 27,
        to: 27,
        text: 'Printed between % and : when the cycle ran the goroutine leak check; in Go 1.27 writing the goroutineleak profile starts one, no experiment needed.',
      },
    ],
    unknown:
      'Printed between % and : from Go 1.26 (with GOEXPERIMENT=goroutineleakprofile) and 1.27 (always available) when the goroutineleak profile is written.',
  },
};

/** The minor version of a Go 1 release written as "1.21", "go1.21" or "go1.21.13"; null otherwise. */
export function goMinor(release: string | null | undefined): number | null {
  const m = /^(?:go)?1\.(\d+)(?:\.\d+)?$/.exec(release?.trim() ?? '');
  return m === null ? null : Number(m[1]);
}

/**
 * A field's explanation for a Go release (`name`: a gc-line field, or `<companion kind>.<field>`): the release's own text where the field's
 * meaning changed between releases, or one sentence per release range when it is not known.
 */
export function explanationForRelease(
  name: string,
  info: FieldExplanation,
  release: string | null | undefined,
): FieldExplanation {
  const dependent = byField[name];
  if (dependent === undefined) return info;
  const minor = goMinor(release);
  const text =
    minor !== null && checked(minor)
      ? (dependent.releases.find((r) => r.from <= minor && minor <= r.to)?.text ??
        dependent.unknown)
      : dependent.unknown;
  if (dependent.replaces === 'computed') return { ...info, computed: text };
  const pattern = dependent.replaces.trap;
  const at = info.traps.findIndex((t) => pattern.test(t));
  const traps = at < 0 ? [...info.traps, text] : info.traps.map((t, i) => (i === at ? text : t));
  return { ...info, traps };
}
