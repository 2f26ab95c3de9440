// Package b has Waits that wait for the goroutine calling them, and Waits
// inside the loop that starts the goroutines.
package b

import "sync"

func work() {}

// The goroutine waits for itself: its own Done is deferred.
func waitsForItself() {
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		work()
		wg.Wait() // want `wg.Wait\(\) inside a goroutine that wg counts, waits for this goroutine's own wg.Done\(\), which only runs later: it deadlocks`
	}()
	wg.Wait()
}

// The twin: the goroutine waits on another WaitGroup, its children's.
func waitsForChildren() {
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		var children sync.WaitGroup
		children.Add(1)
		go func() {
			defer children.Done()
			work()
		}()
		children.Wait()
	}()
	wg.Wait()
}

// The goroutine calls Done only after the Wait.
func doneAfterWait(wg *sync.WaitGroup) {
	wg.Wait() // want `wg.Wait\(\) inside a goroutine that wg counts`
	wg.Done()
}

// The twin: Done before the Wait (it waits for the others).
func doneBeforeWait(wg *sync.WaitGroup) {
	wg.Done()
	wg.Wait()
}

func startBoth() {
	var wg sync.WaitGroup
	wg.Add(2)
	go doneAfterWait(&wg)
	go doneBeforeWait(&wg)
	wg.Wait()
}

type pool struct {
	wg   sync.WaitGroup
	quit chan struct{}
}

// Close waits for the workers.
func (p *pool) Close() {
	close(p.quit)
	p.wg.Wait()
}

// A worker that closes the pool waits for itself through Close.
func (p *pool) worker(fail func() bool) {
	defer p.wg.Done()
	if fail() {
		p.Close() // want `p.Close\(\) waits on p.wg and, inside a goroutine that p.wg counts`
	}
}

// The twin: the worker only signals, and someone else calls Close.
func (p *pool) workerOK(fail func() bool, failed chan<- struct{}) {
	defer p.wg.Done()
	if fail() {
		failed <- struct{}{}
	}
}

func (p *pool) start(fail func() bool, failed chan<- struct{}) {
	p.wg.Add(2)
	go p.worker(fail)
	go p.workerOK(fail, failed)
}

type plugin struct{}

// Wait inside the loop, Add before it: the first Wait blocks forever.
func initPlugins(plugins []*plugin) {
	var group sync.WaitGroup
	group.Add(len(plugins))
	for _, p := range plugins {
		go func(p *plugin) {
			defer group.Done()
			_ = p
		}(p)
		group.Wait() // want `group.Wait\(\) inside the loop that starts the goroutines waits for all that group.Add counted before the loop, but only one has started: it blocks forever; move group.Wait\(\) after the loop`
	}
}

// The twin: Wait after the loop.
func initPluginsOK(plugins []*plugin) {
	var group sync.WaitGroup
	group.Add(len(plugins))
	for _, p := range plugins {
		go func(p *plugin) {
			defer group.Done()
			_ = p
		}(p)
	}
	group.Wait()
}

// Add, go and Wait in each iteration: serial, but correct.
func oneAtATime(plugins []*plugin) {
	var group sync.WaitGroup
	for _, p := range plugins {
		group.Add(1)
		go func() {
			defer group.Done()
			_ = p
		}()
		group.Wait()
	}
}

// wg.Go calls Done itself.
func goAndDone() {
	var wg sync.WaitGroup
	wg.Go(func() {
		defer wg.Done() // want `wg.Go already calls Done when the function returns: this wg.Done\(\) drives the counter negative and panics; remove it`
		work()
	})
	wg.Wait()
}

// The twin: wg.Go without Done.
func goOnly() {
	var wg sync.WaitGroup
	wg.Go(func() {
		work()
	})
	wg.Wait()
}

// The twin: Done on another WaitGroup inside wg.Go.
func goOtherDone(other *sync.WaitGroup) {
	var wg sync.WaitGroup
	wg.Go(func() {
		defer other.Done()
		work()
	})
	wg.Wait()
}
