/** The rules a CI job can fail on: a growing live heap, a long pause, a high GC CPU share. */
import type { ParsedTrace, TraceAnalysis } from '../gctrace/index.ts';
import { lastGcCpuPercent } from './summary-json.ts';

/** The limits asked for on the command line (null: not checked). */
export interface Rules {
  failOnGrowing: boolean;
  maxPauseMs: number | null;
  maxGcCpuPercent: number | null;
}

/** One rule checked against one run: the figure found and whether it passed. */
export interface RuleResult {
  rule: 'growing' | 'max-pause' | 'max-gc-cpu' | 'has-cycles';
  /** Index of the run (0 for the first, as in the analysis), null for the whole trace. */
  run: number | null;
  passed: boolean;
  figure: number | string | null;
  limit: number | string | null;
  message: string;
}

/** True when any rule was asked for. */
export function anyRule(rules: Rules): boolean {
  return rules.failOnGrowing || rules.maxPauseMs !== null || rules.maxGcCpuPercent !== null;
}

/** Checks every rule against every run; a trace with no cycle breaks any rule (nothing was captured). */
export function checkRules(
  rules: Rules,
  parsed: ParsedTrace,
  analysis: TraceAnalysis,
): RuleResult[] {
  if (!anyRule(rules)) return [];
  if (analysis.runs.length === 0)
    return [
      {
        rule: 'has-cycles',
        run: null,
        passed: false,
        figure: 0,
        limit: null,
        message: 'no gc line to check the rules against: was standard error captured?',
      },
    ];
  const results: RuleResult[] = [];
  for (const run of analysis.runs) {
    const n = run.run + 1;
    if (rules.failOnGrowing) {
      const growing = run.leak.verdict === 'growing';
      results.push({
        rule: 'growing',
        run: run.run,
        passed: !growing,
        figure: run.leak.verdict,
        limit: 'growing',
        message: `run ${n}: live heap ${growing ? 'is growing' : `verdict ${run.leak.verdict}`}: ${run.leak.reason}`,
      });
    }
    if (rules.maxPauseMs !== null) {
      const max = run.pauses?.max ?? null;
      const passed = max === null || max <= rules.maxPauseMs;
      results.push({
        rule: 'max-pause',
        run: run.run,
        passed,
        figure: max,
        limit: rules.maxPauseMs,
        message: `run ${n}: longest pause ${max === null ? 'unknown' : `${max} ms`} ${passed ? 'is within' : 'exceeds'} --max-pause ${rules.maxPauseMs} ms`,
      });
    }
    if (rules.maxGcCpuPercent !== null) {
      const percent = lastGcCpuPercent(parsed, run.run);
      const passed = percent === null || percent <= rules.maxGcCpuPercent;
      results.push({
        rule: 'max-gc-cpu',
        run: run.run,
        passed,
        figure: percent,
        limit: rules.maxGcCpuPercent,
        message: `run ${n}: GC CPU ${percent === null ? 'unknown' : `${percent}%`} (the last line's #%) ${passed ? 'is within' : 'exceeds'} --max-gc-cpu ${rules.maxGcCpuPercent}%`,
      });
    }
  }
  return results;
}
