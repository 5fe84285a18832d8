package main

import "container/list"

// Cache is a least-recently-used cache with a fixed capacity (the same as
// content/programs/plateau-cache/cache.go). When it is full, adding a new key
// evicts the entry that was used longest ago, so its memory use is bounded.
type Cache struct {
	capacity int
	order    *list.List               // front = most recently used
	items    map[string]*list.Element // key -> element in order
}

type entry struct {
	key   string
	value []byte
}

// NewCache returns an empty cache that holds at most capacity entries.
func NewCache(capacity int) *Cache {
	return &Cache{
		capacity: capacity,
		order:    list.New(),
		items:    make(map[string]*list.Element, capacity),
	}
}

// Get returns the value for key and marks it as recently used.
func (c *Cache) Get(key string) ([]byte, bool) {
	el, ok := c.items[key]
	if !ok {
		return nil, false
	}
	c.order.MoveToFront(el)
	return el.Value.(*entry).value, true
}

// Put stores value under key, evicting the least recently used entry if the
// cache is full.
func (c *Cache) Put(key string, value []byte) {
	if el, ok := c.items[key]; ok {
		el.Value.(*entry).value = value
		c.order.MoveToFront(el)
		return
	}
	if c.order.Len() >= c.capacity {
		oldest := c.order.Back()
		c.order.Remove(oldest)
		delete(c.items, oldest.Value.(*entry).key)
	}
	c.items[key] = c.order.PushFront(&entry{key: key, value: value})
}

// Len reports how many entries the cache holds.
func (c *Cache) Len() int { return c.order.Len() }
