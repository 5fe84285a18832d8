#!/usr/bin/env node
// Records one WebAssembly build in public/wasm/manifest.json (run by scripts/build-wasm.sh after
// `go build`): copies the toolchain's wasm_exec.js and licence beside the binary, asks the binary
// for its programs and flags (`inpage describe`, run under Node), and writes the sizes and hashes
// that tests/unit/run/wasm-manifest.test.ts checks.
//
//   node scripts/wasm-manifest.mjs go1.27 GOROOT 'COMMAND'
//
// Node 24 strips the TypeScript types of the modules it imports.
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { runProgram } from '../src/run/node-runner.ts';
import { sha256, sourceHash, sourceHashedAs } from '../src/run/source-hash.ts';

const root = resolve(fileURLToPath(import.meta.url), '../..');
const sourceDir = 'content/programs/inpage';
const wasmDir = 'public/wasm';
const rebuild = 'sh scripts/build-wasm.sh';

/** The first of `candidates` (relative to `goroot`) that exists. */
function findIn(goroot, candidates, what) {
  const found = candidates.find((path) => existsSync(join(goroot, path)));
  if (!found) throw new Error(`no ${what} in ${goroot} (looked for ${candidates.join(', ')})`);
  return found;
}

function fileRecord(path) {
  const bytes = readFileSync(join(root, wasmDir, path));
  return { path, bytes: bytes.length, sha256: sha256(bytes) };
}

async function main([id, goroot, command]) {
  if (!/^go1\.\d+$/.test(id ?? '') || !goroot || !command) {
    console.error("usage: node scripts/wasm-manifest.mjs go1.NN GOROOT 'COMMAND'");
    return 2;
  }
  const release = id.slice(2);
  const out = join(root, wasmDir, id);
  // wasm_exec.js moved from misc/wasm to lib/wasm in Go 1.24.
  const wasmExecFrom = findIn(
    goroot,
    ['lib/wasm/wasm_exec.js', 'misc/wasm/wasm_exec.js'],
    'wasm_exec.js',
  );
  // Debian's packages leave out the toolchain's LICENSE; their copyright file carries the same
  // licence (and those of the few files under other terms).
  const licenseFrom = findIn(
    goroot,
    [
      'LICENSE',
      `../../share/doc/golang-${release}-src/copyright`,
      `../../share/doc/golang-${release}-go/copyright`,
    ],
    'licence',
  );
  copyFileSync(join(goroot, wasmExecFrom), join(out, 'wasm_exec.js'));
  copyFileSync(join(goroot, licenseFrom), join(out, 'LICENSE'));

  const run = await runProgram({
    wasm: join(out, 'programs.wasm'),
    wasmExec: join(out, 'wasm_exec.js'),
    argv: ['inpage', 'describe'],
    timeoutMs: 60_000,
  });
  if (run.exitCode !== 0) {
    console.error(
      `${id}: inpage describe failed (exit ${run.exitCode}, ${run.error ?? 'no error'})`,
    );
    console.error(run.lines.map((l) => l.text).join('\n'));
    return 1;
  }
  const described = JSON.parse(run.stdout.join('\n'));
  if (described.goVersion !== id && !described.goVersion.startsWith(`${id}.`)) {
    console.error(`${id}: the binary says it was built by ${described.goVersion}`);
    return 1;
  }

  const manifestPath = join(root, wasmDir, 'manifest.json');
  const manifest = existsSync(manifestPath)
    ? JSON.parse(readFileSync(manifestPath, 'utf8'))
    : { builds: [] };
  const wasmBytes = readFileSync(join(out, 'programs.wasm'));
  const build = {
    id,
    goVersion: described.goVersion,
    goos: described.goos,
    goarch: described.goarch,
    sourceSha256: sourceHash(join(root, sourceDir)),
    command,
    wasm: {
      ...fileRecord(`${id}/programs.wasm`),
      gzipBytes: gzipSync(wasmBytes, { level: 9 }).length,
    },
    wasmExec: { ...fileRecord(`${id}/wasm_exec.js`), from: wasmExecFrom },
    license: { ...fileRecord(`${id}/LICENSE`), from: licenseFrom },
  };
  const minor = (b) => Number(b.id.split('.')[1]);
  const builds = [...manifest.builds.filter((b) => b.id !== id), build].sort(
    (a, b) => minor(a) - minor(b),
  );
  const next = {
    source: { dir: sourceDir, sha256: build.sourceSha256, hashedAs: sourceHashedAs, rebuild },
    programs: described.programs,
    exports: described.exports,
    builds,
  };
  writeFileSync(manifestPath, `${JSON.stringify(next, null, 2)}\n`);
  console.error(
    `${id}: ${described.goVersion}, ${build.wasm.bytes} bytes (${build.wasm.gzipBytes} gzipped), ` +
      `describe ran in ${Math.round(run.elapsedMs)} ms`,
  );
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await main(process.argv.slice(2));
}
