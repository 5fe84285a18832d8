// Command line for the trace engine: `npm run --silent gctrace -- parse|summary FILE` (FILE `-` = stdin).
// Node 24 strips the TypeScript types of the engine it imports.
import { readFileSync } from 'node:fs';
import { analyseTrace, parseTrace, traceView } from '../src/gctrace/index.ts';

const usage = `usage: npm run --silent gctrace -- <command> FILE

commands:
  parse FILE     print the parse as JSON: cycles, diagnostics, runs, companions, lineKinds
  summary FILE   print runs, pauses, peak heap, implied GOGC and the leak verdict as text

FILE may be - to read standard input.`;

const [command, file, ...rest] = process.argv.slice(2);
if ((command !== 'parse' && command !== 'summary') || file === undefined || rest.length > 0) {
  process.stderr.write(usage + '\n');
  process.exit(2);
}

let text;
try {
  text = readFileSync(file === '-' ? 0 : file, 'utf8');
} catch (error) {
  process.stderr.write(
    `gctrace: cannot read ${file === '-' ? 'standard input' : file}: ${error.code ?? error.message}\n`,
  );
  process.exit(1);
}

const parsed = parseTrace(text);
if (command === 'parse') {
  process.stdout.write(JSON.stringify(traceView(parsed), null, 2) + '\n');
} else {
  process.stdout.write(summary(parsed, analyseTrace(parsed)));
}

function fmt(value, digits = 1) {
  return value === null || value === undefined || Number.isNaN(value)
    ? 'n/a'
    : String(Math.round(value * 10 ** digits) / 10 ** digits);
}

function summary(parsed, analysis) {
  const out = [];
  const errors = parsed.diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = parsed.diagnostics.filter((d) => d.severity === 'warning').length;
  const kinds = Object.entries(parsed.lineKinds)
    .filter(([, n]) => n > 0)
    .map(([k, n]) => `${n} ${k}`)
    .join(', ');
  out.push(`${parsed.lineCount} lines: ${kinds}`);
  out.push(
    `${parsed.cycles.length} cycles in ${analysis.runs.length} run${analysis.runs.length === 1 ? '' : 's'}; ${errors} errors, ${warnings} warnings`,
  );
  for (const run of analysis.runs) {
    out.push('');
    out.push(
      `run ${run.run + 1} (${run.era}), lines ${run.firstLine}–${run.lastLine}: ${run.cycles} cycles${run.forcedCycles ? ` (${run.forcedCycles} forced)` : ''}${run.truncatedCycles ? `, ${run.truncatedCycles} truncated` : ''}`,
    );
    if (run.durationSeconds !== null)
      out.push(`  duration ${fmt(run.durationSeconds, 3)} s, ${fmt(run.gcPerSecond, 2)} GC/s`);
    if (run.pauses !== null)
      out.push(
        `  pauses (ms): p50 ${fmt(run.pauses.p50, 3)}, p95 ${fmt(run.pauses.p95, 3)}, p99 ${fmt(run.pauses.p99, 3)}, max ${fmt(run.pauses.max, 3)}`,
      );
    out.push(
      `  peak heap ${fmt(run.peakHeapMB, 0)} MB, peak live heap ${fmt(run.peakLiveMB, 0)} MB`,
    );
    const g = run.impliedGogc;
    out.push(
      `  implied GOGC: ${g === null ? run.impliedGogcNote : `${g.snapped ?? fmt(g.value)} (interval ${fmt(g.low)}–${fmt(g.high)}, ${g.cyclesAgreeing} of ${g.cyclesUsed} cycles agree)`}`,
    );
    if (run.gcOff)
      out.push('  GC off: the goal is the "no goal" value (GOGC=off, no memory limit)');
    if (run.memoryLimit.detected) out.push(`  memory limit: ${run.memoryLimit.reason}`);
    const v = run.leak;
    out.push(`  verdict: ${v.verdict.toUpperCase()}: ${v.reason}`);
    if (v.slopeMBPerCycle !== null)
      out.push(
        `  trend: ${fmt(v.theilSenMBPerCycle, 3)} MB/cycle (Theil–Sen), ${fmt(v.slopeMBPerMinute, 2)} MB/min, R² ${fmt(v.r2, 2)}; first third ${fmt(v.firstThirdSlopeMBPerCycle, 3)}, last third ${fmt(v.lastThirdSlopeMBPerCycle, 3)} MB/cycle`,
      );
    if (v.evidence.length > 0)
      out.push(
        `  evidence: ${v.evidence.map((e) => `line ${e.line} (gc ${e.gc}, ${e.liveMB} MB, ${e.note})`).join('; ')}`,
      );
  }
  return out.join('\n') + '\n';
}
