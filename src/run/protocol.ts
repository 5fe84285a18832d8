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
  | { type: 'failed'; message: string };
