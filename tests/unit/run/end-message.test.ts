import { describe, expect, it } from 'vitest';
import { endMessage } from '../../../src/run/end-message.ts';

describe('endMessage()', () => {
  it('says how each run ended, with its time and its line count', () => {
    expect(endMessage({ kind: 'exit', code: 0 }, 'steady', 15_234, 80, true)).toBe(
      'steady ended after 15.2 s: 80 lines on standard error. The trace can be edited now.',
    );
    expect(endMessage({ kind: 'exit', code: 2 }, 'steady', 100, 1, true)).toMatch(
      /^steady ended with exit status 2 after 0\.1 s: 1 line on standard error\./,
    );
    expect(endMessage({ kind: 'stopped' }, 'steady', 4000, 12, true)).toMatch(
      /^Stopped after 4\.0 s/,
    );
    expect(
      endMessage({ kind: 'memory-cap', memoryBytes: 530 * 2 ** 20 }, 'x', 9000, 3, true),
    ).toMatch(/memory reached 530 MB, past the 512 MB/);
    expect(endMessage({ kind: 'time-cap', ms: 45_000 }, 'x', 45_001, 3, true)).toMatch(
      /^Stopped after 45\.0 s, the longest/,
    );
  });

  it('adds a hint about the network only when the browser is offline', () => {
    const failed = { kind: 'failed', message: 'The program could not be downloaded.' } as const;
    expect(endMessage(failed, 'x', 0, 0, true)).not.toMatch(/offline/);
    expect(endMessage(failed, 'x', 0, 0, false)).toMatch(/offline only after it has run once/);
  });
});
