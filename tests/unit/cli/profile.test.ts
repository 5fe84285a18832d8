import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pprofSections, profilesDir, releases } from '../profile/captures.ts';
import { gctrace } from './run-cli.ts';

const [release] = releases();
const file = (name: string) => join(profilesDir, release!, name);

describe('gctrace profile', () => {
  it('prints the top table of a heap profile as go tool pprof -top does', async () => {
    const section = pprofSections(release!, 'leaking-map-2.pprof.txt').find(
      (s) => s.sampleType === 'inuse_space' && !s.lines,
    )!;
    const ran = await gctrace(['profile', file('leaking-map-2.pb.gz')]);
    expect(ran.status).toBe(0);
    expect(ran.stdout).toMatch(/^Type: inuse_space\nTime: \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC\n/);
    expect(ran.stdout.slice(ran.stdout.indexOf('Showing nodes'))).toBe(section.expected);
  });

  it('with --base prints what grew, like -diff_base, and --lines a row per line', async () => {
    const section = pprofSections(release!, 'leaking-map.diff.pprof.txt').find(
      (s) => s.sampleType === 'inuse_space' && s.lines,
    )!;
    const ran = await gctrace([
      'profile',
      file('leaking-map-2.pb.gz'),
      '--base',
      file('leaking-map-1.pb.gz'),
      '--lines',
    ]);
    expect(ran.status).toBe(0);
    expect(ran.stdout.slice(ran.stdout.indexOf('Showing nodes'))).toBe(section.expected);
    expect(ran.stdout.split('\n')[4]).toMatch(
      /main\.remember gctracelab\/heap-profiles\/sessions\.go:\d+$/,
    );
  });

  it('takes --sample alloc_space', async () => {
    const ran = await gctrace(['profile', file('leaking-map-2.pb.gz'), '--sample', 'alloc_space']);
    expect(ran.stdout).toMatch(/^Type: alloc_space\n/);
  });

  it('says what a file is when it is not the profile expected, and exits 1', async () => {
    const cpu = await gctrace(['profile', file('steady.cpu.pb.gz')]);
    expect(cpu.status).toBe(1);
    expect(cpu.stderr).toMatch(/This is a CPU profile .*Expected a Go heap profile/);
    const trace = await gctrace(['profile', join(profilesDir, '../traces/leaking-map.txt')]);
    expect(trace.status).toBe(1);
    expect(trace.stderr).toMatch(/a GODEBUG=gctrace=1 trace, not a profile/);
    const missing = await gctrace(['profile', file('no-such.pb.gz')]);
    expect(missing.stderr).toMatch(/cannot read .*no-such\.pb\.gz: no such file/);
  });

  it('refuses a sample type the profile does not have (exit 2)', async () => {
    const ran = await gctrace(['profile', file('leaking-map-2.pb.gz'), '--sample', 'cpu']);
    expect(ran.status).toBe(2);
    expect(ran.stderr).toMatch(
      /--sample cpu: this profile has alloc_objects, alloc_space, inuse_objects, inuse_space/,
    );
  });

  it('refuses to compare a heap profile with a goroutine profile', async () => {
    const ran = await gctrace([
      'profile',
      file('forgotten-goroutines-2.pb.gz'),
      '--base',
      file('leaking-map-1.pb.gz'),
    ]);
    expect(ran.status).toBe(1);
    expect(ran.stderr).toMatch(/base is a heap profile and the later one a goroutine profile/);
  });
});
