import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { annotateLine } from '../../../src/lesson/annotate.ts';

const leak = readFileSync('content/traces/leaking-map.txt', 'utf8');

describe('annotateLine', () => {
  it('cuts a Go 1.19 line into fields that put the line back together', () => {
    const a = annotateLine(leak, 146);
    expect(a.parts.map((p) => p.text).join('')).toBe(a.text);
    expect(a.text.startsWith('gc 146 @')).toBe(true);
  });

  it('explains the gc number, the three heap numbers, the goal and P', () => {
    const a = annotateLine(leak, 146);
    const names = a.fields.map((f) => f.name);
    for (const name of ['gc', 'heap.start', 'heap.end', 'heap.live', 'goal', 'procs']) {
      expect(names).toContain(name);
    }
    const live = a.fields.find((f) => f.name === 'heap.live')!;
    expect(live.text).toBe('21');
    expect(live.title).toMatch(/live/i);
    expect(live.what.length).toBeGreaterThan(10);
    expect(a.fields[0]).toMatchObject({ name: 'gc', text: 'gc 146' });
  });

  it('takes the line from the main run when the go tool printed its own runs first', () => {
    // `go run` output: the go tool's short runs come first, the program is the last and longest.
    const text = readFileSync('content/traces/go-run-multiprocess.txt', 'utf8');
    const lines = text.split('\n');
    const programLine = lines.findLastIndex((l) => l.startsWith('gc 5 @')) + 1;
    expect(lines.findIndex((l) => l.startsWith('gc 5 @')) + 1).toBeLessThan(programLine);
    const a = annotateLine(text, 5);
    expect(a.line).toBe(programLine);
    expect(a.text).toBe(lines[programLine - 1]);
  });

  it('refuses a cycle the trace does not have', () => {
    expect(() => annotateLine(leak, 9999)).toThrow(/gc 9999/);
  });
});
