// Command gogc-demo keeps a fixed amount of memory live and allocates
// garbage at a fixed rate, so that the only thing that changes between runs
// is the garbage collector's setting.
//
// Run it under different GOGC and GOMEMLIMIT values and compare the
// "MB goal" field of the gc lines:
//
//	GODEBUG=gctrace=1 GOGC=50  ./gogc-demo 2>gogc-50.txt
//	GODEBUG=gctrace=1 GOGC=100 ./gogc-demo 2>gogc-100.txt
//	GODEBUG=gctrace=1 GOGC=200 ./gogc-demo 2>gogc-200.txt
//	GODEBUG=gctrace=1 GOMEMLIMIT=64MiB GOGC=off ./gogc-demo 2>limit.txt
//
// With GOGC=N the goal is about live × (1 + N/100), so a bigger GOGC means
// fewer collections and a bigger heap. With a memory limit the goal is
// capped below the limit instead. With GOGC=off and no limit there is no
// goal at all and no collection ever runs by itself; use -gc-every to call
// runtime.GC() now and then so that the trace has some lines.
package main

import (
	"flag"
	"fmt"
	"os"
	"runtime"
	"runtime/debug"
	"time"
)

// live is the constant live set: -live MB in 1 KiB blocks, allocated once.
var live [][]byte

var sink []byte

func main() {
	dur := flag.Duration("d", 10*time.Second, "how long to run")
	liveMB := flag.Int("live", 32, "live heap to keep, in MB")
	rate := flag.Int("rate", 256, "garbage allocation rate, in MB per second")
	obj := flag.Int("obj", 1024, "size of each garbage object in bytes")
	gcEvery := flag.Duration("gc-every", 0, "if > 0, call runtime.GC() this often")
	quiet := flag.Bool("q", false, "do not print progress lines")
	flag.Parse()

	if !*quiet {
		// debug.SetGCPercent(-1) returns the current setting; put it back at once.
		gogc := debug.SetGCPercent(-1)
		debug.SetGCPercent(gogc)
		fmt.Fprintf(os.Stderr, "gogc-demo: live=%d MB rate=%d MB/s obj=%d B GOGC=%d memlimit=%d GOMAXPROCS=%d NumCPU=%d %s\n",
			*liveMB, *rate, *obj, gogc, debug.SetMemoryLimit(-1),
			runtime.GOMAXPROCS(0), runtime.NumCPU(), runtime.Version())
	}

	live = make([][]byte, *liveMB<<20/1024)
	for i := range live {
		live[i] = make([]byte, 1024)
	}

	start := time.Now()
	lastReport, lastGC := start, start
	var allocated int64
	for time.Since(start) < *dur {
		// Allocate whatever is due so that, on average, exactly
		// rate MB per second are allocated.
		due := int64(time.Since(start).Seconds() * float64(*rate<<20))
		for ; allocated < due; allocated += int64(*obj) {
			sink = make([]byte, *obj)
		}
		time.Sleep(time.Millisecond)

		now := time.Now()
		if *gcEvery > 0 && now.Sub(lastGC) >= *gcEvery {
			lastGC = now
			runtime.GC()
		}
		if !*quiet && now.Sub(lastReport) >= time.Second {
			lastReport = now
			fmt.Fprintf(os.Stderr, "gogc-demo: t=%.0fs allocated %d MB\n",
				now.Sub(start).Seconds(), allocated>>20)
		}
	}
}
