/**
 * Field spans on demand: the parser keeps cycles compact, and the spans of a line are
 * recomputed from its text when a hover or highlighter asks for them.
 */
import type { Content } from './content.ts';
import { positionOf } from './content.ts';
import { findGcStart, lineContents } from './gcStart.ts';
import { lineKindNames } from './parse.ts';
import { continuationContent, tryRejoin } from './rejoin.ts';
import { lineAfter, lineEndFrom } from './lines.ts';
import type { RawSpan } from './scanGcLine.ts';
import { nameSpans, scanGcLine } from './scanGcLine.ts';
import type { FieldSpan, LineKind, ParsedTrace } from './types.ts';

const lineStartCache = new WeakMap<ParsedTrace, Int32Array>();

/** Start index of every line, and the text's length after the last (line ends as in lines.ts). */
export function lineStarts(parsed: ParsedTrace): Int32Array {
  const cached = lineStartCache.get(parsed);
  if (cached !== undefined) return cached;
  const { text } = parsed;
  const starts = new Int32Array(parsed.lineCount + 1);
  for (let line = 1, p = 0; line < parsed.lineCount; line++) {
    p = lineAfter(text, lineEndFrom(text, p));
    starts[line] = p;
  }
  starts[parsed.lineCount] = text.length;
  lineStartCache.set(parsed, starts);
  return starts;
}

/** The text of a 1-based line, without its line break ('' outside the input). */
export function lineText(parsed: ParsedTrace, line: number): string {
  if (line < 1 || line > parsed.lineCount) return '';
  const start = lineStarts(parsed)[line - 1];
  return parsed.text.slice(start, lineEndFrom(parsed.text, start));
}

/** What a 1-based line was classified as. */
export function lineKindAt(parsed: ParsedTrace, line: number): LineKind | null {
  if (line < 1 || line > parsed.lineCount) return null;
  return lineKindNames[parsed.lineKindCodes[line - 1]] ?? null;
}

function toFieldSpans(c: Content, raw: RawSpan[]): FieldSpan[] {
  return raw.map((r) => {
    const from = positionOf(c, r.start);
    return {
      name: r.name,
      kind: r.kind,
      line: from.line,
      startColumn: from.column,
      endColumn: from.column + (r.end - r.start),
      text: c.s.slice(r.start, r.end),
      value: r.value,
    };
  });
}

/** Spans of the gc line(s) that start on `line`, rejoined continuations included. */
function gcSpans(parsed: ParsedTrace, line: number): FieldSpan[] {
  const text = lineText(parsed, line);
  const out: FieldSpan[] = [];
  const rejoined = parsed.cycles.some((c) => c.line === line && c.rejoined);
  for (const c of lineContents(text, 0, text.length, line)) {
    const start = findGcStart(c);
    if (start === null || start.kind === 'stub') continue;
    if (rejoined) {
      const plain = scanGcLine(c.s, start.at, c.end, line, 1, false);
      const nextLine = (n: number) => {
        if (n > parsed.lineCount) return null;
        const t = lineText(parsed, n);
        return continuationContent(t, 0, t.length, n);
      };
      const joined = tryRejoin(c, start.at, plain.stopPos, nextLine, true);
      if (joined !== null && joined.scan.spans !== null && joined.scan.cycle !== null) {
        nameSpans(joined.scan.spans, joined.scan.cycle.era);
        out.push(...toFieldSpans(joined.content, joined.scan.spans));
        continue;
      }
    }
    const scan = scanGcLine(c.s, start.at, c.end, line, 1, true);
    if (scan.spans === null) continue;
    nameSpans(scan.spans, scan.cycle?.era ?? 'go1.5+');
    out.push(...toFieldSpans(c, scan.spans));
  }
  return out;
}

/** Every field on a 1-based line (gc line or companion line), with columns in the original input. */
export function lineFields(parsed: ParsedTrace, line: number): FieldSpan[] {
  const kind = lineKindAt(parsed, line);
  if (kind === null) return [];
  const companionFields = parsed.companions.filter((c) => c.line === line).flatMap((c) => c.fields);
  if (kind === 'companion') return companionFields;
  const above = parsed.cycles.find((c) => c.rejoined && c.line < line && line <= c.endLine);
  const own =
    (kind === 'cycle' && above === undefined) || kind === 'diagnostic' ? gcSpans(parsed, line) : [];
  const fromAbove =
    above !== undefined ? gcSpans(parsed, above.line).filter((f) => f.line === line) : [];
  return [...fromAbove, ...own.filter((f) => f.line === line), ...companionFields];
}
