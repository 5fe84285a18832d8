import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { explainAt, lineText, parseTrace } from '../../../src/gctrace/index.ts';

/**
 * Characterisation of the hovers: explainAt at every column of every line of every fixture,
 * stored as one short hash per line so the golden file stays small yet a change still
 * points at the first line whose hovers differ.
 */
const fixtureDirs = ['../../fixtures/', '../../../content/traces/'].map((d) =>
  fileURLToPath(new URL(d, import.meta.url)),
);
const goldenPath = fileURLToPath(new URL('../../snapshots/explain-at.json', import.meta.url));
const changedPath = goldenPath.replace(/\.json$/, '-changed.json');
const hashLength = 6;

function lineHash(results: unknown[]): string {
  return createHash('sha256')
    .update(JSON.stringify(results))
    .digest('base64url')
    .slice(0, hashLength);
}

/** Every explanation of a line, from column 1 to one past its last character. */
function explanationsOfLine(parsed: ReturnType<typeof parseTrace>, line: number): unknown[] {
  const length = lineText(parsed, line).length;
  const out: unknown[] = [];
  for (let column = 1; column <= length + 1; column++) out.push(explainAt(parsed, line, column));
  return out;
}

function hashesOf(text: string): string {
  const parsed = parseTrace(text);
  let hashes = '';
  for (let line = 1; line <= parsed.lineCount; line++)
    hashes += lineHash(explanationsOfLine(parsed, line));
  return hashes;
}

describe('explainAt characterisation', () => {
  const files = fixtureDirs.flatMap((dir) =>
    readdirSync(dir)
      .filter((name) => name.endsWith('.txt'))
      .sort()
      .map((name) => ({
        key: `${dir.includes('content') ? 'content/traces' : 'tests/fixtures'}/${name}`,
        path: dir + name,
      })),
  );

  it('explainAt at every character of every fixture matches snapshots/explain-at.json', () => {
    expect(files.length).toBeGreaterThan(40);
    const actual: Record<string, string> = {};
    for (const f of files) actual[f.key] = hashesOf(readFileSync(f.path, 'utf8'));
    const serialised = JSON.stringify(actual, null, 1) + '\n';
    if (!existsSync(goldenPath)) {
      if (process.env.CI) throw new Error(`missing ${goldenPath}`);
      writeFileSync(goldenPath, serialised);
      return;
    }
    const expected = JSON.parse(readFileSync(goldenPath, 'utf8')) as Record<string, string>;
    const keys = [...new Set([...Object.keys(expected), ...Object.keys(actual)])].sort();
    for (const key of keys) {
      const was = expected[key] ?? '';
      const now = actual[key] ?? '';
      if (was === now) continue;
      writeFileSync(changedPath, serialised);
      let i = 0;
      while (i < Math.min(was.length, now.length) && was[i] === now[i]) i++;
      const line = Math.floor(i / hashLength) + 1;
      const file = files.find((f) => f.key === key);
      const detail =
        file === undefined || now === ''
          ? `${key} is ${now === '' ? 'gone' : 'new'}`
          : `${key} line ${line}: ${JSON.stringify(explanationsOfLine(parseTrace(readFileSync(file.path, 'utf8')), line)).slice(0, 400)}`;
      expect.fail(
        `explainAt changed first at ${detail}; the new hashes are in snapshots/explain-at-changed.json`,
      );
    }
  }, 180_000);
});
