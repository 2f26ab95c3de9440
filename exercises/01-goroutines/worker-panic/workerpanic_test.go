//go:build accent

package workerpanic

import (
	"errors"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"
	"testing/synctest"
	"time"
)

// resizer is a fake handler on the bubble's fake clock: a job takes a
// second, then fails for "missing.png", panics for "bad.png" (in
// parseSize) and "nil.png" (a nil map write), and succeeds otherwise. It
// counts the calls that returned normally.
type resizer struct {
	returned atomic.Int32
}

var errMissing = errors.New("open missing.png: no such file or directory")

func (r *resizer) handle(job string) error {
	time.Sleep(time.Second)
	switch job {
	case "missing.png":
		r.returned.Add(1)
		return errMissing
	case "bad.png":
		parseSize("")
	case "nil.png":
		var sizes map[string]int // never made
		sizes[job] = 100
	}
	r.returned.Add(1)
	return nil
}

// parseSize stands in for library code with a bug: it indexes an empty
// string.
func parseSize(s string) int {
	if s[0] == 'x' {
		return 0
	}
	return len(s)
}

func TestErrorsComeBackInJobOrder(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		r := &resizer{}
		start := time.Now()
		errs := HandleAll([]string{"a.png", "missing.png", "c.png"}, r.handle)
		if took := time.Since(start); took != time.Second {
			t.Errorf("three jobs of 1s took %v, want 1s: run them at the same time", took)
		}
		if len(errs) != 3 || errs[0] != nil || !errors.Is(errs[1], errMissing) || errs[2] != nil {
			t.Errorf("HandleAll = %v, want [<nil> %v <nil>]", errs, errMissing)
		}
	})
}

func TestPanicBecomesThatJobsError(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		r := &resizer{}
		jobs := []string{"a.png", "bad.png", "c.png", "d.png"}
		errs := HandleAll(jobs, r.handle)
		if n := r.returned.Load(); n != 3 {
			t.Errorf("%d of the 3 jobs that do not panic returned, want all 3", n)
		}
		if len(errs) != len(jobs) {
			t.Fatalf("HandleAll returned %d errors for %d jobs", len(errs), len(jobs))
		}
		for i, err := range errs {
			if i != 1 && err != nil {
				t.Errorf("job %s: error %v, want nil", jobs[i], err)
			}
		}
		var pe *PanicError
		if !errors.As(errs[1], &pe) {
			t.Fatalf("job bad.png panicked, its error is %v (%T), want a *PanicError: recover in the goroutine that runs the job", errs[1], errs[1])
		}
		if pe.Job != "bad.png" {
			t.Errorf("PanicError.Job = %q, want %q", pe.Job, "bad.png")
		}
		if re, ok := pe.Value.(runtime.Error); !ok || !strings.Contains(re.Error(), "index out of range") {
			t.Errorf("PanicError.Value = %v, want the value the handler panicked with (index out of range)", pe.Value)
		}
	})
}

func TestPanicErrorCarriesTheStackOfThePanic(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		r := &resizer{}
		errs := HandleAll([]string{"bad.png"}, r.handle)
		var pe *PanicError
		if len(errs) != 1 || !errors.As(errs[0], &pe) {
			t.Fatalf("HandleAll = %v, want one *PanicError", errs)
		}
		if stack := string(pe.Stack); !strings.Contains(stack, "parseSize") {
			t.Errorf("PanicError.Stack does not show parseSize, where the panic happened:\n%s\nwant runtime/debug.Stack() taken in the deferred func that recovers", stack)
		}
	})
}

func TestRuntimePanicsUnwrapToRuntimeError(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		r := &resizer{}
		errs := HandleAll([]string{"nil.png", "a.png"}, r.handle)
		var re runtime.Error
		if len(errs) != 2 || !errors.As(errs[0], &re) {
			t.Fatalf("HandleAll = %v, want a first error that errors.As finds a runtime.Error in (a nil map write)", errs)
		}
		if errs[1] != nil {
			t.Errorf("job a.png: error %v, want nil", errs[1])
		}
	})
}

func TestNoJobsNoErrors(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		r := &resizer{}
		if errs := HandleAll(nil, r.handle); len(errs) != 0 {
			t.Errorf("HandleAll(nil) = %v, want no errors", errs)
		}
	})
}
