// Replays a captured trace to standard error with the timing of its `@…s` fields, then exits 0:
// a stand-in for a Go program run with GODEBUG=gctrace=1.
//
// Usage: node scripts/replay-trace.mjs FILE [--speed X] [--rate N] [--lines N] [--stamps] [--wait]
//   --speed X   X times faster than the capture (default 1)
//   --rate N    N lines a second, evenly, instead of the capture's own timing (for benchmarks)
//   --lines N   N lines: the capture again and again, its gc numbers and times carried on as if
//               the same program ran longer (default: the capture once)
//   --stamps    writes `stamp LINE MS` to standard output as each line is written (MS: the
//               Unix time in milliseconds, with fractions), to time what shows the line
//   --wait      starts on the first line read from standard input (a page can get ready first)
import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

const [file, ...rest] = process.argv.slice(2);
const option = (name) => {
  const at = rest.indexOf(name);
  return at >= 0 ? Number(rest[at + 1]) : undefined;
};
const speed = option('--speed') ?? 1;
const rate = option('--rate');
const lineLimit = option('--lines');
const stamps = rest.includes('--stamps');
if (
  file === undefined ||
  !(speed > 0) ||
  (rate !== undefined && !(rate > 0)) ||
  (lineLimit !== undefined && !(lineLimit >= 1))
) {
  process.stderr.write(
    'usage: node scripts/replay-trace.mjs FILE [--speed X] [--rate N] [--lines N] [--stamps] [--wait]\n',
  );
  process.exit(2);
}

const capture = readFileSync(file, 'utf8')
  .split(/(?<=\n)/)
  .filter((line) => line !== '');
const gcLine = /\bgc (\d+) @(\d+(?:\.\d+)?)s/;

/** The capture's lines, round and round up to `count`, each pass numbered on from the last. */
function* replayed(count) {
  let lastGc = 0;
  let lastSeconds = 0;
  for (const line of capture) {
    const m = gcLine.exec(line);
    if (m !== null) [lastGc, lastSeconds] = [Number(m[1]), Number(m[2])];
  }
  for (let i = 0; i < count; i++) {
    const pass = Math.floor(i / capture.length);
    let line = capture[i % capture.length];
    if (pass > 0)
      line = line.replace(
        gcLine,
        (_m, gc, t) =>
          `gc ${Number(gc) + pass * lastGc} @${(Number(t) + pass * lastSeconds).toFixed(3)}s`,
      );
    yield line.endsWith('\n') ? line : line + '\n';
  }
}

const now = () => performance.timeOrigin + performance.now();
const lines = [...replayed(lineLimit ?? capture.length)];

/** Writes `text` to standard error, waiting while the pipe is full. */
async function write(text) {
  if (!process.stderr.write(text))
    await new Promise((resolve) => process.stderr.once('drain', resolve));
}

/** Notes on standard output when lines `from` … `to` (1-based) were written. */
function stamp(from, to) {
  if (!stamps) return;
  const at = now().toFixed(3);
  let text = '';
  for (let n = from; n <= to; n++) text += `stamp ${n} ${at}\n`;
  process.stdout.write(text);
}

if (rest.includes('--wait')) {
  await new Promise((resolve) => process.stdin.once('data', resolve));
  process.stdin.pause();
}

const started = performance.now();
if (rate !== undefined) {
  // Every line whose time has come goes out in one write; then a short sleep.
  let written = 0;
  while (written < lines.length) {
    const due = Math.min(lines.length, Math.floor(((performance.now() - started) * rate) / 1000));
    if (due > written) {
      await write(lines.slice(written, due).join(''));
      stamp(written + 1, due);
      written = due;
    } else {
      const nextDue = ((written + 1) * 1000) / rate;
      await sleep(Math.max(1, nextDue - (performance.now() - started)));
    }
  }
} else {
  // Each run's clock starts at the program's start; a time that goes back is another process.
  let runStartedMs = 0;
  let lastSeconds = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const at = gcLine.exec(line);
    if (at !== null) {
      const seconds = Number(at[2]);
      if (seconds < lastSeconds) runStartedMs = performance.now() - started;
      lastSeconds = seconds;
      const due = runStartedMs + (seconds * 1000) / speed;
      const wait = due - (performance.now() - started);
      if (wait > 0) await sleep(wait);
    }
    // Lines without a time follow the previous one at once.
    await write(line);
    stamp(i + 1, i + 1);
  }
}
