import { afterEach, describe, expect, it, vi } from 'vitest';
import { cellKey, cellStore, readableStorage } from '../../../src/cell/storage.ts';
import { FakeStorage } from '../test-storage.ts';
import { readTrace } from '../traces.ts';

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('a cell in a full storage', () => {
  it('still finds the saved edit: the storage is only read to decide it is there', () => {
    const storage = new FakeStorage(200_000);
    const key = cellKey('/lessons/spotting-a-leak/', 'cell-1');
    const edited = readTrace('content/traces/steady.txt').split('\n').slice(0, 3).join('\n');
    expect(cellStore(storage, key, 'tab-1').save(edited)).toEqual({ ok: true });
    storage.fill();
    // A reload: the storage is full, so writing a probe key would throw.
    expect(() => storage.setItem('probe', '1')).toThrow(/quota/);
    const found = readableStorage(storage);
    expect(found).toBe(storage);
    const store = cellStore(found, key, 'tab-2');
    expect(store.available).toBe(true);
    expect(store.load()?.text).toBe(edited);
    expect(store.forceSave(edited + '\n')).toEqual({ ok: false, reason: 'full' });
  });

  it('is null where the browser blocks storage', () => {
    // With site data blocked, merely reading window.localStorage throws.
    vi.stubGlobal('window', {
      get localStorage(): Storage {
        throw new DOMException('blocked', 'SecurityError');
      },
    });
    expect(readableStorage()).toBeNull();
  });

  it('is null where the storage is there but refuses to be read', () => {
    const refusing = new FakeStorage();
    refusing.getItem = () => {
      throw new DOMException('refused', 'SecurityError');
    };
    expect(readableStorage(refusing)).toBeNull();
    expect(cellStore(readableStorage(refusing), 'k', 'tab-1').available).toBe(false);
  });
});
