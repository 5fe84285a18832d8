// Command idle-periodic allocates a little memory, then sits idle.
//
// The Go runtime starts a garbage collection on its own when none has run
// for two minutes (the "forced periodic GC"). With GODEBUG=gctrace=1 it
// announces that collection with a line that just says
//
//	GC forced
//
// followed by an ordinary gc line. This program makes that happen: it does
// a short burst of allocation (a handful of normal, heap-triggered cycles),
// then allocates nothing for -idle (default 2m30s), which is longer than the
// two-minute period.
package main

import (
	"flag"
	"fmt"
	"os"
	"time"
)

// keep holds a few megabytes for the whole run, so the periodic
// collection has something live to find.
var keep [][]byte

func main() {
	idle := flag.Duration("idle", 150*time.Second, "how long to stay idle after the allocation burst")
	quiet := flag.Bool("q", false, "do not print progress lines")
	flag.Parse()

	start := time.Now()
	logf := func(format string, args ...any) {
		if !*quiet {
			fmt.Fprintf(os.Stderr, "idle-periodic: t=%.0fs "+format+"\n",
				append([]any{time.Since(start).Seconds()}, args...)...)
		}
	}

	// Burst: about 40 MB of allocation, 4 MB of which stays live.
	for i := 0; i < 40*1024; i++ {
		b := make([]byte, 1024)
		if i%10 == 0 {
			keep = append(keep, b)
		}
	}
	logf("burst done, holding %d KiB", len(keep))

	// Idle: only a timer fires now and then. Nothing is allocated that
	// would trigger a heap-size-based collection.
	tick := time.NewTicker(10 * time.Second)
	defer tick.Stop()
	deadline := time.After(*idle)
	for {
		select {
		case <-tick.C:
			logf("idle")
		case <-deadline:
			logf("done, still holding %d KiB", len(keep))
			return
		}
	}
}
