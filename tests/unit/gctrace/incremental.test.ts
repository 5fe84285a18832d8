import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyseTrace, parseTrace } from '../../../src/gctrace/index.ts';
import { readTrace, traceFiles } from '../traces.ts';

const fixtures = traceFiles().map((name) => ({ name, text: readTrace(name) }));

// Pieces an edit may insert: parts of real lines, terminators, and the characters that change
// how a line is read.
const pieces = [
  '\n',
  '\r',
  '\r\n',
  'gc ',
  'gc 7 @',
  ' ms clock, ',
  '->',
  ' MB goal, ',
  ' P (forced)',
  '{"log":"gc 3 @0.1s',
  '```',
  '0.5',
  '12',
  ' ',
  'x',
];

function edited(text: string, at: number, remove: number, insert: string): string {
  const start = Math.min(at, text.length);
  return text.slice(0, start) + insert + text.slice(Math.min(text.length, start + remove));
}

describe('parseTrace with the previous parse', () => {
  it('gives the same result as a parse from scratch after any edit of any fixture', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: fixtures.length - 1 }),
        fc.array(
          fc.record({
            at: fc.double({ min: 0, max: 1, noNaN: true }),
            remove: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 200 })),
            insert: fc.oneof(
              fc.constantFrom(...pieces),
              fc.array(fc.constantFrom(...pieces), { maxLength: 6 }).map((p) => p.join('')),
              fc.string({ maxLength: 8 }),
            ),
          }),
          { minLength: 1, maxLength: 4 },
        ),
        (fixtureIndex, edits) => {
          let text = fixtures[fixtureIndex]!.text;
          let parsed = parseTrace(text);
          let analysis = analyseTrace(parsed);
          for (const edit of edits) {
            text = edited(text, Math.floor(edit.at * text.length), edit.remove, edit.insert);
            const previous = { parsed, analysis };
            parsed = parseTrace(text, parsed);
            expect(parsed).toEqual(parseTrace(text));
            // Runs whose cycles the edit left alone keep their analysis; it must still be right.
            analysis = analyseTrace(parsed, previous);
            expect(analysis).toEqual(analyseTrace(parseTrace(text)));
          }
        },
      ),
      { numRuns: 200 },
    );
    // Hundreds of parses of whole fixtures, compared field by field: slow on a busy machine.
  }, 60_000);

  it('re-reads a gc line that an edit rejoins with the line after it', () => {
    const before =
      'program output\n'.repeat(20) +
      'gc 1 @0.01s 2%: 0.1+0.2+0.3 ms clock, 0.4+0.5/0.6/0.7+0.8 ms cpu, 4->4->0';
    const after = before + '\n MB, 4 MB goal, 0 MB stacks, 0 MB globals, 8 P';
    const incremental = parseTrace(after, parseTrace(before));
    expect(incremental).toEqual(parseTrace(after));
    expect(incremental.cycles).toHaveLength(1);
  });

  it('re-reads a gc line broken over several lines when its last piece is completed', () => {
    const lines = [
      'gc 1 @0.01s 2%: 0.1+0.2+0.3 ms clock, 0.4+',
      '0.5/0.6/0.7+0.8 ms cpu, 4->',
      '4->',
      '0 MB, 4 MB goal, 0 MB stacks, 0 MB globals, 8 P',
    ];
    const before = 'program output\n'.repeat(20) + lines.join('\n').replace(/ 8 P$/, '');
    const after = before + ' 8 P';
    const fresh = parseTrace(after);
    expect(fresh.cycles).toHaveLength(1);
    expect(fresh.cycles[0]!.endLine - fresh.cycles[0]!.line).toBe(3);
    expect(parseTrace(after, parseTrace(before))).toEqual(fresh);
  });

  it('reads a rejoined cycle again when the edit is close enough to reach into it', () => {
    const broken = [
      'gc 1 @0.01s 2%: 0.1+0.2+0.3 ms clock, 0.4+',
      '0.5/0.6/0.7+0.8 ms cpu, 4->',
      '4->',
      '0 MB, 4 MB goal, 0 MB stacks, 0 MB globals, 8 P',
    ];
    const before = [...broken, ...Array.from({ length: 10 }, (_, i) => `output ${i}`)].join('\n');
    const previous = parseTrace(before);
    expect(previous.cycles[0]!.endLine).toBe(4);
    // Line 12 changes: the parse takes over at line 3, inside the rejoined cycle.
    const after = before.replace('output 7', 'output seven');
    expect(parseTrace(after, previous)).toEqual(parseTrace(after));
  });

  it('keeps the cycles before the edit and reads the ones after it', () => {
    const text = fixtures.find(
      (f) => f.name === 'tests/fixtures/go1.19-leaking-map-clean.txt',
    )!.text;
    const first = parseTrace(text);
    const appended = text.replace(/\n?$/, '\n') + 'gc 999 @99.5s 1%: 0.1+0.2+0.3 ms clock';
    const second = parseTrace(appended, first);
    expect(second.cycles[0]).toBe(first.cycles[0]);
    // Even the cycles read again just before the edit are the earlier objects when unchanged.
    expect(second.cycles.at(-2)).toBe(first.cycles.at(-1));
    expect(second.cycles.at(-1)!.gc).toBe(999);
    expect(second).toEqual(parseTrace(appended));
  });
});
