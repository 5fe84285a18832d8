package main

import (
	"fmt"
	"sync/atomic"
	"time"
)

// keptLimitMB is where a leaking program stops by itself: a browser tab that
// runs out of memory is killed, and the learner loses the page.
const keptLimitMB = 256

// paced calls handle `rate` times a second, for ever, in the goroutine it
// runs in. It catches up on what is due after each short sleep, but never
// works for more than a few milliseconds without sleeping: in the browser the
// program shares one thread with the page, and sleeping is what gives the
// page its turn. If the machine cannot keep up, the backlog beyond a second
// is dropped, and count shows the rate actually reached.
func paced(rate float64, count *atomic.Int64, handle func(i int64)) {
	const work, rest = 10 * time.Millisecond, 2 * time.Millisecond
	start := time.Now()
	var i int64
	for {
		due := int64(time.Since(start).Seconds() * rate)
		if behind := due - i; behind > int64(rate) {
			i = due - int64(rate)
		}
		began := time.Now()
		for ; i < due && time.Since(began) < work; i++ {
			handle(i)
			count.Add(1)
		}
		time.Sleep(rest)
	}
}

// runFor waits for d, printing a progress line once a second. It returns
// early, saying why, when keptMB (if given) is over keptLimitMB.
func runFor(name string, d time.Duration, progress func(t time.Duration) string, keptMB func() float64) {
	start := time.Now()
	tick := time.NewTicker(250 * time.Millisecond)
	defer tick.Stop()
	next := time.Second
	for range tick.C {
		t := time.Since(start)
		if keptMB != nil && keptMB() > keptLimitMB {
			progressf(name, "t=%.1fs %s; stopping early: it keeps over %d MB, the limit for a browser tab",
				t.Seconds(), progress(t), keptLimitMB)
			return
		}
		if t >= next || t >= d {
			progressf(name, "t=%.0fs %s", t.Seconds(), progress(t))
			next += time.Second
		}
		if t >= d {
			return
		}
	}
}

// perSecond formats a count over a time as a rate.
func perSecond(n int64, t time.Duration) string {
	if t <= 0 {
		return "0/s"
	}
	return fmt.Sprintf("%.0f/s", float64(n)/t.Seconds())
}
