package main

import (
	"fmt"
	"sync"
	"sync/atomic"
	"time"
)

// leaking-map is a small "server" with a memory leak (content/programs/leaking-map).
//
// Every request it handles stores a session record in a global map, and
// nothing ever deletes from that map. Each request also builds a response
// buffer that is thrown away straight after, which is ordinary short-lived
// garbage. With GODEBUG=gctrace=1 the third heap number of each gc line (the
// live heap after marking) climbs steadily and never comes back down. That is
// what a leak looks like in the trace.
//
// With -fixed the session belongs to its request and is deleted when the
// request is done, as the code meant all along: the live heap stays flat.
var leakingMap = &program{
	name:    "leaking-map",
	summary: "A server that stores a session per request in a map and never deletes it.",
	flags: []flagSpec{
		durationSpec(15),
		{Name: "rate", Type: intFlag, Default: 2000, Min: 100, Max: 10000, Unit: "requests/s", Help: "requests per second"},
		{Name: "size", Type: intFlag, Default: 1024, Min: 64, Max: 8192, Unit: "B", Help: "bytes kept per request (leaked, unless -fixed)"},
		{Name: "garbage", Type: intFlag, Default: 48 << 10, Min: 0, Max: 256 << 10, Unit: "B", Help: "bytes of short-lived garbage per request"},
		fixedSpec("delete each session when its request is done: no leak"),
	},
	main: leakingMapMain,
}

// session is what the server remembers about each request.
type session struct {
	id      int64
	user    string
	payload []byte // -size bytes
}

// sessions is the leak: a package-level map that only ever grows. Because it
// is reachable from a global variable, the garbage collector must keep every
// session in it alive for ever.
var (
	sessionsMu sync.Mutex
	sessions   = map[int64]*session{}
)

func leakingMapMain(v flagValues) {
	size, garbage, fixed := v.Int("size"), v.Int("garbage"), v.Bool("fixed")
	var handled atomic.Int64
	go paced(v.Float("rate"), &handled, func(id int64) {
		handleSession(id, size, garbage, fixed)
	})
	runFor("leaking-map", v.Duration("d"), func(t time.Duration) string {
		sessionsMu.Lock()
		n := len(sessions)
		sessionsMu.Unlock()
		return fmt.Sprintf("requests=%d (%s) sessions=%d (~%d KiB kept)",
			handled.Load(), perSecond(handled.Load(), t), n, int64(n)*int64(size)>>10)
	}, func() float64 {
		sessionsMu.Lock()
		defer sessionsMu.Unlock()
		return float64(len(sessions)) * float64(size) / (1 << 20)
	})
}

var sink []byte // defeats the compiler's escape analysis for the garbage

func handleSession(id int64, size, garbage int, fixed bool) {
	// The response is garbage as soon as the next request replaces it.
	if garbage > 0 {
		resp := make([]byte, garbage)
		resp[0] = byte(id)
		sink = resp
	}
	rememberSession(id, size)
	if fixed {
		forgetSession(id) // the fix: the request is done, so is its session
	}
}

// rememberSession is where the leaked memory is allocated: a heap profile
// of the running program names it.
func rememberSession(id int64, size int) {
	s := &session{
		id:      id,
		user:    fmt.Sprintf("user-%d", id%1000),
		payload: make([]byte, size),
	}
	sessionsMu.Lock()
	sessions[id] = s
	sessionsMu.Unlock()
}

func forgetSession(id int64) {
	sessionsMu.Lock()
	delete(sessions, id)
	sessionsMu.Unlock()
}
