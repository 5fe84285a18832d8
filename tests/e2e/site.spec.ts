import { expect, test } from './reused-page.ts';
import {
  expectStrictPolicy,
  lessons,
  sitePages,
  violationsInBothThemes,
  watchPage,
} from './watch.ts';

// One visit per page for what every page owes: no console error or failed request, its policy,
// the header's link to the workbench, and no sideways scrolling on a 360 px screen, the narrowest
// phones in common use (a page that fits there fits a 390 px one too). The lessons' own test
// checks the same on each lesson's one visit, so the walk leaves them out.
test('every linked page loads with no console errors or failed requests, under its policy, and fits 360 px', async ({
  page,
}) => {
  const linked = await sitePages(page);
  expect(linked.length).toBeGreaterThan(8);
  const lessonPages = new Set(lessons.map((slug) => `/lessons/${slug}/`));
  // Every lesson linked from the site is one the lessons' test checks.
  expect(linked.filter((path) => /^\/lessons\/.+/.test(path) && !lessonPages.has(path))).toEqual(
    [],
  );
  const pages = linked.filter((path) => !lessonPages.has(path));
  expect(pages.length).toBeGreaterThan(3);
  for (const path of pages) {
    const problems = watchPage(page);
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.goto(path, { waitUntil: 'networkidle' });
    await expect(page.locator('h1').first()).toBeVisible();
    await expectStrictPolicy(page, path);
    // The header links to the workbench from every page.
    await expect(
      page.getByRole('navigation', { name: 'Site' }).getByRole('link', { name: 'Workbench' }),
    ).toHaveAttribute('href', /\/lab\/$/);
    await page.setViewportSize({ width: 360, height: 800 });
    await expect
      .poll(
        () =>
          page.evaluate(
            () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
          ),
        { message: `${path} at 360 px` },
      )
      .toBeLessThanOrEqual(0);
    expect(problems, path).toEqual([]);
    page.removeAllListeners();
  }
});

// Each page with its own spec runs axe there (lessons, glossary, further reading, workbench,
// simulator, workshop mode); these are the pages that have none.
for (const path of ['/', '/no-such-page/']) {
  test(`axe finds no accessibility violations on ${path}, in light and dark`, async ({ page }) => {
    await page.goto(path, { waitUntil: 'networkidle' });
    expect(await violationsInBothThemes(page), path).toEqual([]);
  });
}

test('an unknown address shows the 404 page with a way home', async ({ page }) => {
  const response = await page.goto('/no-such-page/');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('No page here');
  await page.getByRole('link', { name: 'home page' }).click();
  await expect(page).toHaveURL(/\/$/);
});

test('a keyboard user meets the skip link, the site navigation, then the content', async ({
  page,
}) => {
  await page.goto('/lessons/what-a-leak-is/');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'gctrace lab' })).toBeFocused();
  const siteLinks = page.getByRole('navigation', { name: 'Site' }).getByRole('link');
  const count = await siteLinks.count();
  expect(count).toBeGreaterThanOrEqual(3);
  for (let i = 0; i < count; i++) {
    await page.keyboard.press('Tab');
    await expect(siteLinks.nth(i)).toBeFocused();
  }
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: /Colour theme/ })).toBeFocused();

  // Back to the skip link, which moves the focus to the content.
  for (let i = 0; i < count + 2; i++) await page.keyboard.press('Shift+Tab');
  await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();
  await page.keyboard.press('Tab');
  const focusedInMain = await page.evaluate(() => !!document.activeElement?.closest('main'));
  expect(focusedInMain).toBe(true);
});

test('the theme toggle switches themes and the choice survives a reload', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('/');
  const toggle = page.getByRole('button', { name: /Colour theme/ });
  await expect(toggle).toHaveAccessibleName('Colour theme: Auto');
  await toggle.click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await toggle.click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(background).toBe('rgb(20, 23, 27)');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(toggle).toHaveAccessibleName('Colour theme: Dark');
  await toggle.click();
  await expect(page.locator('html')).not.toHaveAttribute('data-theme', /.+/);
});

test('the home page lists every lesson and links to the first one', async ({ page }) => {
  await page.goto('/');
  const lessons = page.getByRole('region', { name: 'Lessons' }).getByRole('listitem');
  expect(await lessons.count()).toBeGreaterThan(0);
  await page.getByRole('link', { name: /^Start with/ }).click();
  await expect(page.getByText(/^Lesson 1 of \d+$/)).toBeVisible();
});

test('a lesson page has a table of contents whose links reach their sections', async ({ page }) => {
  await page.goto('/lessons/what-a-leak-is/');
  const toc = page.getByRole('navigation', { name: 'On this page' });
  const links = toc.getByRole('link');
  expect(await links.count()).toBeGreaterThan(1);
  const second = links.nth(1);
  const target = (await second.getAttribute('href'))!;
  await second.click();
  await expect(page.locator(target)).toBeInViewport();
});

test('code blocks are highlighted and have a working copy button', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/lessons/what-a-leak-is/');
  const block = page.locator('.code-block').first();
  await expect(block.locator('pre.astro-code span[style]').first()).toHaveAttribute(
    'style',
    /--shiki/,
  );
  const code = (await block.locator('pre').innerText()).replace(/\n$/, '');
  await block.getByRole('button', { name: 'Copy code to clipboard' }).click();
  await expect(block.getByRole('button', { name: 'Copy code to clipboard' })).toHaveText('Copied');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(code);
});
