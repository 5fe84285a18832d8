import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitLines } from '../../../src/gctrace/index.ts';
import { LineAssembler } from '../../../src/run/line-assembler.ts';

const bytes = (text: string) => new TextEncoder().encode(text);

/** Feeds the chunks one by one and returns every line, the final one included. */
function assemble(chunks: (string | Uint8Array)[]): string[] {
  const assembler = new LineAssembler();
  return [...chunks.flatMap((chunk) => assembler.push(chunk)), ...assembler.end()];
}

describe('LineAssembler', () => {
  it('push() keeps a line that ends mid-write until a later write ends it', () => {
    const assembler = new LineAssembler();
    expect(assembler.push('gc 1 @0.01s 2%: 0.1+')).toEqual([]);
    expect(assembler.pending).toBe('gc 1 @0.01s 2%: 0.1+');
    expect(assembler.push('1.2+0.01 ms clock\ngc 2')).toEqual([
      'gc 1 @0.01s 2%: 0.1+1.2+0.01 ms clock',
    ]);
    expect(assembler.pending).toBe('gc 2');
    expect(assembler.push(' @0.02s\n')).toEqual(['gc 2 @0.02s']);
    expect(assembler.pending).toBe('');
  });

  it('push() returns every line a single write completes, in order', () => {
    const assembler = new LineAssembler();
    expect(assembler.push('one\ntwo\n\nfour\n')).toEqual(['one', 'two', '', 'four']);
  });

  it('end() gives the final line that has no line end, and nothing when there is none', () => {
    const assembler = new LineAssembler();
    expect(assembler.push('done\nlast words')).toEqual(['done']);
    expect(assembler.end()).toEqual(['last words']);
    expect(assembler.end()).toEqual([]);
    expect(assemble(['a\n'])).toEqual(['a']);
  });

  it('treats CRLF as one line end, also when the \\r and the \\n arrive in different writes', () => {
    expect(assemble(['one\r\ntwo\r\n'])).toEqual(['one', 'two']);
    expect(assemble(['one\r', '\ntwo\r', '\n'])).toEqual(['one', 'two']);
    expect(assemble([bytes('one\r'), bytes('\ntwo')])).toEqual(['one', 'two']);
  });

  it('treats a lone \\r as a line end, as src/gctrace does', () => {
    expect(assemble(['50%\r100%\rdone\n'])).toEqual(['50%', '100%', 'done']);
    expect(assemble(['one\r', 'two'])).toEqual(['one', 'two']);
    // An empty write between the \r and the \n changes nothing.
    expect(assemble(['one\r', '', '\ntwo'])).toEqual(['one', 'two']);
  });

  it('joins a multi-byte UTF-8 character split across writes', () => {
    // "µs ∆goal" : µ is 2 bytes, ∆ is 3; split inside each of them.
    const encoded = bytes('0.5µs ∆goal\n');
    const micro = encoded.indexOf(0xc2);
    const delta = encoded.indexOf(0xe2);
    const chunks = [
      encoded.subarray(0, micro + 1),
      encoded.subarray(micro + 1, delta + 1),
      encoded.subarray(delta + 1, delta + 2),
      encoded.subarray(delta + 2),
    ];
    expect(assemble(chunks)).toEqual(['0.5µs ∆goal']);
  });

  it('end() turns the bytes of a character cut off by the end of the stream into U+FFFD', () => {
    const encoded = bytes('∆');
    expect(assemble([bytes('x'), encoded.subarray(0, 2)])).toEqual(['x\uFFFD']);
  });

  it('hands over a line longer than maxLineLength in pieces instead of holding it all', () => {
    const assembler = new LineAssembler({ maxLineLength: 4 });
    expect(assembler.push('abcdefghij')).toEqual(['abcd', 'efgh']);
    expect(assembler.push('k\n')).toEqual(['ijk']);
    // A character outside the BMP is two UTF-16 units: the piece ends before it, not inside it.
    const emoji = new LineAssembler({ maxLineLength: 4 });
    expect(emoji.push('abc😀de')).toEqual(['abc']);
    expect(emoji.pending).toBe('😀de');
  });

  it('gives the lines of src/gctrace splitLines however the bytes are cut into writes', () => {
    const text = fc.stringMatching(/^[a-z µ∆\r\n]{0,40}$/);
    fc.assert(
      fc.property(text, fc.array(fc.nat(), { maxLength: 6 }), (text, cuts) => {
        const encoded = bytes(text);
        const at = [...new Set(cuts.map((c) => c % (encoded.length + 1)))].sort((a, b) => a - b);
        const chunks = [0, ...at].map((from, i) =>
          encoded.subarray(from, [...at, encoded.length][i]),
        );
        expect(assemble(chunks)).toEqual(splitLines(text));
      }),
    );
  });
});
