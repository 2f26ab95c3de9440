//go:build accent

// Package producerconsumer counts the words in a stream of lines with one
// producer and several consumers sharing a channel.
package producerconsumer

import (
	"strings"
	"sync"
)

// Produce sends every line on out, in order, and then tells the consumers
// that the input is over.
func Produce(lines []string, out chan<- string) {
	defer close(out) // the only end-of-input signal: every range loop over out ends
	for _, line := range lines {
		out <- line
	}
}

// Consume receives lines from in until the input is over and returns how
// many words (as strings.Fields splits them) it saw.
func Consume(in <-chan string) int {
	words := 0
	for line := range in {
		words += len(strings.Fields(line))
	}
	return words
}

// CountWords feeds lines through a queue to workers consumers running at
// the same time (workers >= 1) and returns the total number of words.
func CountWords(lines []string, workers int) int {
	// Wrong: every consumer adds its count to one shared total, with no
	// lock or atomic: two consumers that finish at once race on it, and one
	// addition can be lost.
	queue := make(chan string, 64)
	total := 0
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() { total += Consume(queue) })
	}
	Produce(lines, queue)
	wg.Wait()
	return total
}
