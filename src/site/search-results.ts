/**
 * Turns Pagefind's search results into what the search dialog lists: one hit per section, each a
 * link straight to its heading (or glossary entry), with the excerpt as text and marks, never as
 * HTML. The shapes below are the parts of Pagefind's `pagefind.js` API the dialog reads.
 */

/** One section of a page that matched (a heading with an id, or the page itself). */
export interface PagefindSubResult {
  title: string;
  url: string;
  excerpt: string;
  /** Word positions of the matches in this section. */
  locations?: number[];
}

/** What `result.data()` gives for one matching page. */
export interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: { title?: string };
  sub_results?: PagefindSubResult[];
}

/** The part of `pagefind.js` the dialog calls. */
export interface PagefindModule {
  options(options: { baseUrl?: string; excerptLength?: number }): Promise<void>;
  init(): Promise<void>;
  debouncedSearch(
    query: string,
    options?: object,
    debounceMs?: number,
  ): Promise<{ results: { id: string; data(): Promise<PagefindResultData> }[] } | null>;
}

/** A run of excerpt text, marked where it matched the query. */
export interface ExcerptPart {
  text: string;
  marked: boolean;
}

/** One entry in the result list. */
export interface SearchHit {
  /** Where the link goes: the page, with `#id` of the section when there is one. */
  url: string;
  /** The section's heading, or the page's title for a match before any heading. */
  title: string;
  /** The page's title, shown when the section is not the page itself. */
  page: string;
  excerpt: ExcerptPart[];
}

const entities: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
};

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code =
        name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1));
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff
        ? String.fromCodePoint(code)
        : whole;
    }
    return entities[name.toLowerCase()] ?? whole;
  });
}

/**
 * Splits a Pagefind excerpt (escaped text with `<mark>` around matches) into plain and marked
 * runs. Any other tag is dropped, so the result is safe to put in the page as text.
 */
export function excerptParts(excerpt: string): ExcerptPart[] {
  const parts: ExcerptPart[] = [];
  let marked = false;
  for (const piece of excerpt.split(/(<\/?mark>)/i)) {
    if (/^<mark>$/i.test(piece)) marked = true;
    else if (/^<\/mark>$/i.test(piece)) marked = false;
    else {
      const text = decodeEntities(piece.replace(/<[^>]*>/g, ''));
      if (text === '') continue;
      const last = parts[parts.length - 1];
      if (last !== undefined && last.marked === marked) last.text += text;
      else parts.push({ text, marked });
    }
  }
  return parts;
}

/**
 * The hits for a list of matching pages, in Pagefind's order: up to `perPage` sections of each
 * page, those with the most matches first (in page order between equals). A section whose url is
 * the page's own stands for the page.
 */
export function searchHits(pages: readonly PagefindResultData[], perPage = 3): SearchHit[] {
  const hits: SearchHit[] = [];
  for (const page of pages) {
    const pageTitle = page.meta.title?.trim() || page.url;
    const sections = [...(page.sub_results ?? [])]
      .sort((a, b) => (b.locations?.length ?? 0) - (a.locations?.length ?? 0))
      .slice(0, perPage);
    if (sections.length === 0) {
      hits.push({
        url: page.url,
        title: pageTitle,
        page: pageTitle,
        excerpt: excerptParts(page.excerpt),
      });
      continue;
    }
    for (const section of sections) {
      hits.push({
        url: section.url,
        title: section.title.trim() || pageTitle,
        page: pageTitle,
        excerpt: excerptParts(section.excerpt),
      });
    }
  }
  return hits;
}

/** What the status line says after a search that matched `pages` pages. */
export function describeHits(query: string, pages: number): string {
  const shown = query.trim();
  if (shown === '') return '';
  if (pages === 0) return `No results for “${shown}”.`;
  return pages === 1 ? `1 page matches “${shown}”.` : `${pages} pages match “${shown}”.`;
}
