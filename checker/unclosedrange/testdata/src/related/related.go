// Package related holds unclosedrange findings whose related positions the
// test checks: the go statement and the make.
package related

func Sum(xs []int) int {
	jobs := make(chan int) // related "jobs is made here, and nothing in the package closes it"
	total := make(chan int)
	go func() { // related "the goroutine is started here"
		n := 0
		for j := range jobs { // want `this goroutine ranges over jobs, which is never closed`
			n += j
		}
		total <- n
	}()
	for _, x := range xs {
		jobs <- x
	}
	return <-total
}

func Drain(n int) int {
	results := make(chan int, n) // related "results is made here, and nothing in the package closes it"
	for i := range n {
		results <- i
	}
	sum := 0
	for {
		v, ok := <-results // want `this loop receives from results, which is never closed`
		if !ok {
			break
		}
		sum += v
	}
	return sum
}

// A channel kept in a struct field: the go statement, in the constructor,
// and the make.

type Pool struct{ jobs chan int }

func NewPool() *Pool {
	p := &Pool{jobs: make(chan int)} // related "p.jobs is made here, and nothing in the package closes it"
	go p.work()                      // related "the goroutine is started here"
	return p
}

func (p *Pool) work() {
	for j := range p.jobs { // want `this goroutine ranges over p.jobs, which nothing in the package closes`
		_ = j
	}
}

func (p *Pool) Submit(j int) { p.jobs <- j }

// A quit channel nothing closes: the go statement and the make.

type Sampler struct {
	quit chan struct{}
	out  chan int
}

func NewSampler() *Sampler {
	s := &Sampler{quit: make(chan struct{}), out: make(chan int)} // related "s.quit is made here, and nothing in the package sends on it or closes it"
	go s.run()                                                    // related "the goroutine is started here"
	return s
}

func (s *Sampler) run() {
	for {
		select {
		case s.out <- 1:
		case <-s.quit: // want `this goroutine's loop ends only when it receives from s.quit`
			return
		}
	}
}

func (s *Sampler) Next() int { return <-s.out }
