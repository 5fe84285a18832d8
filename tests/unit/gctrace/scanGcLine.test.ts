import { describe, expect, it } from 'vitest';
import { findGcStart, lineContents } from '../../../src/gctrace/gcStart.ts';
import { splitLines } from '../../../src/gctrace/lines.ts';
import type { GcScan } from '../../../src/gctrace/scanGcLine.ts';
import { GcLineCursor, scanGcLine } from '../../../src/gctrace/scanGcLine.ts';
import { readTrace, traceFiles } from '../traces.ts';

/**
 * Hand-written in the Go 1.19 format, with a rich-text arrow and a missing clock phase: the
 * captures have no line the scanner keeps notes on.
 */
const noted = [
  'gc 3 @0.071s 0%: 0.048+0.32+0.003 ms clock, 0.097+0.093/0.089/0+0.006 ms cpu, 3→3->0 MB, 4 MB goal, 0 MB stacks, 0 MB globals, 2 P',
  'gc 4 @0.134s 0%: 0.056+1.0 ms clock, 0.11+0/0.27/0.13+0.007 ms cpu, 3->3->0 MB, 4 MB goal, 0 MB stacks, 0 MB globals, 2 P',
];

/** Every gc line of every captured trace, as the parser hands it to the scanner, with `noted` among them. */
function gcLines(): { text: string; at: number; stop: number; line: number }[] {
  const out = [];
  for (const file of traceFiles()) {
    for (const text of noted) out.push({ text, at: 0, stop: text.length, line: 1 });
    const lines = splitLines(readTrace(file));
    for (let i = 0; i < lines.length; i++) {
      for (const c of lineContents(lines[i]!, 0, lines[i]!.length, i + 1)) {
        const start = findGcStart(c);
        if (start !== null && start.kind !== 'stub')
          out.push({ text: c.s, at: start.at, stop: c.end, line: i + 1 });
      }
    }
  }
  return out;
}

describe('the scanner cursor', () => {
  it('reads every line the same whether the cursor is shared or new', () => {
    const shared = new GcLineCursor();
    const seen = { broken: 0, legacy: 0, withSpans: 0, noted: 0 };
    for (const [n, { text, at, stop, line }] of gcLines().entries()) {
      // Alternate spans on and off, so that a scan follows one of the other kind.
      const wantSpans = n % 2 === 0;
      const again: GcScan = scanGcLine(text, at, stop, line, 1, wantSpans, shared);
      const fresh: GcScan = scanGcLine(text, at, stop, line, 1, wantSpans, new GcLineCursor());
      expect(again, `line ${line}: ${text}`).toEqual(fresh);
      if (fresh.errorKind !== null) seen.broken++;
      if (fresh.cycle?.legacy) seen.legacy++;
      if (fresh.spans !== null) seen.withSpans++;
      if (fresh.notes !== null) seen.noted++;
    }
    // Broken, Go 1.0–1.4 and noted lines come before others, so state left by them would show.
    expect(seen.broken).toBeGreaterThan(0);
    expect(seen.legacy).toBeGreaterThan(0);
    expect(seen.withSpans).toBeGreaterThan(0);
    expect(seen.noted).toBeGreaterThan(0);
  });

  it('keeps no reference to the scanned text once a line is read', () => {
    const cursor = new GcLineCursor();
    const { text, at, stop, line } = gcLines()[0]!;
    scanGcLine(text, at, stop, line, 1, true, cursor);
    expect(cursor.s).toBe('');
    expect(cursor.spans).toBeNull();
  });
});
