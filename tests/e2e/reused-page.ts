import {
  test as base,
  type BrowserContext,
  type BrowserContextOptions,
  type CDPSession,
  type Page,
} from '@playwright/test';

/**
 * `test` whose `page` and `context` are one tab per worker, reset between tests, instead of a new
 * context and tab each time. On two cores a new tab costs about two CPU-seconds before a test does
 * anything (a renderer process started, the page's scripts compiled cold); a reset, a tenth.
 *
 * A reset leaves nothing a test could notice: the tab goes to about:blank first, so the last
 * page's own "save on leave" has run before storage is cleared; then every kind of site storage
 * (local, session, IndexedDB, caches, service workers, cookies) is cleared, and listeners,
 * routes, permissions, the offline switch, the viewport and emulated media are put back. The
 * browser's HTTP cache is kept, as a returning reader's would be (see `reset`). Anything a reset cannot undo retires the tab after the test, and the next test gets a new
 * one: a failed test, a test that took the `context` itself, init scripts, exposed functions, an
 * installed clock. A test whose `test.use` asks for other context options gets a tab of its own.
 */
export { expect, type BrowserContext, type Locator, type Page } from '@playwright/test';

interface Tab {
  context: BrowserContext;
  page: Page;
  cdp: CDPSession;
  /** Holds something a reset cannot undo: closed after the test. */
  retire: boolean;
}

/** The context options a test may change with `test.use`; any change gets a tab of its own. */
const tabOptions = [
  'viewport',
  'hasTouch',
  'isMobile',
  'serviceWorkers',
  'javaScriptEnabled',
] as const;
type TabOptions = Pick<BrowserContextOptions, (typeof tabOptions)[number]>;
/** Playwright's own defaults, for the options the project leaves unset. */
const playwrightDefaults: TabOptions = {
  viewport: { width: 1280, height: 720 },
  hasTouch: false,
  isMobile: false,
  serviceWorkers: 'allow',
  javaScriptEnabled: true,
};

export const test = base.extend<{ tab: Tab }, { workerTab: { current?: Tab } }>({
  workerTab: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const holder: { current?: Tab } = {};
      await use(holder);
      await holder.current?.context.close();
    },
    { scope: 'worker' },
  ],

  tab: async (
    { browser, workerTab, viewport, hasTouch, isMobile, serviceWorkers, javaScriptEnabled },
    use,
    testInfo,
  ) => {
    const project = testInfo.project.use;
    const wanted: TabOptions = { viewport, hasTouch, isMobile, serviceWorkers, javaScriptEnabled };
    const usual = tabOptions.every(
      (name) =>
        JSON.stringify(wanted[name]) === JSON.stringify(project[name] ?? playwrightDefaults[name]),
    );
    const open = async (): Promise<Tab> => {
      const context = await browser.newContext({
        baseURL: project.baseURL,
        userAgent: project.userAgent,
        deviceScaleFactor: project.deviceScaleFactor,
        screen: project.screen,
        ...wanted,
      });
      const page = await context.newPage();
      const tab: Tab = { context, page, cdp: await context.newCDPSession(page), retire: !usual };
      retireOnLastingChange(tab);
      return tab;
    };
    let tab: Tab;
    if (usual) {
      workerTab.current ??= await open();
      tab = workerTab.current;
      await reset(tab, new URL(project.baseURL!).origin, wanted.viewport ?? null);
    } else {
      tab = await open();
    }
    try {
      await use(tab);
    } finally {
      if (tab.retire || testInfo.status !== testInfo.expectedStatus) {
        if (workerTab.current === tab) workerTab.current = undefined;
        await tab.context.close().catch(() => {});
      }
    }
  },

  context: async ({ tab }, use) => {
    // A test that takes the context may change it in ways a reset does not cover.
    tab.retire = true;
    await use(tab.context);
  },

  page: async ({ tab }, use) => {
    await use(tab.page);
  },
});

/** Wraps the calls whose effect outlives a page load, so that using one retires the tab. */
function retireOnLastingChange(tab: Tab): void {
  const wrap = <T extends object>(target: T, names: string[]) => {
    const record = target as Record<string, unknown>;
    for (const name of names) {
      const original = record[name] as (...args: unknown[]) => unknown;
      record[name] = (...args: unknown[]) => {
        tab.retire = true;
        return original.apply(target, args);
      };
    }
  };
  const lasting = ['addInitScript', 'exposeFunction', 'exposeBinding'];
  wrap(tab.page, lasting);
  wrap(tab.context, lasting);
  const clock = ['install', 'pauseAt', 'setFixedTime', 'setSystemTime', 'fastForward', 'runFor'];
  wrap(tab.page.clock, clock);
  wrap(tab.context.clock, clock);
}

async function reset(
  tab: Tab,
  origin: string,
  viewport: { width: number; height: number } | null,
): Promise<void> {
  const { context, page, cdp } = tab;
  for (const other of context.pages()) if (other !== page) await other.close();
  page.removeAllListeners();
  await page.unrouteAll({ behavior: 'ignoreErrors' });
  await context.unrouteAll({ behavior: 'ignoreErrors' });
  await context.setOffline(false);
  await context.clearPermissions();
  // Session storage belongs to the tab, not to the origin's storage, and is cleared from a
  // document of the origin: the last test's page, if it is still on the site. (The site writes
  // it only on a click, never as a page is left.)
  if (page.url().startsWith(`${origin}/`))
    await page.evaluate(() => sessionStorage.clear()).catch(() => {});
  await page.goto('about:blank');
  await cdp.send('Storage.clearDataForOrigin', { origin, storageTypes: 'all' });
  // The HTTP cache is kept, as a returning reader's browser keeps it: every test is served the
  // same build, and with the cache the editor's and the programs' code is compiled once per
  // worker instead of once per test (V8 keeps compiled code with the cached file). What the
  // site keeps for itself (Cache Storage, the service worker) is cleared above.
  if (viewport) await page.setViewportSize(viewport);
  await page.emulateMedia({
    media: null,
    colorScheme: 'light',
    reducedMotion: null,
    forcedColors: null,
  });
}
