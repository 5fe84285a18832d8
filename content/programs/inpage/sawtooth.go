package main

import (
	"sync/atomic"
	"time"
)

// sawtooth runs a batch job over and over (content/programs/sawtooth).
//
// Each round it loads a large batch of records (about -batch MB), holds them
// while it "processes" them, then drops the whole batch and waits a moment
// before the next round. Meanwhile it keeps producing ordinary short-lived
// garbage. In a GODEBUG=gctrace=1 trace the live heap (third heap number)
// rises while a batch loads, stays high while it is held, and falls back when
// the batch is dropped: a sawtooth. The peaks do not grow from round to
// round, so this is not a leak, just a program with a big temporary working
// set.
var sawtooth = &program{
	name:    "sawtooth",
	summary: "A batch job that loads, holds and drops a big working set, round after round.",
	flags: []flagSpec{
		durationSpec(15),
		{Name: "batch", Type: intFlag, Default: 48, Min: 4, Max: 128, Unit: "MB", Help: "size of each batch"},
		{Name: "load", Type: durationFlag, Default: 0.5, Min: 0.1, Max: 5, Unit: "s", Help: "time to load a batch"},
		{Name: "hold", Type: durationFlag, Default: 1, Min: 0.1, Max: 5, Unit: "s", Help: "time a batch is held"},
		{Name: "rest", Type: durationFlag, Default: 0.5, Min: 0.1, Max: 5, Unit: "s", Help: "pause between rounds"},
		{Name: "garbage", Type: intFlag, Default: 64, Min: 0, Max: 256, Unit: "MB/s", Help: "short-lived garbage per second"},
	},
	main: sawtoothMain,
}

type record struct {
	id   int
	data []byte
}

// batch is the working set of the current round (nil between rounds).
var batch []*record

func sawtoothMain(v flagValues) {
	const name = "sawtooth"
	batchMB, load, hold, rest := v.Int("batch"), v.Duration("load"), v.Duration("hold"), v.Duration("rest")
	dur := v.Duration("d")

	// Background churn: -garbage MB/s of 16 KiB buffers that die at once.
	if garbage := v.Float("garbage"); garbage > 0 {
		const chunk = 16 << 10
		var made atomic.Int64
		go paced(garbage*(1<<20)/chunk, &made, func(int64) {
			sink = make([]byte, chunk)
		})
	}

	const recSize = 1024
	n := batchMB << 20 / recSize
	start := time.Now()
	end := start.Add(dur)
	// sleep sleeps for d but not past the end of the run, and says whether
	// there is time left.
	sleep := func(d time.Duration) bool {
		if left := time.Until(end); d > left {
			d = left
		}
		time.Sleep(d)
		return time.Now().Before(end)
	}
	for round := 1; time.Now().Before(end); round++ {
		// Load: spread the allocation of n records over the load time.
		progressf(name, "t=%.1fs round %d: loading %d MB", time.Since(start).Seconds(), round, batchMB)
		batch = make([]*record, 0, n)
		step := n / 50
		for i := 0; i < n; i++ {
			batch = append(batch, &record{id: i, data: make([]byte, recSize)})
			if i%step == step-1 && !sleep(load/50) {
				return
			}
		}

		progressf(name, "t=%.1fs round %d: holding %d records", time.Since(start).Seconds(), round, len(batch))
		if !sleep(hold) {
			return
		}

		// Release: after this the whole batch is garbage.
		batch = nil
		progressf(name, "t=%.1fs round %d: released", time.Since(start).Seconds(), round)
		sleep(rest)
	}
}
