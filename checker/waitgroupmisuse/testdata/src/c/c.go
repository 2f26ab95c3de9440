// Package c has WaitGroups that are added to but never done.
package c

import "sync"

func work(int) {}

// The goroutines forget Done.
func forgot(n int) {
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		go func() {
			work(i)
		}()
	}
	wg.Wait() // want `nothing calls wg.Done\(\), so wg.Wait\(\) blocks forever once wg.Add has run: call defer wg.Done\(\) in each goroutine that Add counts`
}

// The twin: the goroutines call Done.
func remembered(n int) {
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			work(i)
		}()
	}
	wg.Wait()
}

// The WaitGroup goes to another function, which may call Done.
func passed(n int) {
	var wg sync.WaitGroup
	wg.Add(n)
	for i := range n {
		go worker(i, &wg)
	}
	wg.Wait()
}

func worker(i int, wg *sync.WaitGroup) {
	defer wg.Done()
	work(i)
}

type stopper struct {
	mu    sync.Mutex
	drain sync.WaitGroup
	stop  sync.WaitGroup
}

// StartTask counts a task on drain, and nothing ever finishes it.
func (s *stopper) StartTask() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.drain.Add(1)
	s.stop.Add(1)
}

func (s *stopper) Quiesce() {
	s.drain.Wait() // want `nothing calls s.drain.Done\(\)`
}

// The twin: stop has its Done.
func (s *stopper) FinishTask() {
	s.stop.Done()
}

func (s *stopper) Stop() {
	s.stop.Wait()
}

type exported struct {
	WG sync.WaitGroup
}

// An exported field may get its Done in another package.
func (e *exported) Run() {
	e.WG.Add(1)
	e.WG.Wait()
}
