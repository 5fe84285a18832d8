/** The analysis of a trace as plain JSON, for `gctrace summary --json`. */
import type { ParsedTrace, RunAnalysis, TraceAnalysis } from '../gctrace/index.ts';
import type { RuleResult } from './rules.ts';

/** A run's analysis without its per-cycle columns, plus the GC CPU % its last line printed. */
export type RunSummary = Omit<RunAnalysis, 'measures' | 'gcCpuWindows'> & {
  /** The runtime's own GC CPU share since the program started, from the run's last `N%` field. */
  gcCpuPercent: number | null;
};

/** Everything `summary --json` prints: counts, one entry per run, and the rules checked. */
export interface SummaryJson {
  lineCount: number;
  lineKinds: ParsedTrace['lineKinds'];
  cycles: number;
  errors: number;
  warnings: number;
  runs: RunSummary[];
  rules: RuleResult[];
  /** True when a rule given with --fail-on, --max-pause or --max-gc-cpu is broken. */
  failed: boolean;
}

/** The GC CPU % printed on the run's last line that has one (the runtime's running total). */
export function lastGcCpuPercent(parsed: ParsedTrace, run: number): number | null {
  const indices = parsed.runs[run]?.cycleIndices ?? [];
  for (let k = indices.length - 1; k >= 0; k--) {
    const percent = parsed.cycles[indices[k]!]!.cpuPercent;
    if (percent !== null) return percent;
  }
  return null;
}

/** The JSON summary of a parsed and analysed trace. */
export function summaryJson(
  parsed: ParsedTrace,
  analysis: TraceAnalysis,
  rules: RuleResult[],
): SummaryJson {
  return {
    lineCount: parsed.lineCount,
    lineKinds: parsed.lineKinds,
    cycles: parsed.cycles.length,
    errors: parsed.diagnostics.filter((d) => d.severity === 'error').length,
    warnings: parsed.diagnostics.filter((d) => d.severity === 'warning').length,
    runs: analysis.runs.map(({ measures: _measures, gcCpuWindows: _windows, ...run }) => ({
      ...run,
      gcCpuPercent: lastGcCpuPercent(parsed, run.run),
    })),
    rules,
    failed: rules.some((r) => !r.passed),
  };
}
