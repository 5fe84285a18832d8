// @vitest-environment jsdom
import { describe, it } from 'vitest';
import { allocChart } from '../../../src/charts/alloc-chart.ts';
import { cpuChart } from '../../../src/charts/cpu-chart.ts';
import { chartWithTooltips } from '../../../src/charts/export.ts';
import { heapChart } from '../../../src/charts/heap-chart.ts';
import { pauseChart } from '../../../src/charts/pause-chart.ts';
import { seedCycles, seedCyclesNoGoal, syntheticCycles } from './seed-cycles.ts';
import { expectSvgSnapshot } from './svg-snapshot.ts';

describe('chart snapshots from the Go 1.5 lesson lines', () => {
  it('heapChart() draws start, end, live and the goal step', () => {
    expectSvgSnapshot('heap-seed', heapChart(seedCycles).node);
  });
  it('heapChart() leaves out an unbounded goal and says so in the legend', () => {
    expectSvgSnapshot('heap-seed-no-goal', heapChart(seedCyclesNoGoal).node);
  });
  it('pauseChart() draws one bar per cycle', () => {
    expectSvgSnapshot('pause-seed', pauseChart(seedCycles).node);
  });
  it('cpuChart() draws interval bars beside the printed cumulative line', () => {
    expectSvgSnapshot('cpu-seed', cpuChart(seedCycles).node);
  });
  it('allocChart() draws one bar per cycle with a known rate', () => {
    expectSvgSnapshot('alloc-seed', allocChart(seedCycles).node);
  });
  it('heapChart() highlights and selects cycles by trace line', () => {
    const chart = heapChart(seedCycles, { highlight: new Set([2, 3]), selected: 4 });
    expectSvgSnapshot('heap-seed-highlighted', chart.node);
  });
});

describe('chart snapshots of a dense trace', () => {
  it('heapChart() draws per-pixel min/max lines past one cycle per two pixels', () => {
    const chart = heapChart(syntheticCycles(800), { width: 320, height: 200 });
    expectSvgSnapshot('heap-dense', chart.node);
  });
  it('pauseChart() keeps every pause spike as a per-pixel bar', () => {
    const chart = pauseChart(syntheticCycles(800), { width: 320, height: 200 });
    expectSvgSnapshot('pause-dense', chart.node);
  });
  it('a saved dense chart has a hit target and tooltip per pixel column', () => {
    const chart = pauseChart(syntheticCycles(800), { width: 320, height: 200, selected: 400 });
    expectSvgSnapshot('pause-dense-saved', chartWithTooltips(chart.node));
  });
});
