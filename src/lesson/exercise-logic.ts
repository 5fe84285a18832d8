/**
 * Predict-then-reveal questions on real traces. The expected answer, the working and the
 * explanations of likely wrong answers are all computed from the trace with the engine, so a
 * question can never disagree with the trace it shows.
 */
import { analyseTrace, clockLayout, mainRun, parseTrace, phaseTimes } from '../gctrace/index.ts';
import type { GcCycle, ParsedTrace } from '../gctrace/index.ts';
import type { Answer, Trap } from './exercise-check.ts';

export type ExerciseSpec =
  | { kind: 'next-goal'; gc: number; gogc: number }
  | { kind: 'allocated-between'; gc: number }
  | { kind: 'pause'; gc: number }
  | { kind: 'forced' }
  | { kind: 'live-growth'; from: number; to: number }
  | { kind: 'gogc'; options?: number[] }
  | { kind: 'trend' };

export interface BuiltExercise {
  answer: Answer;
  /** The worked answer, shown on reveal and after a right or recognised wrong answer. */
  working: string;
  hint: string;
  /** 1-based physical line ranges of the trace to show (inclusive). */
  show: [number, number][];
}

/** The main run: a trace from `go run` or `go test` starts with the go tool's own short runs. */
function mainRunOf(parsed: ParsedTrace): number {
  return mainRun(parsed.runs.map((r) => r.cycleIndices.length));
}

function cyclesOf(parsed: ParsedTrace): GcCycle[] {
  const main = mainRunOf(parsed);
  return parsed.cycles.filter((c) => c.run === main);
}

function cycle(cycles: GcCycle[], gc: number): GcCycle {
  const found = cycles.find((c) => c.gc === gc);
  if (found === undefined) throw new Error(`the trace has no line for gc ${gc}`);
  return found;
}

function heap(c: GcCycle): { start: number; end: number; live: number } {
  if (c.heapMB.length < 3) throw new Error(`gc ${c.gc} has no start->end->live heap triple`);
  return { start: c.heapMB[0]!, end: c.heapMB[1]!, live: c.heapMB[2]! };
}

/** Rounds a number of milliseconds for display without binary noise (0.016 + 0.003 → 0.019). */
export function roundMs(ms: number): number {
  return Math.round(ms * 1000) / 1000;
}

/** Physical lines from gc `first` to gc `last`, inclusive (from the first printed one: lines may be missing). */
function linesOf(cycles: GcCycle[], first: number, last: number): [number, number] {
  const b = cycle(cycles, last);
  const a = cycles.find((c) => c.gc >= first && c.gc <= last) ?? b;
  return [a.line, b.endLine];
}

/** The pause of a cycle: its stop-the-world clock phases, as the engine's era table names them. */
export function pauseMs(c: GcCycle): number {
  const pause = phaseTimes(c.era, c.clockMs).pause;
  if (pause === null) throw new Error(`gc ${c.gc}: its clock phases fit no layout of ${c.era}`);
  return roundMs(pause);
}

/** Builds the answer and the explanations for one exercise on one trace. */
export function buildExercise(trace: string, spec: ExerciseSpec): BuiltExercise {
  const parsed = parseTrace(trace);
  const cycles = cyclesOf(parsed);
  if (cycles.length === 0) throw new Error('the trace has no gc lines');

  switch (spec.kind) {
    case 'next-goal': {
      const now = cycle(cycles, spec.gc);
      const next = cycle(cycles, spec.gc + 1);
      if (next.goalMB === null) throw new Error(`gc ${spec.gc + 1} prints no goal`);
      const h = heap(now);
      const factor = 1 + spec.gogc / 100;
      const estimate = Math.round(h.live * factor * 10) / 10;
      const traps: Trap[] = [
        {
          value: h.end,
          tolerance: 0,
          why: `${h.end} MB is the heap at the end of gc ${now.gc}, not the goal of gc ${next.gc}`,
        },
        {
          value: h.start,
          tolerance: 0,
          why: `${h.start} MB is the heap when gc ${now.gc} started`,
        },
        {
          value: h.live,
          tolerance: 0,
          why: `${h.live} MB is the live heap of gc ${now.gc}: the goal adds GOGC percent of it on top`,
        },
      ];
      if (now.goalMB !== null) {
        traps.push({
          value: now.goalMB,
          tolerance: 0,
          why: `${now.goalMB} MB is the goal of gc ${now.gc}, the cycle that just ended`,
        });
      }
      return {
        answer: {
          type: 'number',
          values: [next.goalMB],
          tolerance: 2,
          unit: 'MB',
          traps: uniqueTraps(traps, next.goalMB, 2),
        },
        working:
          `The goal follows the live heap of the cycle before: goal ≈ live × (1 + GOGC/100) = ${h.live} × ${factor} = ${estimate} MB. ` +
          `The trace prints ${next.goalMB} MB goal on gc ${next.gc}. The difference comes from rounding (every MB is rounded down) and the stacks and globals the goal also counts since Go 1.18.`,
        hint: `Find the third heap number of gc ${now.gc}, its live heap, and remember what GOGC=${spec.gogc} means.`,
        show: [linesOf(cycles, spec.gc - 5, spec.gc)],
      };
    }

    case 'allocated-between': {
      const before = cycle(cycles, spec.gc - 1);
      const now = cycle(cycles, spec.gc);
      const b = heap(before);
      const n = heap(now);
      const value = n.start - b.live;
      const traps: Trap[] = [
        {
          value: n.end - n.start,
          tolerance: 0,
          why: `${n.end} − ${n.start} = ${n.end - n.start} MB is what was allocated while gc ${now.gc} was marking, not between the two cycles`,
        },
        {
          value: n.end - n.live,
          tolerance: 0,
          why: `${n.end} − ${n.live} = ${n.end - n.live} MB is the garbage gc ${now.gc} found`,
        },
        {
          value: n.start - b.start,
          tolerance: 0,
          why: `${n.start} − ${b.start} compares the two start heaps, but after gc ${before.gc} the heap was back down to its live part`,
        },
        {
          value: n.live - b.live,
          tolerance: 0,
          why: `${n.live} − ${b.live} = ${n.live - b.live} MB is how much the live heap grew, not how much was allocated`,
        },
      ];
      return {
        answer: {
          type: 'number',
          values: [value],
          tolerance: 1,
          unit: 'MB',
          traps: uniqueTraps(traps, value, 1),
        },
        working:
          `After gc ${before.gc} the heap held its live part, ${b.live} MB. When gc ${now.gc} started it held ${n.start} MB. ` +
          `So the program allocated about ${n.start} − ${b.live} = ${value} MB in between (give or take 1 MB, because both numbers are rounded down).`,
        hint: `Allocation between two cycles runs from the end of one to the start of the next: which heap number is left at the end of gc ${before.gc}?`,
        show: [linesOf(cycles, spec.gc - 3, spec.gc)],
      };
    }

    case 'pause': {
      const c = cycle(cycles, spec.gc);
      const value = pauseMs(c);
      const stops = clockLayout(c.era, c.clockMs.length)!.stopTheWorld!;
      // Before Go 1.5 the collector stopped the world for the whole cycle.
      const allStop = stops.length === c.clockMs.length;
      const modern = !allStop && c.clockMs.length === 3;
      const all = roundMs(c.clockMs.reduce((s, x) => s + x, 0));
      const traps: Trap[] = allStop
        ? []
        : [
            {
              value: all,
              tolerance: 0.0005,
              why: `${all} ms adds up every phase, but the concurrent ${modern ? 'mark' : 'phases'} ran alongside the program and did not stop it`,
            },
          ];
      if (modern) {
        traps.push({
          value: c.clockMs[1]!,
          tolerance: 0.0005,
          why: `${c.clockMs[1]} ms is the concurrent mark, the one phase that does not stop the program`,
        });
      } else if (!allStop) {
        traps.push({
          value: roundMs(c.clockMs[0]! + c.clockMs[2]!),
          tolerance: 0.0005,
          why: `in Go 1.5 the third clock time is the synchronisation step, which did not stop the world; the second pause is the fifth time`,
        });
      }
      const phases = stops.map((i) => c.clockMs[i]).join(' + ');
      return {
        answer: {
          type: 'number',
          values: [value],
          tolerance: 0.0015,
          unit: 'ms',
          traps: uniqueTraps(traps, value, 0.0015),
        },
        working: allStop
          ? `Before Go 1.5 the collector stopped the program for the whole cycle, so every clock time is pause: ${phases} = ${value} ms.`
          : modern
            ? `Of the three clock times only the first (sweep termination) and the third (mark termination) stop the world: ${phases} = ${value} ms.`
            : `A Go 1.5 line has five clock times; the first (sweep termination) and the fifth (mark termination) stop the world: ${phases} = ${value} ms.`,
        hint: allStop
          ? 'This line is from before Go 1.5: did any phase run alongside the program?'
          : modern
            ? 'Which of the three clock phases stop the world?'
            : 'This is a Go 1.5 line: count its clock times, and remember which phases stop the world.',
        show: [linesOf(cycles, spec.gc - 2, spec.gc)],
      };
    }

    case 'forced': {
      const forced = cycles.filter((c) => c.forced).map((c) => c.gc);
      if (forced.length === 0) throw new Error('no cycle in this trace is marked (forced)');
      return {
        answer: { type: 'number', values: forced, tolerance: 0, unit: '', traps: [] },
        working:
          forced.length === 1
            ? `gc ${forced[0]} ends in (forced): the program asked for it with runtime.GC().`
            : `gc ${forced.join(', gc ')} end in (forced): the program asked for them with runtime.GC() or debug.FreeOSMemory(). Any of them is a right answer.`,
        hint: 'Look at the very end of each gc line.',
        show: [[cycles[0]!.line, cycles[cycles.length - 1]!.endLine]],
      };
    }

    case 'live-growth': {
      const a = cycle(cycles, spec.from);
      const b = cycle(cycles, spec.to);
      const ha = heap(a);
      const hb = heap(b);
      const value = hb.live - ha.live;
      const seconds =
        a.atSeconds !== null && b.atSeconds !== null ? b.atSeconds - a.atSeconds : null;
      const traps: Trap[] = [
        {
          value: hb.start - ha.start,
          tolerance: 0,
          why: `${hb.start} − ${ha.start} compares the start heaps, which rise and fall with garbage; the live heap is the third number`,
        },
        {
          value: hb.end - ha.end,
          tolerance: 0,
          why: `${hb.end} − ${ha.end} compares the heaps at the end of marking, which include garbage; the live heap is the third number`,
        },
      ];
      if (a.goalMB !== null && b.goalMB !== null) {
        traps.push({
          value: b.goalMB - a.goalMB,
          tolerance: 0,
          why: `${b.goalMB} − ${a.goalMB} is how much the goal grew; it follows the live heap, roughly doubled`,
        });
      }
      return {
        answer: {
          type: 'number',
          values: [value],
          tolerance: 1,
          unit: 'MB',
          traps: uniqueTraps(traps, value, 1),
        },
        working:
          `The live heap is the third heap number: ${ha.live} MB at gc ${a.gc}, ${hb.live} MB at gc ${b.gc}, so it grew by ${value} MB` +
          (seconds !== null && seconds > 0
            ? ` in ${seconds.toFixed(1)} s, about ${(value / seconds).toFixed(1)} MB a second.`
            : '.'),
        hint: 'Compare the same heap number on both lines: the one that counts only what the program still holds.',
        show: [
          [a.line, a.endLine],
          [b.line, b.endLine],
        ],
      };
    }

    case 'gogc': {
      const options = spec.options ?? [50, 100, 200];
      const run = analyseTrace(parsed).runs[mainRunOf(parsed)];
      const implied = run?.impliedGogc ?? null;
      if (implied === null) throw new Error('the engine cannot estimate GOGC from this trace');
      const estimate = implied.snapped ?? implied.value;
      const nearest = options.reduce((best, o) =>
        Math.abs(o - estimate) < Math.abs(best - estimate) ? o : best,
      );
      const index = cycles.findIndex(
        (c, i) =>
          i > 0 &&
          !c.forced &&
          c.goalMB !== null &&
          !c.goalUnbounded &&
          cycles[i - 1]!.heapMB[2]! >= 8,
      );
      if (index < 1) throw new Error('no cycle with a live heap of 8 MB or more before it');
      const sample = cycles[index]!;
      const prev = cycles[index - 1]!;
      const live = prev.heapMB[2]!;
      const goal = sample.goalMB!;
      const why: Record<string, string> = {};
      for (const o of options) {
        if (o === nearest) continue;
        why[String(o)] =
          `with GOGC=${o} a live heap of ${live} MB would give a goal of about ${Math.round(live * (1 + o / 100))} MB, but gc ${sample.gc} prints ${goal} MB`;
      }
      return {
        answer: {
          type: 'choice',
          options: options.map((o) => ({ value: String(o), label: `GOGC=${o}` })),
          correct: String(nearest),
          why,
        },
        working:
          `gc ${prev.gc} left a live heap of ${live} MB and the goal of gc ${sample.gc} is ${goal} MB: ` +
          `${goal} ÷ ${live} ≈ ${(goal / live).toFixed(2)}, so the goal sits about ${Math.round((100 * (goal - live)) / live)}% above the live heap. ` +
          `Over the whole trace the goals imply GOGC between ${Math.round(implied.low)} and ${Math.round(implied.high)}: GOGC=${nearest}.`,
        hint: 'Divide a goal by the live heap of the line before it.',
        show: [linesOf(cycles, prev.gc, Math.min(sample.gc + 4, cycles[cycles.length - 1]!.gc))],
      };
    }

    case 'trend': {
      const run = analyseTrace(parsed).runs[mainRunOf(parsed)];
      if (run === undefined) throw new Error('the trace has no run to analyse');
      const verdict = run.leak.verdict;
      if (verdict === 'inconclusive')
        throw new Error(`the engine cannot tell from this trace: ${run.leak.reason}`);
      const growing = verdict === 'growing';
      const used = cycles.slice(run.leak.warmupCycles).filter((c) => !c.forced);
      const a = used[0]!;
      const b = used[used.length - 1]!;
      return {
        answer: {
          type: 'choice',
          options: [
            { value: 'growing', label: 'It keeps growing: probably a leak' },
            { value: 'stable', label: 'It levels off or keeps coming back down: no leak' },
          ],
          correct: verdict,
          why: growing
            ? {
                stable: `the live heap keeps rising after warm-up, from ${heap(a).live} MB at gc ${a.gc} to ${heap(b).live} MB at gc ${b.gc}, and it is still rising at the end`,
              }
            : {
                growing: `after warm-up the live heap does not keep rising: it is ${heap(a).live} MB at gc ${a.gc} and ${heap(b).live} MB at gc ${b.gc}`,
              },
        },
        working: `Leaving out the first ${run.leak.warmupCycles} cycles as warm-up: ${run.leak.reason}.`,
        hint: 'Follow the third heap number down the trace, and do not judge by the first lines.',
        show: sampleLines(cycles, 14),
      };
    }
  }
}

/** Drops traps that coincide with the right answer (a wrong answer must be wrong). */
function uniqueTraps(traps: Trap[], value: number, tolerance: number): Trap[] {
  const seen = new Set<number>();
  return traps.filter((t) => {
    if (Math.abs(t.value - value) <= tolerance || seen.has(t.value)) return false;
    seen.add(t.value);
    return true;
  });
}

/** About `n` gc lines spread evenly over the trace, as single-line ranges. */
function sampleLines(cycles: GcCycle[], n: number): [number, number][] {
  if (cycles.length <= n) return [[cycles[0]!.line, cycles[cycles.length - 1]!.endLine]];
  const out: [number, number][] = [];
  for (let i = 0; i < n; i++) {
    const c = cycles[Math.round((i * (cycles.length - 1)) / (n - 1))]!;
    out.push([c.line, c.endLine]);
  }
  return out;
}
