// Command gomaxprocs-change changes GOMAXPROCS while it runs.
//
// It allocates short-lived garbage at a steady rate, so that collections
// keep happening, and every -every it calls runtime.GOMAXPROCS with the
// next value from -procs. Each change is announced on stderr. In a
// GODEBUG=gctrace=1 trace the "P" field at the end of the gc lines follows
// the setting: it is the GOMAXPROCS in force when the cycle was printed.
//
// Since Go 1.25 the runtime may also change GOMAXPROCS by itself (when the
// CPU limit of its container changes), unless GOMAXPROCS is set in the
// environment or by runtime.GOMAXPROCS, which is what this program does.
//
// Flags: -d run time (4s), -every time between changes (1s), -procs the
// values to set in turn ("1,4,2"), -live MB kept live (16), -rate garbage
// in MB per second (128), -q no announcements.
//
//	go build && GODEBUG=gctrace=1 ./gomaxprocs-change 2>trace.txt
package main

import (
	"flag"
	"fmt"
	"os"
	"runtime"
	"strconv"
	"strings"
	"time"
)

var (
	live [][]byte
	sink []byte
)

func main() {
	dur := flag.Duration("d", 4*time.Second, "how long to run")
	every := flag.Duration("every", time.Second, "time between two changes")
	procs := flag.String("procs", "1,4,2", "GOMAXPROCS values to set in turn, comma-separated")
	liveMB := flag.Int("live", 16, "live heap to keep, in MB")
	rate := flag.Int("rate", 128, "garbage allocation rate, in MB per second")
	quiet := flag.Bool("q", false, "do not print the announcements")
	flag.Parse()

	var values []int
	for _, s := range strings.Split(*procs, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil || n < 1 {
			fmt.Fprintf(os.Stderr, "gomaxprocs-change: bad -procs value %q\n", s)
			os.Exit(2)
		}
		values = append(values, n)
	}
	logf := func(format string, args ...any) {
		if !*quiet {
			fmt.Fprintf(os.Stderr, "gomaxprocs-change: "+format+"\n", args...)
		}
	}

	live = make([][]byte, *liveMB<<20/1024)
	for i := range live {
		live[i] = make([]byte, 1024)
	}

	start := time.Now()
	logf("t=0.000s GOMAXPROCS=%d NumCPU=%d %s", runtime.GOMAXPROCS(0), runtime.NumCPU(), runtime.Version())
	next, i := *every, 0
	var allocated int64
	for time.Since(start) < *dur {
		due := int64(time.Since(start).Seconds() * float64(*rate<<20))
		for ; allocated < due; allocated += 4096 {
			sink = make([]byte, 4096)
		}
		time.Sleep(time.Millisecond)
		if i < len(values) && time.Since(start) >= next {
			old := runtime.GOMAXPROCS(values[i])
			logf("t=%.3fs GOMAXPROCS %d -> %d", time.Since(start).Seconds(), old, values[i])
			i++
			next += *every
		}
	}
}
