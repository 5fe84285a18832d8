package main

import (
	"fmt"
	"time"
)

// session is what the server remembers about each request.
type session struct {
	id      int64
	user    string
	payload []byte // 1 KiB
}

// sessions is leaking-map's leak: a package-level map that only grows.
var sessions = map[int64]*session{}

// remember stores every session forever (leaking-map).
func remember(id int64, size int) {
	sessions[id] = &session{
		id:      id,
		user:    fmt.Sprintf("user-%d", id%1000),
		payload: make([]byte, size),
	}
}

// recent is steady's fixed ring of the last len(recent) sessions.
var recent []*session

// fillRecent fills the ring before serving starts, so the live set is at its final size.
func fillRecent(keep, size int) {
	recent = make([]*session, keep)
	for i := range recent {
		recent[i] = newSession(int64(-i-1), size)
	}
}

// rememberRecent overwrites the oldest session, which becomes garbage (steady).
func rememberRecent(id int64, size int) {
	recent[id%int64(len(recent))] = newSession(id, size)
}

func newSession(id int64, size int) *session {
	return &session{
		id:      id,
		user:    fmt.Sprintf("user-%d", id%1000),
		payload: make([]byte, size),
	}
}

var sink []byte // defeats the compiler's escape analysis for the response

// serve handles `rate` requests per second, forever, keeping each session with store.
func serve(rate, size, garbage int, store func(id int64, size int)) {
	start := time.Now()
	var id int64
	for {
		due := int64(time.Since(start).Seconds() * float64(rate))
		for ; id < due; id++ {
			handle(id, size, garbage, store)
		}
		time.Sleep(2 * time.Millisecond)
	}
}

func handle(id int64, size, garbage int, store func(id int64, size int)) {
	// The response is garbage as soon as the next request replaces it.
	resp := make([]byte, garbage)
	resp[0] = byte(id)
	sink = resp
	store(id, size)
}
