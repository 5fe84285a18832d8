import { describe, expect, it } from 'vitest';
import { analyseTrace, formatCycle, parseTrace } from '../../../src/gctrace/index.ts';
import type { GcCycle } from '../../../src/gctrace/index.ts';
import { readTrace } from '../traces.ts';

const analyseFile = (path: string) => analyseTrace(parseTrace(readTrace(path)));

function modern(
  gc: number,
  at: number,
  heap: number[],
  goal: number,
  extra: Partial<GcCycle> = {},
): string {
  return formatCycle({
    line: 0,
    column: 1,
    endLine: 0,
    gc,
    era: 'go1.18+',
    atSeconds: at,
    cpuPercent: 1,
    leakCheck: false,
    clockMs: [0.05, 2, 0.03],
    cpuMs: [0.1, [0.2, 3, 1], 0.06],
    heapMB: heap,
    goalMB: goal,
    goalUnbounded: false,
    stacksMB: 0,
    globalsMB: 0,
    procs: 4,
    forced: false,
    truncated: false,
    rejoined: false,
    run: 0,
    legacy: null,
    ...extra,
  });
}

describe('analyseTrace per-cycle measures', () => {
  it('computes the pause as c1+c3 from Go 1.6 on', () => {
    const m = analyseTrace(parseTrace(modern(1, 1, [4, 5, 2], 5))).runs[0].measures[0];
    expect(m.pauseMs).toBeCloseTo(0.08);
    expect(m.concurrentMs).toBe(2);
    expect(m.gcCpuMs).toBeCloseTo(0.1 + 0.2 + 3 + 0.06);
  });
  it('computes the pause as c1+c5 in Go 1.5', () => {
    const m = analyseTrace(
      parseTrace(
        'gc 1 @0.009s 1%: 0.059+0.17+0.005+0.24+0.12 ms clock, 0.17+0.17+0+0/0.36/0.067+0.38 ms cpu, 5->5->3 MB, 4 MB goal, 8 P',
      ),
    ).runs[0].measures[0];
    expect(m.pauseMs).toBeCloseTo(0.179);
    expect(m.concurrentMs).toBeCloseTo(0.415);
  });
  it('sums the three ms phases of Go 1.0–1.2 and the four µs phases of Go 1.3–1.4', () => {
    expect(
      analyseTrace(parseTrace('gc5(2): 4+1+0 ms 12 -> 6 MB 1 -> 1 (2-1) objects 35 handoff'))
        .runs[0].measures[0].pauseMs,
    ).toBe(5);
    expect(
      analyseTrace(
        parseTrace(
          'gc14(4): 8+152+1542+35 us, 48 -> 97 MB, 1 (2-1) objects, 1/1/1 sweeps, 4(120) handoff, 10(322) steal, 150/20/1 yields',
        ),
      ).runs[0].measures[0].pauseMs,
    ).toBeCloseTo(1.737);
  });
  it('computes allocation since the previous cycle, its rate and the per-interval GC CPU', () => {
    const run = analyseTrace(
      parseTrace([modern(1, 1, [40, 42, 20], 42), modern(2, 2, [38, 41, 21], 42)].join('\n')),
    ).runs[0];
    const m = run.measures[1];
    expect(m.allocatedMB).toBe(21);
    expect(m.allocRateMBps).toBeCloseTo(21 / 1, 1);
    expect(m.garbageMB).toBe(20);
    expect(m.goalOvershootMB).toBe(-1);
    expect(m.liveGrowthMB).toBe(1);
    expect(m.intervalGcCpuFraction).toBeCloseTo(3.36 / (1000 * 4));
  });
});

describe('analyseTrace implied GOGC', () => {
  it('gives GOGC 100 for the spec check 50->81->53 MB, 59 MB goal then 106 MB goal', () => {
    const lines = [modern(4, 1, [50, 81, 53], 59), modern(5, 2, [99, 104, 60], 106)];
    const m = analyseTrace(parseTrace(lines.join('\n'))).runs[0].measures[1];
    expect(m.impliedGogc!.low).toBeLessThanOrEqual(100);
    expect(m.impliedGogc!.high).toBeGreaterThanOrEqual(100);
  });
  it('gives GOGC 50 for the spec check 21->24->24 MB then 36 MB goal', () => {
    const lines = [modern(4, 1, [21, 24, 24], 30), modern(5, 2, [33, 35, 24], 36)];
    const m = analyseTrace(parseTrace(lines.join('\n'))).runs[0].measures[1];
    expect(m.impliedGogc!.low).toBeLessThanOrEqual(50);
    expect(m.impliedGogc!.high).toBeGreaterThanOrEqual(50);
  });
  for (const [file, gogc] of [
    ['content/traces/gogc-50.txt', 50],
    ['content/traces/gogc-100.txt', 100],
    ['content/traces/gogc-200.txt', 200],
    ['content/traces/simulator/go1.19-sim-live64-rate128-gogc200.txt', 200],
    ['content/traces/leaking-map.txt', 100],
  ] as const) {
    it(`snaps to GOGC ${gogc} on the real capture ${file}`, () => {
      const g = analyseFile(file).runs[0].impliedGogc!;
      expect(g.snapped).toBe(gogc);
      expect(g.low).toBeLessThanOrEqual(gogc);
      expect(g.high).toBeGreaterThanOrEqual(gogc);
    });
  }
  it('says GC is off for the GOGC=off capture', () => {
    const run = analyseFile('content/traces/gogc-off.txt').runs[0];
    expect(run.gcOff).toBe(true);
    expect(run.impliedGogc).toBeNull();
  });
  for (const file of [
    'content/traces/gomemlimit-64mib-gogcoff.txt',
    'content/traces/gomemlimit-60mib-gogc100.txt',
  ]) {
    it(`detects the memory-limit regime in ${file}`, () => {
      expect(analyseFile(file).runs[0].memoryLimit.detected).toBe(true);
    });
  }
  it('does not see a memory limit in the plain GOGC=100 capture', () => {
    expect(analyseFile('content/traces/gogc-100.txt').runs[0].memoryLimit.detected).toBe(false);
  });
});

describe('analyseTrace leak verdict on the real captures', () => {
  const truth: [string, 'growing' | 'stable' | 'inconclusive'][] = [
    ['content/traces/leaking-map.txt', 'growing'],
    ['tests/fixtures/go1.19-leaking-map-clean.txt', 'growing'],
    ['tests/fixtures/go1.19-leaking-map-pacer-scav.txt', 'growing'],
    ['content/traces/forgotten-goroutines.txt', 'growing'],
    ['content/traces/steady.txt', 'stable'],
    ['tests/fixtures/go1.19-steady-clean.txt', 'stable'],
    ['tests/fixtures/go1.19-steady-gomaxprocs1.txt', 'stable'],
    ['tests/fixtures/go1.19-steady-gomaxprocs4.txt', 'stable'],
    ['content/traces/plateau-cache.txt', 'stable'],
    ['content/traces/sawtooth.txt', 'stable'],
    ['content/traces/gogc-50.txt', 'stable'],
    ['content/traces/gogc-100.txt', 'stable'],
    ['content/traces/gogc-200.txt', 'stable'],
    ['content/traces/gomemlimit-64mib-gogcoff.txt', 'stable'],
    ['content/traces/gomemlimit-60mib-gogc100.txt', 'stable'],
    ['content/traces/forced.txt', 'stable'],
    ['content/traces/gogc-off.txt', 'inconclusive'],
    ['tests/fixtures/go1.19-stderr-chatter.txt', 'inconclusive'],
  ];
  for (const [file, verdict] of truth) {
    it(`calls ${file} ${verdict}`, () => {
      const leak = analyseFile(file).runs[0].leak;
      expect(leak.verdict, leak.reason).toBe(verdict);
      expect(leak.reason.length).toBeGreaterThan(20);
    });
  }
  it('calls the program run inside the go run capture growing and the go command inconclusive or stable', () => {
    const runs = analyseFile('content/traces/go-run-multiprocess.txt').runs;
    expect(runs).toHaveLength(4);
    expect(runs[3].leak.verdict).toBe('growing');
  });
  it('tells the plateau apart by comparing the last third with the first', () => {
    const leak = analyseFile('content/traces/plateau-cache.txt').runs[0].leak;
    expect(leak.reason).toMatch(/levelled off/);
    expect(leak.lastThirdSlopeMBPerCycle!).toBeLessThan(leak.firstThirdSlopeMBPerCycle!);
  });
  it('cites cycle lines as evidence and gives slopes', () => {
    const leak = analyseFile('content/traces/leaking-map.txt').runs[0].leak;
    expect(leak.evidence.length).toBeGreaterThan(2);
    expect(leak.slopeMBPerMinute!).toBeGreaterThan(60);
    expect(leak.r2!).toBeGreaterThan(0.8);
  });
  it('lists its evidence in the order of the trace, each line once with all its notes', () => {
    // GOGC=100: the peak (line 13) comes before the lowest of the last third (line 70).
    const leak = analyseFile('content/traces/gogc-100.txt').runs[0].leak;
    const lines = leak.evidence.map((e) => e.line);
    expect(lines).toEqual([...new Set(lines)].sort((a, b) => a - b));
    expect(lines).toEqual([10, 13, 70, 95]);
    expect(leak.evidence[0]!.note).toBe('first cycle after warm-up; lowest live heap, first third');
  });
  it('is inconclusive with too few cycles', () => {
    expect(analyseTrace(parseTrace(modern(1, 1, [4, 4, 2], 5))).runs[0].leak.verdict).toBe(
      'inconclusive',
    );
  });
});

describe('analyseTrace run summaries', () => {
  it('reports pause percentiles, peak heap and GC CPU windows', () => {
    const run = analyseFile('content/traces/steady.txt').runs[0];
    expect(run.pauses!.p50).toBeGreaterThan(0);
    expect(run.pauses!.max).toBeGreaterThanOrEqual(run.pauses!.p99);
    expect(run.peakHeapMB).toBeGreaterThan(17);
    expect(run.gcCpuWindows.length).toBeGreaterThan(3);
    expect(run.durationSeconds).toBeGreaterThan(9);
  });
});

describe('mean interval', () => {
  // Hand-written lines in the Go 1.6–1.17 format. Go 1.9.0 and 1.9.1 printed a bogus start time
  // like the third one on macOS and Windows (golang/go#21554); the run still holds all four.
  const text = [
    'gc 1 @1.000s 0%: 0.010+1.0+0.010 ms clock, 0.020+0.10/0.50/1.0+0.020 ms cpu, 4->4->1 MB, 5 MB goal, 2 P',
    'gc 2 @2.000s 0%: 0.010+1.0+0.010 ms clock, 0.020+0.10/0.50/1.0+0.020 ms cpu, 4->4->1 MB, 5 MB goal, 2 P',
    'gc 3 @9223372036.854s 0%: 0.010+1.0+0.010 ms clock, 0.020+0.10/0.50/1.0+0.020 ms cpu, 4->4->1 MB, 5 MB goal, 2 P',
    'gc 4 @4.000s 0%: 0.010+1.0+0.010 ms clock, 0.020+0.10/0.50/1.0+0.020 ms cpu, 4->4->1 MB, 5 MB goal, 2 P',
  ].join('\n');

  it('is the time from the first start to the last over the gaps between them', () => {
    const run = analyseTrace(parseTrace(text)).runs[0]!;
    expect(run.cycles).toBe(4);
    // (4 s − 1 s) over 3 gaps, not inflated by the jump to the bogus time.
    expect(run.meanIntervalSeconds).toBeCloseTo((4 - 1) / 3, 12);
  });

  it('is the same from whole cycles as from the printed times of a real run', () => {
    const times = readTrace('content/traces/steady.txt')
      .split('\n')
      .map((l: string) => /^gc \d+ @([\d.]+)s/.exec(l)?.[1])
      .filter((t): t is string => t !== undefined)
      .map(Number);
    const run = analyseFile('content/traces/steady.txt').runs[0]!;
    expect(run.meanIntervalSeconds).toBeCloseTo(
      (times[times.length - 1]! - times[0]!) / (times.length - 1),
      12,
    );
  });
});
