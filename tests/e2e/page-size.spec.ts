import { expect, test } from './reused-page.ts';
import { gzipSync } from 'node:zlib';
import { JSDOM } from 'jsdom';

/**
 * What each lesson page's HTML may weigh as served: bytes, gzip bytes and elements. Set from the
 * pages as they were once their cells shipped charts as one path per series and one summarised
 * table each (a third of the bytes and a fifth of the elements of before), with about 20% to
 * spare for the lessons' own growth. tests/unit/pages/lesson-size.test.ts holds the cells alone.
 */
const budgets: Record<string, { bytes: number; gzip: number; elements: number }> = {
  // Lessons 1, 5, 7, 8 and 9 have cells that run the real program; lesson 6 has the profiles
  // and a third run cell whose heap profiles the learner takes (it was the second half of lesson 5
  // until the two were split). Every cell has a keyboard help.
  'what-a-leak-is': { bytes: 128_000, gzip: 28_200, elements: 1_480 },
  'godebug-and-gctrace': { bytes: 67_000, gzip: 15_100, elements: 970 },
  'reading-one-line': { bytes: 109_000, gzip: 27_000, elements: 1_150 },
  'running-a-trace': { bytes: 103_000, gzip: 23_200, elements: 1_140 },
  'spotting-a-leak': { bytes: 245_000, gzip: 52_700, elements: 2_750 },
  'finding-where-it-leaks': { bytes: 181_000, gzip: 44_000, elements: 1_480 },
  // Lesson 7 split in two: GOGC stayed, GOGC=off and the memory limit became lesson 8.
  'goal-gogc-memory-limit': { bytes: 199_000, gzip: 35_800, elements: 2_690 },
  'gogc-off-and-the-memory-limit': { bytes: 108_000, gzip: 23_200, elements: 1_330 },
  'across-go-versions': { bytes: 125_000, gzip: 25_300, elements: 1_470 },
  exercises: { bytes: 110_000, gzip: 20_300, elements: 1_150 },
};

test('every lesson page is listed with a size budget', async ({ page }) => {
  await page.goto('/');
  const lessons = await page
    .locator('a[href^="/lessons/"]')
    .evaluateAll((links) => links.map((l) => l.getAttribute('href')!.split('/')[2]!));
  expect([...new Set(lessons)].sort()).toEqual(Object.keys(budgets).sort());
});

test("every lesson page's HTML stays within its size budget", async ({ request }) => {
  for (const [slug, budget] of Object.entries(budgets)) {
    const response = await request.get(`/lessons/${slug}/`);
    expect(response.status(), slug).toBe(200);
    const html = await response.body();
    const measured = {
      bytes: html.byteLength,
      gzip: gzipSync(html).byteLength,
      elements: new JSDOM(html).window.document.getElementsByTagName('*').length,
    };
    for (const key of ['bytes', 'gzip', 'elements'] as const) {
      expect(measured[key], `${slug} ${key}: ${JSON.stringify(measured)}`).toBeLessThanOrEqual(
        budget[key],
      );
    }
  }
});
