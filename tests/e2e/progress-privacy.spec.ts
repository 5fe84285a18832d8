import { expect, test, type Page } from './reused-page.ts';
import { violationsInBothThemes, watchPage } from './watch.ts';

const lessonsList = (page: Page) => page.getByRole('region', { name: 'Lessons' });
const lessonLink = (page: Page, title: string) =>
  lessonsList(page).getByRole('link', { name: new RegExp(`^${title}`) });

interface Answer {
  type: 'number' | 'choice';
  values?: number[];
  correct?: string;
}

/** Answers the first exercise of the exercises lesson right, as a learner would. */
async function solveFirstExercise(page: Page): Promise<void> {
  const exercise = page.locator('trace-exercise').first();
  const answer = JSON.parse((await exercise.getAttribute('data-answer'))!) as Answer;
  if (answer.type === 'number') {
    await exercise.getByLabel(/Your answer/).fill(String(answer.values![0]));
  } else {
    await exercise.locator(`input[value="${answer.correct}"]`).check();
  }
  await exercise.getByRole('button', { name: 'Check' }).click();
  await expect(exercise.getByRole('status')).toContainText('Right.');
}

test('the lesson list shows, in words, the lessons opened and the exercises solved', async ({
  page,
}) => {
  await page.goto('/');
  await expect(lessonsList(page).getByText(/^opened/)).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Clear my progress' })).toBeHidden();

  await page.goto('/lessons/what-a-leak-is/');
  await page.goto('/lessons/exercises/');
  const exercises = await page.locator('trace-exercise').count();
  await solveFirstExercise(page);
  // A wrong answer to another one counts for nothing.
  const second = page.locator('trace-exercise').nth(1);
  await second.scrollIntoViewIfNeeded();
  const secondAnswer = JSON.parse((await second.getAttribute('data-answer'))!) as Answer;
  if (secondAnswer.type === 'number') {
    await second.getByLabel(/Your answer/).fill(String(secondAnswer.values![0] + 1000));
    await second.getByRole('button', { name: 'Check' }).click();
    await expect(second.getByRole('status')).toContainText('Not quite');
  }

  await page.goto('/');
  await expect(lessonLink(page, 'What a leak is in Go')).toContainText(/opened$/);
  await expect(lessonLink(page, 'Exercises')).toContainText(
    `opened · 1 of ${exercises} exercises solved`,
  );
  await expect(lessonLink(page, 'Reading one line')).not.toContainText('opened');

  // Solving the same exercise again does not count twice, and the record survives a reload.
  await page.goto('/lessons/exercises/');
  await solveFirstExercise(page);
  await page.goto('/');
  await expect(lessonLink(page, 'Exercises')).toContainText(`1 of ${exercises} exercises solved`);

  await page.getByRole('button', { name: 'Clear my progress' }).click();
  await expect(lessonsList(page).getByRole('status')).toHaveText('Your progress is cleared.');
  await expect(lessonsList(page).getByText(/^opened/)).toHaveCount(0);
  await page.reload();
  await expect(lessonsList(page).getByText(/^opened/)).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Clear my progress' })).toBeHidden();
});

test('with storage blocked, lessons and exercises work and nothing breaks', async ({ page }) => {
  // What a browser with site data blocked does: touching localStorage throws a SecurityError.
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      get() {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    });
  });
  const problems = watchPage(page);
  await page.goto('/lessons/exercises/');
  await solveFirstExercise(page);
  await page.goto('/');
  await expect(lessonsList(page).getByText(/^opened/)).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Clear my progress' })).toBeHidden();
  expect(problems).toEqual([]);
});

test('the privacy note says what leaves the browser and what stays, and passes axe', async ({
  page,
}) => {
  // axe twice over a whole page: slow on a loaded two-core machine.
  test.slow();
  await page.goto('/');
  await page.getByRole('contentinfo').getByRole('link', { name: 'Privacy' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Privacy');
  for (const heading of [
    'No analytics, no tracking',
    'Your traces stay in your browser',
    'What is kept on this device',
  ]) {
    await expect(page.getByRole('heading', { level: 2, name: heading })).toBeVisible();
  }
  await expect(page.getByText(/after #\. Browsers never send that part/)).toBeVisible();
  expect(await violationsInBothThemes(page)).toEqual([]);
});

test.describe('forgetting', () => {
  test.use({ serviceWorkers: 'allow' });

  test('forget everything asks first, then removes edits, progress, theme, caches and the worker', async ({
    page,
  }) => {
    test.slow();
    const problems = watchPage(page);
    await page.goto('/lessons/what-a-leak-is/');
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    // A saved edit, progress (the visit itself) and a theme choice.
    const cell = page.locator('trace-cell').first();
    const cellId = await cell.getAttribute('data-cell-id');
    const textarea = cell.locator('textarea.trace-text');
    await textarea.fill(`${await textarea.inputValue()}\n`);
    await expect
      .poll(() =>
        page.evaluate(() =>
          Object.keys(localStorage).filter((k) => k.startsWith('gctrace-lab:cell:')),
        ),
      )
      .toHaveLength(1);
    await page.getByRole('button', { name: /Colour theme/ }).click();

    await page.goto('/privacy/');
    const open = page.getByRole('button', { name: 'Forget everything on this device…' });
    const dialog = page.getByRole('dialog', { name: 'Forget everything on this device?' });
    await open.click();
    await expect(dialog).toBeVisible();
    // The safe answer has the focus.
    await expect(dialog.getByRole('button', { name: 'Keep everything' })).toBeFocused();
    expect(await violationsInBothThemes(page, { include: 'dialog' })).toEqual([]);
    await page.keyboard.press('Enter');
    await expect(dialog).toBeHidden();
    const keys = () =>
      page.evaluate(() =>
        Object.keys(localStorage)
          .filter((k) => k.startsWith('gctrace-lab:'))
          .sort(),
      );
    expect(await keys()).toEqual([
      `gctrace-lab:cell:/lessons/what-a-leak-is#${cellId}`,
      'gctrace-lab:progress',
      'gctrace-lab:theme',
    ]);

    await open.click();
    await dialog.getByRole('button', { name: 'Forget everything' }).click();
    await expect(page.getByRole('main').getByRole('status')).toHaveText(
      'Removed from this device: 1 saved cell edit, 1 record of your progress, 1 theme choice, ' +
        '1 offline copy, 1 service worker.',
    );
    expect(await keys()).toEqual([]);
    expect(
      await page.evaluate(async () =>
        (await caches.keys()).filter((k) => k.startsWith('gctrace-lab-')),
      ),
    ).toEqual([]);
    expect(
      await page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length),
    ).toBe(0);
    expect(problems).toEqual([]);
  });
});
