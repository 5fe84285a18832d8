import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { changedPath, expectSnapshotFile } from './snapshot.ts';

describe('expectSnapshotFile', () => {
  let dir = '';
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'snapshot-'));
    vi.stubEnv('CI', '');
    vi.stubEnv('UPDATE_SNAPSHOTS', '');
  });
  afterEach(() => {
    vi.unstubAllEnvs();
    rmSync(dir, { recursive: true, force: true });
  });

  it('names the changed file beside the snapshot, before its extension', () => {
    expect(changedPath('/a/b/heap-seed.svg')).toBe('/a/b/heap-seed-changed.svg');
    expect(changedPath('/a/b.c/golden/go1.19-forced.json')).toBe(
      '/a/b.c/golden/go1.19-forced-changed.json',
    );
  });

  it('writes a missing snapshot and passes outside CI', () => {
    const file = join(dir, 'sub', 'new.json');
    expectSnapshotFile(file, 'first\n');
    expect(readFileSync(file, 'utf8')).toBe('first\n');
  });

  it('fails on CI when the snapshot is missing, and writes nothing', () => {
    vi.stubEnv('CI', 'true');
    const file = join(dir, 'new.svg');
    expect(() => expectSnapshotFile(file, 'first\n')).toThrow(/missing snapshot/);
    expect(existsSync(file)).toBe(false);
  });

  it('passes on a match and removes a stale changed file', () => {
    const file = join(dir, 'same.svg');
    writeFileSync(file, 'same\n');
    writeFileSync(join(dir, 'same-changed.svg'), 'old\n');
    expectSnapshotFile(file, 'same\n');
    expect(existsSync(join(dir, 'same-changed.svg'))).toBe(false);
  });

  it('fails on a mismatch, keeps the snapshot and writes <name>-changed.<ext> beside it', () => {
    for (const ci of ['', 'true']) {
      vi.stubEnv('CI', ci);
      const file = join(dir, `golden${ci}.json`);
      writeFileSync(file, 'expected\n');
      expect(() => expectSnapshotFile(file, 'actual\n')).toThrow(/differs/);
      expect(readFileSync(file, 'utf8')).toBe('expected\n');
      expect(readFileSync(join(dir, `golden${ci}-changed.json`), 'utf8')).toBe('actual\n');
    }
  });

  it('rewrites the snapshot with UPDATE_SNAPSHOTS outside CI only', () => {
    const file = join(dir, 'heap.svg');
    writeFileSync(file, 'old\n');
    vi.stubEnv('UPDATE_SNAPSHOTS', '1');
    expectSnapshotFile(file, 'new\n');
    expect(readFileSync(file, 'utf8')).toBe('new\n');
    vi.stubEnv('CI', 'true');
    expect(() => expectSnapshotFile(file, 'newer\n')).toThrow(/differs/);
    expect(readFileSync(file, 'utf8')).toBe('new\n');
  });
});
