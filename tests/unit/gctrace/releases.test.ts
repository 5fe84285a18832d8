import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { expectSnapshotFile } from '../snapshot.ts';
import {
  explainAt,
  lineFields,
  lineKindAt,
  parseTrace,
  traceView,
} from '../../../src/gctrace/index.ts';

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
  const lines = text.split('\n');
  const complete = (line: string) => /\d+ P( \(forced\))?$/.test(line);
  // A program that exits while the runtime prints leaves the last gc line cut short (go1.19's
  // sawtooth capture ends that way): that is a cycle too, read as truncated.
  const last = lines.at(-1)!;
  return lines.filter(complete).length + (/^gc \d+ @/.test(last) && !complete(last) ? 1 : 0);
}

/** A count the capture's provenance (`truth`, after `trace:`) states, e.g. "46 pacer: lines". */
function stated(truth: string, what: string): number {
  const after = truth.slice(truth.indexOf('trace:'));
  const m = new RegExp(`(\\d+) ${what.replace(/[()]/g, '\\$&')}`).exec(after);
  return m === null ? 0 : Number(m[1]);
}

describe('captures of every Go release', () => {
  it('finds captures of at least six releases', () => {
    expect(new Set(captures.map((c) => c.id.split('/')[0])).size).toBeGreaterThanOrEqual(6);
  });

  for (const { id, text } of captures)
    it(`parseTrace(${id}) matches golden/releases/${id}.json`, () => {
      expectSnapshotFile(`${golden}${id}.json`, serialise(goldenView(text)));
    });

  for (const { id, text, provenance } of captures)
    it(`${id}: every line is a cycle, a runtime line or the program's own output`, () => {
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
    });

  for (const { id, text, provenance } of captures)
    it(`${id}: one cycle per gc line, numbered without gaps, runtime lines as counted`, () => {
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
    });
});

/** The hover over the first field called `name` on the first gc line of a capture. */
function hoverOf(text: string, name: string, goRelease?: string) {
  const parsed = parseTrace(text);
  const line = parsed.cycles[0]!.line;
  const field = lineFields(parsed, line).find((f) => f.name === name)!;
  const options = goRelease === undefined ? undefined : { goRelease };
  return explainAt(parsed, line, field.startColumn, options)!;
}

const hoverText = (e: { explanation: string; traps: string[] }) =>
  [e.explanation, ...e.traps].join(' ');

describe('hovers that depend on the Go release', () => {
  const steady = captures.find((c) => c.id === 'go1.27/steady')!.text;

  it('MB stacks: all allocated stack in 1.19, the stack scanned from 1.21', () => {
    const go119 = hoverText(hoverOf(steady, 'stacks', '1.19'));
    const go127 = hoverText(hoverOf(steady, 'stacks', 'go1.27.4'));
    expect(go119).not.toBe(go127);
    expect(go119).toContain('maxStackScan');
    expect(go119).not.toContain('lastStackScan');
    expect(go127).toContain('lastStackScan');
    expect(go127).not.toContain('maxStackScan');
    const unknown = hoverText(hoverOf(steady, 'stacks'));
    for (const release of ['1.19', '1.21']) expect(unknown).toContain(release);
  });

  it('the % field: one formula per release range, all named without a release', () => {
    const texts = ['1.19', '1.22', '1.23', '1.27'].map((r) =>
      hoverText(hoverOf(steady, 'cpuPercent', r)),
    );
    expect(new Set(texts.slice(0, 3)).size).toBe(3);
    expect(texts[2]).toBe(texts[3]);
    const unknown = hoverText(hoverOf(steady, 'cpuPercent'));
    for (const release of ['1.19', '1.21', '1.23']) expect(unknown).toContain(release);
  });

  it('P: changes by itself only from 1.25', () => {
    const go124 = hoverText(hoverOf(steady, 'procs', '1.24'));
    const go125 = hoverText(hoverOf(steady, 'procs', '1.25'));
    expect(go124).not.toBe(go125);
    expect(go125).toContain('container');
    expect(go124).not.toContain('container');
    expect(hoverText(hoverOf(steady, 'procs'))).toContain('1.25');
  });

  it('the leak-check infix: 1.26 needs an experiment, 1.27 does not', () => {
    const leak = captures.find((c) => c.id === 'go1.27/goroutine-leak-profile')!.text;
    const parsed = parseTrace(leak);
    const cycle = parsed.cycles.find((c) => c.leakCheck)!;
    const field = lineFields(parsed, cycle.line).find((f) => f.name === 'leakCheck')!;
    const at = (goRelease?: string) =>
      hoverText(explainAt(parsed, cycle.line, field.startColumn, { goRelease })!);
    expect(at('1.26')).toContain('GOEXPERIMENT');
    expect(at('1.27')).not.toContain('GOEXPERIMENT');
    expect(at()).toContain('1.26');
    expect(at()).toContain('1.27');
  });

  // The "no goal" value each release's hover names must bound what that release printed.
  const gogcOff = [
    {
      id: 'gogc-off (go1.19.8)',
      text: readFileSync(`${traces}gogc-off.txt`, 'utf8'),
      release: '1.19',
    },
    ...captures
      .filter((c) => c.id.endsWith('/gogc-off'))
      .map((c) => ({ id: c.id, text: c.text, release: c.provenance.goVersion })),
  ];
  for (const { id, text, release } of gogcOff)
    it(`GOGC=off: the hover for ${release} names the bound of the goals printed in ${id}`, () => {
      const parsed = parseTrace(text);
      const goals = parsed.cycles.flatMap((c) =>
        lineFields(parsed, c.line)
          .filter((f) => f.name === 'goal')
          .map((f) => BigInt(/\d+/.exec(f.text)![0])),
      );
      expect(goals.length).toBeGreaterThan(0);
      const hover = hoverText(hoverOf(text, 'goal', release));
      const bound = BigInt(/just under (\d+) MB/.exec(hover)![1]!);
      for (const goal of goals) {
        expect(goal < bound).toBe(true);
        expect(bound - goal < 1000n).toBe(true);
      }
      // Without a release the hover names the first digits of this release's value.
      expect(hoverText(hoverOf(text, 'goal'))).toContain(String(goals[0]).slice(0, 10));
    });
});

describe('a gc line broken right after its `gc `', () => {
  // Hand-written in the Go 1.21+ format, after go1.24/leaking-map.txt lines 24-25.
  const gcLine =
    '24 @1.003s 14%: 0.045+45+7.3 ms clock, 0.091+0.026/0.17/0.19+14 ms cpu, 6->6->1 MB, 7 MB goal, 0 MB stacks, 0 MB globals, 2 P';

  it('is rejoined when the next line carries on with the cycle number and @', () => {
    const parsed = parseTrace(`gc leaking-map: t=1s sessions=1374\n${gcLine}\n`);
    expect(parsed.cycles.map((c) => [c.gc, c.line, c.endLine, c.rejoined])).toEqual([
      [24, 1, 2, true],
    ]);
    expect(parsed.diagnostics.map((d) => [d.kind, d.severity])).toEqual([['rejoined', 'info']]);
  });

  it('stays program output when the next line is not the rest of a gc line', () => {
    const parsed = parseTrace('gc notes: all fine\nnothing more\n');
    expect(parsed.cycles).toEqual([]);
    expect([lineKindAt(parsed, 1), lineKindAt(parsed, 2)]).toEqual(['output', 'output']);
    expect(parsed.diagnostics).toEqual([]);
  });
});

describe('release-dependent hovers of runtime lines', () => {
  /** The hover over a field of the first companion line of a kind in a capture. */
  const companionHover = (id: string, kind: string, name: string, goRelease?: string) => {
    const parsed = parseTrace(captures.find((c) => c.id === id)!.text);
    const line = parsed.companions.find((c) => c.kind === kind)!;
    const field = line.fields.find((f) => f.name === name)!;
    return hoverText(explainAt(parsed, line.line, field.startColumn, { goRelease })!);
  };

  it('the pacer end line: the computed trigger in 1.19, the heap at cycle start from 1.21', () => {
    const id = 'go1.27/gogc-100-pacer-scav';
    expect(companionHover(id, 'pacer-end', 'trigger', '1.19')).toContain('heapTrigger');
    expect(companionHover(id, 'pacer-end', 'trigger', '1.27')).toContain('heapLive');
    const unknown = companionHover(id, 'pacer-end', 'trigger');
    expect(unknown).toContain('1.19');
    expect(unknown).toContain('1.21');
  });

  it('pacer: sweep done lines appear in the captures from Go 1.25 only, as the hover says', () => {
    const releases = captures
      .filter((c) => parseTrace(c.text).companions.some((l) => l.kind === 'pacer-sweep-done'))
      .map((c) => Number(c.id.slice('go1.'.length, c.id.indexOf('/'))));
    expect(Math.min(...releases)).toBe(25);
    expect(companionHover('go1.25/gogc-100-pacer-scav', 'pacer-sweep-done', 'heap')).toContain(
      'only from Go 1.25',
    );
  });
});

describe('the (forced) flag', () => {
  // content/traces/forced-misplaced.txt is the Go 1.19.8 capture where the flag sits a line early.
  const misplaced = readFileSync(`${traces}forced-misplaced.txt`, 'utf8');
  const forcedHover = (goRelease?: string) => {
    const parsed = parseTrace(misplaced);
    const cycle = parsed.cycles.find((c) => c.forced)!;
    const field = lineFields(parsed, cycle.line).find((f) => f.name === 'forced')!;
    return hoverText(explainAt(parsed, cycle.line, field.startColumn, { goRelease })!);
  };

  it('can sit a line early in 1.19, not from 1.21', () => {
    expect(forcedHover('go1.19.8')).toContain('before semacquire(&gcsema)');
    expect(forcedHover('1.27')).toContain('under gcsema');
    expect(forcedHover('1.27')).not.toContain('before semacquire');
    expect(forcedHover()).toMatch(/1\.19.*1\.21/);
  });
});
