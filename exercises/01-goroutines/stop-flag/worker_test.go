//go:build accent

package stopflag

import (
	"sync"
	"sync/atomic"
	"testing"
	"testing/synctest"
	"time"
)

// job is a fake step on the bubble's fake clock: each call takes a second.
// It counts the calls that finished and knows whether one is running.
type job struct {
	running atomic.Bool
	steps   atomic.Int32
}

func (j *job) step() {
	j.running.Store(true)
	time.Sleep(time.Second)
	j.steps.Add(1)
	j.running.Store(false)
}

func TestStepsRunUntilStop(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		j := &job{}
		w := Start(j.step)
		time.Sleep(3*time.Second + time.Second/2)
		w.Stop()
		n := j.steps.Load()
		if n != 4 {
			t.Errorf("Stop at 3.5s returned after %d steps of 1s, want 4: the one in progress finishes, no other starts", n)
		}
		time.Sleep(10 * time.Second)
		if later := j.steps.Load(); later != n {
			t.Errorf("%d more steps ran after Stop returned, want none", later-n)
		}
	})
}

func TestStopWaitsForTheStepInProgress(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		j := &job{}
		w := Start(j.step)
		// Stop at an odd instant mid-step (not a whole number of
		// milliseconds, or microseconds), so that a Stop that polls
		// instead of waiting returns late.
		const at = time.Second/2 + 123457*time.Nanosecond
		time.Sleep(at)
		start := time.Now()
		w.Stop()
		if j.running.Load() {
			t.Errorf("Stop returned while a step was still running: wait for the loop to exit, like Thread.join()")
		}
		if took, want := time.Since(start), time.Second-at; took != want {
			t.Errorf("Stop took %v mid-step, want %v: until the step in progress ends, and no longer (wait for the loop to exit, do not poll)", took, want)
		}
		// Let a step that Stop did not wait for end inside the bubble.
		time.Sleep(time.Minute)
	})
}

func TestTwoStopsAtOnceBothWait(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		j := &job{}
		w := Start(j.step)
		time.Sleep(time.Second / 2)
		start := time.Now()
		var took [2]time.Duration
		var runningAfter [2]bool
		var stops sync.WaitGroup
		for i := range 2 {
			stops.Go(func() {
				w.Stop()
				took[i] = time.Since(start)
				runningAfter[i] = j.running.Load()
			})
		}
		stops.Wait()
		for i := range 2 {
			if runningAfter[i] || took[i] != time.Second/2 {
				t.Errorf("of two Stops called at once mid-step, one returned after %v (step still running: %v), want both after 500ms, when the step ends: a Stop that finds another in progress must wait too", took[i], runningAfter[i])
			}
		}
		if n := j.steps.Load(); n != 1 {
			t.Errorf("%d steps finished, want 1", n)
		}
		time.Sleep(time.Minute)
	})
}

func TestStopFromAnotherGoroutine(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		j := &job{}
		w := Start(j.step)
		time.Sleep(2*time.Second + time.Second/2)
		stopped := make(chan struct{})
		go func() {
			w.Stop()
			close(stopped)
		}()
		<-stopped
		if n := j.steps.Load(); n != 3 {
			t.Errorf("Stop at 2.5s returned after %d steps of 1s, want 3", n)
		}
		time.Sleep(time.Minute)
	})
}

func TestStopTwiceIsSafe(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		j := &job{}
		w := Start(j.step)
		time.Sleep(time.Second + time.Second/2)
		w.Stop()
		start := time.Now()
		w.Stop() // a deferred Stop after an explicit one, say
		if took := time.Since(start); took != 0 {
			t.Errorf("a second Stop took %v, want it to return at once", took)
		}
		time.Sleep(time.Minute)
	})
}
