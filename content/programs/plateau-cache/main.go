// Command plateau-cache fills a bounded cache and then keeps using it.
//
// Each request looks up a product by a new key, misses, "loads" the value
// and stores it in an LRU cache of fixed capacity (see cache.go). While the
// cache is filling up, the live heap in a GODEBUG=gctrace=1 trace climbs just
// like a leak. Once the cache is full, every new entry evicts an old one and
// the live heap stays level: the third heap number of the gc lines stops
// growing after a few seconds. This is why a leak has to be judged over a
// long enough window.
//
//	go build && GODEBUG=gctrace=1 ./plateau-cache 2>trace.txt
package main

import (
	"flag"
	"fmt"
	"os"
	"sync"
	"time"
)

var (
	mu    sync.Mutex
	cache *Cache
)

func main() {
	dur := flag.Duration("d", 10*time.Second, "how long to run")
	rate := flag.Int("rate", 8000, "requests per second (each one a cache miss)")
	capacity := flag.Int("cap", 24000, "cache capacity in entries")
	size := flag.Int("size", 1024, "bytes per cached value")
	garbage := flag.Int("garbage", 24<<10, "bytes of short-lived garbage per request")
	quiet := flag.Bool("q", false, "do not print progress lines")
	flag.Parse()

	cache = NewCache(*capacity)
	go serve(*rate, *size, *garbage)

	start := time.Now()
	tick := time.NewTicker(time.Second)
	defer tick.Stop()
	for range tick.C {
		mu.Lock()
		n := cache.Len()
		mu.Unlock()
		if !*quiet {
			fmt.Fprintf(os.Stderr, "plateau-cache: t=%.0fs cached=%d/%d entries\n",
				time.Since(start).Seconds(), n, *capacity)
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
		}
		time.Sleep(2 * time.Millisecond)
	}
}

var sink []byte

func handle(id int64, size, garbage int) {
	resp := make([]byte, garbage) // short-lived garbage
	resp[0] = byte(id)
	sink = resp

	key := fmt.Sprintf("product-%d", id)
	mu.Lock()
	defer mu.Unlock()
	if _, ok := cache.Get(key); !ok {
		cache.Put(key, make([]byte, size)) // "load" it and cache it
	}
}
