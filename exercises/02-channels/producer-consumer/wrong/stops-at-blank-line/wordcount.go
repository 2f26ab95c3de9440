//go:build accent

// Package producerconsumer counts the words in a stream of lines with one
// producer and several consumers sharing a channel.
package producerconsumer

import "strings"

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
	// Wrong: the producer closes the channel now, but the old sentinel
	// check stayed: the first blank line still ends this consumer early.
	for line := range in {
		if line == "" {
			return words
		}
		words += len(strings.Fields(line))
	}
	return words
}

// CountWords feeds lines through a queue to workers consumers running at
// the same time (workers >= 1) and returns the total number of words.
func CountWords(lines []string, workers int) int {
	queue := make(chan string, 64)
	counts := make(chan int, workers)
	for range workers {
		go func() { counts <- Consume(queue) }()
	}
	Produce(lines, queue)
	total := 0
	for range workers {
		total += <-counts
	}
	return total
}
