import { describe, expect, it } from 'vitest';
import { LiveText, utf8Length } from '../../../src/workbench/live-text.ts';

const utf8 = new TextEncoder();

describe('utf8Length', () => {
  it('counts the bytes TextEncoder writes, lone surrogates included', () => {
    for (const text of ['', 'gc 1 @0.1s', 'é', '→ 2 MB', '😀 x', '\ud800x', 'a\udc00', '\ud83d']) {
      expect(utf8Length(text)).toBe(utf8.encode(text).length);
    }
  });
});

describe('LiveText', () => {
  it('holds every append, in order, across sealed parts', async () => {
    const live = new LiveText();
    const line = 'gc 1 @0.012s 2%: 0.015+1.1+0.003 ms clock → é\n';
    let expected = '';
    // Past a megabyte, so part of the text is sealed into a Blob and part is still open.
    for (let i = 0; i < 30_000; i++) {
      const text = `${i} ${line}`;
      live.append(text, utf8Length(text));
      expected += text;
    }
    expect(live.size).toBe(utf8.encode(expected).length);
    expect(live.blob.size).toBe(live.size);
    expect(await live.blob.text()).toBe(expected);
    live.append('last\n', 5);
    expect(await live.blob.slice(live.size - 5).text()).toBe('last\n');
  });
});
