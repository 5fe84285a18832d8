// Lighthouse (its default mobile settings) against the built site in Debian's Chromium: the
// performance and accessibility scores of the home page and of every lesson page, with what each
// page weighs. `node scripts/bench-lighthouse.mjs /lessons/exercises/ …` runs the pages named.
//
// One Lighthouse run of a page scores it anywhere in a band some five points wide on this kind of
// machine (its throttling is simulated from the tasks it saw, which the machine's load stretches),
// so each page is run LIGHTHOUSE_RUNS times (5 unless set) and its figures are those of the run
// with the median performance score, with the lowest and highest scores beside.
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { spawnSync } from 'node:child_process';
import { startPreview } from './browser-bench-kit.mjs';

// Lighthouse is some 70 packages that only this benchmark uses, so `npm install` leaves it out;
// the first run of the benchmark fetches it (from the npm registry) without touching
// package.json. The versions are the ones the figures in the README were taken with.
const lighthousePackages = ['lighthouse@13.5.0', 'chrome-launcher@1.2.1'];
async function importLighthouse() {
  try {
    return [(await import('lighthouse')).default, await import('chrome-launcher')];
  } catch {
    console.log(`installing ${lighthousePackages.join(' and ')} for this benchmark…`);
    const install = spawnSync(
      'npm',
      ['install', '--no-save', '--no-audit', '--no-fund', ...lighthousePackages],
      { stdio: 'inherit' },
    );
    if (install.status !== 0) throw new Error('could not install Lighthouse for the benchmark');
    // Node keeps the failed lookup of the first import for the life of the process: the
    // benchmark runs again in a new one, which finds the packages just installed.
    const again = spawnSync(process.execPath, process.argv.slice(1), { stdio: 'inherit' });
    process.exit(again.status ?? 1);
  }
}
const [lighthouse, chromeLauncher] = await importLighthouse();
const runsPerPage = Math.max(1, Number(process.env.LIGHTHOUSE_RUNS ?? 5));

/** The scores the site keeps on every page (the project's goal for lessons). */
const targets = { performance: 98, accessibility: 100 };

const siteDir = process.env.SITE_DIR || 'dist';
const named = process.argv.slice(2).filter((arg) => arg.startsWith('/'));
const server = await startPreview(4393);
const pages =
  named.length > 0
    ? named
    : [
        '/',
        ...readdirSync(`${siteDir}/lessons`, { withFileTypes: true })
          .filter((entry) => entry.isDirectory())
          .map((entry) => `/lessons/${entry.name}/`)
          .sort(),
      ];
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  chromeFlags: [
    '--headless=new',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
  ],
});
/** Load averages over 1, 5 and 15 minutes: timings taken on a busy machine are not final. */
const load = () => loadavg().map((n) => n.toFixed(2));
const results = { loadAverageAtStart: load() };
const misses = [];
try {
  for (const path of pages) {
    const runs = [];
    for (let run = 0; run < runsPerPage; run++) {
      const { lhr } = await lighthouse(`${server.url}${path}`, {
        port: chrome.port,
        onlyCategories: ['performance', 'accessibility'],
        logLevel: 'error',
      });
      runs.push(lhr);
    }
    const score = (run) => Math.round(run.categories.performance.score * 100);
    const scores = runs.map(score);
    const lhr = runs.toSorted((a, b) => score(a) - score(b))[Math.floor(runs.length / 2)];
    const documentRequest = lhr.audits['network-requests'].details?.items?.find(
      (item) => item.resourceType === 'Document',
    );
    const figures = {
      performance: score(lhr),
      performanceLowest: Math.min(...scores),
      performanceHighest: Math.max(...scores),
      runs: scores.length,
      accessibility: Math.round(lhr.categories.accessibility.score * 100),
      firstContentfulPaint: lhr.audits['first-contentful-paint'].displayValue,
      largestContentfulPaint: lhr.audits['largest-contentful-paint'].displayValue,
      totalBlockingTime: lhr.audits['total-blocking-time'].displayValue,
      cumulativeLayoutShift: lhr.audits['cumulative-layout-shift'].displayValue,
      htmlBytes: documentRequest?.resourceSize ?? null,
      htmlTransferBytes: documentRequest?.transferSize ?? null,
      domElements: lhr.audits['dom-size-insight']?.numericValue ?? null,
      loadAverage: load(),
    };
    results[path] = figures;
    for (const [name, least] of Object.entries(targets)) {
      if (figures[name] < least) misses.push(`${path}: ${name} ${figures[name]} (< ${least})`);
    }
    console.log(
      `${path}: performance ${figures.performance} (median of ${scores.length}: ${scores.join(', ')}), ` +
        `accessibility ${figures.accessibility} ` +
        `(FCP ${figures.firstContentfulPaint}, LCP ${figures.largestContentfulPaint}, ` +
        `TBT ${figures.totalBlockingTime}, CLS ${figures.cumulativeLayoutShift}; ` +
        `HTML ${figures.htmlBytes} B, ${figures.htmlTransferBytes} B sent, ` +
        `${figures.domElements} elements; load ${figures.loadAverage.join(' ')})`,
    );
  }
} finally {
  await chrome.kill();
  server.stop();
}
console.log(
  misses.length === 0
    ? `every page at performance ≥ ${targets.performance} and accessibility ${targets.accessibility}`
    : `below target (performance needs a quiet machine to judge):\n  ${misses.join('\n  ')}`,
);
mkdirSync('bench-results', { recursive: true });
writeFileSync('bench-results/lighthouse.json', JSON.stringify(results, null, 2) + '\n');
