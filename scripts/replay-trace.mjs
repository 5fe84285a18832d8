// Replays a captured trace to standard error with the timing of its `@…s` fields, then exits 0:
// a stand-in for a Go program run with GODEBUG=gctrace=1.
// Usage: node scripts/replay-trace.mjs FILE [--speed X]   (X times faster; default 1)
import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

const [file, ...rest] = process.argv.slice(2);
const speedAt = rest.indexOf('--speed');
const speed = speedAt >= 0 ? Number(rest[speedAt + 1]) : 1;
if (file === undefined || !(speed > 0)) {
  process.stderr.write('usage: node scripts/replay-trace.mjs FILE [--speed X]\n');
  process.exit(2);
}

const lines = readFileSync(file, 'utf8').split(/(?<=\n)/);
const started = performance.now();
// Each run's clock starts at the program's start; a time that goes back is another process.
let runStartedMs = 0;
let lastSeconds = 0;
for (const line of lines) {
  const at = /\bgc \d+ @(\d+(?:\.\d+)?)s/.exec(line);
  if (at !== null) {
    const seconds = Number(at[1]);
    if (seconds < lastSeconds) runStartedMs = performance.now() - started;
    lastSeconds = seconds;
    const due = runStartedMs + (seconds * 1000) / speed;
    const wait = due - (performance.now() - started);
    if (wait > 0) await sleep(wait);
  }
  // Lines without a time follow the previous one at once.
  if (!process.stderr.write(line))
    await new Promise((resolve) => process.stderr.once('drain', resolve));
}
