/**
 * The pace of a live trace on the page. Lines arrive from the stream whenever the program prints
 * them; the dataset and the view take them in batches, one update at a time, after an animation
 * frame and at most ten a second, so a program printing thousands of lines a second never floods
 * the page: what arrives during an update waits for the next one. A line after a quiet spell is
 * shown at once. Pausing keeps receiving but holds the lines here, counted, with the view frozen;
 * resuming takes them in and shows them.
 */

/** Where the lines go, and what shows them. */
export interface LiveFeedTarget {
  /** Hands whole lines to the dataset (`end`: nothing more will come); resolves once read. */
  append(lines: string[], end: boolean): Promise<void>;
  /** Redraws what follows the dataset, which now holds lines 1 … `lastLine`; resolves when shown. */
  show(lastLine: number): Promise<void>;
  /** The dataset failed: the feed stops taking lines. */
  failed(error: Error): void;
}

export interface LiveFeedOptions {
  /** Resolves at the next animation frame (or soon, when the page is hidden and paints none). */
  nextFrame?: () => Promise<void>;
  /** Updates start at least this far apart (milliseconds). */
  minIntervalMs?: number;
  /** The clock (milliseconds) and a timer, for the tests. */
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  /** Lines handed over in one update at most: a long pause is caught up in steps. */
  maxBatchLines?: number;
}

/** Resolves at the next animation frame, or after 100 ms when the page paints none (hidden). */
export function nextFrame(): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, 100);
    requestAnimationFrame(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}

export class LiveFeed {
  /** Lines received from the stream. */
  received = 0;
  /** Lines handed to the dataset. */
  taken = 0;
  /** Lines the view showed at its last update. */
  shown = 0;
  paused = false;
  /** The stream has ended (the program exited, the pipe closed). */
  ended = false;
  /** The dataset has been told that nothing more will come. */
  finished = false;
  /** Called when a count or state changes (often: coalesce before touching the page). */
  onChange: () => void = () => undefined;
  private stopped = false;
  private running = false;
  private queue: string[][] = [];
  private head = 0;
  private readonly target: LiveFeedTarget;
  private readonly frame: () => Promise<void>;
  private readonly maxBatch: number;
  private readonly minInterval: number;
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(target: LiveFeedTarget, options: LiveFeedOptions = {}) {
    this.target = target;
    this.frame = options.nextFrame ?? nextFrame;
    this.maxBatch = options.maxBatchLines ?? 20_000;
    this.minInterval = options.minIntervalMs ?? 100;
    this.now = options.now ?? (() => performance.now());
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  }

  /** Lines received and not yet handed to the dataset (the new lines while paused). */
  get waiting(): number {
    return this.received - this.taken;
  }

  /** New lines from the stream, in order. */
  receive(lines: string[]): void {
    if (this.stopped || lines.length === 0) return;
    this.queue.push(lines);
    this.received += lines.length;
    this.onChange();
    void this.pump();
  }

  /** The stream has ended: once the lines still waiting are in, the dataset is finished. */
  end(): void {
    if (this.ended) return;
    this.ended = true;
    this.onChange();
    void this.pump();
  }

  /** Freezes the view after the update under way; lines keep arriving and are counted. */
  pause(): void {
    if (this.paused) return;
    this.paused = true;
    this.onChange();
  }

  /** Takes in the lines that waited and follows the stream again. */
  resume(): void {
    if (!this.paused) return;
    this.paused = false;
    this.onChange();
    void this.pump();
  }

  /** Stops for good: nothing more is taken or shown. */
  stop(): void {
    this.stopped = true;
    this.queue = [];
    this.head = 0;
  }

  /** Up to `maxBatch` lines from the front of the queue. */
  private take(): string[] {
    const batch: string[] = [];
    while (this.head < this.queue.length && batch.length < this.maxBatch) {
      const next = this.queue[this.head]!;
      const room = this.maxBatch - batch.length;
      if (next.length <= room) {
        for (const line of next) batch.push(line);
        this.head++;
      } else {
        for (let i = 0; i < room; i++) batch.push(next[i]!);
        this.queue[this.head] = next.slice(room);
      }
    }
    if (this.head === this.queue.length) {
      this.queue = [];
      this.head = 0;
    }
    return batch;
  }

  private get hasWork(): boolean {
    return this.head < this.queue.length || (this.ended && !this.finished);
  }

  /** One update at a time: take what waits, hand it over, show it, let a frame pass. */
  private async pump(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      while (!this.stopped && !this.paused && this.hasWork) {
        const started = this.now();
        const batch = this.take();
        const end = this.ended && this.head === this.queue.length;
        this.taken += batch.length;
        if (end) this.finished = true;
        await this.target.append(batch, end);
        if (this.stopped) return;
        await this.target.show(this.taken);
        this.shown = this.taken;
        this.onChange();
        await this.frame();
        const rest = this.minInterval - (this.now() - started);
        if (rest > 0 && this.hasWork) await this.sleep(rest);
      }
    } catch (error) {
      this.stop();
      this.target.failed(error instanceof Error ? error : new Error(String(error)));
    } finally {
      this.running = false;
    }
  }
}
