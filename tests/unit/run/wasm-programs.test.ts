// The committed WebAssembly programs (public/wasm/), run under Node with the wasm_exec.js of the
// release that built each: their gctrace lines are real, the site's parser reads them, and the
// leak shows. Runs are sequential and short (2 s), in this one process.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { parseTrace } from '../../../src/gctrace/index.ts';
import type { WasmBuild, WasmManifest } from '../../../src/run/manifest.ts';
import { startProgram, type NodeRunResult, type OutputLine } from '../../../src/run/node-runner.ts';
import { programInvocation, type RunSettings } from '../../../src/run/program-args.ts';

const wasmDir = resolve(import.meta.dirname, '../../../public/wasm');
const manifest = JSON.parse(readFileSync(join(wasmDir, 'manifest.json'), 'utf8')) as WasmManifest;
const newest = manifest.builds.at(-1)!;

function program(name: string) {
  const found = manifest.programs.find((p) => p.name === name);
  if (!found) throw new Error(`no program ${name} in the manifest`);
  return found;
}

/** Starts `name` from `build` with `settings`, checked and composed as the page does. */
function start(build: WasmBuild, name: string, settings: RunSettings) {
  const invocation = programInvocation(program(name), settings);
  if (!invocation.ok) throw new Error(JSON.stringify(invocation.problems));
  const waiting: { test: (line: OutputLine) => boolean; count: number; resolve: () => void }[] = [];
  const run = startProgram({
    wasm: join(wasmDir, build.wasm.path),
    wasmExec: join(wasmDir, build.wasmExec.path),
    ...invocation.invocation,
    timeoutMs: 25_000,
    onLine: (line) => {
      for (const w of waiting) if (w.test(line) && --w.count === 0) w.resolve();
    },
  });
  /** Resolves once `count` lines have passed `test`; fails if the program ends first. */
  const linesSeen = (test: (line: OutputLine) => boolean, count: number) =>
    Promise.race([
      new Promise<void>((resolve) => waiting.push({ test, count, resolve })),
      run.result.then(() => {
        throw new Error('the program ended before printing the lines waited for');
      }),
    ]);
  return {
    ...run,
    /** Resolves once the program has printed `count` gc lines. A heap profile is as of the last
     * finished collection or two, so waiting for collections (not for time) is what makes it
     * hold the allocations, on a fast machine or a loaded one. */
    gcLines: (count: number) =>
      linesSeen((line) => line.stream === 'stderr' && line.text.startsWith('gc '), count),
    /** Resolves once a progress line on standard output passes `test`. */
    progress: (test: (text: string) => boolean) =>
      linesSeen((line) => line.stream === 'stdout' && test(line.text), 1),
  };
}

/** The gc lines of a run's standard error, parsed by the site's own parser. */
function gcTrace(result: NodeRunResult) {
  const lines = result.stderr.filter((line) => line.startsWith('gc '));
  const parsed = parseTrace(lines.join('\n'));
  return { lines, parsed, live: parsed.cycles.map((c) => c.heapMB[2]!) };
}

const gzipMagic = [0x1f, 0x8b];

// A leak that shows in whole MB within a few collections. The runs below are stopped once they
// have shown what is checked, not after a time: a loaded machine gives the program less CPU, and
// a time would then hold fewer requests and collections.
const leak = { flags: { d: 60, size: 4096, garbage: 16384 } } satisfies RunSettings;
const keptPattern = /sessions=(\d+) \(~(\d+) KiB kept\)/;
/** The KiB a leaking-map progress line says the program keeps. */
const keptKiB = (text: string) => Number(keptPattern.exec(text)?.[2] ?? 0);

describe.each(manifest.builds.map((build) => [build.id, build] as const))(
  'the %s build under Node',
  (_id, build) => {
    it('describes the programs of the manifest and names the release that built it', async () => {
      const result = await startProgram({
        wasm: join(wasmDir, build.wasm.path),
        wasmExec: join(wasmDir, build.wasmExec.path),
        argv: ['inpage', 'describe'],
      }).result;
      expect(result.exitCode).toBe(0);
      const described = JSON.parse(result.stdout.join('\n'));
      expect(described.goVersion).toBe(build.goVersion);
      expect(described.goVersion.startsWith(`${build.id}.`)).toBe(true);
      expect({ programs: described.programs, exports: described.exports }).toEqual({
        programs: manifest.programs,
        exports: manifest.exports,
      });
    });

    it('leaking-map prints gc lines that parse cleanly, say 1 P, and show the live heap growing', async () => {
      const run = start(build, 'leaking-map', leak);
      await Promise.all([run.gcLines(4), run.progress((text) => keptKiB(text) > 4 * 1024)]);
      run.stop();
      const result = await run.result;
      expect(result.error).toBeNull();
      expect(result.stopped).toBe(true);
      const { lines, parsed, live } = gcTrace(result);
      expect(lines.length).toBeGreaterThan(3);
      expect(parsed.diagnostics).toEqual([]);
      expect(parsed.cycles).toHaveLength(lines.length);
      for (const line of lines) expect(line).toMatch(/, 1 P$/);
      expect(parsed.cycles.every((c) => c.procs === 1)).toBe(true);
      // The only other output on standard error would be the runtime's: there is none.
      expect(result.stderr).toEqual(lines);

      // The program reports what it keeps; the trace's live heap must show it.
      const report = result.stdout.findLast((text) => keptPattern.test(text));
      expect(report, result.stdout.join('\n')).toBeDefined();
      const keptMB = keptKiB(report!) / 1024;
      expect(keptMB).toBeGreaterThan(4);
      expect(live.at(-1)!).toBeGreaterThanOrEqual(live[0]! + 2);
      expect(live.at(-1)!).toBeGreaterThanOrEqual(keptMB / 2);
    });
  },
);

describe(`the newest build (${newest.id}) under Node`, () => {
  it('leaking-map -fixed keeps its live heap flat', async () => {
    const run = start(newest, 'leaking-map', { flags: { ...leak.flags, fixed: true } });
    await Promise.all([run.gcLines(5), run.progress((text) => keptPattern.test(text))]);
    run.stop();
    const result = await run.result;
    expect(result.error).toBeNull();
    const { parsed, live } = gcTrace(result);
    expect(parsed.diagnostics).toEqual([]);
    expect(live.length).toBeGreaterThan(3);
    expect(Math.max(...live)).toBeLessThanOrEqual(2);
    const reports = result.stdout.filter((text) => keptPattern.test(text));
    expect(reports.length).toBeGreaterThan(0);
    for (const text of reports) expect(text).toMatch(/sessions=0 /);
  });

  it('hands over gzipped heap and goroutine profiles while it runs, naming the leaking code', async () => {
    // Long enough to reach the collections waited for on a loaded machine; stopped after.
    const run = start(newest, 'leaking-map', { flags: { ...leak.flags, d: 30 } });
    await run.gcLines(5);
    const heap = (run.global.goWriteHeapProfile as () => Uint8Array)();
    const goroutines = (run.global.goWriteGoroutineProfile as () => Uint8Array)();

    for (const profile of [heap, goroutines]) {
      expect(profile.constructor.name).toBe('Uint8Array');
      expect([...profile.subarray(0, 2)]).toEqual(gzipMagic);
    }
    // A pprof protobuf keeps function names in its string table, so the unzipped bytes hold them.
    const heapText = gunzipSync(heap).toString('latin1');
    expect(heapText).toContain('main.rememberSession');
    expect(heapText).toContain('inuse_space');
    const goroutineText = gunzipSync(goroutines).toString('latin1');
    expect(goroutineText).toContain('main.paced');
    expect(goroutineText).toContain('goroutine');

    run.stop();
    expect((await run.result).stopped).toBe(true);
  });

  it('removes its exports from globalThis when it ends', async () => {
    const run = start(newest, 'steady', { flags: { d: 1 } });
    await run.gcLines(1);
    expect(typeof run.global.goWriteHeapProfile).toBe('function');
    expect((await run.result).exitCode).toBe(0);
    expect(run.global.goWriteHeapProfile).toBeUndefined();
    expect(run.global.goWriteGoroutineProfile).toBeUndefined();
  });

  it('forgotten-goroutines shows the stuck goroutines in its trace and its goroutine profile', async () => {
    const run = start(newest, 'forgotten-goroutines', { flags: { d: 30 } });
    // By 4 s some 400 workers are stuck: megabytes of heap and of stacks.
    await run.progress((text) => text.startsWith('forgotten-goroutines: t=4s '));
    const goroutines = (run.global.goWriteGoroutineProfile as () => Uint8Array)();
    run.stop();
    const result = await run.result;
    const { parsed, live } = gcTrace(result);
    expect(parsed.diagnostics).toEqual([]);
    expect(live.at(-1)!).toBeGreaterThan(live[0]!);
    expect(parsed.cycles.at(-1)!.stacksMB).toBeGreaterThan(0);
    expect(gunzipSync(goroutines).toString('latin1')).toContain('main.worker');
    // The progress lines count the goroutines: they pile up.
    const counts = result.stdout.map((l) => Number(/goroutines=(\d+)/.exec(l)?.[1]));
    expect(counts.at(-1)!).toBeGreaterThan(counts[0]!);
  });

  it('refuses a flag out of range with a message and exit status 2', async () => {
    const result = await startProgram({
      wasm: join(wasmDir, newest.wasm.path),
      wasmExec: join(wasmDir, newest.wasmExec.path),
      argv: ['inpage', 'leaking-map', '-rate=5'],
    }).result;
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toEqual([
      'leaking-map: -rate=5 is out of range: it must be between 100 and 10000 requests/s',
    ]);
  });

  it('stop() ends a run at once; the program is never resumed', async () => {
    const run = start(newest, 'steady', { flags: { d: 10 } });
    await new Promise((done) => setTimeout(done, 500));
    run.stop();
    const result = await run.result;
    expect(result).toMatchObject({ stopped: true, exitCode: null, error: null });
    expect(result.elapsedMs).toBeLessThan(5000);
  });
});
