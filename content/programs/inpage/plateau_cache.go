package main

import (
	"fmt"
	"sync"
	"sync/atomic"
	"time"
)

// plateau-cache fills a bounded cache and then keeps using it
// (content/programs/plateau-cache).
//
// Each request looks up a product by a new key, misses, "loads" the value and
// stores it in an LRU cache of fixed capacity (cache.go). While the cache is
// filling up, the live heap in a GODEBUG=gctrace=1 trace climbs just like a
// leak. Once the cache is full, every new entry evicts an old one and the
// live heap stays level: the third heap number of the gc lines stops growing
// after a few seconds. This is why a leak has to be judged over a long
// enough window.
var plateauCache = &program{
	name:    "plateau-cache",
	summary: "A bounded cache that fills up and then levels off: it looks like a leak at first.",
	flags: []flagSpec{
		durationSpec(15),
		{Name: "rate", Type: intFlag, Default: 4000, Min: 100, Max: 10000, Unit: "requests/s", Help: "requests per second (each one a cache miss)"},
		{Name: "cap", Type: intFlag, Default: 24000, Min: 1000, Max: 100000, Unit: "entries", Help: "cache capacity in entries"},
		{Name: "size", Type: intFlag, Default: 1024, Min: 64, Max: 8192, Unit: "B", Help: "bytes per cached value"},
		{Name: "garbage", Type: intFlag, Default: 24 << 10, Min: 0, Max: 256 << 10, Unit: "B", Help: "bytes of short-lived garbage per request"},
	},
	main: plateauCacheMain,
}

var (
	cacheMu sync.Mutex
	cache   *Cache
)

func plateauCacheMain(v flagValues) {
	size, garbage, capacity := v.Int("size"), v.Int("garbage"), v.Int("cap")
	cache = NewCache(capacity)
	var handled atomic.Int64
	go paced(v.Float("rate"), &handled, func(id int64) {
		if garbage > 0 {
			resp := make([]byte, garbage) // short-lived garbage
			resp[0] = byte(id)
			sink = resp
		}
		key := fmt.Sprintf("product-%d", id)
		cacheMu.Lock()
		defer cacheMu.Unlock()
		if _, ok := cache.Get(key); !ok {
			cache.Put(key, make([]byte, size)) // "load" it and cache it
		}
	})
	runFor("plateau-cache", v.Duration("d"), func(t time.Duration) string {
		cacheMu.Lock()
		n := cache.Len()
		cacheMu.Unlock()
		return fmt.Sprintf("requests=%d (%s) cached=%d/%d entries",
			handled.Load(), perSecond(handled.Load(), t), n, capacity)
	}, nil)
}
