//go:build accent

package firstresponse

import (
	"errors"
	"testing"
	"testing/synctest"
	"time"
)

// delays maps a replica's name to how long it takes to answer.
type delays map[string]time.Duration

// replicas returns one Replica per entry, answering "<name>: <query>" after
// its delay, and the longest delay.
func replicas(d delays) (rs []Replica, slowest time.Duration) {
	for name, delay := range d {
		rs = append(rs, func(query string) string {
			time.Sleep(delay)
			return name + ": " + query
		})
		slowest = max(slowest, delay)
	}
	return rs, slowest
}

// Every test runs in a synctest bubble, where time.Sleep and time.After use a
// fake clock. After checking First's result, each test sleeps until the
// slowest replica has answered: a losing replica that is then still blocked
// (on a send nobody will receive) fails the test with "blocked goroutines
// remain", which accent reports as a leak.

func TestFirstReturnsTheFastestAnswerTheMomentItArrivesAndLosersExit(t *testing.T) {
	tests := []struct {
		name    string
		delays  delays
		timeout time.Duration
		want    string
		wantAt  time.Duration
	}{
		{
			name:    "fastest of three",
			delays:  delays{"eu": 300 * time.Millisecond, "us": 10 * time.Millisecond, "ap": 2 * time.Second},
			timeout: time.Second,
			want:    "us: users/42",
			wantAt:  10 * time.Millisecond,
		},
		{
			name:    "one answer just inside the timeout",
			delays:  delays{"eu": 3 * time.Second, "us": 900 * time.Millisecond},
			timeout: time.Second,
			want:    "us: users/42",
			wantAt:  900 * time.Millisecond,
		},
		{
			name:    "a single replica",
			delays:  delays{"eu": 50 * time.Millisecond},
			timeout: time.Second,
			want:    "eu: users/42",
			wantAt:  50 * time.Millisecond,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				start := time.Now()
				rs, slowest := replicas(tt.delays)

				got, err := First("users/42", rs, tt.timeout)

				if err != nil || got != tt.want {
					t.Errorf("First = %q, %v; want %q, nil", got, err, tt.want)
				}
				if took := time.Since(start); took != tt.wantAt {
					t.Errorf("First returned %v after the start, want %v (when the fastest replica answered)", took, tt.wantAt)
				}
				time.Sleep(slowest) // the losers answer; they must be able to exit
			})
		})
	}
}

func TestFirstReturnsErrTimeoutWhenNoReplicaAnswersInTime(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		start := time.Now()
		rs, slowest := replicas(delays{"eu": 5 * time.Second, "us": 3 * time.Second})

		got, err := First("users/42", rs, time.Second)

		if !errors.Is(err, ErrTimeout) {
			t.Errorf("First returned error %v, want ErrTimeout", err)
		}
		if got != "" {
			t.Errorf("First returned the answer %q with the timeout, want \"\"", got)
		}
		if took, want := time.Since(start), time.Second; took != want {
			t.Errorf("First returned %v after the start, want %v (the timeout)", took, want)
		}
		time.Sleep(slowest) // every replica answers late; they must be able to exit
	})
}
