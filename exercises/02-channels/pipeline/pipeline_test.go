//go:build accent

package pipeline

import (
	"bytes"
	"context"
	"runtime"
	"slices"
	"testing"
	"testing/synctest"
	"time"
)

var logLines = []string{
	"INFO server started",
	"ERROR disk full",
	"WARN slow request",
	"ERROR connection reset",
	"INFO request served",
	"ERROR timeout talking to db",
}

var logErrors = []Entry{
	{"ERROR", "disk full"},
	{"ERROR", "connection reset"},
	{"ERROR", "timeout talking to db"},
}

// drain receives from ch until it is closed and returns what it received.
// It runs in a synctest bubble: if ch is still open once every goroutine of
// the bubble is blocked, the fake clock jumps an hour ahead and drain fails
// the test instead of waiting forever.
func drain[T any](t *testing.T, stage string, ch <-chan T) []T {
	t.Helper()
	var got []T
	timeout := time.After(time.Hour)
	for {
		select {
		case v, ok := <-ch:
			if !ok {
				return got
			}
			got = append(got, v)
		case <-timeout:
			t.Fatalf("%s sent %v and then neither sent nor closed its output: a range loop over it would never end", stage, got)
		}
	}
}

// goroutines counts the goroutines of the calling test's synctest bubble
// (every goroutine of the program when it is called outside a bubble). The
// test framework's own goroutines, which come and go as they please on a
// busy machine, are left out, so a difference of two counts is exactly the
// goroutines the code under test started or ended.
func goroutines() int {
	buf := make([]byte, 1<<16)
	for {
		n := runtime.Stack(buf, true)
		if n < len(buf) {
			buf = buf[:n]
			break
		}
		buf = make([]byte, 2*len(buf))
	}
	// The first goroutine in the dump is the caller.
	headers := bytes.Split(buf, []byte("\n\n"))
	mine := bubble(headers[0])
	n := 0
	for _, g := range headers {
		if mine == "" || bubble(g) == mine {
			n++
		}
	}
	return n
}

// bubble returns the synctest bubble named in a goroutine's header
// ("goroutine 7 [chan send, synctest bubble 3]:"), or "" for a goroutine
// outside any bubble.
func bubble(g []byte) string {
	header, _, _ := bytes.Cut(g, []byte("\n"))
	_, id, ok := bytes.Cut(header, []byte(", synctest bubble "))
	if !ok {
		return ""
	}
	end := bytes.IndexFunc(id, func(r rune) bool { return r < '0' || r > '9' })
	if end < 0 {
		end = len(id)
	}
	return string(id[:end])
}

// closedWith returns a channel holding vs, already closed.
func closedWith[T any](vs ...T) <-chan T {
	ch := make(chan T, len(vs))
	for _, v := range vs {
		ch <- v
	}
	close(ch)
	return ch
}

func TestEveryStageClosesItsOutputWhenItsInputEnds(t *testing.T) {
	t.Run("Lines", func(t *testing.T) {
		synctest.Test(t, func(t *testing.T) {
			got := drain(t, "Lines", Lines(t.Context(), logLines))
			if !slices.Equal(got, logLines) {
				t.Errorf("Lines sent %q, want %q", got, logLines)
			}
		})
	})
	t.Run("Parse", func(t *testing.T) {
		synctest.Test(t, func(t *testing.T) {
			got := drain(t, "Parse", Parse(t.Context(), closedWith("ERROR disk full", "INFO up", "WARN", "ERROR table  users:  locked")))
			want := []Entry{{"ERROR", "disk full"}, {"INFO", "up"}, {"WARN", ""}, {"ERROR", "table  users:  locked"}}
			if !slices.Equal(got, want) {
				t.Errorf("Parse sent %v, want %v", got, want)
			}
		})
	})
	t.Run("Errors", func(t *testing.T) {
		synctest.Test(t, func(t *testing.T) {
			got := drain(t, "Errors", Errors(t.Context(), closedWith(Entry{"INFO", "up"}, logErrors[0], Entry{"WARN", "slow"}, Entry{"ERRORS", "not a level"}, logErrors[1])))
			if want := logErrors[:2]; !slices.Equal(got, want) {
				t.Errorf("Errors sent %v, want %v", got, want)
			}
		})
	})
}

// checkStopped looks at a stage once ctx has been cancelled and every
// goroutine has settled, with nobody reading: every goroutine the stage
// started must have returned (there were before goroutines when the test
// started), and its output must be closed, after whatever it had buffered.
func checkStopped[T any](t *testing.T, stage string, out <-chan T, before int) {
	t.Helper()
	if n := goroutines() - before; n > 0 {
		t.Errorf("%s still has %d goroutine(s) alive after ctx was cancelled, with nobody reading: a bare send waits for a reader forever; select on ctx.Done() as well", stage, n)
		return
	}
	for {
		select {
		case _, ok := <-out:
			if !ok {
				return
			}
		default:
			t.Errorf("%s returned without closing its output after ctx was cancelled: a range over it would never end", stage)
			return
		}
	}
}

func TestEveryStageStopsWhenContextIsCancelled(t *testing.T) {
	t.Run("Lines", func(t *testing.T) {
		synctest.Test(t, func(t *testing.T) {
			before := goroutines()
			ctx, cancel := context.WithCancel(t.Context())
			out := Lines(ctx, logLines)
			synctest.Wait() // Lines is waiting to send the first line
			cancel()
			synctest.Wait()
			checkStopped(t, "Lines", out, before)
			drain(t, "Lines", out) // lets a Lines that missed the cancel finish
		})
	})
	t.Run("Parse", func(t *testing.T) {
		synctest.Test(t, func(t *testing.T) {
			before := goroutines()
			ctx, cancel := context.WithCancel(t.Context())
			in := make(chan string, 1)
			defer close(in)
			in <- "ERROR disk full"
			out := Parse(ctx, in)
			synctest.Wait() // Parse has taken the line and is waiting to send its Entry
			cancel()
			synctest.Wait()
			checkStopped(t, "Parse", out, before)
		})
	})
	t.Run("Errors", func(t *testing.T) {
		synctest.Test(t, func(t *testing.T) {
			before := goroutines()
			ctx, cancel := context.WithCancel(t.Context())
			in := make(chan Entry, 1)
			defer close(in)
			in <- logErrors[0]
			out := Errors(ctx, in)
			synctest.Wait() // Errors has taken the entry and is waiting to send it
			cancel()
			synctest.Wait()
			checkStopped(t, "Errors", out, before)
		})
	})
}

func TestFirstErrorsReturnsTheFirstNErrorsInOrder(t *testing.T) {
	tests := []struct {
		name string
		n    int
		want []Entry
	}{
		{"fewer than there are", 2, logErrors[:2]},
		{"exactly as many as there are", 3, logErrors},
		{"more than there are", 10, logErrors},
		{"just the first", 1, logErrors[:1]},
	}
	t.Run("no lines at all", func(t *testing.T) {
		synctest.Test(t, func(t *testing.T) {
			if got := FirstErrors(context.Background(), nil, 2); len(got) != 0 {
				t.Errorf("FirstErrors(no lines, 2) = %v, want no errors", got)
			}
		})
	})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				// Not t.Context(): it is cancelled when the test ends, which
				// would stop stages that FirstErrors forgot to stop.
				got := FirstErrors(context.Background(), logLines, tt.n)
				if !slices.Equal(got, tt.want) {
					t.Errorf("FirstErrors(log, %d) = %v, want %v", tt.n, got, tt.want)
				}
			})
		})
	}
}

// The log goes on for a hundred thousand lines, and FirstErrors stops after
// the first two errors. Every stage must then stop too: a stage still
// blocked when the test ends fails it with "blocked goroutines remain",
// which accent reports as a leak.
func TestFirstErrorsStopsEveryStageOnceItHasEnough(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		long := slices.Repeat(logLines, 100_000/len(logLines))
		got := FirstErrors(context.Background(), long, 2)
		if !slices.Equal(got, logErrors[:2]) {
			t.Errorf("FirstErrors(long log, 2) = %v, want %v", got, logErrors[:2])
		}
	})
}
