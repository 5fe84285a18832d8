import { describe, expect, it } from 'vitest';
import { loadSaved, maxKeptTextChars, saveText } from '../../../src/workbench/storage.ts';
import { saveNotice } from '../../../src/workbench/wording.ts';
import { FakeStorage } from '../test-storage.ts';
import { readTrace } from '../traces.ts';

const steady = readTrace('content/traces/steady.txt');

describe('the workbench in a full storage', () => {
  it('keeps the saved trace and says storage is full, even for a one-line trace', () => {
    const storage = new FakeStorage(500_000);
    const oneLine = steady.split('\n')[0]!;
    expect(saveText('a', oneLine, 'pasted trace', storage)).toBe('saved');
    storage.fill();
    // The second trace, one line long, finds no room.
    const outcome = saveText('b', oneLine, 'pasted trace', storage);
    expect(outcome).toBe('full');
    expect(saveNotice(outcome)).toMatch(/storage for this site is full/);
    expect(saveNotice(outcome)).not.toMatch(/too big/);
    // An edit that no longer fits leaves the last kept version for the next visit.
    expect(saveText('a', steady, 'steady', storage)).toBe('full');
    expect(loadSaved('a', storage)?.text).toBe(oneLine);
  });

  it('calls a trace too big to keep by its size, whatever storage holds', () => {
    const storage = new FakeStorage();
    // About 17 MB of real lines, as a paste of a long capture would be.
    const big = steady.repeat(Math.ceil(17e6 / steady.length));
    expect(big.length).toBeGreaterThan(maxKeptTextChars);
    const outcome = saveText('a', big, 'pasted trace', storage);
    expect(outcome).toBe('too-big');
    expect(saveNotice(outcome)).toMatch(/too big to keep/);
  });
});
