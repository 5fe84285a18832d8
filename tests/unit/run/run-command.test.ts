import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { WasmManifest } from '../../../src/run/manifest.ts';
import {
  commandLine,
  problemField,
  problemMessage,
  runInvocation,
  type RunForm,
} from '../../../src/run/run-command.ts';

const manifest = JSON.parse(readFileSync('public/wasm/manifest.json', 'utf8')) as WasmManifest;
const gogcDemo = manifest.programs.find((p) => p.name === 'gogc-demo')!;
const form = (over: Partial<RunForm> = {}): RunForm => ({
  flags: {},
  gogc: '',
  gomemlimit: '',
  traces: [],
  ...over,
});

describe('runInvocation()', () => {
  it('puts GOGC, GOMEMLIMIT and the extra traces in the environment, gctrace last', () => {
    const result = runInvocation(
      gogcDemo,
      form({ gogc: ' 50 ', gomemlimit: '64MiB', traces: ['gcpacertrace'] }),
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.invocation.env).toEqual({
      GODEBUG: 'gcpacertrace=1,gctrace=1',
      GOGC: '50',
      GOMEMLIMIT: '64MiB',
    });
    expect(result.invocation.argv.slice(0, 2)).toEqual(['inpage', 'gogc-demo']);
  });

  it('leaves GOGC and GOMEMLIMIT out when the fields are empty', () => {
    const result = runInvocation(gogcDemo, form());
    expect(result.ok && result.invocation.env).toEqual({ GODEBUG: 'gctrace=1' });
  });

  it('refuses a GOGC the runtime would read as 100, naming what was typed', () => {
    for (const typed of ['1e2', '0x10', 'fifty', '-5']) {
      const result = runInvocation(gogcDemo, form({ gogc: typed }));
      expect(result.ok).toBe(false);
      if (result.ok) continue;
      expect(result.problems).toHaveLength(1);
      expect(problemMessage(result.problems[0]!)).toBe(
        `GOGC: GOGC is a whole percentage (0 or more) or off, not '${typed}'.`,
      );
      expect(problemField(result.problems[0]!)).toBe('gogc');
    }
  });

  it('ties a bad GOMEMLIMIT and a flag out of range to their fields, with the column', () => {
    const result = runInvocation(gogcDemo, form({ gomemlimit: '48MB', flags: { d: 0 } }));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const byField = new Map(result.problems.map((p) => [problemField(p), problemMessage(p)]));
    expect(byField.get('flag-d')).toMatch(/^-d: -d must be between 1 and 60 s, not 0\.$/);
    expect(byField.get('gomemlimit')).toMatch(
      /^GOMEMLIMIT, column 3: '48MB' is not a memory limit/,
    );
  });
});

describe('commandLine()', () => {
  it('prints the environment, then the command', () => {
    expect(commandLine(['inpage', 'steady', '-d=5s'], { GODEBUG: 'gctrace=1', GOGC: '200' })).toBe(
      'GODEBUG=gctrace=1 GOGC=200 ./inpage steady -d=5s',
    );
  });
});
