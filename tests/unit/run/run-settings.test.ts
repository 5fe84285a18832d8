import { describe, expect, it } from 'vitest';
import {
  commandLine,
  memoryLimitBytes,
  runArgv,
  runEnv,
  settingProblems,
  type FlagSpec,
  type RunSettings,
} from '../../../src/run/run-settings.ts';

const flags: FlagSpec[] = [
  { name: 'd', type: 'duration', default: 15, min: 1, max: 60, unit: 's', help: 'how long to run' },
  { name: 'rate', type: 'int', default: 2000, min: 100, max: 10000, unit: 'requests/s', help: '' },
  { name: 'fixed', type: 'bool', default: 0, min: 0, max: 1, unit: '', help: '' },
];
const settings = (over: Partial<RunSettings> = {}): RunSettings => ({
  flags: {},
  gogc: '',
  gomemlimit: '',
  gcpacertrace: false,
  scavtrace: false,
  ...over,
});

describe('memoryLimitBytes()', () => {
  it('reads GOMEMLIMIT as runtime/string.go parseByteCount does', () => {
    expect(memoryLimitBytes('64MiB')).toBe(64 * 2 ** 20);
    expect(memoryLimitBytes('1GiB')).toBe(2 ** 30);
    expect(memoryLimitBytes('1000')).toBe(1000);
    expect(memoryLimitBytes('1000B')).toBe(1000);
    // Decimal units, a space, a fraction and a lower-case unit are all rejected by the runtime.
    for (const bad of ['64MB', '64 MiB', '1.5GiB', '64mib', 'MiB', '']) {
      expect(memoryLimitBytes(bad)).toBeNull();
    }
  });
});

describe('settingProblems()', () => {
  it('names each flag out of its range, with the range', () => {
    const problems = settingProblems(
      settings({ flags: { d: 90, rate: 50.5, fixed: true } }),
      flags,
    );
    expect(problems).toEqual([
      { field: 'd', message: '-d must be between 1 and 60 s; it is 90.' },
      { field: 'rate', message: '-rate must be a whole number.' },
    ]);
  });

  it('rejects a GOGC or GOMEMLIMIT the runtime would misread or refuse', () => {
    const problems = settingProblems(settings({ gogc: '1e2', gomemlimit: '64MB' }), flags);
    expect(problems.map((p) => p.field)).toEqual(['gogc', 'gomemlimit']);
    expect(problems[0]!.message).toMatch(/would be read as 100/);
    expect(problems[1]!.message).toMatch(/such as 64MiB/);
    expect(settingProblems(settings({ gogc: 'off', gomemlimit: '64MiB' }), flags)).toEqual([]);
  });
});

describe('runArgv() and runEnv()', () => {
  it('write flags the way the Go flag package reads them', () => {
    const argv = runArgv(
      'leaking-map',
      settings({ flags: { d: 2.5, fixed: true, rate: 500 } }),
      flags,
    );
    expect(argv).toEqual(['programs', 'leaking-map', '-d=2.5s', '-rate=500', '-fixed']);
  });

  it('always switch gctrace on, and add the other traces and GOGC and GOMEMLIMIT when set', () => {
    expect(runEnv(settings())).toEqual({ GODEBUG: 'gctrace=1' });
    expect(
      runEnv(settings({ gogc: ' 50 ', gomemlimit: '64MiB', gcpacertrace: true, scavtrace: true })),
    ).toEqual({ GODEBUG: 'gctrace=1,gcpacertrace=1,scavtrace=1', GOGC: '50', GOMEMLIMIT: '64MiB' });
  });

  it('print the run as a command line', () => {
    expect(
      commandLine(['programs', 'steady', '-d=5s'], { GODEBUG: 'gctrace=1', GOGC: '200' }),
    ).toBe('GODEBUG=gctrace=1 GOGC=200 ./programs steady -d=5s');
  });
});
