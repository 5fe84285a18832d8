/**
 * The common case of a long trace, read without the general parser's bookkeeping: a stretch of
 * text made only of gc lines printed exactly as the runtime prints them, one per line from the
 * first column, each the next cycle of one process. For such text the cycles and notes are the
 * ones `parseTrace` gives; the first line that is anything else (program output, a prefix, a
 * broken line, a new run) ends the stretch, and it and what follows are left to `parseTrace`.
 */
import { continues } from './runs.ts';
import { fastLineEnd, fastModernCycle } from './fastPath.ts';
import { lineAfter } from './lines.ts';
import { noteSuspiciousFastValues } from './parse.ts';
import type { Diagnostic, GcCycle } from './types.ts';

/** The cycles of a canonical stretch, with the notes `parseTrace` would make about them. */
export interface CanonicalStretch {
  cycles: GcCycle[];
  diagnostics: Diagnostic[];
  lineCount: number;
  /** Offset where the first line after the stretch starts (the text's length when it ran to the end). */
  end: number;
}

/**
 * Reads the canonical stretch of `text` that starts at offset `from` (the start of line
 * `firstLine`) and follows cycle `previous` (null at a trace's first cycle); it may be empty.
 */
export function readCanonicalStretch(
  text: string,
  from: number,
  firstLine: number,
  previous: GcCycle | null,
): CanonicalStretch {
  const cycles: GcCycle[] = [];
  const diagnostics: Diagnostic[] = [];
  let last = previous;
  let p = from;
  while (p < text.length) {
    const cycle = fastModernCycle(text, p, firstLine + cycles.length, 1);
    if (cycle === null || (last !== null && !continues(last, cycle))) break;
    noteSuspiciousFastValues(cycle, diagnostics);
    cycles.push(cycle);
    last = cycle;
    p = lineAfter(text, fastLineEnd);
  }
  return { cycles, diagnostics, lineCount: cycles.length, end: Math.min(p, text.length) };
}
