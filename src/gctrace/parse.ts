/**
 * `parseTrace`: every line of a GODEBUG=gctrace stream becomes a cycle, a companion line,
 * program output, a blank/markup line or a diagnostic. The text is scanned by index (no split
 * into a line array, no per-line regex on gc lines), so a million lines parse in well under a second.
 */
import { findLookAlike } from './look-alike.ts';
import { isDigit, isSpace } from './chars.ts';
import { scanCompanion } from './companions.ts';
import type { Content } from './content.ts';
import { columnOf, plainContent, positionOf, skipKnownPrefix } from './content.ts';
import { findGcStart, lineContents, stubAllowed } from './gcStart.ts';
import { continuationContent, tryRejoin } from './rejoin.ts';
import { GcLineCursor, gcStartKind, scanGcLine } from './scanGcLine.ts';
import { at, codesOf, fastLineEnd, fastModernCycle } from './fastPath.ts';
import { lineAfter } from './lines.ts';
import { carryOver, keepUnchangedCycles, resumePoint } from './resume.ts';
import { splitRuns } from './runs.ts';
import type {
  CompanionLine,
  Diagnostic,
  DiagnosticKind,
  GcCycle,
  LineKind,
  LineKindCounts,
  ParsedTrace,
  Rejoin,
  Severity,
} from './types.ts';

/** Line kinds in code order (the codes stored in `ParsedTrace.lineKindCodes`). */
export const lineKindNames: readonly LineKind[] = [
  'cycle',
  'companion',
  'output',
  'blank',
  'markup',
  'diagnostic',
];

const CYCLE = 0;
const COMPANION = 1;
const OUTPUT = 2;
const BLANK = 3;
const MARKUP = 4;
const DIAGNOSTIC = 5;
/** How a Docker json-file log line starts when its text comes first (`{"log":"gc 1 @…\n",…}`). */
const DOCKER_LOG = codesOf('{"log":"');
/** When one input line holds several parts (Docker JSON with embedded newlines), the strongest wins. */
const strength = [5, 3, 1, 0, 0, 4];

function quote(text: string, max = 40): string {
  const clean = text.replace(/[\u0000-\u001f\u007f]/g, '?').trim();
  return `'${clean.length > max ? clean.slice(0, max - 1) + '…' : clean}'`;
}

/** Notes values no runtime prints: checks cheap enough for every cycle. */
export function noteSuspiciousValues(cycle: GcCycle, diagnostics: Diagnostic[]): void {
  const note = (message: string) =>
    diagnostics.push({
      line: cycle.line,
      column: cycle.column,
      length: 2,
      kind: 'suspicious-value',
      severity: 'warning',
      message,
    });
  if (cycle.atSeconds !== null && cycle.atSeconds > 1e9)
    note(
      `start time @${cycle.atSeconds}s is over 30 years: Go 1.9.0 and 1.9.1 printed a bogus time like this on macOS and Windows (golang/go#21554); it is ignored when splitting runs`,
    );
  if (cycle.cpuPercent !== null && cycle.cpuPercent > 100)
    note(`GC CPU ${cycle.cpuPercent}% is above 100%; the runtime prints a share of total CPU`);
  if (cycle.procs === 0) note('a P count (GOMAXPROCS) of 0 is impossible');
}

/** `noteSuspiciousValues` for a fast-path cycle (every field printed): one test for the usual case. */
export function noteSuspiciousFastValues(cycle: GcCycle, diagnostics: Diagnostic[]): void {
  if (cycle.cpuPercent! > 100 || cycle.procs === 0 || cycle.atSeconds! > 1e9)
    noteSuspiciousValues(cycle, diagnostics);
}

/**
 * Parses a gctrace stream. Never throws; every line is accounted for in `lineKinds`. Given the
 * parse of an earlier version of the text (`previous`), lines before the first change are taken
 * from it rather than read again: an edit in a live cell costs the lines after it, not the
 * whole trace. The result is the same as a parse from scratch.
 */
export function parseTrace(input: string, previous?: ParsedTrace): ParsedTrace {
  const text = typeof input === 'string' ? input : String(input ?? '');
  const len = text.length;
  const cycles: GcCycle[] = [];
  const companions: CompanionLine[] = [];
  const diagnostics: Diagnostic[] = [];
  const rejoins: Rejoin[] = [];
  let codes = new Uint8Array(Math.min(1 << 20, Math.ceil(len / 16) + 16));
  const counts = [0, 0, 0, 0, 0, 0];
  const cursor = new GcLineCursor();

  let nextNl = -1;
  let nextCr = -1;
  let crFrom = 0;
  let nextGc = -1;
  /** Line end (index of the terminator or len) for a line starting at `p`; queries must not go backwards. */
  const lineEnd = (p: number): number => {
    if (nextNl < p) {
      nextNl = text.indexOf('\n', p);
      if (nextNl < 0) nextNl = len;
    }
    if (nextCr < p) {
      crFrom = p;
      nextCr = text.indexOf('\r', p);
      if (nextCr < 0) nextCr = len;
    }
    return nextCr < nextNl ? nextCr : nextNl;
  };
  /** Line end for look-ahead, leaving the forward-only memos alone. */
  const peekLineEnd = (p: number): number => {
    let nl = text.indexOf('\n', p);
    if (nl < 0) nl = len;
    let cr = nextCr >= p && crFrom <= p ? nextCr : text.indexOf('\r', p);
    if (cr < 0) cr = len;
    return cr < nl ? cr : nl;
  };
  const afterTerminator = (eol: number): number => lineAfter(text, eol);

  const diag = (
    line: number,
    column: number,
    length: number,
    kind: DiagnosticKind,
    severity: Severity,
    message: string,
  ) => diagnostics.push({ line, column, length: Math.max(0, length), kind, severity, message });

  const diagAt = (
    c: Content,
    idx: number,
    length: number,
    kind: DiagnosticKind,
    severity: Severity,
    message: string,
  ) => {
    const p = positionOf(c, idx);
    diag(p.line, p.column, length, kind, severity, message);
  };

  const setCode = (line: number, code: number) => {
    if (line > codes.length) {
      const grown = new Uint8Array(Math.max(codes.length * 2, line + 16));
      grown.set(codes);
      codes = grown;
    }
    codes[line - 1] = code;
    counts[code]++;
  };

  const checkValues = (cycle: GcCycle) => noteSuspiciousValues(cycle, diagnostics);

  /** Keeps a cycle from the fast path. */
  const keepFastCycle = (cycle: GcCycle) => {
    cycles.push(cycle);
    noteSuspiciousFastValues(cycle, diagnostics);
  };

  /** Handles a gc start in content `c`. Returns the line kind code and how many following lines it consumed. */
  const handleGc = (
    c: Content,
    at: number,
    startKind: 'modern' | 'legacy' | 'stub',
    nextLineStart: number,
  ): [number, number] => {
    if (startKind === 'stub') {
      diagAt(
        c,
        at,
        c.end - at,
        'truncated',
        'error',
        `the gc line is cut off after the cycle number; expected ' @' and the start time (Go 1.5+)`,
      );
      return [DIAGNOSTIC, 0];
    }
    const column = columnOf(c, at);
    const r = scanGcLine(c.s, at, c.end, c.line, column, false, cursor);
    if (r.errorKind === null || r.errorKind === 'trailing-text') {
      const cycle = r.cycle!;
      cycles.push(cycle);
      if (r.errorKind === 'trailing-text')
        diagAt(c, r.errorPos, c.end - r.errorPos, 'trailing-text', 'warning', r.message);
      if (r.notes !== null)
        for (const n of r.notes)
          diagAt(
            c,
            n.pos,
            n.length,
            n.kind,
            n.kind === 'normalised-character' ? 'info' : 'warning',
            n.message,
          );
      checkValues(cycle);
      return [CYCLE, 0];
    }
    // Broken: try the following line(s) as the rest of this gc line.
    if (nextLineStart < len) {
      const bounds: number[] = [];
      const nextLine = (n: number): Content | null => {
        const step = n - c.line;
        let p = step === 1 ? nextLineStart : bounds[step - 2];
        if (p === undefined || p >= len) return null;
        const e = peekLineEnd(p);
        bounds[step - 1] = afterTerminator(e);
        return continuationContent(text, p, e, n);
      };
      const joined = tryRejoin(c, at, r.stopPos, nextLine, false);
      if (joined !== null) {
        const cycle = joined.scan.cycle!;
        cycles.push(cycle);
        for (const br of joined.breaks) {
          const breakPos = positionOf(br.content, br.breakAt);
          const contPos = positionOf(br.next, br.next.start);
          rejoins.push({
            line: breakPos.line,
            breakColumn: breakPos.column,
            continuationLine: br.next.line,
            continuationColumn: contPos.column,
          });
          const other = br.content.s.slice(br.breakAt, br.content.end);
          diag(
            breakPos.line,
            breakPos.column,
            br.content.end - br.breakAt,
            'rejoined',
            'info',
            other.trim().length > 0
              ? `other output ${quote(other)} was printed in the middle of the gc line of gc ${cycle.gc}; it continues on line ${br.next.line} and was rejoined`
              : `the gc line of gc ${cycle.gc} is split across lines ${breakPos.line} and ${br.next.line}; rejoined`,
          );
        }
        if (joined.scan.notes !== null)
          for (const n of joined.scan.notes)
            diagAt(joined.content, n.pos, n.length, n.kind, 'warning', n.message);
        checkValues(cycle);
        return [CYCLE, cycle.endLine - c.line];
      }
    }
    const severity: Severity = r.errorKind === 'truncated' ? 'warning' : 'error';
    const length = r.errorKind === 'truncated' ? 0 : Math.max(1, c.end - r.errorPos);
    diagAt(
      c,
      r.errorPos,
      length,
      r.errorKind!,
      severity,
      r.cycle !== null ? `${r.message} (partial cycle kept, flagged truncated)` : r.message,
    );
    if (r.cycle !== null) {
      cycles.push(r.cycle);
      checkValues(r.cycle);
      return [CYCLE, 0];
    }
    return [DIAGNOSTIC, 0];
  };

  /** Classifies content that has no gc start: blank, markup, companion, unknown runtime line or output. */
  const handleOther = (c: Content): number => {
    let i = c.start;
    while (i < c.end && isSpace(c.s.charCodeAt(i))) i++;
    if (i >= c.end) return BLANK;
    const ch = c.s.charCodeAt(i);
    if ((ch === 96 || ch === 126) && c.s.charCodeAt(i + 1) === ch && c.s.charCodeAt(i + 2) === ch)
      return MARKUP;
    const found = scanCompanion(c);
    if (found.companion !== null) {
      companions.push(found.companion);
      return COMPANION;
    }
    if (found.unknown !== null) {
      diag(
        c.line,
        found.unknown.column,
        found.unknown.length,
        'unknown-runtime-line',
        'warning',
        found.unknown.message,
      );
      return DIAGNOSTIC;
    }
    const odd = findLookAlike(c.s, c.start, c.end);
    if (odd !== null) {
      diagAt(c, odd.index, 1, 'look-alike-character', 'warning', odd.message);
      return DIAGNOSTIC;
    }
    return OUTPUT;
  };

  /**
   * Other output printed right after a gc line's `gc ` (`gc leaking-map: t=1s …`, then
   * `24 @1.003s …` on the next line): the gc line is rejoined. Null when the line is not one.
   */
  const handleSplitAfterGc = (c: Content, nextLineStart: number): [number, number] | null => {
    const at = skipKnownPrefix(c.s, c.start, c.end);
    if (c.s.startsWith('gc ', at) === false || isDigit(c.s.charCodeAt(at + 3))) return null;
    if (nextLineStart >= len) return null;
    const next = continuationContent(text, nextLineStart, peekLineEnd(nextLineStart), c.line + 1);
    if (!/^\d+ @\d/.test(next.s.slice(next.start, next.start + 32))) return null;
    return handleGc(c, at, 'modern', nextLineStart);
  };

  const handleContent = (c: Content, nextLineStart: number): [number, number] => {
    const start = findGcStart(c);
    if (start !== null) return handleGc(c, start.at, start.kind, nextLineStart);
    return handleSplitAfterGc(c, nextLineStart) ?? [handleOther(c), 0];
  };

  let pos = 0;
  let line = 0;
  const resume = previous ? resumePoint(previous, text) : null;
  if (resume !== null && previous) {
    carryOver(previous, resume.line, { cycles, companions, diagnostics, rejoins });
    for (let l = 1; l < resume.line; l++) setCode(l, previous.lineKindCodes[l - 1]);
    pos = resume.offset;
    line = resume.line - 1;
  }
  while (pos < len) {
    const a = pos;
    line++;
    // Most lines are canonical gc lines from their first character: the fast path reads them
    // and finds where they end, with no search for the line end or for 'gc'.
    if (text.charCodeAt(a) === 103) {
      const fast = fastModernCycle(text, a, line, 1);
      if (fast !== null) {
        pos = afterTerminator(fastLineEnd);
        keepFastCycle(fast);
        setCode(line, CYCLE);
        continue;
      }
    }
    const b = lineEnd(a);
    pos = afterTerminator(b);
    let code: number;
    let consumedNext = 0;
    try {
      let i = a;
      while (i < b && isSpace(text.charCodeAt(i))) i++;
      const first = text.charCodeAt(i);
      // A Docker JSON log line whose text is a canonical gc line is read in place.
      if (i === a && at(text, a, DOCKER_LOG)) {
        const fast = fastModernCycle(
          text,
          a + DOCKER_LOG.length,
          line,
          DOCKER_LOG.length + 1,
          true,
        );
        if (fast !== null) {
          keepFastCycle(fast);
          setCode(line, CYCLE);
          continue;
        }
      }
      if (i < b && first === 123) {
        const parts = lineContents(text, a, b, line);
        code = -1;
        for (const part of parts) {
          const [partCode, consumed] = handleContent(part, parts.length === 1 ? pos : len);
          consumedNext = Math.max(consumedNext, consumed);
          if (code < 0 || strength[partCode] > strength[code]) code = partCode;
        }
      } else {
        // Plain line: find 'gc' with a search position that only moves forward.
        if (nextGc < a) {
          nextGc = text.indexOf('gc', a);
          if (nextGc < 0) nextGc = len;
        }
        let fast: GcCycle | null = null;
        // (A gc line at the very start of the line was tried above.)
        if (nextGc < b && nextGc !== a) fast = fastModernCycle(text, nextGc, line, nextGc - a + 1);
        if (fast !== null) {
          keepFastCycle(fast);
          setCode(line, CYCLE);
          continue;
        }
        let startKind: 'modern' | 'legacy' | 'stub' | null = null;
        let k = nextGc;
        while (k < b) {
          startKind = gcStartKind(text, k, b);
          if (
            startKind !== null &&
            (startKind !== 'stub' || stubAllowed(plainContent(text, a, b, line), k))
          )
            break;
          startKind = null;
          k = text.indexOf('gc', k + 1);
          if (k < 0) k = len;
          nextGc = k;
        }
        const c = plainContent(text, a, b, line);
        if (startKind !== null) [code, consumedNext] = handleGc(c, k, startKind, pos);
        else [code, consumedNext] = handleSplitAfterGc(c, pos) ?? [handleOther(c), 0];
      }
    } catch (error) {
      diag(
        line,
        1,
        b - a,
        'internal-error',
        'error',
        `this line could not be read (${String(error)}); please report it`,
      );
      code = DIAGNOSTIC;
    }
    setCode(line, code);
    for (; consumedNext > 0 && pos < len; consumedNext--) {
      const nb = lineEnd(pos);
      line++;
      pos = afterTerminator(nb);
      setCode(line, CYCLE);
    }
  }

  const lineKinds = {} as LineKindCounts;
  lineKindNames.forEach((name, i) => (lineKinds[name] = counts[i]));
  if (resume !== null && previous) keepUnchangedCycles(cycles, previous.cycles, resume.changedLine);
  const runs = splitRuns(cycles, diagnostics);
  diagnostics.sort((x, y) => x.line - y.line || x.column - y.column);
  return {
    text,
    lineCount: line,
    cycles,
    companions,
    diagnostics,
    runs,
    lineKinds,
    lineKindCodes: codes.subarray(0, line),
    rejoins,
  };
}
