package main

import (
	"fmt"
	"sync"
	"sync/atomic"
	"time"
)

// steady is a healthy "server" (content/programs/steady): it allocates all the
// time, but the amount of memory it keeps is fixed.
//
// It handles requests exactly like leaking-map (a session record plus a
// throw-away response buffer per request), but it only remembers the most
// recent sessions, in a ring of fixed size (-live MB). Each new session
// overwrites the oldest one, which becomes garbage. The ring is filled before
// serving starts, so with GODEBUG=gctrace=1 the live heap (third heap number
// of each gc line) is flat from the first lines to the last, while
// collections keep happening at a steady pace.
var steady = &program{
	name:    "steady",
	summary: "A server that keeps only its most recent sessions: busy, but its live heap is flat.",
	flags: []flagSpec{
		durationSpec(15),
		{Name: "rate", Type: intFlag, Default: 2000, Min: 100, Max: 10000, Unit: "requests/s", Help: "requests per second"},
		{Name: "size", Type: intFlag, Default: 1024, Min: 64, Max: 8192, Unit: "B", Help: "bytes kept per session"},
		{Name: "live", Type: intFlag, Default: 16, Min: 1, Max: 128, Unit: "MB", Help: "memory kept in recent sessions (the live set)"},
		{Name: "garbage", Type: intFlag, Default: 48 << 10, Min: 0, Max: 256 << 10, Unit: "B", Help: "bytes of short-lived garbage per request"},
	},
	main: steadyMain,
}

// recent holds the last len(recent) sessions. Its size never changes.
var (
	recentMu sync.Mutex
	recent   []*session
)

func steadyMain(v flagValues) {
	size, garbage := v.Int("size"), v.Int("garbage")
	// Fill the ring up front, so the live set is at its final size before
	// the first request is served.
	recent = make([]*session, v.Int("live")<<20/size)
	for i := range recent {
		recent[i] = newSession(int64(-i-1), size)
	}
	var handled atomic.Int64
	go paced(v.Float("rate"), &handled, func(id int64) {
		if garbage > 0 {
			resp := make([]byte, garbage) // short-lived garbage
			resp[0] = byte(id)
			sink = resp
		}
		s := newSession(id, size)
		// Overwrite the oldest slot: the session that was there is now
		// unreachable, so the live set stays the same size.
		recentMu.Lock()
		recent[id%int64(len(recent))] = s
		recentMu.Unlock()
	})
	runFor("steady", v.Duration("d"), func(t time.Duration) string {
		return fmt.Sprintf("requests=%d (%s) kept=%d sessions (~%d KiB)",
			handled.Load(), perSecond(handled.Load(), t), len(recent), len(recent)*size>>10)
	}, nil)
}

func newSession(id int64, size int) *session {
	return &session{
		id:      id,
		user:    fmt.Sprintf("user-%d", id%1000),
		payload: make([]byte, size),
	}
}
