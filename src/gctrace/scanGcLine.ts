/**
 * Field-by-field scanner for the per-cycle gc line of every Go release.
 *
 * Go 1.5+ (runtime/extern.go):
 *   gc # @#s #%: #+#+# ms clock, #+#/#/#+# ms cpu, #->#-># MB, # MB goal, # MB stacks, #MB globals, # P
 * Go 1.0 – 1.4 (mgc0.c): `gc<N>(<procs>): <times> ms|us, <H0> -> <H1> MB …`
 *
 * The scanner keeps its state in a cursor (`GcLineCursor`) that every helper takes,
 * parses numbers from char codes, and records field spans only when asked to.
 */
import { foundAt, isDigit, isSpace } from './chars.ts';
import { clockPhaseNames, cpuPhaseNames } from './eras.ts';
import type { CpuPhase, EraId, FieldKind, GcCycle, LegacyFields } from './types.ts';

/** A field found by the scanner, as indices into the scanned string. */
export interface RawSpan {
  name: string;
  kind: FieldKind;
  start: number;
  end: number;
  value: number | null;
}

/** The outcome of scanning one gc line. */
export interface GcScan {
  cycle: GcCycle | null;
  /** Index where scanning stopped with a problem, or -1. */
  errorPos: number;
  errorKind: 'malformed-gc-line' | 'truncated' | 'trailing-text' | null;
  message: string;
  /** Index where the clean gc text ends (start of trailing text or of the break). */
  stopPos: number;
  spans: RawSpan[] | null;
  /** Remarks that do not stop scanning (odd phase counts, odd characters). */
  notes:
    | {
        pos: number;
        length: number;
        kind: 'unusual-field-count' | 'normalised-character';
        message: string;
      }[]
    | null;
}

/**
 * Goals from 2^40 MB up mean "no goal" (GOGC=off): 2^64−1 bytes >> 20 in Go 1.9–1.18
 * (17592186044415); from Go 1.19 the memory-limit goal worked out from a limit of 2^63−1 bytes,
 * less non-heap memory and a headroom (about 8796093022xxx in 1.19, 8532210231xxx from 1.21: the
 * last digits change between processes and cycles; mgcpacer.go, memoryLimitHeapGoal).
 */
export const unboundedGoalThresholdMB = 2 ** 40;

/**
 * Where the scanner is in a gc line and what it has found so far. Made once per parse and
 * reused for every line, so scanning a line allocates nothing for its own state.
 */
export class GcLineCursor {
  /** The text being scanned, and the scan position and limit in it. */
  s = '';
  pos = 0;
  end = 0;
  spans: RawSpan[] | null = null;
  errorPos = -1;
  errorMessage = '';
  notes: GcScan['notes'] = null;
  /** Start of the number read last. */
  numStart = 0;
  /** How far the scan got, to say what a truncated line is missing. */
  stage = 0;
  /** The phase times as read, before the era says what they are. */
  readonly clock = new Float64Array(64);
  readonly cpu = new Float64Array(64);
  /** The character ('+' or '/') before each CPU phase. */
  readonly cpuSeparators = new Uint8Array(64);
}

function advance(cur: GcLineCursor) {
  cur.stage++;
}

function skipSpaces(cur: GcLineCursor): number {
  const from = cur.pos;
  while (isSpace(cur.s.charCodeAt(cur.pos))) cur.pos++;
  return cur.pos - from;
}

/** Matches a literal; a space in the literal matches one or more space-like characters. */
function lit(cur: GcLineCursor, text: string): boolean {
  const from = cur.pos;
  for (let i = 0; i < text.length; i++) {
    const want = text.charCodeAt(i);
    if (want === 32) {
      if (!isSpace(cur.s.charCodeAt(cur.pos))) {
        cur.pos = from;
        return false;
      }
      cur.pos++;
      while (isSpace(cur.s.charCodeAt(cur.pos))) cur.pos++;
    } else if (cur.s.charCodeAt(cur.pos) === want) {
      cur.pos++;
    } else {
      cur.pos = from;
      return false;
    }
  }
  return true;
}

/** Reads an unsigned decimal number (digits with an optional fraction); -1 when none. */
function readNumber(cur: GcLineCursor): number {
  let i = cur.pos;
  let c = cur.s.charCodeAt(i);
  if (!(c >= 48 && c <= 57)) return -1;
  cur.numStart = i;
  let v = 0;
  do {
    v = v * 10 + (c - 48);
    c = cur.s.charCodeAt(++i);
  } while (c >= 48 && c <= 57);
  if (c === 46) {
    let j = i + 1;
    c = cur.s.charCodeAt(j);
    if (c >= 48 && c <= 57) {
      let f = 0;
      let d = 1;
      do {
        f = f * 10 + (c - 48);
        d *= 10;
        c = cur.s.charCodeAt(++j);
      } while (c >= 48 && c <= 57);
      // Exact-integer division is correctly rounded, so this equals parseFloat when small enough.
      v = j - cur.numStart <= 16 ? (v * d + f) / d : Number(cur.s.slice(cur.numStart, j));
      i = j;
    }
  } else if (i - cur.numStart > 15) {
    v = Number(cur.s.slice(cur.numStart, i));
  }
  cur.pos = i;
  return v;
}

/** Reads digits only (no fraction); -1 when none. */
function readInt(cur: GcLineCursor): number {
  let i = cur.pos;
  let c = cur.s.charCodeAt(i);
  if (!(c >= 48 && c <= 57)) return -1;
  cur.numStart = i;
  let v = 0;
  do {
    v = v * 10 + (c - 48);
    c = cur.s.charCodeAt(++i);
  } while (c >= 48 && c <= 57);
  if (i - cur.numStart > 15) v = Number(cur.s.slice(cur.numStart, i));
  cur.pos = i;
  return v;
}

function span(
  cur: GcLineCursor,
  name: string,
  kind: FieldKind,
  start: number,
  stop: number,
  value: number | null,
) {
  if (cur.spans !== null) cur.spans.push({ name, kind, start, end: stop, value });
}

function fail(cur: GcLineCursor, message: string): false {
  cur.errorPos = cur.pos;
  cur.errorMessage = message;
  return false;
}

function note(
  cur: GcLineCursor,
  at: number,
  length: number,
  kind: 'unusual-field-count' | 'normalised-character',
  message: string,
) {
  (cur.notes ??= []).push({ pos: at, length, kind, message });
}

/** Matches `->`, tolerating the arrows and dashes that rich-text copy-paste substitutes. */
function arrow(cur: GcLineCursor, spaced: boolean): boolean {
  const from = cur.pos;
  if (spaced && !lit(cur, ' ')) return false;
  const c = cur.s.charCodeAt(cur.pos);
  if (c === 45 && cur.s.charCodeAt(cur.pos + 1) === 62) {
    cur.pos += 2;
  } else if (c === 0x2192) {
    note(cur, cur.pos, 1, 'normalised-character', "read '→' as '->'");
    cur.pos += 1;
  } else if (
    (c === 0x2212 || c === 0x2013 || c === 0x2014) &&
    cur.s.charCodeAt(cur.pos + 1) === 62
  ) {
    note(cur, cur.pos, 1, 'normalised-character', `read '${cur.s[cur.pos]}>' as '->'`);
    cur.pos += 2;
  } else {
    cur.pos = from;
    return false;
  }
  if (spaced && !lit(cur, ' ')) {
    cur.pos = from;
    return false;
  }
  return true;
}

/** How a line starts: 'modern' (`gc 12 @`, `gc #12`), 'legacy' (`gc12(`), 'stub' (`gc 12` then nothing), or null. */
export function gcStartKind(
  text: string,
  i: number,
  stop: number,
): 'modern' | 'legacy' | 'stub' | null {
  if (text.charCodeAt(i) !== 103 || text.charCodeAt(i + 1) !== 99) return null;
  let j = i + 2;
  const c = text.charCodeAt(j);
  if (isDigit(c)) {
    while (isDigit(text.charCodeAt(j))) j++;
    if (text.charCodeAt(j) === 40) return 'legacy';
    return null;
  }
  if (!isSpace(c)) return null;
  while (isSpace(text.charCodeAt(j))) j++;
  if (text.charCodeAt(j) === 35) return isDigit(text.charCodeAt(j + 1)) ? 'modern' : null;
  if (!isDigit(text.charCodeAt(j))) return null;
  while (isDigit(text.charCodeAt(j))) j++;
  let k = j;
  while (k < stop && isSpace(text.charCodeAt(k))) k++;
  if (k < stop && text.charCodeAt(k) === 64 && k > j) return 'modern';
  if (k >= stop) return 'stub';
  return null;
}

/** Fixed texts of the grammar; a line that ends part-way into one of them is cut off, not malformed. */
const literals = [
  '->',
  ' -> ',
  ' ms clock, ',
  ' ms cpu, ',
  ' MB, ',
  ' MB goal, ',
  ' MB stacks, ',
  ' MB globals, ',
  ' P (forced)',
  ' (checking for goroutine leaks): ',
  ' ms, ',
  ' us, ',
  ' goroutines, ',
  ') objects, ',
  ' handoff, ',
  ' steal, ',
  ' sweeps, ',
  ' yields',
];

function cutInsideLiteral(cur: GcLineCursor, at: number): boolean {
  const rest = cur.s.slice(at, cur.end);
  return rest.length > 0 && rest.length < 34 && literals.some((l) => l.startsWith(rest));
}

const modernStages = [
  'cycle number',
  'start time',
  'GC CPU percentage',
  'clock phases',
  'CPU phases',
  'heap sizes',
  'heap goal',
  'P count',
];

function missingFrom(stage: number, stages: string[]): string {
  return stages.slice(stage).join(', ');
}

/**
 * Scans a gc line in `text` between `start` (at the `gc` token) and `stop` (line end).
 * `wantSpans` records every field's position (slower; used on demand for hovers). A parse passes
 * its one `cursor` for every line; a single scan can leave it out.
 */
export function scanGcLine(
  text: string,
  start: number,
  stop: number,
  line: number,
  column: number,
  wantSpans: boolean,
  cursor: GcLineCursor = new GcLineCursor(),
): GcScan {
  const cur = cursor;
  cur.s = text;
  cur.pos = start;
  cur.end = stop;
  cur.spans = wantSpans ? [] : null;
  cur.errorPos = -1;
  cur.errorMessage = '';
  cur.notes = null;
  cur.stage = 0;
  const startKind = gcStartKind(text, start, stop);
  const cycle =
    startKind === 'legacy' ? scanLegacy(cur, line, column) : scanModern(cur, line, column);
  let errorKind: GcScan['errorKind'] = null;
  let stopPos = cur.pos;
  if (cur.errorPos >= 0) {
    stopPos = cur.errorPos;
    let k = cur.errorPos;
    while (k < cur.end && isSpace(cur.s.charCodeAt(k))) k++;
    errorKind =
      k >= cur.end || cutInsideLiteral(cur, cur.errorPos) ? 'truncated' : 'malformed-gc-line';
    if (cycle !== null) cycle.truncated = true;
  } else {
    skipSpaces(cur);
    if (cur.pos < cur.end) {
      errorKind = 'trailing-text';
      cur.errorPos = cur.pos;
      cur.errorMessage = `unexpected text ${foundAt(cur.s, cur.pos, cur.end)} after the end of the gc line (it ends with 'P' or '(forced)' in Go 1.5+, 'yields' or 'handoff' before)`;
    }
  }
  const result: GcScan = {
    cycle,
    errorPos: cur.errorPos,
    errorKind,
    message: cur.errorMessage,
    stopPos,
    spans: cur.spans,
    notes: cur.notes,
  };
  cur.spans = null;
  cur.s = '';
  return result;
}

function newCycle(line: number, column: number, gc: number, era: EraId): GcCycle {
  return {
    line,
    column,
    endLine: line,
    gc,
    era,
    atSeconds: null,
    cpuPercent: null,
    leakCheck: false,
    clockMs: [],
    cpuMs: null,
    heapMB: [],
    goalMB: null,
    goalUnbounded: false,
    stacksMB: null,
    globalsMB: null,
    procs: null,
    forced: false,
    truncated: false,
    rejoined: false,
    run: 0,
    legacy: null,
  };
}

function scanModern(cur: GcLineCursor, line: number, column: number): GcCycle | null {
  const tokenStart = cur.pos;
  cur.pos += 2;
  skipSpaces(cur);
  let beta = false;
  if (cur.s.charCodeAt(cur.pos) === 35) {
    beta = true;
    cur.pos++;
  }
  const gc = readInt(cur);
  if (gc < 0) {
    fail(cur, `expected the cycle number after 'gc', found ${foundAt(cur.s, cur.pos, cur.end)}`);
    return null;
  }
  span(cur, 'gc', 'counter', tokenStart, cur.pos, gc);
  cur.stage = 1;
  const cycle = newCycle(line, column, gc, beta ? 'go1.5beta' : 'go1.5+');
  const ok = scanModernBody(cur, cycle);
  if (!ok) {
    if (cur.errorPos >= 0 && !cur.errorMessage.includes('missing:')) {
      let k = cur.errorPos;
      while (k < cur.end && isSpace(cur.s.charCodeAt(k))) k++;
      if (k >= cur.end || cutInsideLiteral(cur, cur.errorPos))
        cur.errorMessage += `; missing: ${missingFrom(cur.stage, modernStages)}`;
    }
    if (cycle.atSeconds === null) return null;
  }
  return cycle;
}

function scanModernBody(cur: GcLineCursor, cycle: GcCycle): boolean {
  if (!lit(cur, ' @'))
    return fail(
      cur,
      `expected ' @' and the start time after 'gc ${cycle.gc}', found ${foundAt(cur.s, cur.pos, cur.end)}`,
    );
  const at = readNumber(cur);
  if (at < 0)
    return fail(
      cur,
      `expected a number after '@' (seconds since start), found ${foundAt(cur.s, cur.pos, cur.end)}`,
    );
  const atStart = cur.numStart;
  if (cur.s.charCodeAt(cur.pos) !== 115)
    return fail(
      cur,
      `expected 's' after the start time '@${cur.s.slice(atStart, cur.pos)}', found ${foundAt(cur.s, cur.pos, cur.end)}`,
    );
  cur.pos++;
  cycle.atSeconds = at;
  span(cur, 'at', 'timestamp', atStart - 1, cur.pos, at);
  advance(cur);
  if (!lit(cur, ' '))
    return fail(
      cur,
      `expected a space and the GC CPU percentage after the start time, found ${foundAt(cur.s, cur.pos, cur.end)}`,
    );
  const pct = readInt(cur);
  if (pct < 0)
    return fail(
      cur,
      `expected the GC CPU percentage (a whole number) after the start time, found ${foundAt(cur.s, cur.pos, cur.end)}`,
    );
  const pctStart = cur.numStart;
  if (cur.s.charCodeAt(cur.pos) !== 37)
    return fail(
      cur,
      `expected '%' after the GC CPU percentage, found ${foundAt(cur.s, cur.pos, cur.end)}`,
    );
  cur.pos++;
  cycle.cpuPercent = pct;
  span(cur, 'cpuPercent', 'percent', pctStart, cur.pos, pct);
  const leakFrom = cur.pos;
  if (cur.s.charCodeAt(cur.pos) !== 58 && lit(cur, ' (checking for goroutine leaks)')) {
    cycle.leakCheck = true;
    let k = leakFrom;
    while (isSpace(cur.s.charCodeAt(k))) k++;
    span(cur, 'leakCheck', 'leak-check', k, cur.pos, null);
  }
  if (cur.s.charCodeAt(cur.pos) !== 58)
    return fail(
      cur,
      `expected ':' after '${cur.s.slice(pctStart, cur.pos)}', found ${foundAt(cur.s, cur.pos, cur.end)}`,
    );
  cur.pos++;
  advance(cur);

  // Clock phases: t+t+t ms clock
  if (!lit(cur, ' '))
    return fail(
      cur,
      `expected a space and the clock phases after ':', found ${foundAt(cur.s, cur.pos, cur.end)}`,
    );
  let n = 0;
  for (;;) {
    const v = readNumber(cur);
    if (v < 0) {
      setClock(cur, cycle, n);
      return fail(
        cur,
        n === 0
          ? `expected the first clock phase (ms) after ':', found ${foundAt(cur.s, cur.pos, cur.end)}`
          : `expected a number after '+' in the clock phases, found ${foundAt(cur.s, cur.pos, cur.end)}`,
      );
    }
    if (n < 64) cur.clock[n] = v;
    span(cur, 'clock', 'clock', cur.numStart, cur.pos, v);
    n++;
    if (cur.s.charCodeAt(cur.pos) === 43) cur.pos++;
    else break;
  }
  setClock(cur, cycle, n);
  if (!lit(cur, ' ms clock'))
    return fail(
      cur,
      `expected ' ms clock' after the clock phases, found ${foundAt(cur.s, cur.pos, cur.end)}`,
    );
  if (n !== 3 && n !== 5)
    note(
      cur,
      cur.pos,
      0,
      'unusual-field-count',
      `expected 3 clock phases (Go 1.6+) or 5 (Go 1.5), found ${n}`,
    );
  advance(cur);

  // CPU phases: t+t/t/t+t ms cpu
  if (!lit(cur, ', '))
    return fail(
      cur,
      `expected ', ' and the CPU phases after 'ms clock', found ${foundAt(cur.s, cur.pos, cur.end)}`,
    );
  let m = 0;
  for (;;) {
    const v = readNumber(cur);
    if (v < 0) {
      setCpu(cur, cycle, m);
      return fail(
        cur,
        m === 0
          ? `expected the first CPU phase (ms) after 'ms clock, ', found ${foundAt(cur.s, cur.pos, cur.end)}`
          : `expected a number after '${cur.s[cur.pos - 1]}' in the CPU phases, found ${foundAt(cur.s, cur.pos, cur.end)}`,
      );
    }
    if (m < 64) cur.cpu[m] = v;
    span(cur, 'cpu', 'cpu', cur.numStart, cur.pos, v);
    m++;
    const c = cur.s.charCodeAt(cur.pos);
    if (c === 43 || c === 47) {
      if (m < 64) cur.cpuSeparators[m] = c;
      cur.pos++;
    } else break;
  }
  setCpu(cur, cycle, m);
  if (!lit(cur, ' ms cpu'))
    return fail(
      cur,
      `expected ' ms cpu' after the CPU phases, found ${foundAt(cur.s, cur.pos, cur.end)}`,
    );
  if (m !== 5 && m !== 7)
    note(
      cur,
      cur.pos,
      0,
      'unusual-field-count',
      `expected 5 CPU values (Go 1.6+) or 7 (Go 1.5), found ${m}`,
    );
  advance(cur);

  // Heap: a->b->c MB
  if (!lit(cur, ', '))
    return fail(
      cur,
      `expected ', ' and the heap sizes after 'ms cpu', found ${foundAt(cur.s, cur.pos, cur.end)}`,
    );
  const h0 = readInt(cur);
  if (h0 < 0)
    return fail(
      cur,
      `expected the heap size at the start of the cycle (MB) after 'ms cpu, ', found ${foundAt(cur.s, cur.pos, cur.end)}`,
    );
  span(cur, 'heap.start', 'heap', cur.numStart, cur.pos, h0);
  cycle.heapMB = [h0];
  if (!arrow(cur, false))
    return fail(
      cur,
      `expected '->' after the start heap size, found ${foundAt(cur.s, cur.pos, cur.end)}`,
    );
  const h1 = readInt(cur);
  if (h1 < 0)
    return fail(
      cur,
      `expected the heap size at the end of marking (MB) after '->', found ${foundAt(cur.s, cur.pos, cur.end)}`,
    );
  span(cur, 'heap.end', 'heap', cur.numStart, cur.pos, h1);
  cycle.heapMB = [h0, h1];
  if (!arrow(cur, false))
    return fail(
      cur,
      `expected '->' after the end-of-mark heap size, found ${foundAt(cur.s, cur.pos, cur.end)}`,
    );
  const h2 = readInt(cur);
  if (h2 < 0)
    return fail(
      cur,
      `expected the live heap (MB) after the second '->', found ${foundAt(cur.s, cur.pos, cur.end)}`,
    );
  span(cur, 'heap.live', 'heap', cur.numStart, cur.pos, h2);
  cycle.heapMB = [h0, h1, h2];
  if (!lit(cur, ' MB'))
    return fail(
      cur,
      `expected ' MB' after the heap sizes, found ${foundAt(cur.s, cur.pos, cur.end)}`,
    );
  advance(cur);

  // Goal
  if (!lit(cur, ', '))
    return fail(
      cur,
      `expected ', ' and the heap goal after the heap sizes, found ${foundAt(cur.s, cur.pos, cur.end)}`,
    );
  const goal = readInt(cur);
  if (goal < 0)
    return fail(
      cur,
      `expected the heap goal (MB) after 'MB, ', found ${foundAt(cur.s, cur.pos, cur.end)}`,
    );
  const goalStart = cur.numStart;
  if (!lit(cur, ' MB goal'))
    return fail(
      cur,
      `expected ' MB goal' after the heap goal, found ${foundAt(cur.s, cur.pos, cur.end)}`,
    );
  cycle.goalMB = goal;
  cycle.goalUnbounded = goal >= unboundedGoalThresholdMB;
  span(cur, 'goal', 'goal', goalStart, cur.pos, goal);
  advance(cur);

  // Optional stacks and globals (1.18+), then P
  if (!lit(cur, ', '))
    return fail(
      cur,
      `expected ', ' and the P count after 'MB goal', found ${foundAt(cur.s, cur.pos, cur.end)}`,
    );
  let v = readInt(cur);
  if (v < 0)
    return fail(
      cur,
      `expected the number of Ps (or 'MB stacks' in Go 1.18+) after 'MB goal, ', found ${foundAt(cur.s, cur.pos, cur.end)}`,
    );
  let vStart = cur.numStart;
  if (lit(cur, ' MB stacks')) {
    cycle.stacksMB = v;
    span(cur, 'stacks', 'stacks', vStart, cur.pos, v);
    if (!lit(cur, ', '))
      return fail(
        cur,
        `expected ', ' and the globals size after 'MB stacks', found ${foundAt(cur.s, cur.pos, cur.end)}`,
      );
    const g = readInt(cur);
    if (g < 0)
      return fail(
        cur,
        `expected the globals size (MB) after 'MB stacks, ', found ${foundAt(cur.s, cur.pos, cur.end)}`,
      );
    const gStart = cur.numStart;
    // The Go 1.20 docs wrote "#MB globals"; accept it without the space too.
    if (!lit(cur, ' MB globals') && !lit(cur, 'MB globals'))
      return fail(
        cur,
        `expected ' MB globals' after the globals size, found ${foundAt(cur.s, cur.pos, cur.end)}`,
      );
    cycle.globalsMB = g;
    span(cur, 'globals', 'globals', gStart, cur.pos, g);
    if (!lit(cur, ', '))
      return fail(
        cur,
        `expected ', ' and the P count after 'MB globals', found ${foundAt(cur.s, cur.pos, cur.end)}`,
      );
    v = readInt(cur);
    if (v < 0)
      return fail(
        cur,
        `expected the number of Ps after 'MB globals, ', found ${foundAt(cur.s, cur.pos, cur.end)}`,
      );
    vStart = cur.numStart;
  }
  if (!lit(cur, ' P'))
    return fail(
      cur,
      `expected ' P' after the number of Ps, found ${foundAt(cur.s, cur.pos, cur.end)}`,
    );
  cycle.procs = v;
  span(cur, 'procs', 'procs', vStart, cur.pos, v);
  advance(cur);
  const beforeForced = cur.pos;
  if (lit(cur, ' (forced)')) {
    cycle.forced = true;
    let k = beforeForced;
    while (isSpace(cur.s.charCodeAt(k))) k++;
    span(cur, 'forced', 'forced', k, cur.pos, null);
  }
  const clockCount = cycle.clockMs.length;
  if (cycle.era !== 'go1.5beta') {
    cycle.era = cycle.leakCheck
      ? 'go1.26+'
      : clockCount === 5
        ? 'go1.5'
        : clockCount !== 3
          ? 'go1.5+'
          : cycle.stacksMB !== null
            ? 'go1.18+'
            : 'go1.6-1.17';
  }
  return true;
}

function setClock(cur: GcLineCursor, cycle: GcCycle, n: number) {
  const count = Math.min(n, 64);
  cycle.clockMs =
    count === 3
      ? [cur.clock[0], cur.clock[1], cur.clock[2]]
      : Array.from(cur.clock.subarray(0, count));
  if (cycle.leakCheck) cycle.era = 'go1.26+';
  else if (count === 5 && cycle.era === 'go1.5+') cycle.era = 'go1.5';
}

function setCpu(cur: GcLineCursor, cycle: GcCycle, n: number) {
  const count = Math.min(n, 64);
  if (
    count === 5 &&
    cur.cpuSeparators[2] === 47 &&
    cur.cpuSeparators[3] === 47 &&
    cur.cpuSeparators[1] === 43 &&
    cur.cpuSeparators[4] === 43
  ) {
    cycle.cpuMs = [cur.cpu[0], [cur.cpu[1], cur.cpu[2], cur.cpu[3]], cur.cpu[4]];
    return;
  }
  const phases: CpuPhase[] = [];
  for (let i = 0; i < count; i++) {
    if (i > 0 && cur.cpuSeparators[i] === 47) {
      const last = phases[phases.length - 1];
      if (Array.isArray(last)) last.push(cur.cpu[i]);
      else phases[phases.length - 1] = [last, cur.cpu[i]];
    } else phases.push(cur.cpu[i]);
  }
  cycle.cpuMs = phases;
}

// ---------------------------------------------------------------- Go 1.0 – 1.4

const legacyStages = ['procs', 'pause times', 'heap sizes', 'object counts', 'work counters'];

function scanLegacy(cur: GcLineCursor, line: number, column: number): GcCycle | null {
  const tokenStart = cur.pos;
  cur.pos += 2;
  const gc = readInt(cur);
  span(cur, 'gc', 'counter', tokenStart, cur.pos, gc);
  cur.pos++; // '('
  const procs = readInt(cur);
  if (procs < 0) {
    fail(
      cur,
      `expected the number of GC threads after 'gc${gc}(', found ${foundAt(cur.s, cur.pos, cur.end)}`,
    );
    return null;
  }
  span(cur, 'procs', 'procs', cur.numStart, cur.pos, procs);
  if (!lit(cur, '):')) {
    fail(cur, `expected '):' after 'gc${gc}(${procs}', found ${foundAt(cur.s, cur.pos, cur.end)}`);
    return null;
  }
  const cycle = newCycle(line, column, gc, 'go1.0-1.4');
  cycle.procs = procs;
  cur.stage = 1;
  const ok = scanLegacyBody(cur, cycle);
  if (!ok && cur.errorPos >= 0) {
    let k = cur.errorPos;
    while (k < cur.end && isSpace(cur.s.charCodeAt(k))) k++;
    if (k >= cur.end || cutInsideLiteral(cur, cur.errorPos))
      cur.errorMessage += `; missing: ${missingFrom(cur.stage, legacyStages)}`;
  }
  return cycle;
}

function scanLegacyBody(cur: GcLineCursor, cycle: GcCycle): boolean {
  if (!lit(cur, ' '))
    return fail(
      cur,
      `expected a space and the pause times after '):', found ${foundAt(cur.s, cur.pos, cur.end)}`,
    );
  let n = 0;
  for (;;) {
    const v = readInt(cur);
    if (v < 0) {
      cycle.clockMs = Array.from(cur.clock.subarray(0, Math.min(n, 64)));
      return fail(
        cur,
        n === 0
          ? `expected the first pause time after '):', found ${foundAt(cur.s, cur.pos, cur.end)}`
          : `expected a number after '+' in the pause times, found ${foundAt(cur.s, cur.pos, cur.end)}`,
      );
    }
    if (n < 64) cur.clock[n] = v;
    span(cur, 'clock', 'clock', cur.numStart, cur.pos, v);
    n++;
    if (cur.s.charCodeAt(cur.pos) === 43) cur.pos++;
    else break;
  }
  const count = Math.min(n, 64);
  let micro = false;
  let era: EraId;
  if (lit(cur, ' ms, ')) era = 'go1.1-1.2';
  else if (lit(cur, ' ms ')) era = 'go1.0';
  else if (lit(cur, ' us, ')) {
    era = 'go1.3';
    micro = true;
  } else {
    cycle.clockMs = Array.from(cur.clock.subarray(0, count));
    return fail(
      cur,
      `expected ' ms' (Go 1.0–1.2) or ' us,' (Go 1.3–1.4) after the pause times, found ${foundAt(cur.s, cur.pos, cur.end)}`,
    );
  }
  const clock: number[] = new Array(count);
  for (let i = 0; i < count; i++) clock[i] = micro ? cur.clock[i] / 1000 : cur.clock[i];
  cycle.clockMs = clock;
  cycle.era = era;
  const expected = micro ? 4 : 3;
  if (count !== expected)
    note(
      cur,
      cur.pos,
      0,
      'unusual-field-count',
      `expected ${expected} pause times in this format, found ${count}`,
    );
  if (cur.spans !== null && micro)
    for (const sp of cur.spans) if (sp.kind === 'clock' && sp.value !== null) sp.value /= 1000;
  advance(cur);

  const legacy: LegacyFields = {
    objects: [],
    mallocs: null,
    frees: null,
    handoff: [],
    steal: null,
    yields: null,
    sweeps: null,
    goroutines: null,
  };
  cycle.legacy = legacy;
  const h0 = readInt(cur);
  if (h0 < 0)
    return fail(
      cur,
      `expected the first heap size (MB) after the pause times, found ${foundAt(cur.s, cur.pos, cur.end)}`,
    );
  span(cur, micro ? 'heap.liveEstimate' : 'heap.before', 'heap', cur.numStart, cur.pos, h0);
  if (!arrow(cur, true)) {
    cycle.heapMB = [h0];
    return fail(
      cur,
      `expected ' -> ' after the first heap size, found ${foundAt(cur.s, cur.pos, cur.end)}`,
    );
  }
  const h1 = readInt(cur);
  if (h1 < 0) {
    cycle.heapMB = [h0];
    return fail(
      cur,
      `expected the second heap size (MB) after '->', found ${foundAt(cur.s, cur.pos, cur.end)}`,
    );
  }
  span(cur, micro ? 'heap.atGc' : 'heap.after', 'heap', cur.numStart, cur.pos, h1);
  cycle.heapMB = [h0, h1];
  if (!lit(cur, micro ? ' MB, ' : ' MB '))
    return fail(
      cur,
      `expected '${micro ? ' MB, ' : ' MB '}' after the heap sizes, found ${foundAt(cur.s, cur.pos, cur.end)}`,
    );
  advance(cur);

  if (micro) {
    const o = readInt(cur);
    if (o < 0)
      return fail(
        cur,
        `expected the live object count after 'MB, ', found ${foundAt(cur.s, cur.pos, cur.end)}`,
      );
    span(cur, 'objects.live', 'objects', cur.numStart, cur.pos, o);
    legacy.objects = [o];
    if (!lit(cur, ' ('))
      return fail(
        cur,
        `expected ' (' and the malloc/free counts after the object count, found ${foundAt(cur.s, cur.pos, cur.end)}`,
      );
  } else {
    const o0 = readInt(cur);
    if (o0 < 0)
      return fail(
        cur,
        `expected the object count before the GC after 'MB ', found ${foundAt(cur.s, cur.pos, cur.end)}`,
      );
    span(cur, 'objects.before', 'objects', cur.numStart, cur.pos, o0);
    if (!arrow(cur, true))
      return fail(
        cur,
        `expected ' -> ' after the object count, found ${foundAt(cur.s, cur.pos, cur.end)}`,
      );
    const o1 = readInt(cur);
    if (o1 < 0)
      return fail(
        cur,
        `expected the object count after the GC, found ${foundAt(cur.s, cur.pos, cur.end)}`,
      );
    span(cur, 'objects.after', 'objects', cur.numStart, cur.pos, o1);
    legacy.objects = [o0, o1];
    if (!lit(cur, ' ('))
      return fail(
        cur,
        `expected ' (' and the malloc/free counts after the object counts, found ${foundAt(cur.s, cur.pos, cur.end)}`,
      );
  }
  const mallocs = readInt(cur);
  if (mallocs < 0)
    return fail(
      cur,
      `expected the cumulative malloc count after '(', found ${foundAt(cur.s, cur.pos, cur.end)}`,
    );
  span(cur, 'mallocs', 'objects', cur.numStart, cur.pos, mallocs);
  if (cur.s.charCodeAt(cur.pos) !== 45)
    return fail(
      cur,
      `expected '-' between the malloc and free counts, found ${foundAt(cur.s, cur.pos, cur.end)}`,
    );
  cur.pos++;
  const frees = readInt(cur);
  if (frees < 0)
    return fail(
      cur,
      `expected the cumulative free count after '-', found ${foundAt(cur.s, cur.pos, cur.end)}`,
    );
  span(cur, 'frees', 'objects', cur.numStart, cur.pos, frees);
  legacy.mallocs = mallocs;
  legacy.frees = frees;
  if (!lit(cur, ') objects'))
    return fail(
      cur,
      `expected ') objects' after the free count, found ${foundAt(cur.s, cur.pos, cur.end)}`,
    );
  advance(cur);

  if (cycle.era === 'go1.0') {
    if (!lit(cur, ' '))
      return fail(
        cur,
        `expected the hand-off count after 'objects', found ${foundAt(cur.s, cur.pos, cur.end)}`,
      );
    const h = readInt(cur);
    if (h < 0)
      return fail(
        cur,
        `expected the hand-off count after 'objects', found ${foundAt(cur.s, cur.pos, cur.end)}`,
      );
    span(cur, 'handoff', 'handoff', cur.numStart, cur.pos, h);
    legacy.handoff = [h];
    if (!lit(cur, ' handoff'))
      return fail(
        cur,
        `expected ' handoff' after the hand-off count, found ${foundAt(cur.s, cur.pos, cur.end)}`,
      );
    return true;
  }
  if (!lit(cur, ', '))
    return fail(cur, `expected ', ' after 'objects', found ${foundAt(cur.s, cur.pos, cur.end)}`);
  if (micro) {
    const g = readInt(cur);
    if (g < 0)
      return fail(
        cur,
        `expected the goroutine count (Go 1.4) or the sweep counts (Go 1.3) after 'objects, ', found ${foundAt(cur.s, cur.pos, cur.end)}`,
      );
    const gStart = cur.numStart;
    const gEnd = cur.pos;
    if (lit(cur, ' goroutines, ')) {
      legacy.goroutines = g;
      cycle.era = 'go1.4';
      span(cur, 'goroutines', 'goroutines', gStart, gEnd, g);
    } else cur.pos = gStart;
    const triple = readTriple(cur, 'sweeps', 'sweeps', sweepNames);
    if (triple === null) return false;
    legacy.sweeps = triple;
    if (!lit(cur, ', '))
      return fail(cur, `expected ', ' after 'sweeps', found ${foundAt(cur.s, cur.pos, cur.end)}`);
  }
  const handoff = readPair(cur, 'handoff', 'handoff');
  if (handoff === null) return false;
  legacy.handoff = handoff;
  if (!lit(cur, ', '))
    return fail(cur, `expected ', ' after 'handoff', found ${foundAt(cur.s, cur.pos, cur.end)}`);
  const steal = readPair(cur, 'steal', 'steal');
  if (steal === null) return false;
  legacy.steal = steal;
  if (!lit(cur, ', '))
    return fail(cur, `expected ', ' after 'steal', found ${foundAt(cur.s, cur.pos, cur.end)}`);
  const yields = readTriple(cur, 'yields', 'yields', yieldNames);
  if (yields === null) return false;
  legacy.yields = yields;
  return true;
}

/** The parts of the sweep and yield triples, in printed order. */
const sweepNames = ['spans', 'background', 'pause'];
const yieldNames = ['spin', 'os', 'sleep'];

/** `a(b) word` */
function readPair(cur: GcLineCursor, word: string, kind: FieldKind): number[] | null {
  const a = readInt(cur);
  if (a < 0)
    return (
      fail(cur, `expected the ${word} count, found ${foundAt(cur.s, cur.pos, cur.end)}`) || null
    );
  span(cur, word, kind, cur.numStart, cur.pos, a);
  if (cur.s.charCodeAt(cur.pos) !== 40)
    return (
      fail(
        cur,
        `expected '(' after the ${word} count, found ${foundAt(cur.s, cur.pos, cur.end)}`,
      ) || null
    );
  cur.pos++;
  const b = readInt(cur);
  if (b < 0)
    return (
      fail(
        cur,
        `expected a number after '(' in the ${word} counts, found ${foundAt(cur.s, cur.pos, cur.end)}`,
      ) || null
    );
  // Names and texts built from `word` only when they are needed: this runs for every line.
  if (cur.spans !== null) span(cur, `${word}Count`, kind, cur.numStart, cur.pos, b);
  const from = cur.pos;
  if (!(lit(cur, ') ') && lit(cur, word))) {
    cur.pos = from;
    return fail(cur, `expected ') ${word}', found ${foundAt(cur.s, cur.pos, cur.end)}`) || null;
  }
  return [a, b];
}

/** `a/b/c word` */
function readTriple(
  cur: GcLineCursor,
  word: string,
  kind: FieldKind,
  names: string[],
): number[] | null {
  const out = [0, 0, 0];
  for (let i = 0; i < 3; i++) {
    if (i > 0) {
      if (cur.s.charCodeAt(cur.pos) !== 47)
        return (
          fail(
            cur,
            `expected '/' between the ${word} counts, found ${foundAt(cur.s, cur.pos, cur.end)}`,
          ) || null
        );
      cur.pos++;
    }
    const v = readInt(cur);
    if (v < 0)
      return (
        fail(
          cur,
          `expected a number in the ${word} counts, found ${foundAt(cur.s, cur.pos, cur.end)}`,
        ) || null
      );
    if (cur.spans !== null) span(cur, `${word}.${names[i]}`, kind, cur.numStart, cur.pos, v);
    out[i] = v;
  }
  const from = cur.pos;
  if (!(lit(cur, ' ') && lit(cur, word))) {
    cur.pos = from;
    return (
      fail(
        cur,
        `expected ' ${word}' after the ${word} counts, found ${foundAt(cur.s, cur.pos, cur.end)}`,
      ) || null
    );
  }
  return out;
}

/** Renames the positional clock/cpu spans once the era is known. */
export function nameSpans(raw: RawSpan[], era: EraId): void {
  const clocks = raw.filter((r) => r.kind === 'clock');
  const cpus = raw.filter((r) => r.kind === 'cpu');
  const clockNames = clockPhaseNames(era, clocks.length);
  const cpuNames = cpuPhaseNames(era, cpus.length);
  clocks.forEach((r, i) => (r.name = `clock.${clockNames[i]}`));
  cpus.forEach((r, i) => (r.name = `cpu.${cpuNames[i]}`));
}
