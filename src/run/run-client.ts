/**
 * The page's side of a program run: starts the worker that runs a Go program, hands its output
 * on as whole lines, and ends the run when the program exits, the learner stops it, or it passes
 * the memory or time cap. Stopping terminates the worker at once.
 */
import type {
  ProfileRequest,
  ProgramMessage,
  ProgramProfileKind,
  ProgramStart,
} from './protocol.ts';
import { LineAssembler } from './line-assembler.ts';

export interface RunRequest {
  wasmUrl: string;
  wasmExecUrl: string;
  argv: string[];
  env: Record<string, string>;
  /** The run is stopped when the program's memory passes this. */
  memoryCapBytes: number;
  /** … or when it has run this long. */
  timeCapMs: number;
}

/** How a run ended. */
export type RunEnd =
  | { kind: 'exit'; code: number }
  | { kind: 'stopped' }
  | { kind: 'memory-cap'; memoryBytes: number }
  | { kind: 'time-cap'; ms: number }
  | { kind: 'failed'; message: string };

export interface RunListener {
  /** The program is compiled and started at `at` (ms since the epoch, performance.timeOrigin + now()). */
  started(timing: { at: number; downloadMs: number; compileMs: number }): void;
  /** Whole lines of standard error: the trace, and whatever else the program wrote there. */
  stderr(lines: string[]): void;
  /** Whole lines of standard output. */
  stdout(lines: string[]): void;
  /** Called once, last. */
  ended(end: RunEnd): void;
}

/** A profile the running program wrote, or why there is none. */
export type TakenProfile =
  | {
      ok: true;
      kind: ProgramProfileKind;
      /** Gzipped pprof protobuf, as runtime/pprof writes it. */
      bytes: Uint8Array;
      /** When it was written: ms since the epoch, the clock of `started`. */
      at: number;
    }
  | { ok: false; message: string };

export interface ProgramRun {
  /** Ends the run now; `ended` is called with `stopped` unless it had already ended. */
  stop(): void;
  /** Asks the running program for a profile; never rejects (a run that ended says so). */
  takeProfile(kind: ProgramProfileKind): Promise<TakenProfile>;
}

/** Why a profile cannot be had from a run that is over. */
export const endedProfileMessage =
  'The program has ended: a profile can only be taken while it runs. Run it again to take one.';

/** Output arrives from the worker at most this often while the program prints. */
const flushMs = 16;

export function startRun(request: RunRequest, listener: RunListener): ProgramRun {
  const worker = new Worker(new URL('./worker.ts', import.meta.url), { name: 'go-program' });
  const stderr = new LineAssembler();
  const stdout = new LineAssembler();
  let done = false;
  /** Profile requests not answered yet, by number. */
  const profiles = new Map<number, (profile: TakenProfile) => void>();
  let nextRequest = 1;

  const finish = (end: RunEnd) => {
    if (done) return;
    done = true;
    clearTimeout(timeCap);
    worker.terminate();
    for (const answer of profiles.values()) answer({ ok: false, message: endedProfileMessage });
    profiles.clear();
    // A last line without a line end still belongs to the run.
    const lastErrors = stderr.end();
    const lastOutput = stdout.end();
    if (lastErrors.length > 0) listener.stderr(lastErrors);
    if (lastOutput.length > 0) listener.stdout(lastOutput);
    listener.ended(end);
  };

  const timeCap = setTimeout(
    () => finish({ kind: 'time-cap', ms: request.timeCapMs }),
    request.timeCapMs,
  );

  worker.addEventListener('message', (event: MessageEvent<ProgramMessage>) => {
    if (done) return;
    const message = event.data;
    switch (message.type) {
      case 'started':
        listener.started({
          at: message.at,
          downloadMs: message.downloadMs,
          compileMs: message.compileMs,
        });
        break;
      case 'output': {
        const errorLines = message.stderr ? stderr.push(message.stderr) : [];
        const outputLines = message.stdout ? stdout.push(message.stdout) : [];
        if (errorLines.length > 0) listener.stderr(errorLines);
        if (outputLines.length > 0) listener.stdout(outputLines);
        break;
      }
      case 'exit':
        finish({ kind: 'exit', code: message.code });
        break;
      case 'memory-cap':
        finish({ kind: 'memory-cap', memoryBytes: message.memoryBytes });
        break;
      case 'failed':
        finish({ kind: 'failed', message: message.message });
        break;
      case 'profile':
        profiles.get(message.request)?.({
          ok: true,
          kind: message.kind,
          bytes: message.bytes,
          at: message.at,
        });
        profiles.delete(message.request);
        break;
      case 'profile-failed':
        profiles.get(message.request)?.({ ok: false, message: message.message });
        profiles.delete(message.request);
        break;
    }
  });
  worker.addEventListener('error', (event) => {
    event.preventDefault();
    finish({
      kind: 'failed',
      message: `The program's worker failed: ${event.message || 'it could not start'}.`,
    });
  });

  const start: ProgramStart = {
    type: 'start',
    wasmUrl: request.wasmUrl,
    wasmExecUrl: request.wasmExecUrl,
    argv: request.argv,
    env: request.env,
    memoryCapBytes: request.memoryCapBytes,
    flushMs,
  };
  worker.postMessage(start);

  return {
    stop: () => finish({ kind: 'stopped' }),
    takeProfile: (kind) =>
      new Promise((resolve) => {
        if (done) {
          resolve({ ok: false, message: endedProfileMessage });
          return;
        }
        const request: ProfileRequest = { type: 'profile', request: nextRequest++, kind };
        profiles.set(request.request, resolve);
        worker.postMessage(request);
      }),
  };
}
