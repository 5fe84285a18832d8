/** The plain-language summary of a trace that `gctrace summary` prints. */
import {
  evidenceDiscountNote,
  evidenceLiveHeap,
  gcRateText,
  goalSetterTitles,
  inUnit,
  plural as count,
  sizeUnit,
  timeUnit,
} from '../gctrace/index.ts';
import type { LineKind, ParsedTrace, TraceAnalysis } from '../gctrace/index.ts';

/** A figure rounded to `digits` decimals, or n/a. */
export function fmt(value: number | null | undefined, digits = 1): string {
  return value === null || value === undefined || Number.isNaN(value)
    ? 'n/a'
    : String(Math.round(value * 10 ** digits) / 10 ** digits);
}

/** What each kind of line is called in the summary, singular and plural. */
const kindNouns: Record<LineKind, [string, string]> = {
  cycle: ['gc line', 'gc lines'],
  companion: ['other runtime line', 'other runtime lines'],
  output: ['line of program output', 'lines of program output'],
  blank: ['blank line', 'blank lines'],
  markup: ['markup line', 'markup lines'],
  diagnostic: ['unreadable line', 'unreadable lines'],
};

/** The summary as text: the lines read, then per run its pauses, heap, implied GOGC and verdict. */
export function summaryText(parsed: ParsedTrace, analysis: TraceAnalysis): string {
  const out: string[] = [];
  const errors = parsed.diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = parsed.diagnostics.filter((d) => d.severity === 'warning').length;
  const kinds = Object.entries(parsed.lineKinds)
    .filter(([, n]) => n > 0)
    .map(([k, n]) => count(n, kindNouns[k as LineKind][0], kindNouns[k as LineKind][1]))
    .join(', ');
  out.push(`${count(parsed.lineCount, 'line')}${kinds === '' ? '' : `: ${kinds}`}`);
  out.push(
    `${count(parsed.cycles.length, 'cycle')} in ${count(analysis.runs.length, 'run')}; ${count(errors, 'error')}, ${count(warnings, 'warning')}`,
  );
  for (const run of analysis.runs) {
    out.push('');
    out.push(
      `run ${run.run + 1} (${run.era}), lines ${run.firstLine}–${run.lastLine}: ${count(run.cycles, 'cycle')}${run.forcedCycles ? ` (${run.forcedCycles} forced)` : ''}${run.truncatedCycles ? `, ${run.truncatedCycles} truncated` : ''}`,
    );
    if (run.durationSeconds !== null) {
      // Minutes or hours for long runs, as the charts count them.
      const time = timeUnit(run.durationSeconds);
      const length = fmt(inUnit(run.durationSeconds, time), time.size === 1 ? 3 : 1);
      const rate = run.gcPerSecond === null ? 'n/a' : gcRateText(run.gcPerSecond);
      out.push(`  duration ${length} ${time.symbol}, ${rate}`);
    }
    if (run.pauses !== null)
      out.push(
        `  pauses (ms): p50 ${fmt(run.pauses.p50, 3)}, p95 ${fmt(run.pauses.p95, 3)}, p99 ${fmt(run.pauses.p99, 3)}, max ${fmt(run.pauses.max, 3)}`,
      );
    // Both peaks in the unit the larger one calls for (GB past 10,000 MB).
    const size = sizeUnit(Math.max(run.peakHeapMB ?? 0, run.peakLiveMB ?? 0));
    const mb = (v: number | null) =>
      `${fmt(v === null ? null : inUnit(v, size), size.size === 1 ? 0 : 1)} ${size.symbol}`;
    out.push(`  peak heap ${mb(run.peakHeapMB)}, peak live heap ${mb(run.peakLiveMB)}`);
    const g = run.impliedGogc;
    out.push(
      `  implied GOGC: ${g === null ? run.impliedGogcNote : `${g.snapped ?? fmt(g.value)} (interval ${fmt(g.low)}–${fmt(g.high)}, ${g.cyclesAgreeing} of ${count(g.cyclesUsed, 'cycle')} agree)`}`,
    );
    if (run.gcOff)
      out.push('  GC off: the goal is the "no goal" value (GOGC=off, no memory limit)');
    else
      out.push(
        `  goal set by: ${goalSetterTitles[run.memoryLimit.goalSetBy]}`,
        `    ${run.memoryLimit.reason}`,
      );
    const v = run.leak;
    out.push(`  verdict: ${v.verdict.toUpperCase()}: ${v.reason}`);
    if (v.slopeMBPerCycle !== null)
      out.push(
        `  trend: ${fmt(v.theilSenMBPerCycle, 3)} MB/cycle (Theil–Sen), ${fmt(v.slopeMBPerMinute, 2)} MB/min, R² ${fmt(v.r2, 2)}; first third ${fmt(v.firstThirdSlopeMBPerCycle, 3)}, last third ${fmt(v.lastThirdSlopeMBPerCycle, 3)} MB/cycle`,
      );
    if (v.evidence.length > 0) {
      out.push(
        `  evidence: ${v.evidence.map((e) => `line ${e.line} (gc ${e.gc}, ${e.note}: ${evidenceLiveHeap(e)})`).join('; ')}`,
      );
      const why = evidenceDiscountNote(v.evidence);
      if (why) out.push(`    ${why}`);
    }
  }
  return out.join('\n') + '\n';
}

/** What to do when a file holds no gc line at all: the runtime writes the trace to standard error. */
export const noGcLineHint =
  'no gc line found. The runtime prints the trace on standard error: capture it with\n' +
  '  GODEBUG=gctrace=1 ./yourprogram 2>trace.txt';
