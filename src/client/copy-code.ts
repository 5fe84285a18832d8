/** Adds a "Copy" button to every highlighted code block; it exists only where copying works. */
function addCopyButtons(): void {
  if (!navigator.clipboard) return;
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
      try {
        await navigator.clipboard.writeText(pre.innerText.replace(/\n$/, ''));
        button.textContent = 'Copied';
      } catch {
        button.textContent = 'Copy failed';
      }
      setTimeout(() => (button.textContent = 'Copy'), 1600);
    });
    wrapper.append(button);
  }
}

addCopyButtons();
