/**
 * The in-page programs' manifest (public/wasm/manifest.json, written by scripts/build-wasm.sh):
 * one build per Go release, every program with its flags. Read at build time, so a lesson that
 * names a program, flag or release the builds do not have stops the build with a message.
 */
import type { FlagSpec } from './run-settings.ts';

/** One release's build, with the site-relative paths of its two files. */
export interface ProgramBuild {
  /** "go1.27": how lessons name a release. */
  id: string;
  /** The full release that built it, "go1.27.3". */
  release: string;
  wasmPath: string;
  wasmExecPath: string;
  bytes: number;
  gzipBytes: number;
}

export interface ProgramInfo {
  name: string;
  summary: string;
  flags: FlagSpec[];
}

export interface ProgramManifest {
  /** Oldest release first. */
  builds: ProgramBuild[];
  programs: ProgramInfo[];
}

const minor = (release: string) => Number(/^go1\.(\d+)/.exec(release)?.[1] ?? NaN);

/** Reads the manifest's JSON; a manifest that is not what the build script writes throws. */
export function readManifest(json: unknown): ProgramManifest {
  const data = json as {
    builds?: {
      release?: string;
      path?: string;
      wasmExec?: string;
      bytes?: number;
      gzipBytes?: number;
    }[];
    programs?: ProgramInfo[];
  };
  if (!Array.isArray(data?.builds) || !Array.isArray(data.programs)) {
    throw new Error(
      'public/wasm/manifest.json has no builds or programs: run sh scripts/build-wasm.sh',
    );
  }
  const builds = data.builds.map((build) => {
    const release = String(build.release);
    if (!/^go1\.\d+/.test(release) || !build.path || !build.wasmExec) {
      throw new Error(
        `public/wasm/manifest.json: a build lacks its release or its files (${JSON.stringify(build)})`,
      );
    }
    return {
      id: `go1.${minor(release)}`,
      release,
      wasmPath: `/wasm/${build.path}`,
      wasmExecPath: `/wasm/${build.wasmExec}`,
      bytes: Number(build.bytes) || 0,
      gzipBytes: Number(build.gzipBytes) || 0,
    };
  });
  builds.sort((a, b) => minor(a.release) - minor(b.release));
  return { builds, programs: data.programs };
}

/** The program of that name, or an error that lists the ones there are. */
export function findProgram(manifest: ProgramManifest, name: string, where: string): ProgramInfo {
  const program = manifest.programs.find((p) => p.name === name);
  if (!program) {
    throw new Error(
      `${where}: there is no in-page program "${name}". The programs are: ${manifest.programs.map((p) => p.name).join(', ')}.`,
    );
  }
  return program;
}

/** The builds of those releases ("go1.27"), in that order, or an error that lists the ones there are. */
export function findBuilds(
  manifest: ProgramManifest,
  ids: readonly string[],
  where: string,
): ProgramBuild[] {
  return ids.map((id) => {
    const build = manifest.builds.find((b) => b.id === id);
    if (!build) {
      throw new Error(
        `${where}: no build for ${id}. The in-page programs are built for ${manifest.builds.map((b) => b.id).join(', ')}.`,
      );
    }
    return build;
  });
}
