import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { writeSearchIndex } from '../../../src/integrations/search-index.ts';
import {
  describeHits,
  excerptParts,
  searchHits,
  type PagefindResultData,
} from '../../../src/site/search-results.ts';

describe('excerptParts()', () => {
  it('splits marks from text and decodes the escaped characters', () => {
    expect(
      excerptParts('the <mark>live</mark> heap 39-&gt;40-&gt;21 &amp; <mark>GOGC</mark>'),
    ).toEqual([
      { text: 'the ', marked: false },
      { text: 'live', marked: true },
      { text: ' heap 39->40->21 & ', marked: false },
      { text: 'GOGC', marked: true },
    ]);
  });

  it('keeps any other markup as inert text, never as tags', () => {
    const parts = excerptParts('<img src=x onerror=alert(1)>a &lt;script&gt; <b>b</b>');
    expect(parts).toEqual([{ text: 'a <script> b', marked: false }]);
  });

  it('joins neighbouring runs of the same kind and drops empty ones', () => {
    expect(excerptParts('<mark>a</mark><mark>b</mark>')).toEqual([{ text: 'ab', marked: true }]);
    expect(excerptParts('')).toEqual([]);
  });
});

const page = (
  url: string,
  title: string,
  sections: [string, string, number][],
): PagefindResultData => ({
  url,
  excerpt: `page <mark>excerpt</mark> of ${title}`,
  meta: { title },
  sub_results: sections.map(([hash, heading, matches]) => ({
    url: `${url}${hash}`,
    title: heading,
    excerpt: `about <mark>${heading}</mark>`,
    locations: Array.from({ length: matches }, (_, i) => i),
  })),
});

describe('searchHits()', () => {
  it('lists the sections with the most matches first, up to three a page, linking to the heading', () => {
    const glossary = page('/glossary/', 'Glossary', [
      ['#allocation', 'Allocation', 1],
      ['#assist', 'Mark assist', 4],
      ['#background-worker', 'Background mark worker', 2],
      ['#cpu-limiter', 'GC CPU limiter', 2],
    ]);
    const hits = searchHits([glossary]);
    expect(hits.map((hit) => [hit.url, hit.title])).toEqual([
      ['/glossary/#assist', 'Mark assist'],
      ['/glossary/#background-worker', 'Background mark worker'],
      ['/glossary/#cpu-limiter', 'GC CPU limiter'],
    ]);
    expect(hits[0]!.page).toBe('Glossary');
    expect(hits[0]!.excerpt).toEqual([
      { text: 'about ', marked: false },
      { text: 'Mark assist', marked: true },
    ]);
  });

  it('a page without sections is one hit with its own excerpt; order of pages is kept', () => {
    const bare = { ...page('/lessons/a/', 'A lesson', []), sub_results: undefined };
    const hits = searchHits([bare, page('/lessons/b/', 'B', [['', 'B', 1]])]);
    expect(hits.map((hit) => hit.url)).toEqual(['/lessons/a/', '/lessons/b/']);
    expect(hits[0]!.title).toBe('A lesson');
    expect(hits[1]!.title).toBe(hits[1]!.page);
  });

  it('describeHits() counts pages in words', () => {
    expect(describeHits('  ', 3)).toBe('');
    expect(describeHits('zzz', 0)).toBe('No results for “zzz”.');
    expect(describeHits('GOGC ', 1)).toBe('1 page matches “GOGC”.');
    expect(describeHits('heap', 7)).toBe('7 pages match “heap”.');
  });
});

/** The text and anchors Pagefind stored for each page (fragments are gzipped JSON after a tag). */
function fragments(
  dir: string,
): { url: string; content: string; anchors: { id: string; title?: string }[] }[] {
  const folder = join(dir, 'pagefind', 'fragment');
  return readdirSync(folder).map((name) => {
    const text = gunzipSync(readFileSync(join(folder, name))).toString('utf8');
    return JSON.parse(text.slice(text.indexOf('{')));
  });
}

describe('the search index', () => {
  const dist = mkdtempSync(join(tmpdir(), 'gctrace-lab-search-'));
  afterAll(() => rmSync(dist, { recursive: true, force: true }));
  const write = (path: string, main: string) => {
    mkdirSync(join(dist, path), { recursive: true });
    writeFileSync(
      join(dist, path, 'index.html'),
      `<!doctype html><html lang="en"><head><title>t</title></head><body>` +
        `<header><nav>Lessons Workbench Simulator</nav></header><main id="main">${main}</main>` +
        `<footer>Save for offline use</footer></body></html>`,
    );
  };
  // The shapes of the site's own markup: a lesson with a cell and an exercise, the glossary.
  write(
    'lessons/spotting-a-leak',
    `<article class="lesson"><header class="lesson-header"><p class="kicker">Lesson 5 of 8</p>` +
      `<h1>Spotting a leak</h1></header><nav class="toc-inline">On this page</nav>` +
      `<div class="prose"><h2 id="the-live-heap">The live heap</h2><p>Watch the floor rise.</p>` +
      `<trace-cell><section><h3 id="cell-leaking-title">leaking-map: sessions kept forever</h3>` +
      `<div class="editor-box"><textarea>gc 1 @0.010s</textarea></div>` +
      `<div class="cell-body"><p>Live heap keeps growing</p><svg><text>quarantined</text></svg></div>` +
      `</section></trace-cell>` +
      `<trace-exercise><p>What is the pause?</p><details class="ex-reveal"><summary>Show</summary>` +
      `<p>hippopotamus milliseconds</p></details></trace-exercise></div></article>`,
  );
  write(
    'glossary',
    `<h1>Glossary</h1><dl><div class="entry" id="assist" data-pagefind-title="Mark assist">` +
      `<dt>Mark assist</dt> <dd>Marking done by a goroutine that allocates.</dd></div></dl>`,
  );
  write('lab', `<h1>Workbench</h1><p>Paste a trace.</p>`);

  it('indexes the lessons and the glossary only, without answers, traces or navigation', async () => {
    expect(await writeSearchIndex(dist)).toBe(2);
    const pages = fragments(dist);
    expect(pages.map((p) => p.url).sort()).toEqual(['/glossary/', '/lessons/spotting-a-leak/']);
    const lesson = pages.find((p) => p.url === '/lessons/spotting-a-leak/')!;
    expect(lesson.content).toContain('Watch the floor rise.');
    expect(lesson.content).toContain('leaking-map: sessions kept forever');
    for (const hidden of [
      'hippopotamus',
      'gc 1 @',
      'quarantined',
      'Lesson 5 of 8',
      'On this page',
      'Workbench',
      'offline',
    ]) {
      expect(lesson.content).not.toContain(hidden);
    }
    expect(lesson.anchors.map((a) => a.id)).toEqual(
      expect.arrayContaining(['the-live-heap', 'cell-leaking-title']),
    );
  });

  it('keeps each glossary entry as a titled anchor, its term apart from its definition', () => {
    const glossary = fragments(dist).find((p) => p.url === '/glossary/')!;
    expect(glossary.anchors).toContainEqual(
      expect.objectContaining({ id: 'assist', title: 'Mark assist' }),
    );
    expect(glossary.content).toMatch(/Mark assist\s+Marking done/);
  });

  it("writes pagefind.js and its index, and leaves out Pagefind's own interfaces", () => {
    const files = readdirSync(join(dist, 'pagefind'));
    expect(files).toEqual(expect.arrayContaining(['pagefind.js', 'pagefind-entry.json']));
    expect(files.filter((file) => /-ui\.|highlight/.test(file))).toEqual([]);
  });
});
