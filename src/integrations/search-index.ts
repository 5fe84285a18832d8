/**
 * Builds the site's search index with Pagefind after the pages are written: the lessons (their
 * prose, field explanations and cell titles) and the glossary. The index is static files in
 * dist/pagefind/, so search works offline once the service worker has cached them; list this
 * integration before the service worker's so that they are there when it lists dist/.
 */
import type { AstroIntegration } from 'astro';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';

/** The pages searched, as a glob over dist/. */
export const indexedPages = '{lessons/*/index.html,glossary/index.html}';

/**
 * Parts of a page left out of the index: navigation, traces and charts (numbers, not words), the
 * exercises' answers (a search must not give them away) and the controls' labels.
 */
export const excludedFromIndex = [
  'nav',
  '.sidebar',
  '.toc-inline',
  'svg',
  'table',
  'trace-cell .editor-box',
  'trace-cell pre',
  'trace-cell .cell-status-row',
  'trace-cell .cell-body',
  '.ex-trace',
  '.ex-form',
  '.ex-hint',
  '.ex-reveal',
  '.al-readout',
  '.lesson-header .meta',
  '.lesson-header .kicker',
];

/** Pagefind's ready-made interfaces: the site has its own dialog over pagefind.js. */
const unusedOutputs = [
  'pagefind-ui.js',
  'pagefind-ui.css',
  'pagefind-modular-ui.js',
  'pagefind-modular-ui.css',
  'pagefind-component-ui.js',
  'pagefind-component-ui.css',
  'pagefind-highlight.js',
];

/** Writes dist/pagefind/ from the built pages. */
export async function writeSearchIndex(distDir: string): Promise<number> {
  const { index, errors } = await pagefind.createIndex({
    rootSelector: 'main',
    excludeSelectors: excludedFromIndex,
    forceLanguage: 'en',
  });
  try {
    if (!index) throw new Error(errors.join('; '));
    const added = await index.addDirectory({ path: distDir, glob: indexedPages });
    if (added.errors.length > 0) throw new Error(added.errors.join('; '));
    if (added.page_count === 0) throw new Error(`no page matched ${indexedPages}`);
    const outputPath = join(distDir, 'pagefind');
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length > 0) throw new Error(written.errors.join('; '));
    for (const file of unusedOutputs) rmSync(join(outputPath, file), { force: true });
    return added.page_count;
  } finally {
    await pagefind.close();
  }
}

/** The Astro integration that indexes the built site for search. */
export function searchIndex(): AstroIntegration {
  return {
    name: 'gctrace-lab-search-index',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        try {
          const pages = await writeSearchIndex(fileURLToPath(dir));
          logger.info(`indexed ${pages} pages for search`);
        } catch (error) {
          throw new Error(`The search index could not be built: ${(error as Error).message}`);
        }
      },
    },
  };
}
