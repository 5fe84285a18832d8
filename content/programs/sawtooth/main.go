// Command sawtooth runs a batch job over and over.
//
// Each round it loads a large batch of records (about -batch MB), holds
// them while it "processes" them, then drops the whole batch and waits a
// moment before the next round. Meanwhile it keeps producing ordinary
// short-lived garbage. In a GODEBUG=gctrace=1 trace the live heap (third heap
// number) rises while a batch loads, stays high while it is held, and falls
// back when the batch is dropped: a sawtooth. The peaks do not grow from
// round to round, so this is not a leak, just a program with a big
// temporary working set.
//
//	go build && GODEBUG=gctrace=1 ./sawtooth 2>trace.txt
package main

import (
	"flag"
	"fmt"
	"os"
	"time"
)

type record struct {
	id   int
	data []byte
}

// batch is the working set of the current round (nil between rounds).
var batch []*record

var sink []byte

func main() {
	dur := flag.Duration("d", 10*time.Second, "how long to run")
	batchMB := flag.Int("batch", 48, "size of each batch in MB")
	load := flag.Duration("load", 500*time.Millisecond, "time to load a batch")
	hold := flag.Duration("hold", 1*time.Second, "time a batch is held")
	rest := flag.Duration("rest", 500*time.Millisecond, "pause between rounds")
	garbageRate := flag.Int("garbage", 128, "short-lived garbage in MB per second")
	quiet := flag.Bool("q", false, "do not print progress lines")
	flag.Parse()

	logf := func(format string, args ...any) {
		if !*quiet {
			fmt.Fprintf(os.Stderr, "sawtooth: "+format+"\n", args...)
		}
	}

	// Background churn: garbageRate MB/s of buffers that die at once.
	go func() {
		start := time.Now()
		var done int64
		for {
			due := int64(time.Since(start).Seconds() * float64(*garbageRate<<20))
			for ; done < due; done += 16 << 10 {
				sink = make([]byte, 16<<10)
			}
			time.Sleep(2 * time.Millisecond)
		}
	}()

	const recSize = 1024
	n := *batchMB << 20 / recSize
	start := time.Now()
	for round := 1; time.Since(start) < *dur; round++ {
		// Load: spread the allocation of n records over the load time.
		logf("t=%.1fs round %d: loading %d MB", time.Since(start).Seconds(), round, *batchMB)
		batch = make([]*record, 0, n)
		step := n / 50
		for i := 0; i < n; i++ {
			batch = append(batch, &record{id: i, data: make([]byte, recSize)})
			if i%step == step-1 {
				time.Sleep(*load / 50)
			}
		}

		logf("t=%.1fs round %d: holding %d records", time.Since(start).Seconds(), round, len(batch))
		time.Sleep(*hold)

		// Release: after this the whole batch is garbage.
		batch = nil
		logf("t=%.1fs round %d: released", time.Since(start).Seconds(), round)
		time.Sleep(*rest)
	}
}
