import { describe, expect, it, vi } from 'vitest';
import {
  formatTimeSpan,
  formatIn,
  plural,
  formatSize,
  rateUnit,
  sizeUnit,
  timeUnit,
} from '../../../src/gctrace/units.ts';

describe('sizeUnit()', () => {
  it('keeps MB up to 10,000 MB, then GB up to 10,000 GB, then TB', () => {
    expect(sizeUnit(0).symbol).toBe('MB');
    expect(sizeUnit(10_000).symbol).toBe('MB');
    expect(sizeUnit(10_001).symbol).toBe('GB');
    expect(sizeUnit(10_000 * 1024).symbol).toBe('GB');
    expect(sizeUnit(10_000 * 1024 + 1).symbol).toBe('TB');
    expect(sizeUnit(-20_000).symbol).toBe('GB');
    expect(sizeUnit(Number.NaN).symbol).toBe('MB');
  });

  it('counts 1024 of the trace’s MB (2^20 bytes) to a GB', () => {
    expect(formatIn(300_000, sizeUnit(300_000))).toBe('293 GB');
    expect(formatIn(20_480, sizeUnit(20_480))).toBe('20 GB');
    expect(formatSize(512)).toBe('512 MB');
    expect(formatSize(15 * 1024 * 1024)).toBe('15 TB');
  });

  it('gives rates the same steps per second', () => {
    expect(rateUnit(631.1).symbol).toBe('MB/s');
    expect(rateUnit(12_000).symbol).toBe('GB/s');
  });
});

describe('plural()', () => {
  it('is singular for one only, with thousands separators', () => {
    expect(plural(1, 'forced cycle')).toBe('1 forced cycle');
    expect(plural(0, 'forced cycle')).toBe('0 forced cycles');
    expect(plural(2, 'line of program output', 'lines of program output')).toBe(
      '2 lines of program output',
    );
    expect(plural(1204, 'line')).toBe('1,204 lines');
  });

  it('builds its number formatter on the first count, not when the core loads', async () => {
    // A page's first Intl formatter loads the locale data: a long task no page should pay at load.
    const built = vi.spyOn(Intl, 'NumberFormat');
    try {
      vi.resetModules();
      const core = await import('../../../src/gctrace/index.ts');
      expect(built).not.toHaveBeenCalled();
      expect(core.plural(2048, 'cycle')).toBe('2,048 cycles');
      expect(core.plural(3, 'cycle')).toBe('3 cycles');
      expect(built).toHaveBeenCalledTimes(1);
    } finally {
      built.mockRestore();
    }
  });
});

describe('timeUnit()', () => {
  it('keeps seconds up to 10 minutes, then minutes up to 10 hours, then hours', () => {
    expect(timeUnit(0).symbol).toBe('s');
    expect(timeUnit(600).symbol).toBe('s');
    expect(timeUnit(600.001).symbol).toBe('min');
    expect(timeUnit(36_000).symbol).toBe('min');
    expect(timeUnit(36_000.5).symbol).toBe('h');
    expect(timeUnit(50_000).name).toBe('hours');
  });

  it('writes a duration in the unit its own length calls for', () => {
    expect(formatTimeSpan(120.08)).toBe('120.08 s');
    expect(formatTimeSpan(3144)).toBe('52.4 min');
    expect(formatTimeSpan(50_000)).toBe('13.9 h');
  });
});
