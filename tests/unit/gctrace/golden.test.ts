import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseTrace, traceView } from '../../../src/gctrace/index.ts';
import { expectSnapshotFile } from '../snapshot.ts';
import { readTrace, repoRoot, traceFiles } from '../traces.ts';

const golden = join(repoRoot, 'tests/fixtures/golden');

/** Stable, trimmed view: key cycle fields, diagnostics, runs, line kinds and companion counts. */
function goldenView(text: string): unknown {
  const parsed = parseTrace(text);
  const { companions, ...rest } = traceView(parsed) as { companions: { kind: string }[] };
  const companionKinds: Record<string, number> = {};
  for (const c of companions) companionKinds[c.kind] = (companionKinds[c.kind] ?? 0) + 1;
  return { ...rest, companionKinds };
}

describe('parseTrace golden files', () => {
  // One golden file per trace, named after it, in content/traces and tests/fixtures alike.
  const files = traceFiles();
  const base = (file: string) => basename(file, '.txt');
  it('finds the traces, each name in one folder only', () => {
    expect(files.length).toBeGreaterThan(0);
    expect(new Set(files.map(base)).size).toBe(files.length);
  });
  for (const file of files) {
    it(`parseTrace(${file}) matches golden/${base(file)}.json`, () => {
      const actual = JSON.stringify(goldenView(readTrace(file)), null, 2) + '\n';
      expectSnapshotFile(join(golden, `${base(file)}.json`), actual);
    });
  }
});
