/**
 * Keeps a program's files for offline runs (a workshop on poor Wi-Fi). The site's service worker
 * keeps every file fetched through it, the worker's download included once the page is under its
 * control; a first run before that happened did not pass through it, so the files are fetched
 * again through it (from the browser's HTTP cache, usually) as soon as it controls the page.
 */
export async function keepForOffline(urls: readonly string[]): Promise<void> {
  const serviceWorker = navigator.serviceWorker;
  if (!serviceWorker || typeof caches === 'undefined') return;
  const fetchMissing = async () => {
    for (const url of urls) {
      try {
        if (await caches.match(url, { ignoreSearch: true })) continue;
        const response = await fetch(url);
        // Reading the body lets the service worker's copy complete.
        await response.arrayBuffer();
      } catch {
        // Offline or refused: the next run that succeeds tries again.
      }
    }
  };
  if (serviceWorker.controller) await fetchMissing();
  else
    serviceWorker.addEventListener('controllerchange', () => void fetchMissing(), { once: true });
}
