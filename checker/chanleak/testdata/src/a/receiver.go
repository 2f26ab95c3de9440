package a

import "errors"

type Job struct{ ID int }

func process(Job) {}

// Workers range over jobs; the producer returns on a bad job before it
// closes jobs, so the workers wait forever.

func runJobs(todo []Job) error {
	jobs := make(chan Job)
	for range 4 {
		go func() {
			for j := range jobs { // want `goroutine started at line 15 receives from jobs, but runJobs can return at line 23 without closing it: the receive blocks forever; close\(jobs\) on every path, e.g. defer close\(jobs\)`
				process(j)
			}
		}()
	}
	for _, j := range todo {
		if j.ID < 0 {
			return errors.New("bad job")
		}
		jobs <- j
	}
	close(jobs)
	return nil
}

func runJobsDeferClose(todo []Job) error {
	jobs := make(chan Job)
	defer close(jobs)
	for range 4 {
		go func() {
			for j := range jobs {
				process(j)
			}
		}()
	}
	for _, j := range todo {
		if j.ID < 0 {
			return errors.New("bad job")
		}
		jobs <- j
	}
	return nil
}

// One goroutine waits for one value that an error path never sends.

func handoff(j Job, ok bool) error {
	in := make(chan Job)
	go func() {
		process(<-in) // want `goroutine started at line 54 receives from in, but handoff can return at line 58 without sending to or closing it`
	}()
	if !ok {
		return errors.New("not ok")
	}
	in <- j
	return nil
}

func handoffEveryPath(j Job, ok bool) error {
	in := make(chan Job)
	go func() {
		process(<-in)
	}()
	if !ok {
		close(in)
		return errors.New("not ok")
	}
	in <- j
	return nil
}
