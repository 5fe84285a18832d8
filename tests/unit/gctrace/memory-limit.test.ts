import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import {
  analyseTrace,
  cycleGoalSetters,
  measureCycles,
  parseTrace,
} from '../../../src/gctrace/index.ts';
import { readTrace, repoRoot } from '../traces.ts';
import { goalReadings, trackedGoalSetters } from '../../../src/gctrace/memory-limit.ts';
import {
  analyseConstructed,
  constructedTrace,
  gogcCycles,
  type ConstructedCycle,
} from './constructed.ts';

// What set the goal, on constructed cycles that show one rule each. Real captures of every
// release, with and without a limit, are checked in verdict-captures.test.ts.

/** Setters of each cycle's goal, read from the goals and live heaps alone. */
function setters(cycles: ConstructedCycle[]) {
  const parsed = parseTrace(constructedTrace(cycles));
  const readings = goalReadings(parsed.cycles, measureCycles(parsed.cycles));
  return trackedGoalSetters('go1.18+', readings);
}

/** A live heap that wanders between 32 and 44 MB, as floating garbage makes it do. */
const wandering = (i: number) => 32 + ((i * 7) % 13);

/** Goals held at `goal` MB whatever the live heap, as a memory limit holds them. */
const held = (count: number, goal: number, live: (i: number) => number): ConstructedCycle[] =>
  Array.from({ length: count }, (_, i) => ({
    at: 1 + i * 0.05,
    heap: [goal - 2, goal, live(i)],
    goal,
  }));

describe('each cycle: does the goal follow the live heap before it?', () => {
  it('follows it under GOGC, whatever GOGC is', () => {
    for (const gogc of [50, 100, 200])
      expect(setters(gogcCycles(30, wandering, { gogc })).slice(2)).toEqual(Array(27).fill('gogc'));
  });

  it('holds still under a memory limit while the live heap moves', () => {
    expect(setters(held(30, 56, wandering))).toEqual(Array(29).fill('limit'));
  });

  it('is the live heap itself once the heap is over the limit', () => {
    const over = Array.from({ length: 12 }, (_, i) => {
      const live = 60 + i;
      return {
        at: 1 + i * 0.004,
        heap: [live, live + 1, live + 1],
        goal: live,
      } as ConstructedCycle;
    });
    expect(setters(over).slice(1)).toEqual(Array(10).fill('over-limit'));
  });

  it('tells nothing below 4 MB of live heap, where GOGC’s minimum heap holds the goal still too', () => {
    expect(setters(held(20, 4, (i) => i % 4)).every((s) => s === null)).toBe(true);
  });
});

describe('the run: GOGC, a memory limit, or one after the other', () => {
  it('GOGC=100 with no limit: GOGC sets the goal, no limit is reported', () => {
    const run = analyseConstructed(gogcCycles(40, wandering));
    expect(run.memoryLimit.goalSetBy).toBe('gogc');
    expect(run.memoryLimit.detected).toBe(false);
    expect(run.impliedGogc!.snapped).toBe(100);
  });

  it('GOGC=off under a limit: no implied GOGC, and why, with the goal the limit held', () => {
    const run = analyseConstructed(held(60, 56, wandering));
    expect(run.memoryLimit.goalSetBy).toBe('memory-limit');
    expect(run.memoryLimit.limitGoalMB).toBe(56);
    expect(run.impliedGogc).toBeNull();
    // Its goals were all above 56 MB, the limit's: GOGC is above what 56 MB implies.
    expect(run.memoryLimit.gogcAbove!).toBeGreaterThan(20);
    expect(run.impliedGogcNote).toMatch(
      new RegExp(`it is off or above ${run.memoryLimit.gogcAbove}`),
    );
    expect(run.memoryLimit.reason).toMatch(
      /the goal stayed at 56 MB while the live heap moved between 32 and 44 MB: a memory limit \(GOMEMLIMIT\) above 56 MB held it there, not GOGC/,
    );
  });

  it('GOGC early, the limit once the heap grows into it: both, and where it switched', () => {
    const early = gogcCycles(12, (i) => 4 + 2 * i).map((c) => ({ ...c, at: c.at / 10 }));
    const late = held(40, 50, wandering);
    const run = analyseConstructed([...early, ...late]);
    expect(run.memoryLimit.goalSetBy).toBe('gogc-and-memory-limit');
    expect(run.impliedGogc!.snapped).toBe(100);
    expect(run.memoryLimit.switchLine).toBeGreaterThan(10);
    expect(run.memoryLimit.switchLine).toBeLessThanOrEqual(14);
    expect(run.memoryLimit.reason).toMatch(
      /^GOGC set the goal until line \d+, then a memory limit/,
    );
  });

  it('a heap that overshoots the limit for a moment is not said to run back to back', () => {
    const cycles = held(40, 56, wandering);
    // The heap overshot: the next goal is cut to the live heap, once.
    cycles[20] = { at: cycles[20]!.at, heap: [56, 80, 60], goal: 56 };
    cycles[21] = { at: cycles[21]!.at, heap: [60, 61, 33], goal: 60 };
    const run = analyseConstructed(cycles);
    expect(run.memoryLimit.overLimitCycles).toBe(1);
    expect(run.memoryLimit.backToBackFromLine).toBeNull();
    expect(run.memoryLimit.reason).toMatch(/overshot the memory limit for a moment/);
  });

  it('GOGC=off without a limit: no goal at all', () => {
    // The runtime prints the "no goal" value, just under 2^43 MB in Go 1.19 (content/facts.md).
    const text = constructedTrace(gogcCycles(10, () => 32)).replace(
      /\d+ MB goal/g,
      '8796093022183 MB goal',
    );
    const run = analyseTrace(parseTrace(text)).runs[0]!;
    expect(run.gcOff).toBe(true);
    expect(run.memoryLimit.goalSetBy).toBe('no-goal');
    expect(run.impliedGogc).toBeNull();
  });
});

describe('each cycle of a real capture', () => {
  const releases = readdirSync(`${repoRoot}/content/traces`).filter((d) => /^go1\.\d+$/.test(d));
  const run = (path: string) => {
    const parsed = parseTrace(readTrace(path));
    const cycles = parsed.runs[0]!.cycleIndices.map((i) => parsed.cycles[i]!);
    return { cycles, setters: cycleGoalSetters(cycles, measureCycles(cycles)) };
  };

  it('GOGC=100 with no limit: every cycle that tells says GOGC', () => {
    for (const release of releases) {
      const { setters } = run(`content/traces/${release}/gogc-100.txt`);
      expect(setters.filter((s) => s !== null).length).toBeGreaterThan(20);
      expect(setters.filter((s) => s !== null && s !== 'gogc')).toEqual([]);
    }
  });

  it('GOGC=off under a 64 MiB limit: no cycle says GOGC', () => {
    for (const release of releases) {
      const { setters } = run(`content/traces/${release}/gomemlimit-64mib-gogcoff.txt`);
      expect(setters.filter((s) => s === 'limit').length).toBeGreaterThan(20);
      expect(setters).not.toContain('gogc');
    }
  });

  it('GOGC=100 under a 60 MiB limit: GOGC before the switch, the limit after it', () => {
    const switched = releases
      .map((release) => `content/traces/${release}/gomemlimit-60mib-gogc100.txt`)
      .map((path) => ({
        path,
        regime: analyseTrace(parseTrace(readTrace(path))).runs[0]!.memoryLimit,
      }))
      .filter(({ regime }) => regime.switchLine !== null);
    expect(switched.length).toBeGreaterThanOrEqual(releases.length / 2);
    for (const { path, regime } of switched) {
      const { cycles, setters } = run(path);
      const before = setters.filter((s, i) => s !== null && cycles[i]!.line < regime.switchLine!);
      const after = setters.filter((s, i) => s !== null && cycles[i]!.line >= regime.switchLine!);
      expect(before.length, path).toBeGreaterThanOrEqual(2);
      expect(
        before.every((s) => s === 'gogc'),
        path,
      ).toBe(true);
      expect(after.filter((s) => s !== 'gogc').length, path).toBeGreaterThan(0.9 * after.length);
    }
  });
});
