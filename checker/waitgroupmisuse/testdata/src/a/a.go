// Package a has goroutines that skip wg.Done() on some paths.
package a

import (
	"errors"
	"sync"
)

func step() error { return errors.New("x") }

func finish() {}

// Early return on an error skips the Done at the end.
func earlyReturn() {
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		if err := step(); err != nil {
			return // want `this return skips wg.Done\(\): wg.Wait\(\) blocks forever; call defer wg.Done\(\) first thing in the goroutine`
		}
		finish()
		wg.Done()
	}()
	wg.Wait()
}

// The twin: Done deferred first thing.
func earlyReturnDeferred() {
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		if err := step(); err != nil {
			return
		}
		finish()
	}()
	wg.Wait()
}

// The twin: Done on every path.
func doneOnEveryPath() {
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		if err := step(); err != nil {
			wg.Done()
			return
		}
		finish()
		wg.Done()
	}()
	wg.Wait()
}

type server struct {
	wg   sync.WaitGroup
	quit chan struct{}
	jobs chan int
}

// A worker loop: the return on quit skips the Done after the loop.
func (s *server) worker() {
	for {
		select {
		case <-s.quit:
			return // want `this return skips s.wg.Done\(\)`
		case j, ok := <-s.jobs:
			if !ok {
				break
			}
			_ = j
			continue
		}
		break
	}
	s.wg.Done()
}

// The twin: the loop exits with break on quit too.
func (s *server) workerOK() {
	defer s.wg.Done()
	for {
		select {
		case <-s.quit:
			return
		case j := <-s.jobs:
			_ = j
		}
	}
}

func (s *server) start() {
	s.wg.Add(2)
	go s.worker()
	go s.workerOK()
}

// A go'd function taking the *WaitGroup.
func work(wg *sync.WaitGroup, n int) {
	if n < 0 {
		return // want `this return skips wg.Done\(\)`
	}
	finish()
	wg.Done()
}

// The twin: deferred through a closure.
func workOK(wg *sync.WaitGroup, n int) {
	defer func() { wg.Done() }()
	if n < 0 {
		return
	}
	finish()
}

func startWork() {
	var wg sync.WaitGroup
	wg.Add(2)
	go work(&wg, 1)
	go workOK(&wg, 1)
	wg.Wait()
}

// A function that is not started as a goroutine is not checked.
func notGoroutine(wg *sync.WaitGroup, n int) {
	if n < 0 {
		return
	}
	wg.Done()
}

func callNotGoroutine(wg *sync.WaitGroup) { notGoroutine(wg, 1) }

// Done once per item: an empty slice rightly ends without Done.
func perItem(items []int) {
	var wg sync.WaitGroup
	wg.Add(len(items))
	go func() {
		for range items {
			finish()
			wg.Done()
		}
	}()
	wg.Wait()
}

// The goroutine hands the WaitGroup on: the other goroutine calls Done.
func handOff(jobs chan int) {
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		j, ok := <-jobs
		if ok {
			go func() {
				_ = j
				wg.Done()
			}()
			return
		}
		wg.Done()
	}()
	wg.Wait()
}

// A helper of the package calls Done: every path is covered.
func (s *server) stopped() { s.wg.Done() }

func (s *server) helperDone(n int) {
	if n < 0 {
		s.stopped()
		return
	}
	s.wg.Done()
}

func (s *server) startHelper() {
	s.wg.Add(1)
	go s.helperDone(1)
}

// The goroutine calls Done when it exits, implicitly.
func implicitEnd(fail bool) {
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		if !fail {
			wg.Done()
			return
		}
		finish()
	} /* want `the goroutine can end here without calling wg.Done\(\)` */ ()
	wg.Wait()
}

// A panic or os.Exit-like path is no return.
func panicPath(n int) {
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		if n < 0 {
			panic("negative")
		}
		wg.Done()
	}()
	wg.Wait()
}

// A nil WaitGroup counts nothing: the nil path needs no Done.
func nilGuard(wg *sync.WaitGroup) {
	if wg != nil {
		wg.Done()
	}
}

// The twin: the guard is on something else.
func otherGuard(wg *sync.WaitGroup, p *int) {
	if p != nil {
		wg.Done()
	}
} // want `the goroutine can end here without calling wg.Done\(\)`

func startGuards(wg *sync.WaitGroup) {
	wg.Add(2)
	go nilGuard(wg)
	go otherGuard(wg, nil)
}
