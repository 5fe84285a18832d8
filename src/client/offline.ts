/**
 * Registers the service worker that keeps the site readable offline; wires the footer's "Save for
 * offline use" button, which also fetches the editor so cells keep it offline and asks the browser
 * to keep the site's storage (saved edits included) when space runs low; and says when the page
 * shown came from the offline copy on a slow connection and a newer one has arrived since.
 */
const base = import.meta.env.BASE_URL.endsWith('/')
  ? import.meta.env.BASE_URL
  : `${import.meta.env.BASE_URL}/`;

function setStatus(text: string): void {
  const status = document.querySelector<HTMLElement>('[data-offline-status]');
  if (status) status.textContent = text;
}

/** Asks for persistent storage; false where the browser says no or has no such request. */
async function keepStorage(): Promise<boolean> {
  try {
    return (await navigator.storage?.persist?.()) ?? false;
  } catch {
    return false;
  }
}

async function saveEverything(): Promise<void> {
  // Asked first, while the click still counts as the reader's own gesture.
  const kept = keepStorage();
  const registration = await navigator.serviceWorker.ready;
  const worker = registration.active;
  if (!worker) return setStatus('Offline use is not available in this browser.');
  setStatus('Saving the site, editor included…');
  navigator.serviceWorker.addEventListener('message', async function onMessage(event) {
    if (event.data?.type === 'cached-everything') {
      navigator.serviceWorker.removeEventListener('message', onMessage);
      setStatus(
        (await kept)
          ? 'Saved: every page and the editor now work without a network, and the browser will keep them and your edits.'
          : 'Saved: every page and the editor now work without a network. The browser may still clear them if it runs short of space.',
      );
    } else if (event.data?.type === 'cache-failed') {
      navigator.serviceWorker.removeEventListener('message', onMessage);
      setStatus('Saving failed; check the connection and try again.');
    }
  });
  worker.postMessage({ type: 'cache-everything' });
}

function showUpdate(message: string): void {
  const box = document.querySelector<HTMLElement>('[data-update-text]');
  const text = document.querySelector<HTMLElement>('[data-update-message]');
  if (!box || !text) return;
  text.textContent = message;
  box.hidden = false;
}

/**
 * Registers the service worker once the page has loaded and the browser is idle. On a first visit
 * it fetches and stores every page of the site: begun at once, that competed with the page's own
 * first layout for the CPU and the network, which a phone on a poor connection feels most.
 */
function registerWhenIdle(): void {
  const register = () => {
    navigator.serviceWorker.register(`${base}sw.js`, { scope: base }).catch(() => {
      // Offline use is a bonus: the site works the same without it.
    });
  };
  const whenIdle = () => {
    if ('requestIdleCallback' in window) requestIdleCallback(register, { timeout: 2000 });
    else setTimeout(register, 200);
  };
  if (document.readyState === 'complete') whenIdle();
  else window.addEventListener('load', whenIdle, { once: true });
}

if ('serviceWorker' in navigator && import.meta.env.PROD) {
  registerWhenIdle();
  const button = document.querySelector<HTMLButtonElement>('[data-offline-save]');
  if (button) {
    button.hidden = false;
    button.addEventListener('click', () => void saveEverything());
  }
  // The service worker showed this page from its copy because the network was slow, then the
  // network's answer turned out different (src/integrations/service-worker.ts).
  navigator.serviceWorker.addEventListener('message', (event) => {
    if (event.data?.type === 'page-updated' && event.data.path === location.pathname) {
      showUpdate('A newer version of this page is ready.');
    }
  });
  document
    .querySelector('[data-update-reload]')
    ?.addEventListener('click', () => location.reload());
  document.querySelector('[data-update-dismiss]')?.addEventListener('click', () => {
    const box = document.querySelector<HTMLElement>('[data-update-text]');
    if (box) box.hidden = true;
  });
}
