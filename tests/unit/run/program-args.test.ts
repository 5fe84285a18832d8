import { describe, expect, it } from 'vitest';
import type { ProgramDescription } from '../../../src/run/manifest.ts';
import { formatDuration, programInvocation } from '../../../src/run/program-args.ts';

// The shape `inpage describe` prints; the committed manifest's own programs are checked against
// the binaries in wasm-programs.test.ts.
const leakingMap: ProgramDescription = {
  name: 'leaking-map',
  summary: 'A server that never deletes its sessions.',
  flags: [
    {
      name: 'd',
      type: 'duration',
      default: 15,
      min: 1,
      max: 60,
      unit: 's',
      help: 'how long to run',
    },
    {
      name: 'rate',
      type: 'int',
      default: 2000,
      min: 100,
      max: 10000,
      unit: 'requests/s',
      help: '',
    },
    { name: 'ratio', type: 'float', default: 0.5, min: 0, max: 1, unit: '', help: '' },
    { name: 'fixed', type: 'bool', default: 0, min: 0, max: 1, unit: '', help: '' },
  ],
};

function invocation(settings: Parameters<typeof programInvocation>[1]) {
  const result = programInvocation(leakingMap, settings);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.invocation;
}

function problems(settings: Parameters<typeof programInvocation>[1]) {
  const result = programInvocation(leakingMap, settings);
  return result.ok ? [] : result.problems;
}

describe('programInvocation', () => {
  it('writes every flag as -name=value, defaults included, after the program name', () => {
    expect(invocation({}).argv).toEqual([
      'inpage',
      'leaking-map',
      '-d=15s',
      '-rate=2000',
      '-ratio=0.5',
      '-fixed=false',
    ]);
    expect(invocation({ flags: { d: 2.5, rate: 500, fixed: true } }).argv.slice(2)).toEqual([
      '-d=2.5s',
      '-rate=500',
      '-ratio=0.5',
      '-fixed=true',
    ]);
  });

  it('sets GODEBUG=gctrace=1 by default, and only GODEBUG', () => {
    expect(invocation({}).env).toEqual({ GODEBUG: 'gctrace=1' });
    expect(invocation({ gctrace: 2 }).env.GODEBUG).toBe('gctrace=2');
  });

  it("puts the run's gctrace after other GODEBUG settings and drops a gctrace among them", () => {
    // The runtime keeps the last of repeated names: the run's own gctrace must win.
    expect(invocation({ godebug: 'madvdontneed=1,gctrace=0, ,gcpacertrace=1' }).env.GODEBUG).toBe(
      'madvdontneed=1,gcpacertrace=1,gctrace=1',
    );
  });

  it('reports a GODEBUG item that is not name=value at its column', () => {
    expect(problems({ godebug: 'gcpacertrace=1,scavtrace' })).toEqual([
      { setting: 'GODEBUG', column: 16, message: "'scavtrace' is not name=value" },
    ]);
    expect(problems({ godebug: 'a b=1' })[0]).toMatchObject({ setting: 'GODEBUG', column: 1 });
  });

  it('passes GOGC and GOMEMLIMIT as the runtime reads them', () => {
    expect(invocation({ gogc: 50, gomemlimit: '64MiB' }).env).toEqual({
      GODEBUG: 'gctrace=1',
      GOGC: '50',
      GOMEMLIMIT: '64MiB',
    });
    expect(invocation({ gogc: 'off', gomemlimit: 'off' }).env).toMatchObject({
      GOGC: 'off',
      GOMEMLIMIT: 'off',
    });
    expect(invocation({ gomemlimit: '1048576' }).env.GOMEMLIMIT).toBe('1048576');
  });

  it('reports a GOMEMLIMIT the runtime would crash on, pointing at the unit', () => {
    // Go's parseByteCount takes B, KiB, MiB, GiB and TiB only; anything else is a fatal error.
    expect(problems({ gomemlimit: '64MB' })).toEqual([
      expect.objectContaining({ setting: 'GOMEMLIMIT', column: 3 }),
    ]);
    expect(problems({ gomemlimit: ' 64MiB' })[0]).toMatchObject({ column: 1 });
    expect(problems({ gomemlimit: '' })[0]).toMatchObject({ setting: 'GOMEMLIMIT' });
  });

  it('reports a GOGC that is not a whole percentage or off', () => {
    expect(problems({ gogc: -5 })[0]).toMatchObject({ setting: 'GOGC' });
    expect(problems({ gogc: 12.5 })[0]).toMatchObject({ setting: 'GOGC' });
  });

  it('reports flags out of range, of the wrong type, or unknown, naming each', () => {
    expect(
      problems({ flags: { d: 0.5, rate: 150.5, fixed: 1, ratio: Number.NaN, speed: 3 } }).map(
        (p) => p.setting,
      ),
    ).toEqual(['-speed', '-d', '-rate', '-ratio', '-fixed']);
    expect(problems({ flags: { rate: 20000 } })[0]!.message).toBe(
      '-rate must be between 100 and 10000 requests/s, not 20000',
    );
  });
});

describe('formatDuration', () => {
  it('writes seconds the way time.ParseDuration reads them', () => {
    expect(formatDuration(15)).toBe('15s');
    expect(formatDuration(0.5)).toBe('0.5s');
    expect(formatDuration(0.1 + 0.2)).toBe('0.3s');
  });
});
