/**
 * <forget-everything>: a button that, once the learner confirms in a dialog, removes everything
 * the site keeps in this browser (src/site/forget.ts) and says what it removed.
 */
import { describeForgotten, forgetEverything, type DeviceStores } from '../site/forget.ts';
import { browserStorage } from '../site/browser-storage.ts';

/** Reads a store that the browser may lack or refuse (a SecurityError when storage is off). */
function guarded<T>(read: () => T | undefined): T | null {
  try {
    return read() ?? null;
  } catch {
    return null;
  }
}

function deviceStores(): DeviceStores {
  return {
    local: browserStorage('local'),
    session: browserStorage('session'),
    caches: guarded(() => ('caches' in window ? window.caches : undefined)),
    serviceWorker: 'serviceWorker' in navigator ? navigator.serviceWorker : null,
    indexedDB: guarded(() => window.indexedDB),
    scope: new URL(import.meta.env.BASE_URL, location.href).href,
  };
}

class ForgetEverything extends HTMLElement {
  connectedCallback(): void {
    const open = this.querySelector<HTMLButtonElement>('[data-forget-open]');
    const dialog = this.querySelector<HTMLDialogElement>('[data-forget-dialog]');
    const confirm = this.querySelector<HTMLButtonElement>('[data-forget-confirm]');
    const cancel = this.querySelector<HTMLButtonElement>('[data-forget-cancel]');
    const status = this.querySelector<HTMLElement>('[data-forget-status]');
    if (!open || !dialog || !confirm || !cancel || !status) return;
    if (typeof dialog.showModal !== 'function') return;
    open.hidden = false;
    this.querySelector<HTMLElement>('[data-forget-fallback]')?.remove();

    open.addEventListener('click', () => {
      status.textContent = '';
      dialog.showModal();
      // The safe choice has the focus, so an Enter pressed by habit keeps everything.
      cancel.focus();
    });
    cancel.addEventListener('click', () => dialog.close());
    confirm.addEventListener('click', async () => {
      confirm.disabled = true;
      status.textContent = 'Forgetting…';
      dialog.close();
      try {
        status.textContent = describeForgotten(await forgetEverything(deviceStores()));
      } finally {
        confirm.disabled = false;
      }
    });
  }
}

if (!customElements.get('forget-everything')) {
  customElements.define('forget-everything', ForgetEverything);
}
