/**
 * Keeps a learner's edits to one trace cell in localStorage, so a reload never loses them, and
 * notices when another tab has saved a different version so that neither silently wins.
 */
import { browserStorage } from '../site/browser-storage.ts';

/** What is stored for one cell. */
export interface SavedEdit {
  text: string;
  /** Which tab saved it, and when (ms since epoch). */
  tab: string;
  savedAt: number;
}

export type SaveResult =
  | { ok: true }
  | { ok: false; reason: 'unavailable' | 'full' }
  | { ok: false; reason: 'conflict'; theirs: SavedEdit };

export interface CellStore {
  /** The saved edit, or null when the learner has not edited this cell (or storage is off). */
  load(): SavedEdit | null;
  /** Saves the text unless another tab saved something newer since we last looked. */
  save(text: string): SaveResult;
  /** Saves even over another tab's version (the learner chose to keep theirs). */
  forceSave(text: string): SaveResult;
  /** Forgets the edit, so the cell shows its original trace. */
  clear(): SaveResult;
  /** Accepts whatever storage holds now (another tab's version) as the one this tab has seen. */
  adopt(): void;
  readonly available: boolean;
}

const prefix = 'gctrace-lab:cell:';

/** The storage key of a cell: one per page path and cell id. */
export function cellKey(pagePath: string, cellId: string): string {
  return `${prefix}${pagePath.replace(/\/+$/, '') || '/'}#${cellId}`;
}

/**
 * `storage` (the browser's localStorage unless given), or null where it is blocked or refuses to
 * be read. Only reading is tried: a full storage still holds the learner's saved edits, and a
 * probe that writes a key would fail there.
 */
export function readableStorage(storage: Storage | null = browserStorage('local')): Storage | null {
  if (!storage) return null;
  try {
    storage.getItem(prefix);
    return storage;
  } catch {
    return null;
  }
}

function parse(raw: string | null): SavedEdit | null {
  if (raw === null) return null;
  try {
    const value = JSON.parse(raw) as Partial<SavedEdit>;
    if (typeof value.text !== 'string') return null;
    return { text: value.text, tab: String(value.tab ?? ''), savedAt: Number(value.savedAt) || 0 };
  } catch {
    return null;
  }
}

function isQuotaError(error: unknown): boolean {
  return (
    error instanceof DOMException &&
    (error.name === 'QuotaExceededError' || error.name === 'NS_ERROR_DOM_QUOTA_REACHED')
  );
}

/** A store for one cell; `storage` is null where the browser blocks localStorage. */
export function cellStore(storage: Storage | null, key: string, tab: string): CellStore {
  let available = storage !== null;
  // The version this tab last loaded or wrote: anything else found in storage is another tab's.
  let seen: string | null = null;

  const read = (): string | null => {
    if (!storage) return null;
    try {
      return storage.getItem(key);
    } catch {
      available = false;
      return null;
    }
  };

  const write = (text: string): SaveResult => {
    if (!storage) return { ok: false, reason: 'unavailable' };
    const raw = JSON.stringify({ text, tab, savedAt: Date.now() } satisfies SavedEdit);
    try {
      storage.setItem(key, raw);
      seen = raw;
      return { ok: true };
    } catch (error) {
      if (isQuotaError(error)) return { ok: false, reason: 'full' };
      available = false;
      return { ok: false, reason: 'unavailable' };
    }
  };

  return {
    get available() {
      return available;
    },
    load() {
      const raw = read();
      seen = raw;
      return parse(raw);
    },
    save(text) {
      const raw = read();
      const current = parse(raw);
      if (raw !== seen && current && current.tab !== tab && current.text !== text) {
        return { ok: false, reason: 'conflict', theirs: current };
      }
      return write(text);
    },
    forceSave: write,
    clear() {
      if (!storage) return { ok: false, reason: 'unavailable' };
      try {
        storage.removeItem(key);
        seen = null;
        return { ok: true };
      } catch {
        available = false;
        return { ok: false, reason: 'unavailable' };
      }
    },
    adopt() {
      seen = read();
    },
  };
}
