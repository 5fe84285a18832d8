package main

import (
	"fmt"
	"runtime"
	"sync/atomic"
	"time"
)

// forgotten-goroutines leaks goroutines (content/programs/forgotten-goroutines).
//
// For every request it starts a worker goroutine that reads the request into
// a buffer and then waits on a channel for a reply. The code that was
// supposed to send the reply never does, and the worker has no timeout, so
// it waits for ever. Every blocked goroutine keeps its stack and everything
// its stack points to (here a -buf byte buffer) alive.
//
// In a GODEBUG=gctrace=1 trace the live heap (third heap number) grows
// steadily, and so does the "MB stacks" field of the releases that print it
// (Go 1.22 and later), because each stuck goroutine also keeps its own stack
// (made bigger here by a large local array). The goroutine count in the
// progress lines tells the same story. With -fixed the reply is sent, each
// worker returns, and nothing grows.
var forgottenGoroutines = &program{
	name:    "forgotten-goroutines",
	summary: "Workers that wait for ever for a reply nobody sends: goroutines and their memory pile up.",
	flags: []flagSpec{
		durationSpec(15),
		{Name: "rate", Type: intFlag, Default: 100, Min: 10, Max: 500, Unit: "goroutines/s", Help: "requests (new goroutines) per second"},
		{Name: "buf", Type: intFlag, Default: 16 << 10, Min: 1 << 10, Max: 64 << 10, Unit: "B", Help: "bytes each worker keeps in its buffer"},
		{Name: "garbage", Type: intFlag, Default: 256 << 10, Min: 0, Max: 1 << 20, Unit: "B", Help: "bytes of short-lived garbage per request"},
		fixedSpec("send each worker its reply, so that it returns: no leak"),
	},
	main: forgottenGoroutinesMain,
}

type request struct {
	id    int64
	body  []byte
	reply chan []byte // nobody ever sends on this channel, unless -fixed
}

func forgottenGoroutinesMain(v flagValues) {
	bufSize, garbage, fixed := v.Int("buf"), v.Int("garbage"), v.Bool("fixed")
	base := runtime.NumGoroutine()
	var started atomic.Int64
	go paced(v.Float("rate"), &started, func(id int64) {
		if garbage > 0 {
			sink = make([]byte, garbage) // short-lived garbage
		}
		req := &request{id: id, body: make([]byte, bufSize), reply: make(chan []byte, 1)}
		go worker(req)
		if fixed {
			req.reply <- nil // the fix: every request gets its reply
		}
		// Bug (without -fixed): the reply is never sent. (Something like
		// `req.reply <- result` was meant to happen here.)
	})
	// Each stuck worker keeps its buffer and a stack of at least 16 KiB.
	perWorkerMB := float64(bufSize+16<<10) / (1 << 20)
	runFor("forgotten-goroutines", v.Duration("d"), func(t time.Duration) string {
		return fmt.Sprintf("started=%d goroutines=%d", started.Load(), runtime.NumGoroutine())
	}, func() float64 {
		return float64(runtime.NumGoroutine()-base) * perWorkerMB
	})
}

// worker copies the request into a scratch area on its stack, then waits for
// the reply. Without -fixed it never gets one, so it never returns: the
// goroutine, its 16 KiB-plus stack and the request buffer are kept for ever.
func worker(req *request) {
	var scratch [8 << 10]byte // a big local array: this goroutine's stack grows
	n := copy(scratch[:], req.body)

	reply := <-req.reply // blocks for ever, unless -fixed

	// Still using req after the wait keeps req.body reachable.
	copy(req.body, reply)
	req.body = append(req.body, scratch[:n]...)
}
