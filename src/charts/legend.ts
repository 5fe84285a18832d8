import { select, type Selection } from 'd3-selection';
import { legendColumn, legendRow } from './layout.ts';
import type { MarkSpec } from './spec.ts';
import { symbolPath } from './symbols.ts';

type G = Selection<SVGGElement, unknown, null, undefined>;

/** One legend line: a series with its swatch, or a note (`mark` null) in text only. */
export interface LegendEntry {
  key: string;
  label: string;
  mark: MarkSpec | null;
}

/** Draws the legend above the plot, `perRow` entries a row, starting at x = `left`. */
export function drawLegend(
  legend: G,
  entries: readonly LegendEntry[],
  perRow: number,
  dense: boolean,
  left: number,
): void {
  legend
    .attr('transform', `translate(${left},8)`)
    // Children only: the swatch groups inside the items must not join as items.
    .selectChildren<SVGGElement, LegendEntry>('g')
    .data(entries, (e) => e.key)
    .join((enter) => {
      const g = enter.append('g');
      g.append('g');
      g.append('text').attr('dy', '0.32em');
      return g;
    })
    .attr('class', (e) => (e.mark ? 'legend-item' : 'legend-item note'))
    .attr('transform', (_, i) => {
      const at = [(i % perRow) * legendColumn, Math.floor(i / perRow) * legendRow + 6];
      return `translate(${at[0]},${at[1]})`;
    })
    .each(function (entry) {
      const item = select(this);
      item
        .select('text')
        .attr('x', entry.mark ? 22 : 0)
        .text(entry.label);
      const swatch = item.select<SVGGElement>('g').attr('class', `swatch ${entry.key}`);
      swatch.selectAll('*').remove();
      drawSwatch(swatch, entry.mark, dense);
    });
}

/** A series' sample mark: a square for bars, its line and symbol otherwise (no symbol when dense). */
function drawSwatch(swatch: G, mark: MarkSpec | null, dense: boolean): void {
  if (mark === null) return;
  if (mark.type === 'bar') {
    swatch
      .append('rect')
      .attr('x', 4)
      .attr('y', -5)
      .attr('width', 10)
      .attr('height', 10)
      .attr('fill', 'currentColor');
    return;
  }
  const showLine = mark.type === 'line' || dense;
  if (showLine) {
    swatch
      .append('line')
      .attr('x2', 18)
      .attr('stroke', 'currentColor')
      .attr('stroke-width', mark.strokeWidth)
      .attr('stroke-dasharray', mark.dash || null);
  }
  if (mark.symbol && !dense) {
    swatch
      .append('path')
      .attr('d', symbolPath(mark.symbol))
      .attr('transform', 'translate(9,0)')
      .attr('fill', 'currentColor');
  }
}
