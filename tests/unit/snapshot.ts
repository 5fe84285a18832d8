import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, relative } from 'node:path';
import { expect } from 'vitest';

/** `dir/name.ext` → `dir/name-changed.ext`: where a mismatching result is written for review. */
export function changedPath(file: string): string {
  return file.replace(/(\.[^./]+)?$/, (ext) => `-changed${ext}`);
}

/**
 * The one snapshot rule for golden JSON and SVG: compares `actual` with the file `file`. A missing
 * file is written and passes locally but fails on CI (CI must only compare, never create); a
 * mismatch writes `<name>-changed.<ext>` beside it and fails. UPDATE_SNAPSHOTS=1 rewrites the
 * file instead (never on CI).
 */
export function expectSnapshotFile(file: string, actual: string): void {
  const changed = changedPath(file);
  const shown = relative(process.cwd(), file);
  const onCI = Boolean(process.env.CI);
  if (!existsSync(file) || (Boolean(process.env.UPDATE_SNAPSHOTS) && !onCI)) {
    if (onCI)
      expect.fail(`missing snapshot ${shown}: run the tests locally to write it, then commit it`);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, actual);
    rmSync(changed, { force: true });
    return;
  }
  if (readFileSync(file, 'utf8') === actual) {
    rmSync(changed, { force: true });
    return;
  }
  writeFileSync(changed, actual);
  expect.fail(`${shown} differs from the result; see ${relative(process.cwd(), changed)}`);
}
