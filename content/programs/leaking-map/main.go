// Command leaking-map is a small "server" with a memory leak.
//
// Every request it handles stores a session record in a global map, and
// nothing ever deletes from that map. Each request also builds a response
// buffer that is thrown away straight after, which is ordinary short-lived
// garbage. Run with GODEBUG=gctrace=1 and watch the third heap number of
// each gc line (the live heap after marking): it climbs steadily and never
// comes back down. That is what a leak looks like in the trace.
//
//	go build && GODEBUG=gctrace=1 ./leaking-map 2>trace.txt
package main

import (
	"flag"
	"fmt"
	"os"
	"sync/atomic"
	"time"
)

// session is what the server remembers about each request.
type session struct {
	id      int64
	user    string
	payload []byte // 1 KiB by default (-size)
}

// sessions is the leak: a package-level map that only ever grows.
// Because it is reachable from a global variable, the garbage collector
// must keep every session in it alive forever.
var sessions = map[int64]*session{}

// handled counts requests so main can report progress without
// touching the map from another goroutine.
var handled atomic.Int64

func main() {
	dur := flag.Duration("d", 10*time.Second, "how long to run")
	rate := flag.Int("rate", 2000, "requests per second")
	size := flag.Int("size", 1024, "bytes kept per request (leaked)")
	garbage := flag.Int("garbage", 48<<10, "bytes of short-lived garbage per request")
	quiet := flag.Bool("q", false, "do not print progress lines")
	flag.Parse()

	go serve(*rate, *size, *garbage)

	start := time.Now()
	tick := time.NewTicker(time.Second)
	defer tick.Stop()
	for range tick.C {
		n := handled.Load()
		if !*quiet {
			fmt.Fprintf(os.Stderr, "leaking-map: t=%.0fs sessions=%d (~%d KiB kept)\n",
				time.Since(start).Seconds(), n, n*int64(*size)>>10)
		}
		if time.Since(start) >= *dur {
			return
		}
	}
}

// serve handles `rate` requests per second, forever.
func serve(rate, size, garbage int) {
	start := time.Now()
	var id int64
	for {
		// Catch up with the schedule: after t seconds we should have
		// handled rate*t requests. Then sleep a little.
		due := int64(time.Since(start).Seconds() * float64(rate))
		for ; id < due; id++ {
			handle(id, size, garbage)
			handled.Add(1)
		}
		time.Sleep(2 * time.Millisecond)
	}
}

var sink []byte // defeats the compiler's escape analysis for the response

func handle(id int64, size, garbage int) {
	// The response is garbage as soon as the next request replaces it.
	resp := make([]byte, garbage)
	resp[0] = byte(id)
	sink = resp

	// The leak: remember the session and never forget it.
	sessions[id] = &session{
		id:      id,
		user:    fmt.Sprintf("user-%d", id%1000),
		payload: make([]byte, size),
	}
}
