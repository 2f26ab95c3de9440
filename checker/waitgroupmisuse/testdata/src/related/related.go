// Package related holds waitgroupmisuse findings whose related positions
// the test checks: the goroutine and its blocked operation, the waiter's
// operation after the Wait, the Done a return skips.
package related

import "sync"

func process(int) int { return 0 }

func closeAfterWait(items []int) {
	jobs := make(chan int)
	var wg sync.WaitGroup
	for range 3 {
		wg.Add(1)
		go func() { // related "the goroutine is started here"
			defer wg.Done()
			for j := range jobs { // related "the goroutine waits here for jobs to be closed"
				process(j)
			}
		}()
	}
	for _, it := range items {
		jobs <- it
	}
	wg.Wait()   // want `wg.Wait\(\) waits for goroutines that only finish once jobs is closed`
	close(jobs) // related `close\(jobs\) comes only here, after the Wait`
}

func resultsAfterWait(items []int) []int {
	results := make(chan int)
	var wg sync.WaitGroup
	for _, it := range items {
		wg.Add(1)
		go func() { // related "the goroutine is started here"
			defer wg.Done()
			results <- process(it) // related "the goroutine blocks here, sending on results before its Done"
		}()
	}
	wg.Wait() // want `wg.Wait\(\) waits for goroutines that must first send on results`
	var out []int
	for range items {
		out = append(out, <-results) // related "results is received from only here, after the Wait"
	}
	return out
}

func skipsDone(items []int) {
	var wg sync.WaitGroup
	for _, it := range items {
		wg.Add(1)
		go func() {
			if it < 0 {
				return // want `this return skips wg.Done\(\)`
			}
			process(it)
			wg.Done() // related `the other paths call wg\.Done\(\) here`
		}()
	}
	wg.Wait() // related `wg\.Wait\(\) waits here for the Done that this path skips`
}

func waitsForItself() {
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done() // related `this goroutine's wg\.Done\(\) is deferred here: it runs when the goroutine returns, after the Wait`
		process(1)
		wg.Wait() // want `wg.Wait\(\) inside a goroutine that wg counts`
	}()
	wg.Wait()
}

func doneAfterWait(wg *sync.WaitGroup) {
	wg.Add(1)
	go func() {
		wg.Wait() // want `wg.Wait\(\) inside a goroutine that wg counts`
		wg.Done() // related `this goroutine's wg\.Done\(\) runs here, after the Wait`
	}()
}

func initPlugins(plugins []string) {
	var group sync.WaitGroup
	group.Add(len(plugins)) // related `group\.Add counts the goroutines here, before the loop`
	for _, p := range plugins {
		go func() {
			defer group.Done()
			_ = p
		}()
		group.Wait() // want `group.Wait\(\) inside the loop that starts the goroutines`
	}
}
