/** The help text of `gctrace`. */
export const usage = `usage: npm run --silent gctrace -- <command> [options] [FILE]
       (or: node scripts/gctrace.mjs <command> …)

commands:
  summary [FILE]     the analysis as text: runs, pauses, peak heap, implied GOGC, leak verdict
    --json             print it as JSON instead
    --fail-on growing  exit 1 when the live heap of a run is growing (a leak)
    --max-pause MS     exit 1 when a run's longest pause is over MS milliseconds
    --max-gc-cpu PCT   exit 1 when a run's GC CPU share (the last line's #%) is over PCT
  parse [FILE]       the parse as JSON: cycles, diagnostics, runs, companions, line kinds
  profile FILE       a Go heap or goroutine profile's top table, like go tool pprof -top
    --base BASE        what grew since BASE, like go tool pprof -diff_base BASE FILE
    --sample TYPE      inuse_space (default), inuse_objects, alloc_space, alloc_objects
    --lines            a row per line instead of per function, like -lines
  watch -- CMD [ARGS…]
                     run CMD with GODEBUG=gctrace=1 and watch its trace live in the workbench
  watch -            the same, reading a pipe: CMD 2>&1 | npm run --silent gctrace -- watch -
  watch FILE         follow a growing log file, like tail -f
    --port N           serve on 127.0.0.1:N (default: a free port)
    --open             open the workbench in a browser
    --exit-when-done   stop serving as soon as the program has exited
    --site DIR         the built site to serve (default: dist/, made by npx astro build)

FILE is read as a stream, so it may be of any size; without FILE, or with -, standard input
is read. The trace is what the Go runtime prints on standard error: capture it with
  GODEBUG=gctrace=1 ./yourprogram 2>trace.txt

exit status: 0 on success, 1 when the file cannot be read or a rule is broken, 2 on a usage
error; watch exits with the program's status (128 + signal number after a signal).

  --help     this text
  --version  the version of gctrace lab`;
