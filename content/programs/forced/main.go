// Command forced asks for garbage collections explicitly, at known moments.
//
// Normally the runtime decides when to collect. A program can also ask:
// runtime.GC() runs a full collection right away, and debug.FreeOSMemory()
// runs one and then returns as much unused memory to the operating system as
// it can. In a GODEBUG=gctrace=1 trace those cycles end in "(forced)". With
// GODEBUG=scavtrace=1 as well, FreeOSMemory also prints a "scav ... (forced)"
// line saying how much memory went back to the OS.
//
// Timeline (each step is announced on stderr just before it happens):
//
//	t=1s  runtime.GC()
//	t=2s  runtime.GC()
//	t=3s  drop a 64 MB buffer, then debug.FreeOSMemory()
//	t=4s  debug.FreeOSMemory() again (little left to return)
//	t=5s  exit
//
// Between the steps it allocates garbage steadily, so ordinary
// heap-triggered cycles happen too.
//
//	go build && GODEBUG=gctrace=1,scavtrace=1 ./forced 2>trace.txt
package main

import (
	"flag"
	"fmt"
	"os"
	"runtime"
	"runtime/debug"
	"time"
)

var (
	keep []byte // live for the first three seconds, then dropped
	sink []byte
)

func main() {
	rate := flag.Int("rate", 32, "garbage allocation rate between steps, in MB per second")
	quiet := flag.Bool("q", false, "do not print the step announcements")
	flag.Parse()

	logf := func(format string, args ...any) {
		if !*quiet {
			fmt.Fprintf(os.Stderr, "forced: "+format+"\n", args...)
		}
	}

	start := time.Now()
	keep = make([]byte, 64<<20)
	for i := range keep {
		keep[i] = 1 // touch the pages so they are really in use
	}

	steps := []struct {
		at   time.Duration
		what string
		do   func()
	}{
		{1 * time.Second, "runtime.GC()", runtime.GC},
		{2 * time.Second, "runtime.GC()", runtime.GC},
		{3 * time.Second, "drop 64 MB, debug.FreeOSMemory()", func() { keep = nil; debug.FreeOSMemory() }},
		{4 * time.Second, "debug.FreeOSMemory()", debug.FreeOSMemory},
		{5 * time.Second, "exit", func() {}},
	}
	var allocated int64
	for _, s := range steps {
		for time.Since(start) < s.at {
			due := int64(time.Since(start).Seconds() * float64(*rate<<20))
			for ; allocated < due; allocated += 4096 {
				sink = make([]byte, 4096)
			}
			time.Sleep(time.Millisecond)
		}
		logf("t=%.3fs %s", time.Since(start).Seconds(), s.what)
		s.do()
	}
}
