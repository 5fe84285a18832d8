/**
 * What the workbench says about a trace: sizes, counts, the status line, run choices and
 * notices. Pure text, so the page and its tests read the same sentences.
 */
import { plural, statusLine } from '../gctrace/index.ts';
import type { Domain, RunInfo, TraceState } from './protocol.ts';
import type { SaveOutcome } from './storage.ts';
import { rangeLabel } from './zoom.ts';

// Formatting the first number loads the locale's data (tens of milliseconds): better while the
// page starts than in the middle of reading a trace. Later toLocaleString('en') calls reuse it.
const numberFormat = new Intl.NumberFormat('en');

/** A count with thousands separators: 1,000,000. */
export const count = (n: number): string => numberFormat.format(n);

/** A file size in MB (one decimal) from a megabyte up, in whole KB below. */
export const megabytes = (bytes: number): string =>
  bytes >= 1e6 ? `${(bytes / 1e6).toFixed(1)} MB` : `${Math.ceil(bytes / 1e3)} KB`;

/** Reading progress: "Read 2.0 MB of 40.0 MB: 1,000 lines, 990 cycles". */
export function progressText(bytes: number, total: number, lines: number, cycles: number): string {
  return `Read ${megabytes(bytes)} of ${megabytes(total)}: ${plural(lines, 'line')}, ${plural(cycles, 'cycle')}`;
}

/** The status line of a trace: the engine's status line, with lines and reading state. */
export function statusText(state: TraceState, run: number): string {
  return statusLine({
    lines: state.lineCount,
    cycles: state.cycleCount,
    problems: state.problemCount,
    era: state.runs[run]?.era ?? null,
    runs: state.runs.length,
    reading: !state.final,
  });
}

/** After the problems listed: how many more there are, and how many are kept with their place. */
export function moreProblemsText(state: TraceState, shown: number): string | null {
  if (state.problemCount <= shown) return null;
  const kept =
    state.problemCount > state.problems.length
      ? ` (the first ${count(state.problems.length)} are kept with their place)`
      : '';
  return `and ${count(state.problemCount - shown)} more${kept}.`;
}

/** A run in the run picker: its cycles and lines, and whether it is the longest. */
export function runOptionText(run: RunInfo, mainRun: number): string {
  return `Run ${run.index + 1}: ${plural(run.cycles, 'cycle')}, lines ${run.firstLine}–${run.lastLine}${run.index === mainRun ? ' (longest)' : ''}`;
}

/** Why a run starts, when the trace says. */
export const runReasonText = (reason: string | null | undefined): string =>
  reason ? `This run starts because ${reason}.` : '';

/** What keeps a trace from being kept across a reload, or null when it was saved. */
export function saveNotice(outcome: SaveOutcome): string | null {
  if (outcome === 'saved') return null;
  if (outcome === 'too-big')
    return 'This trace is too big to keep in the browser’s storage; it stays on the page until you leave. Keep your file.';
  if (outcome === 'full')
    return 'The browser’s storage for this site is full, so this change was not kept: after a reload you would see the trace as last kept. It stays on the page until you leave; free some space (the privacy page can forget what the site keeps) or keep your file.';
  return 'Your browser is not keeping data for this site, so this trace lasts only until you leave the page.';
}

/** How a file too big to edit is shown, and whether it survives a reload when it could not be kept. */
export function bigFileNotice(
  name: string,
  bytes: number,
  pageSize: number,
  kept: SaveOutcome = 'saved',
): string {
  const shown = `${name} is ${megabytes(bytes)}: it is read in the background and shown read-only, ${pageSize} lines a page.`;
  if (kept === 'saved') return `${shown} Edit it in your own editor and open it again.`;
  const why =
    kept === 'too-big'
      ? 'too big to keep in the browser'
      : kept === 'full'
        ? 'not kept, as the browser’s storage for this site is full'
        : 'not kept by this browser';
  return `${shown} It is ${why}, so after a reload open it again.`;
}

/** What the comparison waits for, before both traces are read. */
export function compareWaitText(hasA: boolean, hasB: boolean): string {
  if (!hasB) return 'Load a second trace to compare.';
  if (!hasA) return 'Load your trace above first.';
  return 'Reading…';
}

/** What the comparison says when one trace (or both) has no gc line. */
export function compareNoGcLineText(a: TraceState, b: TraceState): string {
  const which =
    a.cycleCount === 0 && b.cycleCount === 0
      ? 'Neither trace has'
      : a.cycleCount === 0
        ? 'Your trace (A) has'
        : 'The second trace (B) has';
  return `${which} no gc line, so there is nothing to compare.`;
}

/** The caption of the table of differences: which traces and runs, over which range. */
export function differencesCaption(
  a: { name: string; run: number },
  b: { name: string; run: number },
  zoom: Domain | null,
): string {
  return `A: ${a.name || 'your trace'} (run ${a.run + 1}) against B: ${b.name || 'second trace'} (run ${b.run + 1})${zoom ? `, ${rangeLabel(zoom)}` : ''}`;
}

/** The note under the findings when they cover a zoomed range only. */
export const rangeNote = (domain: Domain, cycles: number): string =>
  `Findings for ${rangeLabel(domain)} only (${plural(cycles, 'cycle')}).`;

/**
 * A share link that could not be opened, and what the page shows instead: the saved trace (kept
 * as it was), the trace already on the page, or nothing.
 */
export function linkErrorText(message: string, shown: 'saved' | 'current' | 'nothing'): string {
  if (shown === 'saved') return `${message} Your saved trace is shown instead, unchanged.`;
  if (shown === 'current') return `${message} The trace you had is still here, unchanged.`;
  return message;
}

/** How to capture a trace: the runtime writes it to standard error. */
export const captureHint =
  'The runtime writes its trace to standard error: run the program with GODEBUG=gctrace=1 and keep standard error, as in GODEBUG=gctrace=1 ./prog 2> trace.txt, then open trace.txt here.';

/** What a trace with no gc line holds, and how to capture one; null when it has cycles. */
export function noGcLineText(state: TraceState): string | null {
  if (state.cycleCount > 0) return null;
  const found = state.binary
    ? 'This looks like a binary file, not text, so there is no gc line to read.'
    : state.lineCount === 0 || state.bytes === 0
      ? 'The trace is empty.'
      : `No gc line in ${plural(state.lineCount, 'line')} of text.`;
  return `${found} ${captureHint}`;
}

/**
 * What "Copy a share link" can put in a link: the text, nothing (no trace loaded, or cleared),
 * or a file too big to edit, which travels only as a file.
 */
export function shareable(slot: {
  id: string | null;
  text: string | null;
}): 'text' | 'nothing' | 'big-file' {
  if (slot.id === null || slot.text?.trim() === '') return 'nothing';
  return slot.text === null ? 'big-file' : 'text';
}

/** Why there is no share link. */
export function shareRefusal(what: 'nothing' | 'big-file', maxFragmentChars: number): string {
  return what === 'nothing'
    ? 'There is no trace to share yet: paste, open or drop one first.'
    : `This trace is too big for a link (links carry up to ${maxFragmentChars / 1024} KB of compressed trace). Share the file instead, or export the findings as Markdown.`;
}
