// Package gostack turns Go goroutine dumps (from panics, test timeouts,
// deadlocks and leak checks) into goroutines with a plain-words account of
// what each one is stuck on. Parsing is panicparse's; this package adds the
// reading a learner needs.
package gostack

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strings"

	"github.com/maruel/panicparse/v2/stack"
)

// Frame is one call in a goroutine's stack.
type Frame struct {
	Func string // "pkg/path.Func.func1"
	File string // absolute path as printed in the dump
	Line int
}

// Goroutine is one goroutine of a dump.
type Goroutine struct {
	ID        int
	State     string // e.g. "chan send", without "(durable)" or bubble notes
	Frames    []Frame
	CreatedBy *Frame // where it was started (nil for goroutine 1)
}

// Op is what a blocked goroutine is waiting for.
type Op int

// The operations a goroutine can be stuck in.
const (
	Running Op = iota
	Send
	Receive
	Select
	NilSend    // send on a nil channel
	NilReceive // receive from a nil channel
	EmptySelect
	Lock     // sync.Mutex / RWMutex
	WaitWG   // sync.WaitGroup.Wait
	CondWait // sync.Cond.Wait
	Sleep
	IOWait
	Other
)

// Op classifies the goroutine's state.
func (g Goroutine) Op() Op {
	s := g.State
	switch {
	case s == "running" || s == "runnable":
		return Running
	case s == "chan send (nil chan)":
		return NilSend
	case s == "chan receive (nil chan)":
		return NilReceive
	case strings.HasPrefix(s, "chan send"):
		return Send
	case strings.HasPrefix(s, "chan receive"), s == "finalizer wait":
		return Receive
	case s == "select (no cases)":
		return EmptySelect
	case strings.HasPrefix(s, "select"):
		return Select
	case strings.HasPrefix(s, "sync.Mutex.Lock"), strings.HasPrefix(s, "sync.RWMutex"):
		return Lock
	case strings.HasPrefix(s, "sync.WaitGroup.Wait"):
		return WaitWG
	case strings.HasPrefix(s, "sync.Cond.Wait"):
		return CondWait
	case s == "sleep":
		return Sleep
	case s == "IO wait":
		return IOWait
	case strings.HasPrefix(s, "semacquire"):
		for _, f := range g.Frames {
			switch {
			case strings.HasPrefix(f.Func, "sync.(*WaitGroup)"):
				return WaitWG
			case strings.HasPrefix(f.Func, "sync.(*Mutex)"), strings.HasPrefix(f.Func, "sync.(*RWMutex)"):
				return Lock
			}
		}
	}
	return Other
}

// Dump is one goroutine dump and the text that came before it.
type Dump struct {
	Preamble   string // e.g. "panic: test timed out after 5s\n..."
	Goroutines []Goroutine
}

var stateNoteRE = regexp.MustCompile(`,?\s*synctest bubble \d+|\s*\(durable\)|, \d+ minutes|, locked to thread`)

// Parse finds every goroutine dump in text, in order.
func Parse(text []byte) ([]Dump, error) {
	var dumps []Dump
	opts := &stack.Opts{}
	in := bytes.NewReader(text)
	for {
		var pre bytes.Buffer
		snap, suffix, err := stack.ScanSnapshot(in, &pre, opts)
		if err != nil && !errors.Is(err, io.EOF) {
			return dumps, fmt.Errorf("reading goroutine dump: %w", err)
		}
		if snap == nil || len(snap.Goroutines) == 0 {
			return dumps, nil
		}
		d := Dump{Preamble: pre.String()}
		for _, g := range snap.Goroutines {
			d.Goroutines = append(d.Goroutines, convert(g))
		}
		dumps = append(dumps, d)
		rest, err := io.ReadAll(in)
		if err != nil {
			return dumps, fmt.Errorf("reading goroutine dump: %w", err)
		}
		if len(suffix)+len(rest) == 0 {
			return dumps, nil
		}
		in = bytes.NewReader(append(suffix, rest...))
	}
}

func convert(g *stack.Goroutine) Goroutine {
	out := Goroutine{
		ID:    g.ID,
		State: strings.TrimSpace(stateNoteRE.ReplaceAllString(g.State, "")),
	}
	for _, c := range g.Stack.Calls {
		out.Frames = append(out.Frames, frame(c))
	}
	if len(g.CreatedBy.Calls) > 0 {
		f := frame(g.CreatedBy.Calls[0])
		out.CreatedBy = &f
	}
	return out
}

func frame(c stack.Call) Frame {
	return Frame{Func: c.Func.Complete, File: c.RemoteSrcPath, Line: c.Line}
}

// FirstFrame returns the goroutine's innermost frame for which keep is
// true (for example: in the learner's files).
func (g Goroutine) FirstFrame(keep func(Frame) bool) (Frame, bool) {
	for _, f := range g.Frames {
		if keep(f) {
			return f, true
		}
	}
	return Frame{}, false
}

// Describe says in plain words what the operation is, for "is blocked ...".
func (op Op) Describe() string {
	switch op {
	case Send:
		return "sending on a channel"
	case Receive:
		return "receiving from a channel"
	case Select:
		return "in a select that no case can proceed in"
	case NilSend:
		return "sending on a nil channel"
	case NilReceive:
		return "receiving from a nil channel"
	case EmptySelect:
		return "in an empty select{}"
	case Lock:
		return "waiting for a mutex"
	case WaitWG:
		return "in WaitGroup.Wait"
	case CondWait:
		return "in Cond.Wait"
	case Sleep:
		return "sleeping"
	case IOWait:
		return "waiting for I/O"
	case Running:
		return "still running"
	}
	return "blocked"
}
