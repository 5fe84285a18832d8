/** What the pages that drive a trace cell from script (simulator, presenter) share. */

/** The part of the <trace-cell> element those pages use (defined in src/client/trace-cell.ts). */
export interface TraceCell extends HTMLElement {
  setOriginal(text: string): void;
  readonly value: string;
}

/**
 * Runs `change` to a cell without letting it move focus or scroll the page: a keyboard user on a
 * slider or a replay button stays there while the cell below takes the new trace.
 */
export function keepingFocus(change: () => void): void {
  const active = document.activeElement;
  const { scrollX, scrollY } = window;
  change();
  if (document.activeElement === active) return;
  if (active instanceof HTMLElement && active !== document.body)
    active.focus({ preventScroll: true });
  else if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
  window.scrollTo(scrollX, scrollY);
}
