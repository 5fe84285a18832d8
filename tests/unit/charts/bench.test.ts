// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { heapChart } from '../../../src/charts/heap-chart.ts';
import { pauseChart } from '../../../src/charts/pause-chart.ts';
import { syntheticCycles } from './seed-cycles.ts';

function medianMs(run: () => void, times = 7): number {
  const samples: number[] = [];
  for (let i = 0; i < times; i++) {
    const start = performance.now();
    run();
    samples.push(performance.now() - start);
  }
  return samples.sort((a, b) => a - b)[Math.floor(times / 2)];
}

// Timing in jsdom is only indicative (a browser is several times faster); nothing is asserted on it.
describe('update() timing', () => {
  it('logs the time to update charts of 1,000 and 10,000 cycles', () => {
    const thousand = syntheticCycles(1000);
    const heap = heapChart(thousand);
    const pause = pauseChart(thousand);
    let flip = 0;
    const heapMs = medianMs(() => heap.update(thousand, { highlight: new Set([++flip % 1000]) }));
    const pauseMs = medianMs(() => pause.update(thousand, { selected: ++flip % 1000 }));
    const tenThousand = syntheticCycles(10000);
    const dense = heapChart(tenThousand);
    const denseMs = medianMs(() => dense.update(tenThousand, { selected: ++flip % 10000 }));
    console.log(
      `jsdom update, median: heap 1,000 cycles ${heapMs.toFixed(1)} ms, pause 1,000 cycles ` +
        `${pauseMs.toFixed(1)} ms, heap 10,000 cycles (per pixel) ${denseMs.toFixed(1)} ms`,
    );
    expect(dense.node.getAttribute('data-mode')).toBe('dense');
  }, 60_000);
});
