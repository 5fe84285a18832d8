import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { expect, type Page } from '@playwright/test';
import type { AxeResults, ElementContext, RunOptions } from 'axe-core';

/** axe-core as the page runs it, put into a document once for all of its scans. */
const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

/** Collects console errors, page errors and failed or 4xx/5xx requests while a test runs. */
export function watchPage(page: Page, options: { allowStatus?: (url: string) => boolean } = {}) {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) => {
    // A navigation away can abort requests still in flight; that is not a broken page.
    if (request.failure()?.errorText === 'net::ERR_ABORTED') return;
    problems.push(`request failed: ${request.url()} ${request.failure()?.errorText}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400 && !options.allowStatus?.(response.url())) {
      problems.push(`HTTP ${response.status()}: ${response.url()}`);
    }
  });
  return problems;
}

/** The lessons in their order; lessons.spec.ts checks each page of them in full. */
export const lessons = [
  'what-a-leak-is',
  'godebug-and-gctrace',
  'reading-one-line',
  'running-a-trace',
  'spotting-a-leak',
  'finding-where-it-leaks',
  'goal-gogc-memory-limit',
  'gogc-off-and-the-memory-limit',
  'across-go-versions',
  'exercises',
];

/** Every page of the built site, found by following the home page's links (lessons, header, footer). */
export async function sitePages(page: Page): Promise<string[]> {
  await page.goto('/');
  const paths = await page.locator('a[href]').evaluateAll((links) =>
    links
      .map((link) => new URL((link as HTMLAnchorElement).href))
      .filter((url) => url.origin === location.origin)
      .map((url) => url.pathname),
  );
  return [...new Set(['/', ...paths])];
}

/**
 * Runs axe on the loaded page (or part of it) in the light theme, then in the dark one, switching
 * the colour scheme without a reload: the styles, the charts' colours and the editor's theme all
 * follow prefers-color-scheme as it changes. Violations name the theme they were found in.
 */
export async function violationsInBothThemes(
  page: Page,
  options: AxeScope = {},
): Promise<string[]> {
  const found: string[] = [];
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    // Two frames: the change event has reached the page's listeners and styles are recomputed.
    await page.evaluate(
      () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))),
    );
    for (const line of await accessibilityViolations(page, { ...options, scheme })) {
      found.push(`${scheme}: ${line}`);
    }
  }
  return found;
}

/** What part of the page axe reads: CSS selectors to include and to leave out. */
export interface AxeScope {
  include?: string | string[];
  exclude?: string[];
}

/**
 * Runs axe on the page (or part of it) and returns its violations as readable lines. Chart marks
 * and hit targets sit inside an SVG with role="img", whose children are presentational, so they
 * are skipped: on long lessons they are thousands of nodes. In the dark theme only colours
 * differ, so only the contrast rule runs there.
 *
 * axe runs in the page itself, put there once per document (evaluated, so the page's policy does
 * not apply to it) rather than once per scan: half a megabyte of script to compile again for each
 * scan was a good part of what a scan cost. The site has no iframes, so the page is all there is
 * to read. Only violations are reported in detail, so the thousands of passing nodes are not
 * carried back.
 */
export async function accessibilityViolations(
  page: Page,
  options: AxeScope & { scheme?: 'light' | 'dark' } = {},
): Promise<string[]> {
  const include = [options.include ?? []].flat();
  const context: ElementContext = {
    ...(include.length > 0 ? { include } : {}),
    exclude: ['.gc-chart .cycles, .gc-chart .buckets', ...(options.exclude ?? [])],
  };
  const run: RunOptions = {
    resultTypes: ['violations'],
    ...(options.scheme === 'dark' ? { runOnly: { type: 'rule', values: ['color-contrast'] } } : {}),
  };
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  return page.evaluate(
    async ([context, run]) => {
      const { axe } = window as unknown as {
        axe: { run(c: unknown, o: unknown): Promise<AxeResults> };
      };
      const results = await axe.run(context, run);
      return results.violations.map(
        (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
      );
    },
    [context, run] as const,
  );
}

/**
 * Checks the loaded page's Content-Security-Policy: one meta tag; scripts from the site only,
 * never 'unsafe-eval' and never inline scripts without a hash; no plugins.
 */
export async function expectStrictPolicy(page: Page, path: string): Promise<void> {
  const metas = page.locator('meta[http-equiv="content-security-policy" i]');
  await expect(metas, path).toHaveCount(1);
  const policy = new Map(
    ((await metas.getAttribute('content')) ?? '')
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0])
      .map(([name, ...sources]) => [name!, sources]),
  );
  const scripts = policy.get('script-src') ?? [];
  expect(scripts, path).toContain("'self'");
  expect(scripts, path).not.toContain("'unsafe-eval'");
  expect(scripts, path).not.toContain("'unsafe-inline'");
  expect(policy.get('object-src'), path).toEqual(["'none'"]);
}
