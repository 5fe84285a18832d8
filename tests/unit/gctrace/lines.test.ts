import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  lineAfter,
  lineCount,
  lineEndFrom,
  lineOfOffset,
  lineStarts,
  looksBinary,
  editorLineCount,
  offsetOfLine,
  offsetOfLineFromEnd,
  splitLines,
  withoutFinalLineBreak,
} from '../../../src/gctrace/lines.ts';

// The same three lines with each kind of line break, and a mix of all three.
const texts = {
  lf: 'one\ntwo\nthree',
  crlf: 'one\r\ntwo\r\nthree',
  cr: 'one\rtwo\rthree',
  mixed: 'one\r\ntwo\rthree',
};

describe('lines', () => {
  for (const [name, text] of Object.entries(texts)) {
    it(`splitLines() splits ${name} text into its three lines`, () => {
      expect(splitLines(text)).toEqual(['one', 'two', 'three']);
      expect(splitLines(text + text.slice(3, text.indexOf('two')))).toEqual([
        'one',
        'two',
        'three',
      ]);
    });
    it(`lineCount() counts the three lines of ${name} text`, () => {
      expect(lineCount(text)).toBe(3);
      expect(lineCount(text, 2)).toBe(2);
    });
    it(`lineStarts(), offsetOfLine() and lineOfOffset() agree on ${name} text`, () => {
      const starts = [0, text.indexOf('two'), text.indexOf('three')];
      expect(lineStarts(text)).toEqual(starts);
      starts.forEach((start, i) => {
        expect(offsetOfLine(text, i + 1)).toBe(start);
        expect(lineOfOffset(text, start)).toBe(i + 1);
        // The line break belongs to the line it ends.
        expect(lineOfOffset(text, start - 1)).toBe(Math.max(1, i));
      });
      expect(offsetOfLine(text, 4)).toBe(text.length);
      expect(lineOfOffset(text, text.length)).toBe(3);
    });
  }
  it('lineAfter() steps over \\r\\n as one line break', () => {
    expect(lineAfter('a\r\nb', 1)).toBe(3);
    expect(lineAfter('a\rb', 1)).toBe(2);
    expect(lineAfter('a\n\rb', 1)).toBe(2);
  });
  it('lineEndFrom() stops at the first \\n or \\r', () => {
    expect(lineEndFrom('ab\r\n', 0)).toBe(2);
    expect(lineEndFrom('ab', 1)).toBe(2);
  });
  it('an empty text has no lines, and a final line break starts no new line', () => {
    expect(lineCount('')).toBe(0);
    expect(splitLines('')).toEqual([]);
    expect(lineCount('a\n')).toBe(1);
    expect(lineCount('a\n\n')).toBe(2);
    expect(splitLines('a\r\n\r\n')).toEqual(['a', '']);
  });
  it('an offset past a final line break is on the line after it, as in an editor', () => {
    expect(lineOfOffset('a\r\n', 3)).toBe(2);
    expect(offsetOfLine('a\r\n', 2)).toBe(3);
  });
  it('editorLineCount() counts the empty line an editor shows after a final line break', () => {
    expect(editorLineCount('')).toBe(1);
    expect(editorLineCount('a\rb')).toBe(2);
    expect(editorLineCount('a\r\nb\r\n')).toBe(3);
  });
  it('withoutFinalLineBreak() drops one \\n, \\r\\n or \\r at the end', () => {
    expect(withoutFinalLineBreak('a\n')).toBe('a');
    expect(withoutFinalLineBreak('a\r\n')).toBe('a');
    expect(withoutFinalLineBreak('a\r')).toBe('a');
    expect(withoutFinalLineBreak('a\n\n')).toBe('a\n');
    expect(withoutFinalLineBreak('a')).toBe('a');
  });
});

describe('looksBinary', () => {
  const encode = (text: string) => new TextEncoder().encode(text);
  it('takes a trace, colours and all, for text', () => {
    const steady = readFileSync(
      new URL('../../../content/traces/steady.txt', import.meta.url),
      'utf8',
    );
    expect(looksBinary(encode(steady))).toBe(false);
    expect(looksBinary(encode('\u001b[31m' + steady.slice(0, 200) + '\u001b[0m'))).toBe(false);
    expect(looksBinary(new Uint8Array(0))).toBe(false);
  });

  it('takes a file with NUL bytes or many control bytes for binary', () => {
    // The start of an ELF executable, as a Go build writes it.
    expect(looksBinary(Uint8Array.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0]))).toBe(true);
    const noisy = Uint8Array.from({ length: 1000 }, (_, i) => (i % 5 === 0 ? 2 : 65));
    expect(looksBinary(noisy)).toBe(true);
  });
});

describe('offsetOfLineFromEnd', () => {
  it('finds the line offsetOfLine finds, counted from the end, for any mix of line breaks', () => {
    const piece = fc.constantFrom('a', 'gc 1', ' ', '\n', '\r', '\r\n', '\n\n', '\r\r');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), fc.nat(12), (pieces, back) => {
        const text = pieces.join('');
        const lines = lineCount(text);
        const expected = back === 0 ? text.length : offsetOfLine(text, lines - back + 1);
        expect(offsetOfLineFromEnd(text, back)).toBe(back > lines ? 0 : expected);
      }),
      { numRuns: 2000 },
    );
  });
});
