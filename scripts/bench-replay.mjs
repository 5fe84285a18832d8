// Presenter replay benchmark: /present/ replays a real capture (content/traces/leaking-map.txt,
// Go 1.19.8) into its first cell at 1×, 5× and 20× its own pace; measures the wall time of each
// replay against the trace's own time divided by the speed (1.0 is exact; a page that redrew
// too much per line would fall behind), and the main-thread tasks over 50 ms while it plays.
// Uses dist/ (or the directory in SITE_DIR), building it when missing; writes
// bench-results/replay.json. BENCH_REPLAY_SPEEDS=20 picks the speeds.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium, startPreview } from './browser-bench-kit.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const port = Number(process.env.BENCH_PORT ?? 4352);
const speeds = (process.env.BENCH_REPLAY_SPEEDS ?? '1,5,20').split(',').map(Number);

/** The trace's own time: from its first gc line's start time to its last one's, in ms. */
function traceMs(text) {
  const starts = [...text.matchAll(/^gc \d+ @(\d+\.\d+)s/gm)].map((m) => Number(m[1]) * 1000);
  return starts.at(-1) - starts[0];
}
const ownMs = traceMs(readFileSync(join(root, 'content/traces/leaking-map.txt'), 'utf8'));

const server = await startPreview(port);
const browser = await launchChromium();
const figures = { traceMs: Math.round(ownMs), speeds: {} };
try {
  const page = await browser.newPage();
  await page.goto(`${server.url}/present/`);
  await page.waitForSelector('[data-present][data-ready]', { timeout: 60_000 });
  await page.evaluate(() => {
    window.benchLongTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.benchLongTasks.push(Math.round(e.duration));
    }).observe({ type: 'longtask' });
  });
  for (const speed of speeds) {
    await page.getByLabel('Speed').selectOption(String(speed));
    const { wallMs, longTasks } = await page.evaluate(
      () =>
        new Promise((resolve) => {
          window.benchLongTasks = [];
          const host = document.querySelector('[data-replay]');
          const start = performance.now();
          const watch = new MutationObserver(() => {
            if (host.dataset.replayState !== 'done') return;
            watch.disconnect();
            resolve({ wallMs: performance.now() - start, longTasks: window.benchLongTasks });
          });
          watch.observe(host, { attributes: true });
          host.querySelector('[data-action="play"]').click();
        }),
    );
    const expectedMs = ownMs / speed;
    figures.speeds[speed] = {
      wallMs: Math.round(wallMs),
      expectedMs: Math.round(expectedMs),
      wallOverExpected: Math.round((wallMs / expectedMs) * 100) / 100,
      longTasksOver50Ms: longTasks.length,
      longestTaskMs: Math.max(0, ...longTasks),
    };
    const f = figures.speeds[speed];
    console.log(
      `replay at ${speed}×: ${f.wallMs} ms for ${f.expectedMs} ms of the trace's time at that speed ` +
        `(${f.wallOverExpected} ×); ${f.longTasksOver50Ms} tasks over 50 ms (longest ${f.longestTaskMs} ms)`,
    );
  }
} finally {
  await browser.close();
  server.stop();
}
figures.loadAverage = loadavg().map((n) => Number(n.toFixed(2)));
mkdirSync(join(root, 'bench-results'), { recursive: true });
writeFileSync(join(root, 'bench-results', 'replay.json'), JSON.stringify(figures, null, 2) + '\n');
console.log(`load average ${figures.loadAverage.join(' ')}`);
