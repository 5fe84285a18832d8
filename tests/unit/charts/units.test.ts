// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { toChartCycles } from '../../../src/charts/chart-data.ts';
import { allocChart } from '../../../src/charts/alloc-chart.ts';
import { heapChart } from '../../../src/charts/heap-chart.ts';
import { timeDomain } from '../../../src/charts/layout.ts';
import { chartsTable, chartTable } from '../../../src/charts/table.ts';
import { tooltipText } from '../../../src/charts/tooltip.ts';
import { chartUnits } from '../../../src/charts/units.ts';
import type { ChartCycle } from '../../../src/charts/types.ts';
import { analyseTrace, mainRun, parseTrace } from '../../../src/gctrace/index.ts';
import { readTrace } from '../traces.ts';

/** The chart cycles of a sample trace's longest run. */
function chartCyclesOf(path: string): ChartCycle[] {
  const parsed = parseTrace(readTrace(path));
  const analysis = analyseTrace(parsed);
  const index = mainRun(analysis.runs.map((r) => r.cycles));
  const cycles = parsed.runs[index]!.cycleIndices.map((i) => parsed.cycles[i]!);
  return toChartCycles(cycles, analysis.runs[index]!.measures);
}

// The longest sample trace: two minutes of an idle program.
const longest = chartCyclesOf('content/traces/idle-periodic.txt');
// The leaking map's real cycles scaled up, as if the same shape ran 5,000 times longer with
// 7,500 times the heap: 41 MB over 10 s becomes about 300,000 MB over 50,000 s.
const leaking = chartCyclesOf('content/traces/leaking-map.txt');
const scaled: ChartCycle[] = leaking.map((c) => ({
  ...c,
  t: c.t * 5000,
  heapStart: c.heapStart * 7500,
  heapEnd: c.heapEnd * 7500,
  heapLive: c.heapLive === null ? null : c.heapLive * 7500,
  goal: c.goal === null ? null : c.goal * 7500,
  // 7,500 times the MB in 5,000 times the seconds.
  allocRateMBps: c.allocRateMBps === null ? null : c.allocRateMBps * 1.5,
}));

const text = (node: Element, selector: string) =>
  [...node.querySelectorAll(selector)].map((e) => e.textContent);

describe('chart units', () => {
  it('keep MB and seconds for the longest sample trace', () => {
    const units = chartUnits(longest, 'heap');
    expect([units.value.symbol, units.time.symbol]).toEqual(['MB', 's']);
    const node = heapChart(longest).node;
    expect(text(node, '.y-label')).toEqual(['MB']);
    expect(text(node, '.x-label')).toEqual(['seconds since program start']);
  });

  it('show a heap of 300,000 MB over 50,000 s in GB and hours on both axes', () => {
    const node = heapChart(scaled).node;
    expect(text(node, '.y-label')).toEqual(['GB']);
    expect(text(node, '.x-label')).toEqual(['hours since program start']);
    const yTicks = text(node, '.y-axis .tick text').map(Number);
    const xTicks = text(node, '.x-axis .tick text').map(Number);
    // Round numbers of the unit, not of MB and seconds.
    expect(Math.max(...yTicks)).toBeGreaterThan(250);
    expect(Math.max(...yTicks)).toBeLessThan(400);
    expect(Math.max(...xTicks)).toBeLessThanOrEqual(14);
    expect(xTicks.every((t) => Number.isInteger(t))).toBe(true);
    // The axis ends on a round number of hours, not of seconds.
    expect(timeDomain(scaled[0]!.t, scaled[scaled.length - 1]!.t)[1] / 3600).toBe(14);
  });

  it('give the tooltips, the table and the description the axes’ units', () => {
    const units = chartUnits(scaled, 'heap');
    const last = scaled[scaled.length - 1]!;
    const tip = tooltipText(last, 'heap', units);
    expect(tip).toMatch(/ h — start [\d.]+ GB → end [\d.]+ GB → live [\d.]+ GB, goal [\d.]+ GB$/);
    const node = heapChart(scaled).node;
    const tips = text(node, '.cycles .hit title');
    expect(tips[tips.length - 1]).toBe(tip);
    const table = chartTable(scaled, 'heap');
    expect(table.headers).toEqual([
      'line',
      'GC',
      'time (h)',
      'heap at start (GB)',
      'heap at end (GB)',
      'live heap (GB)',
      'goal (GB)',
    ]);
    expect(Number(table.rows[table.rows.length - 1]![3])).toBeCloseTo(last.heapStart / 1024, 1);
    const both = chartsTable(scaled, ['heap', 'alloc']);
    expect(both.headers).toContain('live heap (GB)');
    expect(both.headers[2]).toBe('time (h)');
    const desc = node.querySelector('desc')!.textContent!;
    expect(desc).toMatch(/^Heap size in GB at each garbage collection from [\d.]+ h to [\d.]+ h\./);
    expect(desc).not.toMatch(/MB/);
  });

  it('leave gc numbers alone when the lines print no time', () => {
    // Untimed cycles (Go 1.4 and older) sit at their gc number, which has no unit to change.
    const untimed = scaled.map((c) => ({ ...c, t: c.gc * 1000, timeKnown: false }));
    expect(chartUnits(untimed, 'heap').time.symbol).toBe('s');
    const node = heapChart(untimed).node;
    expect(text(node, '.x-label')).toEqual(['GC cycle']);
    expect(chartTable(untimed, 'heap').headers[2]).toBe('cycle');
  });

  it('keep the trace’s units where values stay small', () => {
    const node = allocChart(longest).node;
    expect(text(node, '.y-label')).toEqual(['MB/s']);
    expect(chartTable(longest, 'pause').headers[2]).toBe('time (s)');
  });
});
