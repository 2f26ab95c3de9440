//go:build accent

package mergeuntilclosed

import (
	"bytes"
	"context"
	"fmt"
	"runtime"
	"slices"
	"testing"
	"testing/synctest"
	"time"
)

// feeds plays a script on two unbuffered feeds from its own goroutine. A
// send completes only when Merge takes the update, so the script also
// fixes the order in which they arrive. When the test ends, a send or a
// pause still waiting gives up.
type feeds struct {
	t               *testing.T
	primary, backup chan Update
}

func play(t *testing.T, script func(f *feeds)) (primary, backup <-chan Update) {
	f := &feeds{t: t, primary: make(chan Update), backup: make(chan Update)}
	go script(f)
	return f.primary, f.backup
}

func (f *feeds) send(feed chan Update, seq int, text string) {
	select {
	case feed <- Update{Seq: seq, Text: text}:
	case <-f.t.Context().Done():
	}
}

func (f *feeds) pause(d time.Duration) {
	select {
	case <-time.After(d):
	case <-f.t.Context().Done():
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

type arrival struct {
	Update
	at time.Duration // after the start of the test
}

func (a arrival) String() string {
	return fmt.Sprintf("{%d %s at %v}", a.Seq, a.Text, a.at)
}

// collect reads out until Merge closes it and returns what arrived, when,
// and when out was closed. If out is still open once every goroutine is
// blocked, the fake clock jumps a day ahead and collect fails the test.
func collect(t *testing.T, out <-chan Update) (got []arrival, closedAt time.Duration) {
	t.Helper()
	start := time.Now()
	timeout := time.After(24 * time.Hour)
	for {
		select {
		case u, ok := <-out:
			if !ok {
				return got, time.Since(start)
			}
			got = append(got, arrival{u, time.Since(start)})
		case <-timeout:
			t.Fatalf("Merge sent %v and then neither sent nor closed its output, with both feeds closed", got)
		}
	}
}

func TestForwardsEachUpdateOnceInArrivalOrder(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		primary, backup := play(t, func(f *feeds) {
			f.send(f.primary, 1, "p1")
			f.send(f.backup, 1, "b1") // a copy: dropped
			f.send(f.backup, 2, "b2") // the primary lost 2
			f.send(f.primary, 3, "p3")
			f.send(f.primary, 2, "p2") // late copy: dropped
			f.send(f.backup, 3, "b3")  // copy: dropped
			f.send(f.backup, 4, "b4")
			close(f.primary)
			close(f.backup)
		})

		got, _ := collect(t, Merge(t.Context(), primary, backup))

		want := []arrival{{Update{1, "p1"}, 0}, {Update{2, "b2"}, 0}, {Update{3, "p3"}, 0}, {Update{4, "b4"}, 0}}
		if !slices.Equal(got, want) {
			t.Errorf("Merge sent %v, want %v (each Seq once, the first copy to arrive)", got, want)
		}
	})
}

// Updates do not arrive in Seq order: a feed that lost one may get it late,
// after later ones went out. The first copy of a Seq is forwarded whenever
// it comes, even if a higher Seq came before it.
func TestForwardsAnUpdateThatArrivesAfterAHigherSeq(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		primary, backup := play(t, func(f *feeds) {
			f.send(f.primary, 1, "p1")
			f.send(f.primary, 3, "p3") // the primary lost 2
			f.send(f.primary, 5, "p5") // and 4
			f.send(f.backup, 2, "b2")  // late, but the first copy of 2
			f.send(f.backup, 3, "b3")  // a copy: dropped
			f.send(f.backup, 4, "b4")  // late, but the first copy of 4
			f.send(f.primary, 2, "p2") // a copy: dropped
			close(f.backup)
			f.send(f.primary, 6, "p6")
			close(f.primary)
		})

		got, _ := collect(t, Merge(t.Context(), primary, backup))

		want := []arrival{{Update{1, "p1"}, 0}, {Update{3, "p3"}, 0}, {Update{5, "p5"}, 0}, {Update{2, "b2"}, 0}, {Update{4, "b4"}, 0}, {Update{6, "p6"}, 0}}
		if !slices.Equal(got, want) {
			t.Errorf("Merge sent %v, want %v (each Seq once, the first copy to arrive, in the order they arrive)", got, want)
		}
	})
}

// One feed closes early; the other goes on for about three more seconds.
// The pauses come from the fake clock, which moves only when every
// goroutine in the test is blocked. They are odd lengths, so a loop that
// naps between looks at the closed feed (instead of taking it out of the
// select) wakes up after the update has arrived, never at the moment.
func TestKeepsReadingTheOtherFeedAfterOneCloses(t *testing.T) {
	const (
		p1 = 1234567891 * time.Nanosecond
		p2 = 987654323 * time.Nanosecond
		p3 = 1111111111 * time.Nanosecond
	)
	for _, first := range []string{"primary", "backup"} {
		t.Run(first+" closes first", func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				primary, backup := play(t, func(f *feeds) {
					early, late := f.primary, f.backup
					if first == "backup" {
						early, late = late, early
					}
					f.send(early, 1, "one")
					close(early)
					f.pause(p1)
					f.send(late, 2, "two")
					f.pause(p2)
					f.send(late, 3, "three")
					f.pause(p3)
					close(late)
				})

				got, closedAt := collect(t, Merge(t.Context(), primary, backup))

				want := []arrival{{Update{1, "one"}, 0}, {Update{2, "two"}, p1}, {Update{3, "three"}, p1 + p2}}
				if !slices.Equal(got, want) {
					t.Errorf("Merge sent %v, want %v (each update the moment it arrives)", got, want)
				}
				if closedAt != p1+p2+p3 {
					t.Errorf("Merge closed its output after %v, want %v: when the %s closed, the other feed was still open", closedAt, p1+p2+p3, first)
				}
			})
		})
	}
}

func TestClosesItsOutputOnceBothFeedsAreClosed(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		primary, backup := play(t, func(f *feeds) {
			f.pause(time.Second)
			close(f.primary)
			f.pause(time.Second)
			close(f.backup)
		})

		got, closedAt := collect(t, Merge(t.Context(), primary, backup))

		if len(got) != 0 || closedAt != 2*time.Second {
			t.Errorf("Merge sent %v and closed its output after %v; want nothing, and the close at 2s (when the second feed closed)", got, closedAt)
		}
	})
}

func TestStopsAsSoonAsTheContextIsDone(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		ctx, cancel := context.WithTimeout(t.Context(), 5*time.Second)
		defer cancel()
		primary, backup := play(t, func(f *feeds) {
			f.send(f.primary, 1, "one")
			f.pause(time.Second)
			f.send(f.backup, 2, "two")
			// Neither feed ever closes.
		})

		got, closedAt := collect(t, Merge(ctx, primary, backup))

		want := []arrival{{Update{1, "one"}, 0}, {Update{2, "two"}, time.Second}}
		if !slices.Equal(got, want) {
			t.Errorf("Merge sent %v, want %v", got, want)
		}
		if closedAt != 5*time.Second {
			t.Errorf("Merge closed its output after %v, want 5s (when ctx was done)", closedAt)
		}
	})
}

// The reader of out stops reading and cancels ctx while Merge holds an
// update it has not sent yet. Merge must give up that send and close out:
// a bare send would wait for a reader that will never come.
func TestStopsWhenTheContextIsDoneWhileNobodyReads(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		before := goroutines()
		ctx, cancel := context.WithCancel(t.Context())
		primary, backup := play(t, func(f *feeds) {
			f.send(f.primary, 1, "one")
			f.send(f.backup, 2, "two")
			// Neither feed ever closes.
		})
		out := Merge(ctx, primary, backup)
		if u := <-out; u.Seq != 1 {
			t.Fatalf("Merge sent %v first, want Seq 1", u)
		}
		synctest.Wait() // Merge has taken update 2 and waits to send it

		cancel() // the reader gives up without reading update 2
		synctest.Wait()

		if n := goroutines() - before; n > 0 {
			t.Fatalf("after ctx was done, with nobody reading, %d goroutine(s) of Merge are still alive: a send on out must also give up when ctx is done", n)
		}
		for {
			select {
			case _, ok := <-out:
				if !ok {
					return // closed, after what it had buffered (if anything)
				}
			default:
				t.Fatalf("Merge has returned but did not close its output: a range over it would never end")
			}
		}
	})
}
