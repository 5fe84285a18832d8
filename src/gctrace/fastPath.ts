/**
 * Fast path for the common case: a Go 1.5+ gc line printed exactly as the runtime prints it
 * (single spaces, no breaks), on a line of its own or as the text of a Docker JSON log line. Locals only, numbers from char codes; returns null on any
 * deviation, and the general scanner (scanGcLine.ts) then reads the line and explains problems.
 *
 * Memory matters as much as speed here (the workbench keeps million-line traces in memory):
 * whole numbers are handed over through an Int32Array, so V8 stores them in the cycle as small integers
 * (Smis) instead of boxing each one in a 16-byte heap number the GC then has to trace.
 */
import type { GcCycle } from './types.ts';
import { unboundedGoalThresholdMB } from './scanGcLine.ts';

/**
 * Slots of `values`, in the order the numbers are printed. Go 1.6+ lines print 3 clock phases
 * and 5 CPU values, Go 1.5 lines 5 and 7, so the heap sizes and goal come 4 slots later there
 * (`shift`). The stacks, globals and P count have slots of their own after all of them (Go 1.6 –
 * 1.17 and Go 1.5 lines have no stacks and globals: their P count is read into the STACKS slot,
 * then moved). `fastModernCycle` reads the numbers up to the goal in a loop over this order.
 */
const GC = 0;
const AT = 1;
const PERCENT = 2;
const CLOCK = 3; // 3 slots, or 5 (Go 1.5)
const CPU = 6; // 5 slots: sweep termination, assist, background, idle, mark termination (7 in Go 1.5)
const HEAP = 11; // three slots: start, end, live (+ shift)
const GOAL = 14; // (+ shift)
const STACKS = 19;
const GLOBALS = 20;
const PROCS = 21;
/** How much later the heap sizes and goal of a Go 1.5 line come. */
const go15Shift = 4;
const values = new Float64Array(22);

/** The whole-number fields (heap and goal slots without the shift); they must not carry a fraction. */
const wholeSlots = [GC, PERCENT, HEAP, HEAP + 1, HEAP + 2, GOAL, STACKS, GLOBALS, PROCS];
/** The whole-number fields again, as int32, in the same slots: what the cycle is built from. */
const ints = new Int32Array(values.length);

/** Largest value an Int32Array slot holds. */
const maxInt32 = 0x7fffffff;

/**
 * Reads a decimal number (digits with an optional fraction) at `p` into `values[slot]`;
 * returns the index after it, or -1. Same limits and rounding as the general scanner.
 */
function readNumber(text: string, p: number, slot: number): number {
  let c = text.charCodeAt(p);
  if (!(c >= 48 && c <= 57)) return -1;
  const from = p;
  let v = 0;
  do {
    v = v * 10 + (c - 48);
    c = text.charCodeAt(++p);
  } while (c >= 48 && c <= 57);
  if (c === 46) {
    c = text.charCodeAt(++p);
    if (!(c >= 48 && c <= 57)) return -1;
    let scale = 1;
    do {
      v = v * 10 + (c - 48);
      scale *= 10;
      c = text.charCodeAt(++p);
    } while (c >= 48 && c <= 57);
    if (p - from > 16) return -1;
    // `v` holds all the digits: an exact integer below 2^53, so the division is correctly
    // rounded and equals parseFloat.
    v /= scale;
  } else if (p - from > 15) return -1;
  values[slot] = v;
  return p;
}

/** The char codes of a fixed text of the line, compared by `at`. */
export function codesOf(lit: string): Uint8Array {
  return Uint8Array.from(lit, (ch) => ch.charCodeAt(0));
}
const GC_SPACE = codesOf('gc ');
const MB_STACKS = codesOf(' MB stacks, ');
const MB_GLOBALS = codesOf(' MB globals, ');
const SPACE_P = codesOf(' P');
const FORCED = codesOf(' (forced)');

/** The text after each number up to the goal, which every Go 1.6+ line prints the same way. */
const separators = [
  ' @', // gc 12 @
  's ', // @1.234s
  '%: ', // 5%:
  '+',
  '+',
  ' ms clock, ',
  '+',
  '/',
  '/',
  '+',
  ' ms cpu, ',
  '->',
  '->',
  ' MB, ',
  ' MB goal, ',
].map(codesOf);
/** The same for Go 1.5 (5 clock phases, 7 CPU values); the first five are those of Go 1.6+. */
const go15Separators = [
  ' @',
  's ',
  '%: ',
  '+',
  '+',
  '+',
  '+',
  ' ms clock, ',
  '+',
  '+',
  '+',
  '/',
  '/',
  '+',
  ' ms cpu, ',
  '->',
  '->',
  ' MB, ',
  ' MB goal, ',
].map(codesOf);
/** The slot of the third clock phase, after which a Go 1.5 line goes on with '+'. */
const thirdClock = CLOCK + 2;
const PLUS = 43;
/** What may follow the last field: the end of the line, or in a Docker JSON log line the end of its text. */
const JSON_END = codesOf('"');
const JSON_LF_END = codesOf('\\n"');
const JSON_CRLF_END = codesOf('\\r\\n"');

/**
 * True if the text with char codes `lit` stands at `p`. A loop over a typed array, not
 * `startsWith`: the builtin call costs more than comparing these few characters, most of all
 * when `text` is a concatenated (cons) string, and typed-array reads are cheaper than string ones.
 */
export function at(text: string, p: number, lit: Uint8Array): boolean {
  for (let i = 0; i < lit.length; i++) if (text.charCodeAt(p + i) !== lit[i]) return false;
  return true;
}

/**
 * Where the line of the last cycle returned by `fastModernCycle` ends (index of its '\n' or
 * '\r', or the text length): a canonical line ends right after its last field, so the caller
 * needs no search for the line end. In a Docker JSON log line, the index after the closing '"'.
 */
export let fastLineEnd = 0;

/**
 * Parses a canonical Go 1.5+ gc line starting at `p` (the 'gc') and running to the end of its
 * line, or returns null. With `inJson`, the line is the text of a Docker JSON log line, read
 * in place: it must then end with `\n"` (or `\r\n"`, or just `"`), with no escapes before.
 */
export function fastModernCycle(
  text: string,
  p: number,
  line: number,
  column: number,
  inJson = false,
): GcCycle | null {
  if (!at(text, p, GC_SPACE)) return null;
  p += 3;
  // gc # @#s #%: #+#+# ms clock, #+#/#/#+# ms cpu, #->#-># MB, # MB goal,
  // (Go 1.5: #+#+#+#+# ms clock, #+#+#+#/#/#+# ms cpu)
  // One loop with one call site, so that V8 inlines the number reader.
  let seps = separators;
  for (let slot = 0; slot < seps.length; slot++) {
    p = readNumber(text, p, slot);
    if (p < 0) return null;
    if (slot === thirdClock && text.charCodeAt(p) === PLUS) seps = go15Separators;
    const after = seps[slot];
    if (!at(text, p, after)) return null;
    p += after.length;
  }
  const go15 = seps === go15Separators;
  const shift = go15 ? go15Shift : 0;
  // [# MB stacks, # MB globals, ]# P[ (forced)]
  p = readNumber(text, p, STACKS);
  if (p < 0) return null;
  const withStacks = at(text, p, MB_STACKS);
  if (withStacks) {
    // Go 1.5 never printed stacks: such a line is the general scanner's.
    if (go15) return null;
    p = readNumber(text, p + MB_STACKS.length, GLOBALS);
    if (p < 0 || !at(text, p, MB_GLOBALS)) return null;
    p = readNumber(text, p + MB_GLOBALS.length, PROCS);
    if (p < 0) return null;
  } else {
    values[PROCS] = values[STACKS];
    values[STACKS] = 0;
    values[GLOBALS] = 0;
  }
  if (!at(text, p, SPACE_P)) return null;
  p += 2;
  let forced = false;
  if (text.charCodeAt(p) === 32 && at(text, p, FORCED)) {
    forced = true;
    p += FORCED.length;
  }
  if (inJson) {
    const end = at(text, p, JSON_LF_END)
      ? JSON_LF_END
      : at(text, p, JSON_END)
        ? JSON_END
        : at(text, p, JSON_CRLF_END)
          ? JSON_CRLF_END
          : null;
    if (end === null) return null;
    p += end.length;
  } else {
    const next = text.charCodeAt(p);
    if (next !== 10 && next !== 13 && p !== text.length) return null;
  }
  fastLineEnd = p;

  // Integer fields must not carry a fraction; the general scanner reports such lines.
  // The int32 copies are what the cycle is built from (Smis, see the top of the file).
  let beyondInt32 = false;
  for (let i = 0; i < wholeSlots.length; i++) {
    let slot = wholeSlots[i];
    if (slot >= HEAP && slot < STACKS) slot += shift;
    const v = values[slot];
    if (Math.trunc(v) !== v) return null; // cheaper than v % 1, which calls fmod
    if (v > maxInt32) beyondInt32 = true;
    ints[slot] = v;
  }

  // Same property order as every other cycle, so all cycles share one hidden class.
  const heap = HEAP + shift;
  const goal = GOAL + shift;
  const cycle: GcCycle = {
    line,
    column,
    endLine: line,
    gc: ints[GC],
    era: go15 ? 'go1.5' : withStacks ? 'go1.18+' : 'go1.6-1.17',
    atSeconds: values[AT],
    cpuPercent: ints[PERCENT],
    leakCheck: false,
    clockMs: go15
      ? [values[3], values[4], values[5], values[6], values[7]]
      : [values[CLOCK], values[CLOCK + 1], values[CLOCK + 2]],
    cpuMs: go15
      ? [values[8], values[9], values[10], [values[11], values[12], values[13]], values[14]]
      : [values[CPU], [values[CPU + 1], values[CPU + 2], values[CPU + 3]], values[CPU + 4]],
    heapMB: [ints[heap], ints[heap + 1], ints[heap + 2]],
    goalMB: ints[goal],
    goalUnbounded: values[goal] >= unboundedGoalThresholdMB,
    stacksMB: withStacks ? ints[STACKS] : null,
    globalsMB: withStacks ? ints[GLOBALS] : null,
    procs: ints[PROCS],
    forced,
    truncated: false,
    rejoined: false,
    run: 0,
    legacy: null,
  };
  if (beyondInt32) useExactWholes(cycle, withStacks, heap, goal);
  return cycle;
}

/** Rare case (the 14-digit "no goal" of GOGC=off, absurd counts): the exact values, as doubles. */
function useExactWholes(cycle: GcCycle, withStacks: boolean, heap: number, goal: number): void {
  cycle.gc = values[GC];
  cycle.cpuPercent = values[PERCENT];
  cycle.heapMB = [values[heap], values[heap + 1], values[heap + 2]];
  cycle.goalMB = values[goal];
  if (withStacks) {
    cycle.stacksMB = values[STACKS];
    cycle.globalsMB = values[GLOBALS];
  }
  cycle.procs = values[PROCS];
}
