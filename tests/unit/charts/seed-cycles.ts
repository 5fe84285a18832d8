import type { ChartCycle } from '../../../src/charts/types.ts';

/**
 * The four real Go 1.5 gctrace lines of the original lesson (shared/seed/memory-tracing.md),
 * typed by hand, as lines 1–4 of a trace:
 *
 *   gc 1 @0.009s 1%: 0.059+0.17+0.005+0.24+0.12 ms clock, 0.17+0.17+0+0/0.36/0.067+0.38 ms cpu, 5->5->3 MB, 4 MB goal, 8 P
 *   gc 2 @0.017s 1%: 0.037+0.096+0.098+0.21+0.086 ms clock, 0.22+0.096+0+0.10/0.31/0.091+0.51 ms cpu, 8->8->7 MB, 7 MB goal, 8 P
 *   gc 3 @0.032s 1%: 0.020+0.16+0.007+0.25+0.090 ms clock, 0.14+0.16+0+0/0.20/0.27+0.63 ms cpu, 17->17->14 MB, 14 MB goal, 8 P
 *   gc 4 @0.066s 0%: 0.029+0.17+0.074+0.48+0.10 ms clock, 0.20+0.17+0+0/0.42/0.26+0.76 ms cpu, 35->35->29 MB, 29 MB goal, 8 P
 *
 * Derived as for Go 1.5: pause = 1st + 5th clock value; interval CPU fraction =
 * (p1 + p2 + assist + background + p5) / (interval ms × P); allocation rate =
 * (H1 − previous H2) / (time between cycle ends), a cycle ending at @T + sum of clock values.
 * The first cycle has no previous one, so its derived rates are unknown.
 */
export const seedCycles: ChartCycle[] = [
  {
    line: 1,
    gc: 1,
    t: 0.009,
    heapStart: 5,
    heapEnd: 5,
    heapLive: 3,
    goal: 4,
    pauseMs: 0.179,
    gcCpuPercent: 1,
    gcCpuIntervalFraction: null,
    allocRateMBps: null,
    forced: false,
  },
  {
    line: 2,
    gc: 2,
    t: 0.017,
    heapStart: 8,
    heapEnd: 8,
    heapLive: 7,
    goal: 7,
    pauseMs: 0.123,
    gcCpuPercent: 1,
    // 1.236 ms / (8 ms × 8 P)
    gcCpuIntervalFraction: 0.0193,
    // (8 − 3) MB / (0.017517 − 0.009594) s
    allocRateMBps: 631.1,
    forced: false,
  },
  {
    line: 3,
    gc: 3,
    t: 0.032,
    heapStart: 17,
    heapEnd: 17,
    heapLive: 14,
    goal: 14,
    pauseMs: 0.11,
    gcCpuPercent: 1,
    // 1.13 ms / (15 ms × 8 P)
    gcCpuIntervalFraction: 0.0094,
    // (17 − 7) MB / (0.032527 − 0.017517) s
    allocRateMBps: 666.2,
    forced: false,
  },
  {
    line: 4,
    gc: 4,
    t: 0.066,
    heapStart: 35,
    heapEnd: 35,
    heapLive: 29,
    goal: 29,
    pauseMs: 0.129,
    gcCpuPercent: 0,
    // 1.55 ms / (34 ms × 8 P)
    gcCpuIntervalFraction: 0.0057,
    // (35 − 14) MB / (0.066853 − 0.032527) s
    allocRateMBps: 611.8,
    forced: false,
  },
];

/** The same cycles run with the goal unbounded, as with GOGC=off. */
export const seedCyclesNoGoal: ChartCycle[] = seedCycles.map((c) => ({ ...c, goal: null }));

/**
 * A deterministic leak-shaped trace of `count` cycles: live heap creeping up, sawtooth start/end,
 * occasional pause spikes, and a forced cycle every 97th.
 */
export function syntheticCycles(count: number): ChartCycle[] {
  let seed = 42;
  const random = (): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const cycles: ChartCycle[] = [];
  let t = 0;
  for (let i = 0; i < count; i++) {
    t += 0.05 + random() * 0.1;
    const live = 20 + i * 0.05 + random() * 4;
    const goal = Math.round(live * 2);
    cycles.push({
      line: i + 1,
      gc: i + 1,
      t: Math.round(t * 1000) / 1000,
      heapStart: Math.round(goal * (0.9 + random() * 0.1)),
      heapEnd: Math.round(goal * (1 + random() * 0.1)),
      heapLive: Math.round(live),
      goal,
      pauseMs: i % 211 === 7 ? 12.5 : Math.round((0.05 + random() * 0.3) * 1000) / 1000,
      gcCpuPercent: 2 + Math.floor(random() * 2),
      gcCpuIntervalFraction: i === 0 ? null : Math.round(random() * 0.2 * 1000) / 1000,
      allocRateMBps: i === 0 ? null : Math.round(200 + random() * 100),
      forced: i % 97 === 96,
    });
  }
  return cycles;
}
