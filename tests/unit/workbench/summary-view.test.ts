import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyseTrace, parseTrace } from '../../../src/gctrace/index.ts';
import { TraceDataset, CycleSample } from '../../../src/workbench/dataset.ts';
import { analyseCycles, combine, rangeStats } from '../../../src/workbench/summary.ts';
import { unpackCycles } from '../../../src/charts/packed-cycles.ts';
import { chartRange, fullDomain, plotColumns } from '../../../src/workbench/chart-range.ts';
import { scaleLinear } from 'd3-scale';

const read = (name: string) =>
  readFileSync(new URL(`../../../content/traces/${name}.txt`, import.meta.url), 'utf8');

function load(text: string): TraceDataset {
  const dataset = new TraceDataset();
  dataset.push(text);
  dataset.finish();
  return dataset;
}

/** A long synthetic run: a go1.19 line repeated with new counters, times and a few spikes. */
function longTrace(count: number): string {
  const lines: string[] = [];
  for (let i = 1; i <= count; i++) {
    const live = 20 + (i % 97);
    const pause = i % 5003 === 0 ? '9.5' : '0.015';
    lines.push(
      `gc ${i} @${(i * 0.05).toFixed(3)}s 1%: ${pause}+1.1+0.003 ms clock, 0.031+0.57/1.1/0+0.007 ms cpu, ${live + 10}->${live + 12}->${live} MB, ${2 * live} MB goal, 0 MB stacks, 0 MB globals, 2 P`,
    );
  }
  return lines.join('\n') + '\n';
}

describe('range summary', () => {
  for (const name of [
    'steady',
    'leaking-map',
    'gogc-200',
    'sawtooth',
    'gomemlimit-60mib-gogc100',
  ]) {
    it(`matches analyseTrace on the whole of ${name}`, () => {
      const text = read(name);
      const engine = analyseTrace(parseTrace(text));
      const dataset = load(text);
      dataset.runs.forEach((run, r) => {
        const stats = rangeStats(run.columns, null);
        const summary = combine(
          stats,
          analyseCycles(run.sample.cycles, r),
          r,
          run.era,
          run.sample.cycles.length,
          null,
        );
        const want = { ...engine.runs[r], measures: [] };
        expect(summary.sample).toBeNull();
        expect(summary.analysis.pauses).toEqual(want.pauses);
        expect(summary.analysis.peakHeapMB).toBe(want.peakHeapMB);
        expect(summary.analysis.peakLiveMB).toBe(want.peakLiveMB);
        expect(summary.analysis.durationSeconds).toBe(want.durationSeconds);
        expect(summary.analysis.leak).toEqual(want.leak);
        expect(summary.analysis.impliedGogc).toEqual(want.impliedGogc);
        expect(summary.analysis.cycles).toBe(want.cycles);
        expect(summary.analysis.gcPerSecond).toBeCloseTo(want.gcPerSecond ?? 0, 9);
      });
    });
  }

  it('a time range counts only its cycles', () => {
    const dataset = load(read('steady'));
    const columns = dataset.runs[0].columns;
    const all = rangeStats(columns, null);
    const t = columns.numbers.t;
    const half = rangeStats(columns, [t[0], t[Math.floor(columns.length / 2)]]);
    expect(half.cycles).toBe(Math.floor(columns.length / 2) + 1);
    expect(half.cycles).toBeLessThan(all.cycles);
  });

  it('samples long runs as pairs of neighbours and says so', () => {
    const sample = new CycleSample(100);
    const dataset = load(longTrace(1000));
    for (const c of dataset.runs[0].sample.cycles) sample.add(c);
    expect(sample.cycles.length).toBeLessThanOrEqual(100);
    expect(sample.stride).toBeGreaterThan(1);
    for (let i = 0; i < sample.cycles.length; i += 2)
      expect(sample.cycles[i + 1].gc).toBe(sample.cycles[i].gc + 1);
  });
});

describe('chart view', () => {
  it('keeps every cycle of a short run', () => {
    const dataset = load(read('steady'));
    const view = chartRange(dataset.runs[0].columns, null);
    expect(view.decimated).toBe(false);
    expect(view.cycles.heap!.length).toBe(dataset.runs[0].columns.length);
    expect(view.cycles.pause).toBe(view.cycles.heap);
    // Packed as columns, and unpacked into the charts' cycles in line order.
    const cycles = unpackCycles(view.cycles.heap);
    expect(cycles.map((c) => c.line)).toEqual([
      ...dataset.runs[0].columns.line.subarray(0, cycles.length),
    ]);
    expect(cycles[0]).toMatchObject({ gc: 1, timeKnown: true, forced: false });
    expect(structuredClone(view)).toEqual(view);
  });

  // A long parse: generous time on a busy machine.
  it(
    'keeps each pixel column’s first, last, lowest and highest value of every series',
    { timeout: 30_000 },
    () => {
      const dataset = load(longTrace(60_000));
      const columns = dataset.runs[0].columns;
      const view = chartRange(columns, null);
      expect(view.decimated).toBe(true);
      expect(view.total).toBe(60_000);
      for (const kind of ['heap', 'pause', 'cpu', 'alloc'] as const) {
        expect(view.cycles[kind]!.length).toBeLessThan(10_000);
        expect(view.cycles[kind]!.length).toBeGreaterThan(plotColumns);
      }
      // Every 9.5 ms pause spike survives.
      expect(unpackCycles(view.cycles.pause).filter((c) => c.pauseMs! > 9).length).toBe(11);
      const x = scaleLinear().domain(fullDomain(columns)).range([0, plotColumns]);
      // Per pixel column: first, last, lowest and highest live heap, of all cycles and of the kept.
      const perColumn = (points: { x: number; y: number }[]) => {
        const byColumn = new Map<number, number[]>();
        for (const p of points) {
          const k = Math.min(plotColumns - 1, Math.floor(p.x));
          byColumn.set(k, [...(byColumn.get(k) ?? []), p.y]);
        }
        return [...byColumn].map(([k, ys]) => [
          k,
          Math.min(...ys),
          Math.max(...ys),
          ys[0],
          ys.at(-1),
        ]);
      };
      const all = Array.from({ length: columns.length }, (_, i) => ({
        x: x(columns.numbers.t[i]),
        y: columns.numbers.heapLive[i],
      }));
      const kept = unpackCycles(view.cycles.heap).map((c) => ({ x: x(c.t), y: c.heapLive! }));
      expect(perColumn(kept)).toEqual(perColumn(all));
    },
  );
});

describe('run statistics', () => {
  it('give the workbench the same duration, frequency, mean interval and pauses as the analysis', () => {
    // Hand-written lines in the Go 1.6–1.17 format; the third has the bogus start time Go 1.9.0
    // and 1.9.1 printed on macOS and Windows (golang/go#21554).
    const line = (gc: number, at: string, pause: string) =>
      `gc ${gc} @${at}s 0%: ${pause}+1.0+0.010 ms clock, 0.020+0.10/0.50/1.0+0.020 ms cpu, 4->4->1 MB, 5 MB goal, 2 P`;
    const text = [
      line(1, '1.000', '0.010'),
      line(2, '2.000', '0.50'),
      line(3, '9223372036.854', '0.020'),
      line(4, '4.000', '1.5'),
    ].join('\n');
    const run = analyseTrace(parseTrace(text)).runs[0]!;
    const stats = rangeStats(load(text).runs[0]!.columns, null);
    expect(stats.meanIntervalSeconds).toBeCloseTo(1, 12);
    expect(stats.meanIntervalSeconds).toBe(run.meanIntervalSeconds);
    expect(stats.durationSeconds).toBe(run.durationSeconds);
    expect(stats.gcPerSecond).toBe(run.gcPerSecond);
    expect(stats.pauses).toEqual(run.pauses);
  });
});
