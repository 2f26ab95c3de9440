//go:build accent

// Package pipeline finds the first errors in a log with a chain of stages
// connected by channels.
package pipeline

import (
	"context"
	"strings"
)

// An Entry is one parsed log line.
type Entry struct {
	Level   string
	Message string
}

// This port still thinks in generators: each stage is a loop that yields
// what it makes, and a generator simply returns when its input runs out.

// Lines sends lines on the returned channel, in order. It closes the channel
// after the last line, or as soon as ctx is done.
func Lines(ctx context.Context, lines []string) <-chan string {
	out := make(chan string)
	go func() {
		for _, line := range lines {
			out <- line // yield line
		}
	}()
	return out
}

// Parse turns every line it receives from in into an Entry: the level is the
// first word, the message the rest. It closes the returned channel once in is
// closed, or as soon as ctx is done.
func Parse(ctx context.Context, in <-chan string) <-chan Entry {
	out := make(chan Entry)
	go func() {
		for line := range in {
			level, message, _ := strings.Cut(line, " ")
			out <- Entry{Level: level, Message: message}
		}
	}()
	return out
}

// Errors forwards the entries of level ERROR it receives from in and drops
// the others. It closes the returned channel once in is closed, or as soon as
// ctx is done.
func Errors(ctx context.Context, in <-chan Entry) <-chan Entry {
	out := make(chan Entry)
	go func() {
		for e := range in {
			if e.Level == "ERROR" {
				out <- e
			}
		}
	}()
	return out
}

// FirstErrors runs lines through Lines, Parse and Errors and returns the
// first n errors (n >= 1), or all of them if there are fewer. When it
// returns, every stage has stopped or is stopping.
func FirstErrors(ctx context.Context, lines []string, n int) []Entry {
	var found []Entry
	for e := range Errors(ctx, Parse(ctx, Lines(ctx, lines))) {
		found = append(found, e)
		if len(found) == n {
			break // islice / break in for await: the rest is never read
		}
	}
	return found
}
