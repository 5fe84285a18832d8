import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseTrace, readCanonicalStretch } from '../../../src/gctrace/index.ts';
import type { Diagnostic, GcCycle } from '../../../src/gctrace/index.ts';

/** `readCanonicalStretch` with the cycles it gives collected, and its notes. */
function read(text: string, from: number, firstLine: number, previous: GcCycle | null) {
  const cycles: GcCycle[] = [];
  const diagnostics: Diagnostic[] = [];
  const stretch = readCanonicalStretch(
    text,
    from,
    firstLine,
    previous,
    (c) => cycles.push(c),
    diagnostics,
  );
  return { ...stretch, cycles, diagnostics };
}

const trace = (name: string) =>
  readFileSync(new URL(`../../../content/traces/${name}`, import.meta.url), 'utf8');
/** The gc lines of a real capture, as printed. */
const gcLines = (name: string) =>
  trace(name)
    .split('\n')
    .filter((l) => l.startsWith('gc '));

describe('readCanonicalStretch', () => {
  it('gives the cycles and notes parseTrace gives for canonical lines of one process', () => {
    for (const name of ['steady.txt', 'leaking-map.txt', 'gogc-off.txt']) {
      const text = gcLines(name).join('\n') + '\n';
      const parsed = parseTrace(text);
      const stretch = read(text, 0, 1, null);
      expect(stretch.cycles).toEqual(parsed.cycles);
      expect(stretch.diagnostics).toEqual(parsed.diagnostics);
      expect(stretch.lineCount).toBe(parsed.lineCount);
      expect(stretch.end).toBe(text.length);
    }
  });

  it('reads from the middle of a text with the line numbers it is given, after a previous cycle', () => {
    const lines = gcLines('steady.txt');
    const text = lines.join('\r\n');
    const whole = parseTrace(text);
    const from = lines[0]!.length + 2;
    const stretch = read(text, from, 2, whole.cycles[0]!);
    expect(stretch.cycles).toEqual(whole.cycles.slice(1));
    expect(stretch.end).toBe(text.length);
  });

  it('notes a suspicious value the way parseTrace does', () => {
    // A real Go 1.19 line with its P count set to 0: a value no runtime prints.
    const line = gcLines('steady.txt')[0]!.replace(/ 2 P$/, ' 0 P');
    const stretch = read(line + '\n', 0, 1, null);
    expect(stretch.diagnostics).toEqual(parseTrace(line + '\n').diagnostics);
    expect(stretch.diagnostics.map((d) => d.kind)).toEqual(['suspicious-value']);
  });

  it('ends at output, a prefix, a blank line, a broken line, a gap or a new run', () => {
    const [a, b, c] = gcLines('steady.txt');
    const cases = {
      output: `${a}\nhello from the program\n${b}\n`,
      prefix: `${a}\n[pod-1] ${b}\n`,
      blank: `${a}\n\n${b}\n`,
      broken: `${a}\n${b!.slice(0, 40)}\n${b!.slice(40)}\n`,
      gap: `${a}\n${c}\n`,
      restart: `${b}\n${a}\n`,
    };
    for (const [name, text] of Object.entries(cases)) {
      const stretch = read(text, 0, 1, null);
      expect(stretch.lineCount, name).toBe(1);
      expect(stretch.end, name).toBe(text.indexOf('\n') + 1);
    }
    // A cycle that does not follow the previous one starts no stretch.
    const earlier = parseTrace(`${c}\n`).cycles[0]!;
    expect(read(`${a}\n`, 0, 1, earlier).lineCount).toBe(0);
  });
});
