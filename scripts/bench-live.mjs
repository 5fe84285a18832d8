// Live workbench benchmark: `gctrace watch` runs scripts/replay-trace.mjs on a real capture
// (content/traces/leaking-map.txt: Go 1.19.8, 2 P, a map that only grows) and serves the built
// site; Chromium opens the address it prints. Measures
//   - latency from a line printed by the program (the replay stamps each line with the time it
//     wrote it) to the charts holding it (the page marks `workbench:live-shown` with the last
//     line its charts, findings and text show), p50 and p95 over the gc lines;
//   - for rates of 100 to 50,000 lines a second (the capture replayed round and round, its gc
//     numbers and times carried on), the main-thread tasks over 50 ms (long-task observer) while
//     the lines stream and whether the page keeps up; the highest rate with none once the text
//     view has settled (the full editor loads once, when the first lines arrive: its tasks are
//     counted apart);
//   - the page's main-thread CPU time while streaming (Chromium's ThreadTime metric), which a
//     busy machine inflates far less than the wall-clock figures above.
// Uses dist/ (or the directory in SITE_DIR), building it when missing; writes
// bench-results/live.json. BENCH_LIVE_RATES=100,1000 picks the rates.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium, percentile } from './browser-bench-kit.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const siteDir = join(root, process.env.SITE_DIR || 'dist');
const capture = join(root, 'content/traces/leaking-map.txt');
const rates = (process.env.BENCH_LIVE_RATES ?? '100,1000,10000,50000').split(',').map(Number);
/** Seconds each rate streams for. */
const seconds = Number(process.env.BENCH_LIVE_SECONDS ?? 6);

if (!existsSync(join(siteDir, 'lab', 'index.html'))) {
  const build = spawnSync('npx', ['astro', 'build', '--outDir', siteDir], { stdio: 'inherit' });
  if (build.status !== 0) throw new Error('the site did not build');
}

// Which replayed lines are gc lines (the ones a chart shows): line n is capture line (n-1) % size.
const captureLines = readFileSync(capture, 'utf8').replace(/\n$/, '').split('\n');
const isGcLine = (n) => /^gc \d+ @/.test(captureLines[(n - 1) % captureLines.length]);

/** Starts watch over the replay (which waits for a go on standard input); resolves with its URL. */
async function startWatch(replayArgs) {
  const child = spawn(
    process.execPath,
    [
      'scripts/gctrace.mjs',
      'watch',
      '--site',
      siteDir,
      '--',
      process.execPath,
      'scripts/replay-trace.mjs',
      capture,
      '--stamps',
      '--wait',
      ...replayArgs,
    ],
    { cwd: root, stdio: ['pipe', 'pipe', 'pipe'] },
  );
  const stamps = new Map();
  let out = '';
  child.stdout.setEncoding('utf8').on('data', (text) => {
    out += text;
    const end = out.lastIndexOf('\n');
    for (const line of out.slice(0, end + 1).split('\n')) {
      const m = /^stamp (\d+) ([\d.]+)$/.exec(line);
      if (m) stamps.set(Number(m[1]), Number(m[2]));
    }
    out = out.slice(end + 1);
  });
  // The program's lines also go to standard error: read them so the pipe never fills.
  let err = '';
  const url = await new Promise((resolve, reject) => {
    child.stderr.setEncoding('utf8').on('data', (text) => {
      if (err.length < 4096) err += text;
      const m = /http:\/\/127\.0\.0\.1:\d+\/lab\/\?live=[\w-]+/.exec(err);
      if (m) resolve(m[0]);
    });
    child.on('exit', () => reject(new Error(`watch exited: ${err}`)));
  });
  return { child, url, stamps };
}

/** Streams one replay into a fresh page and returns what the page recorded. */
async function run(browser, replayArgs, expectedLines) {
  const watching = await startWatch(replayArgs);
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  try {
    await page.goto(watching.url);
    await page.waitForSelector('[data-live-badge][data-phase="live"]');
    // Let the page settle (fonts, first layout) before anything is timed.
    await page.waitForTimeout(1000);
    await page.evaluate(() => {
      const state = (window.__live = { shown: [], longTasks: [], measures: {}, settledAt: null });
      // The text view has settled once Monaco has taken over or the text went to pages.
      const settle = setInterval(() => {
        const slot = document.querySelector('[data-slot="a"]');
        const paged = !document.querySelector('[data-pager]').hidden;
        if (slot.dataset.editor !== 'monaco' && !paged) return;
        state.settledAt = performance.now() + 500;
        clearInterval(settle);
      }, 50);
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) {
          const m = (state.measures[entry.name] ??= { count: 0, ms: 0 });
          m.count++;
          m.ms += entry.duration;
        }
      }).observe({ type: 'measure' });
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries())
          state.longTasks.push({ at: entry.startTime, ms: entry.duration });
      }).observe({ type: 'longtask' });
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries())
          if (entry.name === 'workbench:live-shown')
            state.shown.push({
              line: entry.detail.line,
              at: performance.timeOrigin + entry.startTime,
            });
      }).observe({ type: 'mark' });
    });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    const threadMs = async () => {
      const { metrics } = await cdp.send('Performance.getMetrics');
      return 1000 * metrics.find((m) => m.name === 'ThreadTime').value;
    };
    const cpuBefore = await threadMs();
    const started = Date.now();
    watching.child.stdin.write('go\n');
    await page.waitForFunction(
      (lines) => Number(document.querySelector('trace-workbench')?.dataset.liveLine) >= lines,
      expectedLines,
      { timeout: 600_000, polling: 200 },
    );
    const wallSeconds = (Date.now() - started) / 1000;
    const cpuMs = (await threadMs()) - cpuBefore;
    await page.waitForTimeout(500);
    const state = await page.evaluate(() => window.__live);
    // Each gc line's latency: from its stamp to the first update that showed it.
    const latencies = [];
    let k = 0;
    for (let n = 1; n <= expectedLines; n++) {
      while (k < state.shown.length && state.shown[k].line < n) k++;
      if (k === state.shown.length) break;
      const printed = watching.stamps.get(n);
      if (printed !== undefined && isGcLine(n)) latencies.push(state.shown[k].at - printed);
    }
    const tasks = state.longTasks.map((t) => t.ms);
    const settled = state.settledAt ?? 0;
    const steady = state.longTasks.filter((t) => t.at > settled).map((t) => t.ms);
    const max = (values) => values.reduce((a, b) => Math.max(a, b), 0);
    const mean = (m) => (m ? +(m.ms / m.count).toFixed(1) : null);
    return {
      lines: expectedLines,
      wallSeconds: +wallSeconds.toFixed(2),
      updates: state.shown.length,
      latencyP50Ms: +percentile(latencies, 50).toFixed(1),
      latencyP95Ms: +percentile(latencies, 95).toFixed(1),
      latencyMaxMs: +max(latencies).toFixed(1),
      longTasksOver50Ms: tasks.length,
      longestTaskMs: +max(tasks).toFixed(1),
      steadyLongTasksOver50Ms: steady.length,
      steadyLongestTaskMs: +max(steady).toFixed(1),
      // Mean wall time of an update's steps: the worker reading the lines, then the page
      // drawing text, charts and findings.
      appendMeanMs: mean(state.measures['workbench:live:append']),
      showMeanMs: mean(state.measures['workbench:live:show']),
      mainThreadCpuMs: Math.round(cpuMs),
      mainThreadCpuPerUpdateMs: +(cpuMs / Math.max(1, state.shown.length)).toFixed(1),
      loadAverage: +loadavg()[0].toFixed(2),
    };
  } finally {
    await page.close();
    watching.child.kill('SIGINT');
  }
}

const results = { loadAverageAtStart: +loadavg()[0].toFixed(2), rates: {} };
const browser = await launchChromium();
try {
  // A program at its own pace: the capture's timing (10 s, ~15 lines a second).
  results.capturePace = await run(browser, [], captureLines.length);
  const c = results.capturePace;
  console.log(
    `capture's own timing (${c.lines} lines in ${c.wallSeconds} s): printed line → charts p50 ${c.latencyP50Ms} ms, p95 ${c.latencyP95Ms} ms, max ${c.latencyMaxMs} ms; ${c.longTasksOver50Ms} tasks over 50 ms (longest ${c.longestTaskMs} ms), ${c.steadyLongTasksOver50Ms} once the text view settled (longest ${c.steadyLongestTaskMs} ms); main thread ${c.mainThreadCpuMs} ms CPU over ${c.updates} updates (worker ${c.appendMeanMs} ms, drawing ${c.showMeanMs} ms each); load ${c.loadAverage}`,
  );
  for (const rate of rates) {
    const lines = Math.max(300, Math.round(rate * seconds));
    const r = await run(browser, ['--rate', String(rate), '--lines', String(lines)], lines);
    // The page kept up when it showed the last line soon after the program printed it.
    r.keptUp = r.wallSeconds <= (lines / rate) * 1.2 + 1;
    results.rates[rate] = r;
    console.log(
      `${rate.toLocaleString('en')} lines/s (${lines.toLocaleString('en')} lines): all shown after ${r.wallSeconds} s${r.keptUp ? '' : ' (fell behind)'}; ${r.updates} updates (worker ${r.appendMeanMs} ms, drawing ${r.showMeanMs} ms each); printed line → charts p50 ${r.latencyP50Ms} ms, p95 ${r.latencyP95Ms} ms; ${r.longTasksOver50Ms} tasks over 50 ms (longest ${r.longestTaskMs} ms), ${r.steadyLongTasksOver50Ms} once the text view settled (longest ${r.steadyLongestTaskMs} ms); main thread ${r.mainThreadCpuMs} ms CPU (${r.mainThreadCpuPerUpdateMs} ms an update); load ${r.loadAverage}`,
    );
  }
} finally {
  await browser.close();
}
const smooth = rates.filter((rate) => {
  const r = results.rates[rate];
  return r.steadyLongTasksOver50Ms === 0 && r.keptUp;
});
results.highestRateWithoutLongTasks = smooth.length ? Math.max(...smooth) : null;
results.loadAverageAtEnd = +loadavg()[0].toFixed(2);
console.log(
  `highest rate with no task over 50 ms (once the text view settled) and the page keeping up: ${results.highestRateWithoutLongTasks ?? 'none'} lines/s (load average ${results.loadAverageAtStart} at start, ${results.loadAverageAtEnd} at end)`,
);
mkdirSync('bench-results', { recursive: true });
writeFileSync('bench-results/live.json', JSON.stringify(results, null, 2) + '\n');
