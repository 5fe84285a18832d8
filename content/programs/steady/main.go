// Command steady is a healthy "server": it allocates all the time, but the
// amount of memory it keeps is fixed.
//
// It handles requests exactly like leaking-map (a session record plus a
// throw-away response buffer per request), but it only remembers the most
// recent sessions, in a ring of fixed size. Each new session overwrites the
// oldest one, which becomes garbage. The ring is filled before serving
// starts, so with GODEBUG=gctrace=1 the live heap (third heap number of each
// gc line) is flat from the first lines to the last, while collections keep
// happening at a steady pace.
//
//	go build && GODEBUG=gctrace=1 ./steady 2>trace.txt
package main

import (
	"flag"
	"fmt"
	"os"
	"sync/atomic"
	"time"
)

type session struct {
	id      int64
	user    string
	payload []byte // 1 KiB by default (-size)
}

// recent holds the last len(recent) sessions. Its size never changes.
var recent []*session

var handled atomic.Int64

func main() {
	dur := flag.Duration("d", 10*time.Second, "how long to run")
	rate := flag.Int("rate", 2000, "requests per second")
	size := flag.Int("size", 1024, "bytes kept per session")
	keep := flag.Int("keep", 16384, "number of recent sessions kept (the live set)")
	garbage := flag.Int("garbage", 48<<10, "bytes of short-lived garbage per request")
	quiet := flag.Bool("q", false, "do not print progress lines")
	flag.Parse()

	// Fill the ring up front, so the live set is at its final size
	// before the first request is served.
	recent = make([]*session, *keep)
	for i := range recent {
		recent[i] = newSession(int64(-i-1), *size)
	}

	go serve(*rate, *size, *garbage)

	start := time.Now()
	tick := time.NewTicker(time.Second)
	defer tick.Stop()
	for range tick.C {
		if !*quiet {
			fmt.Fprintf(os.Stderr, "steady: t=%.0fs requests=%d kept=%d sessions (~%d KiB)\n",
				time.Since(start).Seconds(), handled.Load(), *keep, *keep**size>>10)
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
		due := int64(time.Since(start).Seconds() * float64(rate))
		for ; id < due; id++ {
			handle(id, size, garbage)
			handled.Add(1)
		}
		time.Sleep(2 * time.Millisecond)
	}
}

var sink []byte

func handle(id int64, size, garbage int) {
	resp := make([]byte, garbage) // short-lived garbage
	resp[0] = byte(id)
	sink = resp

	// Overwrite the oldest slot: the session that was there is now
	// unreachable, so the live set stays the same size.
	recent[id%int64(len(recent))] = newSession(id, size)
}

func newSession(id int64, size int) *session {
	return &session{
		id:      id,
		user:    fmt.Sprintf("user-%d", id%1000),
		payload: make([]byte, size),
	}
}
