/**
 * Fast path for the common case: a Go 1.6+ gc line printed exactly as the runtime prints it
 * (single spaces, no breaks). Locals only, numbers from char codes; returns null on any
 * deviation, and the general scanner (scanGcLine.ts) then reads the line and explains problems.
 */
import type { GcCycle } from './types.ts';
import { unboundedGoalThresholdMB } from './scanGcLine.ts';

const values = new Float64Array(16);

/** Reads a decimal number at `p` into `values[slot]`; returns the index after it, or -1. */
function num(text: string, p: number, slot: number): number {
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
    let f = 0;
    let d = 1;
    do {
      f = f * 10 + (c - 48);
      d *= 10;
      c = text.charCodeAt(++p);
    } while (c >= 48 && c <= 57);
    if (p - from > 16) return -1;
    v = (v * d + f) / d;
  } else if (p - from > 15) return -1;
  values[slot] = v;
  return p;
}

/** True if `lit` stands at `p` (the builtin beats a char loop here). */
function at(text: string, p: number, lit: string): boolean {
  return text.startsWith(lit, p);
}

/** Parses a canonical Go 1.6+ gc line starting at `p` (the 'gc'), or returns null. */
export function fastModernCycle(
  text: string,
  p: number,
  end: number,
  line: number,
  column: number,
): GcCycle | null {
  if (!at(text, p, 'gc ')) return null;
  p = num(text, p + 3, 0);
  if (p < 0 || text.charCodeAt(p) !== 32 || text.charCodeAt(p + 1) !== 64) return null;
  p = num(text, p + 2, 1);
  if (p < 0 || text.charCodeAt(p) !== 115 || text.charCodeAt(p + 1) !== 32) return null;
  p = num(text, p + 2, 2);
  if (
    p < 0 ||
    text.charCodeAt(p) !== 37 ||
    text.charCodeAt(p + 1) !== 58 ||
    text.charCodeAt(p + 2) !== 32
  )
    return null;
  p = num(text, p + 3, 3);
  if (p < 0 || text.charCodeAt(p) !== 43) return null;
  p = num(text, p + 1, 4);
  if (p < 0 || text.charCodeAt(p) !== 43) return null;
  p = num(text, p + 1, 5);
  if (p < 0 || !at(text, p, ' ms clock, ')) return null;
  p = num(text, p + 11, 6);
  if (p < 0 || text.charCodeAt(p) !== 43) return null;
  p = num(text, p + 1, 7);
  if (p < 0 || text.charCodeAt(p) !== 47) return null;
  p = num(text, p + 1, 8);
  if (p < 0 || text.charCodeAt(p) !== 47) return null;
  p = num(text, p + 1, 9);
  if (p < 0 || text.charCodeAt(p) !== 43) return null;
  p = num(text, p + 1, 10);
  if (p < 0 || !at(text, p, ' ms cpu, ')) return null;
  p = num(text, p + 9, 11);
  if (p < 0 || text.charCodeAt(p) !== 45 || text.charCodeAt(p + 1) !== 62) return null;
  p = num(text, p + 2, 12);
  if (p < 0 || text.charCodeAt(p) !== 45 || text.charCodeAt(p + 1) !== 62) return null;
  p = num(text, p + 2, 13);
  if (p < 0 || !at(text, p, ' MB, ')) return null;
  p = num(text, p + 5, 14);
  if (p < 0 || !at(text, p, ' MB goal, ')) return null;
  p = num(text, p + 10, 15);
  if (p < 0) return null;
  let stacks: number | null = null;
  let globals: number | null = null;
  if (at(text, p, ' MB stacks, ')) {
    stacks = values[15];
    p = num(text, p + 12, 15);
    if (p < 0 || !at(text, p, ' MB globals, ')) return null;
    globals = values[15];
    p = num(text, p + 13, 15);
    if (p < 0) return null;
  }
  if (text.charCodeAt(p) !== 32 || text.charCodeAt(p + 1) !== 80) return null;
  p += 2;
  let forced = false;
  if (p < end && at(text, p, ' (forced)')) {
    forced = true;
    p += 9;
  }
  if (p !== end) return null;
  const goal = values[14];
  const v = values;
  // Integer fields must not carry a fraction; the general scanner reports such lines.
  if (
    v[0] % 1 !== 0 ||
    v[2] % 1 !== 0 ||
    v[11] % 1 !== 0 ||
    v[12] % 1 !== 0 ||
    v[13] % 1 !== 0 ||
    goal % 1 !== 0 ||
    v[15] % 1 !== 0
  )
    return null;
  if ((stacks !== null && stacks % 1 !== 0) || (globals !== null && globals % 1 !== 0)) return null;
  return {
    line,
    column,
    endLine: line,
    gc: v[0],
    era: stacks === null ? 'go1.6-1.17' : 'go1.18+',
    atSeconds: v[1],
    cpuPercent: v[2],
    leakCheck: false,
    clockMs: [v[3], v[4], v[5]],
    cpuMs: [v[6], [v[7], v[8], v[9]], v[10]],
    heapMB: [v[11], v[12], v[13]],
    goalMB: goal,
    goalUnbounded: goal >= unboundedGoalThresholdMB,
    stacksMB: stacks,
    globalsMB: globals,
    procs: v[15],
    forced,
    truncated: false,
    rejoined: false,
    run: 0,
    legacy: null,
  };
}
