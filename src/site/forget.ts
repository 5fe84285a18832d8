/**
 * "Forget everything on this device": removes what gctrace lab keeps in the browser (saved cell
 * edits, workbench traces and files, progress, the theme choice, the offline copy and its service
 * worker) and says what it removed. The browser's stores are passed in, so tests use fakes.
 */

/** Every localStorage and sessionStorage key of the site starts with this. */
export const storageKeyPrefix = 'gctrace-lab:';
/** Cache Storage names of the offline copy start with this (src/integrations/service-worker.ts). */
export const cacheNamePrefix = 'gctrace-lab-';
/** IndexedDB databases of the site start with this; the workbench keeps big files in one. */
export const databaseNamePrefix = 'gctrace-lab';
/** Databases the site creates, deleted even where the browser cannot list databases. */
export const knownDatabases = ['gctrace-lab-workbench'];

type KeyedStorage = Pick<Storage, 'length' | 'key' | 'removeItem'>;

interface Registration {
  readonly scope: string;
  unregister(): Promise<boolean>;
}

/** The browser's stores, each null where the browser lacks it or blocks it. */
export interface DeviceStores {
  local: KeyedStorage | null;
  session: KeyedStorage | null;
  caches: Pick<CacheStorage, 'keys' | 'delete'> | null;
  serviceWorker: { getRegistrations(): Promise<readonly Registration[]> } | null;
  indexedDB: {
    databases?: () => Promise<readonly { name?: string }[]>;
    deleteDatabase(name: string): IDBOpenDBRequest;
  } | null;
  /** The site's root URL (origin and base path): only service workers under it are the site's. */
  scope: string;
}

/** What was removed, and what could not be. */
export interface Forgotten {
  localKeys: string[];
  sessionKeys: string[];
  caches: string[];
  serviceWorkers: number;
  /** Databases known to have existed and now deleted. */
  databases: string[];
  failures: string[];
}

function siteKeys(storage: KeyedStorage): string[] {
  const keys: string[] = [];
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i);
    if (key !== null && key.startsWith(storageKeyPrefix)) keys.push(key);
  }
  return keys;
}

function clearKeys(storage: KeyedStorage | null, where: string, failures: string[]): string[] {
  if (storage === null) return [];
  try {
    const keys = siteKeys(storage);
    for (const key of keys) storage.removeItem(key);
    return keys;
  } catch {
    failures.push(`${where} (the browser refused access)`);
    return [];
  }
}

function deleteDatabase(factory: NonNullable<DeviceStores['indexedDB']>, name: string) {
  return new Promise<'deleted' | 'blocked' | 'failed'>((resolve) => {
    const request = factory.deleteDatabase(name);
    request.onsuccess = () => resolve('deleted');
    request.onerror = () => resolve('failed');
    // Another tab holds the database open: it goes once that tab closes.
    request.onblocked = () => resolve('blocked');
  });
}

/** Removes everything the site keeps in this browser. Never throws; failures are listed. */
export async function forgetEverything(stores: DeviceStores): Promise<Forgotten> {
  const failures: string[] = [];
  const forgotten: Forgotten = {
    localKeys: [],
    sessionKeys: [],
    caches: [],
    serviceWorkers: 0,
    databases: [],
    failures,
  };

  if (stores.serviceWorker !== null) {
    try {
      const registrations = await stores.serviceWorker.getRegistrations();
      for (const registration of registrations) {
        if (!registration.scope.startsWith(stores.scope)) continue;
        if (await registration.unregister()) forgotten.serviceWorkers++;
        else failures.push('the service worker');
      }
    } catch {
      failures.push('the service worker');
    }
  }

  if (stores.caches !== null) {
    try {
      for (const name of await stores.caches.keys()) {
        if (!name.startsWith(cacheNamePrefix)) continue;
        if (await stores.caches.delete(name)) forgotten.caches.push(name);
        else failures.push(`the cache ${name}`);
      }
    } catch {
      failures.push('the offline copy (Cache Storage)');
    }
  }

  forgotten.localKeys = clearKeys(stores.local, 'local storage', failures);
  forgotten.sessionKeys = clearKeys(stores.session, 'session storage', failures);

  if (stores.indexedDB !== null) {
    const factory = stores.indexedDB;
    let existing: string[] | null = null;
    try {
      if (factory.databases) {
        existing = (await factory.databases())
          .map((db) => db.name ?? '')
          .filter((name) => name.startsWith(databaseNamePrefix));
      }
    } catch {
      existing = null;
    }
    const names = [...new Set([...(existing ?? []), ...knownDatabases])];
    for (const name of names) {
      let outcome: 'deleted' | 'blocked' | 'failed';
      try {
        outcome = await deleteDatabase(factory, name);
      } catch {
        outcome = 'failed';
      }
      // Deleting a database that never existed succeeds too: count only those known to exist.
      if (outcome === 'failed') failures.push(`the database ${name}`);
      else if (outcome === 'blocked') failures.push(`the database ${name} (open in another tab)`);
      else if (existing?.includes(name)) forgotten.databases.push(name);
    }
  }
  return forgotten;
}

const keyKinds: [prefix: string, one: string, many: string][] = [
  ['gctrace-lab:cell:', 'saved cell edit', 'saved cell edits'],
  ['gctrace-lab:workbench:', 'workbench trace', 'workbench traces'],
  ['gctrace-lab:progress', 'record of your progress', 'records of your progress'],
  ['gctrace-lab:theme', 'theme choice', 'theme choices'],
];

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** What the learner is told after forgetting: each kind of thing removed, then any failure. */
export function describeForgotten(forgotten: Forgotten): string {
  const keys = [...forgotten.localKeys, ...forgotten.sessionKeys];
  const parts: string[] = [];
  let other = keys.length;
  for (const [prefix, one, many] of keyKinds) {
    const n = keys.filter((key) => key.startsWith(prefix)).length;
    if (n > 0) parts.push(count(n, one, many));
    other -= n;
  }
  if (other > 0) parts.push(count(other, 'other saved setting', 'other saved settings'));
  if (forgotten.databases.length > 0) {
    parts.push(count(forgotten.databases.length, 'file store', 'file stores'));
  }
  if (forgotten.caches.length > 0) {
    parts.push(count(forgotten.caches.length, 'offline copy', 'offline copies'));
  }
  if (forgotten.serviceWorkers > 0) {
    parts.push(count(forgotten.serviceWorkers, 'service worker', 'service workers'));
  }
  const removed =
    parts.length === 0
      ? 'Nothing of gctrace lab was stored on this device.'
      : `Removed from this device: ${parts.join(', ')}.`;
  const failed =
    forgotten.failures.length === 0 ? '' : ` Could not remove ${forgotten.failures.join(', ')}.`;
  return removed + failed;
}
