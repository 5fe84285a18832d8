#!/bin/sh
# Builds the programs the site runs in the browser (content/programs/inpage/)
# to WebAssembly, once per Go release, into public/wasm/go1.NN/, and writes
# public/wasm/manifest.json. The results are committed, so that nothing but
# this script needs Go; tests/unit/run/wasm-manifest.test.ts fails when the
# source changed and the binaries were not rebuilt.
#
# Usage:
#   sh scripts/build-wasm.sh [RELEASE...]     default: 1.19 1.22 1.25 1.27
#
# Each release's toolchain comes from scripts/go-toolchains.sh (fetched if
# missing). Next to each programs.wasm go the toolchain's own wasm_exec.js (a
# binary runs only with the one of its release) and its licence.
set -eu
cd "$(dirname "$0")/.."

RELEASES=${*:-1.19 1.22 1.25 1.27}
SRC=content/programs/inpage
# -trimpath keeps the machine's paths out of the binary, so every build of the
# same source with the same release gives the same bytes; -s -w drops the
# symbol table and DWARF (function names stay: profiles and panics need them).
COMMAND="GOOS=js GOARCH=wasm GOTOOLCHAIN=local go build -trimpath -ldflags='-s -w' -o programs.wasm ."

for rel in $RELEASES; do
  goroot=$(sh scripts/go-toolchains.sh goroot "$rel" 2>/dev/null) || {
    sh scripts/go-toolchains.sh install "$rel"
    goroot=$(sh scripts/go-toolchains.sh goroot "$rel")
  }
  out=public/wasm/go$rel
  mkdir -p "$out"
  echo "go$rel: building $SRC with $goroot" >&2
  (
    cd "$SRC"
    GOROOT=$goroot PATH=$goroot/bin:$PATH GOTOOLCHAIN=local GOFLAGS=-mod=mod GOPROXY=off \
      CGO_ENABLED=0 GOOS=js GOARCH=wasm \
      go build -trimpath -ldflags='-s -w' -o "../../../$out/programs.wasm" .
  )
  npx --no-install node scripts/wasm-manifest.mjs "go$rel" "$goroot" "$COMMAND"
done
