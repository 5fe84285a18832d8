import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeShare, encodeShare, maxFragmentChars } from '../../../src/workbench/share.ts';

const steady = readFileSync(new URL('../../../content/traces/steady.txt', import.meta.url), 'utf8');

describe('share links', () => {
  it('round-trips a trace through the fragment', async () => {
    const result = await encodeShare(steady);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.fragment).toMatch(/^trace=[A-Za-z0-9_-]+$/);
    expect(await decodeShare('#' + result.fragment)).toBe(steady);
  });

  it('says when a trace is too big for a link', async () => {
    let noise = '';
    let x = 1;
    for (let i = 0; i < 200_000; i++) {
      x ^= x << 13;
      x ^= x >>> 17;
      x ^= x << 5;
      noise += String.fromCharCode(33 + ((x >>> 0) % 90));
    }
    const result = await encodeShare(noise);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.fragmentChars).toBeGreaterThan(maxFragmentChars);
    expect(result.message).toMatch(/more than the 64 KB/);
  });

  it('reports damaged and cut-off links instead of throwing something unreadable', async () => {
    const result = await encodeShare(steady);
    if (!result.ok) throw new Error('expected a link');
    await expect(decodeShare('#' + result.fragment.slice(0, 60))).rejects.toThrow(
      /damaged or cut off/,
    );
    await expect(decodeShare('#trace=%%%')).rejects.toThrow(/damaged/);
    expect(await decodeShare('#other=1')).toBeNull();
  });
});
