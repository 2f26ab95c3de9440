package a

import (
	"errors"
	"sync"
)

var errClosed = errors.New("closed")

type Cache struct {
	mu     sync.Mutex
	rw     sync.RWMutex
	data   map[string]string
	closed bool
}

func load() (map[string]string, error) { return nil, nil }

// An early return between Lock and Unlock.
func (c *Cache) Refresh() error {
	c.mu.Lock()
	data, err := load()
	if err != nil {
		return err // want `return with c\.mu still locked \(locked at line 21\): every later Lock of it blocks forever; use defer c\.mu\.Unlock\(\) right after Lock, or Unlock before this return`
	}
	c.data = data
	c.mu.Unlock()
	return nil
}

func (c *Cache) RefreshOK() error {
	c.mu.Lock()
	data, err := load()
	if err != nil {
		c.mu.Unlock()
		return err
	}
	c.data = data
	c.mu.Unlock()
	return nil
}

func (c *Cache) RefreshDefer() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	data, err := load()
	if err != nil {
		return err
	}
	c.data = data
	return nil
}

// A read lock.
func (c *Cache) Get(k string) (string, bool) {
	c.rw.RLock()
	if c.closed {
		return "", false // want `return with c\.rw still read-locked \(read-locked at line 56\): every later Lock of it blocks forever; use defer c\.rw\.RUnlock\(\) right after RLock`
	}
	v, ok := c.data[k]
	c.rw.RUnlock()
	return v, ok
}

func (c *Cache) GetOK(k string) (string, bool) {
	c.rw.RLock()
	defer c.rw.RUnlock()
	if c.closed {
		return "", false
	}
	v, ok := c.data[k]
	return v, ok
}

// Returning before the defer statement is reached.
func (c *Cache) Late() error {
	c.mu.Lock()
	if c.closed {
		return errClosed // want `return with c\.mu still locked`
	}
	defer c.mu.Unlock()
	c.data = nil
	return nil
}

// The result reads guarded state: no fix, since unlocking first would
// read c.data without the lock.
func (c *Cache) Len() int {
	c.mu.Lock()
	if c.data == nil {
		return len(c.data) // want `return with c\.mu still locked`
	}
	n := len(c.data)
	c.mu.Unlock()
	return n
}
