/** Gc lines broken by other output, joined with their continuation on the following lines. */
import { isSpace } from './chars.ts';
import type { Content, Segment } from './content.ts';
import { columnOf, skipKnownPrefix } from './content.ts';
import { lineContents } from './gcStart.ts';
import type { GcScan } from './scanGcLine.ts';
import { scanGcLine } from './scanGcLine.ts';

/** Segments describing `c.s[from, to)` placed at index `offset` of a new string. */
function sliceSegments(c: Content, from: number, to: number, offset: number): Segment[] {
  if (c.segments === null) return [{ from: offset, line: c.line, column: from - c.lineStart + 1 }];
  const out: Segment[] = [];
  for (let i = 0; i < c.segments.length; i++) {
    const seg = c.segments[i];
    const next = i + 1 < c.segments.length ? c.segments[i + 1].from : Infinity;
    if (next <= from || seg.from >= to) continue;
    const start = Math.max(seg.from, from);
    out.push({
      from: offset + start - from,
      line: seg.line,
      column: seg.column + (start - seg.from),
    });
  }
  return out;
}

/** The continuation candidate on the line after a broken gc line: its content after any log prefix. */
export function continuationContent(text: string, a: number, b: number, line: number): Content {
  const c = lineContents(text, a, b, line)[0];
  return { ...c, start: skipKnownPrefix(c.s, c.start, c.end) };
}

/** One place where other output broke a gc line that was then rejoined. */
export interface RejoinBreak {
  /** Input line and scanned index (in that line's content) where the other output began. */
  content: Content;
  breakAt: number;
  /** The line whose content continued the gc line, and where. */
  next: Content;
}

/** How many following lines a broken gc line may be spread over. */
export const maxContinuationLines = 8;

/**
 * Joins a gc line broken at `breakAt` with the content of the following line(s) and rescans it.
 * Accepted only when the joined text becomes a complete, clean gc line; each following line
 * must carry the scan further than the previous one did.
 */
export function tryRejoin(
  first: Content,
  gcAt: number,
  breakAt: number,
  nextLine: (line: number) => Content | null,
  wantSpans: boolean,
): { content: Content; scan: GcScan; breaks: RejoinBreak[] } | null {
  let head = first.s.slice(gcAt, breakAt);
  let segments = sliceSegments(first, gcAt, breakAt, 0);
  let brokenContent = first;
  let brokenAt = breakAt;
  const breaks: RejoinBreak[] = [];
  const column = columnOf(first, gcAt);
  for (let step = 1; step <= maxContinuationLines; step++) {
    const next = nextLine(first.line + step);
    if (next === null || next.end <= next.start) return null;
    let tailStart = next.start;
    // The runtime never prints a space after '+', '/' or '>', so leading spaces there are not gc text.
    const last = head.charCodeAt(head.length - 1);
    if (last === 43 || last === 47 || last === 62)
      while (isSpace(next.s.charCodeAt(tailStart))) tailStart++;
    const joined = head + next.s.slice(tailStart, next.end);
    const joinedSegments = [...segments, ...sliceSegments(next, tailStart, next.end, head.length)];
    const content: Content = {
      s: joined,
      start: 0,
      end: joined.length,
      line: first.line,
      lineStart: 0,
      segments: joinedSegments,
    };
    const scan = scanGcLine(joined, 0, joined.length, first.line, column, wantSpans);
    breaks.push({ content: brokenContent, breakAt: brokenAt, next: { ...next, start: tailStart } });
    if (scan.cycle !== null && scan.errorKind === null) {
      scan.cycle.endLine = next.line;
      scan.cycle.rejoined = true;
      return { content, scan, breaks };
    }
    // Continue only if this line carried the gc text on and broke again.
    if (scan.errorPos < 0 || scan.stopPos <= head.length || scan.errorKind === 'trailing-text')
      return null;
    const keep = scan.stopPos;
    brokenContent = next;
    brokenAt = tailStart + (keep - head.length);
    head = joined.slice(0, keep);
    segments = joinedSegments.filter((s) => s.from < keep);
  }
  return null;
}
