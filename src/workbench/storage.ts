/**
 * Keeps the workbench's traces across reloads: text in localStorage, a big file in IndexedDB
 * (up to a limit), and says when neither is possible.
 */
import { browserStorage } from '../site/browser-storage.ts';

const textKey = (slot: string) => `gctrace-lab:workbench:${slot}`;
/** Files up to this size are kept in IndexedDB; bigger ones must be opened again. */
export const bigFileLimit = 64 << 20;

/**
 * Texts longer than this (in UTF-16 units, what localStorage counts) are not offered to it:
 * browsers keep about 5 million per site, shared by everything the site saves.
 */
export const maxKeptTextChars = 4_000_000;

/** 'too-big': the trace alone is larger than storage holds; 'full': storage is full of other things. */
export type SaveOutcome = 'saved' | 'too-big' | 'full' | 'unavailable';

export interface SavedTrace {
  text: string;
  name: string;
  /** The trace is a big file kept in IndexedDB. */
  big: boolean;
}

const storage = () => browserStorage('local');

function isQuotaError(error: unknown): boolean {
  return (
    error instanceof DOMException &&
    (error.name === 'QuotaExceededError' || error.name === 'NS_ERROR_DOM_QUOTA_REACHED')
  );
}

/**
 * Saves a slot's text (empty text forgets it). A text too big for any storage replaces what was
 * kept (it is not what the page shows any more); a full storage keeps the last saved version.
 */
export function saveText(
  slot: string,
  text: string,
  name: string,
  store: Storage | null = storage(),
): SaveOutcome {
  if (!store) return 'unavailable';
  try {
    if (text === '') store.removeItem(textKey(slot));
    else if (text.length > maxKeptTextChars) {
      store.removeItem(textKey(slot));
      return 'too-big';
    } else store.setItem(textKey(slot), JSON.stringify({ text, name, big: false }));
    return 'saved';
  } catch (error) {
    return isQuotaError(error) ? 'full' : 'unavailable';
  }
}

export function loadSaved(slot: string, store: Storage | null = storage()): SavedTrace | null {
  let raw: string | null = null;
  try {
    raw = store?.getItem(textKey(slot)) ?? null;
  } catch {
    return null;
  }
  if (!raw) return null;
  try {
    const value = JSON.parse(raw) as Partial<SavedTrace>;
    return {
      text: typeof value.text === 'string' ? value.text : '',
      name: typeof value.name === 'string' ? value.name : 'saved trace',
      big: value.big === true,
    };
  } catch {
    return null;
  }
}

function database(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open('gctrace-lab-workbench', 1);
    request.onupgradeneeded = () => request.result.createObjectStore('files');
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB failed'));
  });
}

/** Keeps a big file in IndexedDB and marks the slot as holding it. */
export async function saveBig(slot: string, file: File): Promise<SaveOutcome> {
  const store = storage();
  if (file.size > bigFileLimit) {
    store?.removeItem(textKey(slot));
    return 'too-big';
  }
  try {
    const db = await database();
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction('files', 'readwrite');
      tx.objectStore('files').put(file, slot);
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error ?? new Error('IndexedDB write failed'));
    });
    db.close();
    store?.setItem(textKey(slot), JSON.stringify({ text: '', name: file.name, big: true }));
    return 'saved';
  } catch (error) {
    return isQuotaError(error) ? 'full' : 'unavailable';
  }
}

export async function loadBig(slot: string): Promise<File | null> {
  try {
    const db = await database();
    const file = await new Promise<unknown>((resolve, reject) => {
      const request = db.transaction('files').objectStore('files').get(slot);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error ?? new Error('IndexedDB read failed'));
    });
    db.close();
    return file instanceof File ? file : null;
  } catch {
    return null;
  }
}
