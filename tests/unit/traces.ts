import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** The repository's root folder. */
export const repoRoot = join(import.meta.dirname, '../..');

/** Where trace files live: the site's samples first, then the test-only fixtures. */
export const traceFolders = [
  'content/traces',
  'content/traces/simulator',
  'tests/fixtures',
] as const;

/** The text of a file by its path from the repository root, e.g. 'content/traces/steady.txt'. */
export function readTrace(path: string): string {
  return readFileSync(join(repoRoot, path), 'utf8');
}

/** Every .txt trace in traceFolders, as paths from the repository root, sorted within a folder. */
export function traceFiles(): string[] {
  return traceFolders.flatMap((folder) =>
    readdirSync(join(repoRoot, folder))
      .filter((name) => name.endsWith('.txt'))
      .sort()
      .map((name) => `${folder}/${name}`),
  );
}
