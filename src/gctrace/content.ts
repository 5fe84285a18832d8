/**
 * The text of a line to scan, and the way back from scanned indices to input columns:
 * plain lines are scanned in place; Docker JSON log lines are unescaped first and rejoined
 * lines are glued together, both keeping a segment map to the original columns.
 */

/** From index `from` of the scanned string on, characters map to consecutive columns of `line`. */
export interface Segment {
  from: number;
  line: number;
  column: number;
}

export interface Content {
  s: string;
  start: number;
  end: number;
  line: number;
  /** Index in `s` of column 1 of `line` (plain content). */
  lineStart: number;
  /** Present when the scanned string is not the input itself. */
  segments: Segment[] | null;
}

/** Input line and 1-based column of scanned index `idx`. */
export function positionOf(c: Content, idx: number): { line: number; column: number } {
  if (c.segments === null) return { line: c.line, column: idx - c.lineStart + 1 };
  let seg = c.segments[0];
  for (const candidate of c.segments) {
    if (candidate.from > idx) break;
    seg = candidate;
  }
  return { line: seg.line, column: seg.column + (idx - seg.from) };
}

/** Column of scanned index `idx` on the content's own line (fast path for plain content). */
export function columnOf(c: Content, idx: number): number {
  return c.segments === null ? idx - c.lineStart + 1 : positionOf(c, idx).column;
}

export function plainContent(s: string, start: number, end: number, line: number): Content {
  return { s, start, end, line, lineStart: start, segments: null };
}

const dockerLogKey = /^\s*\{.*?"log"\s*:\s*"/;

/**
 * Docker json-file lines (`{"log":"gc 1 @…\n","stream":"stderr",…}`): the unescaped log text,
 * split at escaped newlines, each part mapped back to the raw columns. Null if not such a line.
 */
export function dockerJsonContents(
  text: string,
  start: number,
  end: number,
  line: number,
): Content[] | null {
  if (text.charCodeAt(start) !== 123 && !/^\s*\{/.test(text.slice(start, Math.min(end, start + 8))))
    return null;
  const raw = text.slice(start, end);
  const m = dockerLogKey.exec(raw);
  if (m === null) return null;
  const parts: Content[] = [];
  let out = '';
  let segments: Segment[] = [];
  let lastRaw = -2;
  const newPart = () => {
    if (segments.length > 0)
      parts.push({ s: out, start: 0, end: out.length, line, lineStart: 0, segments });
    out = '';
    segments = [];
    lastRaw = -2;
  };
  let i = m[0].length;
  let closed = false;
  while (i < raw.length) {
    const c = raw.charCodeAt(i);
    if (c === 34) {
      closed = true;
      break;
    }
    if (c !== 92) {
      // A run of plain characters is copied at once (one string per run, not per character).
      let stop = i + 1;
      for (let d = raw.charCodeAt(stop); stop < raw.length && d !== 34 && d !== 92;)
        d = raw.charCodeAt(++stop);
      if (i !== lastRaw + 1) segments.push({ from: out.length, line, column: i + 1 });
      out += raw.slice(i, stop);
      lastRaw = stop - 1;
      i = stop;
      continue;
    }
    const e = raw[i + 1];
    if (e === 'n' || e === 'r') {
      newPart();
      i += 2;
      continue;
    }
    let ch = '';
    let len = 2;
    if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(raw.slice(i + 2, i + 6))) {
      ch = String.fromCharCode(parseInt(raw.slice(i + 2, i + 6), 16));
      len = 6;
    } else if (e === 't') ch = '\t';
    else if (e === 'b' || e === 'f') ch = ' ';
    else if (e !== undefined) ch = e;
    segments.push({ from: out.length, line, column: i + 1 });
    out += ch;
    lastRaw = -2;
    i += len;
  }
  newPart();
  if (!closed && parts.length === 0) return null;
  return parts.length > 0
    ? parts
    : [{ s: '', start: 0, end: 0, line, lineStart: 0, segments: [{ from: 0, line, column: 1 }] }];
}

/**
 * Log prefixes we know how to skip: CRI (`<time> stderr F `), ISO and Go `log` timestamps,
 * syslog/journald (`Mon DD HH:MM:SS host prog[pid]: `), Android logcat (`… E Go  : `, `E/Go ( 12): `).
 */
const knownPrefix =
  /^\s*(?:\S+\s+(?:stdout|stderr)\s+[FP]\s|\d{4}[-/]\d\d[-/]\d\d[T ]\d\d:\d\d:\d\d(?:[.,]\d+)?(?:Z|[+-]\d\d:?\d\d)?\s+(?:(?:stdout|stderr)\s+[FP]\s+)?|[A-Z][a-z]{2}\s+\d{1,2}\s\d\d:\d\d:\d\d\s+\S+\s+[^\s:]+:\s|(?:\d\d-\d\d\s+\d\d:\d\d:\d\d\.\d+\s+\d+\s+\d+\s+)?[VDIWEF][\s/]+Go\s*(?:\(\s*\d+\))?\s*:\s)/;

/** Index after a known log prefix (or `start` when there is none). */
export function skipKnownPrefix(text: string, start: number, end: number): number {
  const head = text.slice(start, Math.min(end, start + 200));
  const m = knownPrefix.exec(head);
  return m === null ? start : start + m[0].length;
}
