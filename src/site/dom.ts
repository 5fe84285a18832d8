/**
 * Creates an element with attributes and text in the given document (jsdom at build time, the
 * page's in the browser). Text goes in as textContent, never innerHTML: trace text is the
 * learner's and must stay text.
 */
export function element<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  attributes: Record<string, string> = {},
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = doc.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  if (text !== undefined) node.textContent = text;
  return node;
}

/** The same, in the page's own document. */
export function pageElement<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string> = {},
  text?: string,
): HTMLElementTagNameMap[K] {
  return element(document, tag, attributes, text);
}
