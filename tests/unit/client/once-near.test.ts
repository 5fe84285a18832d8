// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { onceNear } from '../../../src/client/once-near.ts';

/** Stands in for the browser's IntersectionObserver; `report` plays an intersection change. */
class FakeObserver {
  static made: FakeObserver[] = [];
  observed: Element[] = [];
  disconnected = false;
  private readonly callback: (entries: { isIntersecting: boolean }[]) => void;
  readonly options: { rootMargin: string };
  constructor(
    callback: (entries: { isIntersecting: boolean }[]) => void,
    options: { rootMargin: string },
  ) {
    this.callback = callback;
    this.options = options;
    FakeObserver.made.push(this);
  }
  observe(element: Element): void {
    this.observed.push(element);
  }
  disconnect(): void {
    this.disconnected = true;
  }
  report(isIntersecting: boolean): void {
    if (!this.disconnected) this.callback([{ isIntersecting }]);
  }
}

afterEach(() => {
  vi.unstubAllGlobals();
  FakeObserver.made = [];
});

describe('onceNear()', () => {
  it('runs the action once, when the element first comes near, with the margin given', () => {
    vi.stubGlobal('IntersectionObserver', FakeObserver);
    const element = document.createElement('div');
    const action = vi.fn();
    onceNear(element, action, '600px 0px');
    const observer = FakeObserver.made[0]!;
    expect(observer.observed).toEqual([element]);
    expect(observer.options.rootMargin).toBe('600px 0px');
    observer.report(false);
    expect(action).not.toHaveBeenCalled();
    observer.report(true);
    observer.report(true);
    expect(action).toHaveBeenCalledTimes(1);
    expect(observer.disconnected).toBe(true);
  });

  it('never runs the action once watching is stopped', () => {
    vi.stubGlobal('IntersectionObserver', FakeObserver);
    const action = vi.fn();
    const stop = onceNear(document.createElement('div'), action, '200px 0px');
    stop();
    FakeObserver.made[0]!.report(true);
    expect(action).not.toHaveBeenCalled();
  });

  it('runs the action at once where the browser has no IntersectionObserver', () => {
    const own = Object.getOwnPropertyDescriptor(window, 'IntersectionObserver');
    delete (window as unknown as Record<string, unknown>).IntersectionObserver;
    try {
      const action = vi.fn();
      const stop = onceNear(document.createElement('div'), action, '600px 0px');
      expect(action).toHaveBeenCalledTimes(1);
      expect(stop).not.toThrow();
    } finally {
      if (own) Object.defineProperty(window, 'IntersectionObserver', own);
    }
  });
});
