// Command heap-profiles runs the workload of leaking-map, steady or
// forgotten-goroutines under GODEBUG=gctrace=1 and writes profiles at set
// moments of the same run, so that a trace and its profiles line up.
//
// For the heap workloads (-workload leaking-map or steady) it writes a heap
// profile at each moment of -at: first runtime.GC(), as
// /debug/pprof/heap?gc=1 does, so the profile shows the heap as of that
// moment (and the trace shows that collection as a "(forced)" line), then
// pprof.WriteHeapProfile, the gzipped protobuf that go tool pprof reads.
// For -workload forgotten-goroutines it writes the goroutine profile
// instead, as protobuf (debug=0, name.pb.gz) and as text (debug=1,
// name.debug1.txt), without a
// collection. Each file is announced on standard error with the time since
// main started, as "heap-profiles: t=3.001s wrote leaking-map-1.pb.gz ...".
// With -cpuprofile it also writes a CPU profile of the whole run; with
// -memprofilerate 0 the heap profiles record no allocation at all.
//
// The workloads are the code of the programs of the same name in
// content/programs, with the part that keeps memory in sessions.go and
// workers.go.
//
//	go build && GODEBUG=gctrace=1 ./heap-profiles -workload leaking-map -at 3s,8s 2>trace.txt
package main

import (
	"flag"
	"fmt"
	"os"
	"runtime"
	"runtime/pprof"
	"strings"
	"time"
)

func main() {
	workload := flag.String("workload", "leaking-map", "leaking-map, steady or forgotten-goroutines")
	dur := flag.Duration("d", 10*time.Second, "how long to run")
	at := flag.String("at", "3s,8s", "when to write the profiles, comma-separated durations")
	prefix := flag.String("o", "", "file name prefix of the profiles (default: the workload's name)")
	memRate := flag.Int("memprofilerate", -1, "runtime.MemProfileRate (0: record no allocation; -1: leave the runtime's default, 512 KiB)")
	cpuFile := flag.String("cpuprofile", "", "also write a CPU profile of the whole run to this file")
	flag.Parse()
	if *memRate >= 0 {
		// Must be set before the allocations it should see, as early as possible.
		runtime.MemProfileRate = *memRate
	}
	if *prefix == "" {
		*prefix = *workload
	}
	var moments []time.Duration
	for _, s := range strings.Split(*at, ",") {
		d, err := time.ParseDuration(strings.TrimSpace(s))
		if err != nil {
			fail(fmt.Errorf("-at: %v", err))
		}
		moments = append(moments, d)
	}

	if *cpuFile != "" {
		f, err := os.Create(*cpuFile)
		if err != nil {
			fail(err)
		}
		if err := pprof.StartCPUProfile(f); err != nil {
			fail(err)
		}
		defer func() {
			pprof.StopCPUProfile()
			if err := f.Close(); err != nil {
				fail(err)
			}
			fmt.Fprintf(os.Stderr, "heap-profiles: wrote %s (CPU profile of the whole run)\n", *cpuFile)
		}()
	}

	start := time.Now()
	switch *workload {
	case "leaking-map":
		go serve(2000, 1024, 48<<10, remember)
	case "steady":
		fillRecent(16384, 1024)
		go serve(2000, 1024, 48<<10, rememberRecent)
	case "forgotten-goroutines":
		go startWorkers(200, 32<<10, 1<<20)
	default:
		fail(fmt.Errorf("unknown -workload %q", *workload))
	}

	for i, moment := range moments {
		time.Sleep(time.Until(start.Add(moment)))
		name := fmt.Sprintf("%s-%d", *prefix, i+1)
		if *workload == "forgotten-goroutines" {
			writeGoroutineProfile(name, start)
		} else {
			writeHeapProfile(name, start)
		}
	}
	time.Sleep(time.Until(start.Add(*dur)))
}

// writeHeapProfile writes name.pb.gz after a collection, like /debug/pprof/heap?gc=1.
func writeHeapProfile(name string, start time.Time) {
	runtime.GC()
	elapsed := time.Since(start)
	f, err := os.Create(name + ".pb.gz")
	if err != nil {
		fail(err)
	}
	if err := pprof.WriteHeapProfile(f); err != nil {
		fail(err)
	}
	if err := f.Close(); err != nil {
		fail(err)
	}
	fmt.Fprintf(os.Stderr, "heap-profiles: t=%.3fs wrote %s.pb.gz (heap profile after runtime.GC(), MemProfileRate=%d)\n",
		elapsed.Seconds(), name, runtime.MemProfileRate)
}

// writeGoroutineProfile writes name.pb.gz (protobuf) and name.txt (text, debug=1).
func writeGoroutineProfile(name string, start time.Time) {
	elapsed := time.Since(start)
	p := pprof.Lookup("goroutine")
	for _, out := range []struct {
		file  string
		debug int
	}{{name + ".pb.gz", 0}, {name + ".debug1.txt", 1}} {
		f, err := os.Create(out.file)
		if err != nil {
			fail(err)
		}
		if err := p.WriteTo(f, out.debug); err != nil {
			fail(err)
		}
		if err := f.Close(); err != nil {
			fail(err)
		}
	}
	fmt.Fprintf(os.Stderr, "heap-profiles: t=%.3fs wrote %s.pb.gz and %s.debug1.txt (goroutine profile, %d goroutines)\n",
		elapsed.Seconds(), name, name, runtime.NumGoroutine())
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "heap-profiles:", err)
	os.Exit(1)
}
