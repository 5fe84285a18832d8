import { describe, expect, it } from 'vitest';
import { LiveFeed } from '../../../src/workbench/live-feed.ts';

/** A promise the test settles by hand. */
function deferred() {
  let resolve!: () => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** Lets every settled promise's callbacks run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

/** A feed whose appends, shows and frames wait until the test lets them go. */
function harness(maxBatchLines?: number, clock = { now: 0, sleeps: [] as number[] }) {
  const appends: { lines: string[]; end: boolean; done: ReturnType<typeof deferred> }[] = [];
  const shows: { lastLine: number; done: ReturnType<typeof deferred> }[] = [];
  const frames: ReturnType<typeof deferred>[] = [];
  const failures: Error[] = [];
  const feed = new LiveFeed(
    {
      append(lines, end) {
        const done = deferred();
        appends.push({ lines, end, done });
        return done.promise;
      },
      show(lastLine) {
        const done = deferred();
        shows.push({ lastLine, done });
        return done.promise;
      },
      failed: (error) => failures.push(error),
    },
    {
      nextFrame() {
        const done = deferred();
        frames.push(done);
        return done.promise;
      },
      maxBatchLines,
      now: () => clock.now,
      sleep: (ms) => {
        clock.sleeps.push(ms);
        clock.now += ms;
        return Promise.resolve();
      },
    },
  );
  /** Completes the update under way: its append, its show, then the frame after it. */
  const finishUpdate = async () => {
    appends.at(-1)!.done.resolve();
    await settle();
    shows.at(-1)!.done.resolve();
    await settle();
    frames.at(-1)!.resolve();
    await settle();
  };
  return { feed, appends, shows, frames, failures, finishUpdate };
}

const lines = (from: number, count: number) =>
  Array.from({ length: count }, (_, i) => `line ${from + i}`);

describe('LiveFeed', () => {
  it('hands the first lines over at once, and gathers what arrives meanwhile into one update', async () => {
    const { feed, appends, shows, finishUpdate } = harness();
    feed.receive(lines(1, 2));
    expect(appends.map((a) => a.lines)).toEqual([lines(1, 2)]);
    feed.receive(lines(3, 1));
    feed.receive(lines(4, 3));
    await finishUpdate();
    expect(shows.map((s) => s.lastLine)).toEqual([2]);
    expect(feed.shown).toBe(2);
    // Everything that arrived during the first update goes in the second, after a frame.
    expect(appends.map((a) => a.lines)).toEqual([lines(1, 2), lines(3, 4)]);
    await finishUpdate();
    expect(shows.map((s) => s.lastLine)).toEqual([2, 6]);
    expect(appends).toHaveLength(2);
    expect([feed.received, feed.taken, feed.shown]).toEqual([6, 6, 6]);
  });

  it('never starts an update before the last one is shown and a frame has passed', async () => {
    const { feed, appends, shows, frames } = harness();
    feed.receive(lines(1, 1));
    appends[0]!.done.resolve();
    await settle();
    feed.receive(lines(2, 1));
    await settle();
    expect(appends).toHaveLength(1);
    shows[0]!.done.resolve();
    await settle();
    expect(appends).toHaveLength(1);
    frames[0]!.resolve();
    await settle();
    expect(appends).toHaveLength(2);
  });

  it('starts updates at least 100 ms apart while lines keep coming, and at once after a lull', async () => {
    const clock = { now: 0, sleeps: [] as number[] };
    const { feed, appends, finishUpdate } = harness(undefined, clock);
    feed.receive(lines(1, 1));
    clock.now += 30;
    feed.receive(lines(2, 1));
    await finishUpdate();
    // The first update took 30 ms: the next waits the other 70.
    expect(clock.sleeps).toEqual([70]);
    expect(appends).toHaveLength(2);
    clock.now += 150;
    await finishUpdate();
    expect(clock.sleeps).toEqual([70]);
    // Nothing waits now; a line after a lull goes at once.
    clock.now += 5;
    feed.receive(lines(3, 1));
    expect(appends).toHaveLength(3);
  });

  it('counts new lines while paused without showing them, and catches up on resume', async () => {
    const { feed, appends, shows, finishUpdate } = harness();
    feed.receive(lines(1, 5));
    await finishUpdate();
    feed.pause();
    feed.receive(lines(6, 10));
    feed.receive(lines(16, 4));
    await settle();
    expect(appends).toHaveLength(1);
    expect(feed.waiting).toBe(14);
    expect(feed.shown).toBe(5);
    feed.resume();
    expect(appends.at(-1)!.lines).toEqual(lines(6, 14));
    await finishUpdate();
    expect(shows.at(-1)!.lastLine).toBe(19);
    expect(feed.waiting).toBe(0);
  });

  it('lets the update under way finish when paused, then stops', async () => {
    const { feed, appends, finishUpdate } = harness();
    feed.receive(lines(1, 3));
    feed.pause();
    feed.receive(lines(4, 2));
    await finishUpdate();
    expect(feed.shown).toBe(3);
    expect(appends).toHaveLength(1);
    expect(feed.waiting).toBe(2);
  });

  it('catches up a long pause in steps of at most maxBatchLines', async () => {
    const { feed, appends, finishUpdate } = harness(4);
    feed.pause();
    feed.receive(lines(1, 3));
    feed.receive(lines(4, 7));
    feed.resume();
    expect(appends.at(-1)!.lines).toEqual(lines(1, 4));
    await finishUpdate();
    expect(appends.at(-1)!.lines).toEqual(lines(5, 4));
    await finishUpdate();
    expect(appends.at(-1)!.lines).toEqual(lines(9, 2));
    await finishUpdate();
    expect(appends).toHaveLength(3);
  });

  it('finishes the dataset once, with the last lines, when the stream ends', async () => {
    const { feed, appends, finishUpdate } = harness();
    feed.receive(lines(1, 2));
    feed.receive(lines(3, 1));
    feed.end();
    await finishUpdate();
    expect(appends.map((a) => [a.lines.length, a.end])).toEqual([
      [2, false],
      [1, true],
    ]);
    await finishUpdate();
    expect(feed.finished).toBe(true);
    feed.end();
    await settle();
    expect(appends).toHaveLength(2);
  });

  it('finishes an empty stream with an empty final append', async () => {
    const { feed, appends } = harness();
    feed.end();
    expect(appends.map((a) => [a.lines, a.end])).toEqual([[[], true]]);
  });

  it('holds the end while paused, and finishes on resume', async () => {
    const { feed, appends } = harness();
    feed.pause();
    feed.receive(lines(1, 2));
    feed.end();
    await settle();
    expect(appends).toHaveLength(0);
    feed.resume();
    expect(appends.map((a) => [a.lines.length, a.end])).toEqual([[2, true]]);
  });

  it('stops and reports when the dataset fails', async () => {
    const { feed, appends, failures } = harness();
    feed.receive(lines(1, 1));
    appends[0]!.done.reject(new Error('worker gone'));
    await settle();
    expect(failures.map((e) => e.message)).toEqual(['worker gone']);
    feed.receive(lines(2, 1));
    expect(appends).toHaveLength(1);
  });
});
