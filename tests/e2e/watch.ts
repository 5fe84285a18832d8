import { expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

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
 * Legacy mode runs axe in the page itself. The default mode gathers each frame's results and
 * joins them in a new blank page, which costs a new renderer per scan (several seconds on a busy
 * two-core machine); the site has no iframes, so the two read the same nodes. Only violations
 * are reported in detail, so the thousands of passing nodes are not carried back.
 */
export async function accessibilityViolations(
  page: Page,
  options: AxeScope & { scheme?: 'light' | 'dark' } = {},
): Promise<string[]> {
  let builder = new AxeBuilder({ page })
    .setLegacyMode(true)
    .options({ resultTypes: ['violations'] })
    .exclude('.gc-chart .cycles, .gc-chart .buckets');
  for (const part of [options.include ?? []].flat()) builder = builder.include(part);
  for (const part of options.exclude ?? []) builder = builder.exclude(part);
  if (options.scheme === 'dark') builder = builder.withRules(['color-contrast']);
  const results = await builder.analyze();
  return results.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
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
