import { describe, expect, it } from 'vitest';
import { lineStream } from '../../../src/run/stream-lines.ts';

describe('lineStream()', () => {
  it('joins writes that end in the middle of a line into whole lines', () => {
    const lines = lineStream();
    expect(lines.push('gc 1 @0.0')).toEqual([]);
    expect(lines.push('12s 3%: ...\ngc 2')).toEqual(['gc 1 @0.012s 3%: ...']);
    expect(lines.push(' @0.020s\n')).toEqual(['gc 2 @0.020s']);
    expect(lines.end()).toBeNull();
  });

  it('reads \\r\\n as one line end and keeps empty lines', () => {
    const lines = lineStream();
    expect(lines.push('a\r\n\r\nb\r')).toEqual(['a', '']);
    expect(lines.push('\n')).toEqual(['b']);
  });

  it('gives the last line when the stream ends without a line end', () => {
    const lines = lineStream();
    lines.push('panic: oops\ngoroutine 1 [running]');
    expect(lines.end()).toBe('goroutine 1 [running]');
    expect(lines.end()).toBeNull();
  });
});
