/**
 * <site-search>: a dialog that searches the lessons and the glossary with Pagefind's static index.
 * `/` or Ctrl-K (⌘K) opens it, except while typing in a field or an editor; the arrow keys move
 * between the input and the results; each result links to its heading.
 */
import {
  describeHits,
  searchHits,
  type PagefindModule,
  type SearchHit,
} from '../site/search-results.ts';

/** Pages whose sections are listed; Pagefind ranks them, so the best come first. */
const pagesShown = 8;

/** True when keys typed at `target` belong to it: fields, editors, anything editable. */
function isTyping(target: EventTarget | null): boolean {
  return (
    target instanceof Element &&
    target.closest(
      'input, textarea, select, [contenteditable]:not([contenteditable="false"]), .monaco-editor',
    ) !== null
  );
}

function hitItem(hit: SearchHit): HTMLLIElement {
  const item = document.createElement('li');
  const link = document.createElement('a');
  link.href = hit.url;
  const title = document.createElement('span');
  title.className = 'hit-title';
  title.textContent = hit.title;
  link.append(title);
  if (hit.page !== hit.title) {
    const page = document.createElement('span');
    page.className = 'hit-page';
    page.textContent = hit.page;
    link.append(page);
  }
  const excerpt = document.createElement('span');
  excerpt.className = 'hit-excerpt';
  for (const part of hit.excerpt) {
    if (part.marked) {
      const mark = document.createElement('mark');
      mark.textContent = part.text;
      excerpt.append(mark);
    } else excerpt.append(part.text);
  }
  link.append(excerpt);
  item.append(link);
  return item;
}

class SiteSearch extends HTMLElement {
  private pagefind: Promise<PagefindModule> | null = null;
  private latest = '';

  connectedCallback(): void {
    const button = this.querySelector<HTMLButtonElement>('[data-search-open]');
    const dialog = this.querySelector<HTMLDialogElement>('[data-search-dialog]');
    const input = this.querySelector<HTMLInputElement>('[data-search-input]');
    const list = this.querySelector<HTMLOListElement>('[data-search-results]');
    const form = this.querySelector<HTMLFormElement>('[data-search-form]');
    const close = this.querySelector<HTMLButtonElement>('[data-search-close]');
    const status = this.querySelector<HTMLElement>('[data-search-status]');
    if (!button || !dialog || !input || !list || !form || !close || !status) return;
    if (typeof dialog.showModal !== 'function') return;
    button.hidden = false;

    const open = () => {
      if (!dialog.open) dialog.showModal();
      input.focus();
      input.select();
      void this.load().catch(() => undefined);
    };
    const links = () => [...list.querySelectorAll<HTMLAnchorElement>('a')];

    button.addEventListener('click', open);
    // Start fetching the index as soon as the pointer heads for the button.
    button.addEventListener('pointerenter', () => void this.load().catch(() => undefined), {
      once: true,
    });
    close.addEventListener('click', () => dialog.close());
    // A click on the backdrop (the dialog box itself, outside its content) closes it.
    dialog.addEventListener('click', (event) => {
      if (event.target === dialog) dialog.close();
    });
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      links()[0]?.click();
    });
    input.addEventListener('input', () => void this.search(input.value, list, status));
    // A result on this same page only changes the hash: the dialog must get out of the way.
    list.addEventListener('click', (event) => {
      if ((event.target as Element).closest('a')) dialog.close();
    });
    dialog.addEventListener('keydown', (event) => {
      if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
      const all = links();
      if (all.length === 0) return;
      const at = all.indexOf(document.activeElement as HTMLAnchorElement);
      const down = event.key === 'ArrowDown';
      if (at === -1 && document.activeElement !== input) return;
      event.preventDefault();
      if (at === -1) {
        if (down) all[0]!.focus();
      } else if (down) all[Math.min(at + 1, all.length - 1)]!.focus();
      else if (at === 0) input.focus();
      else all[at - 1]!.focus();
    });
    document.addEventListener('keydown', (event) => {
      if (event.defaultPrevented || dialog.open || isTyping(event.target)) return;
      const slash = event.key === '/' && !event.ctrlKey && !event.metaKey && !event.altKey;
      const commandK =
        event.key.toLowerCase() === 'k' && (event.ctrlKey || event.metaKey) && !event.altKey;
      if (!slash && !commandK) return;
      event.preventDefault();
      open();
    });
  }

  /** pagefind.js, imported once from the built site's index folder. */
  private load(): Promise<PagefindModule> {
    this.pagefind ??= (async () => {
      const module = (await import(
        /* @vite-ignore */ `${this.dataset.index ?? '/pagefind/'}pagefind.js`
      )) as PagefindModule;
      await module.options({ baseUrl: this.dataset.base ?? '/', excerptLength: 24 });
      await module.init();
      return module;
    })();
    // A failed load (offline before the index was cached) may succeed on a later try.
    this.pagefind.catch(() => (this.pagefind = null));
    return this.pagefind;
  }

  private async search(query: string, list: HTMLElement, status: HTMLElement): Promise<void> {
    const wanted = query.trim();
    this.latest = wanted;
    if (wanted === '') {
      list.replaceChildren();
      status.textContent = '';
      return;
    }
    let pagefind: PagefindModule;
    try {
      if (this.pagefind === null) status.textContent = 'Loading the search index…';
      pagefind = await this.load();
    } catch {
      if (this.latest !== wanted) return;
      list.replaceChildren();
      status.textContent =
        'Search is not available: its index could not be loaded. Search works on the built ' +
        'site, and offline once the site has been opened with a connection.';
      return;
    }
    const found = await pagefind.debouncedSearch(wanted, {}, 120);
    // null: a newer query replaced this one while it waited.
    if (found === null || this.latest !== wanted) return;
    const pages = await Promise.all(found.results.slice(0, pagesShown).map((r) => r.data()));
    if (this.latest !== wanted) return;
    list.replaceChildren(...searchHits(pages).map(hitItem));
    status.textContent = describeHits(wanted, found.results.length);
  }
}

if (!customElements.get('site-search')) customElements.define('site-search', SiteSearch);
