/** Messages between trace cells and the worker that parses big traces for them. */
import type { ExplainOptions, Explanation } from '../gctrace/index.ts';
import type { CellView } from './model.ts';
import type { PackedCycles } from '../charts/packed-cycles.ts';

export type CellWorkerRequest =
  /** Parse and analyse this cell's text; the worker keeps the result for the next request. */
  | { type: 'build'; cell: string; id: number; text: string }
  /** Explain the field at a position of the cell's latest text. */
  | {
      type: 'explain';
      cell: string;
      id: number;
      line: number;
      column: number;
      options: ExplainOptions;
    }
  /** The cell's text is small again (parsed on the page): drop what the worker keeps. */
  | { type: 'forget'; cell: string };

export type CellWorkerResponse =
  /**
   * `chartCycles` travels as transferred columns (a structured clone of ten thousand objects
   * costs the page several milliseconds to read), and is null when it is the same as in the
   * cell's previous response.
   */
  | {
      type: 'built';
      cell: string;
      id: number;
      view: Omit<CellView, 'chartCycles'> & { chartCycles: PackedCycles | null };
    }
  | { type: 'explained'; cell: string; id: number; explanation: Explanation | null }
  /** This cell's text could not be read (the worker carries on for the other cells). */
  | { type: 'failed'; cell: string; id: number; message: string };
