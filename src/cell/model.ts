/**
 * Everything a trace cell shows, derived from the trace text: parse, analyse, and shape the
 * results for charts, status line and findings. Pure: no DOM, so it runs at build time, in the
 * page and in a worker.
 */
import {
  analyseTrace,
  eraLabel,
  formatSize,
  formatTimeSpan,
  gcRateText,
  mainRun,
  parseTrace,
  verdictSentence,
  verdictTitles,
} from '../gctrace/index.ts';
import type {
  CpuPhase,
  Diagnostic,
  EraId,
  GcCycle,
  ParsedTrace,
  RunAnalysis,
  TraceAnalysis,
} from '../gctrace/index.ts';
import type { ChartCycle } from '../charts/index.ts';
import { toChartCycles } from '../charts/chart-data.ts';

export interface Finding {
  label: string;
  value: string;
  detail?: string;
}

export interface CellVerdict {
  status: 'growing' | 'stable' | 'inconclusive';
  title: string;
  reason: string;
  evidence: number[];
}

/**
 * What a cell shows: status, problems, chart data, findings. Small and plain, so a worker can
 * send it without the parse behind it.
 */
export interface CellView {
  /** The run the charts and findings describe. */
  runIndex: number;
  runCount: number;
  cycleCount: number;
  problemCount: number;
  problems: Diagnostic[];
  /** Every diagnostic, notes included: the editor's markers. */
  diagnostics: Diagnostic[];
  eraLabel: string;
  /** The era of the run shown (its cycles' majority), null without cycles. */
  era: EraId | null;
  chartCycles: ChartCycle[];
  findings: Finding[];
  verdict: CellVerdict;
}

/** A cell's view with the parse and analysis it came from. */
export interface CellModel extends CellView {
  parsed: ParsedTrace;
  analysis: TraceAnalysis;
}

/** The view alone, without the parse and analysis (which are large to copy). */
export function cellView(model: CellModel): CellView {
  return {
    runIndex: model.runIndex,
    runCount: model.runCount,
    cycleCount: model.cycleCount,
    problemCount: model.problemCount,
    problems: model.problems,
    diagnostics: model.diagnostics,
    eraLabel: model.eraLabel,
    era: model.era,
    chartCycles: model.chartCycles,
    findings: model.findings,
    verdict: model.verdict,
  };
}

export { eraLabel, verdictTitles } from '../gctrace/index.ts';

const round = (value: number, digits = 1) =>
  Number.isInteger(value) ? String(value) : value.toFixed(digits);
const ms = (value: number) =>
  (value >= 10 ? round(value, 0) : value >= 1 ? round(value, 1) : round(value, 3)) + ' ms';

/** The figures a cell lists for a run; `cycles` only need their printed GC CPU %. */
export function runFindings(
  run: RunAnalysis,
  cycles: readonly Pick<GcCycle, 'cpuPercent'>[],
): Finding[] {
  const findings: Finding[] = [{ label: 'Cycles', value: String(run.cycles) }];
  if (run.forcedCycles > 0) findings[0]!.detail = `${run.forcedCycles} forced`;
  if (run.durationSeconds !== null) {
    findings.push({
      label: 'Duration',
      value: formatTimeSpan(run.durationSeconds),
      detail: run.gcPerSecond !== null ? gcRateText(run.gcPerSecond) : undefined,
    });
  }
  if (run.pauses) {
    findings.push({ label: 'Pause p50', value: ms(run.pauses.p50) });
    findings.push({ label: 'Pause p99', value: ms(run.pauses.p99) });
    findings.push({ label: 'Pause max', value: ms(run.pauses.max) });
  }
  if (run.peakHeapMB !== null)
    findings.push({ label: 'Peak heap', value: formatSize(run.peakHeapMB) });
  const lastPercent = [...cycles].reverse().find((c) => c.cpuPercent !== null)?.cpuPercent;
  if (lastPercent !== undefined && lastPercent !== null) {
    findings.push({
      label: 'GC CPU so far',
      value: `${lastPercent}%`,
      detail: 'the last line’s #%',
    });
  }
  if (run.gcOff) {
    findings.push({ label: 'Implied GOGC', value: 'off', detail: 'the goal is unbounded' });
  } else if (run.impliedGogc) {
    const g = run.impliedGogc;
    findings.push({
      label: 'Implied GOGC',
      value: g.snapped !== null ? `≈ ${g.snapped}` : `≈ ${Math.round(g.value)}`,
      detail: `between ${Math.round(g.low)} and ${Math.round(g.high)}`,
    });
  } else {
    findings.push({ label: 'Implied GOGC', value: 'unknown', detail: run.impliedGogcNote });
  }
  if (run.memoryLimit.detected) {
    findings.push({ label: 'Memory limit', value: 'in effect', detail: run.memoryLimit.reason });
  }
  return findings;
}

function sameNumbers(a: readonly number[] | null, b: readonly number[] | null): boolean {
  if (a === null || b === null) return a === b;
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

function sameCpu(a: readonly CpuPhase[] | null, b: readonly CpuPhase[] | null): boolean {
  if (a === null || b === null) return a === b;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (typeof x === 'number' || typeof y === 'number' ? x !== y : !sameNumbers(x, y)) return false;
  }
  return true;
}

/** True when two parses hold the same cycles and runs, field for field. */
export function sameCyclesAndRuns(a: ParsedTrace, b: ParsedTrace): boolean {
  if (a.cycles.length !== b.cycles.length || a.runs.length !== b.runs.length) return false;
  for (let i = 0; i < a.cycles.length; i++) {
    const x = a.cycles[i]!;
    const y = b.cycles[i]!;
    // A parse that took over from the previous one shares the cycles before the edit.
    if (x === y) continue;
    if (
      x.line !== y.line ||
      x.gc !== y.gc ||
      x.era !== y.era ||
      x.atSeconds !== y.atSeconds ||
      x.cpuPercent !== y.cpuPercent ||
      x.goalMB !== y.goalMB ||
      x.goalUnbounded !== y.goalUnbounded ||
      x.stacksMB !== y.stacksMB ||
      x.globalsMB !== y.globalsMB ||
      x.procs !== y.procs ||
      x.forced !== y.forced ||
      x.leakCheck !== y.leakCheck ||
      x.truncated !== y.truncated ||
      x.run !== y.run ||
      !sameNumbers(x.clockMs, y.clockMs) ||
      !sameNumbers(x.heapMB, y.heapMB) ||
      !sameCpu(x.cpuMs, y.cpuMs) ||
      JSON.stringify(x.legacy) !== JSON.stringify(y.legacy)
    ) {
      return false;
    }
  }
  return JSON.stringify(a.runs) === JSON.stringify(b.runs);
}

/**
 * `buildCellModel`, or the reason it could not build one ("TypeError: …"): a trace that trips the
 * reader fails its own cell, never the page or the worker the page's other cells share.
 */
export function buildCellModelOrReason(
  text: string,
  runIndex?: number,
  previous?: CellModel,
): { model: CellModel } | { reason: string } {
  try {
    return { model: buildCellModel(text, runIndex, previous) };
  } catch (error) {
    return { reason: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  }
}

/** Parses and analyses a trace, shaped for one cell. */
export function buildCellModel(text: string, runIndex?: number, previous?: CellModel): CellModel {
  // Only the lines from the edit on are read again.
  const parsed = parseTrace(text, previous?.parsed);
  // Most keystrokes change no cycle (a half-typed line, program output): the analysis and the
  // chart data of the previous model still hold, and keeping them lets the charts skip a redraw.
  const unchanged = previous !== undefined && sameCyclesAndRuns(previous.parsed, parsed);
  const analysis = unchanged ? previous.analysis : analyseTrace(parsed, previous);
  const problems = parsed.diagnostics.filter((d) => d.severity !== 'info');
  const index = runIndex ?? mainRun(analysis.runs.map((r) => r.cycles));
  const run = analysis.runs[index];
  const runMeta = parsed.runs[index];
  const cycles = runMeta ? runMeta.cycleIndices.map((i) => parsed.cycles[i]!) : [];
  // The charts' data stands when the run they show is made of the very same cycles as before
  // (an edit in another run, or in program output).
  const previousMeta = previous?.parsed.runs[previous.runIndex];
  const sameRun =
    previous !== undefined &&
    previousMeta !== undefined &&
    previousMeta.cycleIndices.length === cycles.length &&
    previousMeta.cycleIndices.every((ci, k) => previous.parsed.cycles[ci] === cycles[k]);
  const chartCycles =
    sameRun || (unchanged && previous.runIndex === index)
      ? previous.chartCycles
      : toChartCycles(cycles, run?.measures ?? []);

  const verdict: CellVerdict = run
    ? {
        status: run.leak.verdict,
        title: verdictTitles[run.leak.verdict],
        reason: verdictSentence(run.leak.reason),
        evidence: [...new Set(run.leak.evidence.map((e) => e.line))],
      }
    : {
        status: 'inconclusive',
        title: verdictTitles.inconclusive,
        reason: 'There are no gc lines to read yet.',
        evidence: [],
      };

  return {
    parsed,
    analysis,
    runIndex: index,
    runCount: analysis.runs.length,
    cycleCount: parsed.cycles.length,
    problemCount: problems.length,
    problems,
    diagnostics: parsed.diagnostics,
    eraLabel: eraLabel(runMeta?.era ?? parsed.cycles[0]?.era ?? null),
    era: runMeta?.era ?? parsed.cycles[0]?.era ?? null,
    chartCycles,
    findings: run ? runFindings(run, cycles) : [],
    verdict,
  };
}
