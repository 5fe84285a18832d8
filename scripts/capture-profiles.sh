#!/bin/sh
# Captures heap and goroutine profiles of the sample workloads, each with the
# GODEBUG=gctrace=1 trace of the same run, their provenance and the output of
# go tool pprof on them, for the profile lessons and tests.
#
# Usage: sh scripts/capture-profiles.sh [RELEASE...] [--out DIR]
#
#   RELEASE  1.19 1.21 ... 1.27 (default: 1.22 1.27)
#   --out    where to write (default: a new temporary directory)
#
# For each release it builds content/programs/heap-profiles and writes into
# DIR/go1.NN/:
#   <workload>.trace.txt       the run's standard error exactly as printed:
#                              the trace and the program's own lines, which
#                              give the moment each profile was written
#   <workload>-N.pb.gz         profile N of the run (gzipped protobuf)
#   <workload>-N.debug1.txt    the goroutine profile as text (debug=1), for
#                              forgotten-goroutines, written just after the
#                              protobuf one
#   <workload>-N.json          the profile's provenance: release, settings,
#                              command, moment (elapsedSeconds since main
#                              started) and the trace it goes with
#   <workload>-N.pprof.txt     go tool pprof -top on it, for each sample type,
#                              by function and by line (-lines): each section
#                              starts with "### " and the command
#   <workload>.diff.pprof.txt  go tool pprof -top -diff_base <workload>-1
#                              <workload>-2, for the same sample types
# and encoding-json-test.pb.gz, a large real profile: go test -memprofile of
# the standard library's encoding/json tests with -memprofilerate=4096 (about
# one sample per 4 KiB allocated: tens of thousands of samples). With
# -memprofilerate=1 the same tests make a 22 MB profile (600,000 samples)
# that go tool pprof needs minutes to read.
#
# Into the site (never edited after the run): copy DIR/go1.NN/* to
# content/profiles/go1.NN/. The toolchains come from scripts/go-toolchains.sh.
# One release takes about a minute.
set -eu

ROOT=$(cd "$(dirname "$0")/.." && pwd)
PROGRAM=$ROOT/content/programs/heap-profiles
TOOLCHAINS="sh $ROOT/scripts/go-toolchains.sh"

OUT=
RELEASES=
while [ $# -gt 0 ]; do
  case $1 in
    --out) OUT=$2; shift 2 ;;
    --out=*) OUT=${1#--out=}; shift ;;
    1.*) RELEASES="$RELEASES $1"; shift ;;
    *) echo "usage: $0 [RELEASE...] [--out DIR]" >&2; exit 2 ;;
  esac
done
[ -n "$RELEASES" ] || RELEASES="1.22 1.27"
[ -n "$OUT" ] || OUT=$(mktemp -d)
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)
TODAY=$(date -u +%Y-%m-%d)

json_str() {
  printf '"%s"' "$(printf '%s' "$1" | sed 's/\\/\\\\/g; s/"/\\"/g')"
}

# pprof_sections FILE SAMPLE... : go tool pprof -top of FILE for each sample
# type, by function and by line, one "### command" section each.
pprof_sections() {
  file=$1; shift
  for s in "$@"; do
    for lines in "" " -lines"; do
      cmd="go tool pprof -top$lines -sample_index=$s $file"
      echo "### $cmd"
      # shellcheck disable=SC2086
      go tool pprof -top$lines -sample_index="$s" "$file" 2>&1
    done
  done
}

# pprof_diff BASE LATER SAMPLE... : the same with -diff_base.
pprof_diff() {
  base=$1 later=$2; shift 2
  for s in "$@"; do
    for lines in "" " -lines"; do
      echo "### go tool pprof -top$lines -sample_index=$s -diff_base $base $later"
      # shellcheck disable=SC2086
      go tool pprof -top$lines -sample_index="$s" -diff_base "$base" "$later" 2>&1
    done
  done
}

# profile_json NAME KIND TITLE DESCRIPTION TRUTH: NAME.json, from the run's
# settings and the moment the program printed for NAME.
profile_json() {
  name=$1 kind=$2 title=$3 desc=$4 truth=$5
  # As a JSON number the way Prettier writes it: 2.000 becomes 2.
  elapsed=$(sed -n "s/^heap-profiles: t=\([0-9.]*\)s wrote $name\.pb\.gz.*/\1/p" "$DIR/$RUN.trace.txt" | awk '{ print $1 + 0 }')
  rate=$(sed -n "s/^heap-profiles: t=[0-9.]*s wrote $name\.pb\.gz.*MemProfileRate=\([0-9]*\).*/\1/p" "$DIR/$RUN.trace.txt")
  {
    echo "{"
    echo "  \"title\": $(json_str "$title ($GOV)"),"
    echo "  \"description\": $(json_str "$desc"),"
    echo "  \"kind\": \"$kind\","
    echo "  \"source\": \"captured\","
    echo "  \"goVersion\": \"$GOV\","
    echo "  \"goos\": \"$(go env GOOS)\","
    echo "  \"goarch\": \"$(go env GOARCH)\","
    echo "  \"gomaxprocs\": 2,"
    echo "  \"numCPU\": $NUMCPU,"
    echo "  \"gogc\": \"100\","
    echo "  \"gomemlimit\": null,"
    echo "  \"godebug\": \"${godebug:-gctrace=1}\","
    if [ -n "$rate" ]; then echo "  \"memProfileRate\": $rate,"; fi
    echo "  \"program\": \"content/programs/heap-profiles/main.go\","
    echo "  \"command\": $(json_str "$COMMAND"),"
    echo "  \"elapsedSeconds\": $elapsed,"
    echo "  \"trace\": \"content/profiles/$GOV_DIR/$RUN.trace.txt\","
    echo "  \"pprof\": \"content/profiles/$GOV_DIR/$name.pprof.txt\","
    echo "  \"captured\": \"$TODAY\","
    echo "  \"truth\": $(json_str "$truth")"
    echo "}"
  } >"$DIR/$name.json"
}

# run NAME WORKLOAD "ARGS" [GODEBUG]: runs heap-profiles -workload WORKLOAD in
# DIR with GOMAXPROCS=2 GODEBUG=gctrace=1 (or GODEBUG as given), standard error
# to NAME.trace.txt.
run() {
  RUN=$1
  godebug=${4:-gctrace=1}
  COMMAND="GOMAXPROCS=2 GODEBUG=$godebug ./heap-profiles -workload $2 $3 2>$1.trace.txt"
  echo "  $GOV: $COMMAND" >&2
  # shellcheck disable=SC2086
  (cd "$DIR" && env -u GOGC -u GOMEMLIMIT -u GODEBUG GOMAXPROCS=2 GODEBUG="$godebug" "$BIN/heap-profiles" -workload "$2" $3 2>"$1.trace.txt")
}

HEAP_SAMPLES="alloc_objects alloc_space inuse_objects inuse_space"

for rel in $RELEASES; do
  eval "$($TOOLCHAINS env "$rel")"
  export GOPROXY=off GOFLAGS=-mod=mod GOTOOLCHAIN=local CGO_ENABLED=0
  GOV=$(go env GOVERSION)
  GOV_DIR=go$rel
  DIR=$OUT/$GOV_DIR
  mkdir -p "$DIR"
  BIN=$(mktemp -d)
  (cd "$PROGRAM" && go build -trimpath -o "$BIN/heap-profiles" .)
  mkdir -p "$BIN/numcpu"
  printf 'package main\n\nimport "runtime"\n\nfunc main() { println(runtime.NumCPU()) }\n' >"$BIN/numcpu/main.go"
  NUMCPU=$(cd "$BIN/numcpu" && GOFLAGS= go run main.go 2>&1)

  run leaking-map leaking-map "-d 19s -at 3s,18s"
  for n in 1 2; do
    profile_json leaking-map-$n heap "leaking-map: heap profile $n of 2" \
      "Heap profile written $( [ $n = 1 ] && echo 3 || echo 18 ) s into a run of the leaking-map workload, right after runtime.GC(); the other profile of the pair is leaking-map-$((3 - n)).pb.gz." \
      "leak: 2000 requests/s, each stores a session (1 KiB payload plus a short string) in a map that is never pruned (main.remember in sessions.go), about 2.2 MB/s of live heap growth; plus 48 KiB of short-lived garbage per request (main.handle); the default MemProfileRate samples about one allocation per 512 KiB, and pprof's numbers are the runtime's scaled estimates"
    (cd "$DIR" && pprof_sections leaking-map-$n.pb.gz $HEAP_SAMPLES >leaking-map-$n.pprof.txt)
  done
  (cd "$DIR" && pprof_diff leaking-map-1.pb.gz leaking-map-2.pb.gz $HEAP_SAMPLES >leaking-map.diff.pprof.txt)

  run steady steady "-d 19s -at 3s,18s"
  for n in 1 2; do
    profile_json steady-$n heap "steady: heap profile $n of 2" \
      "Heap profile written $( [ $n = 1 ] && echo 3 || echo 18 ) s into a run of the steady workload, right after runtime.GC(); the other profile of the pair is steady-$((3 - n)).pb.gz." \
      "no leak: 16384 sessions of 1 KiB kept in a ring filled before serving starts (main.fillRecent), 2000 requests/s each replacing the oldest (main.rememberRecent), plus 48 KiB of short-lived garbage per request; the default MemProfileRate samples about one allocation per 512 KiB"
    (cd "$DIR" && pprof_sections steady-$n.pb.gz $HEAP_SAMPLES >steady-$n.pprof.txt)
  done
  (cd "$DIR" && pprof_diff steady-1.pb.gz steady-2.pb.gz $HEAP_SAMPLES >steady.diff.pprof.txt)

  run forgotten-goroutines forgotten-goroutines "-d 5s -at 2s,4s"
  for n in 1 2; do
    profile_json forgotten-goroutines-$n goroutine "forgotten-goroutines: goroutine profile $n of 2" \
      "Goroutine profile (protobuf, debug=0) written $( [ $n = 1 ] && echo 2 || echo 4 ) s into a run of the forgotten-goroutines workload; forgotten-goroutines-$n.debug1.txt is the same profile as text (debug=1), written just after it." \
      "leak: 200 goroutines/s start main.worker and block forever receiving on a reply channel nobody sends on (workers.go), each keeping a 32 KiB buffer and its stack"
    (cd "$DIR" && pprof_sections forgotten-goroutines-$n.pb.gz goroutine >forgotten-goroutines-$n.pprof.txt)
  done
  (cd "$DIR" && pprof_diff forgotten-goroutines-1.pb.gz forgotten-goroutines-2.pb.gz goroutine >forgotten-goroutines.diff.pprof.txt)

  # Real profiles for the tests of bad input: a CPU profile (where a heap
  # profile is expected) and a heap profile with no samples (MemProfileRate 0).
  run steady-cpu steady "-d 2s -at 1s -o steady-cpu -cpuprofile steady.cpu.pb.gz"
  profile_json steady-cpu-1 heap "steady: the heap profile of a run with a CPU profile" \
    "Heap profile written 1 s into a two-second run of the steady workload that also wrote a CPU profile, steady.cpu.pb.gz, of the whole run." \
    "no leak: the steady workload; the CPU profile of the same run is steady.cpu.pb.gz"
  # GODEBUG's memprofilerate=0 takes effect before the first allocation (the
  # runtime reads it in schedinit), so not even package initialisation is
  # recorded.
  run empty-heap steady "-d 1s -at 500ms -o empty-heap" gctrace=1,memprofilerate=0
  profile_json empty-heap-1 heap "A heap profile with no samples" \
    "Heap profile of the steady workload run with GODEBUG=memprofilerate=0: the runtime recorded no allocation, so the profile has its four sample types and no sample." \
    "no samples: MemProfileRate 0 records nothing"

  # A large real profile: the allocations of the encoding/json tests.
  COMMAND="go test -count=1 -run . -memprofile encoding-json-test.pb.gz -memprofilerate=4096 encoding/json"
  echo "  $GOV: $COMMAND" >&2
  (cd "$BIN" && go test -count=1 -run . -o "$BIN/json.test" -memprofile "$DIR/encoding-json-test.pb.gz" -memprofilerate=4096 encoding/json >/dev/null)
  {
    echo "{"
    echo "  \"title\": $(json_str "Every allocation of the encoding/json tests ($GOV)"),"
    echo "  \"description\": $(json_str "The allocs profile that go test -memprofile writes after the standard library's encoding/json tests, with about one allocation in every 4 KiB recorded (-memprofilerate=4096): a large real profile with many different stacks."),"
    echo "  \"kind\": \"heap\","
    echo "  \"source\": \"captured\","
    echo "  \"goVersion\": \"$GOV\","
    echo "  \"goos\": \"$(go env GOOS)\","
    echo "  \"goarch\": \"$(go env GOARCH)\","
    echo "  \"gomaxprocs\": null,"
    echo "  \"numCPU\": $NUMCPU,"
    echo "  \"gogc\": \"100\","
    echo "  \"gomemlimit\": null,"
    echo "  \"godebug\": null,"
    echo "  \"memProfileRate\": 4096,"
    echo "  \"program\": null,"
    echo "  \"command\": $(json_str "$COMMAND"),"
    echo "  \"elapsedSeconds\": null,"
    echo "  \"trace\": null,"
    echo "  \"pprof\": \"content/profiles/$GOV_DIR/encoding-json-test.pprof.txt\","
    echo "  \"captured\": \"$TODAY\","
    echo "  \"truth\": \"no leak: a test run; the profile has the allocations of every test in encoding/json\""
    echo "}"
  } >"$DIR/encoding-json-test.json"
  (cd "$DIR" && pprof_sections encoding-json-test.pb.gz $HEAP_SAMPLES >encoding-json-test.pprof.txt)
  rm -rf "$BIN"
  echo "$GOV: done, in $DIR" >&2
done
echo "$OUT"
