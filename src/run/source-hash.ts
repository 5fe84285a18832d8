/**
 * The source hash of the in-page programs' folder, recorded for each WebAssembly build in
 * public/wasm/manifest.json: a build whose hash differs from the folder's was built from other
 * source. Node only (scripts/wasm-manifest.mjs and the tests).
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** How the hash is taken, written into the manifest for whoever needs to recompute it. */
export const sourceHashedAs =
  'sha256 over every file of the folder, sorted by path: path, NUL, size in bytes, NUL, contents';

export function sha256(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(path) : [path];
  });
}

/** The hash of every file under `dir` (see `sourceHashedAs`). */
export function sourceHash(dir: string): string {
  const hash = createHash('sha256');
  const files = filesUnder(dir)
    .map((file) => ({ file, path: relative(dir, file).split(sep).join('/') }))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  for (const { file, path } of files) {
    const bytes = readFileSync(file);
    hash.update(`${path}\0${bytes.length}\0`).update(bytes);
  }
  return hash.digest('hex');
}
