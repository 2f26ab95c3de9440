// Package count has functions whose sends per call are counted.
package count

func countBranches(ch chan int, ok bool) {
	if ok {
		ch <- 1
	} else {
		ch <- 2
	}
}

func countSequence(ch chan int, ok bool) {
	ch <- 1
	if ok {
		return
	}
	ch <- 2
}

func countLoop(ch chan int, n int) {
	for i := 0; i < n; i++ {
		ch <- i
	}
}
