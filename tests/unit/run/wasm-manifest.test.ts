// public/wasm/ is built from content/programs/inpage/ by scripts/build-wasm.sh and committed.
// These checks fail when the source changed and the binaries were not rebuilt, or when a file
// no longer matches what the manifest says about it.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { createContext, runInContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import type { WasmManifest } from '../../../src/run/manifest.ts';
import { sha256, sourceHash, sourceHashedAs } from '../../../src/run/source-hash.ts';

const root = resolve(import.meta.dirname, '../../..');
const wasmDir = join(root, 'public/wasm');
const manifest = JSON.parse(readFileSync(join(wasmDir, 'manifest.json'), 'utf8')) as WasmManifest;
const rebuild = 'Rebuild the WebAssembly programs with: sh scripts/build-wasm.sh';

/** Where scripts/go-toolchains.sh unpacks a release, if it has been run on this machine. */
function goroot(id: string): string | null {
  const release = id.slice(2);
  const cache = process.env.GO_TOOLCHAINS_DIR ?? join(homedir(), '.cache/gctrace-lab/go');
  const dir = join(cache, release, 'usr/lib', `go-${release}`);
  return existsSync(join(dir, 'bin/go')) ? dir : null;
}

const minor = (id: string) => Number(id.split('.')[1]);

describe('public/wasm/manifest.json', () => {
  it('was written for the current source of content/programs/inpage/', () => {
    const current = sourceHash(join(root, manifest.source.dir));
    expect(manifest.source.dir).toBe('content/programs/inpage');
    expect(manifest.source.hashedAs).toBe(sourceHashedAs);
    for (const build of manifest.builds) {
      expect(
        build.sourceSha256,
        `${build.id}/programs.wasm was built from other source than ${manifest.source.dir}/ holds now. ${rebuild}`,
      ).toBe(current);
    }
    expect(manifest.source.sha256, rebuild).toBe(current);
    expect(manifest.source.rebuild).toBe('sh scripts/build-wasm.sh');
  });

  it('has a build of the newest release (1.27) and of at least two older ones, oldest first', () => {
    const ids = manifest.builds.map((b) => b.id);
    expect(ids.at(-1)).toBe('go1.27');
    expect(ids.length).toBeGreaterThanOrEqual(3);
    expect([...ids].sort((a, b) => minor(a) - minor(b))).toEqual(ids);
  });

  it('lists exactly the build folders there are', () => {
    const folders = readdirSync(wasmDir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort((a, b) => minor(a) - minor(b));
    expect(folders).toEqual(manifest.builds.map((b) => b.id));
  });

  it('declares every program with a unique name and flags whose defaults are in range', () => {
    expect(manifest.programs.map((p) => p.name)).toEqual(
      expect.arrayContaining(['leaking-map', 'steady', 'forgotten-goroutines']),
    );
    expect(new Set(manifest.programs.map((p) => p.name)).size).toBe(manifest.programs.length);
    for (const program of manifest.programs) {
      expect(new Set(program.flags.map((f) => f.name)).size).toBe(program.flags.length);
      for (const flag of program.flags) {
        expect(flag.min, `${program.name} -${flag.name}`).toBeLessThanOrEqual(flag.default);
        expect(flag.default, `${program.name} -${flag.name}`).toBeLessThanOrEqual(flag.max);
        expect(flag.help.length, `${program.name} -${flag.name} has no help`).toBeGreaterThan(0);
      }
    }
    expect(manifest.exports.map((e) => e.name)).toEqual([
      'goWriteHeapProfile',
      'goWriteGoroutineProfile',
    ]);
  });
});

describe.each(manifest.builds.map((build) => [build.id, build] as const))(
  'the %s build',
  (id, build) => {
    it('has the files the manifest describes, byte for byte', () => {
      for (const file of [build.wasm, build.wasmExec, build.license]) {
        const path = join(wasmDir, file.path);
        expect(existsSync(path), `${file.path} is missing. ${rebuild}`).toBe(true);
        const bytes = readFileSync(path);
        const message = `${file.path} is not the file the manifest describes. ${rebuild}`;
        expect(bytes.length, message).toBe(file.bytes);
        expect(sha256(bytes), message).toBe(file.sha256);
      }
      expect(build.wasm.path).toBe(`${id}/programs.wasm`);
      expect(build.wasm.gzipBytes).toBeLessThan(build.wasm.bytes);
      expect(build.goVersion.startsWith(`${id}.`)).toBe(true);
      expect([build.goos, build.goarch]).toEqual(['js', 'wasm']);
    });

    it('comes with a wasm_exec.js that provides every import of the binary', async () => {
      // The import module and functions changed across releases (module "go" up to 1.20, "gojs"
      // from 1.21; new functions now and then): a binary runs only with the wasm_exec.js of its
      // own release.
      const context = createContext({
        console,
        crypto: { getRandomValues: () => {} },
        performance,
        TextEncoder,
        TextDecoder,
      });
      runInContext(readFileSync(join(wasmDir, build.wasmExec.path), 'utf8'), context);
      const importObject = runInContext('new Go().importObject', context) as Record<
        string,
        Record<string, unknown>
      >;
      const module = await WebAssembly.compile(readFileSync(join(wasmDir, build.wasm.path)));
      const missing = WebAssembly.Module.imports(module)
        .filter((i) => typeof importObject[i.module]?.[i.name] !== 'function')
        .map((i) => `${i.module}.${i.name}`);
      expect(
        missing,
        `${build.wasmExec.path} does not match ${build.wasm.path}. ${rebuild}`,
      ).toEqual([]);
    });

    it.runIf(goroot(id) !== null)(
      "has the toolchain's own wasm_exec.js and licence (checked where the toolchain is unpacked)",
      () => {
        const dir = goroot(id)!;
        for (const file of [build.wasmExec, build.license]) {
          const original = join(dir, file.from);
          expect(existsSync(original), `${original} is missing`).toBe(true);
          expect(
            sha256(readFileSync(original)),
            `${file.path} differs from ${original}. ${rebuild}`,
          ).toBe(file.sha256);
        }
      },
    );
  },
);
