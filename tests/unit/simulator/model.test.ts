import { describe, expect, it } from 'vitest';
import { analyseTrace, parseTrace } from '../../../src/gctrace/index.ts';
import {
  defaultSettings,
  gogcGoalMB,
  heapMinimumMB,
  memoryLimitGoal,
  noGoalPrintedMB,
  rulesFor,
  simulate,
  type SimSettings,
} from '../../../src/simulator/index.ts';

const settings = (overrides: Partial<SimSettings> = {}): SimSettings => ({
  ...defaultSettings,
  ...overrides,
});

const eras: { goMinor: number; era: string; fields: RegExp }[] = [
  { goMinor: 5, era: 'go1.5', fields: /^gc \d+ @\d+\.\d{3}s \d+%: [^+]+\+[^+]+\+[^+]+\+[^+]+\+/ },
  { goMinor: 12, era: 'go1.6-1.17', fields: /MB goal, \d+ P$/ },
  { goMinor: 18, era: 'go1.18+', fields: /MB goal, \d+ MB stacks, \d+ MB globals, \d+ P$/ },
  { goMinor: 19, era: 'go1.18+', fields: /MB stacks/ },
  { goMinor: 21, era: 'go1.18+', fields: /MB stacks/ },
  // 1.26+ print the 1.18 line unless a cycle checks for goroutine leaks, which the model never
  // does, so the parser reads the run as 1.18+ lines.
  { goMinor: 26, era: 'go1.18+', fields: /MB stacks, \d+ MB globals, \d+ P$/ },
  { goMinor: 27, era: 'go1.18+', fields: /MB stacks, \d+ MB globals, \d+ P$/ },
];

describe('simulate: the trace parses cleanly', () => {
  for (const { goMinor, era, fields } of eras) {
    it(`Go 1.${goMinor} prints ${era} lines with no problems`, () => {
      for (const overrides of [
        {},
        { leakMBps: 4, procs: 8 },
        { gogc: 50, liveMB: 200, allocMBps: 1024, procs: 1 },
        { gogc: null, limitMB: 96 },
        { limitMB: 40, leakMBps: 2 },
        { gcEveryS: 1.5 },
      ]) {
        const result = simulate(settings({ goMinor, ...overrides }));
        const parsed = parseTrace(result.text);
        expect(parsed.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
        expect(parsed.cycles.length).toBe(result.cycles.length);
        if (result.cycles.length === 0) continue;
        expect(parsed.runs.length).toBe(1);
        expect(parsed.runs[0].era).toBe(era);
        for (const line of result.text.split('\n'))
          expect(line.replace(/ \(forced\)$/, '')).toMatch(fields);
      }
    });
  }

  it('prints only floored MB integers and fmtNSAsMS times', () => {
    const parsed = parseTrace(simulate(settings({ leakMBps: 1.5 })).text);
    for (const c of parsed.cycles) {
      for (const v of [...c.heapMB, c.goalMB!, c.stacksMB!, c.globalsMB!]) {
        expect(Number.isInteger(v)).toBe(true);
      }
    }
    const times = simulate(settings())
      .text.match(/: ([^ ]+) ms clock, ([^ ]+) ms cpu/g)!
      .flatMap((m) => m.replace(/^: | ms clock,| ms cpu/g, '').split(/[+/ ]/));
    for (const t of times) expect(t).toMatch(/^(0|\d{2,}|[1-9]\d*|0\.\d{3}|0\.\d{2}|\d\.\d)$/);
  });

  it('is deterministic for a seed and jitters with another', () => {
    expect(simulate(settings()).text).toBe(simulate(settings()).text);
    expect(simulate(settings(), { seed: 2 }).text).not.toBe(simulate(settings()).text);
  });

  it('numbers cycles from 1 and moves forward in time within the run', () => {
    const result = simulate(settings({ durationS: 5 }));
    result.cycles.forEach((c, i) => {
      expect(c.gc).toBe(i + 1);
      if (i > 0) expect(c.startS).toBeGreaterThan(result.cycles[i - 1].endS);
      expect(c.heapMB[0]).toBeLessThanOrEqual(c.heapMB[1]);
      expect(c.heapMB[2]).toBeLessThanOrEqual(c.heapMB[1]);
    });
    expect(result.cycles.at(-1)!.endS).toBeLessThan(5.1);
  });
});

describe('simulate: the pacer', () => {
  it('collects less often with a higher GOGC', () => {
    const counts = [50, 100, 200, 400].map((gogc) => simulate(settings({ gogc })).cycles.length);
    for (let i = 1; i < counts.length; i++) expect(counts[i]).toBeLessThan(counts[i - 1]);
  });

  it('sets each goal from the previous marked heap by the formula of the release', () => {
    for (const goMinor of [5, 12, 18, 19, 21, 22, 27]) {
      for (const gogc of [50, 100, 300]) {
        const { cycles } = simulate(settings({ goMinor, gogc, liveMB: 100, durationS: 5 }));
        for (let i = 1; i < cycles.length; i++) {
          const marked = cycles[i - 1].heapMB[2];
          const g = gogc / 100;
          const formula =
            goMinor >= 18
              ? marked + (marked + cycles[i - 1].stacksMB + cycles[i - 1].globalsMB) * g
              : marked * (1 + g);
          const expected = Math.max(formula, heapMinimumMB(gogc));
          // The goal is kept just above where the cycle was triggered (1 MB in 1.6–1.17, 64 KiB
          // from 1.18): the trigger the pacer computed in 1.19, the heap at the start from 1.21.
          const lift = goMinor >= 18 ? 1 / 16 : goMinor >= 6 ? 1 : 0;
          const from = goMinor === 19 ? cycles[i].triggerMB : cycles[i].heapMB[0];
          expect(rulesFor(goMinor).runwayFrom).toBe(goMinor === 19 ? 'trigger' : 'heap-at-start');
          expect(cycles[i].goalMB).toBeCloseTo(Math.max(expected, from + lift), 9);
        }
      }
    }
  });

  it('starts with the 4 MB × GOGC/100 minimum goal', () => {
    for (const gogc of [50, 100, 200]) {
      const first = parseTrace(simulate(settings({ gogc })).text).cycles[0];
      expect(first.goalMB).toBe(Math.floor(heapMinimumMB(gogc)));
    }
    expect(gogcGoalMB({ goMinor: 19, gogc: 100, markedMB: 1, stacksMB: 0, globalsMB: 0 })).toBe(4);
  });

  it('triggers between 70 % and 95 % of the way from the marked heap to the goal', () => {
    const { cycles } = simulate(settings());
    for (let i = 1; i < cycles.length; i++) {
      const marked = cycles[i - 1].heapMB[2];
      const share = (cycles[i].triggerMB - marked) / (cycles[i].goalMB - marked);
      expect(share).toBeGreaterThanOrEqual(0.68);
      expect(share).toBeLessThanOrEqual(0.95);
    }
  });

  it('caps the goal under GOMEMLIMIT from Go 1.19, and only there', () => {
    for (const goMinor of [19, 21, 27]) {
      const limited = simulate(settings({ limitMB: 48, goMinor }));
      const steady = limited.cycles.filter((c) => c.startS > 1);
      expect(steady.length).toBeGreaterThan(0);
      const { baseMB } = rulesFor(goMinor).memoryLimit!.nonHeap;
      for (const c of steady) {
        expect(c.limited).toBe(true);
        expect(c.goalMB).toBeLessThan(48 - baseMB - 1);
        expect(c.goalMB).toBeGreaterThan(48 - 14);
      }
    }
    const before = simulate(settings({ limitMB: 48, goMinor: 18 }));
    expect(before.cycles.some((c) => c.limited)).toBe(false);
    expect(before.notes.join(' ')).toMatch(/Go 1\.19/);
  });

  it('keeps 1 MiB of headroom under the limit in 1.19 and 3 % from 1.21', () => {
    const goal = (goMinor: number, limitMB: number) =>
      memoryLimitGoal({ goMinor, limitMB, markedMB: 0, heapMB: 0, peakHeapMB: 0 })!.goalMB;
    const fits = (goMinor: number, limitMB: number) =>
      limitMB - rulesFor(goMinor).memoryLimit!.nonHeap.baseMB;
    expect(goal(19, 1000)).toBeCloseTo(fits(19, 1000) - 1, 5);
    expect(goal(21, 1000)).toBeCloseTo(fits(21, 1000) * 0.97, 2);
    // 3 % of a small goal is under 1 MiB: the 1 MiB minimum applies.
    expect(goal(21, 20)).toBeCloseTo(fits(21, 20) - 1, 5);
    expect(
      memoryLimitGoal({ goMinor: 18, limitMB: 1000, markedMB: 0, heapMB: 0, peakHeapMB: 0 }),
    ).toBeNull();
    // Never below the marked heap, and the heap over the limit comes off the goal.
    expect(
      memoryLimitGoal({ goMinor: 24, limitMB: 64, markedMB: 80, heapMB: 90, peakHeapMB: 90 })!
        .goalMB,
    ).toBe(80);
    const over = memoryLimitGoal({
      goMinor: 24,
      limitMB: 64,
      markedMB: 0,
      heapMB: 70,
      peakHeapMB: 70,
    })!;
    const under = memoryLimitGoal({
      goMinor: 24,
      limitMB: 64,
      markedMB: 0,
      heapMB: 40,
      peakHeapMB: 70,
    })!;
    expect(over.goalMB).toBeLessThan(under.goalMB - 5);
  });

  it('has no cycles with GOGC=off and no limit, and says why', () => {
    const off = simulate(settings({ gogc: null }));
    expect(off.cycles).toEqual([]);
    expect(off.text).toBe('');
    expect(off.notes.join(' ')).toMatch(/never starts by itself/);
    const offOld = simulate(settings({ gogc: null, limitMB: 64, goMinor: 17 }));
    expect(offOld.cycles).toEqual([]);
  });

  it('runs a forced cycle for every runtime.GC() call, printing the release’s "no goal" figure', () => {
    const expected: [number, RegExp][] = [
      [27, /^8532210231\d{3}$/],
      [21, /^8532210231\d{3}$/],
      [19, /^8796093022\d{3}$/],
      [12, /^17592186044415$/],
    ];
    for (const [goMinor, figure] of expected) {
      const { cycles, notes } = simulate(settings({ gogc: null, gcEveryS: 1, goMinor }));
      // runtime.GC() at 1, 2, … 9 s after the live heap is built, in a 10 s run.
      expect(cycles.length).toBe(9);
      for (const c of cycles) {
        expect(c.forced).toBe(true);
        expect(c.line).toMatch(/ \(forced\)$/);
        expect(String(c.printedGoalMB)).toMatch(figure);
        expect(c.line).toContain(` ${c.printedGoalMB} MB goal,`);
      }
      expect(notes.join(' ')).toContain(String(cycles[0]!.printedGoalMB));
    }
    // Before 1.9 a forced cycle prints its start heap as the goal.
    const old = simulate(settings({ gogc: null, gcEveryS: 1, goMinor: 8 })).cycles[0]!;
    expect(old.printedGoalMB).toBe(Math.floor(old.heapMB[0]));
  });

  it('works the "no goal" figure out to the byte from maxInt64', () => {
    // No non-heap memory at all: the largest figure each release can print.
    const bound = (goMinor: number) => {
      const { baseMB, perPeakHeap } = rulesFor(goMinor).memoryLimit!.nonHeap;
      return noGoalPrintedMB(goMinor, -baseMB / perPeakHeap);
    };
    // (2^63 − 1 − 2^20) >> 20, and (2^63 − 1 − (2^63 − 1) / 100 × 3) >> 20 = 0.97 × 2^43 less a little.
    expect(bound(19)).toBe(8796093022206);
    expect(bound(21)).toBe(8532210231541);
    expect(bound(27)).toBe(8532210231541);
    expect(noGoalPrintedMB(12, 288)).toBe(17592186044415);
  });

  it('adds forced cycles between the paced ones without changing the goal rule', () => {
    const { cycles } = simulate(settings({ gcEveryS: 2 }));
    const forced = cycles.filter((c) => c.forced);
    expect(forced.length).toBe(4);
    for (const c of forced) expect(c.goalMB).toBeLessThan(80);
    expect(cycles.filter((c) => !c.forced).length).toBeGreaterThan(70);
  });

  it('collects at the limit goal with GOGC=off and a limit', () => {
    const { cycles } = simulate(settings({ gogc: null, limitMB: 128 }));
    expect(cycles.length).toBeGreaterThan(10);
    expect(cycles.every((c) => c.limited)).toBe(true);
  });

  it('stops at the cycle cap and says so', () => {
    const result = simulate(settings({ liveMB: 0, gogc: 10, allocMBps: 2048, durationS: 60 }), {
      maxCycles: 300,
    });
    expect(result.truncated).toBe(true);
    expect(result.cycles.length).toBe(300);
    expect(result.notes.join(' ')).toMatch(/stops after 300 cycles/);
  });

  it('keeps the cumulative GC CPU consistent with the printed fields (spec §5.2)', () => {
    const result = simulate(settings({ procs: 4 }));
    const parsed = parseTrace(result.text);
    let gcCpu = 0;
    for (const c of parsed.cycles) {
      const cpu = c.cpuMs!;
      const [assist, bg] = cpu[1] as number[];
      gcCpu += (cpu[0] as number) + assist + bg + (cpu[2] as number);
      // The start is truncated to whole ms and every printed time is truncated, so the printed
      // fields bound the true value from both sides.
      const end = c.atSeconds! + c.clockMs.reduce((a, b) => a + b, 0) / 1000;
      const low = (100 * gcCpu) / (4 * (end + 0.001) * 1000);
      const high = (100 * gcCpu * 1.1) / (4 * end * 1000);
      expect(c.cpuPercent!).toBeGreaterThanOrEqual(Math.floor(low));
      expect(c.cpuPercent!).toBeLessThanOrEqual(Math.floor(high));
    }
  });

  it('pauses for tens of µs and marks for longer with more live heap', () => {
    const small = simulate(settings({ liveMB: 16 })).cycles.filter((c) => c.startS > 1);
    const large = simulate(settings({ liveMB: 400 })).cycles.filter((c) => c.startS > 1);
    const median = (v: number[]) => [...v].sort((a, b) => a - b)[v.length >> 1];
    const stw = median(small.map((c) => c.clockMs[0] + c.clockMs[2]));
    expect(stw).toBeGreaterThan(0.005);
    expect(stw).toBeLessThan(0.2);
    expect(median(large.map((c) => c.clockMs[1]))).toBeGreaterThan(
      5 * median(small.map((c) => c.clockMs[1])),
    );
  });
});

describe('simulate: leaks', () => {
  it('raises the live heap with a leak rate and keeps it flat without', () => {
    const leaking = simulate(settings({ leakMBps: 2 })).cycles;
    const steady = simulate(settings()).cycles;
    const live = (cs: typeof leaking) => [cs[5].heapMB[2], cs.at(-1)!.heapMB[2]];
    const [a, b] = live(leaking);
    expect(b - a).toBeGreaterThan(15);
    const [c, d] = live(steady);
    expect(Math.abs(d - c)).toBeLessThan(1);
  });

  it('is read as growing with a leak and stable without by analyseTrace', () => {
    const verdict = (overrides: Partial<SimSettings>) =>
      analyseTrace(parseTrace(simulate(settings(overrides)).text)).runs[0].leak.verdict;
    expect(verdict({})).toBe('stable');
    expect(verdict({ gogc: 200 })).toBe('stable');
    expect(verdict({ leakMBps: 2 })).toBe('growing');
    expect(verdict({ leakMBps: 8, liveMB: 100, durationS: 30 })).toBe('growing');
  });
});

describe('notes under a tight memory limit', () => {
  it('with no live heap, blames the runtime’s own memory, never a live heap that does not fit', () => {
    for (const limitMB of [4, 8]) {
      const result = simulate(settings({ liveMB: 0, limitMB, goMinor: 19 }));
      const notes = result.notes.join(' ');
      expect(notes).not.toMatch(/live heap does not fit/);
      expect(notes).toMatch(/runtime’s own memory/);
      expect(notes).toMatch(/with no live heap/);
      expect(notes).toMatch(/back to back/);
    }
  });

  it('with a live heap larger than the limit leaves, says the live heap does not fit', () => {
    const notes = simulate(settings({ liveMB: 32, limitMB: 16, goMinor: 21 })).notes.join(' ');
    expect(notes).toMatch(/The live heap does not fit under GOMEMLIMIT/);
  });
});

describe('a run without cycles', () => {
  it('says why in words: GOGC=off with no limit starts none, per the model', () => {
    const off = simulate(settings({ gogc: null, limitMB: null }));
    expect(off.cycles).toEqual([]);
    expect(off.whyNoCycles).toMatch(/No collection runs/);
    expect(simulate(settings()).whyNoCycles).toBeNull();
    // runtime.GC() calls run cycles even with GOGC=off.
    expect(simulate(settings({ gogc: null, gcEveryS: 1 })).whyNoCycles).toBeNull();
  });
});
