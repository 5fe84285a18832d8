/** The names the workbench gives the files it exports. */
import type { ChartKind } from '../charts/index.ts';
import type { ExportFormat } from './protocol.ts';

/**
 * The start of an export's file name: the trace's name without its extension and with only
 * safe characters, then the run when the trace has several.
 */
export function exportBaseName(traceName: string, run: number, runCount: number): string {
  const base = (traceName || 'trace').replace(/\.[a-z0-9]+$/i, '').replace(/[^a-z0-9._-]+/gi, '-');
  return runCount > 1 ? `${base}-run${run + 1}` : base;
}

/** The file the cycles are exported to, as CSV or JSON. */
export const cyclesFileName = (base: string, format: ExportFormat): string =>
  `${base}-cycles.${format}`;

/** The file a chart is saved to as an image: "myserver-heap.svg". */
export const chartFileName = (base: string, kind: ChartKind, format: 'svg' | 'png'): string =>
  `${base}-${kind}.${format}`;

/** The file the findings are exported to, as Markdown. */
export const findingsFileName = (base: string): string => `${base}-findings.md`;
