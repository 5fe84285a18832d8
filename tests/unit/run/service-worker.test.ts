// The offline service worker must not download the WebAssembly programs: megabytes per release
// that the learner may never run. They are fetched (and then cached) when a program runs.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AstroIntegration } from 'astro';
import { afterAll, describe, expect, it } from 'vitest';
import { isFetchedOnRun, serviceWorker } from '../../../src/integrations/service-worker.ts';

const dist = mkdtempSync(join(tmpdir(), 'sw-wasm-'));
afterAll(() => rmSync(dist, { recursive: true, force: true }));

function write(path: string, content: string | Uint8Array) {
  mkdirSync(dirname(join(dist, path)), { recursive: true });
  writeFileSync(join(dist, path), content);
}

/** Runs the integration's build hooks on `dist` and returns the two lists sw.js holds. */
function buildServiceWorker(): { precache: string[]; onDemand: string[]; version: string } {
  const hooks = serviceWorker().hooks as Required<AstroIntegration['hooks']>;
  const call = (hook: (options: never) => unknown, options: unknown) => hook(options as never);
  call(hooks['astro:config:done'], { config: { base: '/' } });
  call(hooks['astro:build:done'], { dir: pathToFileURL(`${dist}/`) });
  const source = readFileSync(join(dist, 'sw.js'), 'utf8');
  const list = (name: string) => JSON.parse(new RegExp(`const ${name} = (.*);`).exec(source)![1]!);
  return { precache: list('precache'), onDemand: list('onDemand'), version: list('version') };
}

describe('the service worker and public/wasm/', () => {
  it('isFetchedOnRun() is true for every file under wasm/ and only there', () => {
    expect(isFetchedOnRun('wasm/manifest.json')).toBe(true);
    expect(isFetchedOnRun(join('wasm', 'go1.27', 'programs.wasm'))).toBe(true);
    expect(isFetchedOnRun('lab/index.html')).toBe(false);
    expect(isFetchedOnRun('_astro/wasm-chart.js')).toBe(false);
  });

  it('neither precaches nor lists for offline use any file of wasm/, small or large', () => {
    write('index.html', '<!doctype html><title>home</title>');
    write('wasm/manifest.json', '{"builds":[]}');
    write('wasm/go1.27/wasm_exec.js', '// small');
    write('wasm/go1.27/programs.wasm', new Uint8Array(300 * 1024));
    const { precache, onDemand } = buildServiceWorker();
    expect(precache).toContain('/');
    expect([...precache, ...onDemand].filter((url) => url.includes('wasm/'))).toEqual([]);
  });

  it('still changes its version when a binary changes, so a cached old one is replaced', () => {
    const before = buildServiceWorker().version;
    write('wasm/go1.27/programs.wasm', new Uint8Array(300 * 1024).fill(1));
    expect(buildServiceWorker().version).not.toBe(before);
  });
});
