// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { replayTimeline } from '../../../src/client/present.ts';

// Hand-written lines in the Go 1.19 gctrace format.
const lines = [
  'gc 1 @0.010s 1%: 0.012+1.2+0.010 ms clock, 0.050+0.20/1.0/0+0.040 ms cpu, 4->4->1 MB, 4 MB goal, 0 MB stacks, 0 MB globals, 4 P',
  'program output',
  'gc 2 @0.250s 1%: 0.012+1.2+0.010 ms clock, 0.050+0.20/1.0/0+0.040 ms cpu, 4->4->1 MB, 4 MB goal, 0 MB stacks, 0 MB globals, 4 P',
];

describe('replayTimeline', () => {
  for (const [name, lineBreak] of [
    ['\\n', '\n'],
    ['\\r\\n', '\r\n'],
    ['a lone \\r', '\r'],
  ] as const) {
    it(`replayTimeline() replays each line of a trace whose lines end with ${name}`, () => {
      expect(replayTimeline(lines.join(lineBreak))).toEqual({ lines, atMs: [10, 10, 250] });
    });
  }
  it('replayTimeline() has nothing to replay in an empty text', () => {
    expect(replayTimeline('')).toEqual({ lines: [], atMs: [] });
  });
});
