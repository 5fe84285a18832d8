// Command goroutine-leak-profile leaks goroutines and then asks the runtime
// for the "goroutineleak" profile, which finds them.
//
// It starts -n goroutines that each wait forever on a channel that nothing
// else can reach: half wait to receive, half wait to send. It also starts one
// goroutine that waits on a channel main still holds (and closes at the end):
// that one is blocked too, but it is not a leak, and the profile must not
// list it. Meanwhile it allocates garbage so that ordinary collections
// happen. At -at it writes the goroutineleak profile to -o.
//
// Writing that profile first runs a special garbage collection that checks
// which blocked goroutines can never be woken up. In a GODEBUG=gctrace=1
// trace that cycle is the one whose gc line says
// " (checking for goroutine leaks)" before the colon.
//
// The profile exists from Go 1.26 on. In Go 1.26 it is only there when the
// program is built with GOEXPERIMENT=goroutineleakprofile; from Go 1.27 on
// it is always there. Without it the program says so and goes on.
//
// Flags: -n leaked goroutines (100), -d run time (3s), -at when to write
// the profile (1s), -o profile file ("goroutineleak.txt"), -debug profile
// format (1: text with counts; 2: every goroutine's stack), -rate garbage
// in MB per second (64).
//
//	GOEXPERIMENT=goroutineleakprofile go build   # Go 1.26 only
//	GODEBUG=gctrace=1 ./goroutine-leak-profile 2>trace.txt
package main

import (
	"flag"
	"fmt"
	"os"
	"runtime"
	"runtime/pprof"
	"time"
)

var sink []byte

func main() {
	n := flag.Int("n", 100, "number of goroutines to leak")
	dur := flag.Duration("d", 3*time.Second, "how long to run")
	at := flag.Duration("at", time.Second, "when to write the goroutineleak profile")
	out := flag.String("o", "goroutineleak.txt", "file to write the profile to")
	debug := flag.Int("debug", 1, "profile format passed to WriteTo")
	rate := flag.Int("rate", 64, "garbage allocation rate, in MB per second")
	flag.Parse()

	for i := 0; i < *n; i++ {
		if i%2 == 0 {
			go leakReceiver()
		} else {
			go leakSender(i)
		}
	}
	// Blocked, but not leaked: main can still close done.
	done := make(chan struct{})
	go func() { <-done }()

	start := time.Now()
	written := false
	var allocated int64
	for time.Since(start) < *dur {
		due := int64(time.Since(start).Seconds() * float64(*rate<<20))
		for ; allocated < due; allocated += 4096 {
			sink = make([]byte, 4096)
		}
		time.Sleep(time.Millisecond)
		if !written && time.Since(start) >= *at {
			written = true
			writeProfile(*out, *debug, start)
		}
	}
	close(done)
}

// leakReceiver waits for a value nobody can send.
func leakReceiver() {
	ch := make(chan int)
	<-ch
}

// leakSender tries to hand over a result nobody will ever receive.
func leakSender(v int) {
	ch := make(chan int)
	ch <- v
}

func writeProfile(path string, debug int, start time.Time) {
	p := pprof.Lookup("goroutineleak")
	if p == nil {
		fmt.Fprintf(os.Stderr, "goroutine-leak-profile: t=%.3fs no goroutineleak profile in %s (goroutines: %d)\n",
			time.Since(start).Seconds(), runtime.Version(), runtime.NumGoroutine())
		return
	}
	f, err := os.Create(path)
	if err != nil {
		fmt.Fprintln(os.Stderr, "goroutine-leak-profile:", err)
		os.Exit(1)
	}
	fmt.Fprintf(os.Stderr, "goroutine-leak-profile: t=%.3fs writing the goroutineleak profile to %s (goroutines: %d)\n",
		time.Since(start).Seconds(), path, runtime.NumGoroutine())
	if err := p.WriteTo(f, debug); err != nil {
		fmt.Fprintln(os.Stderr, "goroutine-leak-profile:", err)
		os.Exit(1)
	}
	if err := f.Close(); err != nil {
		fmt.Fprintln(os.Stderr, "goroutine-leak-profile:", err)
		os.Exit(1)
	}
	fmt.Fprintf(os.Stderr, "goroutine-leak-profile: t=%.3fs profile written: %d leaked goroutines\n",
		time.Since(start).Seconds(), p.Count())
}
