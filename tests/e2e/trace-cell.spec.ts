import { expect, test, type Locator, type Page } from './reused-page.ts';
import { violationsInBothThemes, watchPage } from './watch.ts';

const lessonPath = '/lessons/what-a-leak-is/';

/** The first trace cell of the lesson, scrolled into view, with Monaco mounted. */
async function firstCell(page: Page): Promise<Locator> {
  const cell = page.locator('trace-cell').first();
  await cell.scrollIntoViewIfNeeded();
  await expect(cell.locator('.monaco-editor')).toBeVisible({ timeout: 15_000 });
  return cell;
}

async function cycles(cell: Locator): Promise<number> {
  return Number(await cell.locator('.cell-status').getAttribute('data-cycles'));
}

/** The last gc line of the cell's trace with its GC number raised by one: a plausible next cycle. */
async function nextCycleLine(cell: Locator): Promise<string> {
  // The text the cell shows now: once the editor is up, the built page's textarea keeps the original.
  const text = await cell.evaluate((el) => (el as unknown as { value: string }).value);
  const last = text
    .split('\n')
    .filter((line) => /\bgc \d+ @/.test(line))
    .at(-1)!;
  return last.replace(/\bgc (\d+) @/, (_m, n) => `gc ${Number(n) + 1} @`);
}

async function typeAtEnd(page: Page, cell: Locator, text: string): Promise<void> {
  await cell.locator('.monaco-editor .view-lines').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Enter');
  await page.keyboard.insertText(text);
}

/** Opens the lesson; a test's new context starts with empty storage. */
async function openLesson(page: Page): Promise<void> {
  await page.goto(lessonPath);
}

test('the cell is complete without JavaScript: trace, charts with captions, tables, findings', async ({
  browser,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(lessonPath);
  const cell = page.locator('trace-cell').first();
  await expect(cell.locator('textarea.trace-text')).toHaveValue(/gc \d+ @/);
  // Every text box shows its trace: none waits for a script that will not run.
  for (const textarea of await page.locator('trace-cell textarea.trace-text').all()) {
    await expect(textarea).toHaveCSS('content-visibility', 'visible');
  }
  const captions = cell.locator('figcaption');
  expect(await captions.count()).toBeGreaterThan(0);
  await expect(captions.first()).toHaveText(/over \d+ GC cycles?/);
  await expect(cell.locator('figure svg').first()).toBeVisible();
  await expect(cell.locator('.chart-table').first()).toBeAttached();
  await expect(cell.locator('.verdict-title')).not.toBeEmpty();
  await context.close();
});

test('no editor code is requested, nor a trace parsed, before the cell comes into view', async ({
  browser,
}) => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 300 } });
  const page = await context.newPage();
  const editorRequests: string[] = [];
  page.on('request', (request) => {
    if (/monaco|editor\.worker/i.test(request.url())) editorRequests.push(request.url());
  });
  await page.goto(lessonPath, { waitUntil: 'networkidle' });
  await page.waitForTimeout(500);
  expect(editorRequests).toEqual([]);
  const last = page.locator('trace-cell').last();
  await expect(last).not.toHaveAttribute('data-model', 'built');
  await page.locator('trace-cell').first().scrollIntoViewIfNeeded();
  await expect(page.locator('trace-cell .monaco-editor').first()).toBeVisible({ timeout: 15_000 });
  expect(editorRequests.length).toBeGreaterThan(0);
  await last.scrollIntoViewIfNeeded();
  await expect(last).toHaveAttribute('data-model', 'built');
  await context.close();
});

// One load of the lesson, with the editor mounted, serves every check that reads the first cell
// before it is edited, and then the one that types a broken line into it.
test('with the editor loaded: axe finds nothing, the focused editor has a ring, hovers explain fields, selected lines highlight their cycles, and trace text is never run as HTML', async ({
  page,
}) => {
  await openLesson(page);
  const cell = await firstCell(page);

  await test.step('axe finds nothing with the editor loaded, in light and dark', async () => {
    expect(await violationsInBothThemes(page, { include: 'trace-cell' })).toEqual([]);
  });

  // axe leaves the dark theme on; the ring is compared between light and dark.
  await page.emulateMedia({ colorScheme: 'light' });
  await test.step('the focused editor has a ring in both themes, Ctrl+K Ctrl+I explains the caret, and the keyboard help opens and closes', async () => {
    const box = cell.locator('[data-editor-box]');
    const ring = () =>
      box.evaluate((el) => {
        const style = getComputedStyle(el);
        return { style: style.outlineStyle, width: style.outlineWidth, colour: style.outlineColor };
      });
    expect((await ring()).style).toBe('none');
    await cell.locator('.monaco-editor .view-lines').click();
    await page.keyboard.press('Control+Home');
    const light = await ring();
    expect(light.style).toBe('solid');
    await page.emulateMedia({ colorScheme: 'dark' });
    const dark = await ring();
    expect(dark.style).toBe('solid');
    expect(dark.colour).not.toBe(light.colour);

    // What the help says works: Ctrl+K Ctrl+I explains the field at the caret (the start time).
    const first = (await cell.locator('textarea.trace-text').inputValue()).split('\n')[0]!;
    for (let i = 0; i <= first.indexOf('@'); i++) await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Control+K');
    await page.keyboard.press('Control+I');
    await expect(page.locator('.monaco-hover:not(.hidden)')).toContainText(
      /@[\d.]+s/.exec(first)![0],
    );
    await page.keyboard.press('Escape');

    const toggle = cell.getByRole('button', { name: 'Keyboard help' });
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    const help = cell.locator('.keys-help');
    await expect(help).toBeVisible();
    await expect(help).toContainText('leave the editor');
    await expect(help).toContainText('explains the field at the caret');
    await page.keyboard.press('Escape');
    await expect(help).toBeHidden();
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await expect(toggle).toBeFocused();
  });

  await test.step('hovering a field shows its explanation', async () => {
    // Wait for the tokenizer: it splits the line into one span per field.
    const goal = cell.locator('.view-lines .view-line span span', { hasText: /^MB\sgoal/ }).first();
    await expect(goal).toBeVisible();
    await goal.hover();
    const hover = page.locator('.monaco-hover').filter({ hasText: /goal/i });
    await expect(hover.first()).toBeVisible({ timeout: 5000 });
  });

  await test.step('selecting lines highlights their cycles, and clicking a cycle moves the editor to it', async () => {
    const lines = cell.locator('.view-lines .view-line');
    // Select the first three lines, which are gc 1 to gc 3 in this trace.
    await lines.nth(0).click();
    await page.keyboard.press('Home');
    await page.keyboard.press('Shift+ArrowDown');
    await page.keyboard.press('Shift+ArrowDown');
    // Charts off screen catch up when they are scrolled to.
    const heap = cell.locator('figure[data-kind="heap"] svg');
    await heap.scrollIntoViewIfNeeded();
    await expect(heap.locator('g.cycle.is-highlighted')).toHaveCount(3);
    await expect(heap.locator('g.cycle.is-highlighted').first()).toHaveAttribute('data-line', '1');
    // Moving the caret along the last selected line keeps the same cycles highlighted: the charts
    // are left alone (typing moves the caret on every keystroke).
    await heap.evaluate((svg) => {
      (window as unknown as { chartMutations: number }).chartMutations = 0;
      new MutationObserver((records) => {
        (window as unknown as { chartMutations: number }).chartMutations += records.length;
      }).observe(svg, { attributes: true, childList: true, subtree: true, characterData: true });
    });
    await lines.nth(0).scrollIntoViewIfNeeded();
    await page.keyboard.press('Shift+ArrowRight');
    await page.keyboard.press('Shift+ArrowRight');
    await heap.scrollIntoViewIfNeeded();
    await page.waitForTimeout(300);
    expect(
      await page.evaluate(() => (window as unknown as { chartMutations: number }).chartMutations),
    ).toBe(0);
    await expect(heap.locator('g.cycle.is-highlighted')).toHaveCount(3);

    // Clicking the last cycle in the pause chart puts the cursor on its line.
    const pause = cell.locator('figure[data-kind="pause"] svg');
    await pause.scrollIntoViewIfNeeded();
    const last = pause.locator('g.cycle').last();
    const line = Number(await last.getAttribute('data-line'));
    await last.locator('rect.hit').click({ force: true });
    await expect(cell.locator('.monaco-editor .current-line').first()).toBeAttached();
    await expect
      .poll(() =>
        page.evaluate(() => {
          const el = document.activeElement;
          return el?.closest('.monaco-editor') ? 'editor' : el?.tagName;
        }),
      )
      .toBe('editor');
    await expect(
      cell.locator('.view-line', {
        hasText: new RegExp(`gc\\s${await last.getAttribute('data-gc')}\\s@`),
      }),
    ).toBeVisible();
    expect(line).toBeGreaterThan(1);
  });

  await test.step('trace text is shown as text, never run as HTML', async () => {
    let dialog = false;
    page.on('dialog', async (d) => {
      dialog = true;
      await d.dismiss();
    });
    await typeAtEnd(page, cell, 'gc 7 @x <img src=x onerror=alert(1)>');
    await expect(cell.locator('.cell-problems')).toContainText('Line');
    await page.waitForTimeout(300);
    expect(dialog).toBe(false);
    expect(await page.locator('trace-cell img').count()).toBe(0);
  });
});

// One load of the lesson serves the edits that each add to the first cell's trace.
test('a new cycle line updates the caption count and the heap chart, the whole cell works by keyboard, and a broken line gets a marker and a problem', async ({
  page,
}) => {
  await openLesson(page);
  const problems = watchPage(page);
  const cell = await firstCell(page);

  await test.step('typing a new cycle line updates the caption count and the heap chart', async () => {
    const before = await cycles(cell);
    const heapPath = await cell.locator('figure[data-kind="heap"] svg').innerHTML();
    await typeAtEnd(page, cell, await nextCycleLine(cell));
    // Charts redraw when they are near the viewport.
    await cell.locator('figure[data-kind="heap"]').scrollIntoViewIfNeeded();
    await expect(cell.locator('.cell-status')).toHaveAttribute('data-cycles', String(before + 1));
    await expect(cell.locator('figure[data-kind="heap"] figcaption')).toHaveText(
      `Heap over ${before + 1} GC cycles`,
    );
    await expect
      .poll(() => cell.locator('figure[data-kind="heap"] svg').innerHTML())
      .not.toBe(heapPath);
    expect(problems).toEqual([]);
  });

  await test.step('the whole cell works by keyboard', async () => {
    const before = await cycles(cell);
    // Reach the editor with Tab alone, from the top of the lesson.
    await page.locator('main').focus();
    for (let i = 0; i < 80; i++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate(() => !!document.activeElement?.closest('trace-cell .monaco-editor')))
        break;
    }
    expect(
      await page.evaluate(() => !!document.activeElement?.closest('trace-cell .monaco-editor')),
    ).toBe(true);
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Enter');
    await page.keyboard.insertText(await nextCycleLine(cell));
    await expect(cell.locator('.cell-status')).toHaveAttribute('data-cycles', String(before + 1));
    await expect(cell.locator('figure[data-kind="heap"] figcaption')).toHaveText(
      `Heap over ${before + 1} GC cycles`,
    );
    // Tab leaves the editor for the cell's next control instead of inserting a tab.
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(
      () => document.activeElement?.closest('trace-cell') !== null,
    );
    expect(focused).toBe(true);
    expect(await page.evaluate(() => !!document.activeElement?.closest('.monaco-editor'))).toBe(
      false,
    );
    // A data table opens from the keyboard.
    const summary = cell.locator('details.chart-data summary').first();
    await summary.focus();
    await page.keyboard.press('Enter');
    await expect(cell.locator('details.chart-data').first()).toHaveAttribute('open', '');
  });

  await test.step('a broken line gets a marker and a problem with its message', async () => {
    await typeAtEnd(page, cell, 'gc 99 @1.5s oops');
    await expect(cell.locator('.cell-problems li').first()).toContainText(/Line \d+, column \d+/);
    await expect(cell.locator('.squiggly-error, .squiggly-warning').first()).toBeAttached();
    await expect(cell.locator('.cell-status')).not.toHaveAttribute('data-problems', '0');
  });
});

test('a trace of thousands of lines is read in a worker: counts, charts, hovers and markers follow', async ({
  page,
}) => {
  await openLesson(page);
  const problems = watchPage(page);
  const cell = await firstCell(page);
  // The cell's own gc lines, renumbered and repeated past the size that moves parsing off the
  // main thread.
  const source = (await cell.locator('textarea.trace-text').inputValue())
    .split('\n')
    .filter((line) => /^gc \d+ @/.test(line));
  const lines: string[] = [];
  for (let i = 0; lines.length < 4000; i++) {
    const offset = Math.floor(i / source.length) * 100;
    lines.push(
      source[i % source.length]!.replace(/^gc \d+/, `gc ${i + 1}`).replace(
        /@([\d.]+)s/,
        (_m, t: string) => `@${(Number(t) + offset).toFixed(3)}s`,
      ),
    );
  }
  await cell.evaluate(
    (el, text) => (el as HTMLElement & { setOriginal(t: string): void }).setOriginal(text),
    lines.join('\n'),
  );
  await expect(cell.locator('.cell-status')).toHaveAttribute('data-cycles', '4000');
  await expect(cell.locator('figure[data-kind="heap"] figcaption')).toHaveText(
    'Heap over 4,000 GC cycles',
  );
  // Hovers are answered by the worker, which holds the parse.
  const goal = cell.locator('.view-lines .view-line span span', { hasText: /^MB\sgoal/ }).first();
  await expect(goal).toBeVisible();
  await goal.hover();
  await expect(page.locator('.monaco-hover').filter({ hasText: /goal/i }).first()).toBeVisible({
    timeout: 5000,
  });
  await typeAtEnd(page, cell, 'gc 4001 @1.5s oops');
  await expect(cell.locator('.cell-status')).not.toHaveAttribute('data-problems', '0');
  await expect(cell.locator('.cell-problems li').first()).toContainText('Line 4001');
  await expect(cell.locator('.squiggly-error, .squiggly-warning').first()).toBeAttached();
  await expect(cell.locator('[data-edited]')).toBeVisible();
  expect(problems).toEqual([]);
});

test('when the worker that reads big traces dies, the cell says so and the other cells keep working', async ({
  page,
}) => {
  // Every worker script of the page fails as it starts.
  await page.route(/\/_astro\/worker-[^/]*\.js$/, (route) =>
    route.fulfill({ contentType: 'text/javascript', body: 'throw new Error("reader broken")' }),
  );
  // A lesson with several cells of gc lines.
  await page.goto('/lessons/spotting-a-leak/');
  const cell = await firstCell(page);
  const source = (await cell.locator('textarea.trace-text').inputValue())
    .split('\n')
    .filter((line) => /^gc \d+ @/.test(line));
  // The cell's own gc lines repeated past the size read in the worker, renumbered.
  const lines = Array.from({ length: 4000 }, (_, i) =>
    source[i % source.length]!.replace(/^gc \d+/, `gc ${i + 1}`),
  );
  await cell.evaluate(
    (el, text) => (el as HTMLElement & { setOriginal(t: string): void }).setOriginal(text),
    lines.join('\n'),
  );
  await expect(cell.locator('[data-notice]')).toContainText('background reader');
  await expect(cell.locator('.cell-status')).toHaveAttribute('data-cycles', '4000');
  // Another cell of the page with go1.5+ gc lines.
  const second = page
    .locator('trace-cell')
    .filter({ has: page.locator('textarea.trace-text', { hasText: /^gc \d+ @/m }) })
    .nth(1);
  await second.scrollIntoViewIfNeeded();
  await expect(second.locator('.monaco-editor')).toBeVisible({ timeout: 15_000 });
  const before = await cycles(second);
  await typeAtEnd(page, second, await nextCycleLine(second));
  await expect(second.locator('.cell-status')).toHaveAttribute('data-cycles', String(before + 1));
});

test('an edit survives a reload, marked as edited; Reset restores and Undo brings it back', async ({
  page,
}) => {
  await openLesson(page);
  let cell = await firstCell(page);
  const original = await cell.locator('textarea.trace-text').inputValue();
  const before = await cycles(cell);
  await typeAtEnd(page, cell, await nextCycleLine(cell));
  await expect(cell.locator('[data-edited]')).toBeVisible();
  // Left at once, well within the 300 ms the cell waits before saving: the edit is still kept.
  await page.reload();
  cell = await firstCell(page);
  await expect(cell.locator('.cell-status')).toHaveAttribute('data-cycles', String(before + 1));
  await expect(cell.locator('[data-edited]')).toBeVisible();

  await cell.getByRole('button', { name: 'Reset' }).click();
  await expect(cell.locator('.cell-status')).toHaveAttribute('data-cycles', String(before));
  await expect(cell.locator('[data-edited]')).toBeHidden();
  expect(
    await page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes(':cell:'))),
  ).toEqual([]);
  await cell.getByRole('button', { name: 'Undo reset' }).click();
  await expect(cell.locator('.cell-status')).toHaveAttribute('data-cycles', String(before + 1));
  await expect(cell.locator('[data-edited]')).toBeVisible();
  void original;

  // The cell opens in the workbench as it is now, edit included, in a share link.
  const edited = await cell.locator('textarea.trace-text').inputValue();
  const openLink = cell.getByRole('link', { name: 'Open in the workbench' });
  // Reached by the pointer, the link's own address carries the trace: a new tab gets it too.
  await openLink.hover();
  await expect(openLink).toHaveAttribute('href', /\/lab\/#v=\d+&trace=/);
  await openLink.click();
  await expect(page).toHaveURL(/\/lab\/$/);
  await expect(page.locator('[data-workbench][data-ready="true"]')).toBeAttached({
    timeout: 30_000,
  });
  expect(await page.locator('#wb-text-a').inputValue()).toBe(edited);
  await expect(page.locator('[data-slot="a"] [data-status]')).toHaveAttribute(
    'data-cycles',
    String(before + 1),
  );
});

test('where storage is blocked, the cell still works and says edits will not be kept', async ({
  browser,
}) => {
  const context = await browser.newContext();
  await context.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      get() {
        throw new DOMException('blocked', 'SecurityError');
      },
    });
  });
  const page = await context.newPage();
  await page.goto(lessonPath);
  const cell = await firstCell(page);
  await expect(cell.locator('[data-notice]')).toContainText('edits here last only until you leave');
  const before = await cycles(cell);
  await typeAtEnd(page, cell, await nextCycleLine(cell));
  await expect(cell.locator('.cell-status')).toHaveAttribute('data-cycles', String(before + 1));
  await context.close();
});

test('two tabs editing the same cell are asked which version to keep', async ({ context }) => {
  const first = await context.newPage();
  await first.goto(lessonPath);
  const cellA = await firstCell(first);
  const second = await context.newPage();
  await second.goto(lessonPath);
  const cellB = await firstCell(second);

  // A tab with no edits of its own simply takes the other tab's edit, and says so.
  await typeAtEnd(first, cellA, await nextCycleLine(cellA));
  const edited = await cellA.locator('.cell-status').getAttribute('data-cycles');
  await expect(cellB.locator('[data-notice]')).toContainText('updated with the edit you made');
  await expect(cellB.locator('.cell-status')).toHaveAttribute('data-cycles', edited!);

  // It goes on taking the other tab's edits without asking, as it never edited the cell itself.
  await typeAtEnd(first, cellA, 'a second edit from the first tab');
  await expect
    .poll(() => cellB.evaluate((el) => (el as unknown as { value: string }).value))
    .toContain('a second edit from the first tab');
  await expect(cellB.locator('[data-notice]')).not.toContainText('changed in another tab');
  await expect(cellB.getByRole('button', { name: 'Keep this version' })).toHaveCount(0);

  // Once both tabs hold edits, neither overwrites the other without asking.
  await typeAtEnd(second, cellB, 'program output from the second tab');
  await expect(cellA.locator('[data-notice]')).toContainText('changed in another tab');
  await cellA.getByRole('button', { name: 'Keep this version' }).click();
  await expect(cellB.locator('[data-notice]')).toContainText('changed in another tab');
  await cellB.getByRole('button', { name: 'Use the other tab’s version' }).click();
  await expect
    .poll(() => cellB.evaluate((el) => (el as unknown as { value: string }).value))
    .not.toContain('from the second tab');
  expect(await cellB.locator('.cell-status').getAttribute('data-cycles')).toBe(edited);
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  // One phone tab for both: the plain textarea, then what tapping it explains.
  test('on a phone-sized touch screen the cell keeps a plain textarea that works; tapping a number explains it under the text box, and a broken field is listed as a problem', async ({
    page,
  }) => {
    const problems = watchPage(page);
    await page.emulateMedia({ colorScheme: 'dark' });
    await openLesson(page);
    const cell = page.locator('trace-cell').first();
    const textarea = cell.locator('textarea.trace-text');
    const panel = cell.getByRole('status', { name: 'What the field at the caret means' });
    await test.step('the cell keeps a plain textarea that works', async () => {
      await cell.scrollIntoViewIfNeeded();
      await page.waitForTimeout(800);
      await expect(cell.locator('.monaco-editor')).toHaveCount(0);
      // In view but not touched, the cell has not parsed its trace: the built page shows it all.
      await expect(cell).not.toHaveAttribute('data-model', 'built');
      const before = await cycles(cell);
      const next = await nextCycleLine(cell);
      await textarea.focus();
      await expect(cell).toHaveAttribute('data-model', 'built');
      await textarea.press('Control+End');
      await textarea.pressSequentially('\n' + next.slice(0, 20));
      await page.keyboard.insertText(next.slice(20));
      await expect(cell.locator('.cell-status')).toHaveAttribute('data-cycles', String(before + 1));
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow).toBeLessThanOrEqual(0);
    });

    // Back to the top left of the text box, where the first line is tapped.
    await textarea.evaluate((el) => el.scrollTo(0, 0));
    await textarea.scrollIntoViewIfNeeded();
    await expect(panel).toBeVisible();

    // Tap the first clock time of the first gc line: the panel says what that number is.
    const first = (await textarea.inputValue()).split('\n')[0]!;
    const clock = /: ([\d.]+)\+/.exec(first)!;
    const box = (await textarea.boundingBox())!;
    const charWidth = await textarea.evaluate((el) => {
      const context = document.createElement('canvas').getContext('2d')!;
      context.font = getComputedStyle(el).font;
      return context.measureText('0').width;
    });
    const clockStart = clock.index + 2;
    await page.touchscreen.tap(box.x + 10 + (clockStart + 1.5) * charWidth, box.y + 7 + 10);
    await expect(panel).toContainText(`line 1, column ${clockStart + 1}`);
    await expect(panel).toContainText(`${clock[1]} ms`);

    // Moving the caret to the cycle's start time explains that instead.
    const at = first.indexOf('@');
    await page.keyboard.press('Home');
    for (let i = 0; i <= at; i++) await page.keyboard.press('ArrowRight');
    await expect(panel).toContainText(`line 1, column ${at + 1}`);
    await expect(panel).toContainText(/@[\d.]+s/.exec(first)![0]);

    // A broken field shows up as a problem with its line and column.
    const lines = (await textarea.inputValue()).split('\n').length;
    await textarea.press('Control+End');
    await page.keyboard.insertText('\ngc 99 @0.5s 0%: x+0.40+0.003 ms clock');
    await expect(cell.locator('.cell-problems')).toContainText(`Line ${lines + 1}, column`);
    expect(problems).toEqual([]);
  });

  test('a text box lays out its trace only as its cell nears the view, and shows it then', async ({
    page,
  }) => {
    await page.goto('/lessons/goal-gogc-memory-limit/');
    const cell = page.locator('trace-cell[data-cell-id="gogc200"]');
    const textarea = cell.locator('textarea.trace-text');
    // The lesson's third cell, far below the fold on a phone: its text is in the box but not laid
    // out, so the box has nothing to scroll.
    await expect(textarea).toHaveValue(/gc \d+ @/);
    await expect(cell).not.toHaveAttribute('data-text-shown');
    await expect(textarea).toHaveCSS('content-visibility', 'hidden');
    const scrollable = () => textarea.evaluate((el) => el.scrollHeight - el.clientHeight);
    expect(await scrollable()).toBeLessThanOrEqual(0);
    const height = (await textarea.boundingBox())!.height;
    await cell.scrollIntoViewIfNeeded();
    await expect(cell).toHaveAttribute('data-text-shown', '');
    await expect(textarea).toHaveCSS('content-visibility', 'visible');
    await expect.poll(scrollable).toBeGreaterThan(0);
    // Its box was already the size it has now: nothing below it moves when the text appears.
    expect((await textarea.boundingBox())!.height).toBe(height);
  });
});
