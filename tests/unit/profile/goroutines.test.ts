import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { goroutineGroups, goroutineGrowth, readTextProfile } from '../../../src/profile/index.ts';
import { loadProfile, profilesDir, releases } from './captures.ts';

describe('goroutineGroups()', () => {
  for (const release of releases()) {
    it(`${release}: finds the forgotten workers, blocked receiving, as the largest group`, async () => {
      const profile = await loadProfile(release, 'forgotten-goroutines-2.pb.gz');
      const { total, groups } = goroutineGroups(profile);
      const top = groups[0]!;
      expect(top.where.name).toBe('main.worker');
      expect(top.where.file).toMatch(/heap-profiles\/workers\.go$/);
      expect(top.waiting).toBe('waiting to receive from a channel');
      expect(top.count / total).toBeGreaterThan(0.9);
    });

    it(`${release}: groups the text form the same way, under the same key`, async () => {
      const text = readTextProfile(
        readFileSync(join(profilesDir, release, 'forgotten-goroutines-2.debug1.txt'), 'utf8'),
      );
      if (!text.ok) throw new Error(text.problem.message);
      const fromText = goroutineGroups(text.profile).groups[0]!;
      const fromProto = goroutineGroups(await loadProfile(release, 'forgotten-goroutines-2.pb.gz'))
        .groups[0]!;
      expect(fromText.key).toBe(fromProto.key);
      // Written one after the other while workers keep starting: close, not equal.
      expect(Math.abs(fromText.count - fromProto.count)).toBeLessThan(fromProto.count * 0.05);
    });

    it(`${release}: the group that grows between two profiles is the workers'`, async () => {
      const rows = goroutineGrowth(
        await loadProfile(release, 'forgotten-goroutines-1.pb.gz'),
        await loadProfile(release, 'forgotten-goroutines-2.pb.gz'),
      );
      expect(rows[0]!.where.name).toBe('main.worker');
      expect(rows[0]!.change).toBeGreaterThan(0);
      expect(rows[0]!.count).toBe(rows[0]!.before + rows[0]!.change);
    });
  }

  it('reads the goroutineleak profile: 50 senders and 50 receivers', async () => {
    const text = readTextProfile(
      readFileSync(join(profilesDir, 'go1.27/goroutine-leak-profile.txt'), 'utf8'),
    );
    if (!text.ok) throw new Error(text.problem.message);
    const { total, groups } = goroutineGroups(text.profile);
    expect(total).toBe(100);
    expect(groups.map((g) => [g.where.name, g.count])).toEqual([
      ['main.leakReceiver', 50],
      ['main.leakSender', 50],
    ]);
  });
});
