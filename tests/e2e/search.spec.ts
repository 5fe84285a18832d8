import { expect, test, type Page } from './reused-page.ts';
import { violationsInBothThemes, watchPage } from './watch.ts';

const dialog = (page: Page) =>
  page.getByRole('dialog', { name: 'Search the lessons and glossary' });
const searchBox = (page: Page) => dialog(page).getByRole('searchbox', { name: 'Search for' });
// The first search loads Pagefind's WebAssembly and index: slow on a loaded machine.
const loading = { timeout: 30_000 };
const results = (page: Page) =>
  dialog(page).getByRole('list', { name: 'Search results' }).getByRole('link');

/** Collects Content-Security-Policy violations from the page. */
async function watchPolicy(page: Page): Promise<string[]> {
  const violations: string[] = [];
  await page.exposeFunction('reportViolation', (text: string) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      (window as unknown as { reportViolation(text: string): void }).reportViolation(
        `${event.violatedDirective} ${event.blockedURI}`,
      );
    });
  });
  return violations;
}

test('/ opens search; a glossary result is reached with the arrows and jumps to its entry', async ({
  page,
}) => {
  const violations = await watchPolicy(page);
  const problems = watchPage(page);
  await page.goto('/lessons/what-a-leak-is/');
  await page.keyboard.press('/');
  await expect(dialog(page)).toBeVisible();
  await expect(searchBox(page)).toBeFocused();
  await page.keyboard.type('assist');
  await expect(dialog(page).getByRole('status')).toHaveText(
    /^\d+ pages? match “assist”\.$/,
    loading,
  );
  const entry = results(page).filter({ hasText: /^Mark assist\s*Glossary/ });
  await expect(entry).toHaveAttribute('href', '/glossary/#assist');
  // Every result names the words it matched, marked.
  await expect(results(page).first().locator('mark').first()).toContainText(/assist/i);

  await page.keyboard.press('ArrowDown');
  await expect(results(page).first()).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(searchBox(page)).toBeFocused();
  const target = await results(page).evaluateAll((links) =>
    links.findIndex((link) => link.getAttribute('href') === '/glossary/#assist'),
  );
  for (let i = 0; i <= target; i++) await page.keyboard.press('ArrowDown');
  await expect(entry).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/glossary\/#assist$/);
  await expect(page.locator('#assist')).toBeInViewport(loading);
  await expect(page.locator('#assist')).toContainText('Mark assist');
  expect(violations).toEqual([]);
  expect(problems).toEqual([]);
});

test('Ctrl-K opens search, Escape closes it, and a lesson result jumps to its heading', async ({
  page,
}) => {
  await page.goto('/');
  await page.keyboard.press('Control+k');
  await expect(searchBox(page)).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog(page)).toBeHidden();

  await page.getByRole('button', { name: 'Search' }).click();
  await page.keyboard.type('how much room');
  const section = results(page).filter({ hasText: /^GOGC: how much room/ });
  await expect(section).toHaveAttribute(
    'href',
    '/lessons/goal-gogc-memory-limit/#gogc-how-much-room',
    loading,
  );
  await section.click();
  await expect(page).toHaveURL(/#gogc-how-much-room$/);
  await expect(page.getByRole('heading', { name: 'GOGC: how much room' })).toBeInViewport(loading);
  await expect(dialog(page)).toBeHidden();
});

test('the shortcuts leave keys typed into a field alone', async ({ page }) => {
  await page.goto('/lessons/exercises/');
  const input = page
    .locator('trace-exercise')
    .first()
    .getByLabel(/Your answer/);
  await input.focus();
  await page.keyboard.type('1/2');
  await page.keyboard.press('Control+k');
  await expect(input).toHaveValue('1/2');
  await expect(dialog(page)).toBeHidden();
});

test('search finds what the lessons say, not the exercise answers', async ({ page }) => {
  await page.goto('/lessons/exercises/');
  // The first sentence of the first answer's working, after the answer itself ("66 MB. …").
  const reveal = page.locator('trace-exercise details[data-reveal]').first();
  const phrase = (await reveal.locator('p').textContent())!.split('. ')[1]!.split(' ').slice(0, 8);
  const summary = (await reveal.locator('summary').textContent())!.trim();
  expect(phrase).toHaveLength(8);
  await page.keyboard.press('/');
  await page.keyboard.type(phrase.join(' '));
  await expect(dialog(page).getByRole('status')).toHaveText(/match|No results/, loading);
  // An indexed answer would show up in the excerpts with the words of its disclosure.
  for (const text of await results(page).allInnerTexts()) {
    expect(text.replace(/\s+/g, ' ')).not.toContain(phrase.join(' '));
    expect(text).not.toContain(summary);
  }
});

test('search says when nothing matches, and when its index cannot be loaded', async ({ page }) => {
  await page.goto('/');
  await page.keyboard.press('/');
  await page.keyboard.type('qwxzyv');
  await expect(dialog(page).getByRole('status')).toHaveText('No results for “qwxzyv”.', loading);
  await expect(results(page)).toHaveCount(0);

  await page.route('**/pagefind/**', (route) => route.abort());
  await page.goto('/glossary/');
  await page.keyboard.press('/');
  await page.keyboard.type('heap');
  await expect(dialog(page).getByRole('status')).toContainText(
    'Search is not available: its index could not be loaded.',
    loading,
  );
});

test('axe finds no accessibility violations in the search dialog, in light and dark', async ({
  page,
}) => {
  // axe twice over a whole page: slow on a loaded two-core machine.
  test.slow();
  await page.goto('/glossary/');
  await page.keyboard.press('/');
  await page.keyboard.type('goal');
  await expect(results(page).first()).toBeVisible(loading);
  expect(await violationsInBothThemes(page, { include: 'dialog' })).toEqual([]);
});

test.describe('offline', () => {
  test.use({ serviceWorkers: 'allow' });

  test('search works with the network cut once the site has been opened', async ({
    context,
    page,
  }) => {
    await page.goto('/');
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await context.setOffline(true);
    await page.goto('/lessons/spotting-a-leak/');
    await page.keyboard.press('/');
    await page.keyboard.type('live heap');
    await expect(results(page).first()).toBeVisible(loading);
    await expect(dialog(page).getByRole('status')).toHaveText(/match “live heap”/);
    await context.setOffline(false);
  });
});

test('the search button fits a 390 px screen and still has its name', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await page.goto('/lessons/reading-one-line/');
  const button = page.getByRole('button', { name: 'Search' });
  await expect(button).toBeVisible();
  await button.click();
  await page.keyboard.type('sweep termination');
  await expect(results(page).first()).toBeVisible(loading);
  const box = await dialog(page).boundingBox();
  expect(box!.x).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width).toBeLessThanOrEqual(390);
  await context.close();
});
