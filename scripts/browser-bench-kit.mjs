// Shared pieces of the in-browser benchmarks: a built site served by `astro preview`, and
// Debian's Chromium driven by Playwright.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

/**
 * Serves the built site (dist/, or the directory in SITE_DIR; built first if missing) and
 * resolves with its URL and a stop function.
 */
export async function startPreview(port) {
  const siteDir = process.env.SITE_DIR || 'dist';
  if (!existsSync(`${siteDir}/index.html`)) {
    const build = spawnSync('npx', ['astro', 'build', '--outDir', siteDir], { stdio: 'inherit' });
    if (build.status !== 0) throw new Error('the site did not build');
  }
  const server = spawn(
    'npx',
    [
      'astro',
      'preview',
      '--ignore-lock',
      '--outDir',
      siteDir,
      '--host',
      '127.0.0.1',
      '--port',
      String(port),
    ],
    {
      stdio: 'ignore',
      detached: true,
    },
  );
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(url)).ok) break;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    url,
    stop: () => {
      try {
        process.kill(-server.pid);
      } catch {
        // already gone
      }
    },
  };
}

/** Launches Debian's Chromium headless, as the end-to-end tests do. */
export function launchChromium() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  });
}

/** Percentile of a list of numbers (nearest rank). */
export function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}
