import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RunSplitter, mainRun, parseTrace } from '../../../src/gctrace/index.ts';
import type { Diagnostic } from '../../../src/gctrace/index.ts';

describe('mainRun', () => {
  it('is the run with the most cycles, the first of equals', () => {
    expect(mainRun([17, 2, 3, 90])).toBe(3);
    expect(mainRun([5, 5])).toBe(0);
    expect(mainRun([])).toBe(0);
  });

  it('is the program, not the go tool, in `go run` output', () => {
    // The program's cycles follow its build line, the last `# gctracelab/…` header.
    const text = readFileSync('content/traces/go-run-multiprocess.txt', 'utf8');
    const lines = text.split('\n');
    const header = lines.findLastIndex((l) => l.startsWith('# '));
    const parsed = parseTrace(text);
    const main = parsed.runs[mainRun(parsed.runs.map((r) => r.cycleIndices.length))]!;
    expect(main.lastLine).toBe(lines.findLastIndex((l) => l.startsWith('gc ')) + 1);
    expect(main.firstLine).toBeGreaterThan(header + 1);
  });
});

describe('RunSplitter', () => {
  for (const name of ['go-test-multiprocess.txt', 'go-run-multiprocess.txt']) {
    it(`fed cycle by cycle splits ${name} as the parse does`, () => {
      const parsed = parseTrace(readFileSync(`content/traces/${name}`, 'utf8'));
      const splitter = new RunSplitter();
      const notes: Diagnostic[] = [];
      const runOf = parsed.cycles.map((c) => splitter.place({ ...c }, notes));
      expect(runOf).toEqual(parsed.cycles.map((c) => c.run));
      expect(notes).toEqual(
        parsed.diagnostics.filter((d) => d.kind === 'new-run' || d.kind === 'numbering-gap'),
      );
      expect(splitter.runs.map((r) => [r.firstLine, r.lastLine, r.startReason, r.cycles])).toEqual(
        parsed.runs.map((r) => [r.firstLine, r.lastLine, r.startReason, r.cycleIndices.length]),
      );
      expect(splitter.runs.map((r) => splitter.eraOf(r.index))).toEqual(
        parsed.runs.map((r) => r.era),
      );
    });
  }
});
