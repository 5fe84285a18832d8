import { defineConfig, devices } from '@playwright/test';

// E2E_PORT lets two checkouts run their end-to-end tests side by side.
const port = Number(process.env.E2E_PORT ?? 4329);

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
