import { describe, expect, it } from 'vitest';
import {
  describeForgotten,
  forgetEverything,
  type DeviceStores,
  type Forgotten,
} from '../../../src/site/forget.ts';

/** A Storage over a Map, with the length/key() walk the real one has. */
function storage(entries: Record<string, string>, blocked = false) {
  const items = new Map(Object.entries(entries));
  const check = () => {
    if (blocked) throw new DOMException('blocked', 'SecurityError');
  };
  return {
    items,
    store: {
      get length() {
        check();
        return items.size;
      },
      key: (i: number) => [...items.keys()][i] ?? null,
      removeItem: (key: string) => void items.delete(key),
    },
  };
}

/** An IndexedDB factory that knows some databases and answers delete requests as told. */
function databases(names: string[], answer: 'success' | 'error' | 'blocked' = 'success') {
  const deleted: string[] = [];
  return {
    deleted,
    factory: {
      databases: async () => names.map((name) => ({ name })),
      deleteDatabase(name: string) {
        deleted.push(name);
        const request = {} as IDBOpenDBRequest;
        setTimeout(() => {
          const handler = { success: 'onsuccess', error: 'onerror', blocked: 'onblocked' }[answer];
          (request as unknown as Record<string, () => void>)[handler]!();
        });
        return request;
      },
    },
  };
}

function site(overrides: Partial<DeviceStores> = {}) {
  const local = storage({
    'gctrace-lab:cell:/lessons/a#x': '{"text":"gc 1"}',
    'gctrace-lab:cell:/lessons/b#y': '{"text":"gc 2"}',
    'gctrace-lab:workbench:a': '{"text":""}',
    'gctrace-lab:progress': '{"version":1,"lessons":{}}',
    'gctrace-lab:theme': 'dark',
    'another-site:token': 'keep me',
  });
  const session = storage({ 'gctrace-lab:present:notice': 'Reset 2 cells.', other: 'keep' });
  const cacheNames = ['gctrace-lab-abc123', 'someone-else'];
  const registrations = [
    { scope: 'https://example.org/courses/gc/', unregistered: false },
    { scope: 'https://example.org/other-app/', unregistered: false },
  ];
  const db = databases(['gctrace-lab-workbench', 'other-db']);
  const stores: DeviceStores = {
    local: local.store,
    session: session.store,
    caches: {
      keys: async () => [...cacheNames],
      delete: async (name: string) => {
        const at = cacheNames.indexOf(name);
        if (at >= 0) cacheNames.splice(at, 1);
        return at >= 0;
      },
    },
    serviceWorker: {
      getRegistrations: async () =>
        registrations.map((r) => ({
          scope: r.scope,
          unregister: async () => (r.unregistered = true),
        })),
    },
    indexedDB: db.factory,
    scope: 'https://example.org/courses/gc/',
    ...overrides,
  };
  return { stores, local, session, cacheNames, registrations, db };
}

describe('forgetEverything()', () => {
  it("removes the site's keys, caches, service worker and databases, and nobody else's", async () => {
    const { stores, local, session, cacheNames, registrations, db } = site();
    const forgotten = await forgetEverything(stores);
    expect([...local.items.keys()]).toEqual(['another-site:token']);
    expect([...session.items.keys()]).toEqual(['other']);
    expect(cacheNames).toEqual(['someone-else']);
    expect(registrations.map((r) => r.unregistered)).toEqual([true, false]);
    expect(db.deleted).toEqual(['gctrace-lab-workbench']);
    expect(forgotten.localKeys).toHaveLength(5);
    expect(forgotten.sessionKeys).toEqual(['gctrace-lab:present:notice']);
    expect(forgotten.failures).toEqual([]);
    expect(describeForgotten(forgotten)).toBe(
      'Removed from this device: 2 saved cell edits, 1 workbench trace, 1 record of your progress, ' +
        '1 theme choice, 1 other saved setting, 1 file store, 1 offline copy, 1 service worker.',
    );
  });

  it('says when there was nothing to remove', async () => {
    const empty = await forgetEverything({
      local: storage({}).store,
      session: null,
      caches: null,
      serviceWorker: null,
      indexedDB: databases([]).factory,
      scope: 'https://example.org/',
    });
    expect(describeForgotten(empty)).toBe('Nothing of gctrace lab was stored on this device.');
  });

  it('deletes the known database even where the browser cannot list them, without claiming it', async () => {
    const db = databases([]);
    const { databases: _list, ...noListing } = db.factory;
    const { stores } = site({ indexedDB: noListing });
    const forgotten = await forgetEverything(stores);
    expect(db.deleted).toEqual(['gctrace-lab-workbench']);
    expect(forgotten.databases).toEqual([]);
  });

  it('lists what it could not remove, and carries on with the rest', async () => {
    const blockedDb = databases(['gctrace-lab-workbench'], 'blocked');
    const { stores, session } = site({
      local: storage({ 'gctrace-lab:theme': 'dark' }, true).store,
      caches: {
        keys: async () => {
          throw new DOMException('denied', 'SecurityError');
        },
        delete: async () => false,
      },
      indexedDB: blockedDb.factory,
    });
    const forgotten = await forgetEverything(stores);
    expect(session.items.has('gctrace-lab:present:notice')).toBe(false);
    expect(forgotten.failures).toEqual([
      'the offline copy (Cache Storage)',
      'local storage (the browser refused access)',
      'the database gctrace-lab-workbench (open in another tab)',
    ]);
    expect(describeForgotten(forgotten)).toMatch(
      /^Removed from this device: 1 other saved setting, 1 service worker\. Could not remove the offline copy \(Cache Storage\), local storage/,
    );
  });
});

describe('describeForgotten()', () => {
  it('counts in the singular and the plural', () => {
    const forgotten: Forgotten = {
      localKeys: ['gctrace-lab:cell:/a#1'],
      sessionKeys: [],
      caches: ['gctrace-lab-1', 'gctrace-lab-2'],
      serviceWorkers: 0,
      databases: [],
      failures: [],
    };
    expect(describeForgotten(forgotten)).toBe(
      'Removed from this device: 1 saved cell edit, 2 offline copies.',
    );
  });
});
