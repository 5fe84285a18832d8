import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { classifyLink, isWebPage } from '../../../src/workbench/link.ts';
import { decodeShare, encodeShare } from '../../../src/workbench/share.ts';

const page = 'https://gctrace.example/lab/';

describe('link classification', () => {
  it('recognises a workbench share link and keeps its fragment', async () => {
    const steady = readFileSync(
      new URL('../../../content/traces/steady.txt', import.meta.url),
      'utf8',
    );
    const shared = await encodeShare({ text: steady });
    if (!shared.ok) throw new Error('expected a share link');
    const link = classifyLink(`https://elsewhere.example/lab/#${shared.fragment}`, page);
    expect(link.kind).toBe('share');
    if (link.kind !== 'share') return;
    expect((await decodeShare(link.hash))?.text).toBe(steady);
  });

  it('fetches http and https addresses, named by their file or else their host', () => {
    const file = classifyLink('https://traces.example/runs/prod.log?raw=1', page);
    expect(file).toMatchObject({ kind: 'fetch', name: 'prod.log' });
    if (file.kind === 'fetch')
      expect(file.url.href).toBe('https://traces.example/runs/prod.log?raw=1');
    expect(classifyLink('http://traces.example/', page)).toMatchObject({
      kind: 'fetch',
      name: 'traces.example',
    });
  });

  it('resolves a relative address against the page', () => {
    const link = classifyLink('../traces/steady.txt', page);
    expect(link.kind).toBe('fetch');
    if (link.kind === 'fetch')
      expect(link.url.href).toBe('https://gctrace.example/traces/steady.txt');
  });

  it('refuses what is not a link, and links the browser must not fetch', () => {
    expect(classifyLink('http://', page)).toEqual({
      kind: 'refused',
      message: 'That is not a link. Paste a whole address, starting with https://.',
    });
    for (const address of ['ftp://traces.example/a.txt', 'file:///tmp/a.txt', 'javascript:1'])
      expect(classifyLink(address, page)).toEqual({
        kind: 'refused',
        message: 'Only http and https links can be loaded.',
      });
  });

  it("refuses the workbench's own address when it carries no trace", () => {
    for (const address of [page, `${page}#main`, `${page}?x=1#t2=abc`])
      expect(classifyLink(address, page)).toMatchObject({
        kind: 'refused',
        message: expect.stringMatching(/address of this page, with no trace in it/),
      });
  });

  it('tells a web page from a trace by its type or its first characters', () => {
    const steady = readFileSync(
      new URL('../../../content/traces/steady.txt', import.meta.url),
      'utf8',
    );
    expect(isWebPage('text/html; charset=utf-8', steady)).toBe(true);
    expect(isWebPage(null, '\n<!DOCTYPE html><html lang="en">')).toBe(true);
    expect(isWebPage('text/plain', '<html><body>')).toBe(true);
    expect(isWebPage('text/plain; charset=utf-8', steady)).toBe(false);
    expect(isWebPage(null, steady)).toBe(false);
  });
});
