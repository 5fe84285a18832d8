/**
 * A learner's progress, kept in the browser under one versioned localStorage key: which lessons
 * they have opened and which exercises they have solved. Every storage call is guarded: storage
 * may be switched off (a SecurityError on access) or full, and progress is never worth an error.
 */

/** The one localStorage key progress lives under. */
export const progressKey = 'gctrace-lab:progress';

/** Bumped when the stored shape changes; data of another version is read as no progress. */
export const progressVersion = 1;

/** What is kept for one lesson, by its URL slug. */
export interface LessonProgress {
  opened: boolean;
  /** Ids of the exercises answered right, in the order they were solved. */
  solved: string[];
}

export interface Progress {
  version: typeof progressVersion;
  lessons: Record<string, LessonProgress>;
}

/** What a write came to: kept, refused because storage is full, or storage not available. */
export type ProgressWrite = 'saved' | 'full' | 'unavailable';

/** The part of the Storage interface progress uses (a Map-backed fake in tests). */
export type ProgressStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export function emptyProgress(): Progress {
  return { version: progressVersion, lessons: {} };
}

/** Reads stored text; anything unreadable, of another version or of the wrong shape is no progress. */
export function parseProgress(raw: string | null): Progress {
  if (raw === null) return emptyProgress();
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return emptyProgress();
  }
  if (typeof value !== 'object' || value === null) return emptyProgress();
  const { version, lessons } = value as { version?: unknown; lessons?: unknown };
  if (version !== progressVersion || typeof lessons !== 'object' || lessons === null) {
    return emptyProgress();
  }
  const progress = emptyProgress();
  for (const [slug, entry] of Object.entries(lessons)) {
    if (typeof entry !== 'object' || entry === null) continue;
    const { opened, solved } = entry as { opened?: unknown; solved?: unknown };
    progress.lessons[slug] = {
      opened: opened === true,
      solved: Array.isArray(solved)
        ? [...new Set(solved.filter((id): id is string => typeof id === 'string'))]
        : [],
    };
  }
  return progress;
}

/** The progress stored now; none where storage is off. */
export function loadProgress(storage: ProgressStorage | null): Progress {
  if (storage === null) return emptyProgress();
  try {
    return parseProgress(storage.getItem(progressKey));
  } catch {
    return emptyProgress();
  }
}

function isQuotaError(error: unknown): boolean {
  return (
    error instanceof DOMException &&
    (error.name === 'QuotaExceededError' || error.name === 'NS_ERROR_DOM_QUOTA_REACHED')
  );
}

function update(
  storage: ProgressStorage | null,
  change: (progress: Progress) => boolean,
): ProgressWrite {
  if (storage === null) return 'unavailable';
  try {
    const progress = parseProgress(storage.getItem(progressKey));
    // Nothing new to keep: no write, so a full storage is no reason to complain.
    if (!change(progress)) return 'saved';
    storage.setItem(progressKey, JSON.stringify(progress));
    return 'saved';
  } catch (error) {
    return isQuotaError(error) ? 'full' : 'unavailable';
  }
}

function lessonEntry(progress: Progress, lesson: string): LessonProgress {
  return (progress.lessons[lesson] ??= { opened: false, solved: [] });
}

/** Notes that the learner opened a lesson. */
export function recordOpened(storage: ProgressStorage | null, lesson: string): ProgressWrite {
  return update(storage, (progress) => {
    const entry = lessonEntry(progress, lesson);
    if (entry.opened) return false;
    entry.opened = true;
    return true;
  });
}

/** Notes that the learner answered an exercise right (solving one also opens its lesson). */
export function recordSolved(
  storage: ProgressStorage | null,
  lesson: string,
  exercise: string,
): ProgressWrite {
  return update(storage, (progress) => {
    const entry = lessonEntry(progress, lesson);
    if (entry.opened && entry.solved.includes(exercise)) return false;
    entry.opened = true;
    if (!entry.solved.includes(exercise)) entry.solved.push(exercise);
    return true;
  });
}

/** Forgets all progress. */
export function clearProgress(storage: ProgressStorage | null): ProgressWrite {
  if (storage === null) return 'unavailable';
  try {
    storage.removeItem(progressKey);
    return 'saved';
  } catch {
    return 'unavailable';
  }
}

/** True when anything at all is recorded. */
export function hasProgress(progress: Progress): boolean {
  return Object.values(progress.lessons).some((entry) => entry.opened || entry.solved.length > 0);
}

/**
 * The words shown beside a lesson in the list: "" (not opened), "opened", or "opened · 3 of 9
 * exercises solved". Only exercises the lesson still has are counted.
 */
export function describeLessonProgress(
  entry: LessonProgress | undefined,
  exerciseIds: readonly string[],
): string {
  if (entry === undefined || (!entry.opened && entry.solved.length === 0)) return '';
  if (exerciseIds.length === 0) return 'opened';
  const solved = exerciseIds.filter((id) => entry.solved.includes(id)).length;
  const noun = exerciseIds.length === 1 ? 'exercise' : 'exercises';
  return `opened · ${solved} of ${exerciseIds.length} ${noun} solved`;
}

/** The ids of the <Exercise> elements in a lesson's MDX source, in order. */
export function exerciseIds(body: string): string[] {
  const ids: string[] = [];
  for (const match of body.matchAll(/<Exercise\s[\s\S]*?\bid=(["'])([^"']+)\1/g))
    ids.push(match[2]!);
  return ids;
}

/** The lesson slug of a page path (`/base/lessons/slug/` → "slug"), or null for other pages. */
export function lessonOfPath(pathname: string, base: string): string | null {
  const root = base.endsWith('/') ? base : `${base}/`;
  if (!pathname.startsWith(root)) return null;
  const match = /^lessons\/([a-z0-9][a-z0-9-]*)\/?$/.exec(pathname.slice(root.length));
  return match ? match[1]! : null;
}
