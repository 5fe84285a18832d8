/** One GC cycle as the charts see it: plain numbers, already derived by the page. */
export interface ChartCycle {
  /** 1-based line in the trace text, so a click on a cycle can move the editor there. */
  line: number;
  /** GC number as printed. */
  gc: number;
  /** Seconds since program start (x); the cycle index when the era prints no time. */
  t: number;
  /** False when `t` is a cycle index rather than printed seconds (tooltips then omit "@…s"). */
  timeKnown?: boolean;
  /** Heap at GC start (H0, 1st number of `H0->H1->H2 MB`), MB as printed. */
  heapStart: number;
  /** Heap at GC end (H1, 2nd number), MB. */
  heapEnd: number;
  /** Live (marked) heap (H2, 3rd number), MB; null in eras that print no third number. */
  heapLive: number | null;
  /** Heap goal in MB; null when unbounded (GOGC=off) or not printed. */
  goal: number | null;
  /** Stop-the-world pause of the cycle, ms. */
  pauseMs: number | null;
  /** The printed `#%`: GC CPU since program start, percent. */
  gcCpuPercent: number | null;
  /** GC CPU fraction of the interval since the previous cycle (0..1). */
  gcCpuIntervalFraction: number | null;
  /** Allocation rate since the previous cycle, MB/s. */
  allocRateMBps: number | null;
  /** The line ends in `(forced)`. */
  forced: boolean;
}

/** Which of the four charts (also selects tooltip and table wording). */
export type ChartKind = 'heap' | 'pause' | 'cpu' | 'alloc';

/** Rendering options shared by every chart; all optional. */
export interface ChartOptions {
  /** Document to create nodes in (jsdom at build time); defaults to `globalThis.document`. */
  document?: Document;
  /** viewBox width in user units (the SVG itself scales to its container). */
  width?: number;
  /** viewBox height in user units. */
  height?: number;
  /** x-axis label; defaults to "seconds since program start". */
  xLabel?: string;
  /** Trace lines whose cycles get the class `is-highlighted`. */
  highlight?: ReadonlySet<number>;
  /** Trace line of the selected cycle (class `is-selected`), or null. */
  selected?: number | null;
  /** Prefix for element ids; must be unique per page when a kind is shown twice. */
  idPrefix?: string;
  /** Visible x range [from, to] in the units of `t` (for zooming/brushing); defaults to the data. */
  xDomain?: readonly [number, number];
  /** Legend note shown when a goal is missing; defaults to "no goal: GC off". */
  noGoalNote?: string;
  /** Put `chartCss` inside the SVG, for standalone files (the page normally includes it once). */
  embedStyle?: boolean;
  /**
   * False draws the smallest markup: each series as one path, with no per-cycle hit targets or
   * tooltips (for a page's build-time chart, which a live one replaces when pointed at).
   * Defaults to true.
   */
  interactive?: boolean;
  /**
   * The data is a selection of a bigger run (such as a per-pixel min/max sample): a pixel
   * column's tooltip then names the GC numbers it spans rather than counting the cycles given.
   */
  sampled?: boolean;
}

/** What every chart function returns. */
export interface Chart {
  /** The chart's root element, ready to insert or serialise. */
  node: SVGSVGElement;
  /** Redraw with new data; `options` are merged over the current ones. */
  update(data: readonly ChartCycle[], options?: ChartOptions): void;
}

/** A chart's data as a table, for an accessible `<table>` under the chart. */
export interface ChartTable {
  caption: string;
  headers: string[];
  rows: (string | number)[][];
}
