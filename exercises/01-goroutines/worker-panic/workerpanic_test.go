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

// resizer is a fake handler on the bubble's fake clock: a job takes
// took[job], or a second, then fails for "missing.png", panics for
// "bad.png" (in parseSize), "nil.png" (a nil map write) and "tiff.png"
// (with a string, not an error), and succeeds otherwise. It counts the
// calls that returned normally.
type resizer struct {
	took     map[string]time.Duration
	returned atomic.Int32
}

var errMissing = errors.New("open missing.png: no such file or directory")

// errUnsupported is what tiff.png panics with: a string, as panic("...")
// in library code often is, not an error.
const errUnsupported = "unsupported format: TIFF"

func (r *resizer) handle(job string) error {
	d, ok := r.took[job]
	if !ok {
		d = time.Second
	}
	time.Sleep(d)
	switch job {
	case "missing.png":
		r.returned.Add(1)
		return errMissing
	case "bad.png":
		parseSize("")
	case "nil.png":
		var sizes map[string]int // never made
		sizes[job] = 100
	case "tiff.png":
		panic(errUnsupported)
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
		// They finish in the order missing.png, c.png, a.png.
		r := &resizer{took: map[string]time.Duration{"a.png": 3 * time.Second, "missing.png": time.Second, "c.png": 2 * time.Second}}
		start := time.Now()
		errs := HandleAll([]string{"a.png", "missing.png", "c.png"}, r.handle)
		if took := time.Since(start); took != 3*time.Second {
			t.Errorf("jobs of 3s, 1s and 2s took %v, want 3s: run them at the same time", took)
		}
		if len(errs) != 3 || errs[0] != nil || !errors.Is(errs[1], errMissing) || errs[2] != nil {
			t.Errorf("HandleAll = %v, want [<nil> %v <nil>]: one error per job, in the order of jobs", errs, errMissing)
		}
	})
}

func TestPanicsAndErrorsInJobOrder(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		jobs := []string{"ok.png", "bad.png", "missing.png", "tiff.png", "nil.png", "last.png"}
		// The later jobs finish first.
		r := &resizer{took: map[string]time.Duration{}}
		for i, job := range jobs {
			r.took[job] = time.Duration(len(jobs)-i) * time.Second
		}
		errs := HandleAll(jobs, r.handle)
		if len(errs) != len(jobs) {
			t.Fatalf("HandleAll returned %d errors for %d jobs", len(errs), len(jobs))
		}
		if errs[0] != nil || errs[5] != nil {
			t.Errorf("jobs ok.png and last.png: errors %v and %v, want nil", errs[0], errs[5])
		}
		if !errors.Is(errs[2], errMissing) {
			t.Errorf("job missing.png: error %v, want %v", errs[2], errMissing)
		}
		for _, i := range []int{1, 3, 4} {
			var pe *PanicError
			if !errors.As(errs[i], &pe) || pe.Job != jobs[i] {
				t.Errorf("job %s panicked, its error is %v, want a *PanicError for that job", jobs[i], errs[i])
			}
		}
		if n := r.returned.Load(); n != 3 {
			t.Errorf("%d of the 3 jobs that do not panic returned, want all 3", n)
		}
	})
}

func TestPanicWithANonErrorValue(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		r := &resizer{}
		errs := HandleAll([]string{"tiff.png", "a.png"}, r.handle)
		var pe *PanicError
		if len(errs) != 2 || !errors.As(errs[0], &pe) {
			t.Fatalf("HandleAll = %v, want a *PanicError first: a panic with a string is a panic too", errs)
		}
		if pe.Value != errUnsupported {
			t.Errorf("PanicError.Value = %#v, want %#v, the value the handler panicked with", pe.Value, errUnsupported)
		}
		if pe.Job != "tiff.png" {
			t.Errorf("PanicError.Job = %q, want %q", pe.Job, "tiff.png")
		}
		if errs[1] != nil {
			t.Errorf("job a.png: error %v, want nil", errs[1])
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
