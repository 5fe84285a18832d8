// The workbench's live mode against the real command line: `gctrace watch` runs a replay of a
// real capture (scripts/replay-trace.mjs) and serves the built site (dist/) itself, on a free
// port; the browser opens the address it prints.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from './reused-page.ts';
import { parseTrace } from '../../src/gctrace/index.ts';
import { violationsInBothThemes, watchPage } from './watch.ts';

const root = process.cwd();
const capture = join(root, 'content', 'traces', 'leaking-map.txt');
const captureText = readFileSync(capture, 'utf8');
const parsed = parseTrace(captureText);

interface Watching {
  child: ChildProcess;
  url: string;
  port: number;
  token: string;
  exited: Promise<number | null>;
}

/** Starts `gctrace watch ARGS…` and resolves with the workbench address it prints. */
async function startWatch(args: string[]): Promise<Watching> {
  const child = spawn(process.execPath, ['scripts/gctrace.mjs', 'watch', ...args], {
    cwd: root,
    stdio: ['pipe', 'ignore', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  let stderr = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stderr!.setEncoding('utf8').on('data', (text: string) => {
      stderr += text;
      const match = /http:\/\/127\.0\.0\.1:\d+\/lab\/\?live=[\w-]+/.exec(stderr);
      if (match) resolve(match[0]);
    });
    void exited.then(() => reject(new Error(`gctrace watch exited:\n${stderr}`)));
  });
  const { port, searchParams } = new URL(url);
  return { child, url, port: Number(port), token: searchParams.get('live')!, exited };
}

const running: ChildProcess[] = [];
test.afterEach(() => {
  for (const child of running.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

const workbench = (page: Page) => page.locator('trace-workbench');
const bar = (page: Page) => page.locator('[data-live]');
const counts = (page: Page) => page.locator('[data-live-counts]');
const heapCycles = async (page: Page) =>
  Number(await page.locator('[data-charts] figure[data-kind="heap"]').getAttribute('data-cycles'));
const number = (value: string | null) => Number(value ?? NaN);

test('watch -- CMD: the page follows the program live, pauses, shows its exit, and a reload gets the whole trace once', async ({
  page,
  context,
}) => {
  test.setTimeout(240_000);
  const problems = watchPage(page);
  // --wait: the replay starts when told, once the page is ready. At the captured speed (10 s)
  // a busy machine still has several seconds to pause it while it runs.
  const watching = await startWatch([
    '--',
    process.execPath,
    'scripts/replay-trace.mjs',
    capture,
    '--speed',
    '1',
    '--wait',
  ]);
  running.push(watching.child);
  await page.goto(watching.url);
  await expect(bar(page)).toBeVisible();
  await expect(page.locator('[data-live-badge]')).toHaveText('Live');
  await expect(page.locator('[data-live-what]')).toContainText('replay-trace.mjs');
  await expect(page.locator('[data-live-announce]')).toContainText('Live trace. Watching');
  // Nothing yet: the program waits for its go.
  await expect(page.locator('[data-slot="a"] [data-status]')).toHaveText(
    'Waiting for the first lines…',
  );
  watching.child.stdin!.write('go\n');

  // The cycle count and the charts grow while the program runs.
  await expect.poll(() => heapCycles(page), { timeout: 30_000 }).toBeGreaterThanOrEqual(10);
  const early = await heapCycles(page);
  await expect.poll(() => heapCycles(page), { timeout: 30_000 }).toBeGreaterThan(early);
  expect(number(await counts(page).getAttribute('data-cycles'))).toBeGreaterThan(early - 1);
  // The time axis grows with the run.
  const axisEarly = number(await page.locator('[data-zoom-to]').inputValue());

  // Pause: the charts stay as they are while new lines are counted.
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  await expect(page.locator('[data-live-badge]')).toHaveText('Paused');
  await expect(page.locator('[data-live-announce]')).toHaveText(/^Paused\./);
  const frozen = await heapCycles(page);
  const frozenLine = await workbench(page).getAttribute('data-live-line');
  await expect
    .poll(async () => number(await counts(page).getAttribute('data-waiting')))
    .toBeGreaterThan(0);
  const waitingFirst = number(await counts(page).getAttribute('data-waiting'));
  await expect
    .poll(async () => number(await counts(page).getAttribute('data-waiting')), { timeout: 30_000 })
    .toBeGreaterThan(waitingFirst);
  await expect(counts(page)).toContainText(/new lines?$/);
  expect(await heapCycles(page)).toBe(frozen);
  expect(await workbench(page).getAttribute('data-live-line')).toBe(frozenLine);

  // The program ends while paused: its status is shown; Resume catches up.
  await expect(page.locator('[data-live-message]')).toHaveText('The program exited (status 0).', {
    timeout: 60_000,
  });
  expect(await heapCycles(page)).toBe(frozen);
  await page.getByRole('button', { name: 'Resume', exact: true }).click();
  await expect(page.locator('[data-live-badge]')).toHaveText('Ended');
  await expect.poll(() => heapCycles(page), { timeout: 30_000 }).toBe(parsed.cycles.length);
  await expect(counts(page)).toHaveText(
    `${parsed.lineCount} lines · ${parsed.cycles.length} cycles`,
    { timeout: 30_000 },
  );
  await expect(page.locator('[data-action="live-pause"]:visible')).toHaveCount(0);
  await expect(page.locator('[data-live-announce]')).toHaveText(
    `The program exited (status 0). The trace stays here: ${parsed.lineCount} lines, ${parsed.cycles.length} cycles.`,
  );
  expect(number(await page.locator('[data-zoom-to]').inputValue())).toBeGreaterThan(axisEarly);
  await expect(page.locator('[data-findings]')).toHaveAttribute('data-verdict', 'growing');
  expect(await page.locator('#wb-text-a').inputValue()).toBe(captureText);

  // The trace is kept like any other: the cycles export as CSV.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Cycles as CSV' }).click();
  const csv = readFileSync(await (await download).path(), 'utf8')
    .trim()
    .split('\n');
  expect(csv).toHaveLength(parsed.cycles.length + 1);
  // … it goes into a share link …
  await page.getByRole('button', { name: 'Copy a share link' }).click();
  await expect(page.locator('[data-share-message]')).toContainText(/^Link (copied|ready)/);
  expect(await page.locator('#wb-share-link').inputValue()).toMatch(/\/lab\/#./);
  // … and compares with a second trace.
  await page.locator('#wb-sample-b').selectOption({ label: 'steady' });
  await expect(page.locator('[data-compare-table] table')).toBeVisible({ timeout: 30_000 });
  await expect(page.locator('[data-compare-table] caption')).toContainText('A: live trace');

  // A reload and a second tab get the whole trace from the server, each line once.
  for (const tab of [page, await context.newPage()]) {
    if (tab === page) await tab.reload();
    else await tab.goto(watching.url);
    await expect(tab.locator('[data-live-badge]')).toHaveText('Ended', { timeout: 30_000 });
    await expect(tab.locator('[data-live-counts]')).toHaveText(
      `${parsed.lineCount} lines · ${parsed.cycles.length} cycles`,
    );
    expect(await tab.locator('#wb-text-a').inputValue()).toBe(captureText);
    await expect.poll(() => heapCycles(tab)).toBe(parsed.cycles.length);
  }

  expect(await violationsInBothThemes(page, { include: '[data-slot="a"]' })).toEqual([]);
  expect(problems).toEqual([]);
  watching.child.kill('SIGINT');
  expect(await watching.exited).toBe(0);
});

test('a wrong token gets no data, and the page says it cannot connect', async ({ page }) => {
  test.setTimeout(120_000);
  const problems = watchPage(page, { allowStatus: (url) => url.includes('/live/events') });
  const watching = await startWatch(['--', process.execPath, 'scripts/replay-trace.mjs', capture]);
  running.push(watching.child);
  const events = `http://127.0.0.1:${watching.port}/live/events`;
  expect((await fetch(`${events}?token=wrong`)).status).toBe(403);
  expect((await fetch(events)).status).toBe(403);
  await page.goto(watching.url.replace(/live=[\w-]+/, 'live=wrong'));
  await expect(page.locator('[data-live-badge]')).toHaveText('Not connected');
  await expect(page.locator('[data-live-message]')).toContainText(
    'gctrace watch cannot be reached at this address.',
  );
  await page.waitForTimeout(1500);
  await expect(page.locator('[data-slot="a"] [data-status]')).toHaveText(
    'Waiting for the first lines…',
  );
  expect(await page.locator('#wb-text-a').inputValue()).toBe('');
  // Apart from the refused stream, the page had no trouble.
  expect(problems.filter((p) => !p.includes('403'))).toEqual([]);
  watching.child.kill('SIGINT');
});

test('watch - reads a pipe: lines show as they come, and the end of the input is said', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const problems = watchPage(page);
  const watching = await startWatch(['-']);
  running.push(watching.child);
  const lines = captureText.replace(/\n$/, '').split('\n');
  watching.child.stdin!.write(lines.slice(0, 40).join('\n') + '\n');
  await page.goto(watching.url);
  await expect(page.locator('[data-live-what]')).toHaveText(
    'Reading a pipe (the standard input of gctrace watch).',
  );
  await expect(counts(page)).toHaveText(/^40 lines · \d+ cycles$/);
  const first = await heapCycles(page);
  expect(first).toBe(parsed.cycles.filter((c) => c.endLine <= 40).length);
  watching.child.stdin!.end(lines.slice(40).join('\n') + '\n');
  await expect(page.locator('[data-live-message]')).toHaveText(
    'The pipe closed: the input has ended.',
  );
  await expect(counts(page)).toHaveText(`${lines.length} lines · ${parsed.cycles.length} cycles`, {
    timeout: 30_000,
  });
  await expect.poll(() => heapCycles(page)).toBe(parsed.cycles.length);
  expect(await page.locator('#wb-text-a').inputValue()).toBe(captureText);
  expect(problems).toEqual([]);
  watching.child.kill('SIGINT');
  expect(await watching.exited).toBe(0);
});

test('past 3,000 lines the live text is shown a page at a time, its end in view', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const problems = watchPage(page);
  // The capture replayed 24 times over, numbered on: 3,744 lines at 2,000 lines a second.
  const total = (captureText.match(/\n/g) ?? []).length * 24;
  const watching = await startWatch([
    '--',
    process.execPath,
    'scripts/replay-trace.mjs',
    capture,
    '--rate',
    '2000',
    '--lines',
    String(total),
    '--wait',
  ]);
  running.push(watching.child);
  await page.goto(watching.url);
  await expect(page.locator('[data-live-badge]')).toHaveText('Live');
  watching.child.stdin!.write('go\n');
  await expect(page.locator('[data-live-message]')).toHaveText('The program exited (status 0).', {
    timeout: 60_000,
  });
  // The page may still be catching up with the last lines on a busy machine.
  await expect(counts(page)).toHaveText(
    `${total.toLocaleString('en')} lines · ${(parsed.cycles.length * 24).toLocaleString('en')} cycles`,
    { timeout: 30_000 },
  );
  const pager = page.locator('[data-pager]');
  await expect(pager).toBeVisible();
  await expect(page.locator('#wb-text-a')).toBeHidden();
  await expect(pager.locator('li').last()).toHaveAttribute('data-line', String(total));
  await expect(pager.locator('li').last()).toHaveText(
    captureText.replace(/\n$/, '').split('\n').at(-1)!,
  );
  await expect.poll(() => heapCycles(page)).toBe(parsed.cycles.length * 24);
  expect(problems).toEqual([]);
  watching.child.kill('SIGINT');
});

test('a program ended by a signal before any gc line: the page says both', async ({ page }) => {
  test.setTimeout(120_000);
  const problems = watchPage(page);
  const watching = await startWatch([
    '--',
    process.execPath,
    '-e',
    "console.error('starting'); process.kill(process.pid, 'SIGTERM')",
  ]);
  running.push(watching.child);
  await page.goto(watching.url);
  await expect(page.locator('[data-live-message]')).toHaveText(
    'The program was ended by signal SIGTERM.',
  );
  await expect(page.locator('[data-live-badge]')).toHaveText('Ended');
  await expect(page.locator('[data-slot="a"] [data-notice]')).toContainText('No gc line arrived');
  expect(await page.locator('#wb-text-a').inputValue()).toBe('starting\n');
  await expect(page.locator('[data-results]')).toBeHidden();
  expect(problems).toEqual([]);
  watching.child.kill('SIGINT');
  // watch exits with the program's status: 128 + 15 for SIGTERM.
  expect(await watching.exited).toBe(143);
});
