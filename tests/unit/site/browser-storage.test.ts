// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import {
  browserStorage,
  readStored,
  removeStored,
  writeStored,
} from '../../../src/site/browser-storage.ts';

/** Makes reading `window[name]` throw, as a browser with site data blocked does. */
function block(name: 'localStorage' | 'sessionStorage'): () => void {
  const own = Object.getOwnPropertyDescriptor(window, name);
  Object.defineProperty(window, name, {
    configurable: true,
    get() {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    },
  });
  return () => {
    if (own) Object.defineProperty(window, name, own);
    else delete (window as unknown as Record<string, unknown>)[name];
  };
}

let unblock: (() => void)[] = [];
afterEach(() => {
  unblock.forEach((undo) => undo());
  unblock = [];
  localStorage.clear();
  sessionStorage.clear();
});

describe('browser storage', () => {
  it('reads, writes and forgets where the browser allows it', () => {
    expect(writeStored('session', 'gctrace-lab:x', '1')).toBe(true);
    expect(readStored('session', 'gctrace-lab:x')).toBe('1');
    expect(removeStored('session', 'gctrace-lab:x')).toBe(true);
    expect(readStored('session', 'gctrace-lab:x')).toBeNull();
    expect(browserStorage('local')).toBe(localStorage);
  });

  it('answers "nothing kept" instead of throwing where storage is blocked', () => {
    unblock.push(block('localStorage'), block('sessionStorage'));
    expect(() => window.sessionStorage).toThrow();
    expect(browserStorage('local')).toBeNull();
    expect(browserStorage('session')).toBeNull();
    expect(writeStored('session', 'gctrace-lab:x', '1')).toBe(false);
    expect(readStored('local', 'gctrace-lab:x')).toBeNull();
    expect(removeStored('local', 'gctrace-lab:x')).toBe(false);
  });

  it('answers false when a write is refused (storage full)', () => {
    const full = {
      setItem() {
        throw new DOMException('full', 'QuotaExceededError');
      },
    };
    const own = Object.getOwnPropertyDescriptor(window, 'localStorage');
    Object.defineProperty(window, 'localStorage', { configurable: true, get: () => full });
    unblock.push(() => Object.defineProperty(window, 'localStorage', own!));
    expect(writeStored('local', 'gctrace-lab:x', '1')).toBe(false);
  });
});
