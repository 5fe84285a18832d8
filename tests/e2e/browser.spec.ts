// The browser the tests drive: Chromium as Playwright starts it, with the features in
// playwright.config.ts turned off.
import { expect, test } from '@playwright/test';

test('the browser keeps every feature Playwright turns off, and builds no address-bar popup', async ({
  browser,
}) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto('chrome://version');
  const commandLine = (await page.locator('#command_line').textContent()) ?? '';
  const lists = [...commandLine.matchAll(/--disable-features=(\S+)/g)].map((m) => m[1]!.split(','));
  expect(lists.length).toBeGreaterThan(1);
  // Chromium reads only the last list: every name in an earlier one must be in it.
  const effective = new Set(lists.at(-1));
  for (const list of lists)
    for (const feature of list) expect(effective, feature).toContain(feature);

  // The browser's own pages (its address bar's popup) are not built at all.
  const cdp = await browser.newBrowserCDPSession();
  const { targetInfos } = await cdp.send('Target.getTargets');
  expect(targetInfos.filter((target) => target.type === 'browser_ui')).toEqual([]);
  await cdp.detach();
  await context.close();
});
