import { expect, test, type Locator, type Page } from './reused-page.ts';
import { readFileSync } from 'node:fs';
import { violationsInBothThemes, watchPage } from './watch.ts';

const lessons = [
  'what-a-leak-is',
  'godebug-and-gctrace',
  'reading-one-line',
  'running-a-trace',
  'spotting-a-leak',
  'finding-where-it-leaks',
  'goal-gogc-memory-limit',
  'across-go-versions',
  'exercises',
];

/** The trace cell with this id, scrolled into view, with its editor mounted. */
async function cellById(page: Page, id: string): Promise<Locator> {
  const cell = page.locator(`trace-cell[data-cell-id="${id}"]`);
  await cell.scrollIntoViewIfNeeded();
  await expect(cell.locator('.monaco-editor')).toBeVisible({ timeout: 15_000 });
  return cell;
}

/** The cell's trace as it stands (the editor's text, not the hidden fallback textarea's). */
async function cellText(cell: Locator): Promise<string> {
  return cell.evaluate((element) => (element as HTMLElement & { value: string }).value);
}

/**
 * Replaces everything in the cell's editor the way a learner would: select all, paste. Going
 * through the clipboard keeps long traces fast to enter.
 */
async function replaceCellText(page: Page, cell: Locator, text: string): Promise<void> {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.evaluate((value) => navigator.clipboard.writeText(value), text);
  await cell.locator('.monaco-editor .view-lines').click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Control+V');
  await expect.poll(() => cellText(cell)).toBe(text);
}

/** Applies `edit` to the gc line of cycle `gc` (first match). */
function editLine(text: string, gc: number, edit: (line: string) => string): string {
  const lines = text.split('\n');
  const index = lines.findIndex((line) => line.startsWith(`gc ${gc} @`));
  if (index < 0) throw new Error(`no gc ${gc} line`);
  lines[index] = edit(lines[index]!);
  return lines.join('\n');
}

function finding(cell: Locator, name: string): Locator {
  return cell
    .locator('.finding')
    .filter({ has: cell.page().locator('dt', { hasText: name }) })
    .locator('dd');
}

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
// its links to the glossary, axe in both themes, and a 390 px screen.
for (const [index, slug] of lessons.entries()) {
  test(`lesson ${slug}: title, summary, contents, pager, cells, glossary links, axe in both themes, 390 px`, async ({
    page,
  }) => {
    const problems = watchPage(page);
    await page.goto(`/lessons/${slug}/`, { waitUntil: 'networkidle' });
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

    await page.setViewportSize({ width: 390, height: 844 });
    await expect
      .poll(() => page.evaluate(() => document.documentElement.scrollWidth), { message: slug })
      .toBeLessThanOrEqual(390);
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

test.describe('each "Try this" changes what it says it changes', () => {
  test('lesson 1: four Go 1.5 lines are too few for a verdict', async ({ page }) => {
    await page.goto('/lessons/what-a-leak-is/');
    const cell = await cellById(page, 'leak');
    await expect(cell.locator('.verdict-title')).toHaveText(
      'Live heap keeps growing: a likely leak',
    );
    const seed = readFileSync('content/traces/seed-go1.5.txt', 'utf8').trimEnd();
    await replaceCellText(page, cell, seed);
    await expect(cell.locator('.verdict-title')).toHaveText('Not enough to tell yet');
  });

  test('lesson 2: deleting the pacer and scav lines leaves the findings as they were', async ({
    page,
  }) => {
    await page.goto('/lessons/godebug-and-gctrace/');
    const cell = await cellById(page, 'companions');
    const before = await cell.locator('.finding-list').textContent();
    const verdict = await cell.locator('.verdict-title').innerText();
    const text = await cellText(cell);
    const stripped = text
      .split('\n')
      .filter((line) => !/^(pacer:|scav)/.test(line))
      .join('\n');
    expect(stripped.length).toBeLessThan(text.length);
    await replaceCellText(page, cell, stripped);
    await page.waitForTimeout(1000);
    expect(await cell.locator('.finding-list').textContent()).toBe(before);
    await expect(cell.locator('.verdict-title')).toHaveText(verdict);
  });

  test('lesson 3: a 400 MB end heap on gc 144 becomes the peak; the verdict does not move', async ({
    page,
  }) => {
    await page.goto('/lessons/reading-one-line/');
    const cell = await cellById(page, 'fields');
    const text = editLine(await cellText(cell), 144, (line) =>
      line.replace('39->40->20 MB', '39->400->20 MB'),
    );
    await replaceCellText(page, cell, text);
    await expect(finding(cell, 'Peak heap')).toHaveText('400 MB');
    await expect(cell.locator('.verdict-title')).toHaveText(
      'Live heap keeps growing: a likely leak',
    );
  });

  test('lesson 4: another real run of leaking-map pasted in is also called a leak', async ({
    page,
  }) => {
    await page.goto('/lessons/running-a-trace/');
    const cell = await cellById(page, 'run');
    const other = readFileSync('tests/fixtures/go1.19-leaking-map-clean.txt', 'utf8').trimEnd();
    await replaceCellText(page, cell, other);
    await expect(cell.locator('.verdict-title')).toHaveText(
      'Live heap keeps growing: a likely leak',
    );
  });

  test('lesson 5: four rising readings do not make steady leak; a plateau cut short does', async ({
    page,
  }) => {
    await page.goto('/lessons/spotting-a-leak/');
    const steady = await cellById(page, 'steady');
    let text = await cellText(steady);
    const gcs = [...text.matchAll(/^gc (\d+) @/gm)].map((m) => Number(m[1]));
    [20, 25, 30, 35].forEach((live, k) => {
      text = editLine(text, gcs[gcs.length - 4 + k]!, (line) =>
        line.replace(/(\d+->\d+->)\d+ MB/, `$1${live} MB`),
      );
    });
    await replaceCellText(page, steady, text);
    await expect(steady.locator('.verdict')).toHaveAttribute('data-verdict', 'stable');

    const plateau = await cellById(page, 'plateau');
    await expect(plateau.locator('.verdict')).toHaveAttribute('data-verdict', 'stable');
    const lines = (await cellText(plateau)).split('\n');
    const cut = lines.findIndex((line) => line.startsWith('gc 66 @2.271s'));
    expect(cut).toBeGreaterThan(0);
    await replaceCellText(page, plateau, lines.slice(0, cut + 1).join('\n'));
    await expect(plateau.locator('.verdict-title')).toHaveText(
      'Live heap keeps growing: a likely leak',
    );
  });

  test('lesson 7: goals three times the live heap imply GOGC=200', async ({ page }) => {
    await page.goto('/lessons/goal-gogc-memory-limit/');
    const cell = await cellById(page, 'gogc-excerpt');
    await expect(finding(cell, 'Implied GOGC')).toContainText('100');
    let text = await cellText(cell);
    for (const gc of [41, 42, 43, 44, 45])
      text = editLine(text, gc, (line) => line.replace(/\d+ MB goal/, '98 MB goal'));
    await replaceCellText(page, cell, text);
    await expect(finding(cell, 'Implied GOGC')).toContainText('200');
  });

  test('lesson 8: only the first and fifth Go 1.5 clock times are pauses', async ({ page }) => {
    await page.goto('/lessons/across-go-versions/');
    const cell = await cellById(page, 'go15');
    const before = await finding(cell, 'Pause max').innerText();
    const original = await cellText(cell);
    await replaceCellText(
      page,
      cell,
      editLine(original, 4, (line) =>
        line.replace('0.029+0.17+0.074+0.48+0.10', '0.029+0.17+7.4+0.48+0.10'),
      ),
    );
    await expect(finding(cell, 'Pause max')).toHaveText(before);
    await replaceCellText(
      page,
      cell,
      editLine(original, 4, (line) =>
        line.replace('0.029+0.17+0.074+0.48+0.10', '0.029+0.17+0.074+0.48+10'),
      ),
    );
    await expect(finding(cell, 'Pause max')).toHaveText(/^10(\.\d+)? ms/);
  });

  test('lesson 9: one high live heap at the end does not change the verdict', async ({ page }) => {
    await page.goto('/lessons/exercises/');
    const cell = await cellById(page, 'one-reading');
    const text = await cellText(cell);
    const edited = text.replace(/29->29->17 MB(?![\s\S]*29->29->17 MB)/, '29->29->60 MB');
    expect(edited).not.toBe(text);
    await replaceCellText(page, cell, edited);
    await expect(finding(cell, 'Peak heap')).toHaveText('60 MB');
    await expect(cell.locator('.verdict')).toHaveAttribute('data-verdict', 'stable');
  });
});

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
