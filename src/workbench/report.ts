/** Findings as Markdown for a bug report, and the difference table of two traces. */
import { runFindings, type CellVerdict, type Finding } from '../cell/model.ts';
import {
  evidenceDiscountNote,
  evidenceLiveHeap,
  formatSignificant,
  gcRateText,
  inUnit,
  plural,
  sizeUnit,
  verdictSentence,
  verdictTitles,
} from '../gctrace/index.ts';
import type { RangeSummary } from './summary.ts';

const fmt = (v: number, digits = 2) =>
  Number.isInteger(v) ? String(v) : String(Number(v.toFixed(digits)));
const seconds = (v: number) => `${fmt(v, 3)} s`;

/** The findings list for a summary, with a note on sampled figures. */
export function summaryFindings(summary: RangeSummary): Finding[] {
  const findings = runFindings(summary.analysis, [{ cpuPercent: summary.stats.lastCpuPercent }]);
  if (summary.stats.gcCpuShare !== null) {
    findings.splice(
      findings.findIndex((f) => f.label === 'GC CPU so far') + 1 || findings.length,
      0,
      {
        label: 'GC CPU in range',
        value: `${fmt(summary.stats.gcCpuShare * 100, 1)}%`,
        detail: 'GC CPU ÷ (interval × P), every cycle',
      },
    );
  }
  const slope = summary.analysis.leak.slopeMBPerMinute;
  if (slope !== null) findings.push({ label: 'Live-heap slope', value: `${fmt(slope, 3)} MB/min` });
  return findings;
}

/** The leak verdict of a summary, as the findings show it: each evidence line once. */
export function summaryVerdict(summary: RangeSummary): CellVerdict {
  const leak = summary.analysis.leak;
  return {
    status: leak.verdict,
    title: verdictTitles[leak.verdict],
    reason: verdictSentence(leak.reason),
    evidence: [...new Set(leak.evidence.map((e) => e.line))],
  };
}

/** One sentence on how the verdict was reached when the engine saw a sample. */
export function sampleSentence(summary: RangeSummary): string | null {
  if (summary.sample === null) return null;
  return `The leak verdict, live-heap slope and implied GOGC come from ${summary.sample.used.toLocaleString('en')} of the ${summary.sample.of.toLocaleString('en')} cycles (evenly spaced pairs of neighbours); cycle counts, pauses, peak heap and GC CPU use every cycle.`;
}

const escapeCell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** A Markdown report of the findings. */
export function findingsMarkdown(options: {
  source: string;
  run: number;
  runCount: number;
  summary: RangeSummary;
  problems: number;
  lines: number;
}): string {
  const { summary } = options;
  const a = summary.analysis;
  const out: string[] = [];
  out.push(`## GC trace findings: ${escapeCell(options.source)}`, '');
  const range = summary.domain
    ? `, ${seconds(summary.domain[0])} – ${seconds(summary.domain[1])}`
    : '';
  out.push(
    `Run ${options.run + 1} of ${options.runCount} (lines ${a.firstLine}–${a.lastLine}${range}); ${plural(options.lines, 'line')} read, ${plural(options.problems, 'problem')}.`,
    '',
  );
  out.push(`**${verdictTitles[a.leak.verdict]}.** ${verdictSentence(a.leak.reason)}`, '');
  if (a.leak.evidence.length > 0) {
    out.push('Evidence:', '');
    for (const e of a.leak.evidence)
      out.push(`- line ${e.line} (gc ${e.gc}): ${e.note}: ${evidenceLiveHeap(e)}`);
    out.push('');
    const why = evidenceDiscountNote(a.leak.evidence);
    if (why) out.push(why, '');
  }
  out.push('| Finding | Value | Detail |', '| --- | --- | --- |');
  for (const f of summaryFindings(summary))
    out.push(`| ${escapeCell(f.label)} | ${escapeCell(f.value)} | ${escapeCell(f.detail ?? '')} |`);
  const note = sampleSentence(summary);
  if (note) out.push('', `_${note}_`);
  out.push('', '_Made with the gctrace lab workbench; the trace never left the browser._', '');
  return out.join('\n');
}

/** One row of the comparison of two traces. */
export interface DifferenceRow {
  label: string;
  a: string;
  b: string;
  change: string;
}

/**
 * B − A with its sign, and as a percentage of A where that means something: only for amounts
 * (A above 0, B not below). A slope or any value that changes sign has no base to be a share of:
 * a slope of 0.5 MB/min going to −1.2 is not "−349%". So a drop is never more than −100%.
 */
export function change(
  a: number | null,
  b: number | null,
  unit = '',
  write: (v: number) => string = (v) => fmt(v, 3),
): string {
  if (a === null || b === null) return '—';
  const diff = b - a;
  const sign = diff > 0 ? '+' : diff < 0 ? '−' : '±';
  const relative = a > 0 && b >= 0 ? ` (${sign}${fmt(Math.abs((diff / a) * 100), 0)}%)` : '';
  return `${sign}${write(Math.abs(diff))}${unit}${relative}`;
}

/** The comparison table: GC count and frequency, pauses, peak heap, slope, GC CPU, GOGC. */
export function differenceRows(a: RangeSummary, b: RangeSummary): DifferenceRow[] {
  const rows: DifferenceRow[] = [];
  const add = (label: string, x: number | null, y: number | null, unit: string, digits = 3) =>
    rows.push({
      label,
      a: x === null ? '—' : `${fmt(x, digits)}${unit}`,
      b: y === null ? '—' : `${fmt(y, digits)}${unit}`,
      change: change(x, y, unit),
    });
  const A = a.analysis;
  const B = b.analysis;
  add('GC cycles', A.cycles, B.cycles, '');
  const rate = (v: number | null) => (v === null ? '—' : gcRateText(v));
  rows.push({
    label: 'GC frequency',
    a: rate(A.gcPerSecond),
    b: rate(B.gcPerSecond),
    change: change(A.gcPerSecond, B.gcPerSecond, ' GC/s', (v) => formatSignificant(v)),
  });
  add('Pause p50', A.pauses?.p50 ?? null, B.pauses?.p50 ?? null, ' ms');
  add('Pause p99', A.pauses?.p99 ?? null, B.pauses?.p99 ?? null, ' ms');
  add('Pause max', A.pauses?.max ?? null, B.pauses?.max ?? null, ' ms');
  // Both traces' peaks in one unit, the one the larger calls for (GB past 10,000 MB).
  const size = sizeUnit(Math.max(A.peakHeapMB ?? 0, B.peakHeapMB ?? 0));
  const inSize = (v: number | null) => (v === null ? null : inUnit(v, size));
  add('Peak heap', inSize(A.peakHeapMB), inSize(B.peakHeapMB), ` ${size.symbol}`);
  add('Live-heap slope', A.leak.slopeMBPerMinute, B.leak.slopeMBPerMinute, ' MB/min');
  const share = (s: RangeSummary) =>
    s.stats.gcCpuShare === null ? null : s.stats.gcCpuShare * 100;
  add('GC CPU', share(a), share(b), '%', 2);
  const gogc = (s: RangeSummary) => {
    const g = s.analysis.impliedGogc;
    return s.analysis.gcOff
      ? 'off'
      : g === null
        ? 'unknown'
        : `≈ ${g.snapped ?? Math.round(g.value)}`;
  };
  const ga = A.gcOff ? null : (A.impliedGogc?.snapped ?? A.impliedGogc?.value ?? null);
  const gb = B.gcOff ? null : (B.impliedGogc?.snapped ?? B.impliedGogc?.value ?? null);
  rows.push({ label: 'Implied GOGC', a: gogc(a), b: gogc(b), change: change(ga, gb) });
  rows.push({
    label: 'Leak verdict',
    a: A.leak.verdict,
    b: B.leak.verdict,
    change: A.leak.verdict === B.leak.verdict ? 'same' : `${A.leak.verdict} → ${B.leak.verdict}`,
  });
  return rows;
}
