package main

import (
	"fmt"
	"testing"
)

// TestCacheBounded checks the property that keeps plateau-cache from
// leaking: however many keys go in, the cache never holds more than its
// capacity, and the oldest keys are the ones that go.
func TestCacheBounded(t *testing.T) {
	c := NewCache(1000)
	for i := 0; i < 200000; i++ {
		c.Put(fmt.Sprint("key-", i), make([]byte, 1024))
		if c.Len() > 1000 {
			t.Fatalf("after %d puts the cache holds %d entries, want at most 1000", i+1, c.Len())
		}
	}
	if _, ok := c.Get("key-0"); ok {
		t.Errorf("key-0 should have been evicted")
	}
	if _, ok := c.Get("key-199999"); !ok {
		t.Errorf("the newest key should still be cached")
	}
}

func TestCacheGetRefreshes(t *testing.T) {
	c := NewCache(2)
	c.Put("a", []byte("1"))
	c.Put("b", []byte("2"))
	c.Get("a")              // a is now the most recently used
	c.Put("c", []byte("3")) // evicts b, not a
	if _, ok := c.Get("a"); !ok {
		t.Errorf("a was used recently and should still be cached")
	}
	if _, ok := c.Get("b"); ok {
		t.Errorf("b should have been evicted")
	}
}
