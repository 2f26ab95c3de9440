//go:build accent

package producerconsumer

import (
	"runtime/metrics"
	"slices"
	"testing"
	"testing/synctest"
)

var poem = []string{
	"so much depends",
	"upon",
	"",
	"a red wheel",
	"barrow",
	"",
	"glazed with rain",
	"water",
}

const poemWords = 12

func TestCountWordsStopsEveryConsumerWhenInputEnds(t *testing.T) {
	tests := []struct {
		name    string
		lines   []string
		workers int
		want    int
	}{
		{"one consumer reads past blank lines", poem, 1, poemWords},
		{"four consumers share the lines", poem, 4, poemWords},
		{"more consumers than lines", []string{"one two", "three"}, 8, 3},
		{"no lines at all", nil, 3, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				if got := CountWords(tt.lines, tt.workers); got != tt.want {
					t.Errorf("CountWords(%d lines, %d workers) = %d, want %d", len(tt.lines), tt.workers, got, tt.want)
				}
			})
		})
	}
}

// goroutinesCreated returns how many goroutines the process has started so
// far, from the runtime's own counter.
func goroutinesCreated(t *testing.T) uint64 {
	t.Helper()
	sample := []metrics.Sample{{Name: "/sched/goroutines-created:goroutines"}}
	metrics.Read(sample)
	if sample[0].Value.Kind() != metrics.KindUint64 {
		t.Fatalf("this Go runtime does not count the goroutines it creates")
	}
	return sample[0].Value.Uint64()
}

// CountWords must run its consumers in goroutines of their own, at least
// one per worker: counting the words in a loop, or in one consumer after the
// producer has filled a buffer, gives the right total but runs nothing at
// the same time.
func TestCountWordsRunsEveryConsumerInItsOwnGoroutine(t *testing.T) {
	for _, workers := range []int{1, 4} {
		synctest.Test(t, func(t *testing.T) {
			before := goroutinesCreated(t)
			got := CountWords(poem, workers)
			started := goroutinesCreated(t) - before

			if got != poemWords {
				t.Errorf("CountWords(poem, %d) = %d, want %d", workers, got, poemWords)
			}
			if started < uint64(workers) {
				t.Errorf("CountWords(poem, %d) started %d goroutine(s), want at least %d: one per consumer", workers, started, workers)
			}
		})
	}
}

func TestConsumeCountsBlankLinesAsData(t *testing.T) {
	tests := []struct {
		name  string
		lines []string
		want  int
	}{
		{"blank lines in the middle", poem, poemWords},
		{"blank first line", []string{"", "two words"}, 2},
		{"only blank lines", []string{"", "", ""}, 0},
		{"closed before any line", nil, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := make(chan string, len(tt.lines))
			for _, line := range tt.lines {
				in <- line
			}
			close(in)

			if got := Consume(in); got != tt.want {
				t.Errorf("Consume(%q, then closed) = %d, want %d", tt.lines, got, tt.want)
			}
			if left := len(in); left != 0 {
				t.Errorf("Consume returned with %d lines still in the channel, want it to read up to the close", left)
			}
		})
	}
}

func TestProduceSendsEveryLineThenClosesTheChannel(t *testing.T) {
	// Room for every line and one more value, so Produce never blocks and
	// the test can look at what it left behind once it has returned.
	out := make(chan string, len(poem)+1)

	Produce(poem, out)

	var got []string
	for {
		select {
		case line, ok := <-out:
			if !ok {
				if !slices.Equal(got, poem) {
					t.Errorf("Produce sent %q, want exactly the lines %q", got, poem)
				}
				return
			}
			got = append(got, line)
		default:
			t.Fatalf("Produce sent %q and returned without closing the channel: a consumer's range loop would wait forever", got)
		}
	}
}
