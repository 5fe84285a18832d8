import { describe, expect, it } from 'vitest';
import { parseTrace } from '../../../src/gctrace/index.ts';
import { readTrace, traceFiles } from '../traces.ts';

// A real gc line (the first of content/traces/steady.txt); each test swaps one character of
// its start for one that looks the same.
const real = readTrace('content/traces/steady.txt').split('\n')[0]!;

describe('look-alike gc lines', () => {
  it('reads the real line as a cycle', () => {
    expect(parseTrace(real).cycles).toHaveLength(1);
  });

  it.each([
    [
      'a Cyrillic с in "gc"',
      real.replace(/^gc/, 'g\u0441'),
      2,
      /'с' is the Cyrillic small letter es \(U\+0441\)/,
    ],
    [
      'a fullwidth "ｇｃ １"',
      real.replace(/^gc 1/, '\uff47\uff43 \uff11'),
      1,
      /'ｇ' is the fullwidth 'g' \(U\+FF47\)/,
    ],
    [
      'a fullwidth digit',
      real.replace(/^gc 1/, 'gc \uff11'),
      4,
      /'１' is the fullwidth '1' \(U\+FF11\)/,
    ],
    ['a script g', real.replace(/^gc/, '\u0261c'), 1, /Latin small script g/],
  ])('names %s with its line and column', (_name, line, column, message) => {
    const parsed = parseTrace(`${real}\n${line}\n`);
    expect(parsed.cycles).toHaveLength(1);
    expect(parsed.lineKinds.diagnostic).toBe(1);
    const found = parsed.diagnostics.filter((d) => d.kind === 'look-alike-character');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ line: 2, column, length: 1, severity: 'warning' });
    expect(found[0]!.message).toMatch(/^this looks like a gc line/);
    expect(found[0]!.message).toMatch(message);
  });

  it('leaves program output alone, and finds nothing odd in any sample trace', () => {
    const output = parseTrace('go: downloading example.com/x v1.0.0\ngреат day\ngc is fine\n');
    expect(output.diagnostics).toEqual([]);
    for (const file of traceFiles()) {
      const parsed = parseTrace(readTrace(file));
      expect(
        parsed.diagnostics.filter((d) => d.kind === 'look-alike-character'),
        file,
      ).toEqual([]);
    }
  });
});
