import { expect, test, type Locator, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { watchPage } from './watch.ts';

const path = '/simulator/';

/** The simulator page with its script running and the trace for the URL in the cell. */
async function open(page: Page, query = ''): Promise<void> {
  await page.goto(`${path}${query}`);
  await expect(page.locator('#sim-controls[data-ready]')).toBeAttached({ timeout: 20_000 });
}

function status(page: Page): Locator {
  return page.locator('trace-cell .cell-status');
}

async function cycles(page: Page): Promise<number> {
  return Number(await status(page).getAttribute('data-cycles'));
}

/** The trace the cell shows now (its `value`, which works for the textarea and for Monaco). */
async function traceText(page: Page): Promise<string> {
  return page.evaluate(
    () => document.querySelector<HTMLElement & { value: string }>('trace-cell')!.value,
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

test.beforeEach(async ({ page }) => {
  await page.goto(path);
  await page.evaluate(() => localStorage.clear());
});

test('the default settings give a clean go1.19 trace', async ({ page }) => {
  const problems = watchPage(page);
  await open(page);
  await expect(status(page)).toHaveAttribute('data-problems', '0');
  expect(await cycles(page)).toBeGreaterThan(50);
  await expect(page.locator('trace-cell .verdict')).toHaveAttribute('data-verdict', 'stable');
  expect(await traceText(page)).toMatch(
    /^gc 1 @0\.00\ds \d+%: .* MB stacks, \d+ MB globals, 2 P$/m,
  );
  expect(problems).toEqual([]);
});

test('sliders work from the keyboard and show their values', async ({ page }) => {
  await open(page);
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

test('more GOGC means fewer cycles, and GOGC off means none', async ({ page }) => {
  await open(page);
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
});

test('a leak rate makes the verdict "growing"', async ({ page }) => {
  await open(page);
  await expect(page.locator('trace-cell .verdict')).toHaveAttribute('data-verdict', 'stable');
  const before = await traceText(page);
  await press(page.getByLabel('Leak rate (MB/s)'), 'ArrowRight', 8); // 2 MB/s
  await expect(page.locator('[data-output="leakMBps"]')).toHaveText('2');
  await traceChanged(page, before);
  await expect(status(page)).toHaveAttribute('data-problems', '0');
  await expect(page.locator('trace-cell .verdict')).toHaveAttribute('data-verdict', 'growing');
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

test('the page fits a 390 px screen and has no accessibility violations', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await open(page);
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
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    const results = await new AxeBuilder({ page }).include('.simulator').analyze();
    expect(
      results.violations.map(
        (v) => `${scheme}: ${v.id}: ${v.help} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
      ),
    ).toEqual([]);
  }
});
