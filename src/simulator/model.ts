/**
 * A deterministic model of a Go program and its garbage collector that prints the gctrace the
 * program would print. Pure: no DOM, no clock; jitter comes from a seeded PRNG.
 *
 * The program: after the runtime starts it builds its live heap quickly, then for `durationS`
 * seconds allocates short-lived garbage at a steady rate while a leak (if any) keeps adding
 * memory that stays reachable. The collector: a cycle starts when the heap reaches a trigger
 * a little below the goal, marks concurrently (the program keeps allocating), and the next goal
 * follows the rules of the chosen Go release (src/simulator/releases.ts). If asked, the program
 * also calls runtime.GC() at a fixed interval, and each call runs a forced cycle.
 */
import { formatCycle, type CpuPhase, type EraId, type GcCycle } from '../gctrace/index.ts';
import { heapGoal, noGoalPrintedMB, nonHeapMB } from './pacer.ts';
import { seededRandom, type Random } from './random.ts';
import { eraForMinor, rulesFor, versionLabel, type ReleaseRules } from './releases.ts';
import { normaliseSettings, type SimSettings } from './settings.ts';

/** One simulated cycle: the exact model values and the gc line printed for them. */
export interface SimCycle {
  gc: number;
  /** Start of the cycle since the runtime started, s. */
  startS: number;
  /** End of mark termination, s. */
  endS: number;
  /** Heap when the cycle started (H0), when marking ended (H1) and marked live (H2), MB, unfloored. */
  heapMB: [number, number, number];
  /** Heap goal as the cycle printed it (the goal when marking ended), MB, unfloored. */
  goalMB: number;
  /** The goal as printed: whole MB, or the release's 13-digit figure for "no goal". */
  printedGoalMB: number;
  /** Heap size at which the pacer started this cycle, MB. */
  triggerMB: number;
  /** Memory the program really still uses when the cycle starts (live heap plus leak so far), MB. */
  liveMB: number;
  /** True when GOMEMLIMIT, not GOGC, set the goal. */
  limited: boolean;
  /** Started by the program's runtime.GC() call: printed with ` (forced)`. */
  forced: boolean;
  /** Wall-clock phases in printed order, ms. */
  clockMs: number[];
  /** CPU phases in printed order, ms. */
  cpuMs: CpuPhase[];
  /** The cumulative GC CPU percentage printed on the line. */
  cpuPercent: number;
  stacksMB: number;
  globalsMB: number;
  /** The gc line. */
  line: string;
}

/** What `simulate` returns. */
export interface SimResult {
  /** The settings actually used (clamped). */
  settings: SimSettings;
  era: EraId;
  cycles: SimCycle[];
  /** The trace: one gc line per cycle, newline-separated, no trailing newline. */
  text: string;
  /** Plain-language remarks about the run (no cycles, limit ignored, trace cut short, …). */
  notes: string[];
  /** True when the run stopped at `maxCycles`. */
  truncated: boolean;
  /** Why the trace has no cycle at all, in words (null when it has cycles). */
  whyNoCycles: string | null;
}

/** Options that are not part of the learner's settings. */
export interface SimOptions {
  /** PRNG seed; the same seed and settings give the same trace. */
  seed?: number;
  /** Stop after this many cycles. */
  maxCycles?: number;
}

/** Traces stop here: enough for any chart, small enough to re-simulate on every slider move. */
export const maxCycles = 5000;

/** Time from process start to the program's first allocation (runtime init), ms. */
export const startupMs = 0.4;
/** How fast the program builds its live heap at start, MB/s. */
export const buildRateMBps = 4096;
/** Mark CPU per cycle: a fixed part plus a part per MB of live heap, ms. */
export const markCpuFixedMs = 0.2;
export const markCpuPerMBMs = 0.05;
/** The pacer's background mark workers use 25 % of GOMAXPROCS. */
export const backgroundShare = 0.25;
/** Assumed busy Ps of the program: one per this many MB/s allocated (at least a quarter P, at most all). */
export const allocPerBusyP = 512;
/** Scannable globals of a small program, MB. */
export const globalsMB = 0.15;
/** The trigger's place between the marked heap (0) and the goal (1): never earlier, never later. */
export const triggerShare = { earliest: 0.7, latest: 0.95 } as const;

/** Floors MB the way the runtime prints them (`bytes >> 20`). */
function floorMB(mb: number): number {
  return Math.floor(mb + 1e-9);
}

/** The program's allocation over time: cumulative MB allocated and MB still reachable. */
interface Program {
  start: number;
  buildEnd: number;
  end: number;
  allocatedBy(t: number): number;
  timeWhenAllocated(mb: number): number;
  liveAt(t: number): number;
  rateAt(t: number): number;
}

function program(s: SimSettings): Program {
  const start = startupMs / 1000;
  const buildEnd = start + s.liveMB / buildRateMBps;
  const rate = s.allocMBps + s.leakMBps;
  return {
    start,
    buildEnd,
    end: buildEnd + s.durationS,
    allocatedBy: (t) =>
      t <= start
        ? 0
        : t <= buildEnd
          ? (t - start) * buildRateMBps
          : s.liveMB + (t - buildEnd) * rate,
    timeWhenAllocated: (mb) => {
      if (mb <= 0) return start;
      if (mb <= s.liveMB) return start + mb / buildRateMBps;
      return rate > 0 ? buildEnd + (mb - s.liveMB) / rate : Infinity;
    },
    liveAt: (t) =>
      t <= start
        ? 0
        : t <= buildEnd
          ? (t - start) * buildRateMBps
          : s.liveMB + (t - buildEnd) * s.leakMBps,
    rateAt: (t) => (t < buildEnd ? buildRateMBps : rate),
  };
}

/** A pause: mostly near its median, now and then much longer (a P slow to stop). */
function pauseNs(rng: Random, medianUs: number): number {
  const us = rng.around(medianUs, 0.45) * (rng.next() < 0.04 ? rng.between(4, 20) : 1);
  return Math.max(1000, Math.round(us * 1000));
}

/** Median stop-the-world pauses of a release with `procs` Ps, µs. */
function pauseMediansUs(
  rules: ReleaseRules,
  procs: number,
): { sweepTerm: number; markTerm: number } {
  const sweepTerm = (15 + 4 * Math.min(procs, 16)) * rules.pauses.sweepTerminationScale;
  return { sweepTerm, markTerm: rules.pauses.markTerminationUs };
}

/** What a gc line with no goal shows in Go 1.`goMinor`, with the largest heap so far at `peakHeapMB`. */
function noGoalSentence(rules: ReleaseRules, goMinor: number, peakHeapMB: number): string {
  const release = `Go ${versionLabel(goMinor)}`;
  if (rules.forcedGoal === 'start-heap') {
    return `${release} prints a forced cycle's start heap as its goal.`;
  }
  const figure = noGoalPrintedMB(goMinor, peakHeapMB);
  if (rules.noGoal === 'max-uint64') {
    return `${release} prints ${figure} MB as the goal of such a cycle (2^64−1 bytes): no goal.`;
  }
  const headroom =
    rules.memoryLimit?.headroom === 'three-percent' ? 'less 3 % headroom' : 'less 1 MiB headroom';
  return `${release} prints the memory-limit goal of the largest possible limit (2^63−1 bytes, less the runtime's own memory, ${headroom}) as the goal of such a cycle: ${figure} MB with ${Math.round(peakHeapMB)} MB of heap so far. That figure means no goal.`;
}

/** Simulates `settings` (clamped first) and prints the trace in the chosen release's format. */
export function simulate(settings: SimSettings, options: SimOptions = {}): SimResult {
  const s = normaliseSettings(settings);
  const rules = rulesFor(s.goMinor);
  const era = eraForMinor(s.goMinor);
  const rng = seededRandom(options.seed ?? 1);
  const cap = options.maxCycles ?? maxCycles;
  const p = program(s);
  const procs = s.procs;
  const notes: string[] = [];
  const limitApplies = s.limitMB !== null && rules.memoryLimit !== null;
  if (s.limitMB !== null && !limitApplies) {
    notes.push(
      `GOMEMLIMIT arrived in Go 1.19; Go ${versionLabel(s.goMinor)} ignores it, so the limit has no effect here.`,
    );
  }
  // Without GOGC and a limit nothing but runtime.GC() starts a cycle.
  const automatic = s.gogc !== null || limitApplies;

  const stacksMB = ((8 + procs) * 8) / 1024;
  const busyPs = Math.min(procs, Math.max(0.25, s.allocMBps / allocPerBusyP));
  const bgRate = backgroundShare * procs;
  const idleRate = Math.max(0, procs - busyPs - bgRate);
  const stw = pauseMediansUs(rules, procs);
  const goalAt = (
    markedMB: number,
    heapMB: number,
    peakHeapMB: number,
    triggeredMB: number | null,
  ) =>
    heapGoal({
      goMinor: s.goMinor,
      gogc: s.gogc,
      limitMB: limitApplies ? s.limitMB : null,
      markedMB,
      stacksMB,
      globalsMB,
      heapMB,
      peakHeapMB,
      triggeredMB,
    });

  const cycles: SimCycle[] = [];
  // The goal set when the last cycle ended (`commit`), which paces the next one.
  let pacing = goalAt(0, 0, 0, null);
  let markedMB = 0;
  let peakHeapMB = 0;
  let lastEnd = 0;
  let lastClockS = 0;
  let allocatedAtLastEnd = 0;
  let gcCpuMs = 0;
  let truncated = false;
  let nextForcedS = s.gcEveryS > 0 ? p.buildEnd + s.gcEveryS : Infinity;

  for (;;) {
    // The pacer starts the cycle early enough that marking, at its 25 % CPU target, finishes
    // before the heap reaches the goal, but between 70 % and 95 % of the way from the marked heap
    // to the goal (spec §5.4); with little to mark that is the 95 % end. Its estimate of the
    // marking work varies a little from cycle to cycle.
    let triggerMB = NaN;
    let autoStartS = Infinity;
    if (automatic && Number.isFinite(pacing.goalMB)) {
      const runwayMB = pacing.goalMB - markedMB;
      const expectedMarkS = (markCpuFixedMs + markCpuPerMBMs * markedMB) / bgRate / 1000;
      const neededMB = p.rateAt(lastEnd) * expectedMarkS * 1.1;
      const share = Math.min(
        triggerShare.latest,
        Math.max(triggerShare.earliest, 1 - neededMB / Math.max(runwayMB, 1e-9)),
      );
      triggerMB = Math.max(markedMB + 1 / 16, markedMB + (share - rng.between(0, 0.02)) * runwayMB);
      const dueAt = p.timeWhenAllocated(allocatedAtLastEnd + (triggerMB - markedMB));
      // Sweeping and, when the heap cannot fit under the goal, the GC CPU limiter (about half
      // the CPU) keep cycles apart even when the heap is already over the trigger.
      const minGap = Math.max(20e-6, pacing.limited && rules.cpuLimiter ? lastClockS : 0);
      autoStartS = Math.max(dueAt, lastEnd + (cycles.length === 0 ? 0 : minGap));
    }
    // runtime.GC() waits for a cycle in progress to end, then runs one of its own.
    const forcedStartS = Math.max(nextForcedS, lastEnd + (cycles.length === 0 ? 0 : 20e-6));
    const forced = forcedStartS <= autoStartS;
    const startS = forced ? forcedStartS : autoStartS;
    if (!Number.isFinite(startS) || startS >= p.end) break;
    if (cycles.length >= cap) {
      truncated = true;
      break;
    }
    if (forced) nextForcedS += s.gcEveryS;

    const h0 = markedMB + (p.allocatedBy(startS) - allocatedAtLastEnd);
    const liveMB = p.liveAt(startS);
    const triggeredMB =
      rules.runwayFrom === 'trigger' && Number.isFinite(triggerMB) ? triggerMB : h0;
    const startGoal = goalAt(markedMB, h0, Math.max(peakHeapMB, h0), triggeredMB);

    // Marking: work grows with what there is to scan; background workers take 25 % of the Ps,
    // idle Ps help, and the program itself assists when it allocates faster than the runway allows.
    const markCpu =
      (markCpuFixedMs + markCpuPerMBMs * (liveMB + stacksMB + globalsMB)) * rng.around(1, 0.2);
    const idle = idleRate * rng.between(0.6, 1);
    const workers = bgRate + idle;
    const plainClockMs = markCpu / workers;
    const runway = Math.max(startGoal.goalMB - h0, 1 / 16);
    const pressure = (p.rateAt(startS) * plainClockMs) / 1000 / runway;
    const assistShare =
      pressure > 1
        ? Math.min(0.7, 1 - 1 / pressure)
        : rng.next() < 0.25
          ? rng.between(0.02, 0.12)
          : 0;
    const assistMs = markCpu * assistShare;
    const workerCpu = markCpu - assistMs;
    const markClockMs = Math.max(workerCpu / workers, assistMs / Math.max(busyPs, 0.25));
    const bgMs = (workerCpu * bgRate) / workers;
    const idleMs = (workerCpu * idle) / workers;

    const sweepTermNs = pauseNs(rng, stw.sweepTerm);
    const markTermNs = pauseNs(rng, stw.markTerm);
    const markNs = Math.max(1000, Math.round(markClockMs * 1e6));
    let clockNs: number[];
    let cpu: CpuPhase[];
    let cycleGcCpuMs: number;
    if (era === 'go1.5') {
      // Go 1.5: sweep termination, root scan by the coordinator, a ragged barrier, mark, mark termination.
      const scanNs = Math.round(rng.around(0.12, 0.3) * 1e6 + liveMB * 2000);
      const syncNs = Math.round(rng.around(8, 0.4) * 1000);
      clockNs = [sweepTermNs, scanNs, syncNs, markNs, markTermNs];
      cpu = [
        (sweepTermNs * procs) / 1e6,
        scanNs / 1e6,
        0,
        [assistMs, bgMs, idleMs],
        (markTermNs * procs) / 1e6,
      ];
      cycleGcCpuMs = ((sweepTermNs + markTermNs) * procs + scanNs) / 1e6 + assistMs + bgMs;
    } else {
      clockNs = [sweepTermNs, markNs, markTermNs];
      cpu = [(sweepTermNs * procs) / 1e6, [assistMs, bgMs, idleMs], (markTermNs * procs) / 1e6];
      cycleGcCpuMs = ((sweepTermNs + markTermNs) * procs) / 1e6 + assistMs + bgMs;
    }
    const durationS = clockNs.reduce((a, b) => a + b, 0) / 1e9;
    const endS = startS + durationS;
    if (endS > p.end) break;

    // Everything allocated while marking is allocated black: it counts as marked this time.
    const allocatedDuring = p.allocatedBy(endS) - p.allocatedBy(startS);
    const h1 = h0 + allocatedDuring;
    const h2 = Math.min(h1, liveMB + allocatedDuring);
    peakHeapMB = Math.max(peakHeapMB, h1);
    // The printed goal is the goal when marking ended (`endCycle`: `lastHeapGoal = c.heapGoal()`).
    const endGoal = goalAt(markedMB, h1, peakHeapMB, triggeredMB);
    const printedGoalMB =
      forced && rules.forcedGoal === 'start-heap' ? floorMB(h0) : endGoal.printedMB;
    gcCpuMs += cycleGcCpuMs;
    // Cumulative GC CPU over all CPU time since start, idle workers excluded (spec §5.2).
    const cpuPercent = Math.floor((100 * gcCpuMs) / (procs * endS * 1000));

    const gc = cycles.length + 1;
    const printed: GcCycle = {
      line: gc,
      column: 1,
      endLine: gc,
      gc,
      era,
      // The runtime truncates the start to whole ms.
      atSeconds: Math.floor(startS * 1000 + 1e-6) / 1000,
      cpuPercent,
      leakCheck: false,
      clockMs: clockNs.map((ns) => ns / 1e6),
      cpuMs: cpu.map((c) =>
        Array.isArray(c) ? c.map((v) => Math.trunc(v * 1e6) / 1e6) : Math.trunc(c * 1e6) / 1e6,
      ),
      heapMB: [floorMB(h0), floorMB(h1), floorMB(h2)],
      goalMB: printedGoalMB,
      goalUnbounded: printedGoalMB >= 2 ** 40,
      stacksMB: floorMB(stacksMB),
      globalsMB: floorMB(globalsMB),
      procs,
      forced,
      truncated: false,
      rejoined: false,
      run: 0,
      legacy: null,
    };
    cycles.push({
      gc,
      startS,
      endS,
      heapMB: [h0, h1, h2],
      goalMB: forced && rules.forcedGoal === 'start-heap' ? h0 : endGoal.goalMB,
      printedGoalMB,
      triggerMB: Number.isFinite(triggerMB) ? triggerMB : h0,
      liveMB,
      limited: endGoal.limited,
      forced,
      clockMs: printed.clockMs,
      cpuMs: cpu,
      cpuPercent,
      stacksMB,
      globalsMB,
      line: formatCycle(printed, era),
    });

    markedMB = h2;
    lastEnd = endS;
    lastClockS = durationS;
    allocatedAtLastEnd = p.allocatedBy(endS);
    pacing = goalAt(h2, h2, peakHeapMB, null);
  }

  let whyNoCycles: string | null = null;
  if (!automatic) {
    const heapAtEndMB = Math.max(peakHeapMB, p.allocatedBy(p.end) - allocatedAtLastEnd + markedMB);
    const calls =
      s.gcEveryS > 0
        ? 'Only the program’s runtime.GC() calls start a cycle, and its heap grows between them.'
        : 'a real program prints no gc lines at all (only a call to runtime.GC() starts a cycle: try the runtime.GC() slider) and its heap grows without bound.';
    notes.push(
      s.gcEveryS > 0
        ? `With GOGC=off and no memory limit there is no heap goal. ${calls} ${noGoalSentence(rules, s.goMinor, peakHeapMB)}`
        : `With GOGC=off and no memory limit there is no heap goal, so the collector never starts by itself: ${calls} ${noGoalSentence(rules, s.goMinor, heapAtEndMB)}`,
    );
    if (cycles.length === 0) {
      whyNoCycles =
        'No collection runs: with GOGC=off and no memory limit there is no heap goal, so only a call to runtime.GC() would start a cycle, and the heap grows without bound.';
    }
  } else if (cycles.length === 0) {
    whyNoCycles =
      'The heap never reached the first goal in this run, so there are no cycles: allocate more or run longer.';
    notes.push(whyNoCycles);
  }
  if (truncated) {
    notes.push(
      `The trace stops after ${cap} cycles (at ${cycles[cycles.length - 1]!.endS.toFixed(3)} s); a real program would go on collecting this often.`,
    );
  }
  const overLimit = limitApplies && cycles.some((c) => c.limited && c.goalMB <= c.heapMB[0] + 0.07);
  if (overLimit) {
    const backToBack = `the collector runs back to back, ${rules.cpuLimiter ? 'the GC CPU limiter caps it at about half the CPU' : 'nothing caps its CPU'}, and the heap goes over the limit.`;
    // The live heap at the end (with the leak) against what the limit leaves for the heap once
    // the runtime's own memory is counted: with little or no live heap, that memory is what
    // leaves no room, and saying the live heap does not fit would be wrong.
    const liveMB = s.liveMB + s.leakMBps * s.durationS;
    const ownMB = nonHeapMB(rules.memoryLimit!.nonHeap, peakHeapMB);
    const roomMB = s.limitMB! - ownMB;
    const room =
      roomMB >= 1 ? `about ${Math.floor(roomMB)} MB` : roomMB > 0 ? 'less than 1 MB' : 'no room';
    notes.push(
      liveMB > 0 && liveMB >= Math.max(0, roomMB) / 2
        ? `The live heap does not fit under GOMEMLIMIT: ${backToBack}`
        : `GOMEMLIMIT=${s.limitMB} MB leaves ${room} for the heap once the runtime’s own memory (about ${Math.round(ownMB)} MB) is counted, so even ${liveMB === 0 ? 'with no live heap' : `with a live heap of only ${Math.round(liveMB * 10) / 10} MB`} the new garbage reaches the goal at once: ${backToBack}`,
    );
  }

  return {
    settings: s,
    era,
    cycles,
    text: cycles.map((c) => c.line).join('\n'),
    notes,
    truncated,
    whyNoCycles,
  };
}
