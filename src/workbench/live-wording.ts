/**
 * What the workbench says about a live trace from `gctrace watch`: its state in a word, what is
 * watched, its counts, how it ended, and the few things announced to screen readers. Pure text,
 * so the page and its tests read the same sentences.
 */
import type { LiveExit, LiveSource, LiveStatus } from './live-stream.ts';
import { plural } from '../gctrace/index.ts';

/** Where the live view is: each phase has its word, shown beside the trace (never colour alone). */
export type LivePhase =
  'connecting' | 'unreachable' | 'live' | 'paused' | 'reconnecting' | 'ended' | 'stopped';

export const livePhaseWord: Readonly<Record<LivePhase, string>> = {
  connecting: 'Connecting',
  unreachable: 'Not connected',
  live: 'Live',
  paused: 'Paused',
  reconnecting: 'Connection lost',
  ended: 'Ended',
  stopped: 'Stopped',
};

/** What is watched, as the live bar names it. */
export function liveWhatText(what: string, source: LiveSource): string {
  if (source === 'stdin') return 'Reading a pipe (the standard input of gctrace watch).';
  if (source === 'file') return `Following the log file ${what}.`;
  return what === '' ? 'Watching a program.' : `Watching ${what}`;
}

/** The running counts: lines and cycles shown, and while paused the lines waiting. */
export function liveCountsText(lines: number, cycles: number, waiting: number): string {
  const shown = `${plural(lines, 'line')} · ${plural(cycles, 'cycle')}`;
  return waiting > 0 ? `${shown} · ${plural(waiting, 'new line')}` : shown;
}

/** How the watched source ended. */
export function liveExitText(exit: LiveExit): string {
  if (exit.source === 'stdin') return 'The pipe closed: the input has ended.';
  if (exit.source === 'file') return `Stopped following ${exit.what}.`;
  if (exit.signal !== null) return `The program was ended by signal ${exit.signal}.`;
  if (exit.status !== null) return `The program exited (status ${exit.status}).`;
  return 'The program has ended.';
}

/**
 * The sentence under the live bar's heading for a state of the stream, or null for none.
 * `connected`: the stream has worked before (so a failure is a lost connection, not a wrong
 * address).
 */
export function liveStatusText(status: LiveStatus, connected = true): string | null {
  if (status.state === 'connecting') return 'Connecting to gctrace watch…';
  if (status.state === 'reconnecting' && !connected)
    return `gctrace watch cannot be reached at this address. Is it still running, and is this the address it printed, with its token? Trying again${status.inMs > 0 ? ` in ${Math.round(status.inMs / 1000)} s` : ''}.`;
  if (status.state === 'reconnecting')
    return status.inMs > 0
      ? `The connection to gctrace watch was lost; trying again in ${Math.round(status.inMs / 1000)} s. The trace so far stays here.`
      : 'The connection to gctrace watch was lost; reconnecting… The trace so far stays here.';
  if (status.state === 'exited') return liveExitText(status);
  if (status.state === 'closed') return 'No longer following the program.';
  return null;
}

/** What a screen reader hears: only the start, pause, resume, a lost connection and the end. */
export const liveAnnouncements = {
  started: (what: string, source: LiveSource) =>
    `Live trace. ${liveWhatText(what, source)} The charts follow as lines arrive.`,
  paused: 'Paused. New lines are counted and shown when you resume.',
  resumed: (waiting: number) =>
    waiting > 0 ? `Following again: ${plural(waiting, 'new line')} added.` : 'Following again.',
  lost: 'The connection to gctrace watch was lost; trying again.',
  unreachable: 'gctrace watch cannot be reached at this address.',
  back: 'Connected again.',
  ended: (exit: LiveExit, lines: number, cycles: number) =>
    `${liveExitText(exit)} The trace stays here: ${plural(lines, 'line')}, ${plural(cycles, 'cycle')}.`,
};
