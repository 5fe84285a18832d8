/**
 * The browser's localStorage and sessionStorage, where the browser may refuse them: with site
 * data blocked, merely reading `window.localStorage` throws a SecurityError, and any read or
 * write can throw later (storage switched off, or full). Every use in the site goes through here,
 * so a blocked store means "nothing kept", never a page that stops working.
 */

export type StorageKind = 'local' | 'session';

/** The store, or null where the browser blocks it. */
export function browserStorage(kind: StorageKind): Storage | null {
  try {
    return (kind === 'local' ? window.localStorage : window.sessionStorage) ?? null;
  } catch {
    return null;
  }
}

/** The value under `key`, or null when there is none or the store refuses to be read. */
export function readStored(kind: StorageKind, key: string): string | null {
  try {
    return browserStorage(kind)?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

/** Keeps `value` under `key`; false when the store is blocked or full. */
export function writeStored(kind: StorageKind, key: string, value: string): boolean {
  const storage = browserStorage(kind);
  if (!storage) return false;
  try {
    storage.setItem(key, value);
    return true;
  } catch {
    return false;
  }
}

/** Forgets `key`; false when the store is blocked. */
export function removeStored(kind: StorageKind, key: string): boolean {
  const storage = browserStorage(kind);
  if (!storage) return false;
  try {
    storage.removeItem(key);
    return true;
  } catch {
    return false;
  }
}
