/** The parts of an input line to scan, and where the gc line in them starts. */
import { isSpace } from './chars.ts';
import type { Content } from './content.ts';
import { dockerJsonContents, plainContent, skipKnownPrefix } from './content.ts';
import { gcStartKind } from './scanGcLine.ts';

/** Where a gc line starts in the content, and how. */
export function findGcStart(c: Content): { at: number; kind: 'modern' | 'legacy' | 'stub' } | null {
  // Search a copy of the line so that a line without 'gc' never scans the rest of the text.
  const local = c.s.slice(c.start, c.end);
  let k = local.indexOf('gc');
  while (k >= 0) {
    const at = c.start + k;
    const kind = gcStartKind(c.s, at, c.end);
    if (kind !== null && (kind !== 'stub' || stubAllowed(c, at))) return { at, kind };
    k = local.indexOf('gc', k + 1);
  }
  return null;
}

/** `gc 12` alone counts as a cut-off gc line only at the start of the content (after a log prefix). */
export function stubAllowed(c: Content, k: number): boolean {
  let i = c.start;
  while (i < k && isSpace(c.s.charCodeAt(i))) i++;
  return i === k || skipKnownPrefix(c.s, c.start, c.end) === k;
}

/** The parts of an input line to scan: the line itself, or the unescaped parts of a Docker JSON log line. */
export function lineContents(text: string, a: number, b: number, line: number): Content[] {
  let i = a;
  while (i < b && isSpace(text.charCodeAt(i))) i++;
  if (text.charCodeAt(i) === 123) {
    const parts = dockerJsonContents(text, a, b, line);
    if (parts !== null) return parts;
  }
  return [plainContent(text, a, b, line)];
}
