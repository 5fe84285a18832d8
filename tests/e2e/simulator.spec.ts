import { expect, test, type Locator, type Page } from './reused-page.ts';
import { violationsInBothThemes, watchPage } from './watch.ts';

const path = '/simulator/';

/** The simulator page with its script running and the trace for the URL in the cell. */
async function open(page: Page, query = ''): Promise<void> {
  await page.goto(`${path}${query}`);
  await expect(page.locator('#sim-controls[data-ready]')).toBeAttached({ timeout: 20_000 });
}

/** The cell with the simulated trace (the real run has a cell of its own below it). */
function modelCell(page: Page): Locator {
  return page.locator('trace-cell[data-cell-id="simulator"]');
}

function status(page: Page): Locator {
  return modelCell(page).locator('.cell-status');
}

async function cycles(page: Page): Promise<number> {
  return Number(await status(page).getAttribute('data-cycles'));
}

/** The trace a cell shows now (its `value`, which works for the textarea and for Monaco). */
async function traceText(page: Page, cellId = 'simulator'): Promise<string> {
  return page.evaluate(
    (id) =>
      document.querySelector<HTMLElement & { value: string }>(`trace-cell[data-cell-id="${id}"]`)!
        .value,
    cellId,
  );
}

/** Waits until the cell shows a trace other than `before` (the regeneration is debounced). */
async function traceChanged(page: Page, before: string): Promise<string> {
  await expect.poll(() => traceText(page)).not.toBe(before);
  return traceText(page);
}

async function press(slider: Locator, key: string, times = 1): Promise<void> {
  await slider.focus();
  for (let i = 0; i < times; i++) await slider.press(key);
}

// One load of the page at its default settings serves every check that starts from them: each
// step that moves a slider puts it back before the next.
test('the default settings give a clean go1.19 trace beside a choice of real runs; sliders, a leak rate and GOGC change it', async ({
  page,
}) => {
  const problems = watchPage(page);
  await open(page);
  const defaults = await traceText(page);

  await test.step('the default settings give a clean go1.19 trace', async () => {
    // The intro's code and the word after it keep their space.
    await expect(page.locator('.sim-intro')).toContainText(
      'GODEBUG=gctrace=1 output it would print',
    );
    await expect(status(page)).toHaveAttribute('data-problems', '0');
    expect(await cycles(page)).toBeGreaterThan(50);
    await expect(modelCell(page).locator('.verdict')).toHaveAttribute('data-verdict', 'stable');
    expect(await traceText(page)).toMatch(
      /^gc 1 @0\.00\ds \d+%: .* MB stacks, \d+ MB globals, 2 P$/m,
    );
  });

  await test.step('with several real runs of the same settings the learner picks one', async () => {
    const choice = page.getByLabel('Real run', { exact: true });
    await expect(choice.locator('option')).toHaveCount(3);
    await expect(choice).toHaveValue('gogc-100');
    await choice.selectOption('go1.19/gogc-100');
    await expect(page.locator('[data-real-busy]')).toBeVisible();
    await expect(page.locator('[data-figure="cycles"] [data-cell="real"]')).toHaveText('76');
    await choice.selectOption('gogc-100');
    await expect(page.locator('[data-real-busy]')).toBeHidden();
    await expect(page.locator('[data-figure="cycles"] [data-cell="real"]')).toHaveText('85');
  });

  await test.step('sliders work from the keyboard and show their values', async () => {
    const procs = page.getByLabel('GOMAXPROCS (P)');
    const before = await traceText(page);
    await press(procs, 'ArrowRight', 2);
    await expect(page.locator('[data-output="procs"]')).toHaveText('4');
    await expect(procs).toHaveAttribute('aria-valuetext', '4 P');
    await traceChanged(page, before);
    // Under load the first key's trace can land before the second key's: wait for the last one.
    await expect.poll(() => traceText(page)).toMatch(/, 4 P$/m);
    await expect(status(page)).toHaveAttribute('data-problems', '0');
  });

  // Back to the default settings, which the next step starts from.
  await press(page.getByLabel('GOMAXPROCS (P)'), 'ArrowLeft', 2);
  await expect.poll(() => traceText(page)).toBe(defaults);

  await test.step('a leak rate makes the verdict "growing"', async () => {
    await expect(modelCell(page).locator('.verdict')).toHaveAttribute('data-verdict', 'stable');
    const before = await traceText(page);
    await press(page.getByLabel('Leak rate (MB/s)'), 'ArrowRight', 8); // 2 MB/s
    await expect(page.locator('[data-output="leakMBps"]')).toHaveText('2');
    await traceChanged(page, before);
    await expect(status(page)).toHaveAttribute('data-problems', '0');
    await expect(modelCell(page).locator('.verdict')).toHaveAttribute('data-verdict', 'growing');
  });

  // Back to the default settings, which the next step starts from.
  await press(page.getByLabel('Leak rate (MB/s)'), 'ArrowLeft', 8);
  await expect.poll(() => traceText(page)).toBe(defaults);

  await test.step('more GOGC means fewer cycles, and GOGC off means none', async () => {
    const atDefault = await cycles(page);
    const gogc = page.getByLabel('GOGC (%)');
    let before = await traceText(page);
    await press(gogc, 'ArrowRight', 10); // 100 → 200
    await expect(page.locator('[data-output="gogc"]')).toHaveText('200');
    before = await traceChanged(page, before);
    // Under load a trace for a GOGC on the way to 200 can land first: wait for the final one.
    await expect.poll(() => page.url()).toContain('gogc=200');
    before = await traceText(page);
    await expect(status(page)).toHaveAttribute('data-problems', '0');
    const at200 = await cycles(page);
    expect(at200).toBeLessThan(atDefault * 0.7);

    await press(gogc, 'End');
    await expect(page.locator('[data-output="gogc"]')).toHaveText('off');
    await expect(gogc).toHaveAttribute('aria-valuetext', 'off');
    await traceChanged(page, before);
    await expect(status(page)).toHaveAttribute('data-cycles', '0');
    await expect(page.locator('[data-notes]')).toContainText('never starts by itself');
    expect(page.url()).toContain('gogc=off');
    // No empty charts on a made-up time axis: the cell says in words that no collection runs.
    const cell = page.locator('trace-cell[data-cell-id="simulator"]');
    await expect(cell.locator('.cell-no-cycles')).toContainText('No collection runs');
    await expect(cell.locator('figure.cell-chart')).toHaveCount(4);
    for (const figure of await cell.locator('figure.cell-chart').all())
      await expect(figure).toBeHidden();
    // A cycle again, and the charts are back.
    await press(gogc, 'Home');
    await expect(cell.locator('figure.cell-chart').first()).toBeVisible();
    await expect(cell.locator('.cell-no-cycles')).toHaveCount(0);
  });

  expect(problems).toEqual([]);
});

test('the URL carries the settings and a reload restores them', async ({ page }) => {
  await open(page);
  const before = await traceText(page);
  await press(page.getByLabel('Live heap (MB)'), 'ArrowRight', 8);
  await page.getByLabel('Go release').selectOption('12');
  await press(page.getByLabel('GOMEMLIMIT (MB)'), 'ArrowRight', 12);
  await traceChanged(page, before);
  await expect
    .poll(() => {
      const params = new URL(page.url()).searchParams;
      return ['live', 'limit', 'go'].map((key) => params.get(key)).join(' ');
    })
    .toBe('40 48 1.12');
  const trace = await traceText(page);
  expect(trace).toMatch(/MB goal, 2 P$/m); // the Go 1.6–1.17 format
  // The limit is ignored before Go 1.19, and the page says so.
  await expect(page.locator('[data-notes]')).toContainText('Go 1.12 ignores it');

  await page.reload();
  await expect(page.locator('#sim-controls[data-ready]')).toBeAttached({ timeout: 20_000 });
  await expect(page.getByLabel('Live heap (MB)')).toHaveValue('40');
  await expect(page.getByLabel('Go release')).toHaveValue('12');
  await expect(page.locator('[data-output="limitMB"]')).toHaveText('48');
  expect(await traceText(page)).toBe(trace);
});

test('a shared link opens with its settings, clamping what is out of range', async ({ page }) => {
  await open(page, '?alloc=128&live=64&leak=0&gogc=off&limit=96&procs=999&duration=10&go=1.21');
  await expect(page.locator('[data-output="gogc"]')).toHaveText('off');
  await expect(page.locator('[data-output="procs"]')).toHaveText('64');
  await expect(status(page)).toHaveAttribute('data-problems', '0');
  expect(await cycles(page)).toBeGreaterThan(10);
  expect(await traceText(page)).toMatch(/, 64 P$/m);
});

/** Accessibility violations inside `selectors`, in light and dark, one line each. */
function violations(page: Page, selectors: string[], exclude: string[] = []): Promise<string[]> {
  return violationsInBothThemes(page, { include: selectors, exclude });
}

// One load at 390 px serves both checks of the page at its default settings.
test('the page and the write-up’s tables fit a 390 px screen and have no accessibility violations', async ({
  page,
}) => {
  // axe reads every chart mark of the cell: on a loaded two-core machine that takes a while.
  test.slow();
  await page.setViewportSize({ width: 390, height: 844 });
  await open(page);

  await test.step('the page fits a 390 px screen and has no accessibility violations', async () => {
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    // Narrow screens keep the plain textarea; a new trace must not pull focus off the slider.
    const procs = page.getByLabel('GOMAXPROCS (P)');
    const before = await traceText(page);
    await press(procs, 'ArrowRight');
    await traceChanged(page, before);
    await expect(procs).toBeFocused();
    await page.keyboard.press('ArrowRight');
    await expect(page.locator('[data-output="procs"]')).toHaveText('4');
    expect(
      await violations(page, ['.simulator'], ['[data-real-run]', '[data-real-cell]', '.sim-about']),
    ).toEqual([]);
  });

  await test.step('the write-up’s tables have no accessibility violations', async () => {
    await expect(page.getByRole('table', { name: /release by release/ })).toBeVisible();
    const runs = page.getByRole('table', { name: /Real runs of gogc-demo/ });
    for (const minor of [19, 21, 22, 23, 24, 25, 26, 27]) {
      await expect(
        runs.locator('th', {
          hasText: new RegExp(`^Go 1\\.${minor} \\(go1\\.${minor}\\.\\d+\\), busy machine$`),
        }),
      ).toHaveCount(1);
    }
    expect(await violations(page, ['.sim-about'])).toEqual([]);
  });
});

test('the real run fits a 390 px screen and has no accessibility violations', async ({ page }) => {
  test.slow();
  await page.setViewportSize({ width: 390, height: 844 });
  await open(page, '?gogc=off&gcevery=1&go=1.27');
  await expect.poll(() => traceText(page, 'simulator-real')).toContain('go1.27.4');
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
  expect(await violations(page, ['[data-real-run]', '[data-real-cell]'])).toEqual([]);
});

/** What each release prints with GOGC=off and no limit: its 13-digit "no goal" figure. */
const noGoalFigures: [minor: number, figure: RegExp][] = [
  [27, /^8532210231\d{3}$/],
  [26, /^8532210231\d{3}$/],
  [25, /^8532210231\d{3}$/],
  [24, /^8532210231\d{3}$/],
  [23, /^8532210231\d{3}$/],
  [22, /^8532210231\d{3}$/],
  [21, /^8532210231\d{3}$/],
  [20, /^8796093022\d{3}$/],
  [19, /^8796093022\d{3}$/],
];

test('each release from 1.19 to 1.27 prints its own line, (forced) and its "no goal" figure', async ({
  page,
}) => {
  const problems = watchPage(page);
  await open(page, '?gogc=off&gcevery=1&go=1.18');
  let before = await traceText(page);
  // Go 1.18 has no memory limit: a forced cycle's goal is 2^64−1 bytes.
  expect(before).toMatch(/ 17592186044415 MB goal, 0 MB stacks, 0 MB globals, 2 P \(forced\)$/m);
  for (const [minor, figure] of noGoalFigures) {
    await page.getByLabel('Go release').selectOption(String(minor));
    await expect(page.locator('[data-release-rules]')).toContainText(`Go 1.${minor}:`);
    // Releases with the same rules and line print the same trace: wait for the URL, which the
    // page writes once the new trace is in the cell.
    await expect.poll(() => new URL(page.url()).searchParams.get('go')).toBe(`1.${minor}`);
    before = await traceText(page);
    const lines = before.split('\n');
    expect(lines.length).toBe(9);
    for (const line of lines) {
      expect(line).toMatch(
        /^gc \d+ @\d+\.\d{3}s \d+%: .* MB stacks, \d+ MB globals, 2 P \(forced\)$/,
      );
      expect(line.match(/ (\d+) MB goal,/)![1]).toMatch(figure);
    }
    const shown = before.match(/ (\d+) MB goal,/)![1]!;
    await expect(page.locator('[data-notes]')).toContainText(shown);
    await expect(status(page)).toHaveAttribute('data-problems', '0');
    if (minor === 20) {
      await expect(page.locator('[data-release-rules]')).toContainText('not read here');
      await expect(page.locator('[data-real-none]')).toBeVisible();
      continue;
    }
    // Beside the model: the real run of this release under the same settings, whose first
    // forced cycle printed the same figure to within 1 MB.
    await expect(page.locator('[data-real-title]')).toContainText(
      `The real Go 1.${minor} run of gogc-demo under GOGC=off, runtime.GC() every 1 s`,
    );
    await expect.poll(() => traceText(page, 'simulator-real')).toContain(`go1.${minor}.`);
    const real = (await traceText(page, 'simulator-real')).match(/ (\d+) MB goal,/)![1]!;
    expect(Math.abs(Number(real) - Number(shown))).toBeLessThanOrEqual(1);
    await expect(page.locator('[data-figure="goalMB"] [data-cell="difference"]')).toHaveText(
      /^[+−][01] MB$/,
    );
  }
  expect(problems).toEqual([]);
});

test('the real run of the chosen release and setting sits beside the model, or links to one', async ({
  page,
}) => {
  const problems = watchPage(page);
  await open(page, '?gogc=50&go=1.24');
  await expect(page.locator('[data-real-title]')).toHaveText(
    'The real Go 1.24 run of gogc-demo under GOGC=50, and the model with the same settings.',
  );
  await expect(page.locator('[data-real-busy]')).toBeVisible();
  await expect(page.locator('[data-real-command]')).toHaveText(/^GOGC=50 GOMAXPROCS=2 /);
  // The figures come before the model's trace, the real trace right after it.
  const order = await page.evaluate(() =>
    ['[data-real-run]', 'trace-cell[data-cell-id="simulator"]', '[data-real-cell]'].map(
      (s) => document.querySelector(s)!.getBoundingClientRect().top,
    ),
  );
  expect([...order].sort((a, b) => a - b)).toEqual(order);
  await expect.poll(() => traceText(page, 'simulator-real')).toContain('go1.24.4');
  const realCell = page.locator('trace-cell[data-cell-id="simulator-real"]');
  await expect(realCell.locator('.cell-status')).toHaveAttribute('data-problems', '0');
  const figures = page.locator('[data-real-figures] tr');
  await expect(figures).toHaveCount(5);
  await expect(page.locator('[data-figure="goalMB"] [data-cell="real"]')).toHaveText('51');
  await expect(page.locator('[data-figure="goalMB"] [data-cell="model"]')).toHaveText('48');

  // Another live heap: no real run has it, so the panel points to the release's real runs.
  const before = await traceText(page);
  await press(page.getByLabel('Live heap (MB)'), 'ArrowRight', 4);
  await traceChanged(page, before);
  await expect(page.locator('[data-real-none]')).toBeVisible();
  await expect(page.locator('[data-real-found]')).toBeHidden();
  await expect(realCell).toBeHidden();
  const links = page.locator('[data-real-links] a');
  await expect(links).toHaveCount(6);
  await links.filter({ hasText: 'GOMEMLIMIT=64MiB, GOGC=off' }).click();
  await expect(page.locator('#sim-controls[data-ready]')).toBeAttached({ timeout: 20_000 });
  await expect(page.locator('[data-output="limitMB"]')).toHaveText('64');
  await expect(page.locator('[data-output="gogc"]')).toHaveText('off');
  await expect(page.locator('[data-real-title]')).toContainText(
    'The real Go 1.24 run of gogc-demo under GOMEMLIMIT=64MiB, GOGC=off',
  );
  await expect.poll(() => traceText(page, 'simulator-real')).toContain('memlimit=67108864');

  // A release with no captures here points to one real run per release.
  await page.getByLabel('Go release').selectOption('12');
  await expect(page.locator('[data-real-none-text]')).toContainText(
    'No real run of Go 1.12 is kept here',
  );
  await expect(page.locator('[data-real-links] a').first()).toHaveText('Go 1.27, GOGC=100');
  expect(problems).toEqual([]);
});
