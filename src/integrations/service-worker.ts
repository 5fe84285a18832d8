/**
 * Writes dist/sw.js after a build: a service worker that keeps the site working offline (for
 * workshops on poor Wi-Fi). It precaches every page and every small asset on the first visit;
 * the big editor files are cached the first time they are used, or all at once when the reader
 * asks for offline use, so a first visit never downloads the editor in the background.
 */
import type { AstroIntegration } from 'astro';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Assets at least this big are left for on-demand caching (the editor chunk and its worker);
 * pages are always precached, so any page opens offline after the first visit. */
const largeFileBytes = 256 * 1024;

/** The WebAssembly programs (public/wasm/): megabytes per Go release, fetched only when the
 * learner runs a program, and then kept by the fetch handler like any asset. They still count in
 * the version, so a rebuilt binary replaces the cached one. */
export function isFetchedOnRun(file: string): boolean {
  return file.split(sep).join('/').startsWith('wasm/');
}

/** How long a page waits for the network before the cached copy is shown (a weak connection). */
export const networkWaitMs = 3000;

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

/** The URL a file is served at: pages by their directory, so links and cache keys agree. */
export function urlOfFile(file: string, base: string): string {
  const path = file.split(sep).join('/');
  const url = path.endsWith('/index.html')
    ? path.slice(0, -'index.html'.length)
    : path === 'index.html'
      ? ''
      : path;
  return `${base}${url}`;
}

export function serviceWorkerSource(
  precache: string[],
  onDemand: string[],
  version: string,
  base: string,
): string {
  return `// Generated at build time by src/integrations/service-worker.ts.
const version = ${JSON.stringify(version)};
const base = ${JSON.stringify(base)};
const precache = ${JSON.stringify(precache)};
const onDemand = ${JSON.stringify(onDemand)};
const cacheName = 'gctrace-lab-' + version;
const networkWaitMs = ${networkWaitMs};

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(cacheName).then((cache) => cache.addAll(precache)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('gctrace-lab-') && k !== cacheName).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

// A page asks for the whole site, editor included, before going offline.
self.addEventListener('message', (event) => {
  if (event.data?.type !== 'cache-everything') return;
  event.waitUntil(
    caches.open(cacheName)
      .then((cache) => cache.addAll(onDemand))
      .then(() => event.source?.postMessage({ type: 'cached-everything', files: precache.length + onDemand.length }))
      .catch((error) => event.source?.postMessage({ type: 'cache-failed', message: String(error) })),
  );
});

// Pages: the network first, so a new version shows when online; but a weak connection can take
// minutes to answer or fail, so after networkWaitMs the cached copy is shown instead while the
// network's answer is still awaited: it updates the cache, and if it differs from the copy shown,
// the page is told that a newer version is ready.
async function cachedPage(path) {
  return (await caches.match(path, { ignoreSearch: true, ignoreVary: true })) ??
    (await caches.match(path + '/')) ??
    undefined;
}

async function tellWhenNewer(clientId, path, shown, network) {
  let fresh;
  try {
    fresh = await network;
  } catch {
    return;
  }
  if (!fresh.ok) return;
  const [before, after] = await Promise.all([shown.text(), fresh.clone().text()]);
  if (before === after) return;
  const client = await self.clients.get(clientId);
  client?.postMessage({ type: 'page-updated', path });
}

async function page(event, path) {
  const network = fetch(event.request).then(async (response) => {
    if (response.ok) {
      const cache = await caches.open(cacheName);
      await cache.put(path, response.clone());
    }
    return response;
  });
  // The service worker stays alive until the network has answered and the cache is updated.
  event.waitUntil(network.then(() => undefined, () => undefined));
  const slow = new Promise((resolve) => setTimeout(resolve, networkWaitMs, 'slow'));
  const first = await Promise.race([network.then((response) => ({ response }), (error) => ({ error })), slow]);
  if (first !== 'slow' && first.response) return first.response;
  const cached = await cachedPage(path);
  if (cached) {
    if (first === 'slow') event.waitUntil(tellWhenNewer(event.resultingClientId || event.clientId, path, cached.clone(), network));
    return cached;
  }
  // Nothing cached: a slow network is still the only hope.
  if (first === 'slow') {
    try {
      return await network;
    } catch {}
  }
  return (await caches.match(base + '404.html')) ?? Response.error();
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin || !url.pathname.startsWith(base)) return;
  if (request.mode === 'navigate') {
    event.respondWith(page(event, url.pathname));
    return;
  }
// Assets have content hashes in their names: the cache first, then the network (and keep it).
  event.respondWith(
    caches.match(request, { ignoreSearch: true, ignoreVary: true }).then((cached) =>
      cached ??
      fetch(request).then((response) => {
        if (response.ok) {
          const copy = response.clone();
          caches.open(cacheName).then((cache) => cache.put(request, copy));
        }
        return response;
      }),
    ),
  );
});
`;
}

/** The Astro integration that writes sw.js into the build output. */
export function serviceWorker(): AstroIntegration {
  let base = '/';
  return {
    name: 'gctrace-lab-service-worker',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
      },
      'astro:build:done': ({ dir }) => {
        const root = fileURLToPath(dir);
        const files = walk(root)
          .map((file) => relative(root, file))
          .filter((file) => !file.startsWith('.') && file !== 'sw.js' && !file.endsWith('.map'));
        const hash = createHash('sha256');
        const precache: string[] = [];
        const onDemand: string[] = [];
        for (const file of files.sort()) {
          const full = join(root, file);
          hash.update(file).update(readFileSync(full));
          if (isFetchedOnRun(file)) continue;
          const large = !file.endsWith('.html') && statSync(full).size >= largeFileBytes;
          (large ? onDemand : precache).push(urlOfFile(file, base));
        }
        const version = hash.digest('hex').slice(0, 12);
        writeFileSync(join(root, 'sw.js'), serviceWorkerSource(precache, onDemand, version, base));
      },
    },
  };
}
