/** Character-class helpers shared by the scanners (char codes, no regex on the hot path). */

/** Space, tab, NBSP and the other Unicode spaces that copy-paste from web pages and chats produces. */
export function isSpace(c: number): boolean {
  return (
    c === 32 ||
    c === 9 ||
    c === 160 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0x1680 ||
    c === 0xfeff
  );
}

export function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

export function isWordChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

/** A short quote of what stands at `pos`, for messages: the next token, or "the end of the line". */
export function foundAt(s: string, pos: number, end: number): string {
  if (pos >= end) return 'the end of the line';
  let stop = pos;
  while (stop < end && stop - pos < 24 && !isSpace(s.charCodeAt(stop))) stop++;
  if (stop === pos) stop = Math.min(end, pos + 1);
  const token = s.slice(pos, stop).replace(/[\u0000-\u001f\u007f]/g, '?');
  return `'${token}'`;
}
