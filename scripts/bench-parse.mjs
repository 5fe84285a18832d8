// Parser throughput: 1,000,000 Go 1.19-style gc lines, parse time against a loop that only reads
// every character. Then the same for a real line of each era and for a messy log (log prefixes,
// Docker JSON, program output between the gc lines), each repeated with increasing gc numbers and
// times. Run through `npm run bench` (Node 24 strips the TypeScript types).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { formatCycle, fmtNSAsMS, parseTrace, readCanonicalStretch } from '../src/gctrace/index.ts';

const lineCount = Number(process.env.BENCH_LINES ?? 1_000_000);
/** Lines of each era's text and of the messy log. */
const eraLineCount = Number(process.env.BENCH_ERA_LINES ?? Math.min(200_000, lineCount));

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

/**
 * Collects the heap twice when the bench runs with --expose-gc: the second collection finishes
 * the sweeping of the first, so no collector work left from the run before overlaps a timed run.
 */
function settle() {
  globalThis.gc?.();
  globalThis.gc?.();
}

/**
 * Best times of the bare loop and of `read` (parseTrace unless told) over `text`, run in turn so
 * that both see the same machine load (it is shared); the last result of `read` is returned.
 */
function race(runs, text, read = parseTrace) {
  let baselineMs = Infinity;
  let parseMs = Infinity;
  let result;
  for (let i = 0; i < runs; i++) {
    result = undefined;
    settle();
    let t0 = performance.now();
    baseline(text);
    baselineMs = Math.min(baselineMs, performance.now() - t0);
    settle();
    t0 = performance.now();
    result = read(text);
    parseMs = Math.min(parseMs, performance.now() - t0);
  }
  return { baselineMs, parseMs, result };
}

/** A real trace file of the project. */
const trace = (path) => readFileSync(new URL(`../${path}`, import.meta.url), 'utf8');
const gcLines = (text) => text.split('\n').filter((l) => /^gc ?#?\d/.test(l));

/**
 * `count` lines made from real `lines`, taken in turn, each with the next gc number and (Go 1.5+)
 * a start time that keeps going up; everything else on the line is kept as printed.
 */
function repeatLines(lines, count) {
  const out = new Array(count);
  let ms = 0;
  for (let i = 0; i < count; i++) {
    ms += 7 + (i % 13);
    const seconds = `${Math.trunc(ms / 1000)}.${String(ms % 1000).padStart(3, '0')}`;
    out[i] = lines[i % lines.length]
      .replace(/^gc( ?#?)\d+/, `gc$1${i + 1}`)
      .replace(/ @[\d.]+s /, ` @${seconds}s `);
  }
  return out;
}

/** Real lines of each era, from the captures and recorded sources in the repository. */
const eraSources = [
  ['go1.3-1.4 (legacy)', 'tests/fixtures/issue-go1.4.2.txt'],
  ['go1.5', 'content/traces/seed-go1.5.txt'],
  ['go1.9-1.17', 'tests/fixtures/issue-go1.9.txt'],
  ['go1.18+', 'content/traces/steady.txt'],
];

/**
 * A log as collectors keep it: the gc lines and program output of a real capture
 * (content/traces/leaking-map.txt), each line with a timestamp, a `[pod-1]` prefix, a journald
 * prefix or wrapped in Docker's JSON, in turn.
 */
function messyLog(count) {
  const source = trace('content/traces/leaking-map.txt').split('\n').filter(Boolean);
  const output = source.filter((l) => !l.startsWith('gc '));
  const gc = repeatLines(gcLines(source.join('\n')), count);
  const stamp = (i) =>
    `2026-11-26T10:${String(Math.trunc(i / 60000) % 60).padStart(2, '0')}:${String(Math.trunc(i / 1000) % 60).padStart(2, '0')}.${String(i % 1000).padStart(3, '0')}Z`;
  const wrap = (i, line) => {
    switch (i % 4) {
      case 0:
        return `${stamp(i)} ${line}`;
      case 1:
        return `[pod-1] ${line}`;
      case 2:
        return `Nov 26 10:00:00 web-1 leaking-map[4242]: ${line}`;
      default:
        return JSON.stringify({ log: `${line}\n`, stream: 'stderr', time: stamp(i) });
    }
  };
  const out = [];
  for (let i = 0; out.length < count; i++) {
    out.push(wrap(i, gc[i]));
    // The program prints a line between some of the gc lines.
    if (i % 10 === 9 && out.length < count)
      out.push(wrap(i + 1, output[((i / 10) % output.length) | 0]));
  }
  return out.join('\n') + '\n';
}

const ratioRuns = 5;
/** Parse speed of `text` against the bare loop over the same text, in the same process. */
function measure(text, runs = ratioRuns) {
  const { baselineMs, parseMs, result } = race(runs, text);
  const megabytes = text.length / 1e6;
  return {
    megabytes: Number(megabytes.toFixed(1)),
    baselineMs: Math.round(baselineMs),
    parseMs: Math.round(parseMs),
    parseMBPerSecond: Math.round(megabytes / (parseMs / 1000)),
    baselineMBPerSecond: Math.round(megabytes / (baselineMs / 1000)),
    ratio: Number((parseMs / baselineMs).toFixed(2)),
    result,
  };
}

/** The figures of a measure, with counts in place of the parse (which can then be collected). */
const describe = ({ result, ...f }) => ({
  ...f,
  lines: result.lineCount,
  cycles: result.cycles.length,
  diagnostics: result.diagnostics.length,
});

const text = generate(lineCount);
const main = describe(measure(text));

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
  ...main,
  retainedBytesPerCycle,
  node: process.version,
  eras: {},
  messy: null,
};
console.log(`parse: ${figures.lines} lines, ${figures.megabytes} MB`);
console.log(
  `  baseline (read every char): ${figures.baselineMs} ms, ${figures.baselineMBPerSecond} MB/s`,
);
console.log(
  `  parseTrace (best of 5):     ${figures.parseMs} ms, ${figures.parseMBPerSecond} MB/s`,
);
console.log(`  ratio parse/baseline:       ${figures.ratio}x (target ≤ 3x)`);
console.log(
  `  retained heap per cycle:    ${retainedBytesPerCycle === null ? 'n/a (run with --expose-gc)' : `${retainedBytesPerCycle} bytes`}`,
);

const row = (name, f) =>
  console.log(
    `  ${name.padEnd(26)} ${String(f.parseMBPerSecond).padStart(4)} MB/s, ${f.ratio}x the loop (${f.cycles} cycles of ${f.lines} lines, ${f.megabytes} MB)`,
  );
console.log(`each era and a messy log, ${eraLineCount} lines each:`);
for (const [era, path] of eraSources) {
  const f = describe(measure(repeatLines(gcLines(trace(path)), eraLineCount).join('\n') + '\n'));
  figures.eras[era] = f;
  row(era, f);
}
figures.messy = describe(measure(messyLog(eraLineCount)));
row('messy log', figures.messy);

// The workbench's reader of canonical lines over the main text: each cycle handed on as read and
// dropped (the workbench files it into columns), no cycle array, no per-line bookkeeping.
const stretch = race(ratioRuns, text, (all) => {
  let cycles = 0;
  readCanonicalStretch(all, 0, 1, null, () => cycles++, []);
  return cycles;
});
const streamed = stretch.result;
const streamMs = stretch.parseMs;
const streamBaselineMs = stretch.baselineMs;
figures.canonicalStretch = {
  cycles: streamed,
  ms: Math.round(streamMs),
  baselineMs: Math.round(streamBaselineMs),
  mbPerSecond: Math.round(text.length / 1e6 / (streamMs / 1000)),
  ratio: Number((streamMs / streamBaselineMs).toFixed(2)),
};
console.log(
  `readCanonicalStretch (the workbench's reader), same ${figures.lines} lines: ${figures.canonicalStretch.ms} ms, ` +
    `${figures.canonicalStretch.mbPerSecond} MB/s, ${figures.canonicalStretch.ratio}x the loop (${streamed} cycles)`,
);
mkdirSync(new URL('../bench-results/', import.meta.url), { recursive: true });
writeFileSync(
  new URL('../bench-results/parse.json', import.meta.url),
  JSON.stringify(figures, null, 2) + '\n',
);
