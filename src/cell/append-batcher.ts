/**
 * Gathers text that streams into a cell and applies it at most once per animation frame, so a
 * program printing thousands of lines a second costs the page one parse and one redraw per frame.
 * Applying is timed up to the next frame, so the time the browser then takes to lay out and paint
 * what changed counts too; the next batch waits as long again (and at least `minGapMs`), so the
 * page always keeps at least half its time for scrolling, typing and everything else.
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
  // The frame sets the pace; the work runs in a task of its own just after it, so that the
  // browser's layout and paint of the frame are not added to the same task.
  requestFrame: (callback) => void requestAnimationFrame(() => setTimeout(callback)),
  now: () => performance.now(),
};

export function appendBatcher(
  apply: (text: string) => void,
  options: { minGapMs?: number; clock?: BatcherClock } = {},
): AppendBatcher {
  const { minGapMs = 0, clock = browserClock } = options;
  let queued: string[] = [];
  let frameRequested = false;
  /** When the last apply began, while its cost is not yet known (null once measured). */
  let measuringSince: number | null = null;
  let notBefore = 0;

  const applyQueued = () => {
    if (queued.length === 0) return;
    const text = queued.join('');
    queued = [];
    measuringSince = clock.now();
    apply(text);
    // The next frame ends the measure, even when nothing new is queued by then.
    request();
  };

  const onFrame = () => {
    frameRequested = false;
    const now = clock.now();
    if (measuringSince !== null) {
      notBefore = measuringSince + Math.max(minGapMs, 2 * (now - measuringSince));
      measuringSince = null;
    }
    if (queued.length === 0) return;
    if (now < notBefore) {
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
