/**
 * Compares a simulated trace with a real capture of the same settings: cycle count, goal, peak
 * heap, live heap and GC CPU. Used by the simulator page, its write-up, its unit tests and
 * scripts/compare-simulator.mjs.
 */
import { maxOf, parseTrace } from '../gctrace/index.ts';
import { simulate } from './model.ts';
import type { SimSettings } from './settings.ts';

/** Summary figures of one run, as printed. */
export interface RunFigures {
  /** gc lines, forced ones included. */
  cycles: number;
  /** Of those, started by runtime.GC(). */
  forcedCycles: number;
  /**
   * Median goal of the cycles the pacer started after the start-up phase, MB as printed; with no
   * such cycle (GOGC=off without a limit) the goal of the first cycle: the "no goal" figure while
   * the heap is still as large as the program makes it (a late burst of allocation lowers it).
   */
  goalMB: number;
  /** Largest heap printed (start or end of marking), MB. */
  peakHeapMB: number;
  /** Median live heap (the third heap number) after the start-up phase, MB. */
  liveHeapMB: number;
  /** The GC CPU share the last line prints: the runtime's running total, %. */
  gcCpuPercent: number;
}

/** Cycles that start before this are the start-up phase (the live heap being built). */
export const steadyAfterS = 1;

function median(values: number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Figures of a gctrace text (any Go 1.5+ era); NaN where the trace has no cycle to tell. */
export function runFigures(text: string): RunFigures {
  const cycles = parseTrace(text).cycles;
  const steady = cycles.filter((c) => (c.atSeconds ?? 0) >= steadyAfterS);
  const paced = steady.filter((c) => !c.forced);
  const goals = (paced.length > 0 ? paced : cycles.slice(0, 1)).map((c) => c.goalMB ?? NaN);
  return {
    cycles: cycles.length,
    forcedCycles: cycles.filter((c) => c.forced).length,
    goalMB: median(goals),
    peakHeapMB: cycles.length
      ? maxOf(cycles.map((c) => Math.max(c.heapMB[0] ?? 0, c.heapMB[1] ?? 0)))
      : NaN,
    liveHeapMB: median(steady.map((c) => c.heapMB[2] ?? NaN)),
    gcCpuPercent: cycles.at(-1)?.cpuPercent ?? NaN,
  };
}

/** The figures compared, in table order. */
export const figureKeys = ['cycles', 'goalMB', 'peakHeapMB', 'liveHeapMB', 'gcCpuPercent'] as const;
export type FigureKey = (typeof figureKeys)[number];

/** Relative difference of `model` from `real` (0.05 = 5 % more). */
export function relativeError(model: number, real: number): number {
  return (model - real) / real;
}

/** Real and simulated figures side by side. */
export interface Comparison {
  real: RunFigures;
  model: RunFigures;
  /**
   * How far the model is from the real run: relative for cycles, goal and heaps (0.05 = 5 %
   * more), in MB for a "no goal" figure, and in percentage points for GC CPU.
   */
  error: Record<FigureKey, number>;
  /** The goal is the 13-digit "no goal" figure (GOGC=off, no limit): compared in MB. */
  noGoal: boolean;
}

/** Figures from 2^40 MB up are "no goal" (src/gctrace/scanGcLine.ts). */
const noGoalFromMB = 2 ** 40;

/** Compares `real` with `model` figures. */
export function compareFigures(real: RunFigures, model: RunFigures): Comparison {
  const noGoal = real.goalMB >= noGoalFromMB;
  return {
    real,
    model,
    noGoal,
    error: {
      cycles: relativeError(model.cycles, real.cycles),
      goalMB: noGoal ? model.goalMB - real.goalMB : relativeError(model.goalMB, real.goalMB),
      peakHeapMB: relativeError(model.peakHeapMB, real.peakHeapMB),
      liveHeapMB: relativeError(model.liveHeapMB, real.liveHeapMB),
      gcCpuPercent: model.gcCpuPercent - real.gcCpuPercent,
    },
  };
}

/** Compares the simulation of `settings` with the captured `text`. */
export function compareWithCapture(settings: SimSettings, text: string, seed = 1): Comparison {
  return compareFigures(runFigures(text), runFigures(simulate(settings, { seed }).text));
}

/** How a difference reads in a table: "+4.1 %", "−2 MB", "+0 points". */
export function formatError(key: FigureKey, comparison: Comparison): string {
  const value = comparison.error[key];
  if (!Number.isFinite(value)) return '–';
  const sign = value >= 0 ? '+' : '−';
  if (key === 'gcCpuPercent') return `${sign}${Math.abs(value)} points`;
  if (key === 'goalMB' && comparison.noGoal) return `${sign}${Math.abs(value)} MB`;
  return `${sign}${Math.abs(value * 100).toFixed(0)} %`;
}

/** What each figure is, for table headings. */
export const figureLabels: Readonly<Record<FigureKey, string>> = {
  cycles: 'Cycles',
  goalMB: 'Goal, MB',
  peakHeapMB: 'Peak heap, MB',
  liveHeapMB: 'Live heap, MB',
  gcCpuPercent: 'GC CPU, %',
};

/** A figure as a table shows it: whole numbers, halves kept, "–" for none. */
export function formatFigure(value: number): string {
  if (!Number.isFinite(value)) return '–';
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}

/**
 * A band the model's figure must fall in, as an error (see `Comparison.error`): from `low` to
 * `high`, either side unbounded when infinite.
 */
export interface FigureCheck {
  key: FigureKey;
  low: number;
  high: number;
  why: string;
}

/** How close the model must come to a real run of `settings`, on a quiet or a busy machine. */
export function figureChecks(busyMachine: boolean, settings: SimSettings): FigureCheck[] {
  const noGoal = settings.gogc === null && settings.limitMB === null;
  const goal: FigureCheck = noGoal
    ? {
        key: 'goalMB',
        low: -1,
        high: 1,
        why: 'the "no goal" figure follows from the source to the byte; with the non-heap memory fitted on the GOGC=off captures the last digit is off by at most 1',
      }
    : busyMachine
      ? {
          key: 'goalMB',
          low: -0.4,
          high: 0.1,
          why: 'on a busy machine marking takes longer, more is allocated black and the live heap the goal is set from grows: real runs of the same pacer code (1.21 to 1.27) are up to 40 % apart at GOGC=200, so the model may be that far below, and not more than 10 % above',
        }
      : {
          key: 'goalMB',
          low: -0.05,
          high: 0.05,
          why: 'the real live heap is the 32 MiB asked for plus the 0.75 MiB slice that holds it and some runtime data: 5 %',
        };
  if (!busyMachine) {
    return [
      { key: 'cycles', low: -0.05, high: 0.05, why: 'a steady program collects steadily: 5 %' },
      goal,
      {
        key: 'peakHeapMB',
        low: -0.25,
        high: 0.25,
        why: 'one late cycle sets the peak; the model has no late cycles: 25 %',
      },
      { key: 'liveHeapMB', low: -0.05, high: 0.05, why: 'as for the goal: 5 %' },
      {
        key: 'gcCpuPercent',
        low: -1,
        high: 1,
        why: 'the runtime truncates the share to a whole percent: 1 point',
      },
    ];
  }
  // A busy machine only adds: longer pauses and marking, and a program that falls behind and
  // catches up in bursts. So the real run may be far above the model, but not below it.
  return [
    goal,
    {
      key: 'peakHeapMB',
      low: -Infinity,
      high: 0.1,
      why: 'bursts of catching up only raise the real peak: the model may be far below it, not more than 10 % above',
    },
    {
      key: 'liveHeapMB',
      low: -Infinity,
      high: 0.05,
      why: 'longer marking only adds black-allocated memory to the real live heap: the model may be below it, not more than 5 % above',
    },
    {
      key: 'gcCpuPercent',
      low: -Infinity,
      high: 1,
      why: 'stretched pauses and marking only add to the real GC CPU: the model may be below it, not more than 1 point above',
    },
  ];
}

/** The checks `comparison` fails. */
export function failedChecks(
  checks: readonly FigureCheck[],
  comparison: Comparison,
): FigureCheck[] {
  return checks.filter((check) => {
    const error = comparison.error[check.key];
    return !(error >= check.low - 1e-9 && error <= check.high + 1e-9);
  });
}

/** One row of a real-against-model table, as text. */
export interface FigureRow {
  key: FigureKey;
  label: string;
  real: string;
  model: string;
  difference: string;
}

/** The rows of a real-against-model table for `comparison`, in `figureKeys` order. */
export function figureRows(comparison: Comparison): FigureRow[] {
  return figureKeys.map((key) => ({
    key,
    label: figureLabels[key],
    real: formatFigure(comparison.real[key]),
    model: formatFigure(comparison.model[key]),
    difference: formatError(key, comparison),
  }));
}
