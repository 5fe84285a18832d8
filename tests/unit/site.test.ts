import { describe, expect, it } from 'vitest';
import { withBase } from '../../src/site/paths.ts';
import {
  lessonNumber,
  lessonSlug,
  neighbours,
  readingMinutes,
  sortLessons,
} from '../../src/site/lesson-order.ts';

const lesson = (id: string) => ({ id, data: { title: id, summary: '', goVersions: ['1.19'] } });

describe('site paths and lesson order', () => {
  it('withBase() joins a path to a root or sub-path base', () => {
    expect(withBase('/lessons/x/', '/')).toBe('/lessons/x/');
    expect(withBase('/lessons/x/', '/docs/gc/')).toBe('/docs/gc/lessons/x/');
    expect(withBase('favicon.svg', '/docs')).toBe('/docs/favicon.svg');
  });

  it('lessonNumber() and lessonSlug() read the folder name', () => {
    expect(lessonNumber('03-reading-a-line')).toBe(3);
    expect(lessonSlug('03-reading-a-line')).toBe('reading-a-line');
    expect(lessonNumber('no-number')).toBe(Number.POSITIVE_INFINITY);
  });

  it('sortLessons() orders by number, not by text', () => {
    const sorted = sortLessons([lesson('10-ten'), lesson('02-two'), lesson('01-one')]);
    expect(sorted.map((l) => l.id)).toEqual(['01-one', '02-two', '10-ten']);
  });

  it('neighbours() gives previous and next, and nothing past the ends', () => {
    const all = [lesson('01-a'), lesson('02-b'), lesson('03-c')];
    expect(neighbours(all, '01-a').previous).toBeUndefined();
    expect(neighbours(all, '02-b').previous?.id).toBe('01-a');
    expect(neighbours(all, '02-b').next?.id).toBe('03-c');
    expect(neighbours(all, '03-c').next).toBeUndefined();
  });

  it('readingMinutes() counts prose words, not code blocks', () => {
    const prose = Array.from({ length: 440 }, () => 'word').join(' ');
    const code = '```go\n' + Array.from({ length: 2000 }, () => 'x := 1').join('\n') + '\n```';
    expect(readingMinutes(prose)).toBe(2);
    expect(readingMinutes(prose + '\n' + code)).toBe(2);
    expect(readingMinutes('')).toBe(1);
  });
});
