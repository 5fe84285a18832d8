import { columnTip, writeColumn, type DenseColumns } from './dense-columns.ts';
import { svgNs } from './svg.ts';

/** Each dense chart's columns, by chart, for `chartWithTooltips`. */
const denseSources = new WeakMap<SVGSVGElement, () => DenseColumns | null>();

/** Lets `chartWithTooltips` find what a chart's pixel columns show. */
export function registerDenseColumns(node: SVGSVGElement, shown: () => DenseColumns | null): void {
  denseSources.set(node, shown);
}

/**
 * A copy of a chart's SVG for saving as a file, with every tooltip written out: in a dense
 * chart each pixel column gets a hit target of its own with its tooltip (the live chart works
 * them out as the pointer moves, which a saved file cannot).
 */
export function chartWithTooltips(node: SVGSVGElement): SVGSVGElement {
  const copy = node.cloneNode(true) as SVGSVGElement;
  const shown = denseSources.get(node)?.();
  const group = copy.querySelector('.plot > .buckets');
  if (shown === undefined || shown === null || group === null) return copy;
  const doc = copy.ownerDocument;
  group.replaceChildren();
  const columns = shown.extremes.first.length;
  for (let k = 0; k < columns; k++) {
    if (shown.extremes.first[k] < 0) continue;
    const rect = doc.createElementNS(svgNs, 'rect');
    writeColumn(rect, k, shown);
    const title = doc.createElementNS(svgNs, 'title');
    title.textContent = columnTip(k, shown);
    rect.append(title);
    group.append(rect);
  }
  return copy;
}
