import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fastLineEnd, fastModernCycle } from '../../../src/gctrace/fastPath.ts';
import { fmtNSAsMS, formatCycle, parseTrace } from '../../../src/gctrace/index.ts';
import type { EraId, GcCycle } from '../../../src/gctrace/index.ts';
import { scanGcLine } from '../../../src/gctrace/scanGcLine.ts';
import { readTrace } from '../traces.ts';

const ms = fc.integer({ min: 0, max: 2e9 }).map((ns) => Number(fmtNSAsMS(ns)));
/** Whole numbers around and beyond the int32 range, where the fast path changes representation. */
const whole = fc.oneof(
  fc.integer({ min: 0, max: 1000 }),
  fc.integer({ min: 2 ** 31 - 3, max: 2 ** 31 + 3 }),
  fc.integer({ min: 0, max: 999_999_999_999_999 }),
);

function canonicalArb(era: 'go1.6-1.17' | 'go1.18+'): fc.Arbitrary<GcCycle> {
  return fc
    .record({
      gc: whole,
      at: fc.integer({ min: 0, max: 1e9 }).map((v) => v / 1000),
      pct: whole,
      clock: fc.array(ms, { minLength: 3, maxLength: 3 }),
      cpu: fc.array(ms, { minLength: 5, maxLength: 5 }),
      heap: fc.array(whole, { minLength: 3, maxLength: 3 }),
      goal: fc.oneof(whole, fc.constantFrom(8796093022191, 17592186044415)),
      stacks: whole,
      globals: whole,
      procs: whole,
      forced: fc.boolean(),
    })
    .map((r) => ({
      line: 1,
      column: 1,
      endLine: 1,
      gc: r.gc,
      era,
      atSeconds: r.at,
      cpuPercent: r.pct,
      leakCheck: false,
      clockMs: r.clock,
      cpuMs: [r.cpu[0], [r.cpu[1], r.cpu[2], r.cpu[3]], r.cpu[4]],
      heapMB: r.heap,
      goalMB: r.goal,
      goalUnbounded: r.goal >= 2 ** 40,
      stacksMB: era === 'go1.18+' ? r.stacks : null,
      globalsMB: era === 'go1.18+' ? r.globals : null,
      procs: r.procs,
      forced: r.forced,
      truncated: false,
      rejoined: false,
      run: 0,
      legacy: null,
    }));
}

/** The general scanner's reading of a whole line, which the fast path must reproduce. */
function generalReading(line: string): GcCycle | null {
  const scan = scanGcLine(line, 0, line.length, 1, 1, false);
  return scan.errorKind === null ? scan.cycle : null;
}

describe('fast path for canonical gc lines', () => {
  for (const era of ['go1.6-1.17', 'go1.18+'] as const) {
    it(`reads generated ${era} lines exactly as the general scanner does`, () => {
      fc.assert(
        fc.property(canonicalArb(era), fc.constantFrom('', '\n', '\r\n', '\r'), (cycle, eol) => {
          const line = formatCycle(cycle, era as EraId);
          const fast = fastModernCycle(eol === '' ? line : line + eol + 'next line', 0, 1, 1);
          expect(fast).not.toBeNull();
          expect(fast).toEqual(generalReading(line));
          expect(fast).toEqual(cycle);
          expect(fastLineEnd).toBe(line.length);
        }),
        { numRuns: 500 },
      );
    });
  }

  it('accepts a changed line only when the general scanner reads it the same way', () => {
    // Damage one character of a canonical line: the fast path must then give up or agree.
    const damage = fc.constantFrom(' ', '  ', '+', '/', '-', '>', 'x', '1', '12', '', '\t');
    fc.assert(
      fc.property(canonicalArb('go1.18+'), fc.nat(), damage, (cycle, where, replacement) => {
        const line = formatCycle(cycle, 'go1.18+');
        const at = where % line.length;
        const changed = line.slice(0, at) + replacement + line.slice(at + 1);
        const fast = fastModernCycle(changed, 0, 1, 1);
        if (fast !== null) expect(fast).toEqual(generalReading(changed));
      }),
      { numRuns: 2000 },
    );
  });

  it('leaves lines with fractions in whole-number fields to the general scanner', () => {
    const line =
      'gc 7 @1.5s 2%: 0.1+2+0.3 ms clock, 0.4+0.5/1/2+0.6 ms cpu, 4->5->2 MB, 8 MB goal, 0 MB stacks, 0 MB globals, 8.5 P';
    expect(fastModernCycle(line, 0, 1, 1)).toBeNull();
    expect(parseTrace(line).diagnostics.map((d) => d.kind)).toEqual(['malformed-gc-line']);
  });

  it('gives the same cycles for a trace with and without log prefixes and CRLF endings', () => {
    const lines = [
      'gc 1 @0.012s 1%: 0.010+0.50+0.003 ms clock, 0.080+0.20/0.40/0.10+0.024 ms cpu, 4->4->0 MB, 4 MB goal, 0 MB stacks, 0 MB globals, 8 P',
      'gc 2 @0.020s 2%: 0.011+0.60+0.004 ms clock, 0.090+0.30/0.50/0.20+0.030 ms cpu, 4->5->1 MB, 5 MB goal, 0 MB stacks, 0 MB globals, 8 P (forced)',
      'gc 3 @0.031s 2%: 0.012+0.70+0.005 ms clock, 0.10+0.40/0.60/0.30+0.040 ms cpu, 4->4->1 MB, 17592186044415 MB goal, 0 MB stacks, 0 MB globals, 8 P',
    ];
    const plain = parseTrace(lines.join('\n') + '\n');
    const prefixed = parseTrace(lines.map((l) => `2024-05-01T10:00:00Z ${l}`).join('\r\n'));
    expect(plain.diagnostics).toEqual([]);
    expect(plain.cycles.map((c) => c.gc)).toEqual([1, 2, 3]);
    expect(plain.cycles[2].goalMB).toBe(17592186044415);
    expect(plain.cycles[2].goalUnbounded).toBe(true);
    expect(prefixed.cycles.map(({ column, ...rest }) => rest)).toEqual(
      plain.cycles.map(({ column, ...rest }) => rest),
    );
  });
});

/** Go 1.5 cycles: 5 clock phases, 7 CPU values, no stacks and globals. */
const go15Arb: fc.Arbitrary<GcCycle> = fc
  .record({
    gc: whole,
    at: fc.integer({ min: 0, max: 1e9 }).map((v) => v / 1000),
    pct: whole,
    clock: fc.array(ms, { minLength: 5, maxLength: 5 }),
    cpu: fc.array(ms, { minLength: 7, maxLength: 7 }),
    heap: fc.array(whole, { minLength: 3, maxLength: 3 }),
    goal: whole,
    procs: whole,
    forced: fc.boolean(),
  })
  .map((r) => ({
    line: 1,
    column: 1,
    endLine: 1,
    gc: r.gc,
    era: 'go1.5' as EraId,
    atSeconds: r.at,
    cpuPercent: r.pct,
    leakCheck: false,
    clockMs: r.clock,
    cpuMs: [r.cpu[0], r.cpu[1], r.cpu[2], [r.cpu[3], r.cpu[4], r.cpu[5]], r.cpu[6]],
    heapMB: r.heap,
    goalMB: r.goal,
    goalUnbounded: r.goal >= 2 ** 40,
    stacksMB: null,
    globalsMB: null,
    procs: r.procs,
    forced: r.forced,
    truncated: false,
    rejoined: false,
    run: 0,
    legacy: null,
  }));

describe('fast path for Go 1.5 lines and Docker JSON log lines', () => {
  it('reads generated Go 1.5 lines exactly as the general scanner does', () => {
    fc.assert(
      fc.property(go15Arb, fc.constantFrom('', '\n', '\r\n'), (cycle, eol) => {
        const line = formatCycle(cycle, 'go1.5');
        const fast = fastModernCycle(eol === '' ? line : line + eol + 'next line', 0, 1, 1);
        expect(fast).not.toBeNull();
        expect(fast).toEqual(generalReading(line));
        expect(fast).toEqual(cycle);
        expect(fastLineEnd).toBe(line.length);
      }),
      { numRuns: 300 },
    );
  });

  it('reads the real Go 1.5 lines as the general scanner does', () => {
    const lines = readTrace('content/traces/seed-go1.5.txt').split('\n').filter(Boolean);
    for (const line of lines) expect(fastModernCycle(line, 0, 1, 1)).toEqual(generalReading(line));
  });

  it('gives up on a Go 1.5 line with stacks, which the general scanner reads', () => {
    const line = readTrace('content/traces/seed-go1.5.txt')
      .split('\n')[0]
      .replace(' 8 P', ' 0 MB stacks, 0 MB globals, 8 P');
    expect(fastModernCycle(line, 0, 1, 1)).toBeNull();
    expect(parseTrace(line).cycles[0].stacksMB).toBe(0);
  });

  it('reads a Docker JSON log trace in place exactly as the unescaping reader does', () => {
    // The unescaping reader takes a line that does not start with '{"log":"', so the same
    // lines with a leading space go through it; only the columns move by one.
    const text = readTrace('tests/fixtures/mess-docker-json.txt');
    const inPlace = parseTrace(text);
    const unescaped = parseTrace(text.replace(/^(?=.)/gm, ' '));
    expect(inPlace.cycles.length).toBeGreaterThan(100);
    expect(inPlace.cycles).toEqual(unescaped.cycles.map((c) => ({ ...c, column: c.column - 1 })));
    expect(inPlace.lineKindCodes).toEqual(unescaped.lineKindCodes);
    expect(inPlace.diagnostics).toEqual(
      unescaped.diagnostics.map((d) => ({ ...d, column: d.column - 1 })),
    );
    const first = text.split('\n')[0];
    expect(fastModernCycle(first, 8, 1, 9, true)).toEqual(inPlace.cycles[0]);
  });

  it('leaves JSON log lines with escapes or text after the gc line to the unescaping reader', () => {
    const first = readTrace('tests/fixtures/mess-docker-json.txt').split('\n')[0];
    const withTab = first.replace(' 2 P\\n"', ' 2 P\\t\\n"');
    const withMore = first.replace(' 2 P\\n"', ' 2 P\\nmore\\n"');
    expect(fastModernCycle(withTab, 8, 1, 9, true)).toBeNull();
    expect(fastModernCycle(withMore, 8, 1, 9, true)).toBeNull();
    for (const line of [withTab, withMore]) {
      const unescaped = parseTrace(' ' + line);
      expect(parseTrace(line).cycles).toEqual(
        unescaped.cycles.map((c) => ({ ...c, column: c.column - 1 })),
      );
      expect(parseTrace(line).lineKindCodes).toEqual(unescaped.lineKindCodes);
    }
  });
});

describe('numbers read from char codes', () => {
  // Digits as printed, and longer ones: the readers must give the double Number() gives.
  const digits = (max: number) => fc.stringMatching(new RegExp(`^[0-9]{1,${max}}$`));
  const decimal = fc.oneof(
    digits(20),
    fc.tuple(digits(12), digits(12)).map(([i, f]) => `${i}.${f}`),
    fc.tuple(digits(20), digits(20)).map(([i, f]) => `${i}.${f}`),
  );
  const template = readTrace('content/traces/steady.txt').split('\n')[0];

  it('equal Number(text) in the general scanner and the fast path, bit for bit', () => {
    fc.assert(
      fc.property(decimal, decimal, (at, clock) => {
        const line = template
          .replace(/ @[\d.]+s /, ` @${at}s `)
          .replace(/: [\d.]+\+/, `: ${clock}+`);
        const general = generalReading(line)!;
        expect(Object.is(general.atSeconds, Number(at))).toBe(true);
        expect(Object.is(general.clockMs[0], Number(clock))).toBe(true);
        const fast = fastModernCycle(line, 0, 1, 1);
        // The fast path leaves long numbers to the general scanner.
        if (fast !== null) expect(fast).toEqual(general);
      }),
      { numRuns: 3000 },
    );
  });
});
