/** Messages between the workbench page and its worker (all structured-clone safe). */
import type { Diagnostic, EraId, LineKindCounts } from '../gctrace/index.ts';
import type { RangeSummary } from './summary.ts';
import type { ChartRange } from './chart-range.ts';

export type Domain = [number, number];

/** A run as the page lists it. */
export interface RunInfo {
  index: number;
  firstLine: number;
  lastLine: number;
  era: EraId;
  cycles: number;
  startReason: string | null;
  firstGc: number;
  lastGc: number;
}

export type ExportFormat = 'csv' | 'json';

export type ToWorker =
  | { type: 'load'; id: string; source: Blob; name: string }
  /** Whole lines of a live trace (started by its first append); `end`: nothing more will come. */
  | { type: 'append'; id: string; request: number; name: string; text: string; end: boolean }
  | { type: 'cancel'; id: string }
  | { type: 'drop'; id: string }
  | { type: 'view'; id: string; request: number; run: number; domain: Domain | null }
  | { type: 'summary'; id: string; request: number; run: number; domain: Domain | null }
  | { type: 'page'; id: string; request: number; firstLine: number; count: number }
  | {
      type: 'export';
      id: string;
      request: number;
      run: number;
      domain: Domain | null;
      format: ExportFormat;
    };

/** The trace as read so far (or completely, when `final`). */
export interface TraceState {
  final: boolean;
  name: string;
  bytes: number;
  lineCount: number;
  cycleCount: number;
  runs: RunInfo[];
  mainRun: number;
  problems: Diagnostic[];
  problemCount: number;
  diagnosticCounts: { error: number; warning: number; info: number };
  lineKinds: LineKindCounts;
  /** The file does not look like text (its first bytes hold NULs or control characters). */
  binary: boolean;
  /** Bytes the worker holds for this trace (columns and samples). */
  heldBytes: number;
  /** Milliseconds since the load started. */
  elapsedMs: number;
}

export type FromWorker =
  | { type: 'progress'; id: string; bytes: number; total: number; lines: number; cycles: number }
  | { type: 'state'; id: string; state: TraceState; preview: ChartRange | null }
  | { type: 'appended'; id: string; request: number; state: TraceState }
  | { type: 'view'; id: string; request: number; run: number; view: ChartRange }
  | { type: 'summary'; id: string; request: number; run: number; summary: RangeSummary }
  | { type: 'page'; id: string; request: number; firstLine: number; lines: string[] }
  | { type: 'export'; id: string; request: number; blob: Blob }
  | { type: 'cancelled'; id: string }
  | { type: 'error'; id: string; request: number | null; message: string };
