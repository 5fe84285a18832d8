import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { gctrace, root, spawnGctrace } from './run-cli.ts';

const trace = (name: string) => join(root, 'content/traces', name);
const read = (name: string) => readFileSync(trace(name), 'utf8');
/** Go 1.18+ gc lines of a capture, read with a regular expression independent of the engine. */
const gcLines = (text: string) =>
  [...text.matchAll(/^gc (\d+) @[\d.]+s \d+%: ([\d.]+)\+[\d.]+\+([\d.]+) ms clock/gm)].map((m) => ({
    gc: Number(m[1]),
    pauseMs: Number(m[2]) + Number(m[3]),
  }));

const scratch = mkdtempSync(join(tmpdir(), 'gctrace-cli-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('gctrace help, version and usage errors', () => {
  it('prints the help on standard output with exit 0', async () => {
    const { status, stdout, stderr } = await gctrace(['--help']);
    expect(status).toBe(0);
    expect(stdout).toMatch(/^usage: /);
    expect(stdout).toContain('--fail-on growing');
    expect(stderr).toBe('');
  });

  it('prints the version from package.json', async () => {
    const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    const { status, stdout } = await gctrace(['--version']);
    expect(status).toBe(0);
    expect(stdout).toBe(`${version}\n`);
  });

  it.each([
    [[], 'no command'],
    [['frobnicate'], 'unknown command "frobnicate"'],
    [['summary', '--bogus', 'x.txt'], 'unknown option --bogus'],
    [['summary', '--fail-on', 'shrinking', 'x.txt'], '--fail-on takes growing'],
    [['summary', '--max-pause', 'soon', 'x.txt'], '--max-pause takes milliseconds'],
    [['summary', 'a.txt', 'b.txt'], 'one file at a time'],
    [['watch'], 'watch: give a command'],
    [['watch', '--'], 'no command after --'],
  ])('exits 2 with the usage on standard error for %j', async (args, message) => {
    const { status, stdout, stderr } = await gctrace(args);
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(message);
    expect(stderr).toContain('usage: ');
  });

  it('exits 1 with a clear message for a file it cannot read', async () => {
    const missing = await gctrace(['summary', join(scratch, 'missing.txt')]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toBe(
      `gctrace: cannot read ${join(scratch, 'missing.txt')}: no such file\n`,
    );
    const directory = await gctrace(['summary', scratch]);
    expect(directory.status).toBe(1);
    expect(directory.stderr).toContain('it is a directory');
  });
});

describe('gctrace summary', () => {
  it('summarises a leaking program in words, with correct plurals', async () => {
    const cycles = gcLines(read('leaking-map.txt')).length;
    const { status, stdout } = await gctrace(['summary', trace('leaking-map.txt')]);
    expect(status).toBe(0);
    expect(stdout).toContain(`${cycles} cycles in 1 run; 0 errors, 0 warnings`);
    expect(stdout).toContain(`${cycles} gc lines`);
    expect(stdout).toMatch(/verdict: GROWING: /);
  });

  it('reads standard input when no file is given, and with -', async () => {
    const text = read('steady.txt');
    const fromFile = await gctrace(['summary', trace('steady.txt')]);
    expect((await gctrace(['summary'], { input: text })).stdout).toBe(fromFile.stdout);
    expect((await gctrace(['summary', '-'], { input: text })).stdout).toBe(fromFile.stdout);
    expect(fromFile.stdout).toMatch(/verdict: STABLE: /);
  });

  it('says "1 cycle" for one cycle (a hand-written Go 1.18+ line)', async () => {
    const line =
      'gc 1 @0.002s 19%: 0.015+1.1+0.003 ms clock, 0.031+0.57/1.1/0+0.007 ms cpu, 3->4->3 MB, 4 MB goal, 0 MB stacks, 0 MB globals, 2 P\n';
    const { stdout } = await gctrace(['summary'], { input: line });
    expect(stdout).toContain('1 line: 1 gc line\n1 cycle in 1 run; 0 errors, 0 warnings');
  });

  it('hints at capturing standard error when there is no gc line at all', async () => {
    const { status, stdout, stderr } = await gctrace(['summary'], { input: 'hello\nworld\n' });
    expect(status).toBe(0);
    expect(stdout).toContain('0 cycles in 0 runs');
    expect(stderr).toContain('2>trace.txt');
  });

  it('prints the analysis as JSON with --json', async () => {
    const text = read('steady.txt');
    const lines = gcLines(text);
    const { status, stdout } = await gctrace(['summary', '--json', trace('steady.txt')]);
    expect(status).toBe(0);
    const json = JSON.parse(stdout);
    expect(json.cycles).toBe(lines.length);
    expect(json.runs).toHaveLength(1);
    const [run] = json.runs;
    expect(run.leak.verdict).toBe('stable');
    // Captured with GOGC=100 (content/traces/steady.json).
    expect(run.impliedGogc.snapped).toBe(100);
    expect(run.pauses.max).toBeCloseTo(Math.max(...lines.map((l) => l.pauseMs)), 6);
    expect(run.memoryLimit.detected).toBe(false);
    expect(run.gcCpuPercent).toBe(
      Number(
        /(\d+)%:[^\n]*\n*$/.exec(
          text
            .trimEnd()
            .split('\n')
            .filter((l) => l.startsWith('gc '))
            .at(-1)!,
        )![1],
      ),
    );
    expect(run.measures).toBeUndefined();
    expect(json.failed).toBe(false);
  });

  it('reports the memory-limit regime in JSON (captured with GOMEMLIMIT=64MiB, GOGC=off)', async () => {
    const json = JSON.parse(
      (await gctrace(['summary', '--json', trace('gomemlimit-64mib-gogcoff.txt')])).stdout,
    );
    expect(json.runs[0].memoryLimit.detected).toBe(true);
    expect(json.runs[0].memoryLimit.goalSetBy).toBe('memory-limit');
    expect(json.runs[0].impliedGogc).toBeNull();
  });

  it('says in words what set the goal: the limit with GOMEMLIMIT=64MiB, GOGC without', async () => {
    const limited = (await gctrace(['summary', trace('gomemlimit-64mib-gogcoff.txt')])).stdout;
    expect(limited).toMatch(/goal set by: a memory limit \(GOMEMLIMIT\)\n {4}.*held it there/);
    expect(limited).toMatch(/implied GOGC: .*it is off/);
    const gogc = (await gctrace(['summary', trace('steady.txt')])).stdout;
    expect(gogc).toMatch(/goal set by: GOGC\n {4}the goal follows/);
  });

  it('gives one entry per run of a go test capture', async () => {
    const text = read('go-test-multiprocess.txt');
    const restarts = gcLines(text).filter((l) => l.gc === 1).length;
    const json = JSON.parse(
      (await gctrace(['summary', '--json', trace('go-test-multiprocess.txt')])).stdout,
    );
    expect(json.runs.length).toBe(restarts);
  });
});

describe('gctrace summary rules', () => {
  it('fails on a growing live heap and passes on a steady one', async () => {
    const leaking = await gctrace(['summary', '--fail-on', 'growing', trace('leaking-map.txt')]);
    expect(leaking.status).toBe(1);
    expect(leaking.stdout).toMatch(/^FAIL: run 1: live heap is growing/m);
    const steady = await gctrace(['summary', '--fail-on', 'growing', trace('steady.txt')]);
    expect(steady.status).toBe(0);
    expect(steady.stdout).toMatch(/^pass: run 1: /m);
  });

  it('fails when the longest pause is over --max-pause, naming the figure', async () => {
    const longest = Math.max(...gcLines(read('steady.txt')).map((l) => l.pauseMs));
    const below = await gctrace([
      'summary',
      '--max-pause',
      String(longest - 1),
      trace('steady.txt'),
    ]);
    expect(below.status).toBe(1);
    expect(below.stdout).toContain(`exceeds --max-pause ${longest - 1} ms`);
    const above = await gctrace(['summary', `--max-pause=${longest + 1}`, trace('steady.txt')]);
    expect(above.status).toBe(0);
  });

  it('fails when the GC CPU share is over --max-gc-cpu, and says which rule in JSON', async () => {
    const last = read('leaking-map.txt')
      .split('\n')
      .filter((l) => l.startsWith('gc '))
      .at(-1)!;
    const percent = Number(/ (\d+)%: /.exec(last)![1]);
    const over = await gctrace([
      'summary',
      '--json',
      '--max-gc-cpu',
      String(percent - 1),
      trace('leaking-map.txt'),
    ]);
    expect(over.status).toBe(1);
    const json = JSON.parse(over.stdout);
    expect(json.failed).toBe(true);
    expect(json.rules).toEqual([
      expect.objectContaining({ rule: 'max-gc-cpu', passed: false, figure: percent }),
    ]);
    expect(over.stderr).toContain('rule broken');
    expect(
      (await gctrace(['summary', '--max-gc-cpu', String(percent), trace('leaking-map.txt')]))
        .status,
    ).toBe(0);
  });

  it('fails a rule when nothing was captured', async () => {
    const { status, stdout } = await gctrace(['summary', '--fail-on', 'growing'], {
      input: 'PASS\n',
    });
    expect(status).toBe(1);
    expect(stdout).toContain('no gc line to check the rules against');
  });
});

describe('gctrace summary of a file read in several chunks', () => {
  it('streams it in chunks and gives the same summary as reading it whole', async () => {
    // Real lines (scripts/make-big-trace.mjs renumbers a go1.19 capture into one long run),
    // followed by a second real capture that starts a new run.
    const { writeBigTrace } = await import('../../../scripts/make-big-trace.mjs');
    const path = join(scratch, 'big.txt');
    await writeBigTrace(path, 10_000);
    writeFileSync(path, readFileSync(path, 'utf8') + read('leaking-map.txt'));
    // Over five chunks of 200,000 characters: runs and lines cross chunk ends.
    expect(readFileSync(path).length).toBeGreaterThan(1_000_000);
    const whole = await gctrace(['summary', '--json', path]);
    const chunked = await gctrace(['summary', '--json', path], {
      env: { GCTRACE_CHUNK_CHARS: '200000' },
    });
    expect(whole.status).toBe(0);
    expect(chunked.stdout).toBe(whole.stdout);
    expect(JSON.parse(chunked.stdout).runs).toHaveLength(2);
  }, 90_000);
});

describe('gctrace as a child process, the way CI runs it', () => {
  // Starting Node takes seconds on a busy machine: few spawns, generous time.
  it('exits 1 on a leaking trace and 0 on a steady one with --fail-on growing', async () => {
    const [leaking, steady] = await Promise.all([
      spawnGctrace(['summary', '--fail-on', 'growing', trace('leaking-map.txt')]),
      spawnGctrace(['summary', '--fail-on', 'growing', '-'], read('steady.txt')),
    ]);
    expect(leaking.status).toBe(1);
    expect(leaking.stdout).toMatch(/^FAIL: /m);
    expect(steady.status).toBe(0);
    expect(steady.stdout).toMatch(/^pass: /m);
  }, 60_000);

  it('exits 0 for --help and 2 for a usage error', async () => {
    const [help, wrong] = await Promise.all([
      spawnGctrace(['--help']),
      spawnGctrace(['summary', '--nope']),
    ]);
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^usage: /);
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toContain('unknown option --nope');
  }, 60_000);
});
