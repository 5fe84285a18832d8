import { JSDOM } from 'jsdom';
import { expect, test } from './reused-page.ts';
import { sitePages } from './watch.ts';

test('every page has its own title and summary as card tags, and a card image that loads', async ({
  page,
  request,
}) => {
  const images = new Set<string>();
  // The tags are in the served HTML, for crawlers that run no script: read them from there.
  for (const path of await sitePages(page)) {
    const html = await (await request.get(path)).text();
    const { document } = new JSDOM(html).window;
    const content = (selector: string) =>
      document.querySelector(selector)?.getAttribute('content') ?? null;
    const title = document.title;
    const description = content('meta[name="description"]');
    expect(content('meta[property="og:title"]'), path).toBe(title);
    expect(content('meta[property="og:description"]'), path).toBe(description);
    expect(description!.length, path).toBeGreaterThan(20);
    expect(content('meta[name="twitter:card"]'), path).toBe('summary_large_image');
    expect(content('meta[name="twitter:title"]'), path).toBe(title);
    expect(content('meta[property="og:image:alt"]'), path).toBeTruthy();
    images.add(content('meta[property="og:image"]')!);
    // Built without SITE_URL: no absolute address is known, so no canonical link and no sitemap.
    expect(document.querySelectorAll('link[rel="canonical"]').length, path).toBe(0);
    expect(document.querySelectorAll('link[rel="sitemap"]').length, path).toBe(0);
  }
  for (const image of images) {
    const response = await request.get(image);
    expect(response.status(), image).toBe(200);
    expect(response.headers()['content-type']).toBe('image/png');
    // Small enough for a link preview to fetch quickly.
    expect((await response.body()).byteLength).toBeLessThan(100_000);
  }
});

test('robots.txt lets everything be crawled', async ({ request }) => {
  const response = await request.get('/robots.txt');
  expect(response.status()).toBe(200);
  expect(await response.text()).toBe('User-agent: *\nAllow: /\n');
});

test('the web app manifest names the site and its icons load at their stated sizes', async ({
  page,
}) => {
  await page.goto('/lessons/what-a-leak-is/');
  const href = (await page.locator('link[rel="manifest"]').getAttribute('href'))!;
  const manifest = await page.evaluate(async (url) => {
    const response = await fetch(url);
    const data = (await response.json()) as {
      name: string;
      start_url: string;
      display: string;
      icons: { src: string; sizes: string; purpose?: string }[];
    };
    const base = new URL(url, location.href);
    const icons = [];
    for (const icon of data.icons) {
      const blob = await (await fetch(new URL(icon.src, base))).blob();
      const size =
        blob.type === 'image/svg+xml'
          ? 'any'
          : await createImageBitmap(blob).then((bitmap) => `${bitmap.width}x${bitmap.height}`);
      icons.push({ stated: icon.sizes, actual: size, purpose: icon.purpose ?? 'any' });
    }
    return {
      type: response.headers.get('content-type'),
      name: data.name,
      display: data.display,
      start: new URL(data.start_url, base).pathname,
      icons,
    };
  }, href);
  expect(manifest.name).toBe('gctrace lab');
  expect(manifest.display).toBe('standalone');
  expect(manifest.start).toBe('/');
  for (const icon of manifest.icons) expect(icon.actual, icon.stated).toBe(icon.stated);
  // What browsers ask of an installable site: a 192 and a 512 icon, and one that can be masked.
  expect(manifest.icons.map((icon) => icon.stated)).toEqual(
    expect.arrayContaining(['192x192', '512x512']),
  );
  expect(manifest.icons.some((icon) => icon.purpose === 'maskable')).toBe(true);
});

test('a copy button tells screen readers "Copied"', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/lessons/running-a-trace/');
  const block = page.locator('.code-block').first();
  const announcer = page.locator('[data-copy-announcer]');
  // The live region is in the page before anything is said in it.
  await expect(announcer).toHaveAttribute('role', 'status');
  await expect(announcer).toHaveText('');
  await block.getByRole('button', { name: 'Copy code to clipboard' }).click();
  await expect(announcer).toHaveText('Copied');
  // A second copy is announced again: the region is emptied and filled anew.
  await expect(block.getByRole('button', { name: 'Copy code to clipboard' })).toHaveText('Copy', {
    timeout: 5_000,
  });
  const changes = await announcer.evaluate(
    (region) =>
      new Promise<string[]>((resolve) => {
        const seen: string[] = [];
        new MutationObserver(() => {
          seen.push(region.textContent ?? '');
          if (seen.includes('Copied')) resolve(seen);
        }).observe(region, { childList: true, characterData: true, subtree: true });
        region.closest('body')!.querySelector<HTMLButtonElement>('.copy-button')!.click();
      }),
  );
  expect(changes).toEqual(['', 'Copied']);
});
