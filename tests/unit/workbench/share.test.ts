import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  UnknownLinkError,
  decodeShare,
  encodeShare,
  maxFragmentChars,
  type SharedView,
} from '../../../src/workbench/share.ts';

const traces = (name: string) =>
  readFileSync(new URL(`../../../content/traces/${name}.txt`, import.meta.url), 'utf8');
const steady = traces('steady');

/**
 * A link in the first format (`#trace=…`, the trace alone), as the page made it before links kept
 * the view: the first four lines of content/traces/steady.txt.
 */
const version1Link =
  'https://gctrace.example/lab/#trace=ldE7bsMwDAbgvafg0kkP89c7HYQie4BewdXgIS5cQO39C8pGCwQZ0kGURHH4RC6NQK9smV0nnJ5fiC0jKlgoyXr66NTWrV21vHjJxjzBYuJRkEfB57cmb2ow1dPlrCnQ5UzLNq-aWI79a27XflyWdXuf167J0dvT0sjtgNQJYQeEpNx9wMkJIE1yjBNb-FGVfhXJ1GJqGYryH4UfCkgbcLQhKGf5nsIVxbZ4UUSJwI0C0VRkU5EGZGwPS4JIEKUfB8Qr2P2j7gaSJJvEECTkcef4NxQ2VRbygPjHB_MD';

describe('share links', () => {
  it('round-trips a trace through the fragment, marked with its format', async () => {
    const result = await encodeShare({ text: steady });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.fragment).toMatch(/^v=2&trace=[A-Za-z0-9_-]+$/);
    expect((await decodeShare('#' + result.fragment))?.text).toBe(steady);
  });

  it('keeps the view: run, range, selected cycle, names and the comparison trace with its run', async () => {
    const multi = traces('go-run-multiprocess');
    const other = traces('gogc-200');
    const view: SharedView = {
      text: multi,
      name: 'go-run-multiprocess',
      run: 1,
      zoom: [0.25, 1.5],
      line: 12,
      compare: { text: multi, name: 'second', run: 2 },
    };
    const result = await encodeShare(view);
    if (!result.ok) throw new Error(result.message);
    expect(new URLSearchParams(result.fragment).get('brun')).toBe('3');
    expect(await decodeShare('#' + result.fragment)).toEqual(view);
    // The second trace's first run is the default, left out of the link.
    const plain = await encodeShare({ text: multi, compare: { text: other, run: 0 } });
    if (!plain.ok) throw new Error(plain.message);
    expect(new URLSearchParams(plain.fragment).has('brun')).toBe(false);
    expect((await decodeShare('#' + plain.fragment))?.compare).toEqual({
      text: other,
      name: null,
      run: null,
    });
  });

  it('still opens a link in the first format, the trace alone', async () => {
    const view = await decodeShare(new URL(version1Link).hash);
    expect(view?.text).toBe(steady.split('\n').slice(0, 4).join('\n') + '\n');
    expect(view?.run ?? null).toBeNull();
    expect(view?.zoom ?? null).toBeNull();
    expect(view?.compare ?? null).toBeNull();
  });

  it('leaves out a view part that makes no sense rather than refusing the trace', async () => {
    const result = await encodeShare({ text: steady });
    if (!result.ok) throw new Error(result.message);
    const view = await decodeShare(`#${result.fragment}&run=x&from=5&to=2&line=-3`);
    expect(view).toMatchObject({ text: steady, run: null, zoom: null, line: null });
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
    const result = await encodeShare({ text: noise });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.fragmentChars).toBeGreaterThan(maxFragmentChars);
    expect(result.message).toMatch(/more than the 64 KB/);
  });

  it('reports damaged and cut-off links instead of throwing something unreadable', async () => {
    const result = await encodeShare({ text: steady });
    if (!result.ok) throw new Error('expected a link');
    await expect(decodeShare('#' + result.fragment.slice(0, 60))).rejects.toThrow(
      /damaged or cut off/,
    );
    await expect(decodeShare('#trace=%%%')).rejects.toThrow(/damaged/);
    expect(await decodeShare('')).toBeNull();
    expect(await decodeShare('#')).toBeNull();
  });

  it('says a link of an unknown or newer format is one, instead of ignoring it', async () => {
    for (const hash of ['#t2=abc', '#ldE7bsMwDAbg', '#v=1&trace=abc'])
      await expect(decodeShare(hash)).rejects.toThrow(UnknownLinkError);
    await expect(decodeShare('#t2=abc')).rejects.toThrow(/not a share link this page knows/);
    await expect(decodeShare('#v=3&trace=abc')).rejects.toThrow(/newer version of this page/);
  });

  it('says an empty share link holds no trace', async () => {
    const result = await encodeShare({ text: '' });
    if (!result.ok) throw new Error(result.message);
    await expect(decodeShare('#' + result.fragment)).rejects.toThrow(/holds no trace/);
    await expect(decodeShare('#trace=')).rejects.toThrow(/holds no trace/);
  });
});
