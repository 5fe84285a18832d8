import { expect, test, type Page } from './reused-page.ts';
import { expectStrictPolicy, lessons, violationsInBothThemes, watchPage } from './watch.ts';

/** The glossary's heading ids, read once from the served page (no need to render it). */
let glossaryIds: Promise<Set<string>> | undefined;
function glossaryTargets(page: Page): Promise<Set<string>> {
  glossaryIds ??= page.request
    .get('/glossary/')
    .then((response) => response.text())
    .then((html) => new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((match) => match[1]!)));
  return glossaryIds;
}

// One page load per lesson checks everything that needs only the page as it loads: its parts,
// its links to the glossary, axe in both themes, and a 360 px screen; and what every page owes
// (no console error or failed request, its policy, the header's link to the workbench), which the
// walk over every page in site.spec.ts leaves to this test for the lessons.
for (const [index, slug] of lessons.entries()) {
  test(`lesson ${slug}: title, summary, contents, pager, cells, glossary links, policy, axe in both themes, 360 px`, async ({
    page,
  }) => {
    const problems = watchPage(page);
    const path = `/lessons/${slug}/`;
    await page.goto(path, { waitUntil: 'networkidle' });
    await expectStrictPolicy(page, path);
    await expect(
      page.getByRole('navigation', { name: 'Site' }).getByRole('link', { name: 'Workbench' }),
    ).toHaveAttribute('href', /\/lab\/$/);
    await expect(page.locator('h1')).not.toBeEmpty();
    await expect(page.locator('.lesson-header .summary')).not.toBeEmpty();
    await expect(page.locator('.lesson-header .meta')).toContainText(/\d+ min read/);
    const toc = page.getByRole('navigation', { name: 'On this page' });
    expect(await toc.getByRole('link').count(), slug).toBeGreaterThan(1);
    const pager = page.getByRole('navigation', { name: 'Previous and next lesson' });
    if (index > 0)
      await expect(pager.locator('a[rel="prev"]')).toHaveAttribute(
        'href',
        `/lessons/${lessons[index - 1]}/`,
      );
    if (index < lessons.length - 1) {
      await expect(pager.locator('a[rel="next"]')).toHaveAttribute(
        'href',
        `/lessons/${lessons[index + 1]}/`,
      );
    }
    // Every lesson has at least one live cell and one "Try this".
    const cells = page.locator('trace-cell');
    expect(await cells.count(), slug).toBeGreaterThan(0);
    expect(
      await page.getByRole('complementary', { name: 'Try this' }).count(),
      slug,
    ).toBeGreaterThan(0);
    for (const caption of await cells.locator('figure figcaption').all()) {
      await expect(caption).toHaveText(/over [\d,]+ GC cycles?/);
    }
    // The table of contents points at headings that exist.
    for (const href of await toc
      .getByRole('link')
      .evaluateAll((links) => links.map((l) => l.getAttribute('href')))) {
      await expect(page.locator(`[id="${href!.slice(1)}"]`)).toHaveCount(1);
    }
    // Every glossary term the lesson links to exists on the glossary page.
    const glossary = await glossaryTargets(page);
    for (const href of await page
      .locator('a.term')
      .evaluateAll((links) => links.map((l) => l.getAttribute('href')!))) {
      expect(href).toMatch(/^\/glossary\/#[a-z-]+$/);
      expect(glossary.has(href.split('#')[1]!), href).toBe(true);
    }

    expect(await violationsInBothThemes(page), slug).toEqual([]);

    // The narrowest phones in common use: a page that fits there fits a 390 px one too.
    await page.setViewportSize({ width: 360, height: 800 });
    await expect
      .poll(() => page.evaluate(() => document.documentElement.scrollWidth), { message: slug })
      .toBeLessThanOrEqual(360);
    expect(problems, slug).toEqual([]);
  });
}

test('the lessons link to glossary terms', async ({ request }) => {
  let links = 0;
  for (const slug of lessons) {
    const html = await (await request.get(`/lessons/${slug}/`)).text();
    links += html.match(/<a [^>]*class="[^"]*\bterm\b/g)?.length ?? 0;
  }
  expect(links).toBeGreaterThan(3);
});

test('the glossary and further-reading pages are linked from the footer and pass axe in both themes', async ({
  page,
}) => {
  for (const path of ['/glossary/', '/further-reading/']) {
    await page.goto('/lessons/what-a-leak-is/');
    await page
      .locator('footer')
      .getByRole('link', { name: path === '/glossary/' ? 'Glossary' : 'Further reading' })
      .click();
    await expect(page).toHaveURL(new RegExp(`${path}$`));
    await page.waitForLoadState();
    expect(await violationsInBothThemes(page), path).toEqual([]);
  }
});

// What each "Try this" says an edit will change is checked on the cell's own trace in
// tests/unit/pages/try-this.test.ts; an edit reaching the findings is the trace cell's own test.

test.describe('exercises', () => {
  interface Answer {
    type: 'number' | 'choice';
    values?: number[];
    traps?: { value: number; why: string }[];
    correct?: string;
    options?: { value: string; label: string }[];
    why?: Record<string, string>;
  }

  test('every exercise accepts its right answer and explains a wrong one', async ({ page }) => {
    await page.goto('/lessons/exercises/');
    const exercises = page.locator('trace-exercise');
    const count = await exercises.count();
    expect(count).toBeGreaterThanOrEqual(6);
    for (let i = 0; i < count; i++) {
      const exercise = exercises.nth(i);
      await exercise.scrollIntoViewIfNeeded();
      const answer = JSON.parse((await exercise.getAttribute('data-answer'))!) as Answer;
      const result = exercise.getByRole('status');
      if (answer.type === 'number') {
        const input = exercise.getByLabel(/Your answer/);
        const trap = answer.traps?.[0];
        if (trap !== undefined) {
          await input.fill(String(trap.value));
          await exercise.getByRole('button', { name: 'Check' }).click();
          await expect(result).toContainText('Not quite');
          await expect(result).toContainText(trap.why);
        }
        // An ambiguous comma is refused with the reason, not taken as one of its readings.
        await input.fill('1,234');
        await input.press('Enter');
        await expect(result).toContainText('can be read two ways: write 1.234 or 1234');
        // Written the way a person may write it: .021 for 0.021.
        await input.fill(String(answer.values![0]).replace(/^0\./, '.'));
        await input.press('Enter');
        await expect(result).toContainText('Right.');
      } else {
        const wrong = answer.options!.find((o) => o.value !== answer.correct)!;
        await exercise.getByLabel(wrong.label, { exact: true }).check();
        await exercise.getByRole('button', { name: 'Check' }).click();
        await expect(result).toContainText('Not quite');
        await expect(result).toContainText(answer.why![wrong.value]!);
        const right = answer.options!.find((o) => o.value === answer.correct)!;
        await exercise.getByLabel(right.label, { exact: true }).check();
        await exercise.getByRole('button', { name: 'Check' }).click();
        await expect(result).toContainText('Right.');
      }
    }
  });

  test('the hint and the answer are readable without JavaScript', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto('/lessons/exercises/');
    const first = page.locator('trace-exercise').first();
    await expect(first.locator('pre')).toContainText(/gc \d+ @/);
    await expect(first.locator('form')).toBeHidden();
    await first.getByText('Show the answer').click();
    await expect(first.locator('details[data-reveal] p')).toContainText(/MB/);
    await context.close();
  });

  test('an exercise can be answered with the keyboard alone', async ({ page }) => {
    await page.goto('/lessons/exercises/');
    const exercise = page.locator('trace-exercise').first();
    const answer = JSON.parse((await exercise.getAttribute('data-answer'))!) as Answer;
    await exercise.getByLabel(/Your answer/).focus();
    await page.keyboard.type(String(answer.values![0]));
    await page.keyboard.press('Enter');
    await expect(exercise.getByRole('status')).toContainText('Right.');
  });
});

test('the annotated line explains a field on focus, and lists every field', async ({ page }) => {
  await page.goto('/lessons/reading-one-line/');
  const figure = page.locator('[data-annotated-line]');
  const fields = figure.locator('.al-field');
  expect(await fields.count()).toBeGreaterThan(10);
  expect(await figure.locator('.al-list li').count()).toBe(await fields.count());
  const live = fields.filter({ hasText: /^20$/ });
  await live.focus();
  await expect(figure.locator('[data-readout]')).toContainText(/Live heap/);
  await page.keyboard.press('Tab');
  await expect(figure.locator('[data-readout]')).toContainText(/goal/i);
  await page.keyboard.press('Escape');
  await expect(figure.locator('[data-readout]')).toContainText(/Hover over a field/);
});
