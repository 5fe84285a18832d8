import { expect, test, type BrowserContext, type Page } from './reused-page.ts';

// The service worker shows a page from its copy when the network is slow or gone; these tests
// hold back or cut the worker's own requests (context.route sees them).
test.use({ serviceWorkers: 'allow' });

const lesson = '/lessons/spotting-a-leak/';
/**
 * Well over the 3 s the worker waits, so that a page shown 2 s before the network answers came
 * from the copy.
 */
const slowNetworkMs = 8_000;

/**
 * Opens the site once and waits until the service worker has the site and controls the page. The
 * worker is registered only once the page has loaded: its first install fetches every page, which
 * must not compete with the page's own first layout.
 */
async function installWorker(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const container = navigator.serviceWorker;
    const register = container.register.bind(container);
    container.register = (...args: Parameters<ServiceWorkerContainer['register']>) => {
      (window as unknown as { registeredWhen: string }).registeredWhen = document.readyState;
      return register(...args);
    };
  });
  await page.goto('/');
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  expect(
    await page.evaluate(() => (window as unknown as { registeredWhen?: string }).registeredWhen),
  ).toBe('complete');
}

/** Makes the network's answer for `path` come after `ms`, its heading changed (a new version). */
async function slowNetwork(context: BrowserContext, path: string, ms: number): Promise<void> {
  await context.route(`**${path}`, async (route) => {
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

/** Takes back what a step did to the network: its routes and the offline switch. */
async function networkBack(context: BrowserContext): Promise<void> {
  await context.unrouteAll({ behavior: 'ignoreErrors' });
  await context.setOffline(false);
}

// Installing the worker precaches the whole site: one install serves every step, in an order
// where no step changes a copy a later step reads (a late answer replaces the copy of its page).
test('with the site installed: a dropped connection, an unknown address, "Save for offline use", a slow connection and its notice', async ({
  context,
  page,
}) => {
  // The network is held back 8 s and then 6 s on purpose, on top of installing the worker.
  test.slow();
  await installWorker(page);

  await test.step('when the connection drops, pages come from the copy at once, with no notice', async () => {
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
    await networkBack(context);
  });

  await test.step('an address the copy does not have shows the 404 page when the connection is gone', async () => {
    await context.setOffline(true);
    await page.goto('/lessons/no-such-lesson/');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('No page here');
    await networkBack(context);
  });

  await test.step('saving for offline use asks the browser to keep the storage, and says what it got', async () => {
    await page.goto('/');
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

  await test.step('on a slow connection a page comes from the copy after 3 s, and a newer one is announced', async () => {
    await slowNetwork(context, lesson, slowNetworkMs);
    const started = Date.now();
    await page.goto(lesson, { waitUntil: 'commit' });
    const answeredMs = Date.now() - started;
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Spotting a leak');
    // At least the 3 s the worker gives the network, and long before the network answers.
    expect(answeredMs).toBeGreaterThanOrEqual(3000);
    expect(answeredMs).toBeLessThan(slowNetworkMs - 2000);

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
    await networkBack(context);
  });

  // The lesson's copy is the new edition now: another page whose copy is still the first.
  await test.step('a notice can be put away without reloading', async () => {
    const other = '/lessons/exercises/';
    await slowNetwork(context, other, 6_000);
    await page.goto(other, { waitUntil: 'commit' });
    const notice = page
      .getByRole('status')
      .filter({ hasText: 'A newer version of this page is ready.' });
    await expect(notice).toBeVisible({ timeout: 30_000 });
    await notice.getByRole('button', { name: 'Not now' }).click();
    await expect(notice).toBeHidden();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Exercises');
  });
});
