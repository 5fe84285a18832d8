import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from './reused-page.ts';
import { violationsInBothThemes, watchPage } from './watch.ts';
import { writeBigTrace } from '../../scripts/make-big-trace.mjs';

const path = '/lab/';
const fixture = (name: string) => join(process.cwd(), 'content', 'traces', `${name}.txt`);

async function open(page: Page, hash = ''): Promise<void> {
  await page.goto(`${path}${hash}`);
  await expect(page.locator('[data-workbench][data-script="ready"]')).toBeAttached();
}

async function ready(page: Page): Promise<void> {
  await expect(page.locator('[data-workbench][data-ready="true"]')).toBeAttached({
    timeout: 60_000,
  });
  await expect(page.locator('[data-workbench][data-refreshing]')).toHaveCount(0);
}

const statusA = (page: Page) => page.locator('[data-slot="a"] [data-status]');

test('a pasted trace gives charts and findings, is kept across a reload, and problems point at line and column', async ({
  page,
}) => {
  const problems = watchPage(page);
  await open(page);
  const text = readFileSync(fixture('leaking-map'), 'utf8');
  await page.locator('#wb-text-a').fill(text + 'gc 999 @1.0s 5%: 0.1+x ms clock\n');
  await ready(page);
  await expect(page.locator('[data-findings]')).toHaveAttribute('data-verdict', 'growing');
  await expect(page.locator('[data-charts] figure')).toHaveCount(4);
  await expect(page.locator('[data-charts] figure[data-kind="heap"]')).toHaveAttribute(
    'data-cycles',
    /^1\d\d$/,
  );
  const problem = page.locator('[data-slot="a"] [data-problem-list] li').first();
  await expect(problem).toContainText(/Line \d+, column \d+/);
  await page.reload();
  await ready(page);
  expect(await page.locator('#wb-text-a').inputValue()).toContain('gc 999 @1.0s');
  expect(problems).toEqual([]);
});

test('a small trace gets the full editor: hovers explain fields, markers show problems', async ({
  page,
}) => {
  const problems = watchPage(page);
  await open(page);
  await page.locator('#wb-sample-a').selectOption({ label: 'steady' });
  await ready(page);
  const slot = page.locator('[data-slot="a"]');
  await expect(slot.locator('.monaco-editor')).toBeVisible({ timeout: 15_000 });
  // Wait for the tokenizer: it splits the line into one span per field.
  const goal = slot.locator('.view-lines .view-line span span', { hasText: /^MB\sgoal/ }).first();
  await expect(goal).toBeVisible();
  await goal.hover();
  await expect(page.locator('.monaco-hover').filter({ hasText: /goal/i }).first()).toBeVisible({
    timeout: 5000,
  });
  await expect(slot.locator('.squiggly-error, .squiggly-warning')).toHaveCount(0);
  await slot.locator('.monaco-editor .view-lines').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Enter');
  await page.keyboard.insertText('gc 99 @1.5s oops');
  await expect(slot.locator('.squiggly-error, .squiggly-warning').first()).toBeAttached();
  await ready(page);
  await expect(statusA(page)).not.toHaveAttribute('data-problems', '0');
  // The text behind the editor is what is kept across a reload.
  await page.reload();
  await ready(page);
  expect(await page.locator('#wb-text-a').inputValue()).toContain('gc 99 @1.5s oops');
  expect(problems).toEqual([]);
});

// One load of the workbench serves these four: each starts by choosing the sample it reads.
test('a go run stream is split into runs; exports hold what the page shows; zoom by brushing or typing a range; two traces compared', async ({
  page,
}) => {
  await open(page);

  await test.step('a go run stream is split into runs the reader can pick', async () => {
    await page.locator('#wb-sample-a').selectOption({ label: 'go-run-multiprocess' });
    await ready(page);
    const runs = page.locator('#wb-run-a');
    await expect(runs.locator('option')).toHaveCount(4);
    await expect(runs).toHaveValue('3');
    const before = await page
      .locator('[data-charts] figure[data-kind="heap"]')
      .getAttribute('data-cycles');
    await runs.selectOption('0');
    await ready(page);
    const after = await page
      .locator('[data-charts] figure[data-kind="heap"]')
      .getAttribute('data-cycles');
    expect(after).not.toBe(before);
    await expect(page.locator('[data-slot="a"] [data-run-reason]')).toHaveText('');
    await runs.selectOption('1');
    await expect(page.locator('[data-slot="a"] [data-run-reason]')).toContainText(
      'numbering restarted',
    );
  });

  await test.step('exports: SVG, PNG, CSV, JSON and Markdown hold what the page shows', async () => {
    await page.locator('#wb-sample-a').selectOption({ label: 'leaking-map' });
    await ready(page);
    const cycles = await page
      .locator('[data-charts] figure[data-kind="heap"]')
      .getAttribute('data-cycles');
    const save = async (click: () => Promise<void>) => {
      const [download] = await Promise.all([page.waitForEvent('download'), click()]);
      const file = await download.path();
      return { name: download.suggestedFilename(), body: readFileSync(file!) };
    };
    const heap = page.locator('[data-charts] figure[data-kind="heap"]');
    const svg = await save(() => heap.getByRole('button', { name: 'Save as SVG' }).click());
    // Named after the trace, like the other exports.
    expect(svg.name).toBe('leaking-map-heap.svg');
    expect(svg.body.toString()).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg.body.toString()).toContain('<style>');
    const png = await save(() => heap.getByRole('button', { name: 'Save as PNG' }).click());
    expect(png.name).toBe('leaking-map-heap.png');
    expect(png.body.subarray(1, 4).toString()).toBe('PNG');
    expect(png.body.readUInt32BE(16)).toBe(1280);
    const csv = await save(() => page.getByRole('button', { name: 'Cycles as CSV' }).click());
    const rows = csv.body.toString().trim().split('\n');
    expect(rows[0]).toBe(
      'line,gc,seconds,heap_start_mb,heap_end_mb,heap_live_mb,goal_mb,pause_ms,gc_cpu_percent_printed,interval_gc_cpu_fraction,alloc_rate_mb_per_s,live_mb,forced,truncated',
    );
    expect(rows.length - 1).toBe(Number(cycles));
    const json = await save(() => page.getByRole('button', { name: 'Cycles as JSON' }).click());
    const data = JSON.parse(json.body.toString()) as { cycles: { gc: number }[] };
    expect(data.cycles.length).toBe(Number(cycles));
    expect(data.cycles[0].gc).toBe(1);
    const md = await save(() => page.getByRole('button', { name: 'Findings as Markdown' }).click());
    expect(md.name).toMatch(/\.md$/);
    expect(md.body.toString()).toContain('Live heap keeps growing');
    expect(md.body.toString()).toContain('| Pause p99 |');
  });

  await test.step('zoom by brushing a chart or typing a range; every chart and the findings follow', async () => {
    await page.locator('#wb-sample-a').selectOption({ label: 'steady' });
    await ready(page);
    const heap = page.locator('[data-charts] figure[data-kind="heap"]');
    const total = Number(await heap.getAttribute('data-cycles'));
    await heap.locator('svg').scrollIntoViewIfNeeded();
    const box = (await heap.locator('svg').boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.3, box.y + box.height * 0.6);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.6, { steps: 5 });
    // Through the chart's labels and out below it, over the page's text: nothing gets selected.
    await page.mouse.move(box.x + box.width * 0.55, box.y + box.height + 60, { steps: 5 });
    expect(await page.evaluate(() => getSelection()?.toString())).toBe('');
    await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.6, { steps: 2 });
    await page.mouse.up();
    expect(await page.evaluate(() => getSelection()?.toString())).toBe('');
    await ready(page);
    const zoomed = Number(await heap.getAttribute('data-cycles'));
    expect(zoomed).toBeLessThan(total);
    for (const kind of ['pause', 'cpu', 'alloc'])
      await expect(page.locator(`[data-charts] figure[data-kind="${kind}"]`)).toHaveAttribute(
        'data-cycles',
        String(zoomed),
      );
    await expect(page.locator('[data-sample-note]')).toContainText(`(${zoomed} cycles)`);
    await expect(page.locator('[data-findings] .finding').first()).toContainText(String(zoomed));
    // From the keyboard: type the range.
    await page.getByLabel('From', { exact: true }).fill('0');
    await page.getByLabel('To', { exact: true }).fill('2');
    await page.getByLabel('To', { exact: true }).press('Enter');
    await ready(page);
    expect(Number(await heap.getAttribute('data-cycles'))).toBeLessThan(total);
    await page.getByRole('button', { name: 'Whole run' }).click();
    await ready(page);
    await expect(heap).toHaveAttribute('data-cycles', String(total));
  });

  await test.step('compares two traces with aligned charts and a table of differences', async () => {
    await page.locator('#wb-sample-a').selectOption({ label: 'gogc-100' });
    await ready(page);
    await page.locator('[data-slot="b"] input[type="file"]').setInputFiles(fixture('gogc-200'));
    await expect(page.locator('[data-compare-table] table')).toBeVisible({ timeout: 30_000 });
    const table = page.locator('[data-compare-table] table');
    for (const label of [
      'GC cycles',
      'GC frequency',
      'Pause p50',
      'Pause p99',
      'Pause max',
      'Peak heap',
      'Live-heap slope',
      'GC CPU',
      'Implied GOGC',
    ])
      await expect(table.getByRole('rowheader', { name: label, exact: true })).toBeVisible();
    const gogc = table.getByRole('row', { name: /Implied GOGC/ });
    await expect(gogc).toContainText('≈ 100');
    await expect(gogc).toContainText('≈ 200');
    // Aligned: both traces' charts share one x range.
    const axis = (side: string) =>
      page
        .locator(`[data-compare-charts="${side}"] figure[data-kind="heap"] .x-axis .tick text`)
        .allTextContents();
    expect(await axis('a')).toEqual(await axis('b'));
  });
});

test('a share link carries the trace; a damaged link shows an error and the page keeps working', async ({
  page,
}) => {
  // The reset between tests takes the permissions back.
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await open(page);
  await page.locator('#wb-sample-a').selectOption({ label: 'gogc-200' });
  await ready(page);
  const original = await page.locator('#wb-text-a').inputValue();
  await page.getByRole('button', { name: 'Copy a share link' }).click();
  // The link appears once the trace is compressed.
  await expect(page.locator('#wb-share-link')).toHaveValue(
    /\/lab\/#v=2&trace=[A-Za-z0-9_-]+&name=gogc-200$/,
  );
  const link = await page.locator('#wb-share-link').inputValue();
  expect(link.length).toBeLessThan(65_536);
  await expect(page.locator('[data-share-message]')).toContainText('Nothing is sent');

  // The link opened by a page load of its own (the same tab, by way of a blank page: a new tab
  // costs a renderer), with the site's storage as it is.
  const other = page;
  await other.goto('about:blank');
  await other.goto(link);
  await ready(other);
  expect(await other.locator('#wb-text-a').inputValue()).toBe(original);
  await expect(other.locator('[data-findings]')).toHaveAttribute('data-verdict', /\w+/);

  const problems = watchPage(other);
  // A damaged link: its error stays, and the saved trace is shown beside it, unchanged.
  const errorA = other.locator('[data-slot="a"] [data-error]');
  await other.goto(link.slice(0, link.length - 40));
  await expect(errorA).toContainText('The trace you had is still here');
  await other.reload();
  await ready(other);
  await expect(errorA).toContainText(/damaged or cut off/);
  await expect(errorA).toContainText('Your saved trace is shown instead');
  expect(await other.locator('#wb-text-a').inputValue()).toBe(original);
  // A link of a format this page does not know says so.
  await other.goto('/lab/#t2=abc');
  await other.reload();
  await expect(errorA).toContainText('not a share link this page knows');
  // With nothing saved, no trace is claimed to be here.
  await other.evaluate(() => localStorage.clear());
  await other.goto(link.slice(0, link.length - 40));
  await other.reload();
  await expect(errorA).toContainText(/damaged or cut off/);
  await expect(errorA).not.toContainText(/still here|shown instead/);
  await expect(statusA(other)).toHaveText('No trace yet.');
  // "Load from a link" with an address that is a page, not a trace.
  const address = other.getByLabel('Load from a link');
  await address.fill(new URL('/lab/', link).href);
  await address.press('Enter');
  await expect(errorA).toContainText('address of this page, with no trace in it');
  await address.fill(new URL('/', link).href);
  await address.press('Enter');
  await expect(errorA).toContainText('That link is a web page, not a trace');
  await expect(statusA(other)).toHaveText('No trace yet.');
  await other.locator('#wb-sample-a').selectOption({ label: 'steady' });
  await ready(other);
  await expect(other.locator('[data-findings]')).toHaveAttribute('data-verdict', 'stable');
  expect(problems).toEqual([]);
});

test('a share link keeps the view: run, range, selected cycle and the second trace; an old link still opens', async ({
  page,
}) => {
  // The reset between tests takes the permissions back.
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  const problems = watchPage(page);
  await open(page);
  await page.locator('#wb-sample-a').selectOption({ label: 'go-run-multiprocess' });
  await ready(page);
  await page.locator('#wb-run-a').selectOption('1');
  await ready(page);
  // Selecting a cycle: a click on its mark in a chart.
  await page.locator('[data-charts] figure[data-kind="pause"] [data-line]').first().click();
  const line = await page.locator('[data-workbench]').getAttribute('data-selected-line');
  expect(Number(line)).toBeGreaterThan(0);
  await page.getByLabel('From', { exact: true }).fill('0.01');
  await page.getByLabel('To', { exact: true }).fill('0.03');
  await page.getByLabel('To', { exact: true }).press('Enter');
  await ready(page);
  await page.locator('[data-slot="b"] input[type="file"]').setInputFiles(fixture('gogc-200'));
  await expect(page.locator('[data-compare-table] table')).toBeVisible({ timeout: 30_000 });
  await page.getByRole('button', { name: 'Copy a share link' }).click();
  await expect(page.locator('#wb-share-link')).toHaveValue(/\/lab\/#v=2&trace=/);
  const link = await page.locator('#wb-share-link').inputValue();

  // The link opened by a page load of its own (the same tab, by way of a blank page).
  const other = page;
  await other.goto('about:blank');
  await other.goto(link);
  await ready(other);
  await expect(other.locator('[data-compare-table] table')).toBeVisible({ timeout: 30_000 });
  await expect(other.locator('#wb-run-a')).toHaveValue('1');
  await expect(other.getByLabel('From', { exact: true })).toHaveValue('0.01');
  await expect(other.getByLabel('To', { exact: true })).toHaveValue('0.03');
  await expect(other.locator('[data-zoom-state]')).toContainText('Showing 0.01 s – 0.03 s');
  await expect(other.locator('[data-workbench]')).toHaveAttribute('data-selected-line', line!);
  expect(await other.locator('#wb-text-b').inputValue()).toBe(
    readFileSync(fixture('gogc-200'), 'utf8'),
  );

  // A link in the first format (the trace alone, #trace=…): the first four lines of steady.txt.
  const steadyStart = readFileSync(fixture('steady'), 'utf8').split('\n').slice(0, 4).join('\n');
  await other.goto(
    '/lab/#trace=ldE7bsMwDAbgvafg0kkP89c7HYQie4BewdXgIS5cQO39C8pGCwQZ0kGURHH4RC6NQK9smV0nnJ5fiC0jKlgoyXr66NTWrV21vHjJxjzBYuJRkEfB57cmb2ow1dPlrCnQ5UzLNq-aWI79a27XflyWdXuf167J0dvT0sjtgNQJYQeEpNx9wMkJIE1yjBNb-FGVfhXJ1GJqGYryH4UfCkgbcLQhKGf5nsIVxbZ4UUSJwI0C0VRkU5EGZGwPS4JIEKUfB8Qr2P2j7gaSJJvEECTkcef4NxQ2VRbygPjHB_MD',
  );
  await ready(other);
  expect(await other.locator('#wb-text-a').inputValue()).toBe(steadyStart + '\n');
  await expect(statusA(other)).toHaveAttribute('data-cycles', '4');
  expect(problems).toEqual([]);
});

test('text with no gc line, a binary file or an empty link says what it found and how to capture a trace', async ({
  page,
}) => {
  const problems = watchPage(page);
  await open(page);
  const errorA = page.locator('[data-slot="a"] [data-error]');
  // Nothing loaded yet: nothing to share (not "too big").
  await page.getByRole('button', { name: 'Copy a share link' }).click();
  await expect(page.locator('[data-share-message]')).toContainText('There is no trace to share');
  // The program's own output from steady.txt, without its gc lines: standard output alone.
  const output = readFileSync(fixture('steady'), 'utf8')
    .split('\n')
    .filter((line) => line !== '' && !line.startsWith('gc '));
  expect(output).toHaveLength(10);
  await page.locator('#wb-text-a').fill(output.join('\n') + '\n');
  await ready(page);
  await expect(errorA).toContainText('No gc line in 10 lines of text.');
  await expect(errorA).toContainText('GODEBUG=gctrace=1 ./prog 2> trace.txt');
  await expect(page.locator('[data-results]')).toBeHidden();
  await page.getByRole('button', { name: 'Clear' }).click();
  await expect(errorA).toBeEmpty();
  // After Clear there is nothing to share, and no link to an empty trace is made.
  await page.getByRole('button', { name: 'Copy a share link' }).click();
  await expect(page.locator('[data-share-message]')).toHaveText(
    'There is no trace to share yet: paste, open or drop one first.',
  );
  await expect(page.locator('#wb-share-link')).toBeHidden();

  await page.locator('[data-slot="a"] input[type="file"]').setInputFiles({
    name: 'prog',
    mimeType: 'application/octet-stream',
    // The start of an ELF executable: what opening the program instead of its trace gives.
    buffer: Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0x3e]),
  });
  await ready(page);
  await expect(errorA).toContainText('This looks like a binary file');

  // A real gc line (steady.txt's first) with a Cyrillic с in "gc": a problem, with its place.
  const real = readFileSync(fixture('steady'), 'utf8').split('\n')[0]!;
  await page.locator('[data-slot="a"] input[type="file"]').setInputFiles({
    name: 'look-alike.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from(`${real}\n${real.replace(/^gc 1/, 'g\u0441 2')}\n`),
  });
  await ready(page);
  const problem = page.locator('[data-slot="a"] [data-problem-list] li').first();
  await expect(problem).toContainText('Line 2, column 2');
  await expect(problem).toContainText('Cyrillic small letter es');

  await page.goto(`${path}#trace=`);
  await expect(errorA).toContainText('This share link holds no trace: it is empty.');
  await expect(errorA).not.toContainText('There is no run');
  expect(problems).toEqual([]);
});

test('cancelling a big read stops it at once and brings the previous trace back whole, or none', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const file = join(tmpdir(), 'gctrace-workbench-cancel.txt');
  await writeBigTrace(file, 600_000);
  // A damaged first line, so that the problem list fills while the file is read.
  writeFileSync(
    file,
    Buffer.concat([Buffer.from('gc 999 @1.0s 5%: 0.1+x ms clock\n'), readFileSync(file)]),
  );
  const problems = watchPage(page);
  await open(page);
  const fileA = page.locator('[data-slot="a"] input[type="file"]');
  const problemListA = page.locator('[data-slot="a"] [data-problem-list]');

  // No trace before it: the file is chosen again while its first read lists the damaged line,
  // and that second read is cancelled. The slot is left empty, the first read's problems too.
  await fileA.setInputFiles(file);
  await expect(problemListA.locator('li').first()).toContainText(/Line 1, column \d+/);
  await fileA.setInputFiles(file);
  await page.locator('[data-slot="a"] [data-action="cancel"]').click();
  await expect(page.locator('[data-slot="a"] [data-notice]')).toHaveText(
    'Reading gctrace-workbench-cancel.txt was cancelled; no trace is loaded.',
  );
  await expect(statusA(page)).toHaveText('No trace yet.');
  await expect(problemListA).toBeEmpty();
  await expect(page.locator('[data-slot="a"] [data-error]')).toBeEmpty();

  await page.locator('#wb-sample-a').selectOption({ label: 'steady' });
  await ready(page);
  const text = await page.locator('#wb-text-a').inputValue();
  const status = await statusA(page).textContent();
  const heap = page.locator('[data-charts] figure[data-kind="heap"]');
  const cycles = await heap.getAttribute('data-cycles');

  await fileA.setInputFiles(file);
  const progress = page.locator('[data-slot="a"] [data-progress]');
  await expect(progress).toBeVisible();
  await expect(page.locator('[data-slot="a"] [data-progress-text]')).toContainText('Read ');
  // Cancel, timed in the page from the click to the message.
  const elapsed = await page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const notice = document.querySelector('[data-slot="a"] [data-notice]')!;
        const start = performance.now();
        new MutationObserver((_records, observer) => {
          if (!notice.textContent?.includes('was cancelled')) return;
          observer.disconnect();
          resolve(performance.now() - start);
        }).observe(notice, { childList: true, subtree: true, characterData: true });
        document.querySelector<HTMLElement>('[data-slot="a"] [data-action="cancel"]')!.click();
      }),
  );
  await expect(page.locator('[data-slot="a"] [data-notice]')).toHaveText(
    'Reading gctrace-workbench-cancel.txt was cancelled; the previous trace (steady) is shown.',
  );
  // At once: the worker stops within a window of the file, long before the rest could be read
  // (reading the whole file takes several times as long, even on a fast machine).
  expect(elapsed).toBeLessThan(2500);
  await expect(progress).toBeHidden();
  await ready(page);
  expect(await page.locator('#wb-text-a').inputValue()).toBe(text);
  await expect(statusA(page)).toHaveText(status!);
  await expect(heap).toHaveAttribute('data-cycles', cycles!);
  await expect(page.locator('[data-charts] figure')).toHaveCount(4);
  await expect(page.locator('[data-findings]')).toHaveAttribute('data-verdict', 'stable');
  // What is kept for a reload is the trace shown.
  await page.reload();
  await ready(page);
  expect(await page.locator('#wb-text-a').inputValue()).toBe(text);
  expect(problems).toEqual([]);
});

// How long the page's tasks take while such a file loads is measured by `npm run bench -- workbench`.
test('a 1,000,000-line file loads in the worker: progress, charts, findings and pages of text', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const file = join(tmpdir(), 'gctrace-workbench-1m.txt');
  await writeBigTrace(file, 1_000_000);
  const size = statSync(file).size;
  const problems = watchPage(page);
  await open(page);
  await page.locator('[data-slot="a"] input[type="file"]').setInputFiles(file);
  await expect(page.locator('[data-slot="a"] [data-progress]')).toBeVisible();
  await expect(page.locator('[data-workbench][data-first-charts="true"]')).toBeAttached({
    timeout: 30_000,
  });
  await expect(statusA(page)).toHaveAttribute('data-final', 'true', { timeout: 90_000 });
  await ready(page);
  await expect(statusA(page)).toContainText('1,000,000 lines · 1,000,000 cycles');
  const heap = page.locator('[data-charts] figure[data-kind="heap"]');
  await expect(heap).toHaveAttribute('data-cycles', '1000000');
  await expect(heap.locator('svg')).toHaveAttribute('data-mode', 'dense');
  expect(Number(await heap.getAttribute('data-drawn'))).toBeLessThan(20_000);
  await expect(page.locator('[data-sample-note]')).toContainText('of the 1,000,000 cycles');
  await expect(page.locator('[data-pager]')).toBeVisible();
  await expect(page.locator('[data-pager] li').first()).toHaveText(/^gc 1 @/);
  // What the worker holds (columns and the sample of whole cycles) stays near the file's size.
  const held = Number(await statusA(page).getAttribute('data-held-bytes'));
  expect(held / size).toBeLessThan(1.2);
  expect(problems).toEqual([]);
});

test('axe finds nothing in light and dark, and the page fits a 390 px screen', async ({ page }) => {
  await open(page);
  await page.locator('#wb-sample-a').selectOption({ label: 'go-run-multiprocess' });
  await ready(page);
  await page.locator('[data-slot="b"] input[type="file"]').setInputFiles(fixture('steady'));
  await expect(page.locator('[data-compare-table] table')).toBeVisible({ timeout: 30_000 });
  expect(await violationsInBothThemes(page, { include: '[data-workbench]' })).toEqual([]);
  await page.setViewportSize({ width: 390, height: 800 });
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
  // The workbench card keeps clear of the screen's edges.
  const card = (await page.locator('[data-workbench]').boundingBox())!;
  expect(card.x).toBeGreaterThanOrEqual(8);
  expect(390 - (card.x + card.width)).toBeGreaterThanOrEqual(8);
});
