// Command stderr-chatter writes log lines to stderr from several goroutines
// while it allocates, so that its own output and the runtime's gc trace
// share one stream.
//
// The runtime prints a gc line piece by piece (one write per field), and it
// only keeps its own prints from mixing with each other. Nothing stops a
// program's write from landing between two pieces, which splits the gc line
// in two:
//
//	gc 12 @0.352s 4%: 0.016+worker 3: item 5120 done
//	0.91+0.003 ms clock, ...
//
// A trace parser has to cope with that. This program makes it likely:
// -workers goroutines each write a short line after every item they
// process, with no locking between them.
//
//	go build && GODEBUG=gctrace=1 ./stderr-chatter 2>trace.txt
package main

import (
	"flag"
	"os"
	"strconv"
	"sync"
	"time"
)

func main() {
	dur := flag.Duration("d", time.Second, "how long to run")
	workers := flag.Int("workers", 4, "number of goroutines writing to stderr")
	garbage := flag.Int("garbage", 64<<10, "bytes of garbage per item")
	pause := flag.Duration("pause", 50*time.Microsecond, "pause after each item")
	flag.Parse()

	deadline := time.Now().Add(*dur)
	var wg sync.WaitGroup
	for w := 1; w <= *workers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			var sink []byte
			for item := 0; time.Now().Before(deadline); item++ {
				sink = make([]byte, *garbage) // garbage, so GC runs often
				sink[0] = byte(item)
				// One write per line, straight to the file descriptor.
				line := "worker " + strconv.Itoa(w) + ": item " + strconv.Itoa(item) + " done\n"
				os.Stderr.WriteString(line)
				time.Sleep(*pause)
			}
			_ = sink
		}(w)
	}
	wg.Wait()
}
