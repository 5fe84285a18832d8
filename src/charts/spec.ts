import type { CurveFactory, SymbolType } from 'd3-shape';
import type { SeriesInfo } from './kinds.ts';
import type { ChartCycle, ChartKind, ChartOptions } from './types.ts';
import type { ChartUnits } from './units.ts';

/** How one series is drawn. Every series is a single path when the chart is dense. */
export type MarkSpec =
  /**
   * A symbol per cycle, nudged `offset` steps (-1, 0, 1) along x so equal values stay apart;
   * a line with this dash pattern when dense.
   */
  | { type: 'dot'; symbol: SymbolType; offset: number; dash: string; strokeWidth: number }
  /** A bar from zero per cycle; a one-pixel bar per pixel column (to the column's peak) when dense. */
  | { type: 'bar' }
  /**
   * A line through the cycles, optionally with a symbol on each; `fromLeft` carries the first
   * value back to the plot's left edge (for values that held before their cycle).
   */
  | {
      type: 'line';
      curve: CurveFactory;
      dash: string;
      strokeWidth: number;
      symbol?: SymbolType;
      fromLeft?: boolean;
    };

/** What a chart file tells the shared frame. */
export interface ChartSpec {
  kind: ChartKind;
  /** How each series of `kinds[kind]` is drawn, by series key. */
  marks: Readonly<Record<string, MarkSpec>>;
  /** Series whose peak stands for a pixel column's cycles when dense. */
  primary: string;
  /** One or two sentences for the SVG `<desc>`, in the chart's units. */
  describe(data: readonly ChartCycle[], units: ChartUnits): string;
  /** Extra legend lines (text only). */
  notes?(data: readonly ChartCycle[], options: ChartOptions): string[];
}

/** A series of a chart with how it is drawn. */
export interface Series extends SeriesInfo {
  mark: MarkSpec;
}
