import { describe, expect, it } from 'vitest';
import { appendBatcher, type BatcherClock } from '../../../src/cell/append-batcher.ts';

/** A clock whose frames run when the test says, and whose time moves when the test says. */
function testClock() {
  let time = 0;
  let frames: (() => void)[] = [];
  const clock: BatcherClock = {
    requestFrame: (callback) => void frames.push(callback),
    now: () => time,
  };
  return {
    clock,
    advance: (ms: number) => (time += ms),
    frame() {
      const due = frames;
      frames = [];
      for (const callback of due) callback();
    },
    pendingFrames: () => frames.length,
  };
}

describe('appendBatcher()', () => {
  it('applies everything pushed between two frames once, in order', () => {
    const t = testClock();
    const applied: string[] = [];
    const batcher = appendBatcher((text) => applied.push(text), t.clock);
    batcher.push('a');
    batcher.push('b');
    batcher.push('c');
    expect(applied).toEqual([]);
    expect(t.pendingFrames()).toBe(1);
    t.frame();
    expect(applied).toEqual(['abc']);
    expect(t.pendingFrames()).toBe(0);
  });

  it('waits as long as the last apply took before applying again', () => {
    const t = testClock();
    const applied: string[] = [];
    const batcher = appendBatcher((text) => {
      applied.push(text);
      t.advance(40); // a slow redraw
    }, t.clock);
    batcher.push('1');
    t.frame();
    batcher.push('2');
    t.advance(16);
    t.frame(); // 16 ms after an apply that took 40: too soon
    expect(applied).toEqual(['1']);
    t.advance(30);
    t.frame();
    expect(applied).toEqual(['1', '2']);
  });

  it('flush() applies what is queued at once, and clear() drops it', () => {
    const t = testClock();
    const applied: string[] = [];
    const batcher = appendBatcher((text) => applied.push(text), t.clock);
    batcher.push('kept');
    batcher.flush();
    expect(applied).toEqual(['kept']);
    batcher.push('dropped');
    batcher.clear();
    t.frame();
    batcher.flush();
    expect(applied).toEqual(['kept']);
  });
});
