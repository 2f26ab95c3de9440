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

// Lines sends lines on the returned channel, in order. It closes the channel
// after the last line, or as soon as ctx is done.
func Lines(ctx context.Context, lines []string) <-chan string {
	out := make(chan string)
	go func() {
		defer close(out)
		for _, line := range lines {
			select {
			case out <- line:
			case <-ctx.Done():
				return
			}
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
		defer close(out)
		for line := range in {
			// Wrong: like line.split() in Python, then " ".join(rest):
			// runs of spaces inside the message collapse into one.
			fields := strings.Fields(line)
			var level, message string
			if len(fields) > 0 {
				level, message = fields[0], strings.Join(fields[1:], " ")
			}
			select {
			case out <- Entry{Level: level, Message: message}:
			case <-ctx.Done():
				return
			}
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
		defer close(out)
		for e := range in {
			if e.Level != "ERROR" {
				continue
			}
			select {
			case out <- e:
			case <-ctx.Done():
				return
			}
		}
	}()
	return out
}

// FirstErrors runs lines through Lines, Parse and Errors and returns the
// first n errors (n >= 1), or all of them if there are fewer. When it
// returns, every stage has stopped or is stopping.
func FirstErrors(ctx context.Context, lines []string, n int) []Entry {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel() // stops the stages still running when we have enough
	var found []Entry
	for e := range Errors(ctx, Parse(ctx, Lines(ctx, lines))) {
		found = append(found, e)
		if len(found) == n {
			break
		}
	}
	return found
}
