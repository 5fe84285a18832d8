// Command forgotten-goroutines leaks goroutines.
//
// For every request it starts a worker goroutine that reads the request
// into a buffer and then waits on a channel for a reply. The code that was
// supposed to send the reply never does, and the worker has no timeout, so
// it waits forever. Every blocked goroutine keeps its stack and everything
// its stack points to (here a 32 KiB buffer) alive.
//
// In a GODEBUG=gctrace=1 trace the live heap (third heap number) grows
// steadily, and so does the "MB stacks" field, because each stuck goroutine
// also keeps its own stack (made bigger here by a large local array).
// runtime.NumGoroutine, printed once a second, tells the same story.
//
//	go build && GODEBUG=gctrace=1 ./forgotten-goroutines 2>trace.txt
package main

import (
	"flag"
	"fmt"
	"os"
	"runtime"
	"time"
)

type request struct {
	id    int
	body  []byte
	reply chan []byte // nobody ever sends on this channel
}

func main() {
	dur := flag.Duration("d", 10*time.Second, "how long to run")
	rate := flag.Int("rate", 200, "requests (new goroutines) per second")
	bufSize := flag.Int("buf", 32<<10, "bytes each worker keeps in its buffer")
	garbage := flag.Int("garbage", 1<<20, "bytes of short-lived garbage per request")
	quiet := flag.Bool("q", false, "do not print progress lines")
	flag.Parse()

	go serve(*rate, *bufSize, *garbage)

	start := time.Now()
	tick := time.NewTicker(time.Second)
	defer tick.Stop()
	for range tick.C {
		if !*quiet {
			fmt.Fprintf(os.Stderr, "forgotten-goroutines: t=%.0fs goroutines=%d\n",
				time.Since(start).Seconds(), runtime.NumGoroutine())
		}
		if time.Since(start) >= *dur {
			return
		}
	}
}

var sink []byte

// serve starts `rate` workers per second, forever.
func serve(rate, bufSize, garbage int) {
	start := time.Now()
	id := 0
	for {
		due := int(time.Since(start).Seconds() * float64(rate))
		for ; id < due; id++ {
			sink = make([]byte, garbage) // short-lived garbage
			req := &request{id: id, body: make([]byte, bufSize), reply: make(chan []byte)}
			go worker(req)
			// Bug: the reply is never sent. (Something like
			// `req.reply <- result` was meant to happen here.)
		}
		time.Sleep(2 * time.Millisecond)
	}
}

// worker copies the request into a scratch area on its stack, then waits
// for the reply. It never gets one, so it never returns: the goroutine,
// its 16 KiB-plus stack and the request buffer are kept forever.
func worker(req *request) {
	var scratch [8 << 10]byte // a big local array: this goroutine's stack grows
	n := copy(scratch[:], req.body)

	reply := <-req.reply // blocks forever

	// Still using req after the wait keeps req.body reachable.
	copy(req.body, reply)
	req.body = append(req.body, scratch[:n]...)
}
