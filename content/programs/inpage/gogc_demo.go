package main

import (
	"runtime"
	"runtime/debug"
	"time"
)

// gogc-demo keeps a fixed amount of memory live and allocates garbage at a
// fixed rate, so that the only thing that changes between runs is the garbage
// collector's setting (content/programs/gogc-demo).
//
// Run it under different GOGC and GOMEMLIMIT values and compare the "MB goal"
// field of the gc lines. With GOGC=N the goal is about live × (1 + N/100), so
// a bigger GOGC means fewer collections and a bigger heap. With a memory limit
// the goal is capped below the limit instead. With GOGC=off and no limit there
// is no goal at all and no collection ever runs by itself; use -gc-every to
// call runtime.GC() now and then so that the trace has some lines.
var gogcDemo = &program{
	name:    "gogc-demo",
	summary: "A fixed live heap and a fixed allocation rate, to compare GOGC and GOMEMLIMIT settings.",
	flags: []flagSpec{
		durationSpec(15),
		{Name: "live", Type: intFlag, Default: 32, Min: 0, Max: 128, Unit: "MB", Help: "live heap to keep"},
		{Name: "rate", Type: intFlag, Default: 64, Min: 1, Max: 256, Unit: "MB/s", Help: "garbage allocation rate"},
		{Name: "obj", Type: intFlag, Default: 1024, Min: 16, Max: 64 << 10, Unit: "B", Help: "size of each garbage object"},
		{Name: "gc-every", Type: durationFlag, Default: 0, Min: 0, Max: 10, Unit: "s", Help: "if above 0, call runtime.GC() this often"},
	},
	main: gogcDemoMain,
}

// live is the constant live set: -live MB in 1 KiB blocks, allocated once.
var live [][]byte

func gogcDemoMain(v flagValues) {
	const name = "gogc-demo"
	liveMB, rate, obj, gcEvery := v.Int("live"), v.Float("rate"), v.Int("obj"), v.Duration("gc-every")
	dur := v.Duration("d")

	// debug.SetGCPercent(-1) returns the current setting; put it back at once.
	gogc := debug.SetGCPercent(-1)
	debug.SetGCPercent(gogc)
	progressf(name, "live=%d MB rate=%.0f MB/s obj=%d B GOGC=%d memlimit=%d GOMAXPROCS=%d %s",
		liveMB, rate, obj, gogc, debug.SetMemoryLimit(-1), runtime.GOMAXPROCS(0), runtime.Version())

	live = make([][]byte, liveMB<<20/1024)
	for i := range live {
		live[i] = make([]byte, 1024)
	}

	start := time.Now()
	lastReport, lastGC := start, start
	var allocated int64
	for time.Since(start) < dur {
		// Allocate whatever is due so that, on average, exactly rate MB per
		// second are allocated, but never for more than 10 ms at a time
		// (the page needs its turn on the one thread).
		due := int64(time.Since(start).Seconds() * rate * (1 << 20))
		began := time.Now()
		for allocated < due && time.Since(began) < 10*time.Millisecond {
			for k := 0; k < 64 && allocated < due; k++ {
				sink = make([]byte, obj)
				allocated += int64(obj)
			}
		}
		time.Sleep(2 * time.Millisecond)

		now := time.Now()
		if gcEvery > 0 && now.Sub(lastGC) >= gcEvery {
			lastGC = now
			runtime.GC()
		}
		if now.Sub(lastReport) >= time.Second {
			lastReport = now
			progressf(name, "t=%.0fs allocated %d MB", now.Sub(start).Seconds(), allocated>>20)
		}
	}
	progressf(name, "t=%.0fs allocated %d MB", time.Since(start).Seconds(), allocated>>20)
}
