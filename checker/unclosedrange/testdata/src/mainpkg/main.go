// Command mainpkg runs a worker for the life of the program.
package main

var submit func(func())

func init() {
	work := make(chan func())
	go func() {
		for f := range work {
			f()
		}
	}()
	submit = func(f func()) { work <- f }
}

func helper() {
	jobs := make(chan int)
	go func() {
		for j := range jobs { // want `this goroutine ranges over jobs, which is never closed`
			_ = j
		}
	}()
	jobs <- 1
}

func main() {
	submit(func() {})
	helper()
}

// In a main package no other package can reach an exported field: nothing
// closes d.Events.

type Dispatcher struct {
	Events chan string
}

func NewDispatcher() *Dispatcher {
	d := &Dispatcher{Events: make(chan string)}
	go d.dispatch()
	return d
}

func (d *Dispatcher) dispatch() {
	for e := range d.Events { // want `this goroutine ranges over d.Events, which nothing in the package closes`
		println(e)
	}
}

type Closer struct {
	Events chan string
}

func NewCloser() *Closer {
	c := &Closer{Events: make(chan string)}
	go c.dispatch()
	return c
}

func (c *Closer) dispatch() {
	for e := range c.Events {
		println(e)
	}
}

func (c *Closer) Close() { close(c.Events) }

var _, _ = NewDispatcher, NewCloser
