/** What the site needs to know of a lesson to order and link it; a subset of the collection entry. */
export interface LessonRef {
  id: string;
  data: { title: string; summary: string; goVersions: string[] };
  body?: string;
}

/** The number that orders a lesson folder: "03-reading-a-line" → 3. */
export function lessonNumber(id: string): number {
  const match = /^(\d+)-/.exec(id);
  return match ? Number(match[1]) : Number.POSITIVE_INFINITY;
}

/** The URL slug of a lesson folder: the folder name without its number. */
export function lessonSlug(id: string): string {
  return id.replace(/^\d+-/, '');
}

/** Lessons in reading order. */
export function sortLessons<T extends LessonRef>(lessons: readonly T[]): T[] {
  return [...lessons].sort(
    (a, b) => lessonNumber(a.id) - lessonNumber(b.id) || a.id.localeCompare(b.id),
  );
}

/** The lessons before and after the one with this id, for previous/next links. */
export function neighbours<T extends LessonRef>(
  ordered: readonly T[],
  id: string,
): { previous: T | undefined; next: T | undefined } {
  const index = ordered.findIndex((lesson) => lesson.id === id);
  return {
    previous: index > 0 ? ordered[index - 1] : undefined,
    next: index >= 0 ? ordered[index + 1] : undefined,
  };
}

/** Minutes to read a lesson's MDX source at 220 words a minute, ignoring code, imports and tags. */
export function readingMinutes(body: string): number {
  const prose = body
    .replace(/```[\s\S]*?```/g, ' ')
    .replace(/^(import|export)\s.*$/gm, ' ')
    .replace(/<[^>]+>/g, ' ');
  const words = prose.split(/\s+/).filter((word) => /[A-Za-z0-9]/.test(word)).length;
  return Math.max(1, Math.round(words / 220));
}

/** "Go 1.5, 1.6–1.17" style label for the versions a lesson covers. */
export function goVersionsLabel(versions: readonly string[]): string {
  return `Go ${versions.join(', ')}`;
}
