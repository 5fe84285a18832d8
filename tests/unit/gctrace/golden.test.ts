import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseTrace, traceView } from '../../../src/gctrace/index.ts';
import { expectSnapshotFile } from '../snapshot.ts';

const fixtures = fileURLToPath(new URL('../../fixtures/', import.meta.url));
const golden = `${fixtures}golden/`;

/** Stable, trimmed view: key cycle fields, diagnostics, runs, line kinds and companion counts. */
function goldenView(text: string): unknown {
  const parsed = parseTrace(text);
  const { companions, ...rest } = traceView(parsed) as { companions: { kind: string }[] };
  const companionKinds: Record<string, number> = {};
  for (const c of companions) companionKinds[c.kind] = (companionKinds[c.kind] ?? 0) + 1;
  return { ...rest, companionKinds };
}

describe('parseTrace golden files', () => {
  const names = readdirSync(fixtures).filter((name) => name.endsWith('.txt'));
  it('finds the fixtures', () => expect(names.length).toBeGreaterThan(0));
  for (const name of names) {
    const base = name.replace(/\.txt$/, '');
    it(`parseTrace(${name}) matches golden/${base}.json`, () => {
      const actual =
        JSON.stringify(goldenView(readFileSync(fixtures + name, 'utf8')), null, 2) + '\n';
      expectSnapshotFile(`${golden}${base}.json`, actual);
    });
  }
});
