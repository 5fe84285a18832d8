import { expect, test } from './reused-page.ts';

const lessonPath = '/lessons/what-a-leak-is/';

test.use({ serviceWorkers: 'allow' });

test('after one visit the site works with the network cut, editor included once saved', async ({
  context,
  page,
}) => {
  await page.goto('/');
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  // The footer button caches the big editor files too, for a workshop on poor Wi-Fi.
  await page.getByRole('button', { name: 'Save for offline use' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible({
    timeout: 30_000,
  });

  await context.setOffline(true);
  await page.goto(lessonPath);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const cell = page.locator('trace-cell').first();
  await cell.scrollIntoViewIfNeeded();
  await expect(cell.locator('.monaco-editor')).toBeVisible({ timeout: 15_000 });
  await expect(cell.locator('figure svg').first()).toBeVisible();
  // Another page that was never opened online comes from the cache as well.
  await page.goto('/glossary/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await context.setOffline(false);
});

test('a page never visited still loads offline after the first visit precached it', async ({
  context,
  page,
}) => {
  await page.goto('/');
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await context.setOffline(true);
  await page.goto('/lessons/spotting-a-leak/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  // Without the editor saved, the cells keep their plain text editor and still update.
  const cell = page.locator('trace-cell').first();
  await cell.scrollIntoViewIfNeeded();
  await expect(cell.locator('.cell-status')).toHaveAttribute('data-cycles', /\d+/);
  await context.setOffline(false);
});

test('the printed lesson shows traces as text and charts, without the screen controls', async ({
  page,
}) => {
  await page.goto(lessonPath);
  await page.emulateMedia({ media: 'print' });
  const cell = page.locator('trace-cell').first();
  await expect(cell.locator('.trace-print')).toBeVisible();
  await expect(cell.locator('.trace-print')).toContainText(/gc 1 @/);
  await expect(cell.locator('.editor-box')).toBeHidden();
  await expect(cell.locator('figure svg').first()).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Site' })).toBeHidden();
  await expect(page.locator('.site-footer')).toBeHidden();
  const pdf = await page.pdf({ format: 'A4' });
  expect(pdf.byteLength).toBeGreaterThan(10_000);
});
