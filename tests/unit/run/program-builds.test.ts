import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findBuilds, findProgram, readProgramBuilds } from '../../../src/run/program-builds.ts';

const manifest = readProgramBuilds(JSON.parse(readFileSync('public/wasm/manifest.json', 'utf8')));

describe('readProgramBuilds()', () => {
  it('lists the committed builds oldest first, each with its two files under /wasm/', () => {
    expect(manifest.builds.length).toBeGreaterThan(0);
    const minors = manifest.builds.map((b) => Number(b.id.slice('go1.'.length)));
    expect(minors).toEqual([...minors].sort((a, b) => a - b));
    for (const build of manifest.builds) {
      expect(build.goVersion.startsWith(build.id)).toBe(true);
      expect(build.wasmPath).toMatch(/^\/wasm\/.+\.wasm$/);
      expect(build.wasmExecPath).toMatch(/^\/wasm\/.+wasm_exec\.js$/);
      expect(readFileSync(`public${build.wasmPath}`).byteLength).toBe(build.bytes);
    }
  });

  it('names the functions a running program exports, which the profile buttons call', () => {
    expect(manifest.exports).toEqual(
      expect.arrayContaining(['goWriteHeapProfile', 'goWriteGoroutineProfile']),
    );
  });

  it('refuses a file that is not a manifest', () => {
    expect(() => readProgramBuilds({ builds: 'no' })).toThrow(/build-wasm\.sh/);
  });
});

describe('findProgram() and findBuilds()', () => {
  it('name what exists when a lesson asks for what does not', () => {
    expect(findProgram(manifest, 'leaking-map', 'here').name).toBe('leaking-map');
    expect(() => findProgram(manifest, 'leaky', 'lesson 1')).toThrow(
      /lesson 1: there is no in-page program "leaky"\. The programs are: .*leaking-map/,
    );
    expect(() => findBuilds(manifest, ['go1.4'], 'lesson 7')).toThrow(
      /lesson 7: no build for go1\.4/,
    );
    const newest = manifest.builds.at(-1)!;
    expect(findBuilds(manifest, [newest.id], 'x')).toEqual([newest]);
  });
});
