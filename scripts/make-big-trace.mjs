// Writes a long gctrace made of real lines: the gc lines of a go1.19 capture
// (content/traces/steady.txt) repeated with the cycle number and start time renumbered so
// the result reads as one long run. Usage: node scripts/make-big-trace.mjs [lines] [out.txt]
import { createWriteStream, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const fixture = fileURLToPath(new URL('../content/traces/steady.txt', import.meta.url));

/** Writes `lineCount` gc lines to `path`; resolves with the file's size in bytes. */
export async function writeBigTrace(path, lineCount = 1_000_000) {
  const source = readFileSync(fixture, 'utf8')
    .split('\n')
    .map((line) => /^gc (\d+) @(\d+\.\d+)s (.*)$/.exec(line))
    .filter((match) => match !== null);
  // Time between consecutive source cycles, repeated so the clock keeps its real rhythm.
  const gaps = source.map((m, i) =>
    i === 0 ? 0.05 : Math.max(0.001, Number(m[2]) - Number(source[i - 1][2])),
  );
  const out = createWriteStream(path);
  let bytes = 0;
  let at = 0;
  let batch = [];
  for (let i = 0; i < lineCount; i++) {
    const k = i % source.length;
    at += gaps[k];
    batch.push(`gc ${i + 1} @${at.toFixed(3)}s ${source[k][3]}`);
    if (batch.length === 10_000 || i === lineCount - 1) {
      const chunk = batch.join('\n') + '\n';
      bytes += Buffer.byteLength(chunk);
      batch = [];
      if (!out.write(chunk)) await new Promise((resolve) => out.once('drain', resolve));
    }
  }
  await new Promise((resolve, reject) => out.end((error) => (error ? reject(error) : resolve())));
  return bytes;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const lines = Number(process.argv[2] ?? 1_000_000);
  const path = process.argv[3] ?? 'big-trace.txt';
  const bytes = await writeBigTrace(path, lines);
  console.log(`${path}: ${lines} lines, ${(bytes / 1e6).toFixed(1)} MB`);
}
