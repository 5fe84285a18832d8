/** The SVG namespace, for elements made with `createElementNS`. */
export const svgNs = 'http://www.w3.org/2000/svg';

/** A coordinate to two decimals, as the charts write them. */
export function round(v: number): number {
  return Math.round(v * 100) / 100;
}

/** A coordinate to three decimals, as d3's line() writes them. */
export function round3(v: number): number {
  return Math.round(v * 1000) / 1000;
}

/** Sets an attribute only when its value changes (an equal write still costs the browser). */
export function setIfChanged(element: Element, name: string, value: string): void {
  if (element.getAttribute(name) !== value) element.setAttribute(name, value);
}

/** `base` with the classes of a highlighted and a selected cycle or column. */
export function stateClass(base: string, highlighted: boolean, selected: boolean): string {
  return base + (highlighted ? ' is-highlighted' : '') + (selected ? ' is-selected' : '');
}
