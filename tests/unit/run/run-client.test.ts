// The page's side of a run, with a stand-in for the browser's Worker: what it is sent, and what
// the page hears for each thing the worker says or fails to say.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ProgramMessage, ToProgramWorker } from '../../../src/run/protocol.ts';
import {
  endedProfileMessage,
  startRun,
  type RunEnd,
  type RunRequest,
  type TakenProfile,
} from '../../../src/run/run-client.ts';

class FakeWorker extends EventTarget {
  static last: FakeWorker;
  posted: ToProgramWorker[] = [];
  terminated = false;
  readonly url: URL;
  constructor(url: URL) {
    super();
    this.url = url;
    FakeWorker.last = this;
  }
  postMessage(message: ToProgramWorker): void {
    this.posted.push(message);
  }
  terminate(): void {
    this.terminated = true;
  }
  say(message: ProgramMessage): void {
    this.dispatchEvent(new MessageEvent('message', { data: message }));
  }
}

const request: RunRequest = {
  wasmUrl: 'http://site/wasm/go1.27/programs.wasm',
  wasmExecUrl: 'http://site/wasm/go1.27/wasm_exec.js',
  argv: ['inpage', 'leaking-map', '-d=2s'],
  env: { GODEBUG: 'gctrace=1' },
  memoryCapBytes: 512 << 20,
  timeCapMs: 32_000,
};

function listen() {
  const heard = { stderr: [] as string[], stdout: [] as string[], ends: [] as RunEnd[] };
  const run = startRun(request, {
    started: () => undefined,
    stderr: (lines) => heard.stderr.push(...lines),
    stdout: (lines) => heard.stdout.push(...lines),
    ended: (end) => heard.ends.push(end),
  });
  return { run, heard, worker: FakeWorker.last };
}

beforeEach(() => {
  vi.useFakeTimers();
  vi.stubGlobal('Worker', FakeWorker);
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('startRun()', () => {
  it('starts the worker with the program, its argv and env, and the memory cap', () => {
    const { worker } = listen();
    expect(worker.url.pathname).toMatch(/\/run\/worker\.ts$/);
    const { timeCapMs: _timeCap, ...sent } = request;
    expect(worker.posted).toEqual([{ type: 'start', ...sent, flushMs: expect.any(Number) }]);
  });

  it('hands on whole lines of each stream, however the writes were cut', () => {
    const { worker, heard } = listen();
    worker.say({ type: 'output', stdout: 'leaking-map: t=1', stderr: 'gc 1 @0.01s 2%: ' });
    worker.say({ type: 'output', stdout: 's\n', stderr: '1 P\ngc 2' });
    expect(heard.stderr).toEqual(['gc 1 @0.01s 2%: 1 P']);
    expect(heard.stdout).toEqual(['leaking-map: t=1s']);
    worker.say({ type: 'exit', code: 0 });
    // The line the program had not ended still belongs to its trace.
    expect(heard.stderr).toEqual(['gc 1 @0.01s 2%: 1 P', 'gc 2']);
    expect(heard.ends).toEqual([{ kind: 'exit', code: 0 }]);
    expect(worker.terminated).toBe(true);
  });

  it('stops at once on stop(), and hears nothing after', () => {
    const { run, worker, heard } = listen();
    run.stop();
    expect(worker.terminated).toBe(true);
    worker.say({ type: 'output', stdout: '', stderr: 'late line\n' });
    worker.say({ type: 'exit', code: 0 });
    run.stop();
    expect(heard.stderr).toEqual([]);
    expect(heard.ends).toEqual([{ kind: 'stopped' }]);
  });

  it('stops the run at its time cap', () => {
    const { worker, heard } = listen();
    vi.advanceTimersByTime(request.timeCapMs - 1);
    expect(heard.ends).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(heard.ends).toEqual([{ kind: 'time-cap', ms: request.timeCapMs }]);
    expect(worker.terminated).toBe(true);
  });

  it('passes on the memory cap and a failure, and ends when the worker itself fails', () => {
    let { worker, heard } = listen();
    worker.say({ type: 'memory-cap', memoryBytes: 600 << 20 });
    expect(heard.ends).toEqual([{ kind: 'memory-cap', memoryBytes: 600 << 20 }]);
    ({ worker, heard } = listen());
    worker.dispatchEvent(Object.assign(new Event('error'), { message: 'Script error' }));
    expect(heard.ends).toEqual([
      { kind: 'failed', message: "The program's worker failed: Script error." },
    ]);
    // No time cap fires for a run that has ended.
    vi.advanceTimersByTime(request.timeCapMs);
    expect(heard.ends).toHaveLength(1);
  });

  it('asks the worker for a profile and hands on its bytes, each answer to its own question', async () => {
    const { run, worker } = listen();
    const heap = run.takeProfile('heap');
    const goroutines = run.takeProfile('goroutine');
    expect(worker.posted.slice(1)).toEqual([
      { type: 'profile', request: 1, kind: 'heap' },
      { type: 'profile', request: 2, kind: 'goroutine' },
    ]);
    const bytes = Uint8Array.of(0x1f, 0x8b, 8);
    // Answers may come in any order; an unknown request number is ignored.
    worker.say({ type: 'profile-failed', request: 2, message: 'no goroutines today' });
    worker.say({ type: 'profile', request: 9, kind: 'heap', bytes, at: 1 });
    worker.say({ type: 'profile', request: 1, kind: 'heap', bytes, at: 1234.5 });
    expect(await heap).toEqual({ ok: true, kind: 'heap', bytes, at: 1234.5 });
    expect(await goroutines).toEqual({ ok: false, message: 'no goroutines today' });
  });

  it('answers a profile request the run ends before, and one made after it, with why there is none', async () => {
    const { run, worker, heard } = listen();
    const waiting = run.takeProfile('heap');
    worker.say({ type: 'exit', code: 0 });
    const ended: TakenProfile = { ok: false, message: endedProfileMessage };
    expect(await waiting).toEqual(ended);
    expect(await run.takeProfile('heap')).toEqual(ended);
    // Nothing is asked of a worker that is gone.
    expect(worker.posted).toHaveLength(2);
    expect(heard.ends).toEqual([{ kind: 'exit', code: 0 }]);
  });
});
