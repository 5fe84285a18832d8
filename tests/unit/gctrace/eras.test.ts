import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  analyseTrace,
  eraOfGoMinor,
  eras,
  formatCycle,
  parseTrace,
  phaseTimes,
} from '../../../src/gctrace/index.ts';
import type { EraId } from '../../../src/gctrace/index.ts';

const fixture = (name: string) => readFileSync(`tests/fixtures/${name}`, 'utf8');

/** The clock numbers as printed on a legacy line, converted to ms from the printed unit. */
function printedClockMs(line: string): number[] {
  const m = /^gc\d+\(\d+\): ([\d+]+) (ms|us)/.exec(line)!;
  return m[1]!.split('+').map((v) => (m[2] === 'us' ? Number(v) / 1000 : Number(v)));
}

describe('the era table', () => {
  it('has an entry for every era, keyed by its own id', () => {
    for (const [id, era] of Object.entries(eras)) expect(era.id).toBe(id);
  });

  it('maps every Go release to the era whose lines it prints', () => {
    const expected: [number, EraId][] = [
      [0, 'go1.0'],
      [1, 'go1.1-1.2'],
      [2, 'go1.1-1.2'],
      [3, 'go1.3'],
      [4, 'go1.4'],
      [5, 'go1.5'],
      [6, 'go1.6-1.17'],
      [17, 'go1.6-1.17'],
      [18, 'go1.18+'],
      [25, 'go1.18+'],
      [26, 'go1.26+'],
      [30, 'go1.26+'],
    ];
    for (const [minor, era] of expected) expect(eraOfGoMinor(minor)).toBe(era);
    expect(eraOfGoMinor(-1)).toBeNull();
  });

  it('prints each era in the layout the scanner reads back as that era', () => {
    // Real lines, one per era, from the fixtures; each printed again and parsed again.
    const lines = [
      fixture('spec-constructed-go1.0.txt'),
      fixture('spec-constructed-go1.1.txt'),
      fixture('spec-constructed-go1.3.txt'),
      fixture('issue-go1.4.2.txt'),
      readFileSync('content/traces/seed-go1.5.txt', 'utf8'),
      fixture('issue-go1.9.txt'),
      readFileSync('content/traces/steady.txt', 'utf8'),
      fixture('spec-constructed-go1.26.txt'),
    ];
    for (const text of lines) {
      for (const cycle of parseTrace(text).cycles.filter((c) => !c.truncated)) {
        const again = parseTrace(formatCycle(cycle)).cycles[0]!;
        expect(again.era).toBe(cycle.era);
      }
    }
  });
});

describe('stop-the-world pause', () => {
  // Go 1.0–1.4 stopped the world for the whole collection: every printed phase is pause.
  for (const name of [
    'spec-constructed-go1.0.txt',
    'spec-constructed-go1.1.txt',
    'spec-constructed-go1.3.txt',
    'issue-go1.4.2.txt',
  ]) {
    it(`is every clock phase on the Go 1.0–1.4 lines of ${name}`, () => {
      const text = fixture(name);
      const gcLines = text.split('\n').filter((l) => /^gc\d+\(/.test(l));
      const parsed = parseTrace(text);
      const measures = analyseTrace(parsed).runs.flatMap((r) => r.measures);
      expect(measures).toHaveLength(gcLines.length);
      gcLines.forEach((line, i) => {
        const total = printedClockMs(line).reduce((a, b) => a + b, 0);
        expect(measures[i]!.pauseMs).toBeCloseTo(total, 9);
        expect(measures[i]!.concurrentMs).toBe(0);
        expect(phaseTimes(parsed.cycles[i]!.era, parsed.cycles[i]!.clockMs).pause).toBeCloseTo(
          total,
          9,
        );
      });
    });
  }

  it('is the first and last phase from Go 1.6 and the first and fifth in Go 1.5', () => {
    expect(phaseTimes('go1.18+', [0.5, 7, 0.25]).pause).toBe(0.75);
    expect(phaseTimes('go1.18+', [0.5, 7, 0.25]).concurrent).toBe(7);
    expect(phaseTimes('go1.5', [1, 2, 4, 8, 16]).pause).toBe(17);
    expect(phaseTimes('go1.5', [1, 2, 4, 8, 16]).concurrent).toBe(14);
    expect(phaseTimes('go1.18+', [1, 2]).pause).toBeNull();
  });
});
