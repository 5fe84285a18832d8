// The worker that runs an in-page program, run on the committed WebAssembly builds
// (public/wasm, built by scripts/build-wasm.sh) in a Node worker thread that stands in for the
// browser's Web Worker (worker-host.mjs).
import { readFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { parseTrace } from '../../../src/gctrace/index.ts';
import { readProgramBuilds, type ProgramBuild } from '../../../src/run/program-builds.ts';
import type { ProfileRequest, ProgramMessage, ProgramStart } from '../../../src/run/protocol.ts';
import { diffProfiles, readProfile, topTable } from '../../../src/profile/index.ts';
import { buildReport } from '../../../src/profile-view/report.ts';
import { LineAssembler } from '../../../src/run/line-assembler.ts';
import { commandName } from '../../../src/run/program-args.ts';

const publicUrl = new URL('../../../public/', import.meta.url);
const manifest = readProgramBuilds(
  JSON.parse(readFileSync(new URL('wasm/manifest.json', publicUrl), 'utf8')),
);
const newest = manifest.builds.at(-1)!;

/** Runs one program to its end and returns every message the worker sent. */
function run(
  build: ProgramBuild,
  overrides: Partial<ProgramStart> = {},
): Promise<ProgramMessage[]> {
  const worker = new Worker(new URL('./worker-host.mjs', import.meta.url));
  const messages: ProgramMessage[] = [];
  const start: ProgramStart = {
    type: 'start',
    wasmUrl: new URL(build.wasmPath.slice(1), publicUrl).href,
    wasmExecUrl: new URL(build.wasmExecPath.slice(1), publicUrl).href,
    argv: [commandName, 'leaking-map', '-d=2s'],
    env: { GODEBUG: 'gctrace=1' },
    memoryCapBytes: 512 * 2 ** 20,
    flushMs: 16,
    ...overrides,
  };
  return new Promise((resolve, reject) => {
    worker.on('error', reject);
    type HostMessage =
      { type: 'host-ready' } | { type: 'host-closed' } | { type: 'host-error'; message: string };
    worker.on('message', (message: ProgramMessage | HostMessage) => {
      if (message.type === 'host-error') reject(new Error(message.message));
      else if (message.type === 'host-ready') worker.postMessage(start);
      else if (message.type === 'host-closed')
        void worker.terminate().then(() => resolve(messages));
      else messages.push(message);
    });
  });
}

function stderrLines(messages: readonly ProgramMessage[]): string[] {
  const lines = new LineAssembler();
  const out: string[] = [];
  for (const message of messages)
    if (message.type === 'output') out.push(...lines.push(message.stderr));
  return [...out, ...lines.end()];
}

// The oldest and the newest release: what the runtime prints, and how, differs most between them.
describe.each([...new Set([manifest.builds[0]!, newest])])(
  'the program worker, on $goVersion',
  (build) => {
    it('streams the leaking program’s trace in pieces that join into lines the parser reads without a diagnostic', async () => {
      // flushMs 0: every write of the runtime is sent on its own, so lines arrive in pieces.
      const messages = await run(build, { flushMs: 0 });
      expect(messages[0]).toMatchObject({ type: 'started' });
      expect(messages.at(-1)).toEqual({ type: 'exit', code: 0 });
      const pieces = messages.filter((m) => m.type === 'output' && m.stderr !== '');
      expect(pieces.some((m) => m.type === 'output' && !m.stderr.endsWith('\n'))).toBe(true);
      const gcLines = stderrLines(messages).filter((line) => line.startsWith('gc '));
      expect(gcLines.length).toBeGreaterThan(5);
      const parsed = parseTrace(gcLines.join('\n'));
      expect(parsed.diagnostics).toEqual([]);
      expect(parsed.cycles.length).toBe(gcLines.length);
      // js/wasm has one P: the runtime sets its CPU count to 1 (runtime/os_wasm.go).
      for (const line of gcLines) expect(line).toMatch(/, 1 P( \(forced\))?$/);
      // The live heap at the end is above the one at the start: the map only grows.
      const live = parsed.cycles.map((c) => c.heapMB![2]!);
      expect(live.at(-1)!).toBeGreaterThan(live[0]!);
    });
  },
);

describe(`the program worker, on ${newest.goVersion}`, () => {
  it('sends standard output apart from standard error', async () => {
    const messages = await run(newest);
    const stdout = messages.flatMap((m) => (m.type === 'output' ? [m.stdout] : [])).join('');
    expect(stdout).toMatch(/^leaking-map: /m);
    expect(stdout).not.toMatch(/^gc \d+ @/m);
  });

  it('stops the program when its memory passes the cap, and sends nothing after', async () => {
    const cap = 64 * 2 ** 20;
    // Eight times the default rate, eight KiB kept per request: about 80 MB a second.
    const argv = [commandName, 'leaking-map', '-d=20s', '-rate=10000', '-size=8192'];
    const messages = await run(newest, { memoryCapBytes: cap, argv });
    const end = messages.at(-1)!;
    expect(end.type).toBe('memory-cap');
    expect(end.type === 'memory-cap' && end.memoryBytes).toBeGreaterThan(cap);
    expect(messages.some((m) => m.type === 'exit')).toBe(false);
  });

  it('reports the exit status of a program that fails, with what it printed', async () => {
    const messages = await run(newest, { argv: [commandName, 'leaking-map', '-no-such-flag'] });
    expect(messages.at(-1)).toEqual({ type: 'exit', code: 2 });
    expect(stderrLines(messages).join('\n')).toMatch(/no-such-flag/);
  });

  it('says which file could not be downloaded', async () => {
    const messages = await run(newest, { wasmUrl: new URL('wasm/missing.wasm', publicUrl).href });
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ type: 'failed' });
    expect(messages[0]!.type === 'failed' && messages[0]!.message).toMatch(/missing\.wasm/);
  });
});

/** A program started in the worker, with the messages it sent so far and a way to ask it things. */
function startInteractive(argv: string[]) {
  const worker = new Worker(new URL('./worker-host.mjs', import.meta.url));
  const messages: ProgramMessage[] = [];
  const stderr = new LineAssembler();
  let gcLines = 0;
  const waiting: { done: () => boolean; resolve: () => void }[] = [];
  const check = () => {
    for (const w of [...waiting])
      if (w.done()) {
        waiting.splice(waiting.indexOf(w), 1);
        w.resolve();
      }
  };
  const closed = new Promise<void>((resolve, reject) => {
    worker.on('error', reject);
    worker.on('message', (message: ProgramMessage | { type: string; message?: string }) => {
      if (message.type === 'host-error') reject(new Error(message.message));
      else if (message.type === 'host-ready')
        worker.postMessage({
          type: 'start',
          wasmUrl: new URL(newest.wasmPath.slice(1), publicUrl).href,
          wasmExecUrl: new URL(newest.wasmExecPath.slice(1), publicUrl).href,
          argv,
          env: { GODEBUG: 'gctrace=1' },
          memoryCapBytes: 512 * 2 ** 20,
          flushMs: 16,
        } satisfies ProgramStart);
      else if (message.type === 'host-closed') resolve();
      else {
        const m = message as ProgramMessage;
        messages.push(m);
        if (m.type === 'output')
          gcLines += stderr.push(m.stderr).filter((l) => l.startsWith('gc ')).length;
      }
      check();
    });
  });
  const until = (done: () => boolean) =>
    new Promise<void>((resolve) => {
      waiting.push({ done, resolve });
      check();
    });
  let next = 1;
  return {
    messages,
    closed,
    /** Resolves once the program has printed `count` more gc lines. */
    gcLines: (count: number) => {
      const target = gcLines + count;
      return until(() => gcLines >= target);
    },
    /** Sends a profile request and resolves with the worker's answer to it. */
    profile: async (kind: ProfileRequest['kind']) => {
      const request = next++;
      worker.postMessage({ type: 'profile', request, kind } satisfies ProfileRequest);
      await until(() =>
        messages.some(
          (m) => (m.type === 'profile' || m.type === 'profile-failed') && m.request === request,
        ),
      );
      return messages.find(
        (m) => (m.type === 'profile' || m.type === 'profile-failed') && m.request === request,
      )!;
    },
    /** Sends a profile request without waiting for an answer. */
    ask: (kind: ProfileRequest['kind']) =>
      worker.postMessage({ type: 'profile', request: next++, kind } satisfies ProfileRequest),
    terminate: () => worker.terminate(),
  };
}

describe(`profiles of the running program, on ${newest.goVersion}`, () => {
  it('answers a profile request with the bytes of the program’s profile; two heap profiles of the leak name the function that keeps the memory', async () => {
    // A leak of about 8 MB a second, which shows between two profiles a dozen cycles apart.
    const program = startInteractive([commandName, 'leaking-map', '-d=30s', '-size=4096']);
    try {
      const early = await program.profile('heap');
      // Asked before the program was even sent (it goes on host-ready), the answer says so; the
      // worker stays usable.
      expect(early).toMatchObject({
        type: 'profile-failed',
        message: expect.stringMatching(/not started/),
      });
      await program.gcLines(5);
      const base = await program.profile('heap');
      await program.gcLines(12);
      const later = await program.profile('heap');
      const goroutines = await program.profile('goroutine');
      for (const answer of [base, later, goroutines]) expect(answer.type).toBe('profile');
      if (base.type !== 'profile' || later.type !== 'profile' || goroutines.type !== 'profile')
        return;
      expect(base.kind).toBe('heap');
      expect(goroutines.kind).toBe('goroutine');
      // Each is stamped on the clock of `started`, in the order they were taken.
      const started = program.messages.find((m) => m.type === 'started')!;
      expect(started.type === 'started' && base.at).toBeGreaterThanOrEqual(
        started.type === 'started' ? started.at : Infinity,
      );
      expect(later.at).toBeGreaterThan(base.at);

      const read = async (bytes: Uint8Array, kind: 'heap' | 'goroutine') => {
        const result = await readProfile(bytes, kind);
        if (!result.ok) throw new Error(result.problem.message);
        return result.profile;
      };
      const [baseProfile, laterProfile] = [
        await read(base.bytes, 'heap'),
        await read(later.bytes, 'heap'),
      ];
      const grew = diffProfiles(baseProfile, laterProfile);
      const byFunction = topTable(grew, { sampleType: 'inuse_space', granularity: 'functions' });
      expect(byFunction.rows[0]!.function).toBe('main.rememberSession');
      expect(byFunction.rows[0]!.flat).toBeGreaterThan(0);
      const byLine = topTable(grew, { sampleType: 'inuse_space', granularity: 'lines' });
      expect(byLine.rows[0]!.file).toMatch(/leaking_map\.go$/);
      // The panel's sentence says the same, with the file and line.
      const report = buildReport(
        { profile: baseProfile, name: 'heap profile 1', elapsedSeconds: 1 },
        { profile: laterProfile, name: 'heap profile 2', elapsedSeconds: 3 },
      );
      expect(typeof report === 'string' ? report : report.headline).toMatch(
        /The line that gained most: main\.rememberSession \(inpage\/leaking_map\.go:\d+\)/,
      );
      const stacks = await read(goroutines.bytes, 'goroutine');
      expect(stacks.kind).toBe('goroutine');
    } finally {
      await program.terminate();
    }
  }, 90_000);

  it('sends nothing for a profile asked for after the program’s end', async () => {
    const program = startInteractive([commandName, 'steady', '-d=1s']);
    await program.closed;
    const count = program.messages.length;
    expect(program.messages.at(-1)).toEqual({ type: 'exit', code: 0 });
    // The page has heard the end; an answer now would come from a run that is over.
    program.ask('heap');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(program.messages).toHaveLength(count);
    await program.terminate();
  });
});
