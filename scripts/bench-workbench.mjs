// Workbench benchmark: loads a generated 1,000,000-line trace (BENCH_LINES; 7,000,000 make about
// 1 GB) into /lab/ through the file input of the built site (astro preview, Chromium via
// Playwright) and measures time to first charts, time to the complete result with findings, a
// zoom into the middle of the run and back, the longest main-thread task and memory against the
// file size; then parseTrace over the same text in this Node process, for the ratio of the two.
// Uses dist/ (or the directory in SITE_DIR) as built, building it only when missing; writes
// bench-results/workbench.json (or workbench-<lines>.json for other sizes).
import {
  closeSync,
  mkdirSync,
  openSync,
  readSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { startPreview } from './browser-bench-kit.mjs';
import { writeBigTrace } from './make-big-trace.mjs';
import { parseTrace } from '../src/gctrace/index.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const lines = Number(process.env.BENCH_LINES ?? 1_000_000);
const port = Number(process.env.BENCH_PORT ?? 4351);

const file = join(tmpdir(), `gctrace-bench-${lines}.txt`);
const fileBytes = await writeBigTrace(file, lines);

const server = await startPreview(port);
const base = server.url;
for (let i = 0; ; i++) {
  try {
    if ((await fetch(`${base}/lab/`)).ok) break;
  } catch {
    // not up yet
  }
  if (i > 100) throw new Error('astro preview did not start');
  await new Promise((r) => setTimeout(r, 200));
}

/** The start time of the file's last gc line, in seconds. */
function lastStartSeconds(path) {
  const fd = openSync(path, 'r');
  const tail = Buffer.alloc(4096);
  const n = readSync(fd, tail, 0, tail.length, Math.max(0, statSync(path).size - tail.length));
  closeSync(fd);
  const starts = [
    ...tail
      .subarray(0, n)
      .toString('utf8')
      .matchAll(/ @(\d+\.\d+)s /g),
  ];
  return Number(starts.at(-1)[1]);
}

/**
 * parseTrace over the file's text, best of three, each after a full collection. A text over
 * 256 MB is read in pieces of whole lines (one string that long is beyond V8's limit).
 */
function parseFile(path) {
  const bytes = readFileSync(path);
  const pieces = [];
  for (let at = 0; at < bytes.length;) {
    let end = Math.min(bytes.length, at + (256 << 20));
    if (end < bytes.length) end = bytes.lastIndexOf(10, end - 1) + 1;
    pieces.push(bytes.subarray(at, end).toString('utf8'));
    at = end;
  }
  let best = Infinity;
  let cycles = 0;
  for (let run = 0; run < 3; run++) {
    globalThis.gc?.();
    globalThis.gc?.();
    const t0 = performance.now();
    cycles = 0;
    for (const piece of pieces) cycles += parseTrace(piece).cycles.length;
    best = Math.min(best, performance.now() - t0);
  }
  return { ms: Math.round(best), cycles };
}

/** Resident memory (bytes) of the browser's renderer processes. */
function rendererRss(browserPid) {
  let total = 0;
  const children = new Map();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(Number(name), ppid);
    } catch {
      // gone
    }
  }
  const descends = (pid) => {
    for (let p = pid, hops = 0; p > 1 && hops < 12; hops++) {
      p = children.get(p) ?? 0;
      if (p === browserPid) return true;
    }
    return false;
  };
  for (const pid of children.keys()) {
    if (!descends(pid)) continue;
    try {
      if (!readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('--type=renderer')) continue;
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      total += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024;
    } catch {
      // gone
    }
  }
  return total;
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--enable-precise-memory-info'],
});
let result;
try {
  // Playwright starts Chromium as a child of this process: its renderers descend from us.
  const browserPid = process.pid;
  const page = await browser.newPage();
  await page.goto(`${base}/lab/`);
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await page.waitForSelector('[data-workbench][data-script="ready"]');
  await page.evaluate(() => {
    window.benchLongTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.benchLongTasks.push(Math.round(e.duration));
    }).observe({ type: 'longtask' });
    // Frames whose tasks block input for over 50 ms (as one task over 100 ms does): which scripts
    // ran in them and how long their rendering took, to tell what a long task was.
    window.benchSlowFrames = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        if (e.blockingDuration <= 50) continue;
        window.benchSlowFrames.push({
          at: Math.round(e.startTime),
          ms: Math.round(e.duration),
          renderMs: e.renderStart ? Math.round(e.startTime + e.duration - e.renderStart) : 0,
          scripts: e.scripts.map((x) => `${x.invoker} ${Math.round(x.duration)} ms`),
        });
      }
    }).observe({ type: 'long-animation-frame' });
  });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const baseline = rendererRss(browserPid);
  let peak = baseline;
  const sampler = setInterval(() => {
    peak = Math.max(peak, rendererRss(browserPid));
  }, 100);
  const started = Date.now();
  await page.setInputFiles('[data-slot="a"] input[type="file"]', file);
  await page.waitForSelector('[data-workbench][data-first-charts="true"]', { timeout: 120_000 });
  const firstChartsWall = Date.now() - started;
  await page.waitForFunction(
    () =>
      document.querySelector('[data-slot="a"] [data-status]')?.dataset.final === 'true' &&
      document.querySelector('[data-workbench]')?.dataset.ready === 'true',
    null,
    { timeout: 300_000 },
  );
  const readyWall = Date.now() - started;
  // Zoom into a twentieth of the run in its middle by typing the range, then back to the whole run.
  const lastSeconds = lastStartSeconds(file);
  const longTasksBeforeZoom = await page.evaluate(() => window.benchLongTasks.length);
  const heapCycles = () =>
    page.evaluate(() =>
      Number(document.querySelector('[data-charts] figure[data-kind="heap"]')?.dataset.cycles),
    );
  const allCycles = await heapCycles();
  /** Waits until the heap chart shows a count of cycles other than `before`, and the page is ready. */
  const chartsChange = async (before) => {
    await page.waitForFunction(
      (n) =>
        Number(document.querySelector('[data-charts] figure[data-kind="heap"]')?.dataset.cycles) !==
          n && document.querySelector('[data-workbench]')?.dataset.ready === 'true',
      before,
      { timeout: 120_000 },
    );
    return heapCycles();
  };
  const zoomStarted = Date.now();
  await page.getByLabel('From', { exact: true }).fill((lastSeconds * 0.45).toFixed(1));
  await page.getByLabel('To', { exact: true }).fill((lastSeconds * 0.5).toFixed(1));
  await page.getByLabel('To', { exact: true }).press('Enter');
  const zoomedCycles = await chartsChange(allCycles);
  const zoomMs = Date.now() - zoomStarted;
  const unzoomStarted = Date.now();
  await page.getByRole('button', { name: 'Whole run' }).click();
  await chartsChange(zoomedCycles);
  const unzoomMs = Date.now() - unzoomStarted;
  const zoomLongTasks = await page.evaluate(
    (n) => window.benchLongTasks.slice(n),
    longTasksBeforeZoom,
  );
  clearInterval(sampler);
  peak = Math.max(peak, rendererRss(browserPid));
  // What stays once the load, the findings and the zoom are done (the peak holds passing garbage).
  const settled = rendererRss(browserPid);
  const page_ = await page.evaluate(() => {
    const mark = (name) => performance.getEntriesByName(name).at(-1)?.startTime ?? null;
    const charts = performance
      .getEntriesByType('measure')
      .filter((m) => m.name.startsWith('workbench:chart:'))
      .map((m) => m.duration);
    const status = document.querySelector('[data-slot="a"] [data-status]');
    return {
      loadStart: mark('workbench:load-start'),
      firstCharts: mark('workbench:first-charts'),
      loaded: mark('workbench:loaded'),
      longTasks: window.benchLongTasks,
      slowFrames: window.benchSlowFrames,
      longestChartUpdateMs: Math.round(Math.max(0, ...charts)),
      status: status?.textContent,
      workerHeldBytes: Number(status?.dataset.heldBytes ?? 0),
    };
  });
  const metrics = Object.fromEntries(
    (await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]),
  );
  const mb = (b) => Math.round(b / 1e5) / 10;
  result = {
    lines,
    fileMB: mb(fileBytes),
    timeToFirstChartsMs: Math.round(page_.firstCharts - page_.loadStart),
    timeToFirstChartsFromFileInputMs: firstChartsWall,
    timeToCompleteMs: Math.round(page_.loaded - page_.loadStart),
    timeToFindingsFromFileInputMs: readyWall,
    longestMainThreadTaskMs: Math.max(0, ...page_.longTasks),
    longTasksOver100ms: page_.longTasks.filter((d) => d > 100).length,
    longTasksOver50ms: page_.longTasks.length,
    longestChartUpdateMs: page_.longestChartUpdateMs,
    zoomMs,
    zoomedCycles,
    unzoomMs,
    longestZoomTaskMs: Math.max(0, ...zoomLongTasks),
    framesWithTasksOver100ms: page_.slowFrames,
    mainThreadJsHeapMB: mb(metrics.JSHeapUsedSize ?? 0),
    workerHeldMB: mb(page_.workerHeldBytes),
    rendererRssBaselineMB: mb(baseline),
    rendererRssPeakMB: mb(peak),
    rendererRssPeakOverFileSize: Math.round((peak / fileBytes) * 100) / 100,
    rendererRssGrowthOverFileSize: Math.round(((peak - baseline) / fileBytes) * 100) / 100,
    rendererRssSettledMB: mb(settled),
    rendererRssSettledGrowthOverFileSize:
      Math.round(((settled - baseline) / fileBytes) * 100) / 100,
    status: page_.status,
    loadAverage: readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' '),
    node: process.version,
  };
} finally {
  await browser.close();
  server.stop();
}

// The parser over the same text in this process, after the browser has closed (best of three).
const parser = parseFile(file);
result.nodeParserMs = parser.ms;
result.nodeParserCycles = parser.cycles;
result.findingsOverNodeParser =
  Math.round((result.timeToFindingsFromFileInputMs / parser.ms) * 100) / 100;
result.completeOverNodeParser = Math.round((result.timeToCompleteMs / parser.ms) * 100) / 100;

mkdirSync(join(root, 'bench-results'), { recursive: true });
writeFileSync(
  join(root, 'bench-results', lines === 1_000_000 ? 'workbench.json' : `workbench-${lines}.json`),
  JSON.stringify(result, null, 2) + '\n',
);
console.log(
  `workbench, ${result.lines.toLocaleString('en')} lines (${result.fileMB} MB):\n` +
    `  first charts       ${result.timeToFirstChartsMs} ms after the load started (${result.timeToFirstChartsFromFileInputMs} ms from the file input)\n` +
    `  complete           ${result.timeToCompleteMs} ms; findings shown ${result.timeToFindingsFromFileInputMs} ms from the file input\n` +
    `  Node's parseTrace  ${result.nodeParserMs} ms over the same text: complete ${result.completeOverNodeParser} ×, findings from the file input ${result.findingsOverNodeParser} ×\n` +
    `  zoom               ${result.zoomMs} ms to ${result.zoomedCycles.toLocaleString('en')} cycles, ${result.unzoomMs} ms back (longest task ${result.longestZoomTaskMs} ms)\n` +
    `  longest main task  ${result.longestMainThreadTaskMs} ms (${result.longTasksOver100ms} over 100 ms, longest chart redraw ${result.longestChartUpdateMs} ms)\n` +
    `  memory             renderer peak ${result.rendererRssPeakMB} MB = ${result.rendererRssPeakOverFileSize} × file (growth ${result.rendererRssGrowthOverFileSize} ×), settled ${result.rendererRssSettledMB} MB (growth ${result.rendererRssSettledGrowthOverFileSize} ×); worker columns ${result.workerHeldMB} MB; page heap ${result.mainThreadJsHeapMB} MB\n` +
    `  load average       ${result.loadAverage}`,
);
