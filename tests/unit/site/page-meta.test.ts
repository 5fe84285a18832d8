import { describe, expect, it } from 'vitest';
import { defaultImage, fullTitle, pageMeta, robotsTxt } from '../../../src/site/page-meta.ts';

const lesson = {
  title: 'Spotting a leak',
  description: 'Tell a leak from warm-up, a cache or a saw-tooth.',
  path: '/lessons/spotting-a-leak/',
  base: '/',
};

describe('page metadata', () => {
  it('pageMeta() gives no canonical link without the site URL, and card tags always', () => {
    const meta = pageMeta({ ...lesson, site: undefined });
    expect(meta.canonical).toBeUndefined();
    expect(meta.title).toBe('Spotting a leak · gctrace lab');
    const og = Object.fromEntries(meta.properties);
    expect(og['og:title']).toBe(meta.title);
    expect(og['og:description']).toBe(lesson.description);
    expect(og['og:url']).toBeUndefined();
    expect(og['og:image']).toBe(defaultImage.path);
    const twitter = Object.fromEntries(meta.names);
    expect(twitter['twitter:card']).toBe('summary_large_image');
    expect(twitter['twitter:image:alt']).toBe(defaultImage.alt);
  });

  it('pageMeta() makes absolute canonical, page and image URLs under a base path', () => {
    const meta = pageMeta({
      ...lesson,
      path: '/courses/gc/lessons/spotting-a-leak/',
      base: '/courses/gc/',
      site: new URL('https://example.org'),
    });
    expect(meta.canonical).toBe('https://example.org/courses/gc/lessons/spotting-a-leak/');
    const og = Object.fromEntries(meta.properties);
    expect(og['og:url']).toBe(meta.canonical);
    expect(og['og:image']).toBe('https://example.org/courses/gc/social-card.png');
  });

  it('pageMeta() gives the 404 page no canonical link', () => {
    const site = new URL('https://example.org/');
    expect(pageMeta({ ...lesson, path: '/404.html', site }).canonical).toBeUndefined();
    expect(pageMeta({ ...lesson, path: '/404/', site }).canonical).toBeUndefined();
    expect(pageMeta({ ...lesson, path: '/lessons/x404/', site }).canonical).toBeDefined();
  });

  it('a page may bring its own card image', () => {
    const image = { path: '/cards/lab.png', alt: 'The workbench', width: 800, height: 418 };
    const og = Object.fromEntries(pageMeta({ ...lesson, site: undefined, image }).properties);
    expect(og['og:image']).toBe('/cards/lab.png');
    expect(og['og:image:width']).toBe('800');
  });

  it('fullTitle() does not repeat the site name on the home page', () => {
    expect(fullTitle('gctrace lab')).toBe('gctrace lab');
    expect(fullTitle('Glossary')).toBe('Glossary · gctrace lab');
  });

  it('robotsTxt() names the sitemap only when the site URL is known', () => {
    expect(robotsTxt(undefined, '/')).toBe('User-agent: *\nAllow: /\n');
    expect(robotsTxt(new URL('https://example.org'), '/courses/gc/')).toBe(
      'User-agent: *\nAllow: /\n\nSitemap: https://example.org/courses/gc/sitemap-index.xml\n',
    );
  });
});
