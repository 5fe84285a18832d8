#!/bin/sh
# Captures GODEBUG=gctrace traces of the programs in content/programs with
# several Go releases, each trace with its provenance.
#
# Usage: sh scripts/capture-traces.sh [RELEASE...] [--out DIR] [--only NAME,...]
#
#   RELEASE  1.19 1.21 1.22 1.23 1.24 1.25 1.26 1.27 (default: all of them)
#   --out    where to write (default: a new temporary directory)
#   --only   run only the captures with these names (e.g. short-leak,short-flat)
#
# For each release it writes DIR/go1.NN/<name>.txt (the program's stderr,
# exactly as printed: the trace plus the program's own progress lines) and
# DIR/go1.NN/<name>.json (the provenance, in the format of
# content/traces/*.json). The goroutine-leak-profile runs also write the
# profile itself, DIR/go1.NN/<name>.prof.txt, with DIR/go1.NN/<name>.prof.json.
#
# Into the site (never edited after the run):
#   cp DIR/go1.NN/*.json and the .txt beside each  ->  content/traces/go1.NN/
#   DIR/go1.NN/goroutine-leak-profile.prof.{txt,json}
#                      ->  content/profiles/go1.NN/goroutine-leak-profile.{txt,json}
#
# The toolchains come from scripts/go-toolchains.sh (run it first). The
# programs are built with GOTOOLCHAIN=local GOFLAGS=-mod=mod GOPROXY=off and
# need only the standard library. One release takes about 3 minutes: the
# captures run one after another, and idle-periodic (which must idle for
# more than two minutes) runs beside them, so at most two programs run at
# once. GOMAXPROCS=2 everywhere unless GOMAXPROCS is what a run is about.
#
# A new run gives different numbers: the files in content/traces/go1.NN
# are one such run, copied there by hand and never edited.
set -eu

ROOT=$(cd "$(dirname "$0")/.." && pwd)
PROGS=$ROOT/content/programs
TOOLCHAINS="sh $ROOT/scripts/go-toolchains.sh"

OUT=
RELEASES=
ONLY=
while [ $# -gt 0 ]; do
  case $1 in
    --out) OUT=$2; shift 2 ;;
    --out=*) OUT=${1#--out=}; shift ;;
    --only) ONLY=$2; shift 2 ;;
    --only=*) ONLY=${1#--only=}; shift ;;
    1.*) RELEASES="$RELEASES $1"; shift ;;
    *) echo "usage: $0 [RELEASE...] [--out DIR] [--only NAME,...]" >&2; exit 2 ;;
  esac
done
[ -n "$RELEASES" ] || RELEASES=$($TOOLCHAINS list)
[ -n "$OUT" ] || OUT=$(mktemp -d)
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)
TODAY=$(date -u +%Y-%m-%d)

# json_str VALUE: VALUE as a JSON string (no control characters expected).
json_str() {
  printf '"%s"' "$(printf '%s' "$1" | sed 's/\\/\\\\/g; s/"/\\"/g')"
}

# env_value NAME "A=1 B=2": the value of NAME in the settings, or nothing.
env_value() {
  for kv in $2; do
    case $kv in "$1="*) echo "${kv#*=}"; return ;; esac
  done
}

# summary FILE: what the trace itself shows, counted, not judged.
summary() {
  awk '
    function less(a, b) { return length(a) < length(b) || (length(a) == length(b) && a < b) }
    { lines++ }
    /gc [0-9]+ @[0-9.]+s [0-9]+%/ {
      gc++
      if (match($0, /[0-9]+->[0-9]+->[0-9]+ MB/)) {
        split(substr($0, RSTART, RLENGTH - 3), h, "->")
        if (first == "") first = h[3]; last = h[3]
      }
      if (match($0, /[0-9]+ MB goal/)) {
        # Goals can have 13 digits: compare them as strings, not numbers.
        g = substr($0, RSTART, RLENGTH - 8)
        if (gmin == "" || less(g, gmin)) gmin = g
        if (gmax == "" || less(gmax, g)) gmax = g
      }
      if (index($0, "(forced)")) forced++
      if (index($0, "(checking for goroutine leaks)")) leakcheck++
    }
    /^GC forced$/ { periodic++ }
    /^scan: / { scan++ }
    /^pacer: / { pacer++ }
    /^scav / { scav++ }
    /^checkfinalizers: / { cf++ }
    END {
      printf "trace: %d lines, %d gc lines", lines, gc
      if (gc) printf ", live heap (third number) %s MB first, %s MB last, goal %s", first, last, (gmin == gmax ? gmin " MB" : gmin " to " gmax " MB")
      if (forced) printf ", %d (forced)", forced
      if (leakcheck) printf ", %d (checking for goroutine leaks)", leakcheck
      if (periodic) printf ", %d GC forced", periodic
      if (scan) printf ", %d scan: lines", scan
      if (pacer) printf ", %d pacer: lines", pacer
      if (scav) printf ", %d scav lines", scav
      if (cf) printf ", %d checkfinalizers: lines", cf
    }' "$1"
}

# capture NAME PROGRAM "SETTINGS" "ARGS" TITLE DESCRIPTION TRUTH
# Runs ./PROGRAM ARGS (in $RUNDIR, default $BIN) with exactly SETTINGS in the environment (GOGC,
# GOMEMLIMIT, GODEBUG and GOMAXPROCS from outside are removed first), stderr
# to NAME.txt, and writes NAME.json.
capture() {
  name=$1 prog=$2 settings=$3 args=$4 title=$5 desc=$6 truth=$7
  case ",${ONLY:-$name}," in *",$name,"*) ;; *) return 0 ;; esac
  dir=$OUT/$GOV_DIR
  cmd="$settings ./$prog${args:+ $args} 2>$name.txt"
  echo "  $GOV $name: $cmd" >&2
  # shellcheck disable=SC2086
  (cd "${RUNDIR:-$BIN}" && env -u GOGC -u GOMEMLIMIT -u GODEBUG -u GOMAXPROCS $settings "./$prog" $args 2>"$dir/$name.txt") ||
    echo "  $GOV $name: exit status $?" >&2
  gogc=$(env_value GOGC "$settings")
  gomemlimit=$(env_value GOMEMLIMIT "$settings")
  {
    echo "{"
    echo "  \"title\": $(json_str "$title"),"
    echo "  \"description\": $(json_str "$desc"),"
    echo "  \"source\": \"captured\","
    echo "  \"sourceUrl\": null,"
    echo "  \"goVersion\": \"$GOV\","
    echo "  \"goos\": \"$GOOS_\","
    echo "  \"goarch\": \"$GOARCH_\","
    echo "  \"gomaxprocs\": $(env_value GOMAXPROCS "$settings"),"
    echo "  \"numCPU\": $NUMCPU,"
    echo "  \"gogc\": $(json_str "${gogc:-100}"),"
    if [ -n "$gomemlimit" ]; then echo "  \"gomemlimit\": $(json_str "$gomemlimit"),"; else echo "  \"gomemlimit\": null,"; fi
    echo "  \"godebug\": $(json_str "$(env_value GODEBUG "$settings")"),"
    echo "  \"program\": \"content/programs/$prog/main.go\","
    echo "  \"command\": $(json_str "$cmd"),"
    echo "  \"captured\": \"$TODAY\","
    echo "  \"truth\": $(json_str "$truth; $(summary "$dir/$name.txt")")"
    echo "}"
  } >"$dir/$name.json"
}

# profile_json BASE: BASE.prof.json, the provenance of the profile
# BASE.prof.txt, taken from the trace's BASE.json. Copied into the site as
# content/profiles/go1.NN/goroutine-leak-profile.{txt,json}.
profile_json() {
  rel=${GOV_DIR}
  first=$(head -n 1 "$1.prof.txt")
  {
    echo "{"
    echo "  \"title\": $(json_str "The goroutineleak profile ($GOV)"),"
    echo "  \"description\": $(json_str "The goroutineleak profile (text form, WriteTo debug=1) written by goroutine-leak-profile one second into its run. Its trace, with the gc line that checked for leaks, is content/traces/$rel/goroutine-leak-profile.txt."),"
    sed -n '/"source"/,/"captured"/p' "$1.json"
    echo "  \"truth\": $(json_str "100 goroutines leaked (50 blocked receiving, 50 sending, each on a channel only it can reach); 1 more goroutine is blocked on a channel main still holds and is not a leak; the profile says: $first"),"
    echo "  \"trace\": \"content/traces/$rel/goroutine-leak-profile.txt\""
    echo "}"
  } >"$1.prof.json"
}

# Truths: what the programs do with these flags (read from their source).
LEAK="leak: 2000 requests/s, each adds a session (1 KiB payload plus a short string) to a map that is never pruned, about 2.2 MB/s of live heap growth; plus 48 KiB of short-lived garbage per request"
STEADY="no leak: 16384 sessions of 1 KiB kept (about 17 MB live, filled before serving starts), 2000 requests/s each replacing the oldest session, plus 48 KiB of short-lived garbage per request"
PLATEAU="no leak: an LRU cache of at most 24000 entries of 1 KiB, 8000 misses/s, so it is full after 3 s and the live heap is flat from then on; plus 24 KiB of short-lived garbage per request"
SAWTOOTH="no leak: rounds of 2 s (load a 48 MB batch over 0.5 s, hold it 1 s, drop it, rest 0.5 s) while 128 MB/s of short-lived garbage is allocated"
FORGOTTEN="leak: 200 goroutines/s block forever on a reply channel nobody sends on, each keeping a 32 KiB buffer and a stack grown by an 8 KiB local array; plus 1 MB of short-lived garbage per request"
DEMO="no leak: live heap constant at 32 MB (1 KiB blocks), 256 MB/s of 1 KiB garbage objects"

capture_release() {
  rel=$1
  eval "$($TOOLCHAINS env "$rel")"
  export GOPROXY=off GOFLAGS=-mod=mod GOTOOLCHAIN=local CGO_ENABLED=0
  GOV=$(go env GOVERSION)
  GOOS_=$(go env GOOS)
  GOARCH_=$(go env GOARCH)
  GOV_DIR=go$rel
  minor=${rel#1.}
  mkdir -p "$OUT/$GOV_DIR"
  BIN=$(mktemp -d)
  echo "$GOV: building into $BIN" >&2

  progs="leaking-map steady plateau-cache sawtooth forgotten-goroutines gogc-demo forced idle-periodic gomaxprocs-change"
  for p in $progs; do
    (cd "$PROGS/$p" && go build -trimpath -o "$BIN/$p" .)
  done
  if [ "$minor" -ge 26 ]; then
    # Go 1.26 has the goroutineleak profile only with this experiment;
    # Go 1.27 has it always (src/runtime/pprof/pprof.go, lockProfiles).
    if [ "$minor" -eq 26 ]; then
      (cd "$PROGS/goroutine-leak-profile" && GOEXPERIMENT=goroutineleakprofile go build -trimpath -o "$BIN/goroutine-leak-profile" .)
      (cd "$PROGS/goroutine-leak-profile" && go build -trimpath -o "$BIN/noexp/goroutine-leak-profile" .)
    else
      (cd "$PROGS/goroutine-leak-profile" && go build -trimpath -o "$BIN/goroutine-leak-profile" .)
    fi
  fi
  mkdir -p "$BIN/numcpu"
  printf 'package main\n\nimport "runtime"\n\nfunc main() { println(runtime.NumCPU()) }\n' >"$BIN/numcpu/main.go"
  NUMCPU=$(cd "$BIN/numcpu" && GOFLAGS= go run main.go 2>&1)

  # The long, idle one beside the others.
  capture idle-periodic idle-periodic "GOMAXPROCS=2 GODEBUG=gctrace=1" "-idle 135s" \
    "Idle for 135 s: the periodic collection ($GOV)" \
    "A burst of allocation, then nothing but a 10-second ticker for 135 s. After two minutes without a collection the runtime starts one itself and says \"GC forced\" first." \
    "no leak: 40 MB allocated in a burst, 4 MB of it kept, then idle for 135 s" &
  idle=$!

  capture leaking-map leaking-map "GOMAXPROCS=2 GODEBUG=gctrace=1" "" \
    "A map that only grows ($GOV)" \
    "Ten seconds of a small server that stores every session in a global map and never deletes any; the progress lines between the gc lines are the program's own output." \
    "$LEAK"
  capture steady steady "GOMAXPROCS=2 GODEBUG=gctrace=1" "" \
    "A steady server ($GOV)" \
    "Ten seconds of the same server keeping only its 16384 most recent sessions: collections at a steady pace, live heap flat." \
    "$STEADY"
  capture plateau-cache plateau-cache "GOMAXPROCS=2 GODEBUG=gctrace=1" "" \
    "A cache that fills, then levels off ($GOV)" \
    "Ten seconds of a bounded LRU cache: the live heap climbs like a leak while the cache fills, then stays level." \
    "$PLATEAU"
  capture sawtooth sawtooth "GOMAXPROCS=2 GODEBUG=gctrace=1" "" \
    "A batch job: the sawtooth ($GOV)" \
    "Ten seconds of rounds that load a 48 MB batch, hold it and drop it: the live heap rises and falls, peaks not growing." \
    "$SAWTOOTH"
  capture forgotten-goroutines forgotten-goroutines "GOMAXPROCS=2 GODEBUG=gctrace=1" "" \
    "Goroutines that never finish ($GOV)" \
    "Ten seconds of a server whose workers wait forever for a reply: the live heap and the stacks field grow; the program prints the goroutine count each second." \
    "$FORGOTTEN"

  for g in 50 100 200; do
    capture gogc-$g gogc-demo "GOGC=$g GOMAXPROCS=2 GODEBUG=gctrace=1" "" \
      "GOGC=$g ($GOV)" \
      "Ten seconds of gogc-demo with GOGC=$g: a fixed 32 MB live heap and a fixed garbage rate, so the goal and the number of cycles depend only on GOGC." \
      "$DEMO; GOGC=$g"
  done
  capture gogc-off gogc-demo "GOGC=off GOMAXPROCS=2 GODEBUG=gctrace=1" "-gc-every 1s" \
    "GOGC=off: no goal at all ($GOV)" \
    "With GOGC=off and no memory limit the collector never starts by itself; the only cycles are the program's runtime.GC() calls, once a second, each marked (forced), with a huge goal that means there is none." \
    "$DEMO; GOGC=off, no memory limit, runtime.GC() once a second"
  capture gomemlimit-64mib-gogcoff gogc-demo "GOMEMLIMIT=64MiB GOGC=off GOMAXPROCS=2 GODEBUG=gctrace=1" "" \
    "GOMEMLIMIT=64MiB with GOGC=off ($GOV)" \
    "GOGC=off but a 64 MiB memory limit: the collector runs only to stay under the limit, so the goal sits a little below 64 MB." \
    "$DEMO; GOGC=off, memory limit 64 MiB"
  capture gomemlimit-60mib-gogc100 gogc-demo "GOMEMLIMIT=60MiB GOGC=100 GOMAXPROCS=2 GODEBUG=gctrace=1" "" \
    "GOMEMLIMIT=60MiB with GOGC=100 ($GOV)" \
    "GOGC=100 would aim at about 64 MB; the 60 MiB limit is lower, so the limit sets the goal." \
    "$DEMO; GOGC=100, memory limit 60 MiB"
  capture leaking-map-memlimit leaking-map "GOMEMLIMIT=64MiB GOGC=off GOMAXPROCS=2 GODEBUG=gctrace=1" "-d 4s -rate 10000 -size 4096 -garbage 4096" \
    "A fast leak into a memory limit ($GOV)" \
    "Four seconds of a fast leak under GOMEMLIMIT=64MiB and GOGC=off: once the live heap reaches the limit the collector runs back to back, the goal follows the heap past the limit, and nothing can be freed." \
    "leak: 10000 requests/s, each adds a session with a 4 KiB payload to a map that is never pruned (about 42 MB/s of live heap growth), plus 4 KiB of garbage per request; memory limit 64 MiB, GOGC=off"

  # Short runs: under a second of cycles, to be judged by the number of cycles
  # and the size of the change rather than by the time they cover.
  capture short-flat gogc-demo "GOGC=25 GOMAXPROCS=2 GODEBUG=gctrace=1" "-d 500ms -live 8 -rate 1024" \
    "Half a second, a hundred flat cycles ($GOV)" \
    "Half a second of gogc-demo with a small live heap, a high garbage rate and GOGC=25: about a hundred cycles in under a second, the live heap flat." \
    "no leak: live heap constant at 8 MB (1 KiB blocks), 1024 MB/s of 1 KiB garbage objects; GOGC=25"
  capture short-leak leaking-map "GOMAXPROCS=2 GODEBUG=gctrace=1" "-d 1s -rate 10000 -size 1024 -garbage 32768" \
    "One second of a fast leak ($GOV)" \
    "One second of the leaking server at 10000 requests/s: the live heap grows from nothing to tens of MB within the second." \
    "leak: 10000 requests/s, each adds a session (1 KiB payload plus a short string) to a map that is never pruned, about 11 MB/s of live heap growth; plus 32 KiB of short-lived garbage per request"
  capture short-leak-gogc10 leaking-map "GOGC=10 GOMAXPROCS=2 GODEBUG=gctrace=1" "-d 1s -rate 20000 -size 1024 -garbage 8192" \
    "One second of a fast leak with GOGC=10 ($GOV)" \
    "One second of the leaking server at 20000 requests/s with GOGC=10: the live heap grows from nothing to several MB over dozens of cycles." \
    "leak: 20000 requests/s, each adds a session (1 KiB payload plus a short string) to a map that is never pruned, about 22 MB/s of live heap growth; plus 8 KiB of short-lived garbage per request; GOGC=10"
  capture short-leak-memlimit leaking-map "GOMEMLIMIT=16MiB GOGC=off GOMAXPROCS=2 GODEBUG=gctrace=1" "-d 1s -rate 10000 -size 4096 -garbage 4096" \
    "One second of a leak into a memory limit ($GOV)" \
    "One second of a fast leak under GOMEMLIMIT=16MiB and GOGC=off: the live heap reaches the limit within a fraction of a second, then the goal follows it and the collector runs back to back." \
    "leak: 10000 requests/s, each adds a session with a 4 KiB payload to a map that is never pruned (about 42 MB/s of live heap growth), plus 4 KiB of garbage per request; memory limit 16 MiB, GOGC=off"

  capture gctrace2 gogc-demo "GOMAXPROCS=2 GODEBUG=gctrace=2" "-d 3s" \
    "gctrace=2 ($GOV)" \
    "Three seconds of gogc-demo with GODEBUG=gctrace=2. Up to Go 1.24 this prints the same as gctrace=1; from Go 1.25 each gc line is followed by scan: lines with per-size-class scan statistics." \
    "$DEMO; GOGC=100"
  capture gogc-100-pacer-scav gogc-demo "GOGC=100 GOMAXPROCS=2 GODEBUG=gctrace=1,gcpacertrace=1,scavtrace=1" "-d 5s" \
    "Pacer and scavenger lines ($GOV)" \
    "Five seconds of gogc-demo with the pacer's and the scavenger's own traces switched on beside gctrace." \
    "$DEMO; GOGC=100"
  capture gomemlimit-64mib-gogcoff-pacer-scav gogc-demo "GOMEMLIMIT=64MiB GOGC=off GOMAXPROCS=2 GODEBUG=gctrace=1,gcpacertrace=1,scavtrace=1" "-d 3s" \
    "Pacer and scavenger lines under a memory limit ($GOV)" \
    "Three seconds of gogc-demo with GOGC=off and a 64 MiB limit, with the pacer's and the scavenger's traces." \
    "$DEMO; GOGC=off, memory limit 64 MiB"
  capture forced forced "GOMAXPROCS=2 GODEBUG=gctrace=1" "" \
    "runtime.GC() and debug.FreeOSMemory() ($GOV)" \
    "Five seconds with two runtime.GC() calls and two debug.FreeOSMemory() calls, announced by the program just before they happen; each ends in a (forced) gc line." \
    "no leak: 64 MB kept for 3 s then dropped, 32 MB/s of 4 KiB garbage; runtime.GC() at 1 s and 2 s, debug.FreeOSMemory() at 3 s and 4 s"
  capture forced-pacer-scav forced "GOMAXPROCS=2 GODEBUG=gctrace=1,gcpacertrace=1,scavtrace=1" "" \
    "Forced collections with pacer and scavenger lines ($GOV)" \
    "The forced program with the pacer's and the scavenger's traces: debug.FreeOSMemory() also prints a scav line ending in (forced)." \
    "no leak: 64 MB kept for 3 s then dropped, 32 MB/s of 4 KiB garbage; runtime.GC() at 1 s and 2 s, debug.FreeOSMemory() at 3 s and 4 s"
  if [ "$minor" -ge 25 ]; then
    capture checkfinalizers forced "GOMAXPROCS=2 GODEBUG=gctrace=1,checkfinalizers=1" "" \
      "checkfinalizers=1 ($GOV)" \
      "The forced program with GODEBUG=checkfinalizers=1 (Go 1.25 and later): after each gc line a checkfinalizers: line gives the length of the finalizer and cleanup queues. The program has none, so they are 0." \
      "no leak, no finalizers or cleanups of its own: 64 MB kept for 3 s then dropped, 32 MB/s of 4 KiB garbage; runtime.GC() at 1 s and 2 s, debug.FreeOSMemory() at 3 s and 4 s"
  fi
  for p in 1 4; do
    capture steady-gomaxprocs$p steady "GOMAXPROCS=$p GODEBUG=gctrace=1" "-d 5s" \
      "GOMAXPROCS=$p on a 2-CPU machine ($GOV)" \
      "Five seconds of the steady server with GOMAXPROCS=$p: the P field says $p, and the cpu times of the stop-the-world phases are the clock times times min(GOMAXPROCS, CPUs)." \
      "$STEADY; GOMAXPROCS=$p, 2 CPUs"
  done
  capture gomaxprocs-change gomaxprocs-change "GOMAXPROCS=2 GODEBUG=gctrace=1" "" \
    "GOMAXPROCS changed while running ($GOV)" \
    "Four seconds of garbage at 128 MB/s while the program calls runtime.GOMAXPROCS(1), (4), (2) one second apart, announced on stderr: the P field of the gc lines follows." \
    "no leak: 16 MB kept, 128 MB/s of 4 KiB garbage; GOMAXPROCS 2, then 1 at 1 s, 4 at 2 s, 2 at 3 s"
  if [ "$minor" -ge 26 ]; then
    if [ "$minor" -eq 26 ]; then
      how="built with GOEXPERIMENT=goroutineleakprofile, which Go 1.26 needs for this profile"
    else
      how="built without any GOEXPERIMENT: Go 1.27 always has this profile"
    fi
    capture goroutine-leak-profile goroutine-leak-profile "GOMAXPROCS=2 GODEBUG=gctrace=1" "-o goroutine-leak-profile.prof.txt" \
      "A goroutine leak check in the trace ($GOV)" \
      "The program leaks 100 goroutines blocked on channels nobody else can reach and, after one second, writes the goroutineleak profile. Writing it runs a collection that looks for such goroutines: its gc line says (checking for goroutine leaks) before the colon. $how." \
      "leak: 100 goroutines blocked forever (50 receiving, 50 sending on channels only they can reach), 1 goroutine blocked on a channel main closes at the end (not a leak); 64 MB/s of 4 KiB garbage; goroutineleak profile written at 1 s"
    if mv "$BIN/goroutine-leak-profile.prof.txt" "$OUT/$GOV_DIR/" 2>/dev/null; then
      profile_json "$OUT/$GOV_DIR/goroutine-leak-profile"
    elif [ -z "$ONLY" ]; then
      echo "  $GOV: no profile written" >&2
    fi
    if [ "$minor" -eq 26 ]; then
      RUNDIR=$BIN/noexp
      capture goroutine-leak-profile-noexp goroutine-leak-profile "GOMAXPROCS=2 GODEBUG=gctrace=1" "-o goroutine-leak-profile-noexp.prof.txt" \
        "No goroutineleak profile without the experiment ($GOV)" \
        "The same program built without GOEXPERIMENT=goroutineleakprofile: in Go 1.26 the profile is then not registered, the program says so, and no gc line checks for leaks." \
        "leak: 100 goroutines blocked forever on channels only they can reach; 64 MB/s of 4 KiB garbage; the goroutineleak profile is asked for at 1 s but does not exist in this build"
      RUNDIR=
    fi
  fi

  wait "$idle"
  rm -rf "$BIN"
}

for rel in $RELEASES; do
  capture_release "$rel"
done
echo "captures in $OUT" >&2
