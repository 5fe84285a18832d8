import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  clearProgress,
  describeLessonProgress,
  exerciseIds,
  hasProgress,
  lessonOfPath,
  loadProgress,
  parseProgress,
  progressKey,
  recordOpened,
  recordSolved,
  type ProgressStorage,
} from '../../../src/site/progress.ts';

/** A Map-backed Storage; `fail` makes a method throw the DOMException a browser would. */
function memoryStorage(fail: { get?: string; set?: string; remove?: string } = {}) {
  const items = new Map<string, string>();
  let writes = 0;
  const storage: ProgressStorage = {
    getItem(key) {
      if (fail.get) throw new DOMException('blocked', fail.get);
      return items.get(key) ?? null;
    },
    setItem(key, value) {
      if (fail.set) throw new DOMException('no room', fail.set);
      writes++;
      items.set(key, value);
    },
    removeItem(key) {
      if (fail.remove) throw new DOMException('blocked', fail.remove);
      items.delete(key);
    },
  };
  return { storage, items, writes: () => writes };
}

describe('progress', () => {
  it('recordOpened() and recordSolved() keep lessons and exercises under one versioned key', () => {
    const { storage, items } = memoryStorage();
    expect(recordOpened(storage, 'reading-one-line')).toBe('saved');
    expect(recordSolved(storage, 'exercises', 'pause')).toBe('saved');
    expect(recordSolved(storage, 'exercises', 'gogc')).toBe('saved');
    expect([...items.keys()]).toEqual([progressKey]);
    expect(JSON.parse(items.get(progressKey)!)).toEqual({
      version: 1,
      lessons: {
        'reading-one-line': { opened: true, solved: [] },
        exercises: { opened: true, solved: ['pause', 'gogc'] },
      },
    });
  });

  it('recording what is already recorded writes nothing, so a full storage is no error', () => {
    const { storage, writes } = memoryStorage();
    recordOpened(storage, 'a');
    recordSolved(storage, 'a', 'x');
    const before = writes();
    expect(recordOpened(storage, 'a')).toBe('saved');
    expect(recordSolved(storage, 'a', 'x')).toBe('saved');
    expect(writes()).toBe(before);
    expect(loadProgress(storage).lessons.a!.solved).toEqual(['x']);
  });

  it('a storage that is full or blocked is reported, never thrown', () => {
    expect(recordOpened(memoryStorage({ set: 'QuotaExceededError' }).storage, 'a')).toBe('full');
    expect(recordOpened(memoryStorage({ get: 'SecurityError' }).storage, 'a')).toBe('unavailable');
    expect(recordSolved(null, 'a', 'x')).toBe('unavailable');
    expect(loadProgress(memoryStorage({ get: 'SecurityError' }).storage)).toEqual({
      version: 1,
      lessons: {},
    });
    expect(clearProgress(memoryStorage({ remove: 'SecurityError' }).storage)).toBe('unavailable');
    expect(clearProgress(null)).toBe('unavailable');
  });

  it('clearProgress() forgets everything recorded', () => {
    const { storage, items } = memoryStorage();
    recordSolved(storage, 'a', 'x');
    items.set('gctrace-lab:theme', 'dark');
    expect(hasProgress(loadProgress(storage))).toBe(true);
    expect(clearProgress(storage)).toBe('saved');
    expect(hasProgress(loadProgress(storage))).toBe(false);
    expect(items.get('gctrace-lab:theme')).toBe('dark');
  });

  it('parseProgress() reads damaged, foreign or other-version data as no progress', () => {
    const none = { version: 1, lessons: {} };
    expect(parseProgress(null)).toEqual(none);
    expect(parseProgress('{"version":1,')).toEqual(none);
    expect(parseProgress('"text"')).toEqual(none);
    expect(parseProgress('{"version":2,"lessons":{"a":{"opened":true,"solved":[]}}}')).toEqual(
      none,
    );
    expect(
      parseProgress(
        '{"version":1,"lessons":{"a":{"opened":"yes","solved":["x",3,"x","y"]},"b":null}}',
      ),
    ).toEqual({ version: 1, lessons: { a: { opened: false, solved: ['x', 'y'] } } });
  });

  it('describeLessonProgress() says it in words, counting only exercises the lesson still has', () => {
    expect(describeLessonProgress(undefined, ['a'])).toBe('');
    expect(describeLessonProgress({ opened: true, solved: [] }, [])).toBe('opened');
    expect(describeLessonProgress({ opened: true, solved: ['b', 'gone'] }, ['a', 'b', 'c'])).toBe(
      'opened · 1 of 3 exercises solved',
    );
    expect(describeLessonProgress({ opened: true, solved: ['a'] }, ['a'])).toBe(
      'opened · 1 of 1 exercise solved',
    );
  });

  it('exerciseIds() finds every <Exercise> of the exercises lesson, in order', () => {
    const dir = 'content/lessons';
    const folder = readdirSync(dir).find((name) => name.endsWith('-exercises'))!;
    const body = readFileSync(`${dir}/${folder}/index.mdx`, 'utf8');
    const ids = exerciseIds(body);
    expect(ids.length).toBe((body.match(/<Exercise\s/g) ?? []).length);
    expect(ids.length).toBeGreaterThan(3);
    expect(new Set(ids).size).toBe(ids.length);
    expect(exerciseIds('<Exercise\n  sample="x"\n  id=\'two\'\n  kind="trend">')).toEqual(['two']);
    expect(exerciseIds('no exercises here')).toEqual([]);
  });

  it('lessonOfPath() knows lesson pages under any base, and nothing else', () => {
    expect(lessonOfPath('/lessons/spotting-a-leak/', '/')).toBe('spotting-a-leak');
    expect(lessonOfPath('/courses/gc/lessons/spotting-a-leak', '/courses/gc/')).toBe(
      'spotting-a-leak',
    );
    expect(lessonOfPath('/courses/gc/lessons/x/', '/courses/gc')).toBe('x');
    expect(lessonOfPath('/lessons/x/', '/courses/gc/')).toBeNull();
    expect(lessonOfPath('/glossary/', '/')).toBeNull();
    expect(lessonOfPath('/lessons/', '/')).toBeNull();
  });
});
