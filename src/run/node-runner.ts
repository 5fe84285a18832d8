/**
 * Runs a program of public/wasm/ under Node, with the wasm_exec.js of the release that built it,
 * the way the page runs it in the browser: standard output and error are captured line by line,
 * and the functions the program exports can be called while it runs. Used by the tests and by
 * scripts/build-wasm.sh (to ask each binary for its flags). Node only.
 *
 * Each run gets a global object of its own (a node:vm context), as Go's wasm_exec.js sets
 * globalThis.Go and reads globalThis.fs: two releases, or two runs, never share them, and the
 * process's own globals are left alone.
 */
import { randomFillSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createContext, runInContext, type Context } from 'node:vm';
import { goOutputFs, type OutputFd } from './go-fs.ts';
import { LineAssembler } from './line-assembler.ts';

/** A line of output, in the order lines were completed. */
export interface OutputLine {
  stream: 'stdout' | 'stderr';
  text: string;
}

export interface NodeRunOptions {
  /** The .wasm file (path or bytes). */
  wasm: string | Uint8Array<ArrayBuffer>;
  /** Path of the wasm_exec.js that goes with it. */
  wasmExec: string;
  /** os.Args: the command name first, then the program and its flags. */
  argv: string[];
  env?: Record<string, string>;
  /** Called for every whole line as soon as it is complete. */
  onLine?: (line: OutputLine) => void;
  /** Stop the program after this long (it is not resumed again). */
  timeoutMs?: number;
}

export interface NodeRunResult {
  /** The program's exit status; null if it was stopped or crashed the WebAssembly machine. */
  exitCode: number | null;
  /** Stopped by `stop()` or the time-out before it ended. */
  stopped: boolean;
  /** A WebAssembly trap or a fault in wasm_exec.js, if the run ended with one. */
  error: string | null;
  lines: OutputLine[];
  stdout: string[];
  stderr: string[];
  /** Wall-clock time from the start of the program (instantiation excluded) to its end. */
  elapsedMs: number;
}

export interface NodeRun {
  /** The run's global object: the program's exports (e.g. goWriteHeapProfile) appear on it. */
  global: Record<string, unknown>;
  result: Promise<NodeRunResult>;
  /** Stops the program: it is never resumed again. */
  stop(): void;
}

interface GoInstance {
  argv: string[];
  env: Record<string, string>;
  exit: (code: number) => void;
  exited: boolean;
  importObject: WebAssembly.Imports;
  run(instance: WebAssembly.Instance): Promise<void>;
  _pendingEvent: unknown;
  _resume(): void;
}

const modules = new Map<string, Promise<WebAssembly.Module>>();

/** Compiling a binary takes a while: each file is compiled once per process. */
function compile(wasm: string | Uint8Array<ArrayBuffer>): Promise<WebAssembly.Module> {
  if (typeof wasm !== 'string') return WebAssembly.compile(wasm);
  let module = modules.get(wasm);
  if (!module) {
    module = WebAssembly.compile(readFileSync(wasm));
    modules.set(wasm, module);
  }
  return module;
}

/** Starts a program; its result settles when it exits, is stopped, or crashes. */
export function startProgram(options: NodeRunOptions): NodeRun {
  const lines: OutputLine[] = [];
  const assemblers = { 1: new LineAssembler(), 2: new LineAssembler() };
  const streamOf = (fd: OutputFd) => (fd === 1 ? 'stdout' : 'stderr');
  const take = (fd: OutputFd, texts: string[]) => {
    for (const text of texts) {
      const line = { stream: streamOf(fd), text } as const;
      lines.push(line);
      options.onLine?.(line);
    }
  };

  // Timers go through here, so that stop() can cancel them all and an exception thrown while the
  // program runs from a timer ends the run instead of the process.
  const timers = new Set<ReturnType<typeof setTimeout>>();
  let finished = false;
  let settle!: (result: {
    exitCode: number | null;
    stopped: boolean;
    error: string | null;
  }) => void;
  const ended = new Promise<{ exitCode: number | null; stopped: boolean; error: string | null }>(
    (resolve) => (settle = resolve),
  );
  const finish = (exitCode: number | null, stopped: boolean, error: string | null) => {
    if (finished) return;
    finished = true;
    for (const timer of timers) clearTimeout(timer);
    timers.clear();
    settle({ exitCode, stopped, error });
  };

  let go: GoInstance | undefined;
  const checkDeadlock = () => {
    // Nothing left to wake the program: let Go report the deadlock, as wasm_exec_node.js does.
    if (finished || timers.size > 0 || !go || go.exited) return;
    go._pendingEvent = { id: 0 };
    run(() => go!._resume());
  };
  const run = (step: () => void) => {
    try {
      step();
    } catch (error) {
      finish(null, false, error instanceof Error ? error.message : String(error));
    }
  };
  const context: Context = createContext({
    console,
    crypto: { getRandomValues: (bytes: Uint8Array) => randomFillSync(bytes) },
    performance: { now: () => performance.now() },
    TextEncoder,
    TextDecoder,
    fs: goOutputFs((fd, bytes) => take(fd, assemblers[fd].push(bytes))),
    setTimeout: (callback: () => void, ms: number) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        if (finished) return;
        run(callback);
        setImmediate(checkDeadlock);
      }, ms);
      timers.add(timer);
      return timer;
    },
    clearTimeout: (timer: ReturnType<typeof setTimeout>) => {
      timers.delete(timer);
      clearTimeout(timer);
    },
  });
  runInContext(readFileSync(options.wasmExec, 'utf8'), context, { filename: options.wasmExec });
  go = runInContext('new Go()', context) as GoInstance;
  go.argv = options.argv;
  go.env = options.env ?? {};
  let exitCode: number | null = null;
  go.exit = (code) => {
    exitCode = code;
  };

  let timeout: ReturnType<typeof setTimeout> | undefined;
  let startedAt = 0;
  const result = (async (): Promise<NodeRunResult> => {
    // wasm_exec.js checks `instance instanceof WebAssembly.Instance` against its own realm.
    const contextWebAssembly = runInContext('WebAssembly', context) as typeof WebAssembly;
    const instance = await contextWebAssembly.instantiate(
      await compile(options.wasm),
      go.importObject,
    );
    if (options.timeoutMs !== undefined) {
      timeout = setTimeout(() => finish(null, true, null), options.timeoutMs);
    }
    startedAt = performance.now();
    run(() => {
      go.run(instance).then(
        () => finish(exitCode, false, null),
        (error: unknown) => finish(null, false, String(error)),
      );
    });
    setImmediate(checkDeadlock);
    const end = await ended;
    const elapsedMs = performance.now() - startedAt;
    clearTimeout(timeout);
    take(1, assemblers[1].end());
    take(2, assemblers[2].end());
    return {
      ...end,
      lines,
      stdout: lines.filter((l) => l.stream === 'stdout').map((l) => l.text),
      stderr: lines.filter((l) => l.stream === 'stderr').map((l) => l.text),
      elapsedMs,
    };
  })();
  return {
    global: context as Record<string, unknown>,
    result,
    stop: () => finish(null, true, null),
  };
}

/** Runs a program to its end (or `timeoutMs`) and returns what it printed. */
export function runProgram(options: NodeRunOptions): Promise<NodeRunResult> {
  return startProgram(options).result;
}
