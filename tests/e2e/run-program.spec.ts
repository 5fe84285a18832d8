// Run and Stop in the lessons: the real Go programs, built for js/wasm (public/wasm), run in the
// page and stream their trace into the cells.
import { readFileSync } from 'node:fs';
import { expect, test, type Locator, type Page } from './reused-page.ts';
import { violationsInBothThemes, watchPage } from './watch.ts';

const lessonPath = '/lessons/what-a-leak-is/';
const spottingPath = '/lessons/spotting-a-leak/';

// A run takes seconds of the machine's CPU; on a loaded machine more.
test.describe.configure({ timeout: 150_000 });

function runCell(page: Page, id: string): Locator {
  return page.locator(`trace-cell[data-cell-id="${id}"]`);
}

async function cycles(cell: Locator): Promise<number> {
  return Number(await cell.locator('.cell-status').getAttribute('data-cycles'));
}

/** The number in the heap chart's caption, "Heap over N GC cycles". */
async function captionCount(cell: Locator): Promise<number> {
  const caption = await cell.locator('figcaption').first().textContent();
  return Number(/over ([\d,]+) GC cycle/.exec(caption ?? '')?.[1]?.replace(/,/g, '') ?? NaN);
}

/** Clicks into the cell's editor (the text box or Monaco, whichever it has) and types at the end. */
async function typeAtEnd(page: Page, cell: Locator, text: string): Promise<void> {
  const monaco = cell.locator('.monaco-editor .view-lines');
  if (await monaco.isVisible()) await monaco.click();
  else await cell.locator('textarea.trace-text').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Enter');
  await page.keyboard.insertText(text);
}

async function setDuration(cell: Locator, seconds: number): Promise<void> {
  await cell.locator('input[name="flag-d"]').fill(String(seconds));
}

async function runToEnd(cell: Locator): Promise<void> {
  await cell.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(cell.locator('[data-status]')).toHaveText(/ended after/, { timeout: 120_000 });
}

test('Run streams the leaking program’s trace into the cell as it prints it, and Stop ends it', async ({
  page,
}) => {
  await page.goto(lessonPath);
  const problems = watchPage(page);
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content.Security.Policy/i.test(message.text())) violations.push(message.text());
  });
  const wasmRequests: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('/wasm/')) wasmRequests.push(request.url());
  });
  const cell = runCell(page, 'run-leak');
  await cell.scrollIntoViewIfNeeded();
  await page.waitForTimeout(500);
  // Nothing of the program is downloaded before the learner asks for a run.
  expect(wasmRequests).toEqual([]);

  await setDuration(cell, 60);
  await cell.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(cell.getByRole('button', { name: 'Stop' })).toBeFocused();
  await expect(cell).toHaveAttribute('data-running', '');
  await expect(cell.locator('[data-notice]')).toContainText('read-only');
  // The lines arrive while it runs: the chart's caption counts them as they come.
  await expect.poll(() => captionCount(cell), { timeout: 60_000 }).toBeGreaterThanOrEqual(3);
  const early = await captionCount(cell);
  await expect.poll(() => captionCount(cell), { timeout: 60_000 }).toBeGreaterThan(early + 2);
  expect(wasmRequests.some((url) => url.endsWith('/programs.wasm'))).toBe(true);
  // While it runs the editor takes no typing.
  await typeAtEnd(page, cell, 'typed while running');

  await cell.getByRole('button', { name: 'Stop' }).click();
  await expect(cell.locator('[data-status]')).toHaveText(/^Stopped after [\d.]+ s: \d+ lines?/);
  await expect(cell).not.toHaveAttribute('data-running');
  await expect(cell.getByRole('button', { name: 'Run', exact: true })).toBeEnabled();
  const atStop = await cycles(cell);
  await page.waitForTimeout(1500);
  expect(await cycles(cell)).toBe(atStop);
  expect(await captionCount(cell)).toBe(atStop);

  // Every line the program printed on standard error parses: no diagnostics, one P each.
  await expect(cell.locator('.cell-status')).toHaveAttribute('data-problems', '0');
  const text: string = await cell.evaluate((el) => (el as HTMLElement & { value: string }).value);
  const gcLines = text.split('\n').filter((line) => line.startsWith('gc '));
  // Stop may cut the line being printed: the trace keeps it, as a log of a killed process would.
  const complete = gcLines.filter((line) => / MB globals, 1 P$/.test(line));
  expect(complete.length).toBe(atStop);
  expect(gcLines.slice(0, -1)).toEqual(complete.slice(0, gcLines.length - 1));
  // Standard output is shown apart from the trace.
  expect(text).not.toContain('leaking-map: ');
  await cell.locator('[data-stdout-box] summary').click();
  await expect(cell.locator('[data-stdout]')).toContainText('leaking-map: ');

  expect(text).not.toContain('typed while running');
  // The trace is the learner's to edit now.
  await typeAtEnd(page, cell, 'typed after the run');
  await expect
    .poll(() => cell.evaluate((el) => (el as HTMLElement & { value: string }).value))
    .toMatch(/typed after the run$/);
  expect(violations).toEqual([]);
  expect(problems).toEqual([]);
  expect(
    await violationsInBothThemes(page, { include: 'trace-cell[data-cell-id="run-leak"]' }),
  ).toEqual([]);
});

test('the leaking program’s verdict is growing and the fixed one’s is stable; both survive a reload', async ({
  page,
}) => {
  // Lesson 5's cells let the size of the leak be chosen. At 4 KiB a request the leak is some
  // 12 MB over three seconds, in about 40 cycles: the trend stands well clear of the whole-MB
  // rounding of the lines, and of what a loaded machine changes in them (at the lesson's 1 KiB a
  // three-second run leaks 3 MB, and a slow run could read as a saw-tooth).
  await page.goto(spottingPath);
  const leak = runCell(page, 'run-leaking');
  const fixed = runCell(page, 'run-fixed');
  await leak.scrollIntoViewIfNeeded();
  await setDuration(leak, 3);
  await leak.locator('input[name="flag-size"]').fill('4096');
  await setDuration(fixed, 3);
  await Promise.all([runToEnd(leak), runToEnd(fixed)]);
  await expect(leak.locator('.verdict')).toHaveAttribute('data-verdict', 'growing');
  await expect(fixed.locator('.verdict')).toHaveAttribute('data-verdict', 'stable');
  for (const cell of [leak, fixed]) {
    await expect(cell.locator('.cell-status')).toHaveAttribute('data-problems', '0');
  }
  // The comparison under the two cells reads both runs, once the reader reaches it.
  const comparison = page.getByRole('region', { name: 'The leak and its fix, side by side' });
  await comparison.scrollIntoViewIfNeeded();
  const verdictRow = comparison.getByRole('row', { name: /^Verdict/ });
  await expect(verdictRow).toContainText('likely leak');
  await expect(verdictRow).toContainText('stable');

  const leakText: string = await leak.evaluate(
    (el) => (el as HTMLElement & { value: string }).value,
  );
  const leakCycles = await cycles(leak);

  // The run opens in the workbench, where it is compared and shared like any trace. The same
  // tab goes there and comes back: the lesson loads again from what it saved as it was left.
  const link = leak.getByRole('link', { name: 'Open this run in the workbench' });
  await expect(link).toHaveAttribute('href', /\/lab\/#v=\d+&trace=[A-Za-z0-9_-]+$/);
  await page.goto((await link.getAttribute('href'))!);
  await expect(page.locator('[data-workbench][data-ready="true"]')).toBeAttached({
    timeout: 30_000,
  });
  expect(await page.locator('#wb-text-a').inputValue()).toBe(leakText);
  await expect(page.locator('[data-findings]')).toHaveAttribute('data-verdict', 'growing');

  await page.goto(spottingPath);
  await expect(leak.locator('.cell-status')).toHaveAttribute('data-cycles', String(leakCycles));
  expect(await leak.evaluate((el) => (el as HTMLElement & { value: string }).value)).toBe(leakText);
  await expect(leak.locator('.verdict')).toHaveAttribute('data-verdict', 'growing');
  await expect(fixed.locator('.verdict')).toHaveAttribute('data-verdict', 'stable');
  // The comparison reads the runs restored from storage too, once the reader reaches it.
  const restored = page.getByRole('region', { name: 'The leak and its fix, side by side' });
  await restored.scrollIntoViewIfNeeded();
  await expect(restored).toContainText(String(leakCycles));
});

test('a setting the runtime would reject is named before anything runs', async ({ page }) => {
  await page.goto('/lessons/gogc-off-and-the-memory-limit/');
  const cell = runCell(page, 'run-memlimit');
  // The cell starts with the settings its lesson names.
  await expect(cell.locator('[data-command]')).toHaveText(
    /^GODEBUG=gctrace=1 GOGC=off GOMEMLIMIT=48MiB \.\/inpage gogc-demo -d=10s /,
  );
  await cell.scrollIntoViewIfNeeded();
  // The command follows the settings while they are right.
  await cell.getByLabel('GOGC', { exact: true }).fill('50');
  await expect(cell.locator('[data-command]')).toHaveText(
    /^GODEBUG=gctrace=1 GOGC=50 GOMEMLIMIT=48MiB \.\/inpage gogc-demo -d=10s /,
  );
  const limit = cell.getByLabel('GOMEMLIMIT', { exact: true });
  await limit.fill('48MB');
  const duration = cell.getByRole('spinbutton', { name: '-d (s)' });
  await duration.fill('0');
  await cell.getByRole('button', { name: 'Run', exact: true }).click();
  const alert = cell.getByRole('alert');
  await expect(alert).toContainText('-d must be between 1 and 60 s, not 0.');
  await expect(alert).toContainText("GOMEMLIMIT, column 3: '48MB' is not a memory limit");
  await expect(duration).toBeFocused();
  await expect(limit).toHaveAttribute('aria-invalid', 'true');
  await expect(cell).not.toHaveAttribute('data-running');
  await expect(cell.getByRole('button', { name: 'Stop' })).toBeDisabled();
});

test('two releases run side by side, their gc lines paired by number', async ({ page }) => {
  await page.goto('/lessons/across-go-versions/');
  const older = runCell(page, 'run-old');
  const newer = runCell(page, 'run-new');
  await older.scrollIntoViewIfNeeded();
  await expect(older.getByLabel('Go release')).toHaveValue('go1.19');
  await expect(newer.getByLabel('Go release')).toHaveValue('go1.27');
  // One second prints about a dozen gc lines in each: the pairing needs two.
  await setDuration(older, 1);
  await setDuration(newer, 1);
  await Promise.all([runToEnd(older), runToEnd(newer)]);
  const comparison = page.getByRole('region', { name: 'The two releases, line by line' });
  await comparison.scrollIntoViewIfNeeded();
  // Each column names the release its run was made with.
  await expect(
    comparison.getByRole('columnheader', { name: /^first cell \(go1\.19\.\d+\)$/ }),
  ).toBeVisible();
  await expect(
    comparison.getByRole('columnheader', { name: /^second cell \(go1\.27\.\d+\)$/ }),
  ).toBeVisible();
  // The lines of one GC number stand one under the other.
  const codes = comparison.locator('.run-compare-lines code');
  await expect(codes.nth(0)).toHaveText(/^gc 1 @.*, 1 P$/);
  await expect(codes.nth(1)).toHaveText(/^gc 1 @.*, 1 P$/);
  await expect(codes.nth(2)).toHaveText(/^gc 2 @/);
  expect(await violationsInBothThemes(page, { include: 'run-compare' })).toEqual([]);
});

test('a lesson with run cells loads no runner and compares saved runs only once the comparison is reached', async ({
  page,
}) => {
  const path = '/lessons/across-go-versions/';
  const olderRun = readFileSync('content/traces/go1.19/forgotten-goroutines.txt', 'utf8');
  const programRequests: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('/wasm/')) programRequests.push(request.url());
  });
  await page.goto(path);
  // A returning reader: both cells hold a run of the program they run (real captures of it).
  await page.evaluate(
    ([key, older, newer]) => {
      localStorage.setItem(`${key}#run-old`, JSON.stringify({ text: older }));
      localStorage.setItem(`${key}#run-new`, JSON.stringify({ text: newer }));
    },
    [
      `gctrace-lab:cell:${path.replace(/\/$/, '')}`,
      olderRun,
      readFileSync('content/traces/go1.27/forgotten-goroutines.txt', 'utf8'),
    ],
  );
  await page.reload();
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(done)));
  expect(
    await runCell(page, 'run-old').evaluate((el) => (el as HTMLElement & { value: string }).value),
  ).toBe(olderRun);
  // At load: no worker, nothing of the programs, and the comparison far below is as built.
  expect(page.workers()).toHaveLength(0);
  expect(programRequests).toEqual([]);
  const comparison = page.getByRole('region', { name: 'The two releases, line by line' });
  const codes = comparison.locator('.run-compare-lines code');
  expect(await codes.count()).toBe(0);
  await comparison.scrollIntoViewIfNeeded();
  await expect(codes.nth(0)).toHaveText(/^gc 1 @0\.057s .*, 2 P$/);
  await expect(codes.nth(1)).toHaveText(/^gc 1 @/);
  expect(programRequests).toEqual([]);
});

test.describe('offline', () => {
  test.use({ serviceWorkers: 'allow' });

  test('a program that ran once runs again with the network cut', async ({ context, page }) => {
    // The second load is the first the service worker controls.
    await page.goto(lessonPath);
    await page.reload();
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    const cell = runCell(page, 'run-fixed');
    await cell.scrollIntoViewIfNeeded();
    await setDuration(cell, 1);
    await runToEnd(cell);

    await context.setOffline(true);
    await page.reload();
    await cell.scrollIntoViewIfNeeded();
    await cell.getByRole('button', { name: 'Reset' }).click();
    await setDuration(cell, 1);
    await runToEnd(cell);
    expect(await cycles(cell)).toBeGreaterThan(0);
    await context.setOffline(false);
  });
});
