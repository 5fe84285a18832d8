import { join } from 'node:path';
import { expect as baseExpect, test, type Page } from './reused-page.ts';
import { violationsInBothThemes, watchPage } from './watch.ts';

// Profiles are read in a worker; on a loaded two-core machine a report can take a few seconds.
test.use({ actionTimeout: 30_000 });
const expect = baseExpect.configure({ timeout: 30_000 });

const lesson = '/lessons/finding-where-it-leaks/';
const captured = (name: string) => join(process.cwd(), 'content', 'profiles', 'go1.27', name);

async function panelReady(page: Page, selector: string): Promise<void> {
  // A lesson's panel reads its profiles once the reader nears it.
  await page.locator(selector).scrollIntoViewIfNeeded();
  await expect(page.locator(`${selector}[data-ready="true"]`)).toBeAttached({ timeout: 30_000 });
}

test('the lesson compares two real profiles and names the function and line that keeps the memory', async ({
  page,
}) => {
  const problems = watchPage(page);
  await page.goto(lesson);
  const panel = page.locator('profile-view[data-id="leak-growth"]');
  // Drawn at build time: readable before the script runs.
  await expect(panel.locator('[data-headline]')).toContainText(
    /The line that gained most: main\.remember \(heap-profiles\/sessions\.go:\d+\)/,
  );
  await panelReady(page, 'profile-view[data-id="leak-growth"]');
  await expect(panel.locator('[data-top-table] tbody tr').first().locator('th')).toHaveText(
    'main.remember',
  );
  // By line, the first row is a line of main.remember in sessions.go.
  // The cells above mount their editors as they scroll into view and may shift the page under a
  // click: check until it holds.
  const byLine = panel.getByRole('radio', { name: 'line' });
  await expect(async () => {
    await byLine.check();
    await baseExpect(byLine).toBeChecked();
  }).toPass();
  await expect(panel.locator('[data-top-table] tbody tr').first().locator('td').last()).toHaveText(
    /^heap-profiles\/sessions\.go:\d+$/,
  );
  // Allocation totals point elsewhere, and the page says why.
  await panel.getByLabel('Sample type').selectOption('alloc_space');
  await expect(panel.locator('[data-top-table] tbody tr').first().locator('th')).toHaveText(
    /^main\.handle/,
  );
  await expect(panel.locator('.pv-note')).toContainText('leak or not');
  expect(problems).toEqual([]);
});

test('while the leaking program runs, two heap profiles taken with the button name the function that keeps the memory', async ({
  page,
}) => {
  // A real run in the page: seconds of CPU on a loaded machine.
  test.setTimeout(150_000);
  const problems = watchPage(page);
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content.Security.Policy/i.test(message.text())) violations.push(message.text());
  });
  await page.goto(lesson);
  const cell = page.locator('trace-cell[data-cell-id="run-profiled"]');
  const panel = page.locator('profile-view[data-id="run-growth"]');
  const take = cell.getByRole('button', { name: 'Take heap profile' });
  const status = panel.locator('[data-profile-status]');
  await cell.scrollIntoViewIfNeeded();
  // With no program running the button is off, and says why.
  await expect(take).toBeDisabled();
  await expect(take).toHaveAccessibleDescription(/Press Run first/);
  await expect(status).toHaveText(/^No profile yet\./);
  await expect(status).toHaveAttribute('role', 'status');

  await cell.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(take).toBeEnabled({ timeout: 60_000 });
  // A few collections first, so that the base holds some sessions already.
  await expect
    .poll(async () => Number(await cell.locator('.cell-status').getAttribute('data-cycles')), {
      timeout: 60_000,
    })
    .toBeGreaterThanOrEqual(3);
  await take.click();
  await expect(status).toHaveText(/^Heap profile 1 taken at [\d.]+ s: .*the base\./);
  await page.waitForTimeout(2500);
  // Two quick presses: each is answered in its turn, compared with the same base.
  await take.click();
  await take.click();
  await expect(status).toHaveText(
    /^Heap profile 3 taken at [\d.]+ s: since heap profile 1, main\.rememberSession grew by [\d.]+ [kM]B\.$/,
  );
  await expect(panel.locator('[data-top-table] tbody tr').first().locator('th')).toHaveText(
    'main.rememberSession',
  );
  await expect(panel.locator('[data-headline]')).toContainText(
    /^Between the two profiles \(taken at [\d.]+ s and [\d.]+ s\), inuse_space grew by .* The line that gained most: main\.rememberSession \(inpage\/leaking_map\.go:\d+\)/,
  );
  // Both moments are placed on the run's own time axis.
  await expect(panel.locator('[data-moments]')).toContainText(
    /The base profile \(heap profile 1\) was taken at [\d.]+ s; the collection before it is gc \d+/,
  );
  await expect(panel.locator('svg.pv-strip .pv-strip-mark')).toHaveCount(2);

  await cell.getByRole('button', { name: 'Stop' }).click();
  await expect(take).toBeDisabled();
  await expect(take).toHaveAccessibleDescription(/has ended/);
  expect(violations).toEqual([]);
  expect(problems).toEqual([]);
});

test('the flame graph is reachable and usable with the keyboard', async ({ page }) => {
  await page.goto(lesson);
  const panel = page.locator('profile-view[data-id="leak-growth"]');
  await panelReady(page, 'profile-view[data-id="leak-growth"]');
  await panel.getByRole('radio', { name: 'function' }).focus();
  // Tab onwards from the controls until the graph's one tab stop has focus.
  let reached = false;
  for (let i = 0; i < 12 && !reached; i++) {
    await page.keyboard.press('Tab');
    reached = await page.evaluate(
      () => document.activeElement?.getAttribute('role') === 'treeitem',
    );
  }
  expect(reached).toBe(true);
  const focused = page.locator(':focus');
  await expect(focused).toHaveAttribute('aria-label', /^all: /);
  await page.keyboard.press('ArrowDown');
  await expect(focused).toHaveAttribute('aria-label', /^main\.serve: /);
  // Down again until main.remember, then zoom into it.
  for (let i = 0; i < 4; i++) {
    if (((await focused.getAttribute('aria-label')) ?? '').startsWith('main.remember')) break;
    await page.keyboard.press('ArrowDown');
  }
  await expect(focused).toHaveAttribute(
    'aria-label',
    /^main\.remember: .*% of the total, in .*sessions\.go$/,
  );
  await page.keyboard.press('Enter');
  await expect(panel.locator('svg.flame-chart desc')).toHaveText(/^Zoomed into main\.remember/);
  // Escape zooms out a level at a time, back to every stack.
  await page.keyboard.press('Escape');
  await expect(panel.locator('svg.flame-chart desc')).toHaveText(/^Zoomed into main\.handle/);
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  await expect(panel.locator('svg.flame-chart desc')).toHaveText(/^Every stack/);
});

test('the goroutine profiles of the lesson find the blocked workers, read once the reader nears them', async ({
  page,
}) => {
  await page.goto(lesson);
  const panel = page.locator('profile-view[data-id="goroutine-growth"]');
  // Far down the lesson, the panel keeps its build-time report and reads nothing at load.
  await expect(panel).toHaveAttribute('data-script', 'ready');
  await page.waitForTimeout(1500);
  await expect(panel).not.toHaveAttribute('data-ready', 'true');
  // No panel has started its profile reader: none has anything to read yet.
  expect(page.workers()).toHaveLength(0);
  await expect(panel.locator('[data-groups] li').first()).toContainText(/main\.worker/);
  await panelReady(page, 'profile-view[data-id="goroutine-growth"]');
  await expect(panel.locator('[data-groups] li').first()).toContainText(
    /goroutines in main\.worker heap-profiles\/workers\.go:\d+, waiting to receive from a channel/,
  );
});

test('the workbench opens a profile, compares two, and refuses a CPU profile without touching the trace', async ({
  page,
}) => {
  const problems = watchPage(page);
  await page.goto('/lab/');
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await page.locator('#wb-sample-a').selectOption({ label: 'leaking-map' });
  const trace = page.locator('#wb-text-a');
  await expect(trace).not.toHaveValue('');
  const traceText = await trace.inputValue();
  const panel = page.locator('profile-view[data-id="wb-profile"]');
  await panelReady(page, 'profile-view[data-id="wb-profile"]');

  await panel.locator('[data-profile-file="later"]').setInputFiles(captured('leaking-map-2.pb.gz'));
  await expect(panel.locator('[data-top-table] tbody tr').first().locator('th')).toHaveText(
    'main.remember',
  );
  await panel.getByLabel('Taken at (s since start)').first().fill('3.0');
  await panel.locator('[data-profile-file="base"]').setInputFiles(captured('leaking-map-1.pb.gz'));
  await expect(panel.locator('[data-headline]')).toContainText(
    /^Between the two profiles.*The line that gained most: main\.remember/,
  );
  // The base's moment is placed on the trace's time axis.
  await expect(panel.locator('[data-moments]')).toContainText(
    /The base profile \(leaking-map-1\.pb\.gz\) was taken at 3\.00 s; the collection before it is gc \d+/,
  );

  await panel.locator('[data-profile-file="later"]').setInputFiles(captured('steady.cpu.pb.gz'));
  await expect(panel.locator('[data-profile-error]')).toContainText(
    'steady.cpu.pb.gz: This is a CPU profile (sample types: samples/count, cpu/nanoseconds). Expected a Go heap profile',
  );
  // The profiles shown before are still there, and so is the trace.
  await expect(panel.locator('[data-headline]')).toContainText('main.remember');
  await expect(trace).toHaveValue(traceText);

  // A reload brings the profiles back.
  await page.reload();
  await panelReady(page, 'profile-view[data-id="wb-profile"]');
  await expect(panel.locator('[data-headline]')).toContainText('Between the two profiles');
  expect(problems).toEqual([]);
});

test('axe finds nothing in the profile panels, light and dark, and they fit 390 px', async ({
  page,
}) => {
  // The lesson page is long; axe needs a while on a loaded machine.
  test.setTimeout(180_000);
  await page.goto(lesson);
  await panelReady(page, 'profile-view[data-id="leak-growth"]');
  expect(await violationsInBothThemes(page, { include: 'profile-view' })).toEqual([]);
  await page.setViewportSize({ width: 390, height: 800 });
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
});
