//go:build accent

// Package producerconsumer counts the words in a stream of lines with one
// producer and several consumers sharing a channel.
package producerconsumer

import "strings"

// Produce sends every line on out, in order, and then tells the consumers
// that the input is over.
func Produce(lines []string, out chan<- string) {
	for _, line := range lines {
		out <- line
	}
	// Wrong: out is never closed, so nothing tells the consumers' range
	// loops that the last line has been sent.
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
