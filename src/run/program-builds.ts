/**
 * What a lesson's run needs from the in-page programs' manifest (public/wasm/manifest.json,
 * written by scripts/build-wasm.sh): each release's two files and every program's flags. Read at
 * build time, so a lesson that names a program, flag or release the builds lack stops the build
 * with a message.
 */
import type { ProgramDescription, WasmManifest } from './manifest.ts';

/** One release's build, with the site-relative paths of its two files. */
export interface ProgramBuild {
  /** "go1.27": how lessons name a release. */
  id: string;
  /** The release that built it, "go1.27.4". */
  goVersion: string;
  wasmPath: string;
  wasmExecPath: string;
  bytes: number;
  gzipBytes: number;
}

export interface ProgramBuilds {
  /** Oldest release first. */
  builds: ProgramBuild[];
  programs: ProgramDescription[];
  /** The names of the functions a running program sets on globalThis (goWriteHeapProfile, …). */
  exports: string[];
}

const minor = (id: string) => Number(/^go1\.(\d+)$/.exec(id)?.[1]);

/** Reads the manifest's JSON; one that is not what the build script writes throws. */
export function readProgramBuilds(json: unknown): ProgramBuilds {
  // Checked rather than trusted: a hand-edited or half-written manifest must fail the build clearly.
  const data = json as Partial<WasmManifest> | null;
  if (!Array.isArray(data?.builds) || !Array.isArray(data.programs)) {
    throw new Error(
      'public/wasm/manifest.json has no builds or programs: rebuild it with sh scripts/build-wasm.sh',
    );
  }
  const builds = data.builds.map((build) => {
    const id = String(build.id);
    if (!Number.isInteger(minor(id)) || !build.wasm?.path || !build.wasmExec?.path) {
      throw new Error(
        `public/wasm/manifest.json: a build lacks its release or its files (${JSON.stringify(build)}); rebuild it with sh scripts/build-wasm.sh`,
      );
    }
    return {
      id,
      goVersion: String(build.goVersion ?? id),
      wasmPath: `/wasm/${build.wasm.path}`,
      wasmExecPath: `/wasm/${build.wasmExec.path}`,
      bytes: build.wasm.bytes,
      gzipBytes: build.wasm.gzipBytes,
    };
  });
  builds.sort((a, b) => minor(a.id) - minor(b.id));
  const exports = Array.isArray(data.exports) ? data.exports.map((e) => String(e.name)) : [];
  return { builds, programs: data.programs, exports };
}

/** The program of that name, or an error that lists the ones there are. */
export function findProgram(
  builds: ProgramBuilds,
  name: string,
  where: string,
): ProgramDescription {
  const program = builds.programs.find((p) => p.name === name);
  if (!program) {
    throw new Error(
      `${where}: there is no in-page program "${name}". The programs are: ${builds.programs.map((p) => p.name).join(', ')}.`,
    );
  }
  return program;
}

/** The builds of those releases ("go1.27"), in that order, or an error that lists the ones there are. */
export function findBuilds(
  builds: ProgramBuilds,
  ids: readonly string[],
  where: string,
): ProgramBuild[] {
  return ids.map((id) => {
    const build = builds.builds.find((b) => b.id === id);
    if (!build) {
      throw new Error(
        `${where}: no build for ${id}. The in-page programs are built for ${builds.builds.map((b) => b.id).join(', ')}.`,
      );
    }
    return build;
  });
}
