/**
 * The metadata in every page's head: a canonical link when the site's absolute URL is known
 * (SITE_URL at build time), and Open Graph and Twitter card tags with the page's title, summary
 * and image. Also robots.txt, which names the sitemap when there is one.
 */

export const siteName = 'gctrace lab';

/** The card image every page shares unless it names its own (public/, 1200 × 630). */
export const defaultImage = {
  path: '/social-card.png',
  alt: 'gctrace lab: the heap chart of a leaking Go program, whose live heap climbs to 21 MB in ten seconds.',
  width: 1200,
  height: 630,
};

export interface PageMetaInput {
  /** The page's own title, without the site's name. */
  title: string;
  description: string;
  /** The page's path as served, base included (Astro.url.pathname). */
  path: string;
  /** The absolute site URL (Astro.site), undefined when SITE_URL was not set. */
  site: URL | undefined;
  /** The base path the site is served under ('/' or '/some/path/'). */
  base: string;
  image?: { path: string; alt: string; width: number; height: number };
}

export interface PageMeta {
  title: string;
  canonical: string | undefined;
  /** <meta property=… content=…> pairs (Open Graph). */
  properties: [string, string][];
  /** <meta name=… content=…> pairs (Twitter cards). */
  names: [string, string][];
}

function joinBase(base: string, path: string): string {
  return `${base.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}

/** The full title shown in the tab: "Page · gctrace lab", or the site name alone. */
export function fullTitle(title: string): string {
  return title === siteName ? title : `${title} · ${siteName}`;
}

/** Everything the head needs for one page. */
export function pageMeta(input: PageMetaInput): PageMeta {
  const title = fullTitle(input.title);
  const image = input.image ?? defaultImage;
  const imagePath = joinBase(input.base, image.path);
  // Without the site's URL a canonical link cannot be absolute, and a relative one is worse than
  // none; the card image falls back to a path, which some readers resolve and others ignore.
  // The page for unknown addresses is served at every wrong URL: it is nobody's canonical page.
  const notFound = /\/404(\.html|\/)?$/.test(input.path);
  const canonical = input.site && !notFound ? new URL(input.path, input.site).href : undefined;
  const imageUrl = input.site ? new URL(imagePath, input.site).href : imagePath;
  const properties: [string, string][] = [
    ['og:type', 'website'],
    ['og:site_name', siteName],
    ['og:title', title],
    ['og:description', input.description],
    ...(canonical ? ([['og:url', canonical]] as [string, string][]) : []),
    ['og:image', imageUrl],
    ['og:image:alt', image.alt],
    ['og:image:width', String(image.width)],
    ['og:image:height', String(image.height)],
  ];
  const names: [string, string][] = [
    ['twitter:card', 'summary_large_image'],
    ['twitter:title', title],
    ['twitter:description', input.description],
    ['twitter:image', imageUrl],
    ['twitter:image:alt', image.alt],
  ];
  return { title, canonical, properties, names };
}

/** robots.txt: everything may be crawled; the sitemap is named when the site's URL is known. */
export function robotsTxt(site: URL | undefined, base: string): string {
  const lines = ['User-agent: *', 'Allow: /'];
  if (site) lines.push('', `Sitemap: ${new URL(joinBase(base, 'sitemap-index.xml'), site).href}`);
  return `${lines.join('\n')}\n`;
}
