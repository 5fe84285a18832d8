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

/** Where a canonical stretch ends. */
export interface CanonicalStretch {
  lineCount: number;
  /** Offset where the first line after the stretch starts (the text's length when it ran to the end). */
  end: number;
}

/**
 * Reads the canonical stretch of `text` that starts at offset `from` (the start of line
 * `firstLine`) and follows cycle `previous` (null at a trace's first cycle); it may be empty.
 * Each cycle goes to `take` as soon as it is read, so a reader that keeps only columns holds no
 * more than one cycle at a time (fewer objects outlive a minor collection); the notes
 * `parseTrace` would make about them go to `diagnostics`.
 */
export function readCanonicalStretch(
  text: string,
  from: number,
  firstLine: number,
  previous: GcCycle | null,
  take: (cycle: GcCycle) => void,
  diagnostics: Diagnostic[],
): CanonicalStretch {
  let last = previous;
  let line = firstLine;
  let p = from;
  while (p < text.length) {
    const cycle = fastModernCycle(text, p, line, 1);
    if (cycle === null || (last !== null && !continues(last, cycle))) break;
    noteSuspiciousFastValues(cycle, diagnostics);
    take(cycle);
    last = cycle;
    line++;
    p = lineAfter(text, fastLineEnd);
  }
  return { lineCount: line - firstLine, end: Math.min(p, text.length) };
}
