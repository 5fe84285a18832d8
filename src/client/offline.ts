/**
 * Registers the service worker that keeps the site readable offline, and wires the footer's
 * "Save for offline use" button, which also fetches the editor so cells keep it offline.
 */
const base = import.meta.env.BASE_URL.endsWith('/')
  ? import.meta.env.BASE_URL
  : `${import.meta.env.BASE_URL}/`;

function setStatus(text: string): void {
  const status = document.querySelector<HTMLElement>('[data-offline-status]');
  if (status) status.textContent = text;
}

async function saveEverything(): Promise<void> {
  const registration = await navigator.serviceWorker.ready;
  const worker = registration.active;
  if (!worker) return setStatus('Offline use is not available in this browser.');
  setStatus('Saving the site, editor included…');
  navigator.serviceWorker.addEventListener('message', function onMessage(event) {
    if (event.data?.type === 'cached-everything') {
      setStatus('Saved: every page and the editor now work without a network.');
    } else if (event.data?.type === 'cache-failed') {
      setStatus('Saving failed; check the connection and try again.');
    } else return;
    navigator.serviceWorker.removeEventListener('message', onMessage);
  });
  worker.postMessage({ type: 'cache-everything' });
}

if ('serviceWorker' in navigator && import.meta.env.PROD) {
  navigator.serviceWorker.register(`${base}sw.js`, { scope: base }).catch(() => {
    // Offline use is a bonus: the site works the same without it.
  });
  const button = document.querySelector<HTMLButtonElement>('[data-offline-save]');
  if (button) {
    button.hidden = false;
    button.addEventListener('click', () => void saveEverything());
  }
}
