import { describe, expect, it } from 'vitest';
import { diffProfiles, topTable, topText } from '../../../src/profile/index.ts';
import { loadProfile, pprofFiles, pprofSections, releases } from './captures.ts';

describe('topTable() against go tool pprof -top', () => {
  const found = releases();
  it('has captured profiles of two releases to check against', () => {
    expect(found.length).toBeGreaterThanOrEqual(2);
  });
  for (const release of found) {
    for (const file of pprofFiles(release)) {
      for (const section of pprofSections(release, file)) {
        it(`${release}: ${section.command} prints the same rows`, async () => {
          const [first, second] = await Promise.all(
            section.files.map((f) => loadProfile(release, f)),
          );
          const profile = second ? diffProfiles(first!, second) : first!;
          const table = topTable(profile, {
            sampleType: section.sampleType,
            granularity: section.lines ? 'lines' : 'functions',
          });
          expect(topText(table)).toBe(section.expected);
        });
      }
    }
  }
});

describe('topTable() on the leaking program', () => {
  for (const release of releases()) {
    it(`${release}: what grew in use between the two snapshots is main.remember, the map's store`, async () => {
      const base = await loadProfile(release, 'leaking-map-1.pb.gz');
      const later = await loadProfile(release, 'leaking-map-2.pb.gz');
      const diff = diffProfiles(base, later);
      const byFunction = topTable(diff, { sampleType: 'inuse_space' });
      expect(byFunction.rows[0]!.function).toBe('main.remember');
      expect(byFunction.rows[0]!.flat).toBeGreaterThan(0);
      const byLine = topTable(diff, { sampleType: 'inuse_space', granularity: 'lines' });
      const top = byLine.rows[0]!;
      expect(top.function).toBe('main.remember');
      expect(top.file).toMatch(/heap-profiles\/sessions\.go$/);
      // Lines 19–23 of sessions.go are the statement `sessions[id] = &session{…}`.
      expect(top.line).toBeGreaterThanOrEqual(19);
      expect(top.line).toBeLessThanOrEqual(23);
    });

    it(`${release}: alloc_space between the same snapshots points at the garbage instead`, async () => {
      const base = await loadProfile(release, 'leaking-map-1.pb.gz');
      const later = await loadProfile(release, 'leaking-map-2.pb.gz');
      const table = topTable(diffProfiles(base, later), { sampleType: 'alloc_space' });
      // The 48 KiB responses dwarf the sessions: allocation totals do not show the leak.
      expect(table.rows[0]!.function).toBe('main.handle');
    });
  }
});

describe('topTable()', () => {
  it('finds nothing grew between a large real profile and itself', async () => {
    const profile = await loadProfile('go1.27', 'encoding-json-test.pb.gz');
    expect(profile.samples.length).toBeGreaterThan(10_000);
    const table = topTable(diffProfiles(profile, profile), { sampleType: 'alloc_space' });
    expect(table.shown).toBe(0);
    // pprof leaves out rows whose flat and cum are both 0: nothing is left.
    expect(table.rows).toEqual([]);
  });

  it('rejects a sample type the profile does not have, naming the ones it has', async () => {
    const [release] = releases();
    const profile = await loadProfile(release!, 'leaking-map-1.pb.gz');
    expect(() => topTable(profile, { sampleType: 'cpu' })).toThrow(
      /no sample type "cpu".*alloc_objects, alloc_space, inuse_objects, inuse_space/,
    );
  });
});
