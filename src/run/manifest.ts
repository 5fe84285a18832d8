/**
 * The shape of public/wasm/manifest.json, written by scripts/build-wasm.sh: the sample programs
 * built to WebAssembly, one binary per Go release, with every program's flags. The flags and
 * exports come from the programs themselves (`inpage describe`), so they are declared once, in Go.
 */

/** How a flag's value is written: durations are given in seconds here and written `-d=15s`. */
export type FlagType = 'int' | 'float' | 'bool' | 'duration';

/** One knob of a program: what a slider or a checkbox drives. */
export interface FlagDescription {
  name: string;
  type: FlagType;
  /** 0 or 1 for a bool; seconds for a duration. */
  default: number;
  min: number;
  max: number;
  unit: string;
  help: string;
}

/** One program of the binary, run as its first argument (`inpage leaking-map -d=15s`). */
export interface ProgramDescription {
  name: string;
  summary: string;
  flags: FlagDescription[];
}

/** A function a running program sets on globalThis for the page, removed when it ends. */
export interface ExportDescription {
  name: string;
  returns: string;
  help: string;
}

/** A file of a build, relative to the manifest. */
export interface BuildFile {
  path: string;
  bytes: number;
  sha256: string;
}

/** One binary, built with one Go release. */
export interface WasmBuild {
  /** `go1.27`: the folder under public/wasm/ and the release's id across the site. */
  id: string;
  /** What the binary reports (runtime.Version()), e.g. `go1.27.3`. */
  goVersion: string;
  goos: 'js';
  goarch: 'wasm';
  /** sha256 of content/programs/inpage/ when this binary was built (see the manifest's source). */
  sourceSha256: string;
  command: string;
  wasm: BuildFile & { gzipBytes: number };
  /** The toolchain's own wasm_exec.js: a binary runs only with the one of its release. */
  wasmExec: BuildFile & { from: string };
  license: BuildFile & { from: string };
}

export interface WasmManifest {
  /** How the hash is taken and how to rebuild, for whoever finds the manifest stale. */
  source: { dir: string; sha256: string; hashedAs: string; rebuild: string };
  programs: ProgramDescription[];
  exports: ExportDescription[];
  /** Oldest release first. */
  builds: WasmBuild[];
}

/** What `inpage describe` prints. */
export interface ProgramsDescription {
  goVersion: string;
  goos: string;
  goarch: string;
  programs: ProgramDescription[];
  exports: ExportDescription[];
}
