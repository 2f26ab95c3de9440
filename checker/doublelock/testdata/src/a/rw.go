package a

import "sync"

type Cache struct {
	mu   sync.RWMutex
	data map[string]int
}

// Upgrading a read lock.
func (c *Cache) GetOrInit(k string) int {
	c.mu.RLock()
	v, ok := c.data[k]
	if !ok {
		c.mu.Lock() // want `c\.mu is read-locked \(at line 12\) when it is locked again: Lock waits for every reader, this one included: a read lock cannot be upgraded, this blocks forever; RUnlock first, then Lock and re-check the state`
		c.data[k] = 1
		c.mu.Unlock()
	}
	c.mu.RUnlock()
	return v
}

func (c *Cache) GetOrInitOK(k string) int {
	c.mu.RLock()
	v, ok := c.data[k]
	c.mu.RUnlock()
	if !ok {
		c.mu.Lock()
		if v, ok = c.data[k]; !ok {
			c.data[k] = 1
		}
		c.mu.Unlock()
	}
	return v
}

// A recursive read lock through a method call.
func (c *Cache) Sum(keys []string) int {
	c.mu.RLock()
	defer c.mu.RUnlock()
	n := 0
	for _, k := range keys {
		n += c.Get(k)
	}
	return n
}

func (c *Cache) Get(k string) int {
	c.mu.RLock() // want `c\.mu is already read-locked \(by Sum at line 39\) when Get locks it again: a recursive RLock deadlocks as soon as another goroutine calls Lock in between`
	defer c.mu.RUnlock()
	return c.data[k]
}

func (c *Cache) SumOK(keys []string) int {
	c.mu.RLock()
	defer c.mu.RUnlock()
	n := 0
	for _, k := range keys {
		n += c.getLocked(k)
	}
	return n
}

func (c *Cache) getLocked(k string) int { return c.data[k] }

// RLock while the write lock is held.
func (c *Cache) Set(k string, v int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.data[k] = v
	c.Len()
}

func (c *Cache) Len() int {
	c.mu.RLock() // want `c\.mu is already locked \(by Set at line 68\) when Len locks it again: RLock waits for the writer, which is this goroutine`
	defer c.mu.RUnlock()
	return len(c.data)
}

func (c *Cache) SetOK(k string, v int) {
	c.mu.Lock()
	c.data[k] = v
	c.mu.Unlock()
	c.Len()
}
