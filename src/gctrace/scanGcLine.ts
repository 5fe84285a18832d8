/**
 * Field-by-field scanner for the per-cycle gc line of every Go release.
 *
 * Go 1.5+ (runtime/extern.go):
 *   gc # @#s #%: #+#+# ms clock, #+#/#/#+# ms cpu, #->#-># MB, # MB goal, # MB stacks, #MB globals, # P
 * Go 1.0 – 1.4 (mgc0.c): `gc<N>(<procs>): <times> ms|us, <H0> -> <H1> MB …`
 *
 * The scanner keeps its state in module variables (it is synchronous and never re-entered),
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

let s = '';
let pos = 0;
let end = 0;
let spans: RawSpan[] | null = null;
let errorPos = -1;
let errorMessage = '';
let notes: GcScan['notes'] = null;
let numStart = 0;
/** How far the scan got, to say what a truncated line is missing. */
let stage = 0;

function advance() {
  stage++;
}

const clockScratch = new Float64Array(64);
const cpuScratch = new Float64Array(64);
const cpuSeparators = new Uint8Array(64);

function skipSpaces(): number {
  const from = pos;
  while (isSpace(s.charCodeAt(pos))) pos++;
  return pos - from;
}

/** Matches a literal; a space in the literal matches one or more space-like characters. */
function lit(text: string): boolean {
  const from = pos;
  for (let i = 0; i < text.length; i++) {
    const want = text.charCodeAt(i);
    if (want === 32) {
      if (!isSpace(s.charCodeAt(pos))) {
        pos = from;
        return false;
      }
      pos++;
      while (isSpace(s.charCodeAt(pos))) pos++;
    } else if (s.charCodeAt(pos) === want) {
      pos++;
    } else {
      pos = from;
      return false;
    }
  }
  return true;
}

/** Reads an unsigned decimal number (digits with an optional fraction); -1 when none. */
function readNumber(): number {
  let i = pos;
  let c = s.charCodeAt(i);
  if (!(c >= 48 && c <= 57)) return -1;
  numStart = i;
  let v = 0;
  do {
    v = v * 10 + (c - 48);
    c = s.charCodeAt(++i);
  } while (c >= 48 && c <= 57);
  if (c === 46) {
    let j = i + 1;
    c = s.charCodeAt(j);
    if (c >= 48 && c <= 57) {
      let f = 0;
      let d = 1;
      do {
        f = f * 10 + (c - 48);
        d *= 10;
        c = s.charCodeAt(++j);
      } while (c >= 48 && c <= 57);
      // Exact-integer division is correctly rounded, so this equals parseFloat when small enough.
      v = j - numStart <= 16 ? (v * d + f) / d : Number(s.slice(numStart, j));
      i = j;
    }
  } else if (i - numStart > 15) {
    v = Number(s.slice(numStart, i));
  }
  pos = i;
  return v;
}

/** Reads digits only (no fraction); -1 when none. */
function readInt(): number {
  let i = pos;
  let c = s.charCodeAt(i);
  if (!(c >= 48 && c <= 57)) return -1;
  numStart = i;
  let v = 0;
  do {
    v = v * 10 + (c - 48);
    c = s.charCodeAt(++i);
  } while (c >= 48 && c <= 57);
  if (i - numStart > 15) v = Number(s.slice(numStart, i));
  pos = i;
  return v;
}

function span(name: string, kind: FieldKind, start: number, stop: number, value: number | null) {
  if (spans !== null) spans.push({ name, kind, start, end: stop, value });
}

function fail(message: string): false {
  errorPos = pos;
  errorMessage = message;
  return false;
}

function note(
  at: number,
  length: number,
  kind: 'unusual-field-count' | 'normalised-character',
  message: string,
) {
  (notes ??= []).push({ pos: at, length, kind, message });
}

/** Matches `->`, tolerating the arrows and dashes that rich-text copy-paste substitutes. */
function arrow(spaced: boolean): boolean {
  const from = pos;
  if (spaced && !lit(' ')) return false;
  const c = s.charCodeAt(pos);
  if (c === 45 && s.charCodeAt(pos + 1) === 62) {
    pos += 2;
  } else if (c === 0x2192) {
    note(pos, 1, 'normalised-character', "read '→' as '->'");
    pos += 1;
  } else if ((c === 0x2212 || c === 0x2013 || c === 0x2014) && s.charCodeAt(pos + 1) === 62) {
    note(pos, 1, 'normalised-character', `read '${s[pos]}>' as '->'`);
    pos += 2;
  } else {
    pos = from;
    return false;
  }
  if (spaced && !lit(' ')) {
    pos = from;
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

function cutInsideLiteral(at: number): boolean {
  const rest = s.slice(at, end);
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
 * `wantSpans` records every field's position (slower; used on demand for hovers).
 */
export function scanGcLine(
  text: string,
  start: number,
  stop: number,
  line: number,
  column: number,
  wantSpans: boolean,
): GcScan {
  s = text;
  pos = start;
  end = stop;
  spans = wantSpans ? [] : null;
  errorPos = -1;
  errorMessage = '';
  notes = null;
  const startKind = gcStartKind(text, start, stop);
  const cycle = startKind === 'legacy' ? scanLegacy(line, column) : scanModern(line, column);
  let errorKind: GcScan['errorKind'] = null;
  let stopPos = pos;
  if (errorPos >= 0) {
    stopPos = errorPos;
    let k = errorPos;
    while (k < end && isSpace(s.charCodeAt(k))) k++;
    errorKind = k >= end || cutInsideLiteral(errorPos) ? 'truncated' : 'malformed-gc-line';
    if (cycle !== null) cycle.truncated = true;
  } else {
    skipSpaces();
    if (pos < end) {
      errorKind = 'trailing-text';
      errorPos = pos;
      errorMessage = `unexpected text ${foundAt(s, pos, end)} after the end of the gc line (it ends with 'P' or '(forced)' in Go 1.5+, 'yields' or 'handoff' before)`;
    }
  }
  const result: GcScan = {
    cycle,
    errorPos,
    errorKind,
    message: errorMessage,
    stopPos,
    spans,
    notes,
  };
  spans = null;
  s = '';
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

function scanModern(line: number, column: number): GcCycle | null {
  const tokenStart = pos;
  pos += 2;
  skipSpaces();
  let beta = false;
  if (s.charCodeAt(pos) === 35) {
    beta = true;
    pos++;
  }
  const gc = readInt();
  if (gc < 0) {
    fail(`expected the cycle number after 'gc', found ${foundAt(s, pos, end)}`);
    return null;
  }
  span('gc', 'counter', tokenStart, pos, gc);
  stage = 1;
  const cycle = newCycle(line, column, gc, beta ? 'go1.5beta' : 'go1.5+');
  const ok = scanModernBody(cycle);
  if (!ok) {
    if (errorPos >= 0 && !errorMessage.includes('missing:')) {
      let k = errorPos;
      while (k < end && isSpace(s.charCodeAt(k))) k++;
      if (k >= end || cutInsideLiteral(errorPos))
        errorMessage += `; missing: ${missingFrom(stage, modernStages)}`;
    }
    if (cycle.atSeconds === null) return null;
  }
  return cycle;
}

function scanModernBody(cycle: GcCycle): boolean {
  if (!lit(' @'))
    return fail(
      `expected ' @' and the start time after 'gc ${cycle.gc}', found ${foundAt(s, pos, end)}`,
    );
  const at = readNumber();
  if (at < 0)
    return fail(`expected a number after '@' (seconds since start), found ${foundAt(s, pos, end)}`);
  const atStart = numStart;
  if (s.charCodeAt(pos) !== 115)
    return fail(
      `expected 's' after the start time '@${s.slice(atStart, pos)}', found ${foundAt(s, pos, end)}`,
    );
  pos++;
  cycle.atSeconds = at;
  span('at', 'timestamp', atStart - 1, pos, at);
  advance();
  if (!lit(' '))
    return fail(
      `expected a space and the GC CPU percentage after the start time, found ${foundAt(s, pos, end)}`,
    );
  const pct = readInt();
  if (pct < 0)
    return fail(
      `expected the GC CPU percentage (a whole number) after the start time, found ${foundAt(s, pos, end)}`,
    );
  const pctStart = numStart;
  if (s.charCodeAt(pos) !== 37)
    return fail(`expected '%' after the GC CPU percentage, found ${foundAt(s, pos, end)}`);
  pos++;
  cycle.cpuPercent = pct;
  span('cpuPercent', 'percent', pctStart, pos, pct);
  const leakFrom = pos;
  if (s.charCodeAt(pos) !== 58 && lit(' (checking for goroutine leaks)')) {
    cycle.leakCheck = true;
    let k = leakFrom;
    while (isSpace(s.charCodeAt(k))) k++;
    span('leakCheck', 'leak-check', k, pos, null);
  }
  if (s.charCodeAt(pos) !== 58)
    return fail(`expected ':' after '${s.slice(pctStart, pos)}', found ${foundAt(s, pos, end)}`);
  pos++;
  advance();

  // Clock phases: t+t+t ms clock
  if (!lit(' '))
    return fail(`expected a space and the clock phases after ':', found ${foundAt(s, pos, end)}`);
  let n = 0;
  for (;;) {
    const v = readNumber();
    if (v < 0) {
      setClock(cycle, n);
      return fail(
        n === 0
          ? `expected the first clock phase (ms) after ':', found ${foundAt(s, pos, end)}`
          : `expected a number after '+' in the clock phases, found ${foundAt(s, pos, end)}`,
      );
    }
    if (n < 64) clockScratch[n] = v;
    span('clock', 'clock', numStart, pos, v);
    n++;
    if (s.charCodeAt(pos) === 43) pos++;
    else break;
  }
  setClock(cycle, n);
  if (!lit(' ms clock'))
    return fail(`expected ' ms clock' after the clock phases, found ${foundAt(s, pos, end)}`);
  if (n !== 3 && n !== 5)
    note(
      pos,
      0,
      'unusual-field-count',
      `expected 3 clock phases (Go 1.6+) or 5 (Go 1.5), found ${n}`,
    );
  advance();

  // CPU phases: t+t/t/t+t ms cpu
  if (!lit(', '))
    return fail(`expected ', ' and the CPU phases after 'ms clock', found ${foundAt(s, pos, end)}`);
  let m = 0;
  for (;;) {
    const v = readNumber();
    if (v < 0) {
      setCpu(cycle, m);
      return fail(
        m === 0
          ? `expected the first CPU phase (ms) after 'ms clock, ', found ${foundAt(s, pos, end)}`
          : `expected a number after '${s[pos - 1]}' in the CPU phases, found ${foundAt(s, pos, end)}`,
      );
    }
    if (m < 64) cpuScratch[m] = v;
    span('cpu', 'cpu', numStart, pos, v);
    m++;
    const c = s.charCodeAt(pos);
    if (c === 43 || c === 47) {
      if (m < 64) cpuSeparators[m] = c;
      pos++;
    } else break;
  }
  setCpu(cycle, m);
  if (!lit(' ms cpu'))
    return fail(`expected ' ms cpu' after the CPU phases, found ${foundAt(s, pos, end)}`);
  if (m !== 5 && m !== 7)
    note(
      pos,
      0,
      'unusual-field-count',
      `expected 5 CPU values (Go 1.6+) or 7 (Go 1.5), found ${m}`,
    );
  advance();

  // Heap: a->b->c MB
  if (!lit(', '))
    return fail(`expected ', ' and the heap sizes after 'ms cpu', found ${foundAt(s, pos, end)}`);
  const h0 = readInt();
  if (h0 < 0)
    return fail(
      `expected the heap size at the start of the cycle (MB) after 'ms cpu, ', found ${foundAt(s, pos, end)}`,
    );
  span('heap.start', 'heap', numStart, pos, h0);
  cycle.heapMB = [h0];
  if (!arrow(false))
    return fail(`expected '->' after the start heap size, found ${foundAt(s, pos, end)}`);
  const h1 = readInt();
  if (h1 < 0)
    return fail(
      `expected the heap size at the end of marking (MB) after '->', found ${foundAt(s, pos, end)}`,
    );
  span('heap.end', 'heap', numStart, pos, h1);
  cycle.heapMB = [h0, h1];
  if (!arrow(false))
    return fail(`expected '->' after the end-of-mark heap size, found ${foundAt(s, pos, end)}`);
  const h2 = readInt();
  if (h2 < 0)
    return fail(`expected the live heap (MB) after the second '->', found ${foundAt(s, pos, end)}`);
  span('heap.live', 'heap', numStart, pos, h2);
  cycle.heapMB = [h0, h1, h2];
  if (!lit(' MB'))
    return fail(`expected ' MB' after the heap sizes, found ${foundAt(s, pos, end)}`);
  advance();

  // Goal
  if (!lit(', '))
    return fail(
      `expected ', ' and the heap goal after the heap sizes, found ${foundAt(s, pos, end)}`,
    );
  const goal = readInt();
  if (goal < 0)
    return fail(`expected the heap goal (MB) after 'MB, ', found ${foundAt(s, pos, end)}`);
  const goalStart = numStart;
  if (!lit(' MB goal'))
    return fail(`expected ' MB goal' after the heap goal, found ${foundAt(s, pos, end)}`);
  cycle.goalMB = goal;
  cycle.goalUnbounded = goal >= unboundedGoalThresholdMB;
  span('goal', 'goal', goalStart, pos, goal);
  advance();

  // Optional stacks and globals (1.18+), then P
  if (!lit(', '))
    return fail(`expected ', ' and the P count after 'MB goal', found ${foundAt(s, pos, end)}`);
  let v = readInt();
  if (v < 0)
    return fail(
      `expected the number of Ps (or 'MB stacks' in Go 1.18+) after 'MB goal, ', found ${foundAt(s, pos, end)}`,
    );
  let vStart = numStart;
  if (lit(' MB stacks')) {
    cycle.stacksMB = v;
    span('stacks', 'stacks', vStart, pos, v);
    if (!lit(', '))
      return fail(
        `expected ', ' and the globals size after 'MB stacks', found ${foundAt(s, pos, end)}`,
      );
    const g = readInt();
    if (g < 0)
      return fail(
        `expected the globals size (MB) after 'MB stacks, ', found ${foundAt(s, pos, end)}`,
      );
    const gStart = numStart;
    // The Go 1.20 docs wrote "#MB globals"; accept it without the space too.
    if (!lit(' MB globals') && !lit('MB globals'))
      return fail(`expected ' MB globals' after the globals size, found ${foundAt(s, pos, end)}`);
    cycle.globalsMB = g;
    span('globals', 'globals', gStart, pos, g);
    if (!lit(', '))
      return fail(
        `expected ', ' and the P count after 'MB globals', found ${foundAt(s, pos, end)}`,
      );
    v = readInt();
    if (v < 0)
      return fail(`expected the number of Ps after 'MB globals, ', found ${foundAt(s, pos, end)}`);
    vStart = numStart;
  }
  if (!lit(' P'))
    return fail(`expected ' P' after the number of Ps, found ${foundAt(s, pos, end)}`);
  cycle.procs = v;
  span('procs', 'procs', vStart, pos, v);
  advance();
  const beforeForced = pos;
  if (lit(' (forced)')) {
    cycle.forced = true;
    let k = beforeForced;
    while (isSpace(s.charCodeAt(k))) k++;
    span('forced', 'forced', k, pos, null);
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

function setClock(cycle: GcCycle, n: number) {
  const count = Math.min(n, 64);
  cycle.clockMs =
    count === 3
      ? [clockScratch[0], clockScratch[1], clockScratch[2]]
      : Array.from(clockScratch.subarray(0, count));
  if (cycle.leakCheck) cycle.era = 'go1.26+';
  else if (count === 5 && cycle.era === 'go1.5+') cycle.era = 'go1.5';
}

function setCpu(cycle: GcCycle, n: number) {
  const count = Math.min(n, 64);
  if (
    count === 5 &&
    cpuSeparators[2] === 47 &&
    cpuSeparators[3] === 47 &&
    cpuSeparators[1] === 43 &&
    cpuSeparators[4] === 43
  ) {
    cycle.cpuMs = [cpuScratch[0], [cpuScratch[1], cpuScratch[2], cpuScratch[3]], cpuScratch[4]];
    return;
  }
  const phases: CpuPhase[] = [];
  for (let i = 0; i < count; i++) {
    if (i > 0 && cpuSeparators[i] === 47) {
      const last = phases[phases.length - 1];
      if (Array.isArray(last)) last.push(cpuScratch[i]);
      else phases[phases.length - 1] = [last, cpuScratch[i]];
    } else phases.push(cpuScratch[i]);
  }
  cycle.cpuMs = phases;
}

// ---------------------------------------------------------------- Go 1.0 – 1.4

const legacyStages = ['procs', 'pause times', 'heap sizes', 'object counts', 'work counters'];

function scanLegacy(line: number, column: number): GcCycle | null {
  const tokenStart = pos;
  pos += 2;
  const gc = readInt();
  span('gc', 'counter', tokenStart, pos, gc);
  pos++; // '('
  const procs = readInt();
  if (procs < 0) {
    fail(`expected the number of GC threads after 'gc${gc}(', found ${foundAt(s, pos, end)}`);
    return null;
  }
  span('procs', 'procs', numStart, pos, procs);
  if (!lit('):')) {
    fail(`expected '):' after 'gc${gc}(${procs}', found ${foundAt(s, pos, end)}`);
    return null;
  }
  const cycle = newCycle(line, column, gc, 'go1.0-1.4');
  cycle.procs = procs;
  stage = 1;
  const ok = scanLegacyBody(cycle);
  if (!ok && errorPos >= 0) {
    let k = errorPos;
    while (k < end && isSpace(s.charCodeAt(k))) k++;
    if (k >= end || cutInsideLiteral(errorPos))
      errorMessage += `; missing: ${missingFrom(stage, legacyStages)}`;
  }
  return cycle;
}

function scanLegacyBody(cycle: GcCycle): boolean {
  if (!lit(' '))
    return fail(`expected a space and the pause times after '):', found ${foundAt(s, pos, end)}`);
  let n = 0;
  for (;;) {
    const v = readInt();
    if (v < 0) {
      cycle.clockMs = Array.from(clockScratch.subarray(0, Math.min(n, 64)));
      return fail(
        n === 0
          ? `expected the first pause time after '):', found ${foundAt(s, pos, end)}`
          : `expected a number after '+' in the pause times, found ${foundAt(s, pos, end)}`,
      );
    }
    if (n < 64) clockScratch[n] = v;
    span('clock', 'clock', numStart, pos, v);
    n++;
    if (s.charCodeAt(pos) === 43) pos++;
    else break;
  }
  const count = Math.min(n, 64);
  let micro = false;
  let era: EraId;
  if (lit(' ms, ')) era = 'go1.1-1.2';
  else if (lit(' ms ')) era = 'go1.0';
  else if (lit(' us, ')) {
    era = 'go1.3';
    micro = true;
  } else {
    cycle.clockMs = Array.from(clockScratch.subarray(0, count));
    return fail(
      `expected ' ms' (Go 1.0–1.2) or ' us,' (Go 1.3–1.4) after the pause times, found ${foundAt(s, pos, end)}`,
    );
  }
  const clock: number[] = new Array(count);
  for (let i = 0; i < count; i++) clock[i] = micro ? clockScratch[i] / 1000 : clockScratch[i];
  cycle.clockMs = clock;
  cycle.era = era;
  const expected = micro ? 4 : 3;
  if (count !== expected)
    note(
      pos,
      0,
      'unusual-field-count',
      `expected ${expected} pause times in this format, found ${count}`,
    );
  if (spans !== null && micro)
    for (const sp of spans) if (sp.kind === 'clock' && sp.value !== null) sp.value /= 1000;
  advance();

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
  const h0 = readInt();
  if (h0 < 0)
    return fail(
      `expected the first heap size (MB) after the pause times, found ${foundAt(s, pos, end)}`,
    );
  span(micro ? 'heap.liveEstimate' : 'heap.before', 'heap', numStart, pos, h0);
  cycle.heapMB = [h0];
  if (!arrow(true))
    return fail(`expected ' -> ' after the first heap size, found ${foundAt(s, pos, end)}`);
  const h1 = readInt();
  if (h1 < 0)
    return fail(`expected the second heap size (MB) after '->', found ${foundAt(s, pos, end)}`);
  span(micro ? 'heap.atGc' : 'heap.after', 'heap', numStart, pos, h1);
  cycle.heapMB = [h0, h1];
  if (!lit(micro ? ' MB, ' : ' MB '))
    return fail(
      `expected '${micro ? ' MB, ' : ' MB '}' after the heap sizes, found ${foundAt(s, pos, end)}`,
    );
  advance();

  if (micro) {
    const o = readInt();
    if (o < 0)
      return fail(`expected the live object count after 'MB, ', found ${foundAt(s, pos, end)}`);
    span('objects.live', 'objects', numStart, pos, o);
    legacy.objects = [o];
    if (!lit(' ('))
      return fail(
        `expected ' (' and the malloc/free counts after the object count, found ${foundAt(s, pos, end)}`,
      );
  } else {
    const o0 = readInt();
    if (o0 < 0)
      return fail(
        `expected the object count before the GC after 'MB ', found ${foundAt(s, pos, end)}`,
      );
    span('objects.before', 'objects', numStart, pos, o0);
    if (!arrow(true))
      return fail(`expected ' -> ' after the object count, found ${foundAt(s, pos, end)}`);
    const o1 = readInt();
    if (o1 < 0)
      return fail(`expected the object count after the GC, found ${foundAt(s, pos, end)}`);
    span('objects.after', 'objects', numStart, pos, o1);
    legacy.objects = [o0, o1];
    if (!lit(' ('))
      return fail(
        `expected ' (' and the malloc/free counts after the object counts, found ${foundAt(s, pos, end)}`,
      );
  }
  const mallocs = readInt();
  if (mallocs < 0)
    return fail(`expected the cumulative malloc count after '(', found ${foundAt(s, pos, end)}`);
  span('mallocs', 'objects', numStart, pos, mallocs);
  if (s.charCodeAt(pos) !== 45)
    return fail(`expected '-' between the malloc and free counts, found ${foundAt(s, pos, end)}`);
  pos++;
  const frees = readInt();
  if (frees < 0)
    return fail(`expected the cumulative free count after '-', found ${foundAt(s, pos, end)}`);
  span('frees', 'objects', numStart, pos, frees);
  legacy.mallocs = mallocs;
  legacy.frees = frees;
  if (!lit(') objects'))
    return fail(`expected ') objects' after the free count, found ${foundAt(s, pos, end)}`);
  advance();

  if (cycle.era === 'go1.0') {
    if (!lit(' '))
      return fail(`expected the hand-off count after 'objects', found ${foundAt(s, pos, end)}`);
    const h = readInt();
    if (h < 0)
      return fail(`expected the hand-off count after 'objects', found ${foundAt(s, pos, end)}`);
    span('handoff', 'handoff', numStart, pos, h);
    legacy.handoff = [h];
    if (!lit(' handoff'))
      return fail(`expected ' handoff' after the hand-off count, found ${foundAt(s, pos, end)}`);
    return true;
  }
  if (!lit(', ')) return fail(`expected ', ' after 'objects', found ${foundAt(s, pos, end)}`);
  if (micro) {
    const g = readInt();
    if (g < 0)
      return fail(
        `expected the goroutine count (Go 1.4) or the sweep counts (Go 1.3) after 'objects, ', found ${foundAt(s, pos, end)}`,
      );
    const gStart = numStart;
    const gEnd = pos;
    if (lit(' goroutines, ')) {
      legacy.goroutines = g;
      cycle.era = 'go1.4';
      span('goroutines', 'goroutines', gStart, gEnd, g);
    } else pos = gStart;
    const triple = readTriple('sweeps', 'sweeps', ['spans', 'background', 'pause']);
    if (triple === null) return false;
    legacy.sweeps = triple;
    if (!lit(', ')) return fail(`expected ', ' after 'sweeps', found ${foundAt(s, pos, end)}`);
  }
  const handoff = readPair('handoff', 'handoff');
  if (handoff === null) return false;
  legacy.handoff = handoff;
  if (!lit(', ')) return fail(`expected ', ' after 'handoff', found ${foundAt(s, pos, end)}`);
  const steal = readPair('steal', 'steal');
  if (steal === null) return false;
  legacy.steal = steal;
  if (!lit(', ')) return fail(`expected ', ' after 'steal', found ${foundAt(s, pos, end)}`);
  const yields = readTriple('yields', 'yields', ['spin', 'os', 'sleep']);
  if (yields === null) return false;
  legacy.yields = yields;
  return true;
}

/** `a(b) word` */
function readPair(word: string, kind: FieldKind): number[] | null {
  const a = readInt();
  if (a < 0) return fail(`expected the ${word} count, found ${foundAt(s, pos, end)}`) || null;
  span(word, kind, numStart, pos, a);
  if (s.charCodeAt(pos) !== 40)
    return fail(`expected '(' after the ${word} count, found ${foundAt(s, pos, end)}`) || null;
  pos++;
  const b = readInt();
  if (b < 0)
    return (
      fail(`expected a number after '(' in the ${word} counts, found ${foundAt(s, pos, end)}`) ||
      null
    );
  span(`${word}Count`, kind, numStart, pos, b);
  if (!lit(`) ${word}`)) return fail(`expected ') ${word}', found ${foundAt(s, pos, end)}`) || null;
  return [a, b];
}

/** `a/b/c word` */
function readTriple(word: string, kind: FieldKind, names: string[]): number[] | null {
  const out: number[] = [];
  for (let i = 0; i < 3; i++) {
    if (i > 0) {
      if (s.charCodeAt(pos) !== 47)
        return (
          fail(`expected '/' between the ${word} counts, found ${foundAt(s, pos, end)}`) || null
        );
      pos++;
    }
    const v = readInt();
    if (v < 0)
      return fail(`expected a number in the ${word} counts, found ${foundAt(s, pos, end)}`) || null;
    span(`${word}.${names[i]}`, kind, numStart, pos, v);
    out.push(v);
  }
  if (!lit(` ${word}`))
    return (
      fail(`expected ' ${word}' after the ${word} counts, found ${foundAt(s, pos, end)}`) || null
    );
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
