// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { allocChart } from '../../../src/charts/alloc-chart.ts';
import { toChartCycles } from '../../../src/charts/chart-data.ts';
import { cpuChart } from '../../../src/charts/cpu-chart.ts';
import { heapChart } from '../../../src/charts/heap-chart.ts';
import { pauseChart } from '../../../src/charts/pause-chart.ts';
import { buildCellModel } from '../../../src/cell/model.ts';
import { analyseTrace, mainRun, parseTrace } from '../../../src/gctrace/index.ts';
import { TraceDataset } from '../../../src/workbench/dataset.ts';
import { unpackCycles } from '../../../src/charts/packed-cycles.ts';
import { chartRange } from '../../../src/workbench/chart-range.ts';
import { seedCycles } from './seed-cycles.ts';
import { expectSvgSnapshot } from './svg-snapshot.ts';
import { readTrace, traceFiles } from '../traces.ts';

/** A trace by file name, from content/traces or tests/fixtures. */
const read = (name: string) => readTrace(traceFiles().find((f) => f.endsWith(`/${name}`))!);

/** The chart cycles of a trace's longest run. */
function chartCyclesOf(text: string) {
  const parsed = parseTrace(text);
  const analysis = analyseTrace(parsed);
  const index = mainRun(analysis.runs.map((r) => r.cycles));
  const cycles = parsed.runs[index]!.cycleIndices.map((i) => parsed.cycles[i]!);
  return { analysis, cycles: toChartCycles(cycles, analysis.runs[index]!.measures) };
}

const fixture = (name: string) => chartCyclesOf(read(name));

/** What the workbench hands its charts for the whole of a trace's first run. */
function workbenchChartCycles(text: string) {
  const dataset = new TraceDataset();
  dataset.push(text);
  dataset.finish();
  return unpackCycles(chartRange(dataset.runs[0]!.columns, null).cycles.heap);
}

describe('toChartCycles()', () => {
  it('gives the printed numbers of the lesson line and the engine agrees with the hand-typed data', () => {
    const { cycles } = fixture('ardanlabs-go1.5.txt');
    expect(cycles).toEqual([{ ...seedCycles[0], timeKnown: true }]);
  });

  it('maps every cycle of a real capture, in trace order', () => {
    const { cycles } = fixture('leaking-map.txt');
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
    const { cycles } = fixture('gogc-off.txt');
    expect(cycles).toHaveLength(9);
    expect(cycles.every((c) => c.goal === null && c.forced)).toBe(true);
  });

  it('charts the program rather than the go command in `go run` output', () => {
    const { analysis, cycles } = fixture('go-run-multiprocess.txt');
    expect(analysis.runs.length).toBeGreaterThan(1);
    expect(analysis.runs[mainRun(analysis.runs.map((r) => r.cycles))]!.cycles).toBe(90);
    expect(cycles).toHaveLength(90);
  });

  it('puts a cycle of an era without times at its printed gc number', () => {
    // Go 1.4.2 lines (gc1, then gc6) print no start time.
    const { cycles } = fixture('issue-go1.4.2.txt');
    expect(cycles.map((c) => [c.gc, c.t, c.timeKnown])).toEqual([
      [1, 1, false],
      [6, 6, false],
    ]);
    expect(cycles.every((c) => c.heapLive === null)).toBe(true);
  });

  it('leaves out a line cut off before its heap numbers instead of drawing 0 MB', () => {
    // The last line of mess-truncated.txt stops after the first heap number ("39-").
    const { cycles } = fixture('mess-truncated.txt');
    expect(cycles).toHaveLength(145);
    expect(cycles.at(-1)!.gc).toBe(145);
    // Hand-written in the Go 1.19 format: the second line breaks off before any heap number.
    const cut = chartCyclesOf(
      'gc 1 @0.043s 0%: 0.025+0.40+0.003 ms clock, 0.051+0.26/0/0+0.006 ms cpu, 3->4->0 MB, 4 MB goal, 0 MB stacks, 0 MB globals, 2 P\n' +
        'gc 2 @0.071s 0%: 0.048+0.32+0.003 ms clock, 0.097+0.093/0.089/0+0.006 ms cpu, \n',
    ).cycles;
    expect(cut.map((c) => c.gc)).toEqual([1]);
  });
});

describe('the lesson cell and the workbench chart a trace alike', () => {
  for (const name of [
    'leaking-map.txt',
    'gogc-off.txt',
    'issue-go1.4.2.txt',
    'mess-truncated.txt',
    'spec-constructed-go1.0.txt',
  ]) {
    it(name, () => {
      const text = read(name);
      const cell = buildCellModel(text).chartCycles;
      expect(cell.length).toBeGreaterThan(0);
      expect(workbenchChartCycles(text)).toEqual(cell);
    });
  }
});

describe('chart snapshots from real Go 1.19 captures', () => {
  const leak = fixture('leaking-map.txt').cycles;

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
    const { node } = heapChart(fixture('gogc-off.txt').cycles);
    expect(node.querySelector('.heap-goal')).toBeNull();
    expectSvgSnapshot('heap-go1.19-gogc-off', node);
  });
});
