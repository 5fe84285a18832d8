// Parser throughput: 1,000,000 Go 1.19-style gc lines, parse time against a loop that only reads
// every character. Run through `npm run bench` (Node 24 strips the TypeScript types).
import { mkdirSync, writeFileSync } from 'node:fs';
import { formatCycle, fmtNSAsMS, parseTrace } from '../src/gctrace/index.ts';

const lineCount = Number(process.env.BENCH_LINES ?? 1_000_000);

/** Deterministic pseudo-random numbers, so every run parses the same text. */
function lcg(seed) {
  let x = seed >>> 0;
  return () => (x = (Math.imul(x, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

function generate(count) {
  const random = lcg(42);
  const ms = (maxNs) => Number(fmtNSAsMS(random() * maxNs));
  const lines = new Array(count);
  let live = 40;
  let at = 0.05;
  for (let i = 0; i < count; i++) {
    at += 0.01 + random() * 0.5;
    const start = Math.floor(live * 2 * (0.85 + random() * 0.1));
    const end = start + Math.floor(random() * 6);
    live = Math.max(4, Math.floor(live + (random() - 0.5) * 6));
    lines[i] = formatCycle({
      line: 0,
      column: 1,
      endLine: 0,
      gc: i + 1,
      era: 'go1.18+',
      atSeconds: Math.round(at * 1000) / 1000,
      cpuPercent: Math.floor(random() * 8),
      leakCheck: false,
      clockMs: [ms(200_000), ms(40_000_000), ms(150_000)],
      cpuMs: [ms(800_000), [ms(5_000_000), ms(60_000_000), ms(30_000_000)], ms(600_000)],
      heapMB: [start, end, live],
      goalMB: live * 2,
      goalUnbounded: false,
      stacksMB: Math.floor(random() * 3),
      globalsMB: 0,
      procs: 8,
      forced: random() < 0.01,
      truncated: false,
      rejoined: false,
      run: 0,
      legacy: null,
    });
  }
  return lines.join('\n') + '\n';
}

function baseline(text) {
  let sum = 0;
  for (let i = 0; i < text.length; i++) sum = (sum + text.charCodeAt(i)) | 0;
  return sum;
}

function best(runs, fn) {
  let bestMs = Infinity;
  let result;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    result = fn();
    bestMs = Math.min(bestMs, performance.now() - t0);
    result = i < runs - 1 ? undefined : result;
  }
  return { ms: bestMs, result };
}

const text = generate(lineCount);
const megabytes = text.length / 1e6;
const base = best(3, () => baseline(text));
const parse = best(3, () => parseTrace(text));
const parsed = parse.result;

let retainedBytesPerCycle = null;
if (typeof globalThis.gc === 'function') {
  globalThis.gc();
  const before = process.memoryUsage().heapUsed;
  let held = parseTrace(text);
  globalThis.gc();
  const after = process.memoryUsage().heapUsed;
  retainedBytesPerCycle = Math.round((after - before) / held.cycles.length);
  held = null;
}

const figures = {
  lines: lineCount,
  megabytes: Number(megabytes.toFixed(1)),
  cycles: parsed.cycles.length,
  diagnostics: parsed.diagnostics.length,
  baselineMs: Math.round(base.ms),
  parseMs: Math.round(parse.ms),
  parseMBPerSecond: Math.round(megabytes / (parse.ms / 1000)),
  baselineMBPerSecond: Math.round(megabytes / (base.ms / 1000)),
  ratio: Number((parse.ms / base.ms).toFixed(2)),
  retainedBytesPerCycle,
  node: process.version,
};
console.log(`parse: ${figures.lines} lines, ${figures.megabytes} MB`);
console.log(
  `  baseline (read every char): ${figures.baselineMs} ms, ${figures.baselineMBPerSecond} MB/s`,
);
console.log(
  `  parseTrace (best of 3):     ${figures.parseMs} ms, ${figures.parseMBPerSecond} MB/s`,
);
console.log(`  ratio parse/baseline:       ${figures.ratio}x (target ≤ 3x)`);
console.log(
  `  retained heap per cycle:    ${retainedBytesPerCycle === null ? 'n/a (run with --expose-gc)' : `${retainedBytesPerCycle} bytes`}`,
);
mkdirSync(new URL('../bench-results/', import.meta.url), { recursive: true });
writeFileSync(
  new URL('../bench-results/parse.json', import.meta.url),
  JSON.stringify(figures, null, 2) + '\n',
);
