// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { allocChart } from '../../../src/charts/alloc-chart.ts';
import { cpuChart } from '../../../src/charts/cpu-chart.ts';
import { mainRun, toChartCycles } from '../../../src/charts/from-analysis.ts';
import { heapChart } from '../../../src/charts/heap-chart.ts';
import { pauseChart } from '../../../src/charts/pause-chart.ts';
import { analyseTrace, parseTrace } from '../../../src/gctrace/index.ts';
import { readTrace } from '../traces.ts';
import { seedCycles } from './seed-cycles.ts';
import { expectSvgSnapshot } from './svg-snapshot.ts';

function fixture(path: string) {
  const parsed = parseTrace(readTrace(path));
  const analysis = analyseTrace(parsed);
  return { parsed, analysis, cycles: toChartCycles(parsed, analysis) };
}

describe('toChartCycles()', () => {
  it('gives the printed numbers of the lesson line and the engine agrees with the hand-typed data', () => {
    const { cycles } = fixture('tests/fixtures/ardanlabs-go1.5.txt');
    expect(cycles).toEqual([seedCycles[0]]);
  });

  it('maps every cycle of a real capture, in trace order', () => {
    const { cycles } = fixture('content/traces/leaking-map.txt');
    expect(cycles).toHaveLength(146);
    expect(cycles[0]).toMatchObject({
      line: 1,
      gc: 1,
      t: 0.043,
      heapStart: 3,
      heapEnd: 4,
      heapLive: 0,
      goal: 4,
    });
    expect(cycles.at(-1)).toMatchObject({ gc: 146, heapLive: 21, goal: 44 });
    expect(cycles.map((c) => c.gc)).toEqual(cycles.map((_, i) => i + 1));
  });

  it('turns the "no goal" of GOGC=off into null', () => {
    const { cycles } = fixture('content/traces/gogc-off.txt');
    expect(cycles).toHaveLength(9);
    expect(cycles.every((c) => c.goal === null && c.forced)).toBe(true);
  });

  it('charts the program rather than the go command in `go run` output', () => {
    const { analysis, cycles } = fixture('content/traces/go-run-multiprocess.txt');
    expect(analysis.runs.length).toBeGreaterThan(1);
    expect(analysis.runs[mainRun(analysis)].cycles).toBe(90);
    expect(cycles).toHaveLength(90);
  });
});

describe('chart snapshots from real Go 1.19 captures', () => {
  const leak = fixture('content/traces/leaking-map.txt').cycles;

  it('heapChart() shows the live heap of a leaking map climbing', () => {
    expectSvgSnapshot('heap-go1.19-leaking-map', heapChart(leak).node);
  });
  it('pauseChart() of the leaking map', () => {
    expectSvgSnapshot('pause-go1.19-leaking-map', pauseChart(leak).node);
  });
  it('cpuChart() of the leaking map', () => {
    expectSvgSnapshot('cpu-go1.19-leaking-map', cpuChart(leak).node);
  });
  it('allocChart() of the leaking map', () => {
    expectSvgSnapshot('alloc-go1.19-leaking-map', allocChart(leak).node);
  });
  it('heapChart() of GOGC=off draws no goal and notes it', () => {
    const { node } = heapChart(fixture('content/traces/gogc-off.txt').cycles);
    expect(node.querySelector('.heap-goal')).toBeNull();
    expectSvgSnapshot('heap-go1.19-gogc-off', node);
  });
});
