package grade

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/accent-go/accent/internal/gostack"
)

// The race detector's report, as `go test -race` prints it:
//
//	==================
//	WARNING: DATA RACE
//	Write at 0x00c000014108 by goroutine 8:
//	  example.com/counter.(*Counter).Inc()
//	      /ws/counter/counter.go:12 +0x44
//	  ...
//
//	Previous read at 0x00c000014108 by goroutine 7:
//	  ...
//	==================
const raceBegin = "WARNING: DATA RACE"

var (
	raceAccessRE = regexp.MustCompile(`^\s*(Previous )?(read|write|Read|Write|Atomic read|Atomic write|Previous atomic read|Previous atomic write)[^:]* by (goroutine \d+|main goroutine):$`)
	raceFuncRE   = regexp.MustCompile(`^\s+(\S.*)\(\)$`)
	raceFileRE   = regexp.MustCompile(`^\s+(\S.*\.go):(\d+)(?: \+0x[0-9a-f]+)?$`)
)

// raceAccess is one side of a data race: what the goroutine did and where.
type raceAccess struct {
	op     string // "write", "read"
	who    string // "goroutine 8"
	frames []gostack.Frame
}

// races explains the race detector's reports in a test's output, one
// finding per distinct pair of places.
func (e *explainer) races(lines []string, test string) []Finding {
	text := strings.Join(lines, "")
	if !strings.Contains(text, raceBegin) {
		return nil
	}
	var out []Finding
	seen := map[string]bool{}
	for _, report := range strings.Split(text, raceBegin)[1:] {
		if i := strings.Index(report, "\n=================="); i >= 0 {
			report = report[:i]
		}
		f := e.describeRace(parseRace(report), test)
		f.Detail = trimDetail(raceBegin + report)
		if seen[f.Message] {
			continue
		}
		seen[f.Message] = true
		out = append(out, f)
	}
	return out
}

// parseRace reads the accesses of one report; goroutine creation sites
// ("Goroutine 8 (running) created at:") end the list.
func parseRace(report string) []raceAccess {
	var accesses []raceAccess
	var cur *raceAccess
	var fn string
	for _, l := range strings.Split(report, "\n") {
		if m := raceAccessRE.FindStringSubmatch(l); m != nil {
			accesses = append(accesses, raceAccess{op: strings.ToLower(strings.TrimPrefix(m[2], "Previous ")), who: m[3]})
			cur = &accesses[len(accesses)-1]
			continue
		}
		if strings.HasPrefix(strings.TrimSpace(l), "Goroutine ") {
			cur = nil
			continue
		}
		if cur == nil {
			continue
		}
		if m := raceFuncRE.FindStringSubmatch(l); m != nil {
			fn = m[1]
		} else if m := raceFileRE.FindStringSubmatch(l); m != nil {
			line, _ := strconv.Atoi(m[2]) //accent:ignore errignored digits, matched by raceFileRE
			cur.frames = append(cur.frames, gostack.Frame{Func: fn, File: m[1], Line: line})
		}
	}
	return accesses
}

func (e *explainer) describeRace(accesses []raceAccess, test string) Finding {
	f := Finding{Kind: Race, Test: test}
	var parts []string
	for _, a := range accesses {
		fr, ok := e.learnerFrame(gostack.Goroutine{Frames: a.frames})
		if !ok {
			parts = append(parts, fmt.Sprintf("a %s by %s outside your code", a.op, a.who))
			continue
		}
		if f.File == "" {
			f.File, f.Line = fr.rel, fr.Line
		} else if fr.rel != f.File || fr.Line != f.Line {
			f.Related = append(f.Related, Related{File: fr.rel, Line: fr.Line,
				Message: fmt.Sprintf("the other access: a %s in %s (%s)", a.op, shortFunc(fr.Func), a.who)})
		}
		parts = append(parts, fmt.Sprintf("a %s in %s at %s:%d (%s)", a.op, shortFunc(fr.Func), fr.rel, fr.Line, a.who))
	}
	f.Message = "data race: two goroutines touch the same memory with nothing ordering them"
	if len(parts) > 0 {
		f.Message = "data race: " + strings.Join(parts, " and ") + ", with no lock, channel or atomic ordering them"
	}
	if test != "" {
		f.Message += ", during " + test
	}
	return f
}
