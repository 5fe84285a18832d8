// The worker that runs an in-page program, run on the committed WebAssembly builds
// (public/wasm, built by scripts/build-wasm.sh) in a Node worker thread that stands in for the
// browser's Web Worker (worker-host.mjs).
import { readFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { parseTrace } from '../../../src/gctrace/index.ts';
import { readProgramBuilds, type ProgramBuild } from '../../../src/run/program-builds.ts';
import type { ProgramMessage, ProgramStart } from '../../../src/run/protocol.ts';
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
