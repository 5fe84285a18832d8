/**
 * Gathers text that streams into a cell and applies it at most once per animation frame, so a
 * program printing thousands of lines a second costs the page one parse and one redraw per frame.
 * When applying takes long (a big trace redraws big charts), the next batch waits as long again,
 * so the page always has at least half its time for scrolling, typing and painting.
 */
export interface AppendBatcher {
  /** Queues text; it is applied at the next frame the page can spare. */
  push(text: string): void;
  /** Applies whatever is queued now (the end of a run). */
  flush(): void;
  /** Forgets what is queued (the run's text was replaced). */
  clear(): void;
}

export interface BatcherClock {
  requestFrame(callback: () => void): void;
  now(): number;
}

const browserClock: BatcherClock = {
  requestFrame: (callback) => void requestAnimationFrame(() => callback()),
  now: () => performance.now(),
};

export function appendBatcher(
  apply: (text: string) => void,
  clock: BatcherClock = browserClock,
): AppendBatcher {
  let queued: string[] = [];
  let frameRequested = false;
  let notBefore = 0;

  const applyQueued = () => {
    if (queued.length === 0) return;
    const text = queued.join('');
    queued = [];
    const began = clock.now();
    apply(text);
    const ended = clock.now();
    notBefore = ended + (ended - began);
  };

  const onFrame = () => {
    frameRequested = false;
    if (queued.length === 0) return;
    if (clock.now() < notBefore) {
      request();
      return;
    }
    applyQueued();
  };

  function request(): void {
    if (frameRequested) return;
    frameRequested = true;
    clock.requestFrame(onFrame);
  }

  return {
    push(text) {
      if (text === '') return;
      queued.push(text);
      request();
    },
    flush: applyQueued,
    clear() {
      queued = [];
    },
  };
}
