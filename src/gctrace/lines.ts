/**
 * Where a line ends: at `\n`, `\r\n` or a lone `\r`. Traces arrive from every OS and through
 * terminals and log collectors, so all three occur; every part of the project counts lines here.
 * A final line break ends the last line rather than starting an empty one.
 */

const LF = 10;
const CR = 13;

/** Where the next line starts, given the end of a line (its \n, \r\n or lone \r, or the text's end). */
export function lineAfter(text: string, eol: number): number {
  return eol < text.length && text.charCodeAt(eol) === CR && text.charCodeAt(eol + 1) === LF
    ? eol + 2
    : eol + 1;
}

/** Index of the line break that ends the line holding `from` (the text's length on the last line). */
export function lineEndFrom(text: string, from: number): number {
  let i = from;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === LF || c === CR) return i;
    i++;
  }
  return text.length;
}

/** Start offset of every line, in order. */
export function lineStarts(text: string): number[] {
  const starts: number[] = [];
  for (let p = 0; p < text.length; p = lineAfter(text, lineEndFrom(text, p))) starts.push(p);
  return starts;
}

/** The lines of a text, without their line breaks. */
export function splitLines(text: string): string[] {
  const lines: string[] = [];
  for (let p = 0; p < text.length;) {
    const end = lineEndFrom(text, p);
    lines.push(text.slice(p, end));
    p = lineAfter(text, end);
  }
  return lines;
}

/** How many lines a text has, counting no further than `stopAt` (0 for the empty text). */
export function lineCount(text: string, stopAt = Number.POSITIVE_INFINITY): number {
  let count = 0;
  for (let p = 0; p < text.length && count < stopAt; p = lineAfter(text, lineEndFrom(text, p)))
    count++;
  return count;
}

/** 1-based line of a character offset; an offset just past a line break is on the next line. */
export function lineOfOffset(text: string, offset: number): number {
  let line = 1;
  for (let p = 0; ; line++) {
    const end = lineEndFrom(text, p);
    if (end >= text.length || offset <= end) return line;
    const next = lineAfter(text, end);
    if (offset < next) return line;
    p = next;
  }
}

/** Character offset where a 1-based line starts (the text's length past the last line). */
export function offsetOfLine(text: string, line: number): number {
  let offset = 0;
  for (let current = 1; current < line; current++) {
    const end = lineEndFrom(text, offset);
    if (end >= text.length) return text.length;
    offset = lineAfter(text, end);
  }
  return offset;
}

/**
 * Character offset where the line `linesFromEnd` lines before the end starts (1: the last line;
 * the text's length for 0 or less). The same line as `offsetOfLine` counts from the front, found
 * from the back: a reader that keeps a long text's last lines need not walk all the others.
 */
export function offsetOfLineFromEnd(text: string, linesFromEnd: number): number {
  let i = text.length;
  for (let n = 0; n < linesFromEnd && i > 0; n++) {
    // Step over this line's break (the last line may have none), then back to its start.
    if (text.charCodeAt(i - 1) === LF) {
      i--;
      if (i > 0 && text.charCodeAt(i - 1) === CR) i--;
    } else if (text.charCodeAt(i - 1) === CR) i--;
    while (i > 0) {
      const c = text.charCodeAt(i - 1);
      if (c === LF || c === CR) break;
      i--;
    }
  }
  return i;
}

/** The text without one final line break, if it has one. */
export function withoutFinalLineBreak(text: string): string {
  if (text.endsWith('\r\n')) return text.slice(0, -2);
  return text.endsWith('\n') || text.endsWith('\r') ? text.slice(0, -1) : text;
}

/** How many lines an editor shows for a text: a final line break opens an empty last line. */
export function editorLineCount(text: string): number {
  return lineOfOffset(text, text.length);
}

/**
 * Whether the first bytes of a file are not text: a NUL byte, or more than one byte in ten a
 * control character that text never holds. A gc trace is plain ASCII.
 */
export function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  let odd = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return true;
    // Tab, line feed, vertical tab, form feed, carriage return and escape (colours) are text.
    if (b < 32 && !(b >= 9 && b <= 13) && b !== 27) odd++;
  }
  return n > 0 && odd * 10 > n;
}
