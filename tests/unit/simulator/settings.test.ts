import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decodeSettings,
  defaultSettings,
  encodeSettings,
  eraForMinor,
  normaliseSettings,
  ranges,
  snap,
  type SimSettings,
} from '../../../src/simulator/index.ts';

describe('settings ↔ URL', () => {
  it('encodes the defaults as in the documented example', () => {
    expect(encodeSettings(defaultSettings)).toBe(
      'alloc=256&live=32&leak=0&gogc=100&limit=&procs=2&duration=10&gcevery=0&go=1.19',
    );
  });

  it('decodes the documented example, with or without "?"', () => {
    const q = 'alloc=256&live=32&leak=0&gogc=100&limit=&procs=2&duration=10&gcevery=0&go=1.19';
    expect(decodeSettings(q)).toEqual(defaultSettings);
    expect(decodeSettings(`?${q}`)).toEqual(defaultSettings);
  });

  it('round-trips any valid settings', () => {
    const value = (r: { min: number; max: number; step: number }) =>
      fc
        .integer({ min: 0, max: Math.round((r.max - r.min) / r.step) })
        .map((i) => snap(r.min + i * r.step, r));
    const arb = fc.record<SimSettings>({
      allocMBps: value(ranges.allocMBps),
      liveMB: value(ranges.liveMB),
      leakMBps: value(ranges.leakMBps),
      gogc: fc.option(value(ranges.gogc), { nil: null }),
      limitMB: fc.option(value({ ...ranges.limitMB, min: ranges.limitMB.step }), { nil: null }),
      procs: value(ranges.procs),
      durationS: value(ranges.durationS),
      gcEveryS: value(ranges.gcEveryS),
      goMinor: value(ranges.goMinor),
    });
    fc.assert(
      fc.property(arb, (s) => {
        expect(normaliseSettings(s)).toEqual(s);
        expect(decodeSettings(encodeSettings(s))).toEqual(s);
      }),
    );
  });

  it('falls back to the defaults for missing or unreadable values', () => {
    expect(decodeSettings('')).toEqual(defaultSettings);
    expect(decodeSettings('alloc=lots&live=&procs=NaN&duration=1e3&go=2.0')).toEqual(
      defaultSettings,
    );
  });

  it('clamps and snaps out-of-range values', () => {
    const s = decodeSettings(
      'alloc=99999&live=-5&leak=0.3&gogc=3&limit=5&procs=0&duration=600&gcevery=0.7&go=1.3',
    );
    expect(s).toEqual({
      allocMBps: ranges.allocMBps.max,
      liveMB: 0,
      leakMBps: 0.25,
      gogc: ranges.gogc.min,
      limitMB: ranges.limitMB.step,
      procs: 1,
      durationS: ranges.durationS.max,
      gcEveryS: 0.5,
      goMinor: 5,
    });
    expect(decodeSettings('alloc=250').allocMBps).toBe(248);
    expect(decodeSettings('gogc=1234').gogc).toBe(ranges.gogc.max);
    expect(decodeSettings('go=1.99').goMinor).toBe(ranges.goMinor.max);
  });

  it('reads GOGC=off like the runtime (off or negative) and an empty or zero limit as none', () => {
    expect(decodeSettings('gogc=off').gogc).toBeNull();
    expect(decodeSettings('gogc=OFF').gogc).toBeNull();
    expect(decodeSettings('gogc=-1').gogc).toBeNull();
    expect(decodeSettings('limit=').limitMB).toBeNull();
    expect(decodeSettings('limit=0').limitMB).toBeNull();
    expect(decodeSettings('limit=64').limitMB).toBe(64);
    expect(encodeSettings({ ...defaultSettings, gogc: null, limitMB: 64 })).toContain(
      'gogc=off&limit=64',
    );
  });

  it('accepts go=1.21, go=go1.21 and go=1.21.3', () => {
    for (const v of ['1.21', 'go1.21', '1.21.3'])
      expect(decodeSettings(`go=${v}`).goMinor).toBe(21);
  });

  it('maps releases to their gc line formats', () => {
    expect(eraForMinor(5)).toBe('go1.5');
    expect(eraForMinor(6)).toBe('go1.6-1.17');
    expect(eraForMinor(17)).toBe('go1.6-1.17');
    expect(eraForMinor(18)).toBe('go1.18+');
    expect(eraForMinor(25)).toBe('go1.18+');
    expect(eraForMinor(26)).toBe('go1.26+');
    expect(eraForMinor(27)).toBe('go1.26+');
  });
});
