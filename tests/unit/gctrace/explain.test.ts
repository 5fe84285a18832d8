import { describe, expect, it } from 'vitest';
import {
  explainAt,
  fieldExplanations,
  lineFields,
  parseTrace,
} from '../../../src/gctrace/index.ts';
import type { FieldKind } from '../../../src/gctrace/index.ts';

const trace = [
  'gc 7 @12.504s 1% (checking for goroutine leaks): 0.031+2.4+0.044 ms clock, 0.25+0.10/4.6/1.2+0.35 ms cpu, 41->43->22 MB, 44 MB goal, 3 MB stacks, 1 MB globals, 8 P (forced)',
  'gc14(4): 8+152+1542+35 us, 48 -> 97 MB, 1024321 (5123456-4099135) objects, 85 goroutines, 1933/1010/12 sweeps, 4(120) handoff, 10(322) steal, 150/20/1 yields',
  'scav 27728 KiB work, 101856 KiB total, 90% util (forced)',
  'GC forced',
  'gc 12 @x',
].join('\n');
const parsed = parseTrace(trace);

describe('explainAt', () => {
  const kinds: FieldKind[] = [
    'counter',
    'timestamp',
    'percent',
    'leak-check',
    'clock',
    'cpu',
    'heap',
    'goal',
    'stacks',
    'globals',
    'procs',
    'forced',
  ];
  for (const kind of kinds) {
    it(`explains the ${kind} field of a Go 1.26 line with its printed value`, () => {
      const field = lineFields(parsed, 1).find((f) => f.kind === kind)!;
      const e = explainAt(parsed, 1, field.startColumn)!;
      expect(e.kind).toBe(kind);
      expect(e.value).toBe(field.text);
      expect(e.range).toEqual({
        line: 1,
        startColumn: field.startColumn,
        endColumn: field.endColumn,
      });
      expect(e.title.length).toBeGreaterThan(3);
      expect(e.explanation.length).toBeGreaterThan(10);
      expect(e.valueInContext).not.toContain('{value}');
    });
  }
  it('puts the value in a sentence for the live heap', () => {
    const live = lineFields(parsed, 1).find((f) => f.name === 'heap.live')!;
    expect(explainAt(parsed, 1, live.startColumn)?.valueInContext).toBe(
      'live heap 22 MB: memory still reachable after this cycle; if it keeps rising from cycle to cycle, something is holding references',
    );
  });
  it('names the runtime/metrics equivalents', () => {
    const at = (name: string) =>
      explainAt(parsed, 1, lineFields(parsed, 1).find((f) => f.name === name)!.startColumn)!;
    expect(at('goal').metric).toBe('/gc/heap/goal:bytes');
    expect(at('stacks').metric).toBe('/gc/scan/stack:bytes');
    expect(at('globals').metric).toBe('/gc/scan/globals:bytes');
    expect(at('procs').metric).toBe('/sched/gomaxprocs:threads');
    expect(at('gc').metric).toBe('/gc/cycles/total:gc-cycles');
  });
  it('warns that the CPU percentage is cumulative', () => {
    const pct = lineFields(parsed, 1).find((f) => f.kind === 'percent')!;
    expect(explainAt(parsed, 1, pct.startColumn)!.traps.join(' ')).toMatch(
      /Cumulative since the program started/,
    );
  });
  it('explains the Go 1.4 heap arrow and its trap', () => {
    const f = lineFields(parsed, 2).find((x) => x.name === 'heap.liveEstimate')!;
    const e = explainAt(parsed, 2, f.startColumn)!;
    expect(e.traps.join(' ')).toMatch(/arrow usually points up/);
  });
  it('explains every field of the legacy line', () => {
    for (const f of lineFields(parsed, 2))
      expect(explainAt(parsed, 2, f.startColumn)?.field).toBe(f.name);
  });
  it('explains companion fields (scav) and the GC forced notice', () => {
    const util = lineFields(parsed, 3).find((f) => f.name === 'util')!;
    expect(explainAt(parsed, 3, util.startColumn)?.title).toMatch(/Heap utilisation/);
    expect(explainAt(parsed, 4, 1)?.title).toMatch(/Periodic forced GC/);
  });
  it('says the gc number is bumped at mark termination and P is GOMAXPROCS at the cycle start', () => {
    // runtime/mgc.go since Go 1.5: numgc++ in mark termination; maxprocs read when the cycle starts.
    const at = (name: string) =>
      explainAt(parsed, 1, lineFields(parsed, 1).find((f) => f.name === name)!.startColumn)!;
    expect(at('gc').explanation).toMatch(/incremented at mark termination/);
    expect(at('procs').explanation).toMatch(/GOMAXPROCS when the cycle started/);
  });
  it('returns the diagnostic message where a line broke', () => {
    const e = explainAt(parsed, 5, 8)!;
    expect(e.kind).toBe('diagnostic');
    expect(e.explanation).toContain("expected a number after '@'");
  });
  it('returns null outside any field', () => {
    expect(explainAt(parsed, 99, 1)).toBeNull();
  });
  it('has an explanation for every field name the scanner emits, in every era', () => {
    for (const era of Object.keys(fieldExplanations) as (keyof typeof fieldExplanations)[])
      for (const e of Object.values(fieldExplanations[era]))
        expect(e.inContext).toContain('{value}');
    for (const f of [...lineFields(parsed, 1), ...lineFields(parsed, 2)])
      expect(fieldExplanations[f.line === 1 ? 'go1.26+' : 'go1.4'][f.name], f.name).toBeDefined();
  });
});
