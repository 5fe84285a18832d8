// Keystroke-to-chart latency of a live trace cell in Chromium, for traces of 1,000 and 10,000
// lines, and the longest main-thread task while typing. The traces repeat the gc lines of a
// real capture (tests/fixtures/go1.19-leaking-map-clean.txt) with renumbered counters and times.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { launchChromium, percentile, startPreview } from './browser-bench-kit.mjs';

function realShapedTrace(lineCount) {
  const source = readFileSync('tests/fixtures/go1.19-leaking-map-clean.txt', 'utf8')
    .split('\n')
    .filter((line) => /^gc \d+ @/.test(line));
  const lines = [];
  let offset = 0;
  for (let i = 0; lines.length < lineCount; i++) {
    const line = source[i % source.length];
    if (i > 0 && i % source.length === 0) offset += 10;
    lines.push(
      line
        .replace(/^gc \d+/, `gc ${i + 1}`)
        .replace(/@([\d.]+)s/, (_m, t) => `@${(Number(t) + offset).toFixed(3)}s`),
    );
  }
  return lines.join('\n');
}

/** The next `count` gc lines of a trace: its last line renumbered and 50 ms later, each. */
function nextCycles(trace, count) {
  const last = trace.slice(trace.lastIndexOf('\n') + 1);
  const gc = Number(/^gc (\d+)/.exec(last)[1]);
  const t = Number(/@([\d.]+)s/.exec(last)[1]);
  let text = '';
  for (let k = 1; k <= count; k++) {
    text +=
      '\n' +
      last.replace(/^gc \d+/, `gc ${gc + k}`).replace(/@[\d.]+s/, `@${(t + 0.05 * k).toFixed(3)}s`);
  }
  return text;
}

// BENCH_LINES=1000 runs one trace size only (quicker to iterate); BENCH_PORT serves elsewhere;
// BENCH_PROFILE=file.cpuprofile writes a CPU profile of the typing (open it in DevTools).
const lineCounts = process.env.BENCH_LINES ? [Number(process.env.BENCH_LINES)] : [1000, 10000];
/**
 * CPU time (ms) the browser's renderer processes started by this script have used so far (Linux
 * only, else null). Unlike the latencies, it hardly moves with the machine's load.
 */
function rendererCpuMs() {
  try {
    const procs = new Map();
    for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        procs.set(Number(pid), {
          ppid: Number(fields[1]),
          cpu: Number(fields[11]) + Number(fields[12]),
        });
      } catch {
        // gone meanwhile
      }
    }
    const ours = (pid) => {
      for (let p = pid; p > 1; p = procs.get(p)?.ppid ?? 0) if (p === process.pid) return true;
      return false;
    };
    let ticks = 0;
    for (const [pid, { cpu }] of procs) {
      if (!ours(pid)) continue;
      try {
        if (readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('--type=renderer')) ticks += cpu;
      } catch {
        // gone meanwhile
      }
    }
    return ticks * 10;
  } catch {
    return null;
  }
}

const server = await startPreview(Number(process.env.BENCH_PORT) || 4391);
const browser = await launchChromium();
// The machine's load when the run started: figures taken under load are slower.
const results = { loadAverage: +loadavg()[0].toFixed(2) };
try {
  for (const lineCount of lineCounts) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${server.url}/lessons/what-a-leak-is/`);
    const cell = page.locator('trace-cell').first();
    await cell.scrollIntoViewIfNeeded();
    await cell.locator('.monaco-editor').waitFor({ timeout: 20000 });
    const trace = realShapedTrace(lineCount);
    await cell.evaluate((el, text) => el.setOriginal(text), trace);
    await page.evaluate(() => {
      const state = (window.__bench = { latencies: [], frames: [], longTasks: [], pending: null });
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) state.longTasks.push(entry.duration);
      }).observe({ type: 'longtask' });
      // Keydown is the keystroke; the cell fires cellupdate once its charts, status and findings
      // show the new text. The next animation frame is when that result starts to be painted.
      document.addEventListener('keydown', (event) => (state.pending = event.timeStamp), true);
      document.querySelector('trace-cell').addEventListener('cellupdate', () => {
        if (state.pending === null) return;
        const start = state.pending;
        state.pending = null;
        state.latencies.push(performance.now() - start);
        requestAnimationFrame(() => state.frames.push(performance.now() - start));
      });
    });
    const figures = {};
    const profiler = process.env.BENCH_PROFILE ? await page.context().newCDPSession(page) : null;
    if (profiler) {
      await profiler.send('Profiler.enable');
      await profiler.send('Profiler.setSamplingInterval', { interval: 200 });
      await profiler.send('Profiler.start');
    }
    // Typing the next two cycles of the trace at the end (what a learner trying "add a cycle"
    // does: every keystroke changes the charted run once the line reads as a cycle), then editing
    // a field of a line in the middle: its last field is deleted and typed again, 20 times.
    for (const where of ['end', 'middle']) {
      await cell.locator('.monaco-editor .view-lines').click();
      await page.keyboard.press('Control+End');
      if (where === 'middle') {
        await page.keyboard.press('Control+Home');
        for (let i = 1; i < lineCount / 2; i++) await page.keyboard.press('ArrowDown');
        await page.keyboard.press('End');
      }
      await page.waitForTimeout(500);
      await page.evaluate(() => {
        window.__bench.latencies = [];
        window.__bench.frames = [];
        window.__bench.longTasks = [];
      });
      const cpuBefore = rendererCpuMs();
      const keys =
        where === 'end'
          ? [...nextCycles(trace, 2)]
          : Array.from({ length: 20 }, () => [
              'Backspace',
              'Backspace',
              'Backspace',
              ...'2 P',
            ]).flat();
      for (const key of keys) {
        if (key.length === 1) await page.keyboard.type(key);
        else await page.keyboard.press(key);
        await page.waitForTimeout(60);
      }
      // Let the last keystroke's result arrive before reading the figures.
      await page.waitForTimeout(1500);
      const state = await page.evaluate(() => window.__bench);
      const cpuAfter = rendererCpuMs();
      figures[where] = {
        keystrokes: state.latencies.length,
        p50Ms: +percentile(state.latencies, 50).toFixed(2),
        p95Ms: +percentile(state.latencies, 95).toFixed(2),
        maxMs: +Math.max(...state.latencies).toFixed(2),
        toNextFrameP50Ms: +percentile(state.frames, 50).toFixed(2),
        toNextFrameP95Ms: +percentile(state.frames, 95).toFixed(2),
        longTasksOver50Ms: state.longTasks.length,
        longestTaskMs: state.longTasks.length ? Math.max(...state.longTasks) : 0,
        // The renderer's CPU time per keystroke, the 1.5 s wait included (the page is idle then).
        rendererCpuMsPerKey:
          cpuBefore === null ? null : +((cpuAfter - cpuBefore) / keys.length).toFixed(2),
      };
      const f = figures[where];
      console.log(
        `${lineCount} lines, ${where === 'end' ? 'new lines at the end' : 'a field edited in the middle'}: keystroke → charts p50 ${f.p50Ms} ms, ` +
          `p95 ${f.p95Ms} ms, max ${f.maxMs} ms over ${f.keystrokes} keystrokes; next frame ` +
          `p50 ${f.toNextFrameP50Ms} ms, p95 ${f.toNextFrameP95Ms} ms; ` +
          `${f.longTasksOver50Ms} tasks over 50 ms (longest ${f.longestTaskMs} ms); ` +
          `renderer CPU ${f.rendererCpuMsPerKey} ms per keystroke`,
      );
    }
    if (profiler) {
      const { profile } = await profiler.send('Profiler.stop');
      const file = process.env.BENCH_PROFILE.replace(
        /(\.cpuprofile)?$/,
        `-${lineCount}.cpuprofile`,
      );
      writeFileSync(file, JSON.stringify(profile));
      console.log(`CPU profile: ${file}`);
    }
    results[`${lineCount} lines`] = figures;
    await page.close();
  }
} finally {
  await browser.close();
  server.stop();
}
mkdirSync('bench-results', { recursive: true });
writeFileSync('bench-results/cell.json', JSON.stringify(results, null, 2) + '\n');
