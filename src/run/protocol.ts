/** Messages between the page and the worker that runs a Go program built for js/wasm. */

/** What the page asks the worker to run. */
export interface ProgramStart {
  type: 'start';
  /** Same-origin URLs of the program and of the wasm_exec.js of the Go release that built it. */
  wasmUrl: string;
  wasmExecUrl: string;
  /** os.Args, the program's name first. */
  argv: string[];
  env: Record<string, string>;
  /** The run stops when the program's linear memory grows past this. */
  memoryCapBytes: number;
  /** Output is sent at most this often while the program keeps printing. */
  flushMs: number;
}

/** The profiles a running program hands over (content/programs/inpage/exports.go). */
export type ProgramProfileKind = 'heap' | 'goroutine';

/**
 * What the page asks of the running program: a profile, written by the program's exported
 * function (goWriteHeapProfile, goWriteGoroutineProfile) in the worker. `request` pairs the
 * answer with the question.
 */
export interface ProfileRequest {
  type: 'profile';
  request: number;
  kind: ProgramProfileKind;
}

/** Everything the page sends the worker. */
export type ToProgramWorker = ProgramStart | ProfileRequest;

export type ProgramMessage =
  /**
   * The program was downloaded and compiled, and its main starts now: `at` is that moment in ms
   * since the epoch (performance.timeOrigin + now()), a clock the page shares.
   */
  | { type: 'started'; at: number; downloadMs: number; compileMs: number }
  /** Text the program wrote since the last message, on standard output and standard error. */
  | { type: 'output'; stdout: string; stderr: string }
  /** The program ended by itself (os.Exit or the end of main) with this status. */
  | { type: 'exit'; code: number }
  /** The program's memory passed the cap; the worker stops it. */
  | { type: 'memory-cap'; memoryBytes: number }
  /** It could not start or it crashed outside Go (a download failed, the wasm did not compile). */
  | { type: 'failed'; message: string }
  /**
   * The profile asked for: gzipped pprof protobuf, written when the worker's clock read `at`
   * (ms since the epoch, the clock of `started`).
   */
  | { type: 'profile'; request: number; kind: ProgramProfileKind; bytes: Uint8Array; at: number }
  /** The profile could not be written; `message` says why. */
  | { type: 'profile-failed'; request: number; message: string };
