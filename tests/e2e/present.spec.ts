import { readFileSync } from 'node:fs';
import { expect, test, type Page } from './reused-page.ts';
import { violationsInBothThemes, watchPage } from './watch.ts';

// Seven cells on one page load slowly on a busy machine.
test.describe.configure({ timeout: 90_000 });

const path = '/present/';
const leakingMap = readFileSync('content/traces/leaking-map.txt', 'utf8').replace(/\n$/, '');

/** The ms at which each line of a trace appears in the replay (its gc time, or the line before's). */
function timeline(text: string): number[] {
  let last = 0;
  return text.split('\n').map((line) => {
    const m = /\bgc \d+ @(\d+\.\d+)s/.exec(line);
    if (m) last = Number(m[1]) * 1000;
    return last;
  });
}

async function open(page: Page, hash = ''): Promise<void> {
  await page.goto(`${path}${hash}`);
  await expect(page.locator('[data-present][data-ready]')).toBeAttached({ timeout: 40_000 });
}

const position = (page: Page) => page.locator('[data-position]');
const replayHost = (page: Page) => page.locator('[data-replay]');
const replayCell = (page: Page) => page.locator('#slide-1 trace-cell');

async function cellText(page: Page): Promise<string> {
  return page.evaluate(
    () => document.querySelector<HTMLElement & { value: string }>('#slide-1 trace-cell')!.value,
  );
}

// One load of the page (and the reloads the checks need) serves every check of the keys, the
// URL, the findings, axe and "Reset all cells": the page is 350 KB of seven cells.
test('keys step one slide at a time and the URL keeps it; findings stay hidden until revealed; no accessibility violations; "Reset all cells" removes saved edits only', async ({
  page,
}) => {
  const problems = watchPage(page);
  await open(page, '#3');
  const total = await page.locator('[data-slide]').count();
  expect(total).toBeGreaterThan(3);

  await test.step('the slide is kept in the URL', async () => {
    await expect(position(page)).toHaveText(`3 / ${total}`);
    await page.keyboard.press('ArrowRight');
    await expect(page).toHaveURL(/#4$/);
    await page.reload();
    await expect(position(page)).toHaveText(`4 / ${total}`);
    await expect(page.locator('[data-slide]:visible')).toHaveCount(1);
  });

  await test.step('the presenter view has no accessibility violations', async () => {
    await page.keyboard.press('Home');
    await expect(position(page)).toHaveText(`1 / ${total}`);
    expect(await violationsInBothThemes(page, { include: '[data-present]' })).toEqual([]);
  });

  await test.step('arrow keys, space, Home and End step through one slide at a time', async () => {
    await expect(page.locator('[data-slide]:visible')).toHaveCount(1);
    await page.keyboard.press('ArrowRight');
    await expect(position(page)).toHaveText(`2 / ${total}`);
    await expect(page.locator('#slide-2')).toBeVisible();
    await expect(page.locator('#slide-1')).toBeHidden();
    await page.keyboard.press('Space');
    await expect(position(page)).toHaveText(`3 / ${total}`);
    await page.keyboard.press('Shift+Space');
    await expect(position(page)).toHaveText(`2 / ${total}`);
    await page.keyboard.press('ArrowLeft');
    await expect(position(page)).toHaveText(`1 / ${total}`);
    await page.keyboard.press('ArrowLeft');
    await expect(position(page)).toHaveText(`1 / ${total}`);
    await page.keyboard.press('End');
    await expect(position(page)).toHaveText(`${total} / ${total}`);
    await page.keyboard.press('ArrowRight');
    await expect(position(page)).toHaveText(`${total} / ${total}`);
    await expect(page.locator('[data-slide]:visible')).toHaveCount(1);
    await page.keyboard.press('Home');
    await expect(position(page)).toHaveText(`1 / ${total}`);

    // Each slide shows one cell with one chart.
    await page.keyboard.press('ArrowRight');
    await expect(page.locator('#slide-2 trace-cell figure.cell-chart')).toHaveCount(1);
    await expect(page.locator('#slide-2 trace-cell figure.cell-chart svg')).toBeVisible();
  });

  await test.step('keys typed into a control stay there', async () => {
    await page.keyboard.press('Home');
    await page.getByLabel('Speed').focus();
    await page.keyboard.press('ArrowDown');
    await expect(position(page)).toHaveText(`1 / ${total}`);
    // Space on a focused button presses the button instead of stepping.
    await page.getByRole('button', { name: 'Next →' }).focus();
    await page.keyboard.press('Space');
    await expect(position(page)).toHaveText(`2 / ${total}`);
    await page.getByRole('button', { name: '← Previous' }).click();
    await expect(position(page)).toHaveText(`1 / ${total}`);
  });

  await test.step('findings stay hidden until revealed, with F or the button', async () => {
    const verdict = replayCell(page).locator('.verdict');
    const button = page.getByRole('button', { name: /findings/ });
    await expect(verdict).toBeHidden();
    await expect(button).toHaveAttribute('aria-pressed', 'false');
    await page.keyboard.press('f');
    await expect(verdict).toBeVisible();
    await expect(button).toHaveAttribute('aria-pressed', 'true');
    await expect(button).toHaveText('Hide findings');
    await page.keyboard.press('ArrowRight');
    await expect(page.locator('#slide-2 .verdict')).toBeVisible();
    await button.click();
    await expect(page.locator('#slide-2 .verdict')).toBeHidden();
  });

  await test.step('"Reset all cells" removes saved edits only', async () => {
    await page.evaluate(() => {
      localStorage.setItem('gctrace-lab:cell:/lessons/what-a-leak-is#first', '{"text":"x"}');
      localStorage.setItem('gctrace-lab:cell:/present#present-steady-heap', '{"text":"y"}');
      localStorage.setItem('gctrace-lab:theme', 'dark');
    });
    await page.getByRole('button', { name: 'Reset all cells' }).click();
    await expect(page.locator('[data-present-notice]')).toHaveText('Reset 2 edited cells.');
    const keys = await page.evaluate(() => Object.keys(localStorage));
    expect(keys.filter((k) => k.startsWith('gctrace-lab:cell:'))).toEqual([]);
    expect(keys).toContain('gctrace-lab:theme');
  });
  expect(problems).toEqual([]);
});

// One page with an installed clock (which retires the tab) for both replays.
test('the replay feeds the trace line by line with the timing it was printed with; another trace can be replayed, and shown whole at once', async ({
  page,
}) => {
  await page.clock.install({ time: new Date('2026-01-05T09:00:00Z') });
  await open(page);
  // From here on time moves only when the test says so.
  await page.clock.pauseAt(new Date('2026-01-05T09:01:00Z'));

  await test.step('the replay feeds the trace line by line with the timing it was printed with', async () => {
    const at = timeline(leakingMap);
    const lines = leakingMap.split('\n');
    await expect.poll(() => cellText(page)).toBe(leakingMap);

    await page.getByRole('button', { name: 'Play' }).click();
    await expect(replayHost(page)).toHaveAttribute('data-replay-state', 'playing');
    await page.clock.runFor(1);
    await expect(replayHost(page)).toHaveAttribute('data-replay-line', '1');
    await expect.poll(() => cellText(page)).toBe(lines[0]);

    // One second of program time later, every line printed by then is there and no more.
    await page.clock.runFor(1000);
    const shown = Number(await replayHost(page).getAttribute('data-replay-line'));
    const lowest = at.filter((t) => t <= at[0] + 995).length;
    const highest = at.filter((t) => t <= at[0] + 1005).length;
    expect(shown).toBeGreaterThanOrEqual(lowest);
    expect(shown).toBeLessThanOrEqual(highest);
    await expect.poll(() => cellText(page)).toBe(lines.slice(0, shown).join('\n'));
    await expect(replayCell(page).locator('.cell-status')).toHaveAttribute('data-problems', '0');

    // P pauses: time passes, nothing new arrives; P again goes on.
    await page.locator('.slide-title').first().click();
    await page.keyboard.press('p');
    await expect(replayHost(page)).toHaveAttribute('data-replay-state', 'paused');
    await page.clock.runFor(3000);
    await expect(replayHost(page)).toHaveAttribute('data-replay-line', String(shown));
    await page.getByRole('button', { name: 'One line' }).click();
    await expect(replayHost(page)).toHaveAttribute('data-replay-line', String(shown + 1));
    await page.keyboard.press('p');
    await expect(replayHost(page)).toHaveAttribute('data-replay-state', 'playing');

    // Twenty times faster: the remaining ~9 s of program time take under a second.
    await page.getByLabel('Speed').selectOption('20');
    await page.clock.runFor(1000);
    await expect(replayHost(page)).toHaveAttribute('data-replay-state', 'done');
    await expect(replayHost(page)).toHaveAttribute('data-replay-line', String(lines.length));
    await expect.poll(() => cellText(page)).toBe(leakingMap);
    await expect(replayCell(page).locator('.cell-status')).toHaveAttribute(
      'data-cycles',
      String(lines.filter((l) => l.startsWith('gc ')).length),
    );
  });

  await test.step('another trace can be replayed, and shown whole at once', async () => {
    // Back to the speed the page opens with.
    await page.getByLabel('Speed').selectOption('1');
    await page.getByLabel('Trace', { exact: true }).selectOption('steady');
    const steady = readFileSync('content/traces/steady.txt', 'utf8').replace(/\n$/, '');
    await expect.poll(() => cellText(page)).toBe(steady);
    await page.getByRole('button', { name: 'Play' }).click();
    await page.clock.runFor(500);
    expect((await cellText(page)).split('\n').length).toBeLessThan(steady.split('\n').length);
    await page.getByRole('button', { name: 'Whole trace' }).click();
    await expect(replayHost(page)).toHaveAttribute('data-replay-state', 'done');
    await expect.poll(() => cellText(page)).toBe(steady);
    await page.getByRole('button', { name: 'From the start' }).click();
    await page.clock.runFor(1);
    await expect(replayHost(page)).toHaveAttribute('data-replay-line', '1');
  });
});

test('with site storage blocked, the keys, the replay and "Reset all cells" still work', async ({
  browser,
}) => {
  const context = await browser.newContext();
  await context.addInitScript(() => {
    for (const name of ['localStorage', 'sessionStorage']) {
      Object.defineProperty(window, name, {
        get() {
          throw new DOMException('The operation is insecure.', 'SecurityError');
        },
      });
    }
  });
  const page = await context.newPage();
  const problems = watchPage(page);
  await open(page);
  await page.locator('.slide-title').first().click();
  await page.keyboard.press('ArrowRight');
  await expect(position(page)).toHaveText(/^2 \//);
  await page.keyboard.press('ArrowLeft');
  await expect(position(page)).toHaveText(/^1 \//);
  await page.getByRole('button', { name: 'One line' }).click();
  await expect(replayHost(page)).toHaveAttribute('data-replay-line', '1');
  await page.getByRole('button', { name: 'Whole trace' }).click();
  await expect(replayHost(page)).toHaveAttribute('data-replay-state', 'done');
  // The reset reloads the page, which puts every cell back to its original.
  await page.evaluate(() => ((window as unknown as { before: boolean }).before = true));
  await page.getByRole('button', { name: 'Reset all cells' }).click();
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { before?: boolean }).before))
    .toBeUndefined();
  await expect(page.locator('[data-present][data-ready]')).toBeAttached({ timeout: 40_000 });
  expect(problems).toEqual([]);
  await context.close();
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  test('the replay controls fit the screen', async ({ page }) => {
    await open(page);
    // Within the column of the slide, not merely up to the edge of the glass.
    const column = (await page.locator('#slide-1 .slide-title').boundingBox())!;
    for (const select of [page.getByLabel('Trace', { exact: true }), page.getByLabel('Speed')]) {
      const box = (await select.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(column.x - 0.5);
      expect(box.x + box.width).toBeLessThanOrEqual(column.x + column.width + 0.5);
    }
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
  });
});
