import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readProfile, readTextProfile, topTable, topText } from '../../../src/profile/index.ts';
import { bytesOf, loadProfile, profilesDir, releases } from './captures.ts';

const root = join(import.meta.dirname, '../../..');
const [release] = releases();

describe('readProfile() on real profiles', () => {
  it('reads a gzipped heap profile with its four sample types and its time', async () => {
    const result = await readProfile(bytesOf(release!, 'leaking-map-2.pb.gz'), 'heap');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.profile.kind).toBe('heap');
    expect(result.profile.format).toBe('gzipped protobuf');
    expect(result.profile.sampleTypes.map((t) => `${t.type}/${t.unit}`)).toEqual([
      'alloc_objects/count',
      'alloc_space/bytes',
      'inuse_objects/count',
      'inuse_space/bytes',
    ]);
    expect(result.profile.defaultSampleType).toBe('inuse_space');
    expect(result.profile.period).toBe(512 * 1024);
    expect(result.profile.timeNanos).toBeGreaterThan(Date.UTC(2020, 0) * 1e6);
  });

  it('reads the same profile unzipped (plain protobuf) into the same table', async () => {
    const zipped = await loadProfile(release!, 'leaking-map-2.pb.gz');
    const plain = await readProfile(gunzipSync(bytesOf(release!, 'leaking-map-2.pb.gz')));
    expect(plain.ok && plain.profile.format).toBe('protobuf');
    if (!plain.ok) return;
    expect(topText(topTable(plain.profile))).toBe(topText(topTable(zipped)));
  });

  it('reads a goroutine profile in protobuf and in text (debug=1) form', async () => {
    const proto = await loadProfile(release!, 'forgotten-goroutines-2.pb.gz');
    expect(proto.kind).toBe('goroutine');
    const text = readTextProfile(
      readFileSync(join(profilesDir, release!, 'forgotten-goroutines-2.debug1.txt'), 'utf8'),
    );
    expect(text.ok).toBe(true);
    if (!text.ok) return;
    expect(text.profile.kind).toBe('goroutine');
    expect(text.profile.format).toBe('text (debug=1)');
    // The counts of the groups add up to the total the first line states.
    const counted = text.profile.samples.reduce((sum, s) => sum + s.values[0]!, 0);
    expect(counted).toBe(text.profile.textTotal);
  });

  it('reads the goroutineleak text profiles of Go 1.26 and 1.27', async () => {
    for (const r of ['go1.26', 'go1.27']) {
      const result = await readProfile(bytesOf(r, 'goroutine-leak-profile.txt'));
      expect(result.ok && result.profile.kind).toBe('goroutine');
      if (!result.ok) continue;
      expect(result.profile.textName).toBe('goroutineleak');
      expect(result.profile.textTotal).toBe(100);
    }
  });
});

describe('readProfile() on bad input', () => {
  const problem = async (
    bytes: Uint8Array,
    expect_: 'heap' | 'goroutine' | 'heap or goroutine' = 'heap',
  ) => {
    const result = await readProfile(bytes, expect_);
    expect(result.ok).toBe(false);
    return result.ok ? null! : result.problem;
  };

  it('says an empty file is empty and what was expected', async () => {
    const p = await problem(new Uint8Array());
    expect(p.kind).toBe('empty');
    expect(p.message).toMatch(/empty\. Expected a heap profile/);
  });

  it('says a JSON file is text that is not a profile, quoting its first line', async () => {
    const p = await problem(readFileSync(join(root, 'package.json')));
    expect(p.kind).toBe('not-a-profile');
    expect(p.message).toMatch(/text that is not a profile: line 1, column 1 starts "\{"/);
  });

  it('recognises a gctrace trace opened as a profile', async () => {
    const p = await problem(readFileSync(join(root, 'content/traces/leaking-map.txt')));
    expect(p.kind).toBe('looks-like-trace');
    expect(p.message).toMatch(/GODEBUG=gctrace=1 trace, not a profile/);
  });

  it('says a cut-off gzip file stops early', async () => {
    const whole = bytesOf(release!, 'leaking-map-2.pb.gz');
    const p = await problem(whole.subarray(0, Math.floor(whole.length / 2)));
    expect(p.kind).toBe('truncated-gzip');
    expect(p.message).toMatch(/stops early: \d+ bytes were read/);
  });

  it('names a CPU profile where a heap profile is expected', async () => {
    const p = await problem(bytesOf(release!, 'steady.cpu.pb.gz'));
    expect(p.kind).toBe('wrong-kind');
    expect(p.message).toMatch(
      /^This is a CPU profile \(sample types: samples\/count, cpu\/nanoseconds\)\. Expected a heap profile/,
    );
  });

  it('says a heap profile with no samples has nothing to show', async () => {
    const p = await problem(bytesOf(release!, 'empty-heap-1.pb.gz'));
    expect(p.kind).toBe('no-samples');
    expect(p.message).toMatch(/has no samples/);
  });

  it('names a heap profile where a goroutine profile is expected', async () => {
    const p = await problem(bytesOf(release!, 'leaking-map-1.pb.gz'), 'goroutine');
    expect(p.kind).toBe('wrong-kind');
    expect(p.message).toMatch(/^This is a heap profile .* Expected a goroutine profile/);
  });

  it('does not take random bytes for a profile', async () => {
    // A fixed, deterministic byte pattern that is neither gzip nor profile.proto.
    const bytes = Uint8Array.from({ length: 512 }, (_, i) => (i * 151 + 7) % 256);
    const p = await problem(bytes, 'heap or goroutine');
    expect(p.kind).toBe('not-a-profile');
    expect(p.message).toMatch(/bytes that are not a protobuf profile \(they start 07 9e 35 cc\)/);
  });

  it('gives the line and column of a broken line in a text goroutine profile', () => {
    const text = readFileSync(
      join(profilesDir, release!, 'forgotten-goroutines-2.debug1.txt'),
      'utf8',
    );
    const lines = text.split('\n');
    lines[2] = '#\t0x4e83dc\tmain.worker';
    const result = readTextProfile(lines.join('\n'));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problem).toMatchObject({ kind: 'bad-text', line: 3 });
    expect(result.problem.message).toMatch(/^Line 3, column \d+: Expected a frame line/);
  });
});
