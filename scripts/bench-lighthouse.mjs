// Lighthouse (its default mobile settings) against the built site in Debian's Chromium: the
// performance and accessibility scores of the home page and of lesson pages with trace cells.
import { mkdirSync, writeFileSync } from 'node:fs';
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { startPreview } from './browser-bench-kit.mjs';

const pages = ['/', '/lessons/what-a-leak-is/', '/lessons/spotting-a-leak/'];
const server = await startPreview(4393);
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  chromeFlags: [
    '--headless=new',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
  ],
});
const results = {};
try {
  for (const path of pages) {
    const { lhr } = await lighthouse(`${server.url}${path}`, {
      port: chrome.port,
      onlyCategories: ['performance', 'accessibility'],
      logLevel: 'error',
    });
    const figures = {
      performance: Math.round(lhr.categories.performance.score * 100),
      accessibility: Math.round(lhr.categories.accessibility.score * 100),
      firstContentfulPaint: lhr.audits['first-contentful-paint'].displayValue,
      largestContentfulPaint: lhr.audits['largest-contentful-paint'].displayValue,
      totalBlockingTime: lhr.audits['total-blocking-time'].displayValue,
      cumulativeLayoutShift: lhr.audits['cumulative-layout-shift'].displayValue,
    };
    results[path] = figures;
    console.log(
      `${path}: performance ${figures.performance}, accessibility ${figures.accessibility} ` +
        `(FCP ${figures.firstContentfulPaint}, LCP ${figures.largestContentfulPaint}, ` +
        `TBT ${figures.totalBlockingTime}, CLS ${figures.cumulativeLayoutShift})`,
    );
  }
} finally {
  await chrome.kill();
  server.stop();
}
mkdirSync('bench-results', { recursive: true });
writeFileSync('bench-results/lighthouse.json', JSON.stringify(results, null, 2) + '\n');
