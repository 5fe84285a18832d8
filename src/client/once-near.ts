/**
 * Work a page element defers until the reader nears it: a long lesson then loads without doing,
 * for every cell and panel far down it, work the reader may never scroll to.
 */

/**
 * Runs `action` once, when `element` first comes within `margin` of the viewport (a CSS
 * rootMargin such as '600px 0px'). Where the browser has no IntersectionObserver the action runs
 * at once: the work is done up front rather than never. Returns a function that stops watching,
 * for when the reader reaches for the element before it is near.
 */
export function onceNear(element: Element, action: () => void, margin: string): () => void {
  if (!('IntersectionObserver' in window)) {
    action();
    return () => {};
  }
  const observer = new IntersectionObserver(
    (entries) => {
      if (!entries.some((entry) => entry.isIntersecting)) return;
      observer.disconnect();
      action();
    },
    { rootMargin: margin },
  );
  observer.observe(element);
  return () => observer.disconnect();
}
