/**
 * Compares a simulated trace with a real capture of the same settings: cycle count, steady-state
 * goal and GC frequency. Used by scripts/compare-simulator.mjs and the simulator's unit tests.
 */
import { parseTrace } from '../gctrace/index.ts';
import { simulate } from './model.ts';
import { defaultSettings, type SimSettings } from './settings.ts';

/** Summary figures of one trace. */
export interface TraceFigures {
  cycles: number;
  /** Median goal of the cycles after the start-up phase, MB as printed. */
  steadyGoalMB: number;
  /** Median marked heap (H2) after start-up, MB as printed. */
  steadyLiveMB: number;
  /** Median time between cycle starts after start-up, s. */
  steadyIntervalS: number;
  /** Cycles per second after start-up. */
  gcPerSecond: number;
}

/** Cycles that start before this are the start-up phase (the live heap being built). */
export const steadyAfterS = 1;

function median(values: number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Figures of a gctrace text (any era with start times). */
export function traceFigures(text: string): TraceFigures {
  const cycles = parseTrace(text).cycles.filter((c) => !c.forced);
  const steady = cycles.filter((c) => (c.atSeconds ?? 0) >= steadyAfterS);
  const intervals: number[] = [];
  for (let i = 1; i < steady.length; i++) {
    intervals.push((steady[i].atSeconds ?? 0) - (steady[i - 1].atSeconds ?? 0));
  }
  const steadyIntervalS = median(intervals);
  return {
    cycles: cycles.length,
    steadyGoalMB: median(steady.map((c) => c.goalMB ?? NaN)),
    steadyLiveMB: median(steady.map((c) => c.heapMB[2] ?? NaN)),
    steadyIntervalS,
    gcPerSecond: 1 / steadyIntervalS,
  };
}

/** A captured run of content/programs/gogc-demo and the settings it was run with. */
export interface Capture {
  /** File name in content/traces/simulator. */
  file: string;
  settings: SimSettings;
}

/** The fixed-parameter captures (content/traces/simulator/*.json): go1.19.8, GOMAXPROCS=2, 10 s, no leak. */
export const captures: readonly Capture[] = [
  { file: 'go1.19-sim-live32-rate256-gogc100.txt', live: 32, rate: 256, gogc: 100 },
  { file: 'go1.19-sim-live32-rate256-gogc200.txt', live: 32, rate: 256, gogc: 200 },
  { file: 'go1.19-sim-live64-rate128-gogc100.txt', live: 64, rate: 128, gogc: 100 },
  { file: 'go1.19-sim-live64-rate128-gogc200.txt', live: 64, rate: 128, gogc: 200 },
].map(({ file, live, rate, gogc }) => ({
  file,
  settings: { ...defaultSettings, liveMB: live, allocMBps: rate, gogc, goMinor: 19 },
}));

/** Relative difference of `simulated` from `real` (0.05 = 5 % more). */
export function relativeError(simulated: number, real: number): number {
  return (simulated - real) / real;
}

/** Real and simulated figures side by side, with relative errors. */
export interface Comparison {
  file: string;
  real: TraceFigures;
  simulated: TraceFigures;
  error: { cycles: number; steadyGoalMB: number; steadyIntervalS: number };
}

/**
 * How close the simulator must come to a capture. The goal is a formula of the live heap; the
 * capture's live heap is the 32/64 MiB of blocks plus the 0.75/1.5 MiB slice that holds them and
 * a little runtime data, which the simulator's whole-MB live setting leaves out: about 2.5 % less
 * goal. The cycle count and frequency also depend on where the pacer puts the trigger, which
 * the real pacer adjusts from cycle to cycle (the capture's H0 varies by up to 8 MB of a 33 MB
 * runway): 10 % covers that.
 */
export const tolerance = { steadyGoalMB: 0.05, cycles: 0.1, steadyIntervalS: 0.1 } as const;

/** Compares the simulation of `capture.settings` with the captured `text`. */
export function compareWithCapture(capture: Capture, text: string, seed = 1): Comparison {
  const real = traceFigures(text);
  const simulated = traceFigures(simulate(capture.settings, { seed }).text);
  return {
    file: capture.file,
    real,
    simulated,
    error: {
      cycles: relativeError(simulated.cycles, real.cycles),
      steadyGoalMB: relativeError(simulated.steadyGoalMB, real.steadyGoalMB),
      steadyIntervalS: relativeError(simulated.steadyIntervalS, real.steadyIntervalS),
    },
  };
}
