package a

import "sync"

// WaitGroup.Wait under the lock; the workers lock before Done.
type Pool struct {
	mu      sync.Mutex
	wg      sync.WaitGroup
	results []int
}

func (p *Pool) Start(n int) {
	for i := range n {
		p.wg.Add(1)
		go p.work(i)
	}
}

func (p *Pool) work(i int) {
	defer p.wg.Done()
	p.mu.Lock()
	p.results = append(p.results, i)
	p.mu.Unlock()
}

func (p *Pool) Results() []int {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.wg.Wait() // want `p\.wg\.Wait\(\) blocks while p\.mu is locked, but every Done call \(as in work at line 20\) comes after locking Pool\.mu`
	return p.results
}

// The same, waiting before locking.
type Pool2 struct {
	mu      sync.Mutex
	wg      sync.WaitGroup
	results []int
}

func (p *Pool2) Start(n int) {
	for i := range n {
		p.wg.Add(1)
		go p.work(i)
	}
}

func (p *Pool2) work(i int) {
	defer p.wg.Done()
	p.mu.Lock()
	p.results = append(p.results, i)
	p.mu.Unlock()
}

func (p *Pool2) Results() []int {
	p.wg.Wait()
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.results
}

// Java: BlockingQueue.take() inside synchronized, while put() also
// synchronizes on the same object.
//
//	synchronized Job next() throws InterruptedException { return jobs.take(); }
//	synchronized void submit(Job j) throws InterruptedException { jobs.put(j); }
type Scheduler struct {
	mu      sync.Mutex
	jobs    chan string
	pending int
}

func NewScheduler() *Scheduler { return &Scheduler{jobs: make(chan string)} }

func (s *Scheduler) Next() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.pending--
	return <-s.jobs // want `receiving from s\.jobs blocks while s\.mu is locked, but every send on or close of it \(as in submit at line 90\) comes after locking Scheduler\.mu`
}

func (s *Scheduler) Submit(j string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.submit(j)
}

// submit is only called with s.mu held.
func (s *Scheduler) submit(j string) {
	s.pending++
	s.jobs <- j // want `sending on s\.jobs blocks while s\.mu is locked \(called from Submit at line 84\), but every receive from or close of it \(as in Next at line 78\) comes after locking Scheduler\.mu`
}

// Python: queue.get() inside "with self._lock:", with a producer that
// does not need the lock: fine.
type Worker struct {
	mu    sync.Mutex
	tasks chan string
	log   []string
}

func NewWorker() *Worker { return &Worker{tasks: make(chan string)} }

func (w *Worker) Step() {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.log = append(w.log, <-w.tasks)
}

func (w *Worker) Feed(t string) {
	w.tasks <- t
}

// Channels in local variables and parameters are not followed.
func local(mu *sync.Mutex) {
	ch := make(chan int)
	go func() {
		mu.Lock()
		ch <- 1
		mu.Unlock()
	}()
	mu.Lock()
	<-ch
	mu.Unlock()
}
