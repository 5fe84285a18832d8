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
    /** Runs the frame callbacks that are due, `ms` after the previous frame. */
    frame(ms = 16) {
      time += ms;
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
    const batcher = appendBatcher((text) => applied.push(text), { clock: t.clock });
    batcher.push('a');
    batcher.push('b');
    batcher.push('c');
    expect(applied).toEqual([]);
    expect(t.pendingFrames()).toBe(1);
    t.frame();
    expect(applied).toEqual(['abc']);
    t.frame(); // the frame that measures the apply
    expect(t.pendingFrames()).toBe(0);
  });

  it('waits twice as long as an apply took, up to the frame after it, before the next', () => {
    const t = testClock();
    const applied: string[] = [];
    const batcher = appendBatcher(
      (text) => {
        applied.push(text);
        t.advance(30); // a slow redraw
      },
      { clock: t.clock },
    );
    batcher.push('1');
    t.frame(); // applies '1' at 16; it takes until 46
    batcher.push('2');
    t.frame(14); // 60: 44 ms since the apply began, so nothing before 16 + 88 = 104
    expect(applied).toEqual(['1']);
    t.frame(30); // 90
    expect(applied).toEqual(['1']);
    t.frame(20); // 110
    expect(applied).toEqual(['1', '2']);
  });

  it('keeps at least minGapMs between two applies', () => {
    const t = testClock();
    const applied: string[] = [];
    const batcher = appendBatcher((text) => applied.push(text), {
      clock: t.clock,
      minGapMs: 100,
    });
    batcher.push('1');
    t.frame(); // applied at 16
    for (let i = 0; i < 5; i++) {
      batcher.push(String(i + 2));
      t.frame(); // 32 … 96
    }
    expect(applied).toEqual(['1']);
    t.frame(); // 112: 96 ms … not yet
    t.frame(); // 128
    expect(applied).toEqual(['1', '23456']);
  });

  it('flush() applies what is queued at once, and clear() drops it', () => {
    const t = testClock();
    const applied: string[] = [];
    const batcher = appendBatcher((text) => applied.push(text), { clock: t.clock });
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
