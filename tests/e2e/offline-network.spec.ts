import { expect, test, type BrowserContext, type Page } from './reused-page.ts';

// The service worker shows a page from its copy when the network is slow or gone; these tests
// hold back or cut the worker's own requests (context.route sees them).
test.use({ serviceWorkers: 'allow' });

const lesson = '/lessons/spotting-a-leak/';
/** Far longer than the worker waits (3 s), so that a page shown before it came from the copy. */
const slowNetworkMs = 12_000;

/** Opens the site once and waits until the service worker has the site and controls the page. */
async function installWorker(page: Page): Promise<void> {
  await page.goto('/');
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

/** Makes the page's network answer after `ms`, with its heading changed (a new version). */
async function slowNetwork(context: BrowserContext, ms: number): Promise<void> {
  await context.route(`**${lesson}`, async (route) => {
    await new Promise((resolve) => setTimeout(resolve, ms));
    try {
      const response = await route.fetch();
      const body = (await response.text()).replace('</h1>', ' (new edition)</h1>');
      await route.fulfill({ response, body });
    } catch {
      // The test ended while the answer was held back.
    }
  });
}

test('on a slow connection a page comes from the copy after 3 s, and a newer one is announced', async ({
  context,
  page,
}) => {
  // The network is held back 12 s on purpose, on top of installing the worker.
  test.slow();
  await installWorker(page);
  await slowNetwork(context, slowNetworkMs);

  const started = Date.now();
  await page.goto(lesson, { waitUntil: 'commit' });
  const answeredMs = Date.now() - started;
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Spotting a leak');
  // At least the 3 s the worker gives the network, and long before the network answers.
  expect(answeredMs).toBeGreaterThanOrEqual(3000);
  expect(answeredMs).toBeLessThan(slowNetworkMs / 2);

  const notice = page
    .getByRole('status')
    .filter({ hasText: 'A newer version of this page is ready.' });
  await expect(notice).toBeHidden();
  // The network's late answer updates the copy in the background, and the page says so.
  await expect(notice).toBeVisible({ timeout: slowNetworkMs + 15_000 });
  await notice.getByRole('button', { name: 'Reload' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Spotting a leak (new edition)',
    {
      timeout: 15_000,
    },
  );
});

test('a notice can be put away without reloading', async ({ context, page }) => {
  await installWorker(page);
  await slowNetwork(context, 6_000);
  await page.goto(lesson, { waitUntil: 'commit' });
  const notice = page
    .getByRole('status')
    .filter({ hasText: 'A newer version of this page is ready.' });
  await expect(notice).toBeVisible({ timeout: 30_000 });
  await notice.getByRole('button', { name: 'Not now' }).click();
  await expect(notice).toBeHidden();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Spotting a leak');
});

test('when the connection drops, pages come from the copy at once, with no notice', async ({
  context,
  page,
}) => {
  await installWorker(page);
  await context.route(`**/lessons/**`, (route) => route.abort('connectionreset'));
  const started = Date.now();
  await page.goto(lesson, { waitUntil: 'commit' });
  expect(Date.now() - started).toBeLessThan(3000);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Spotting a leak');
  // A lesson never opened before comes from the copy too.
  await page.goto('/lessons/exercises/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Exercises');
  await page.waitForTimeout(1000);
  await expect(page.locator('[data-update-text]')).toBeHidden();
});

test('an address the copy does not have shows the 404 page when the connection is gone', async ({
  context,
  page,
}) => {
  await installWorker(page);
  await context.setOffline(true);
  await page.goto('/lessons/no-such-lesson/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('No page here');
  await context.setOffline(false);
});

test('saving for offline use asks the browser to keep the storage, and says what it got', async ({
  page,
}) => {
  await installWorker(page);
  const asked = page.evaluate(
    () =>
      new Promise<boolean>((resolve) => {
        const persist = navigator.storage.persist.bind(navigator.storage);
        navigator.storage.persist = async () => {
          const granted = await persist();
          resolve(granted);
          return granted;
        };
      }),
  );
  await page.getByRole('button', { name: 'Save for offline use' }).click();
  const granted = await asked;
  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toHaveText(
    granted
      ? /the browser will keep them and your edits\.$/
      : /The browser may still clear them if it runs short of space\.$/,
    { timeout: 30_000 },
  );
});
