import type { Page } from '@playwright/test';

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
