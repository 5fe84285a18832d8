import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { lineKindAt, parseTrace, traceView } from '../../../src/gctrace/index.ts';

/**
 * Every capture of content/traces/go1.NN/ (real runs of the same programs under each Go
 * release): its parse matches a golden file, and every line is accounted for.
 */
const traces = fileURLToPath(new URL('../../../content/traces/', import.meta.url));
const golden = fileURLToPath(new URL('../../fixtures/golden/releases/', import.meta.url));

interface Capture {
  /** `go1.NN/<name>`, the sample id. */
  id: string;
  text: string;
  provenance: { goVersion: string; program: string; truth: string };
}

const captures: Capture[] = readdirSync(traces)
  .filter((dir) => /^go1\.\d+$/.test(dir))
  .sort()
  .flatMap((dir) =>
    readdirSync(traces + dir)
      .filter((name) => name.endsWith('.txt'))
      .sort()
      .map((name) => {
        const base = `${dir}/${name.replace(/\.txt$/, '')}`;
        return {
          id: base,
          text: readFileSync(`${traces}${base}.txt`, 'utf8'),
          provenance: JSON.parse(readFileSync(`${traces}${base}.json`, 'utf8')),
        };
      }),
  );

/** The parse with companion lines reduced to counts per kind, as in golden.test.ts. */
function goldenView(text: string): unknown {
  const { companions, ...rest } = traceView(parseTrace(text)) as { companions: { kind: string }[] };
  const companionKinds: Record<string, number> = {};
  for (const c of companions) companionKinds[c.kind] = (companionKinds[c.kind] ?? 0) + 1;
  return { ...rest, companionKinds };
}

/** JSON with one line per array item, so a change shows as the cycles it touches. */
function serialise(view: unknown): string {
  const entries = Object.entries(view as Record<string, unknown>).map(([key, value]) => {
    const body = Array.isArray(value)
      ? value.length === 0
        ? '[]'
        : `[\n${value.map((item) => `    ${JSON.stringify(item)}`).join(',\n')}\n  ]`
      : JSON.stringify(value);
    return `  ${JSON.stringify(key)}: ${body}`;
  });
  return `{\n${entries.join(',\n')}\n}\n`;
}

/**
 * gc lines counted from the raw text by how the runtime ends them (`N P`, `N P (forced)`):
 * the end survives when other output breaks into the middle of a line.
 */
function gcLineEnds(text: string): number {
  return text.split('\n').filter((line) => /\d+ P( \(forced\))?$/.test(line)).length;
}

/** A count the capture's provenance (`truth`, after `trace:`) states, e.g. "46 pacer: lines". */
function stated(truth: string, what: string): number {
  const after = truth.slice(truth.indexOf('trace:'));
  const m = new RegExp(`(\\d+) ${what.replace(/[()]/g, '\\$&')}`).exec(after);
  return m === null ? 0 : Number(m[1]);
}

/**
 * Captures where program output broke a gc line right after `gc ` (`gc leaking-map: …` then
 * `24 @1.003s …` on the next line); such a line is not rejoined yet.
 */
const splitAfterGc = new Set(['go1.24/gomemlimit-60mib-gogc100', 'go1.24/leaking-map']);

describe('captures of every Go release', () => {
  it('finds captures of at least six releases', () => {
    expect(new Set(captures.map((c) => c.id.split('/')[0])).size).toBeGreaterThanOrEqual(6);
  });

  for (const { id, text } of captures)
    it(`parseTrace(${id}) matches golden/releases/${id}.json`, () => {
      const expectedPath = `${golden}${id}.json`;
      const actual = serialise(goldenView(text));
      if (!existsSync(expectedPath)) {
        if (process.env.UPDATE_GOLDEN === '1') {
          mkdirSync(expectedPath.slice(0, expectedPath.lastIndexOf('/')), { recursive: true });
          writeFileSync(expectedPath, actual);
          return;
        }
        throw new Error(`missing ${expectedPath}; run with UPDATE_GOLDEN=1 to create it`);
      }
      const expected = readFileSync(expectedPath, 'utf8');
      if (actual !== expected) {
        writeFileSync(expectedPath.replace(/\.json$/, '-changed.json'), actual);
        expect.fail(`parse of ${id} changed; see golden/releases/${id}-changed.json`);
      }
    });

  for (const { id, text, provenance } of captures)
    (splitAfterGc.has(id) ? it.fails : it)(
      `${id}: every line is a cycle, a runtime line or the program's own output`,
      () => {
        const parsed = parseTrace(text);
        const program = provenance.program.split('/').at(-2)!;
        const lines = text.split('\n');
        const unexplained: string[] = [];
        for (let line = 1; line <= parsed.lineCount; line++) {
          const kind = lineKindAt(parsed, line);
          if (kind === 'cycle' || kind === 'companion') continue;
          // The programs start each progress line with their name (content/programs/*/main.go).
          if (kind === 'output' && lines[line - 1]!.startsWith(`${program}: `)) continue;
          unexplained.push(`${line} (${kind}): ${lines[line - 1]}`);
        }
        expect(unexplained).toEqual([]);
        expect(parsed.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      },
    );

  for (const { id, text, provenance } of captures)
    (splitAfterGc.has(id) ? it.fails : it)(
      `${id}: one cycle per gc line, numbered without gaps, runtime lines as counted`,
      () => {
        const parsed = parseTrace(text);
        expect(parsed.cycles.length).toBe(gcLineEnds(text));
        const first = parsed.cycles[0]!.gc;
        expect(parsed.cycles.map((c) => c.gc)).toEqual(parsed.cycles.map((_, i) => first + i));
        const kinds = (prefix: string) =>
          parsed.companions.filter((c) => c.kind.startsWith(prefix)).length;
        const truth = provenance.truth;
        expect(kinds('pacer-')).toBe(stated(truth, 'pacer: lines'));
        expect(kinds('scav')).toBe(stated(truth, 'scav lines'));
        expect(kinds('scan-')).toBe(stated(truth, 'scan: lines'));
        expect(kinds('checkfinalizers')).toBe(stated(truth, 'checkfinalizers: lines'));
        expect(parsed.cycles.filter((c) => c.forced).length).toBe(stated(truth, '(forced)'));
        expect(parsed.cycles.filter((c) => c.leakCheck).length).toBe(
          stated(truth, '(checking for goroutine leaks)'),
        );
        expect(kinds('gc-forced')).toBe(stated(truth, 'GC forced'));
      },
    );
});
