package learner

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/accent-go/accent/internal/course"
	"github.com/accent-go/accent/internal/grade"
	"github.com/accent-go/accent/internal/progress"
)

// theCourse is the embedded course, with the first three exercises of
// its first topic that has three, and the first exercise of another topic;
// the tables use them by position, so that they hold whatever the
// exercises are called.
func theCourse(t *testing.T) (c *course.Course, a, b, third, other *course.Exercise) {
	t.Helper()
	c, err := course.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	for _, tp := range c.Topics {
		switch {
		case a == nil && len(tp.Exercises) >= 3:
			a, b, third = tp.Exercises[0], tp.Exercises[1], tp.Exercises[2]
		case other == nil && len(tp.Exercises) > 0:
			other = tp.Exercises[0]
		}
	}
	if a == nil || other == nil {
		t.Fatal("the tables need a topic with three exercises and another with one")
	}
	return c, a, b, third, other
}

var day = time.Date(2026, 3, 1, 10, 0, 0, 0, time.UTC)

// state builds a progress state: current, then the records by id.
func state(current string, recs map[string]progress.Exercise) *progress.State {
	st := &progress.State{Version: progress.Version, Current: current, Exercises: map[string]*progress.Exercise{}}
	for id, r := range recs {
		st.Exercises[id] = &r
	}
	return st
}

func passedRec() progress.Exercise {
	return progress.Exercise{Attempts: 2, FirstPass: day, LastStatus: "pass"}
}

func failedRec() progress.Exercise { return progress.Exercise{Attempts: 1, LastStatus: "fail"} }

func TestStatusOf(t *testing.T) {
	tests := []struct {
		name string
		st   *progress.State
		want Status
		word string
	}{
		{"no progress at all", nil, New, "new"},
		{"no record", state("", nil), New, "new"},
		{"a record with no attempt (hints only)", state("", map[string]progress.Exercise{"x/y": {HintsUsed: 1}}), New, "new"},
		{"failed", state("", map[string]progress.Exercise{"x/y": failedRec()}), Attempted, "attempted"},
		{"passed", state("", map[string]progress.Exercise{"x/y": passedRec()}), Passed, "passed"},
		{"passed, then failed again", state("", map[string]progress.Exercise{"x/y": {Attempts: 3, FirstPass: day, LastStatus: "fail"}}), Passed, "passed"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := StatusOf(tt.st, "x/y")
			if got != tt.want || got.String() != tt.word {
				t.Errorf("StatusOf = %v (%q), want %v (%q)", int(got), got, int(tt.want), tt.word)
			}
		})
	}
}

func TestStandingOf(t *testing.T) {
	c, a, b, third, other := theCourse(t)
	tests := []struct {
		name string
		st   *progress.State
		ex   *course.Exercise
		want Standing
	}{
		{"the first of a topic is open", nil, a, Open},
		{"the first of another topic is open", state("", nil), other, Open},
		{"the second waits for the first", state("", nil), b, Locked},
		{"the second opens once the first passes", state("", map[string]progress.Exercise{a.ID: passedRec()}), b, Open},
		{"a failed first does not open it", state("", map[string]progress.Exercise{a.ID: failedRec()}), b, Locked},
		{"only the one just before counts", state("", map[string]progress.Exercise{a.ID: passedRec()}), third, Locked},
		{"tried already: open", state("", map[string]progress.Exercise{third.ID: failedRec()}), third, Open},
		{"the current one, even locked", state(third.ID, nil), third, Current},
		{"the current one, tried", state(b.ID, map[string]progress.Exercise{b.ID: failedRec()}), b, Current},
		{"passed beats current", state(a.ID, map[string]progress.Exercise{a.ID: passedRec()}), a, Done},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := StandingOf(c, tt.st, tt.ex); got != tt.want {
				t.Errorf("StandingOf(%s) = %s, want %s", tt.ex.ID, got, tt.want)
			}
		})
	}
	if p := Previous(c, b); p != a {
		t.Errorf("Previous(%s) = %v, want %s", b.ID, p, a.ID)
	}
	if p := Previous(c, other); p != nil {
		t.Errorf("Previous(%s) = %s, want none: it opens its topic", other.ID, p.ID)
	}
}

// allPassedBut is a state where every exercise passed except those given.
func allPassedBut(c *course.Course, current string, except ...string) *progress.State {
	recs := map[string]progress.Exercise{}
	for _, ex := range c.Exercises {
		if !slices.Contains(except, ex.ID) {
			recs[ex.ID] = passedRec()
		}
	}
	return state(current, recs)
}

func TestWhatIsNext(t *testing.T) {
	c, a, b, third, _ := theCourse(t)
	last := c.Exercises[len(c.Exercises)-1]
	id := func(ex *course.Exercise) string {
		if ex == nil {
			return "(none)"
		}
		return ex.ID
	}
	t.Run("NextUnpassed", func(t *testing.T) {
		tests := []struct {
			name  string
			st    *progress.State
			after string
			want  *course.Exercise
		}{
			{"from the start", nil, "", a},
			{"an unknown id starts from the start", nil, "no/such", a},
			{"the one after", nil, a.ID, b},
			{"skips what passed", state("", map[string]progress.Exercise{b.ID: passedRec()}), a.ID, third},
			{"a failed one is not passed", state("", map[string]progress.Exercise{b.ID: failedRec()}), a.ID, b},
			{"wraps around after the last", allPassedBut(c, "", a.ID), last.ID, a},
			{"the exercise itself, last, when only it is left", allPassedBut(c, "", b.ID), b.ID, b},
			{"none when all passed", allPassedBut(c, ""), a.ID, nil},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				if got := NextUnpassed(c, tt.st, tt.after); got != tt.want {
					t.Errorf("NextUnpassed(%q) = %s, want %s", tt.after, id(got), id(tt.want))
				}
			})
		}
	})
	t.Run("Continue", func(t *testing.T) {
		tests := []struct {
			name string
			st   *progress.State
			want *course.Exercise
		}{
			{"no progress: the first", nil, a},
			{"the current one", state(third.ID, nil), third},
			{"the current one even if passed", state(a.ID, map[string]progress.Exercise{a.ID: passedRec()}), a},
			{"an unknown current: the first not passed", state("gone/away", map[string]progress.Exercise{a.ID: passedRec()}), b},
			{"no current: the first not passed", allPassedBut(c, "", third.ID), third},
			{"all passed, none current: the first", allPassedBut(c, ""), a},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				if got := Continue(c, tt.st); got != tt.want {
					t.Errorf("Continue = %s, want %s", id(got), id(tt.want))
				}
			})
		}
		if got := Continue(&course.Course{}, nil); got != nil {
			t.Errorf("Continue on an empty course = %s, want none", got.ID)
		}
	})
	t.Run("LessonExercise", func(t *testing.T) {
		l := &course.Lesson{Exercises: []string{a.ID, b.ID}}
		tests := []struct {
			name string
			l    *course.Lesson
			st   *progress.State
			want string
		}{
			{"no lesson", nil, nil, ""},
			{"a lesson with no exercise", &course.Lesson{}, nil, ""},
			{"its first", l, nil, a.ID},
			{"its first not passed", l, state("", map[string]progress.Exercise{a.ID: passedRec()}), b.ID},
			{"all passed: its first", l, allPassedBut(c, ""), a.ID},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				if got := LessonExercise(tt.st, tt.l); got != tt.want {
					t.Errorf("LessonExercise = %q, want %q", got, tt.want)
				}
			})
		}
	})
}

func TestPassedCountAndHints(t *testing.T) {
	c, a, b, _, other := theCourse(t)
	st := state("", map[string]progress.Exercise{a.ID: passedRec(), b.ID: failedRec(), other.ID: passedRec(), "gone/away": passedRec()})
	if got := PassedCount(st, c.Exercises); got != 2 {
		t.Errorf("PassedCount(course) = %d, want 2 (a record of an exercise no longer in the course does not count)", got)
	}
	topic, _ := c.Topic(a.Topic)
	if got := PassedCount(st, topic.Exercises); got != 1 {
		t.Errorf("PassedCount(first topic) = %d, want 1", got)
	}
	if got := PassedCount(nil, c.Exercises); got != 0 {
		t.Errorf("PassedCount(no progress) = %d, want 0", got)
	}

	st = state("", nil)
	for i := range len(a.Hints) + 2 {
		want := min(i+1, len(a.Hints))
		if got := RecordHint(st, a); got != want {
			t.Fatalf("hint %d: RecordHint = %d, want %d (never past the last tier)", i+1, got, want)
		}
		if got := HintsShown(st, a); got != want {
			t.Fatalf("hint %d: HintsShown = %d, want %d", i+1, got, want)
		}
	}
	// A record from a course with more hints shows only the tiers there are.
	st = state("", map[string]progress.Exercise{a.ID: {HintsUsed: len(a.Hints) + 3}})
	if got := HintsShown(st, a); got != len(a.Hints) {
		t.Errorf("HintsShown past the last tier = %d, want %d", got, len(a.Hints))
	}
}

func TestRecordAttempt(t *testing.T) {
	c, a, b, third, _ := theCourse(t)
	files := map[string][]byte{"x.go": []byte("package x\n")}
	later := day.Add(time.Hour)
	tests := []struct {
		name      string
		st        *progress.State
		ex        *course.Exercise
		status    grade.Status
		firstPass bool
		want      progress.Exercise // the exercise's record after
		current   string            // st.Current after
	}{
		{
			name: "a fail counts as an attempt", st: state(a.ID, nil), ex: a, status: grade.Fail,
			want: progress.Exercise{Attempts: 1, LastStatus: "fail", LastAttempt: later}, current: a.ID,
		},
		{
			name: "a first pass records when, with which files, and moves on", st: state(a.ID, map[string]progress.Exercise{a.ID: failedRec()}), ex: a,
			status: grade.Pass, firstPass: true, current: b.ID,
			want: progress.Exercise{Attempts: 2, LastStatus: "pass", LastAttempt: later, FirstPass: later, PassHash: progress.HashFiles(files)},
		},
		{
			name: "moving on skips what passed", st: state("", map[string]progress.Exercise{b.ID: passedRec()}), ex: a,
			status: grade.Pass, firstPass: true, current: third.ID,
			want: progress.Exercise{Attempts: 1, LastStatus: "pass", LastAttempt: later, FirstPass: later, PassHash: progress.HashFiles(files)},
		},
		{
			name: "a pass of another exercise leaves the current one", st: state(third.ID, nil), ex: a,
			status: grade.Pass, firstPass: true, current: third.ID,
			want: progress.Exercise{Attempts: 1, LastStatus: "pass", LastAttempt: later, FirstPass: later, PassHash: progress.HashFiles(files)},
		},
		{
			name: "a second pass keeps the first's time and files", st: state(b.ID, map[string]progress.Exercise{a.ID: {Attempts: 2, FirstPass: day, PassHash: "old", LastStatus: "pass"}}), ex: a,
			status: grade.Pass, current: b.ID,
			want: progress.Exercise{Attempts: 3, LastStatus: "pass", LastAttempt: later, FirstPass: day, PassHash: "old"},
		},
		{
			name: "a fail after a pass is still passed", st: state(a.ID, map[string]progress.Exercise{a.ID: {Attempts: 1, FirstPass: day, PassHash: "old", LastStatus: "pass"}}), ex: a,
			status: grade.Fail, current: a.ID,
			want: progress.Exercise{Attempts: 2, LastStatus: "fail", LastAttempt: later, FirstPass: day, PassHash: "old"},
		},
		{
			name: "the last to pass leaves no current exercise", st: allPassedBut(c, a.ID, a.ID), ex: a,
			status: grade.Pass, firstPass: true, current: "",
			want: progress.Exercise{Attempts: 1, LastStatus: "pass", LastAttempt: later, FirstPass: later, PassHash: progress.HashFiles(files)},
		},
		{
			name: "an error is not an attempt", st: state(a.ID, map[string]progress.Exercise{a.ID: failedRec()}), ex: a,
			status: grade.Error, current: a.ID, want: failedRec(),
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := grade.Verdict{Exercise: tt.ex.ID, Status: tt.status}
			first := RecordAttempt(c, tt.st, tt.ex, v, files, later)
			got, _ := tt.st.Lookup(tt.ex.ID)
			if first != tt.firstPass {
				t.Errorf("first pass = %v, want %v", first, tt.firstPass)
			}
			if got != tt.want {
				t.Errorf("record:\n got %+v\nwant %+v", got, tt.want)
			}
			if tt.st.Current != tt.current {
				t.Errorf("current = %q, want %q", tt.st.Current, tt.current)
			}
		})
	}
}

func TestRecordOpenAndLanguage(t *testing.T) {
	_, a, _, _, _ := theCourse(t)
	st := state("", nil)
	RecordOpen(st, a)
	if st.Current != a.ID {
		t.Errorf("current = %q after opening %s", st.Current, a.ID)
	}
	if Language(nil) != course.Node || LanguageChosen(nil) {
		t.Errorf("no progress: %s, chosen %v; want Node.js, not chosen", Language(nil), LanguageChosen(nil))
	}
	for _, l := range course.Languages {
		RecordLanguage(st, l)
		if Language(st) != l || !LanguageChosen(st) {
			t.Errorf("after choosing %s: %s, chosen %v", l, Language(st), LanguageChosen(st))
		}
	}
	st.Language = "cobol" // a language since dropped from the course
	if Language(st) != course.Node || !LanguageChosen(st) {
		t.Errorf("an unknown language: %s, chosen %v; want Node.js, chosen", Language(st), LanguageChosen(st))
	}
}

func TestWorkshopEvents(t *testing.T) {
	kinds := func(v grade.Verdict, firstPass bool) string {
		var out []string
		for _, e := range GradeEvents("t/x", v, firstPass) {
			out = append(out, fmt.Sprintf("%s %s %s %v", e.Kind, e.Exercise, e.Status, e.Findings))
		}
		return fmt.Sprint(out)
	}
	tests := []struct {
		name      string
		v         grade.Verdict
		firstPass bool
		want      string
	}{
		{"an error is not an attempt", grade.Verdict{Status: grade.Error, Findings: []grade.Finding{{Kind: grade.Internal}}}, false, "[]"},
		{"a fail", grade.Verdict{Status: grade.Fail, Findings: []grade.Finding{{Kind: grade.Leak, Message: "secret", File: "x.go"}}}, false, "[verdict t/x fail [leak]]"},
		{"a first pass", grade.Verdict{Status: grade.Pass}, true, "[verdict t/x pass [] passed t/x  []]"},
		{"a pass again", grade.Verdict{Status: grade.Pass}, false, "[verdict t/x pass []]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := kinds(tt.v, tt.firstPass); got != tt.want {
				t.Errorf("GradeEvents = %s, want %s", got, tt.want)
			}
		})
	}
	if got := HintEvents("t/x", 0); got != nil {
		t.Errorf("HintEvents(tier 0) = %+v, want none", got)
	}
	if got := HintEvents("t/x", 2); len(got) != 1 || got[0].Kind != "hint" || got[0].Tier != 2 || got[0].Exercise != "t/x" {
		t.Errorf("HintEvents(tier 2) = %+v", got)
	}
	if got := OpenedEvents("t/x"); len(got) != 1 || got[0].Kind != "opened" || got[0].Exercise != "t/x" {
		t.Errorf("OpenedEvents = %+v", got)
	}
}

func TestFindingKinds(t *testing.T) {
	many := grade.Verdict{}
	for i := range 20 {
		many.Findings = append(many.Findings, grade.Finding{Kind: grade.Test, Test: fmt.Sprintf("Test%02d", i)})
	}
	tests := []struct {
		name     string
		findings []grade.Finding
		want     []string
	}{
		{"none", nil, nil},
		{"kinds without detail", []grade.Finding{{Kind: grade.Leak}, {Kind: grade.Compile, File: "a.go", Message: "x"}}, []string{"leak", "compile"}},
		{"an analyzer by name", []grade.Finding{{Kind: grade.Analyzer, Analyzer: "chanleak", Message: "m"}}, []string{"analyzer:chanleak"}},
		{"an analyzer with no name", []grade.Finding{{Kind: grade.Analyzer}}, []string{"analyzer"}},
		{"a subtest as its test", []grade.Finding{{Kind: grade.Test, Test: "TestX/case_1"}, {Kind: grade.Test, Test: "TestX/case_2"}}, []string{"test:TestX"}},
		{"each once, in order", []grade.Finding{{Kind: grade.Race}, {Kind: grade.Leak}, {Kind: grade.Race}}, []string{"race", "leak"}},
		{"at most 16", many.Findings, func() []string {
			var w []string
			for i := range 16 {
				w = append(w, fmt.Sprintf("test:Test%02d", i))
			}
			return w
		}()},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := FindingKinds(grade.Verdict{Findings: tt.findings}); !slices.Equal(got, tt.want) {
				t.Errorf("FindingKinds = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestTouched(t *testing.T) {
	_, a, b, _, _ := theCourse(t)
	starter := func() map[string][]byte {
		m := map[string][]byte{}
		for n, f := range a.Starter {
			m[n] = slices.Clone(f)
		}
		return m
	}
	edited := starter()
	for n := range edited {
		edited[n] = append(edited[n], "\n// mine\n"...)
		break
	}
	added := starter()
	added["extra.go"] = []byte("package x\n")
	removed := map[string][]byte{}
	tests := []struct {
		name  string
		st    *progress.State
		files map[string][]byte
		want  bool
	}{
		{"untouched, no progress", nil, starter(), false},
		{"untouched, on another exercise", state(b.ID, nil), starter(), false},
		{"untouched, another exercise has a record", state("", map[string]progress.Exercise{b.ID: failedRec()}), starter(), false},
		{"opened: the current exercise", state(a.ID, nil), starter(), true},
		{"opened: graded before", state("", map[string]progress.Exercise{a.ID: failedRec()}), starter(), true},
		{"opened: a hint revealed", state("", map[string]progress.Exercise{a.ID: {HintsUsed: 1}}), starter(), true},
		{"edited", nil, edited, true},
		{"a file added", nil, added, true},
		{"every file removed", nil, removed, true},
		{"unreadable", nil, nil, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Touched(tt.st, a, tt.files); got != tt.want {
				t.Errorf("Touched = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestFileNotes(t *testing.T) {
	_, a, _, _, _ := theCourse(t)
	clone := func(m map[string][]byte) map[string][]byte {
		out := map[string][]byte{}
		for n, b := range m {
			out[n] = slices.Clone(b)
		}
		return out
	}
	var starterName, testName string
	for n := range a.Starter {
		starterName = n
	}
	for n := range a.Tests {
		testName = n
	}
	noStarter := clone(a.Starter)
	delete(noStarter, starterName)
	editedTests := clone(a.Tests)
	editedTests[testName] = append(editedTests[testName], "\n// skip the slow one\n"...)
	noTests := clone(a.Tests)
	delete(noTests, testName)
	tests := []struct {
		name           string
		sources, tests map[string][]byte
		want           []string // substrings, one per note, in order
	}{
		{"as the course wrote them", a.Starter, a.Tests, nil},
		{"the solution, tests untouched", a.Solution, a.Tests, nil},
		{"a starting file removed", noStarter, a.Tests, []string{starterName + " is missing", "accent reset " + a.ID}},
		{"a test edited", a.Starter, editedTests, []string{"You changed " + testName, "course's tests, not your copy", "go test ."}},
		{"a test removed", a.Starter, noTests, []string{testName + " is missing"}},
		{"the directory gone", nil, nil, []string{"accent reset " + a.ID}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := FileNotes(a, tt.sources, tt.tests)
			all := fmt.Sprint(got)
			if len(tt.want) == 0 && len(got) != 0 {
				t.Fatalf("notes = %q, want none", got)
			}
			for _, w := range tt.want {
				if !strings.Contains(all, w) {
					t.Errorf("notes = %q, want %q", got, w)
				}
			}
		})
	}
}
