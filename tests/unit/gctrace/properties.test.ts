import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fmtNSAsMS, formatCycle, parseTrace } from '../../../src/gctrace/index.ts';
import type { EraId, GcCycle } from '../../../src/gctrace/index.ts';

const lineCount = (text: string) =>
  text === '' ? 0 : text.split(/\r\n|\r|\n/).length - (/(\r\n|\r|\n)$/.test(text) ? 1 : 0);

describe('parseTrace properties', () => {
  it('never throws and accounts for every line of arbitrary text', () => {
    const piece = fc.oneof(
      fc.string({ unit: 'binary' }),
      fc.string({ unit: 'grapheme' }),
      fc.constantFrom(
        '\n',
        '\r',
        '\r\n',
        '\u0000',
        '\ud800',
        'gc ',
        'gc 1 @',
        'gc1(',
        '->',
        ' ms clock, ',
        'scav ',
        'pacer: ',
        '{"log":"',
        '\\n',
        '```',
      ),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        const parsed = parseTrace(text);
        const total = Object.values(parsed.lineKinds).reduce((a, b) => a + b, 0);
        expect(total).toBe(parsed.lineCount);
        expect(parsed.lineCount).toBe(lineCount(text));
      }),
      { numRuns: 400 },
    );
  });
  it('survives a 10 MB line, NUL bytes and lone surrogates', () => {
    const huge = 'gc 1 @0.1s 0%: ' + '1+'.repeat(5_000_000);
    expect(parseTrace(huge).lineKinds.cycle).toBe(1);
    expect(parseTrace('\u0000gc 1 @\ud800\u0000\n\udfff').lineCount).toBe(2);
  });
});

const ms = fc.integer({ min: 0, max: 2e9 }).map((ns) => Number(fmtNSAsMS(ns)));
const mb = fc.integer({ min: 0, max: 300000 });

function modernArb(era: EraId): fc.Arbitrary<GcCycle> {
  const clocks = era === 'go1.5' || era === 'go1.5beta' ? 5 : 3;
  return fc
    .record({
      gc: fc.integer({ min: 1, max: 1e7 }),
      at: fc.integer({ min: 0, max: 1e9 }).map((v) => v / 1000),
      pct: fc.integer({ min: 0, max: 100 }),
      clock: fc.array(ms, { minLength: clocks, maxLength: clocks }),
      cpu: fc.array(ms, { minLength: clocks === 5 ? 4 : 2, maxLength: clocks === 5 ? 4 : 2 }),
      group: fc.array(ms, { minLength: 3, maxLength: 3 }),
      heap: fc.array(mb, { minLength: 3, maxLength: 3 }),
      goal: fc.oneof(mb, fc.constant(8796093022191)),
      stacks: mb,
      globals: mb,
      procs: fc.integer({ min: 1, max: 1024 }),
      forced: fc.boolean(),
      leak: fc.boolean(),
    })
    .map((r) => ({
      line: 1,
      column: 1,
      endLine: 1,
      gc: r.gc,
      era,
      atSeconds: r.at,
      cpuPercent: r.pct,
      leakCheck: era === 'go1.26+' && r.leak,
      clockMs: r.clock,
      cpuMs:
        clocks === 5
          ? [r.cpu[0], r.cpu[1], r.cpu[2], r.group, r.cpu[3]]
          : [r.cpu[0], r.group, r.cpu[1]],
      heapMB: r.heap,
      goalMB: r.goal,
      goalUnbounded: r.goal === 8796093022191,
      stacksMB: era === 'go1.18+' || era === 'go1.26+' ? r.stacks : null,
      globalsMB: era === 'go1.18+' || era === 'go1.26+' ? r.globals : null,
      procs: r.procs,
      forced: r.forced,
      truncated: false,
      rejoined: false,
      run: 0,
      legacy: null,
    }));
}

function legacyArb(era: EraId): fc.Arbitrary<GcCycle> {
  const micro = era === 'go1.3' || era === 'go1.4';
  const n = fc.integer({ min: 0, max: 1e9 });
  return fc
    .record({
      gc: fc.integer({ min: 1, max: 1e6 }),
      procs: fc.integer({ min: 1, max: 32 }),
      clock: fc.array(fc.integer({ min: 0, max: 1e6 }), {
        minLength: micro ? 4 : 3,
        maxLength: micro ? 4 : 3,
      }),
      heap: fc.array(mb, { minLength: 2, maxLength: 2 }),
      objects: fc.array(n, { minLength: 2, maxLength: 2 }),
      mallocs: n,
      frees: n,
      pair: fc.array(n, { minLength: 2, maxLength: 2 }),
      triple: fc.array(n, { minLength: 3, maxLength: 3 }),
      g: n,
    })
    .map((r) => ({
      line: 1,
      column: 1,
      endLine: 1,
      gc: r.gc,
      era,
      atSeconds: null,
      cpuPercent: null,
      leakCheck: false,
      clockMs: r.clock.map((v) => (micro ? v / 1000 : v)),
      cpuMs: null,
      heapMB: r.heap,
      goalMB: null,
      goalUnbounded: false,
      stacksMB: null,
      globalsMB: null,
      procs: r.procs,
      forced: false,
      truncated: false,
      rejoined: false,
      run: 0,
      legacy: {
        objects: micro ? [r.objects[0]] : r.objects,
        mallocs: r.mallocs,
        frees: r.frees,
        handoff: era === 'go1.0' ? [r.pair[0]] : r.pair,
        steal: era === 'go1.0' ? null : r.pair,
        yields: era === 'go1.0' ? null : r.triple,
        sweeps: micro ? r.triple : null,
        goroutines: era === 'go1.4' ? r.g : null,
      },
    }));
}

describe('formatCycle then parseTrace gives the cycle back', () => {
  for (const era of ['go1.5beta', 'go1.5', 'go1.6-1.17', 'go1.18+', 'go1.26+'] as EraId[]) {
    it(`for generated ${era} cycles`, () => {
      fc.assert(
        fc.property(modernArb(era), (cycle) => {
          const line = formatCycle(cycle, era);
          const parsed = parseTrace(line);
          expect(parsed.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
          const expected = {
            ...cycle,
            era: era === 'go1.26+' && !cycle.leakCheck ? 'go1.18+' : era,
          };
          expect(parsed.cycles[0]).toEqual(expected);
        }),
        { numRuns: 300 },
      );
    });
  }
  for (const era of ['go1.0', 'go1.1-1.2', 'go1.3', 'go1.4'] as EraId[]) {
    it(`for generated ${era} cycles`, () => {
      fc.assert(
        fc.property(legacyArb(era), (cycle) => {
          const parsed = parseTrace(formatCycle(cycle, era));
          expect(parsed.cycles[0]).toEqual(cycle);
        }),
        { numRuns: 300 },
      );
    });
  }
  it('fmtNSAsMS truncates like the runtime', () => {
    expect(
      [0, 999, 1000, 99_999, 100_000, 999_999, 1_000_000, 9_999_999, 10_000_000, 123_456_789].map(
        fmtNSAsMS,
      ),
    ).toEqual(['0', '0', '0.001', '0.099', '0.10', '0.99', '1.0', '9.9', '10', '123']);
  });
});
