import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { heapChart } from '../../../src/charts/heap-chart.ts';
import { seedCycles } from './seed-cycles.ts';

// The project has no @types/jsdom; require() keeps the test typed without it.
const { JSDOM } = createRequire(import.meta.url)('jsdom') as {
  JSDOM: new () => { window: { document: Document } };
};

describe('charts at build time', () => {
  it('render into an injected document when there is no global one', () => {
    expect(globalThis.document).toBeUndefined();
    const { document } = new JSDOM().window;
    const { node } = heapChart(seedCycles, { document });
    expect(node.ownerDocument).toBe(document);
    expect(node.outerHTML).toMatch(
      /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" class="gc-chart heap-chart"/,
    );
    expect(node.outerHTML).toContain(
      '<title id="gc-heap-chart-title">Heap over 4 GC cycles</title>',
    );
  });

  it('fail with a clear message when no document is available', () => {
    expect(() => heapChart(seedCycles)).toThrow('chart: no document (pass options.document)');
  });
});
