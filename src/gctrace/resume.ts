/**
 * Incremental parsing: where a parse of edited text can take over from the parse of the text
 * before the edit, and what it keeps from that earlier parse.
 */
import { lineAfter } from './lines.ts';
import { maxContinuationLines } from './rejoin.ts';
import type { CompanionLine, Diagnostic, GcCycle, ParsedTrace, Rejoin } from './types.ts';

/** A line where parsing resumes, its offset in the text, and the first line the edit changed. */
export interface ResumePoint {
  line: number;
  offset: number;
  changedLine: number;
}

/**
 * Adds to `into` everything the lines before `line` produced in `previous`, except what
 * splitRuns adds: the runs are split again over all cycles once the parse is done.
 */
export function carryOver(
  previous: ParsedTrace,
  line: number,
  into: {
    cycles: GcCycle[];
    companions: CompanionLine[];
    diagnostics: Diagnostic[];
    rejoins: Rejoin[];
  },
): void {
  const before = (item: { line: number }) => item.line < line;
  for (const cycle of previous.cycles) {
    if (!before(cycle)) break;
    into.cycles.push(cycle);
  }
  for (const companion of previous.companions) {
    if (!before(companion)) break;
    into.companions.push(companion);
  }
  for (const d of previous.diagnostics)
    if (before(d) && d.kind !== 'new-run' && d.kind !== 'numbering-gap') into.diagnostics.push(d);
  for (const r of previous.rejoins) if (before(r)) into.rejoins.push(r);
}

/**
 * The cycles read again only because they lie just before an edit usually read the same as
 * before: those keep the earlier objects, so that later steps (the analysis of a run, the
 * charts) can tell by identity that nothing about them changed.
 */
export function keepUnchangedCycles(
  cycles: GcCycle[],
  before: readonly GcCycle[],
  changedLine: number,
) {
  // The cycles up to the resume point are the earlier objects already.
  let k = 0;
  while (k < cycles.length && k < before.length && cycles[k] === before[k]) k++;
  for (; k < cycles.length && k < before.length; k++) {
    const now = cycles[k]!;
    const then = before[k]!;
    if (now.endLine >= changedLine || now.line !== then.line) break;
    // `run` is set when runs are split, which has not happened yet for the new object.
    if (JSON.stringify({ ...now, run: 0 }) !== JSON.stringify({ ...then, run: 0 })) break;
    cycles[k] = then;
  }
}

/**
 * Where a parse of `text` can take over from `previous`: the start of a line far enough before
 * the first changed character that nothing read before it depends on the change (a broken gc
 * line looks up to `maxContinuationLines` lines ahead), and not inside a rejoined cycle. Null
 * when the change is in the first lines, where there is nothing to keep.
 */
export function resumePoint(previous: ParsedTrace, text: string): ResumePoint | null {
  const old = previous.text;
  const shorter = Math.min(old.length, text.length);
  // First differing character: compare in chunks (a native string compare), then one by one.
  let changed = 0;
  const chunk = 4096;
  while (
    changed + chunk <= shorter &&
    old.slice(changed, changed + chunk) === text.slice(changed, changed + chunk)
  )
    changed += chunk;
  while (changed < shorter && old.charCodeAt(changed) === text.charCodeAt(changed)) changed++;
  // Line starts up to the line holding the change, with the parser's own terminators
  // (\n, \r\n or a lone \r); both texts agree on everything before `changed`.
  const starts = [0];
  // The next \r is looked up only when passed: most traces have none, and a search for it from
  // every line would read the rest of the text each time.
  let cr = -1;
  for (let p = 0; ;) {
    let nl = text.indexOf('\n', p);
    if (nl < 0) nl = text.length;
    if (cr < p) {
      cr = text.indexOf('\r', p);
      if (cr < 0) cr = text.length;
    }
    const end = cr < nl ? cr : nl;
    const next = lineAfter(text, end);
    // The terminator belongs to its line: a change to it is a change to this line.
    if (next > changed || end >= text.length) break;
    starts.push(next);
    p = next;
  }
  let line = starts.length - maxContinuationLines - 1;
  // A cycle rejoined from several lines is read again from its first line.
  let k = previous.cycles.length - 1;
  while (k >= 0 && previous.cycles[k]!.line >= line) k--;
  if (k >= 0 && previous.cycles[k]!.endLine >= line) line = previous.cycles[k]!.line;
  if (line < 2) return null;
  return { line, offset: starts[line - 1]!, changedLine: starts.length };
}
