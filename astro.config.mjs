// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { searchIndex } from './src/integrations/search-index.ts';
import { serviceWorker } from './src/integrations/service-worker.ts';

/**
 * Monaco's ESM files import their CSS as side effects. Astro hoists CSS reachable from a
 * client script's dynamic import() into the page <head> (withastro/astro#9495), which would
 * make ~135 KB of editor CSS render-blocking on every lesson. Turning each such import into an
 * inline string that is injected when the editor chunk runs keeps the CSS inside the lazy chunk.
 */
function monacoCssInChunk() {
  return {
    name: 'monaco-css-in-chunk',
    enforce: /** @type {const} */ ('pre'),
    /** @param {string} code @param {string} id */
    transform(code, id) {
      if (!id.includes('/monaco-editor/esm/') || !code.includes('.css')) return null;
      let n = 0;
      const out = code.replace(/^import\s+(['"])([^'"]+\.css)\1;?$/gm, (_m, _q, path) => {
        const name = `__monacoCss${n++}`;
        return (
          `import ${name} from ${JSON.stringify(path + '?inline')};\n` +
          `if (typeof document !== 'undefined') { const s = document.createElement('style'); ` +
          `s.dataset.monaco = ''; s.textContent = ${name}; document.head.appendChild(s); }`
        );
      });
      return n === 0 ? null : { code: out, map: null };
    },
  };
}

export default defineConfig({
  // Deploy under a sub-path with BASE_PATH=/some/path/ at build time.
  base: process.env.BASE_PATH || '/',
  site: process.env.SITE_URL || undefined,
  trailingSlash: 'ignore',
  integrations: [
    mdx(),
    // A sitemap needs absolute URLs, so only a build with SITE_URL writes one.
    ...(process.env.SITE_URL ? [sitemap({ filter: (page) => !page.endsWith('/404/') })] : []),
    // The search index is written before the service worker lists dist/ to precache it.
    searchIndex(),
    serviceWorker(),
  ],
  markdown: {
    shikiConfig: {
      themes: { light: 'github-light-high-contrast', dark: 'github-dark-high-contrast' },
      defaultColor: false,
    },
  },
  devToolbar: { enabled: false },
  // Every page carries a Content-Security-Policy (a meta tag with the hashes of Astro's inline
  // scripts). Scripts come only from the site itself; 'wasm-unsafe-eval' lets the Go programs
  // compiled to WebAssembly run, and 'unsafe-eval' is never allowed. Styles allow 'unsafe-inline'
  // because the editor sets its layout in style attributes and injected <style> elements.
  security: {
    csp: {
      directives: [
        "default-src 'self'",
        "img-src 'self' data: blob:",
        "font-src 'self' data:",
        "connect-src 'self'",
        "worker-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
      styleDirective: { resources: ["'self'", "'unsafe-inline'"] },
    },
  },
  vite: {
    plugins: [monacoCssInChunk()],
    build: { chunkSizeWarningLimit: 4000 },
    worker: { format: 'es' },
  },
});
