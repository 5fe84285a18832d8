import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyseConstructed, gogcCycles, type ConstructedCycle } from './constructed.ts';

// The rules of the leak verdict, each on constructed cycles that show it alone. Real captures of
// every release are judged in verdict-captures.test.ts.

/** The same cycles, their start times stretched by `factor`. */
const stretched = (cycles: ConstructedCycle[], factor: number) =>
  cycles.map((c) => ({ ...c, at: c.at * factor }));

describe('the leak verdict weighs cycles, not seconds', () => {
  it('calls 150 flat cycles in 0.9 s stable', () => {
    const run = analyseConstructed(gogcCycles(150, () => 8, { gogc: 25, seconds: 0.006 }));
    expect(run.leak.spanSeconds!).toBeLessThan(1);
    expect(run.leak.verdict, run.leak.reason).toBe('stable');
    expect(run.leak.reason).toMatch(/stays flat .* in 0\.\d+ s/);
  });

  it('calls a live heap growing a hundredfold over 120 cycles in 0.9 s growing', () => {
    // 0.2 MB growing 4% a cycle: 0 MB printed at first, 22 MB at the end.
    const cycles = gogcCycles(120, (i) => Math.round(0.2 * 1.04 ** i), { seconds: 0.0075 });
    const run = analyseConstructed(cycles);
    expect(run.leak.spanSeconds!).toBeLessThan(1);
    expect(run.leak.verdict, run.leak.reason).toBe('growing');
    expect(run.leak.trendZ!).toBeGreaterThan(3);
    expect(run.leak.reason).toMatch(/keeps rising .*×\d/);
  });

  it('gives the same verdict whether the cycles cover a second or ten minutes', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 8, max: 120 }),
        fc.double({ min: -0.3, max: 0.5, noNaN: true }),
        fc.array(fc.integer({ min: -3, max: 3 }), { minLength: 1, maxLength: 12 }),
        (count, slope, noise) => {
          const cycles = gogcCycles(
            count,
            (i) => Math.max(0, Math.round(20 + slope * i + noise[i % noise.length]!)),
            { seconds: 1 / count },
          );
          const short = analyseConstructed(cycles).leak.verdict;
          expect(analyseConstructed(stretched(cycles, 600)).leak.verdict).toBe(short);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('not enough to tell', () => {
  it('with a handful of cycles, however steep', () => {
    const run = analyseConstructed(gogcCycles(6, (i) => 10 + 10 * i, { seconds: 10 }));
    expect(run.leak.verdict).toBe('inconclusive');
    expect(run.leak.reason).toMatch(/^only 6 complete non-forced cycles/);
  });

  it('with a change of a size that counts but no steady direction', () => {
    const noise = [0, 3, -2, 4, -3, 1, 4, -4, 2, -1, 3, -3];
    const run = analyseConstructed(
      gogcCycles(24, (i) => Math.round(30 + 0.25 * i + noise[i % 12]!), { seconds: 0.5 }),
    );
    expect(run.leak.verdict, run.leak.reason).toBe('inconclusive');
    expect(run.leak.trendZ!).toBeLessThan(3);
    expect(run.leak.reason).toMatch(/no steady change .* more cycles would tell/);
  });
});

describe('growth that stops, and memory that comes back', () => {
  it('calls a cache that fills and then holds stable', () => {
    const run = analyseConstructed(gogcCycles(90, (i) => Math.min(28, 2 + i), { seconds: 0.1 }));
    expect(run.leak.verdict, run.leak.reason).toBe('stable');
    expect(run.leak.reason).toMatch(/levelled off/);
  });

  it('calls a rise that held for two minutes after start-up stable, from two cycles far apart', () => {
    const burst = gogcCycles(10, (i) => Math.min(4, Math.floor(i / 2)), { seconds: 0.08 });
    const later = { ...burst[burst.length - 1]!, at: 120 };
    const run = analyseConstructed([...burst, later]);
    expect(run.leak.verdict, run.leak.reason).toBe('stable');
    expect(run.leak.reason).toMatch(/held between .* to 2 min/);
  });

  it('calls a saw-tooth whose lows come back stable, and one whose lows creep up growing', () => {
    const round = (i: number) => (i % 10) * 5;
    const released = analyseConstructed(gogcCycles(60, round, { seconds: 0.1 }));
    expect(released.leak.verdict, released.leak.reason).toBe('stable');
    expect(released.leak.reason).toMatch(/comes back down/);
    const creeping = analyseConstructed(
      gogcCycles(60, (i) => round(i) + Math.floor(i / 10) * 6, { seconds: 0.1 }),
    );
    expect(creeping.leak.verdict, creeping.leak.reason).toBe('growing');
  });
});

describe('a leak into a memory limit', () => {
  it('is growing, and says the heap is at the limit with cycles back to back', () => {
    // Under the limit the goal holds at 50 MB; once the live heap is there the goal is the live
    // heap itself and a cycle starts every 4 ms.
    const cycles: ConstructedCycle[] = [];
    for (let i = 0; i < 80; i++) {
      const live = Math.min(20 + i, 48) + Math.max(0, i - 28);
      const before = cycles.length > 0 ? cycles[cycles.length - 1]!.heap[2] : live;
      const goal = before < 50 ? 50 : before;
      cycles.push({
        at: 1 + (i < 30 ? i * 0.05 : 1.5 + (i - 30) * 0.004),
        heap: [goal, goal + 1, live],
        goal,
      });
    }
    const run = analyseConstructed(cycles);
    expect(run.leak.verdict, run.leak.reason).toBe('growing');
    expect(run.memoryLimit.goalSetBy).toBe('memory-limit');
    expect(run.memoryLimit.backToBackFromLine).not.toBeNull();
    expect(run.leak.reason).toMatch(
      new RegExp(`from line ${run.memoryLimit.backToBackFromLine} the heap is at the memory limit`),
    );
  });
});

describe('the figures the reason quotes', () => {
  it('says when they leave out what was allocated during marking, and only then', () => {
    const plain = analyseConstructed(gogcCycles(60, () => 20));
    expect(plain.leak.reason).toMatch(/median 20 → 20 MB/);
    expect(plain.leak.reason).not.toMatch(/marking/);
    // Each cycle's heap grows by 3 MB while it marks: 20 MB printed live, 17 MB held.
    const marked = analyseConstructed(gogcCycles(60, () => 20, { garbage: 3 }));
    expect(marked.leak.verdict, marked.leak.reason).toBe('stable');
    expect(marked.leak.reason).toMatch(/median 17 → 17 MB/);
    expect(marked.leak.reason).toMatch(
      /these live heap figures leave out what each cycle allocated while it was marking/,
    );
  });
});
