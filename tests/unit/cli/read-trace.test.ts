import { readdirSync, readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { analyseTrace, parseTrace, traceView } from '../../../src/gctrace/index.ts';
import { readTrace } from '../../../src/cli/read-trace.ts';

const dirs = [
  new URL('../../fixtures/', import.meta.url),
  new URL('../../../content/traces/', import.meta.url),
];
const traces = dirs.flatMap((dir) =>
  readdirSync(dir)
    .filter((name) => name.endsWith('.txt'))
    .map((name) => ({ name, text: readFileSync(new URL(name, dir), 'utf8') })),
);

/** A stream that hands the text over in pieces of `size` bytes, cutting characters in two. */
function streamOf(text: string, size = 1000): Readable {
  const bytes = Buffer.from(text, 'utf8');
  const pieces: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += size) pieces.push(bytes.subarray(i, i + size));
  return Readable.from(pieces);
}

describe('readTrace', () => {
  it('parses an input that fits in one chunk exactly as parseTrace does', async () => {
    const { text } = traces.find((t) => t.name === 'leaking-map.txt')!;
    const { chunks, ...parsed } = await readTrace(streamOf(text));
    expect(chunks).toBe(1);
    expect(parsed).toEqual(parseTrace(text));
  });

  it.each(traces.map((t) => [t.name, t.text]))(
    'gives the same cycles, runs and analysis in small chunks as whole (%s)',
    async (_name, text) => {
      const whole = parseTrace(text);
      const chunked = await readTrace(streamOf(text), 2000);
      if (text.length > 4000) expect(chunked.chunks).toBeGreaterThan(1);
      const view = traceView(chunked);
      const expected = traceView(whole);
      expect(view.cycles).toEqual(expected.cycles);
      expect(view.runs).toEqual(expected.runs);
      expect(view.lineKinds).toEqual(expected.lineKinds);
      expect(view.lineCount).toEqual(expected.lineCount);
      expect(view.companions).toEqual(expected.companions);
      expect(chunked.diagnostics.map((d) => [d.line, d.kind])).toEqual(
        whole.diagnostics.map((d) => [d.line, d.kind]),
      );
      expect(analyseTrace(chunked)).toEqual(analyseTrace(whole));
    },
  );
});
