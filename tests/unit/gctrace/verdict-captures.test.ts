import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyseTrace, parseTrace, type RunAnalysis } from '../../../src/gctrace/index.ts';
import { readTrace, repoRoot } from '../traces.ts';

/**
 * The leak verdict and what set the goal, on every real capture whose truth is known: the
 * captures of each release in content/traces/go1.NN/, the site's own captures in content/traces/,
 * and the go1.19 fixtures in tests/fixtures/. The truth of each comes from its provenance: the
 * program it ran, whose source says whether its live heap keeps growing, and the GOGC and
 * GOMEMLIMIT it ran with. The rules below turn those into what the analysis must say; no
 * capture's expected output is written down by name.
 */

/** What each program's live heap does over a run, read from its source in content/programs/. */
const liveHeapOf: Record<string, 'keeps growing' | 'bounded'> = {
  // Every request adds a session to a package-level map that nothing ever deletes from.
  'leaking-map': 'keeps growing',
  // 200 goroutines a second block forever, each keeping a 32 KiB buffer and its stack.
  'forgotten-goroutines': 'keeps growing',
  // Leaks its 100 goroutines once, before the first cycle, then allocates only garbage: a leak,
  // but one that does not grow while the trace runs.
  'goroutine-leak-profile': 'bounded',
  // A ring of 16384 sessions, filled before serving starts.
  steady: 'bounded',
  // An LRU cache of at most 24000 entries; the test binary of go test fills one too.
  'plateau-cache': 'bounded',
  // Batches of 48 MB loaded, held and dropped.
  sawtooth: 'bounded',
  // 4 MB kept after a burst, then idle.
  'idle-periodic': 'bounded',
  // 64 MB held for 3 s, then dropped.
  forced: 'bounded',
  // A fixed live set and garbage.
  'gogc-demo': 'bounded',
  'gomaxprocs-change': 'bounded',
  'stderr-chatter': 'bounded',
};

interface Capture {
  /** Where the trace is, from the repository root. */
  path: string;
  text: string;
  program: string;
  gogc: number | 'off';
  /** GOMEMLIMIT as set, or null without a limit. */
  gomemlimit: string | null;
  /** What the provenance says in words, when it says leak or no leak. */
  stated: 'leak' | 'no leak' | null;
}

const programOf = (path: string) => path.match(/content\/programs\/([^/]+)\//)?.[1] ?? '';

/** Captures with a .json provenance beside them (content/traces and its folders). */
function withProvenance(folder: string): Capture[] {
  return readdirSync(join(repoRoot, folder))
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => {
      const json = JSON.parse(readFileSync(join(repoRoot, folder, name), 'utf8'));
      const path = `${folder}/${name.replace(/\.json$/, '.txt')}`;
      return { json, path };
    })
    .filter(({ json }) => json.source === 'captured')
    .map(({ json, path }) => ({
      path,
      text: readTrace(path),
      program: programOf(json.program),
      gogc: json.gogc === 'off' ? 'off' : Number(json.gogc ?? 100),
      gomemlimit: json.gomemlimit ?? null,
      stated: /^no leak/i.test(json.truth) ? 'no leak' : /^leak/i.test(json.truth) ? 'leak' : null,
    }));
}

/**
 * The go1.19 fixtures, from the table in tests/fixtures/README.md: the command gives the program
 * and the settings (unset GOGC is 100, unset GOMEMLIMIT no limit), the last column the truth.
 */
function fixtures(): Capture[] {
  const readme = readFileSync(join(repoRoot, 'tests/fixtures/README.md'), 'utf8');
  return [
    ...readme.matchAll(/^\| `(go1\.19-[^`]+\.txt)` \|[^|]*\| `([^`]*)` \|[^|]*\|(.*)\|$/gm),
  ].map(([, file, command, truth]) => {
    const env = (name: string) => command.match(new RegExp(`\\b${name}=(\\S+)`))?.[1] ?? null;
    const gogc = env('GOGC');
    const path = `tests/fixtures/${file}`;
    return {
      path,
      text: readTrace(path),
      program: command.match(/\.\/([\w-]+)/)![1],
      gogc: gogc === 'off' ? 'off' : Number(gogc ?? 100),
      gomemlimit: env('GOMEMLIMIT'),
      stated: /\*\*NO LEAK/.test(truth) ? 'no leak' : /\*\*LEAK/.test(truth) ? 'leak' : null,
    } satisfies Capture;
  });
}

const releases = readdirSync(join(repoRoot, 'content/traces'))
  .filter((dir) => /^go1\.\d+$/.test(dir))
  .sort((a, b) => Number(a.slice(4)) - Number(b.slice(4)));
const captures: Capture[] = [
  ...releases.flatMap((dir) => withProvenance(`content/traces/${dir}`)),
  ...withProvenance('content/traces'),
  ...withProvenance('content/traces/simulator'),
  ...fixtures(),
];

/**
 * The program's own run: several runs in one capture are the go command and its tools first,
 * then the program (go run, go test); the provenance of those captures says so.
 */
function programRun(c: Capture): RunAnalysis {
  return analyseTrace(parseTrace(c.text)).runs.at(-1)!;
}

/** Fewer cycles than this after warm-up is what "not enough to tell" may rest on. */
const fewCycles = 8;

describe('the captures with a known truth', () => {
  it('cover every release, both truths, and runs with and without a memory limit', () => {
    expect(new Set(captures.map((c) => c.path.match(/go1\.\d+/)?.[0])).size).toBeGreaterThan(8);
    const kinds = captures.map((c) => `${liveHeapOf[c.program]}, limit ${c.gomemlimit !== null}`);
    for (const kind of [
      'keeps growing, limit true',
      'keeps growing, limit false',
      'bounded, limit true',
      'bounded, limit false',
    ])
      expect(kinds).toContain(kind);
    expect(captures.filter((c) => c.gogc === 'off').length).toBeGreaterThan(8);
  });

  for (const c of captures)
    it(`${c.path}: the program and its provenance agree`, () => {
      expect(liveHeapOf[c.program], `no rule for ${c.program}`).toBeDefined();
      // A stated leak that does not grow is only the fixed goroutine leak made before any cycle.
      if (c.stated === 'no leak') expect(liveHeapOf[c.program]).toBe('bounded');
      if (c.stated === 'leak' && c.program !== 'goroutine-leak-profile')
        expect(liveHeapOf[c.program]).toBe('keeps growing');
    });
});

describe('the leak verdict on every capture with a known truth', () => {
  for (const c of captures)
    it(`${c.path} (${c.program}, ${liveHeapOf[c.program]})`, () => {
      const { leak } = programRun(c);
      if (liveHeapOf[c.program] === 'keeps growing') {
        expect(leak.verdict, leak.reason).toBe('growing');
      } else if (leak.verdict !== 'stable') {
        // Not enough to tell only for want of cycles, and saying so.
        expect(leak.verdict, leak.reason).toBe('inconclusive');
        expect(leak.cyclesUsed).toBeLessThan(fewCycles);
        expect(leak.reason).toMatch(/^only \d+ (complete non-forced )?cycles?/);
      }
    });
});

describe('what set the goal, on every capture with a known truth', () => {
  for (const c of captures)
    it(`${c.path} (GOGC=${c.gogc}${c.gomemlimit !== null ? `, GOMEMLIMIT=${c.gomemlimit}` : ''})`, () => {
      const run = programRun(c);
      const regime = run.memoryLimit;
      const gogc = run.impliedGogc;
      if (c.gomemlimit !== null) {
        expect(regime.detected, regime.reason).toBe(true);
        expect(regime.reason).toMatch(/memory limit/);
        if (c.gogc === 'off') {
          // No GOGC to read: never an implied GOGC under GOGC=off.
          expect(regime.goalSetBy, regime.reason).toBe('memory-limit');
          expect(gogc, run.impliedGogcNote).toBeNull();
          expect(run.impliedGogcNote).toMatch(/off/);
        } else {
          expect(['memory-limit', 'gogc-and-memory-limit']).toContain(regime.goalSetBy);
          if (gogc !== null) {
            expect(gogc.low, run.impliedGogcNote).toBeLessThanOrEqual(c.gogc);
            expect(gogc.high, run.impliedGogcNote).toBeGreaterThanOrEqual(c.gogc);
          }
          if (regime.gogcAbove !== null) expect(regime.gogcAbove).toBeLessThan(c.gogc);
        }
      } else if (c.gogc === 'off') {
        expect(run.gcOff).toBe(true);
        expect(regime.goalSetBy).toBe('no-goal');
        expect(gogc).toBeNull();
      } else {
        expect(regime.detected, regime.reason).toBe(false);
        expect(['gogc', 'unknown']).toContain(regime.goalSetBy);
        // A GOGC named as a setting is the one the program ran with; a range holds it.
        if (gogc?.snapped != null) expect(gogc.snapped, run.impliedGogcNote).toBe(c.gogc);
        if (gogc !== null) {
          expect(gogc.low, run.impliedGogcNote).toBeLessThanOrEqual(c.gogc);
          expect(gogc.high, run.impliedGogcNote).toBeGreaterThanOrEqual(c.gogc);
        }
      }
    });
});

describe('a leak into a memory limit', () => {
  const intoLimit = captures.filter(
    (c) => c.gomemlimit !== null && liveHeapOf[c.program] === 'keeps growing',
  );
  it('is captured on every release', () => {
    expect(intoLimit.length).toBeGreaterThanOrEqual(2 * releases.length);
  });
  for (const c of intoLimit)
    it(`${c.path}: growing, the goal pinned to the live heap, cycles back to back`, () => {
      const run = programRun(c);
      expect(run.leak.verdict).toBe('growing');
      expect(run.memoryLimit.backToBackFromLine).not.toBeNull();
      expect(run.memoryLimit.reason).toMatch(/back to back/);
      expect(run.leak.reason).toMatch(/memory limit/);
    });
});

describe('short runs are judged by their cycles, not their seconds', () => {
  // Everything whose cycles after warm-up cover less than a second of program time.
  const short = captures
    .map((c) => ({ c, run: programRun(c) }))
    .filter(({ run }) => run.leak.spanSeconds !== null && run.leak.spanSeconds < 1);

  it('on captures of a flat heap and of leaks, with and without a memory limit', () => {
    const flat = short.filter(({ c }) => liveHeapOf[c.program] === 'bounded');
    const leaks = short.filter(({ c }) => liveHeapOf[c.program] === 'keeps growing');
    // A hundred flat cycles or more in under a second.
    expect(flat.some(({ run }) => run.leak.cyclesUsed >= 100)).toBe(true);
    // Leaks that multiply the live heap within the second, over a hundred cycles or more.
    const growth = (run: RunAnalysis) => {
      const lives = run.measures.map((m) => m.liveMB).filter((v): v is number => v !== null);
      return lives.at(-1)! / Math.max(lives[0]!, 1);
    };
    expect(leaks.some(({ run }) => growth(run) >= 5 && run.cycles >= 100)).toBe(true);
    expect(leaks.some(({ c }) => c.gomemlimit !== null)).toBe(true);
    expect(leaks.some(({ c }) => c.gomemlimit === null)).toBe(true);
  });

  for (const { c, run } of short)
    it(`${c.path}: ${run.leak.cyclesUsed} cycles in ${run.leak.spanSeconds} s are enough to tell`, () => {
      expect(run.leak.cyclesUsed).toBeGreaterThanOrEqual(fewCycles);
      expect(run.leak.verdict, run.leak.reason).toBe(
        liveHeapOf[c.program] === 'keeps growing' ? 'growing' : 'stable',
      );
      // The time is part of the reason, not a gate.
      expect(run.leak.reason).toMatch(/ in \d+(\.\d+)? s/);
    });
});
