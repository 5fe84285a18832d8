/**
 * A chart past one cycle per two pixels draws pixel columns: each series as one path through
 * every column's extremes, and hit targets that describe the column under the pointer.
 */
import type { ScaleLinear } from 'd3-scale';
import type { Selection } from 'd3-selection';
import { columnExtremes, columnPath, columnValue, type ColumnExtremes } from './pixel-columns.ts';
import type { Series } from './spec.ts';
import { round, round3, setIfChanged, stateClass, svgNs } from './svg.ts';
import { tooltipText } from './tooltip.ts';
import type { ChartCycle, ChartKind } from './types.ts';
import type { ChartUnits } from './units.ts';

/** The pixel columns of a dense chart and the column of each cycle (-1: outside the plot). */
export interface Pixels {
  columns: number;
  columnWidth: number;
  column: Int32Array;
}

/** What a dense chart's pixel columns show: their cycles' extremes and their state classes. */
export interface DenseColumns {
  cycles: readonly ChartCycle[];
  /** Of the primary series, counting every cycle (-1 stands in for a missing value). */
  extremes: ColumnExtremes;
  columnWidth: number;
  plotWidth: number;
  plotHeight: number;
  /** Class of each highlighted or selected column. */
  states: ReadonlyMap<number, string>;
  kind: ChartKind;
  /** The chart's units, for the tooltips. */
  units: ChartUnits;
  /** Legend label of the series whose peak stands for a column. */
  primaryLabel: string;
  /** The cycles are a sample of more (`ChartOptions.sampled`). */
  sampled: boolean;
}

/**
 * The hit targets of a dense chart: one transparent target over the whole plot, which takes
 * the data attributes and tooltip of the pixel column under the pointer as it moves (worked
 * out from the kept data, see `pointTo`), and one per highlighted or selected column, which
 * carries that column's. A redraw thus touches a handful of elements whatever the data.
 */
export class DenseHitTargets {
  /** What the columns show now, or null while the chart is not dense. */
  shown: DenseColumns | null = null;
  private readonly doc: Document;
  private readonly group: Selection<SVGGElement, unknown, null, undefined>;
  private plotHit: SVGRectElement | null = null;
  /** The targets of highlighted or selected columns, by column. */
  private readonly marked = new Map<number, SVGRectElement>();
  private pointerColumn: number | null = null;
  /** The one tooltip element, moved to the target under the pointer. */
  private tip: SVGTitleElement | null = null;

  constructor(doc: Document, group: Selection<SVGGElement, unknown, null, undefined>) {
    this.doc = doc;
    this.group = group;
    const pointTo = (event: Event) => this.pointTo(event);
    for (const type of ['pointerover', 'pointermove', 'pointerdown']) group.on(type, pointTo);
    group.on('pointerleave', () => {
      this.pointerColumn = null;
    });
  }

  /** Draws the targets for `cycles` in `pixels` (none when `pixels` is null: not dense). */
  draw(
    cycles: readonly ChartCycle[],
    pixels: Pixels | null,
    primary: Series,
    kind: ChartKind,
    sampled: boolean,
    plotWidth: number,
    plotHeight: number,
    highlight: ReadonlySet<number>,
    selected: number | null,
    units: ChartUnits,
  ): void {
    const group = this.group.node();
    if (group === null) return;
    const { doc, marked } = this;
    if (pixels === null) {
      this.plotHit?.remove();
      this.plotHit = null;
      for (const rect of marked.values()) rect.remove();
      marked.clear();
      this.shown = null;
      this.pointerColumn = null;
      return;
    }
    const { columns, columnWidth, column } = pixels;
    // Every cycle counts in its column, with or without a value of the primary series.
    const extremes = columnExtremes(
      cycles.length,
      column,
      columns,
      (i) => primary.value(cycles[i]) ?? -1,
    );
    const lit = new Set<number>();
    const picked = new Set<number>();
    cycles.forEach((c, i) => {
      if (column[i] < 0) return;
      if (highlight.has(c.line)) lit.add(column[i]);
      if (selected === c.line) picked.add(column[i]);
    });
    const states = new Map<number, string>();
    for (const k of [...lit, ...picked])
      states.set(k, stateClass('bucket hit', lit.has(k), picked.has(k)));
    const shown: DenseColumns = {
      cycles,
      extremes,
      columnWidth,
      plotWidth,
      plotHeight,
      states,
      kind,
      units,
      primaryLabel: primary.label,
      sampled,
    };
    this.shown = shown;
    if (this.plotHit === null) {
      this.plotHit = doc.createElementNS(svgNs, 'rect');
      this.plotHit.setAttribute('class', 'hit columns');
      group.prepend(this.plotHit);
    }
    const plotHit = this.plotHit;
    setIfChanged(plotHit, 'width', String(round(plotWidth)));
    setIfChanged(plotHit, 'height', String(plotHeight));
    for (const [k, rect] of marked) {
      if (states.has(k)) continue;
      rect.remove();
      marked.delete(k);
    }
    for (const k of [...states.keys()].sort((a, b) => a - b)) {
      let rect = marked.get(k);
      if (rect === undefined) {
        rect = doc.createElementNS(svgNs, 'rect');
        marked.set(k, rect);
      }
      writeColumn(rect, k, shown);
      group.append(rect);
    }
    // The column under the pointer keeps its description true to the new data.
    if (this.pointerColumn !== null) this.describeColumn(plotHit, this.pointerColumn);
    const tip = this.tip;
    const tipOn = tip?.parentNode;
    if (tip && tipOn !== plotHit && ![...marked.values()].some((r) => r === tipOn)) tip.remove();
    else if (tip && tipOn && tipOn !== plotHit) {
      const k = [...marked].find(([, r]) => r === tipOn)?.[0];
      if (k !== undefined) tip.textContent = columnTip(k, shown);
    }
  }

  /** Gives the plot's target the data and tooltip of column `k` (none for an empty column). */
  private describeColumn(target: Element, k: number | null): void {
    const shown = this.shown;
    if (shown === null || k === null || shown.extremes.first[k] < 0) {
      for (const name of ['data-line', 'data-gc', 'data-lines']) target.removeAttribute(name);
      this.tip?.remove();
      return;
    }
    writeColumnData(target, k, shown);
    this.showTip(target, columnTip(k, shown));
  }

  private showTip(target: Element, text: string): void {
    this.tip ??= this.doc.createElementNS(svgNs, 'title');
    this.tip.textContent = text;
    if (this.tip.parentNode !== target) target.append(this.tip);
  }

  /** Follows the pointer over the targets (pointerover, pointermove, pointerdown). */
  private pointTo(event: Event): void {
    const target = event.target as Element;
    const shown = this.shown;
    if (shown === null) return;
    const plotHit = this.plotHit;
    if (plotHit !== null && target === plotHit) {
      const k = columnAt(plotHit, (event as MouseEvent).clientX, shown);
      if (k !== this.pointerColumn || !plotHit.hasAttribute('data-line')) {
        this.pointerColumn = k;
        this.describeColumn(plotHit, k);
      }
      return;
    }
    const k = [...this.marked].find(([, r]) => r === target)?.[0];
    if (k === undefined) return;
    this.showTip(target, columnTip(k, shown));
  }
}

/** The tooltip of pixel column `k`: its cycles, and the exact values of its peak. */
export function columnTip(k: number, shown: DenseColumns): string {
  const { cycles, extremes } = shown;
  const top = cycles[extremes.high[k]];
  const count = extremes.count[k];
  const text = tooltipText(top, shown.kind, shown.units);
  if (count === 1) return text;
  const gcs = `gc ${cycles[extremes.first[k]].gc}–${cycles[extremes.last[k]].gc}`;
  const range = shown.sampled ? gcs : `${count} cycles, ${gcs}`;
  return `${range}; highest ${shown.primaryLabel}: ${text}`;
}

/** The lines of column `k`'s cycles, and the line and number of its peak. */
function writeColumnData(target: Element, k: number, shown: DenseColumns): void {
  const { cycles, extremes } = shown;
  const top = cycles[extremes.high[k]];
  setIfChanged(target, 'data-line', String(top.line));
  setIfChanged(target, 'data-gc', String(top.gc));
  setIfChanged(
    target,
    'data-lines',
    `${cycles[extremes.first[k]].line}-${cycles[extremes.last[k]].line}`,
  );
}

/** Makes `rect` the hit target of column `k` alone: place, state and data. */
export function writeColumn(rect: Element, k: number, shown: DenseColumns): void {
  const w = shown.columnWidth;
  setIfChanged(rect, 'class', shown.states.get(k) ?? 'bucket hit');
  writeColumnData(rect, k, shown);
  setIfChanged(rect, 'x', String(round(k * w)));
  setIfChanged(rect, 'width', String(round((k + 1) * w - k * w)));
  setIfChanged(rect, 'height', String(shown.plotHeight));
}

/** The pixel column under a pointer at `clientX`, or null outside the plot or without layout. */
function columnAt(
  plotHit: SVGGraphicsElement,
  clientX: number,
  shown: DenseColumns,
): number | null {
  const matrix = typeof plotHit.getScreenCTM === 'function' ? plotHit.getScreenCTM() : null;
  if (matrix === null || matrix.a === 0) return null;
  const x = (clientX - matrix.e) / matrix.a;
  if (!(x >= 0 && x <= shown.plotWidth)) return null;
  const columns = shown.extremes.first.length;
  return Math.min(columns - 1, Math.floor(x / shown.columnWidth));
}

/**
 * The path of one series of a dense chart: per pixel column a one-pixel bar to the column's
 * highest value, or a line through the column's first, lowest, highest and last value.
 */
export function densePath(
  s: Series,
  extremes: ColumnExtremes,
  xs: readonly number[],
  y: ScaleLinear<number, number>,
  pixels: Pixels,
  plotHeight: number,
): string {
  const { columns, columnWidth } = pixels;
  const yOf = linear(y);
  let d = '';
  if (s.mark.type === 'bar') {
    for (let k = 0; k < columns; k++) {
      if (extremes.first[k] < 0) continue;
      const middle = (k * columnWidth + (k + 1) * columnWidth) / 2;
      d += `M${round(middle)},${plotHeight}V${round(yOf(extremes.highValue[k]))}`;
    }
    return d;
  }
  // As d3's line(): coordinates to three decimals, and a lone point closed into a dot.
  const visit: number[] = [];
  let points = 0;
  for (let k = 0; k < columns; k++) {
    const n = columnPath(extremes, k, xs, visit);
    for (let j = 0; j < n; j++) {
      const i = visit[j];
      d += `${points++ === 0 ? 'M' : 'L'}${round3(xs[i])},${round3(yOf(columnValue(extremes, k, i)))}`;
    }
  }
  return points === 1 ? d + 'Z' : d;
}

/** The highest value in any column (at least 0), as the sparse chart's peak over the same cycles. */
export function peakOfColumns(extremes: ReadonlyMap<string, ColumnExtremes>): number {
  let top = 0;
  for (const e of extremes.values())
    for (let k = 0; k < e.first.length; k++)
      if (e.first[k] >= 0) top = Math.max(top, e.highValue[k]);
  return top;
}

/**
 * A linear scale of two-number domain and range as a plain function, with d3's arithmetic (so
 * the same numbers), for the thousands of points of a dense chart.
 */
function linear(scale: ScaleLinear<number, number>): (v: number) => number {
  const [d0, d1] = scale.domain();
  const [r0, r1] = scale.range();
  const span = d1 - d0;
  if (!(span > 0) || scale.clamp()) return (v) => scale(v);
  return (v) => {
    const t = (v - d0) / span;
    return r0 * (1 - t) + r1 * t;
  };
}
