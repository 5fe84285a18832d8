/** One polite live region for the page: a button's own text changing is not announced. */
function announcer(): HTMLElement {
  let region = document.querySelector<HTMLElement>('[data-copy-announcer]');
  if (region === null) {
    region = document.createElement('p');
    region.className = 'visually-hidden';
    region.setAttribute('role', 'status');
    region.dataset.copyAnnouncer = '';
    document.body.append(region);
  }
  return region;
}

/** Adds a "Copy" button to every highlighted code block; it exists only where copying works. */
function addCopyButtons(): void {
  if (!navigator.clipboard) return;
  // The region is in the page before anything is said in it, or the first message may be lost.
  if (document.querySelector('pre.astro-code')) announcer();
  for (const pre of document.querySelectorAll<HTMLPreElement>('pre.astro-code')) {
    if (pre.parentElement?.classList.contains('code-block')) continue;
    const wrapper = document.createElement('div');
    wrapper.className = 'code-block';
    pre.replaceWith(wrapper);
    wrapper.append(pre);
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'button button-small button-raised copy-button';
    button.textContent = 'Copy';
    button.setAttribute('aria-label', 'Copy code to clipboard');
    button.addEventListener('click', async () => {
      const region = announcer();
      try {
        await navigator.clipboard.writeText(pre.innerText.replace(/\n$/, ''));
        button.textContent = 'Copied';
      } catch {
        button.textContent = 'Copy failed';
      }
      // Emptied first so that a second copy of the same block is announced again.
      region.textContent = '';
      setTimeout(() => (region.textContent = button.textContent ?? ''), 50);
      setTimeout(() => (button.textContent = 'Copy'), 1600);
    });
    wrapper.append(button);
  }
}

addCopyButtons();
