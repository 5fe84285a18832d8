import { defineConfig, devices } from '@playwright/test';

// E2E_PORT lets two checkouts run their end-to-end tests side by side.
const port = Number(process.env.E2E_PORT ?? 4329);

/**
 * Chromium features the tests turn off. A headless Chromium still builds the browser's own
 * address-bar popup (a web page of its own, in a renderer of its own) and redraws it at every
 * navigation: a sixth of the CPU the end-to-end tests took, for a window nobody sees.
 *
 * Chromium reads only the last `--disable-features` it is given, so this one repeats the list
 * Playwright passes before it (the features it names are the ones Playwright 1.65 turns off);
 * tests/e2e/browser.spec.ts fails if a Playwright update adds one that this list leaves out.
 */
const disabledChromiumFeatures = [
  // Playwright's own.
  'AvoidUnnecessaryBeforeUnloadCheckSync',
  'DestroyProfileOnBrowserClose',
  'HttpsUpgrades',
  'HttpsFirstBalancedModeAutoEnable',
  'LensOverlay',
  'MediaRouter',
  'PaintHolding',
  'ThirdPartyStoragePartitioning',
  'AvoidCorsURLLoaderRestartOnRedirect',
  'TcpPortRandomizationWin',
  'OptimizationHints',
  'NetworkTimeServiceQuerying',
  'AimEnabled',
  'PreconnectToSearch',
  'msForceBrowserSignIn',
  'msEdgeUpdateLaunchServicesPreferredVersion',
  // The address bar's popup, drawn as a web page.
  'WebUIOmniboxPopup',
  'WebUIOmniboxAimPopup',
  'WebUIOmniboxFullPopup',
  'PreloadTopChromeWebUI',
];

export default defineConfig({
  testDir: 'tests/e2e',
  // Two workers: most of a test's time is spent waiting on the browser, not on the CPU.
  workers: 2,
  fullyParallel: true,
  // On a shared two-core CI machine a test may once lose a race with the machine's load; a
  // second failure still fails the run, and the report lists any test that needed the retry.
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  reporter: [
    [process.env.CI ? 'line' : 'list'],
    ['json', { outputFile: process.env.E2E_REPORT ?? 'test-reports/playwright.json' }],
  ],
  // How fast pages are is measured by `npm run bench`, not by these tests.
  projects: [{ name: 'site' }],
  use: {
    ...devices['Desktop Chrome'],
    baseURL: `http://127.0.0.1:${port}`,
    // The offline service worker precaches the whole site on a first visit; only the offline
    // tests need it, and elsewhere it would keep every page's network busy.
    serviceWorkers: 'block',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        `--disable-features=${disabledChromiumFeatures.join(',')}`,
      ],
    },
  },
  webServer: {
    command: `npx astro preview --ignore-lock --host 127.0.0.1 --port ${port}`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: !process.env.CI,
    stdout: 'ignore',
  },
});
