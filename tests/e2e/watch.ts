import type { Page } from '@playwright/test';
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
 * Runs axe on the page (or part of it) and returns its violations as readable lines. Chart marks
 * and hit targets sit inside an SVG with role="img", whose children are presentational, so they
 * are skipped: on long lessons they are thousands of nodes. In the dark theme only colours
 * differ, so only the contrast rule runs there.
 */
export async function accessibilityViolations(
  page: Page,
  options: { include?: string; scheme?: 'light' | 'dark' } = {},
): Promise<string[]> {
  let builder = new AxeBuilder({ page }).exclude('.gc-chart .cycles, .gc-chart .buckets');
  if (options.include) builder = builder.include(options.include);
  if (options.scheme === 'dark') builder = builder.withRules(['color-contrast']);
  const results = await builder.analyze();
  return results.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
  );
}
