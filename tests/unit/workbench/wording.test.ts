import { describe, expect, it } from 'vitest';
import type { RunInfo, TraceState } from '../../../src/workbench/protocol.ts';
import {
  bigFileNotice,
  compareWaitText,
  count,
  differencesCaption,
  linkErrorText,
  shareable,
  shareRefusal,
  noGcLineText,
  compareNoGcLineText,
  megabytes,
  moreProblemsText,
  progressText,
  rangeNote,
  runOptionText,
  runReasonText,
  saveNotice,
  statusText,
} from '../../../src/workbench/wording.ts';

function run(index: number, cycles: number, firstLine: number, lastLine: number): RunInfo {
  return {
    index,
    firstLine,
    lastLine,
    era: 'go1.18+',
    cycles,
    startReason: null,
    firstGc: 1,
    lastGc: cycles,
  };
}

/** A trace state as the worker sends it, written out by hand. */
function state(overrides: Partial<TraceState>): TraceState {
  return {
    final: true,
    name: 'trace.txt',
    bytes: 1000,
    lineCount: 1200,
    cycleCount: 1,
    runs: [run(0, 1, 1, 1200)],
    mainRun: 0,
    problems: [],
    problemCount: 0,
    diagnosticCounts: { error: 0, warning: 0, info: 0 },
    lineKinds: {} as TraceState['lineKinds'],
    binary: false,
    heldBytes: 0,
    elapsedMs: 0,
    ...overrides,
  };
}

describe('workbench wording', () => {
  it('counts with thousands separators, sizes in KB below a megabyte', () => {
    expect(count(1_000_000)).toBe('1,000,000');
    expect(megabytes(1_500)).toBe('2 KB');
    expect(megabytes(999_999)).toBe('1000 KB');
    expect(megabytes(2_345_678)).toBe('2.3 MB');
    expect(progressText(1e6, 4e6, 12_000, 11_990)).toBe(
      'Read 1.0 MB of 4.0 MB: 12,000 lines, 11,990 cycles',
    );
    expect(progressText(100, 4e6, 1, 1)).toBe('Read 1 KB of 4.0 MB: 1 line, 1 cycle');
    expect(rangeNote([0.25, 1], 1)).toBe('Findings for 0.25 s – 1 s only (1 cycle).');
  });

  it('the status line counts lines, cycles and problems, and says when reading goes on', () => {
    const one = statusText(state({}), 0);
    expect(one).toBe('1,200 lines · 1 cycle · 0 problems · Go 1.18+ lines');
    expect(one).not.toContain('runs');
    const reading = statusText(
      state({
        final: false,
        cycleCount: 3,
        problemCount: 1,
        runs: [run(0, 1, 1, 2), run(1, 2, 3, 9)],
      }),
      1,
    );
    expect(reading).toBe(
      '1,200 lines · 3 cycles · 1 problem · Go 1.18+ lines · 2 runs · still reading',
    );
  });

  it('says how many problems are not listed, and how many kept their place', () => {
    expect(moreProblemsText(state({ problemCount: 50 }), 50)).toBeNull();
    const problems = Array.from({ length: 60 }, () => ({}) as TraceState['problems'][number]);
    expect(moreProblemsText(state({ problems, problemCount: 60 }), 50)).toBe('and 10 more.');
    expect(moreProblemsText(state({ problems, problemCount: 2_060 }), 50)).toBe(
      'and 2,010 more (the first 60 are kept with their place).',
    );
  });

  it('names each run by its cycles and lines, and marks the longest', () => {
    expect(runOptionText(run(0, 1, 1, 4), 1)).toBe('Run 1: 1 cycle, lines 1–4');
    expect(runOptionText(run(1, 1500, 5, 1600), 1)).toBe(
      'Run 2: 1,500 cycles, lines 5–1600 (longest)',
    );
    expect(runReasonText(null)).toBe('');
    expect(runReasonText('numbering restarted')).toBe(
      'This run starts because numbering restarted.',
    );
  });

  it('notices say why a trace is not kept, and how a big file is shown', () => {
    expect(saveNotice('saved')).toBeNull();
    expect(saveNotice('too-big')).toMatch(/too big to keep/);
    expect(saveNotice('unavailable')).toMatch(/not keeping data/);
    expect(bigFileNotice('big.log', 3_000_000, 500)).toBe(
      'big.log is 3.0 MB: it is read in the background and shown read-only, 500 lines a page. Edit it in your own editor and open it again.',
    );
    expect(bigFileNotice('big.log', 3_000_000, 500, 'too-big')).toMatch(
      /500 lines a page\. It is too big to keep in the browser, so after a reload open it again\.$/,
    );
    expect(bigFileNotice('big.log', 3_000_000, 500, 'unavailable')).toMatch(
      /It is not kept by this browser,/,
    );
  });

  it('the comparison says what it waits for, and what its table compares', () => {
    expect(compareWaitText(true, false)).toBe('Load a second trace to compare.');
    expect(compareWaitText(false, false)).toBe('Load a second trace to compare.');
    expect(compareWaitText(false, true)).toBe('Load your trace above first.');
    expect(compareWaitText(true, true)).toBe('Reading…');
    expect(differencesCaption({ name: '', run: 0 }, { name: 'after.txt', run: 2 }, null)).toBe(
      'A: your trace (run 1) against B: after.txt (run 3)',
    );
    expect(differencesCaption({ name: 'a', run: 0 }, { name: '', run: 0 }, [1, 2])).toBe(
      'A: a (run 1) against B: second trace (run 1), 1 s – 2 s',
    );
    expect(rangeNote([0.25, 1], 1234)).toBe('Findings for 0.25 s – 1 s only (1,234 cycles).');
  });

  it('says what a damaged link leaves on the page, and never claims a trace that is not there', () => {
    const message = 'The trace in this link is damaged or cut off (it is cut off).';
    expect(linkErrorText(message, 'saved')).toMatch(/Your saved trace is shown instead/);
    expect(linkErrorText(message, 'current')).toMatch(/The trace you had is still here/);
    expect(linkErrorText(message, 'nothing')).toBe(message);
  });

  it('says what a trace with no gc line holds and how to capture one, never "no run 1"', () => {
    const empty = { cycleCount: 0, runs: [] };
    expect(noGcLineText(state({}))).toBeNull();
    const text = noGcLineText(state({ ...empty, lineCount: 12 }))!;
    expect(text).toMatch(/^No gc line in 12 lines of text\./);
    expect(text).toContain('GODEBUG=gctrace=1 ./prog 2> trace.txt');
    expect(noGcLineText(state({ ...empty, binary: true }))).toMatch(/looks like a binary file/);
    expect(noGcLineText(state({ ...empty, lineCount: 0, bytes: 0 }))).toMatch(/empty/);
    expect(compareNoGcLineText(state({}), state(empty))).toMatch(/second trace \(B\) has no gc/);
  });

  it('has nothing to share before a trace is loaded or after Clear, and says so', () => {
    expect(shareable({ id: null, text: null })).toBe('nothing');
    expect(shareable({ id: null, text: '' })).toBe('nothing');
    expect(shareable({ id: 'a-2', text: '  \n' })).toBe('nothing');
    expect(shareable({ id: 'a-1', text: null })).toBe('big-file');
    expect(shareable({ id: 'a-1', text: 'gc 1 @0.002s 19%: …' })).toBe('text');
    expect(shareRefusal('nothing', 65_536)).toMatch(/no trace to share/);
    expect(shareRefusal('nothing', 65_536)).not.toMatch(/too big/);
    expect(shareRefusal('big-file', 65_536)).toMatch(/too big for a link/);
  });
});
