import { describe, expect, it } from 'vitest';
import { tooltipText } from '../../../src/charts/tooltip.ts';
import { seedCycles } from './seed-cycles.ts';

const [gc1, gc2] = seedCycles;

describe('tooltipText()', () => {
  it('gives the heap numbers in printed order with the goal', () => {
    expect(tooltipText(gc2, 'heap')).toBe(
      'gc 2 @0.017s — start 8 MB → end 8 MB → live 7 MB, goal 7 MB',
    );
  });

  it('says when there is no goal and marks forced cycles', () => {
    expect(tooltipText({ ...gc2, goal: null, forced: true }, 'heap')).toBe(
      'gc 2 @0.017s (forced) — start 8 MB → end 8 MB → live 7 MB, no goal',
    );
  });

  it('gives pause, CPU and allocation rate with units', () => {
    expect(tooltipText(gc2, 'pause')).toBe('gc 2 @0.017s — pause 0.123 ms');
    expect(tooltipText(gc2, 'cpu')).toBe(
      'gc 2 @0.017s — GC CPU 1.93% since previous GC, 1% since start',
    );
    expect(tooltipText(gc2, 'alloc')).toBe(
      'gc 2 @0.017s — allocating 631.1 MB/s since previous GC',
    );
  });

  it('says "not known" for values the trace does not give', () => {
    expect(tooltipText(gc1, 'alloc')).toBe('gc 1 @0.009s — allocating not known since previous GC');
    expect(tooltipText(gc1, 'cpu')).toBe(
      'gc 1 @0.009s — GC CPU not known since previous GC, 1% since start',
    );
  });

  it('leaves out the time when the era prints none', () => {
    expect(tooltipText({ ...gc2, t: 1, timeKnown: false }, 'pause')).toBe('gc 2 — pause 0.123 ms');
  });
});
