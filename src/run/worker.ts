/// <reference lib="webworker" />
/**
 * Runs one Go program built with GOOS=js GOARCH=wasm, off the page's thread, and sends what it
 * writes on standard output and standard error to the page. One worker runs one program once:
 * the page stops a run by terminating the worker.
 *
 * This is a classic worker, not a module: wasm_exec.js (the Go release's own glue, which defines
 * globalThis.Go) is loaded with importScripts from the site's origin, which the Content-Security-
 * Policy allows (script-src 'self'); nothing is evaluated from a string. So this file imports
 * types only: a classic worker cannot load modules.
 */
import type {
  ProfileRequest,
  ProgramMessage,
  ProgramProfileKind,
  ProgramStart,
  ToProgramWorker,
} from './protocol.ts';

/** The parts of wasm_exec.js's Go class used here (its API is the same in every release). */
interface GoRuntime {
  argv: string[];
  env: Record<string, string>;
  exit: (code: number) => void;
  importObject: Record<string, Record<string, unknown>>;
  run(instance: WebAssembly.Instance): Promise<void>;
}

interface WasmExecFs {
  writeSync(fd: number, buffer: Uint8Array): number;
}

const scope = self as unknown as DedicatedWorkerGlobalScope & {
  Go: new () => GoRuntime;
  fs: WasmExecFs;
};

let ended = false;
/** The program's main has started (and, until `ended`, may be asked for profiles). */
let started = false;

function send(message: ProgramMessage): void {
  scope.postMessage(message);
}

/** Output decoded so far and not yet sent; bytes of a character split across writes wait in the decoders. */
const pending = { stdout: '', stderr: '' };
const decoders = { stdout: new TextDecoder(), stderr: new TextDecoder() };
let lastFlush = 0;
let flushTimer = 0;
let flushMs = 16;

function flush(): void {
  if (flushTimer !== 0) scope.clearTimeout(flushTimer);
  flushTimer = 0;
  lastFlush = performance.now();
  if (pending.stdout === '' && pending.stderr === '') return;
  send({ type: 'output', stdout: pending.stdout, stderr: pending.stderr });
  pending.stdout = '';
  pending.stderr = '';
}

/**
 * Takes one write of the program. The Go runtime prints a gc line in many small writes, and a
 * busy program may not give the worker's event loop a turn for a long time, so output is sent
 * from here once `flushMs` has passed, and otherwise by a timer when the program next waits.
 */
function write(fd: number, bytes: Uint8Array): void {
  if (ended) return;
  const stream = fd === 1 ? 'stdout' : fd === 2 ? 'stderr' : null;
  if (stream === null) return;
  // The bytes are a view of the program's memory: decode them now, before it changes.
  pending[stream] += decoders[stream].decode(bytes, { stream: true });
  const sinceFlush = performance.now() - lastFlush;
  if (sinceFlush >= flushMs) flush();
  else if (flushTimer === 0) flushTimer = scope.setTimeout(flush, flushMs - sinceFlush);
}

/** Ends the run from inside the program: nothing more is sent, and the worker closes. */
class RunEnded extends Error {}

function end(message: ProgramMessage): void {
  if (ended) return;
  pending.stdout += decoders.stdout.decode();
  pending.stderr += decoders.stderr.decode();
  flush();
  ended = true;
  send(message);
  scope.close();
}

// An exception thrown to unwind the program after the end surfaces here; it is expected.
scope.addEventListener('error', (event) => {
  if (ended) event.preventDefault();
});
scope.addEventListener('unhandledrejection', (event) => {
  if (ended) event.preventDefault();
});

async function instantiate(
  url: string,
  imports: WebAssembly.Imports,
): Promise<{ instance: WebAssembly.Instance; downloadMs: number; compileMs: number }> {
  const begin = performance.now();
  const response = await fetch(url);
  if (!response.ok) throw new Error(`the server answered ${response.status} for ${url}`);
  const downloadMs = performance.now() - begin;
  const fallback = response.clone();
  let instance: WebAssembly.Instance;
  try {
    ({ instance } = await WebAssembly.instantiateStreaming(response, imports));
  } catch (error) {
    // A server that does not send application/wasm rules out streaming compilation only.
    if (!(error instanceof TypeError)) throw error;
    ({ instance } = await WebAssembly.instantiate(await fallback.arrayBuffer(), imports));
  }
  return { instance, downloadMs, compileMs: performance.now() - begin - downloadMs };
}

async function start(request: ProgramStart): Promise<void> {
  flushMs = request.flushMs;
  try {
    scope.importScripts(request.wasmExecUrl);
  } catch (error) {
    end({
      type: 'failed',
      message: `The Go runtime's script (${request.wasmExecUrl}) did not load: ${String(error)}`,
    });
    return;
  }
  scope.fs.writeSync = (fd, buffer) => {
    write(fd, buffer);
    return buffer.length;
  };
  const go = new scope.Go();
  go.argv = request.argv;
  go.env = request.env;
  go.exit = (code) => end({ type: 'exit', code });

  let memory: WebAssembly.Memory | null = null;
  // The runtime calls resetMemoryDataView each time it grows its memory (the import module is
  // "go" up to Go 1.20 and "gojs" from 1.21): the place to hold the memory cap.
  for (const module of Object.values(go.importObject)) {
    const reset = module['runtime.resetMemoryDataView'];
    if (typeof reset !== 'function') continue;
    module['runtime.resetMemoryDataView'] = (sp: number) => {
      reset(sp);
      const bytes = memory?.buffer.byteLength ?? 0;
      if (bytes > request.memoryCapBytes) {
        end({ type: 'memory-cap', memoryBytes: bytes });
        // Unwinds the program's stack: it must not run a moment longer.
        throw new RunEnded('memory cap');
      }
    };
  }

  let loaded;
  try {
    loaded = await instantiate(request.wasmUrl, go.importObject as WebAssembly.Imports);
  } catch (error) {
    end({
      type: 'failed',
      message: `The program (${request.wasmUrl}) could not be downloaded or compiled: ${error instanceof Error ? error.message : String(error)}`,
    });
    return;
  }
  memory = loaded.instance.exports.mem as WebAssembly.Memory;
  send({
    type: 'started',
    at: performance.timeOrigin + performance.now(),
    downloadMs: loaded.downloadMs,
    compileMs: loaded.compileMs,
  });
  lastFlush = performance.now();
  started = true;
  try {
    await go.run(loaded.instance);
  } catch (error) {
    if (error instanceof RunEnded || ended) return;
    end({ type: 'failed', message: `The program stopped with an error: ${String(error)}` });
  }
}

/** The function each profile is written by, set on globalThis by the running program. */
const profileWriters: Record<ProgramProfileKind, string> = {
  heap: 'goWriteHeapProfile',
  goroutine: 'goWriteGoroutineProfile',
};

/**
 * Asks the running program for a profile and sends its bytes to the page. The program runs on
 * this thread, so a message is handled only while it waits: calling its exported function then
 * runs Go until the profile is written, and the program carries on after.
 */
function sendProfile({ request, kind }: ProfileRequest): void {
  // After the end nothing is sent: the page has heard the end already.
  if (ended) return;
  const fail = (message: string) => send({ type: 'profile-failed', request, message });
  if (!started) {
    fail('The program has not started yet.');
    return;
  }
  const name = profileWriters[kind];
  const write = (scope as unknown as Record<string, unknown>)[name];
  if (typeof write !== 'function') {
    fail(`The program offers no ${name}(): it has finished, or it was built without it.`);
    return;
  }
  const at = performance.timeOrigin + performance.now();
  let bytes: unknown;
  try {
    bytes = (write as () => unknown)();
  } catch (error) {
    // The memory cap may end the run while the profile is written.
    if (ended) return;
    fail(`${name}() failed: ${error instanceof Error ? error.message : String(error)}`);
    return;
  }
  if (ended) return;
  if (bytes instanceof Error) fail(`The program could not write the profile: ${bytes.message}`);
  else if (!(bytes instanceof Uint8Array)) fail(`${name}() returned no bytes.`);
  else {
    const message: ProgramMessage = { type: 'profile', request, kind, bytes, at };
    // The array is the program's copy, made for this call: its memory moves to the page.
    scope.postMessage(message, [bytes.buffer]);
  }
}

scope.onmessage = (event: MessageEvent<ToProgramWorker>) => {
  if (event.data.type === 'start') void start(event.data);
  else if (event.data.type === 'profile') sendProfile(event.data);
};
