package course

import (
	"bytes"
	"errors"
	"fmt"
	"go/parser"
	"go/token"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/accent-go/accent/checker"
)

func TestEmbeddedCourseLoads(t *testing.T) {
	c, err := Embedded()
	if err != nil {
		t.Fatalf("the embedded course does not load: %v", err)
	}

	var topics []string
	for _, tp := range c.Topics {
		topics = append(topics, tp.ID)
	}
	if want := []string{"start", "goroutines", "channels", "context", "errors", "time"}; !slices.Equal(topics, want) {
		t.Errorf("topics = %v, want %v", topics, want)
	}
	// The course's shape: an opening lesson, then at least three lessons
	// and eight exercises per topic, each exercise ported from all three
	// languages.
	for _, tp := range c.Topics {
		lessons := 0
		for _, l := range c.Lessons {
			if l.Topic == tp.ID {
				lessons++
			}
		}
		switch {
		case tp.ID == "start" && (lessons != 1 || len(tp.Exercises) != 0):
			t.Errorf("start: %d lessons, %d exercises; want the one opening lesson", lessons, len(tp.Exercises))
		case tp.ID != "start" && (lessons < 3 || len(tp.Exercises) < 8):
			t.Errorf("%s: %d lessons, %d exercises; want at least 3 and 8", tp.ID, lessons, len(tp.Exercises))
		}
	}
	for _, ex := range c.Exercises {
		var langs []string
		for _, src := range ex.From {
			langs = append(langs, string(src.Language))
		}
		for _, want := range []string{"node", "python", "java"} {
			if !slices.Contains(langs, want) {
				t.Errorf("%s: no %s idiom in from/ (has %v)", ex.ID, want, langs)
			}
		}
	}
	if len(c.Exercises) == 0 {
		t.Fatal("the embedded course has no exercises")
	}

	for _, ex := range c.Exercises {
		t.Run(ex.ID, func(t *testing.T) {
			var langs []Language
			for _, s := range ex.From {
				langs = append(langs, s.Language)
				if strings.TrimSpace(s.Code) == "" {
					t.Errorf("from/%s is empty", s.Name)
				}
			}
			if !slices.Equal(langs, Languages) {
				t.Errorf("From languages = %v, want %v", langs, Languages)
			}
			if len(ex.Hints) < 2 {
				t.Errorf("%d hints, want at least 2", len(ex.Hints))
			}
			if len(ex.Wrong) == 0 {
				t.Error("no wrong variant")
			}
			if want := strings.ReplaceAll(ex.Slug, "-", ""); ex.Package != want {
				t.Errorf("Package = %q, want %q (the slug without dashes)", ex.Package, want)
			}
			for what, files := range map[string]map[string][]byte{"Starter": ex.Starter, "Tests": ex.Tests, "Solution": ex.Solution} {
				if len(files) == 0 {
					t.Errorf("%s is empty", what)
				}
				checkStripped(t, ex, what, files)
			}
			for _, w := range ex.Wrong {
				if len(w.Files) == 0 {
					t.Errorf("wrong/%s has no files", w.Name)
				}
				checkStripped(t, ex, "wrong/"+w.Name, w.Files)
			}
		})
	}
}

// checkStripped checks that the build constraint is gone from files and
// that each is a Go file of the exercise's package.
func checkStripped(t *testing.T, ex *Exercise, what string, files map[string][]byte) {
	t.Helper()
	for name, b := range files {
		if bytes.HasPrefix(b, []byte(BuildTag)) || bytes.HasPrefix(b, []byte("\n")) {
			t.Errorf("%s %s still starts with the build constraint or its blank line: %.40q", what, name, b)
		}
		f, err := parser.ParseFile(token.NewFileSet(), name, b, parser.PackageClauseOnly)
		if err != nil {
			t.Errorf("%s %s: %v", what, name, err)
			continue
		}
		if f.Name.Name != ex.Package {
			t.Errorf("%s %s is package %s, want %s", what, name, f.Name.Name, ex.Package)
		}
	}
}

func TestLoadMinimalCourse(t *testing.T) {
	c := minimalCourse().load(t)

	tp, ok := c.Topic("basics")
	if !ok {
		t.Fatal(`Topic("basics") not found`)
	}
	if tp.Title != "Topic basics" || tp.Order != 1 || tp.Intro != "All about basics.\n" {
		t.Errorf("topic = {Title: %q, Order: %d, Intro: %q}", tp.Title, tp.Order, tp.Intro)
	}

	ls, ok := c.Lesson("basics/first")
	if !ok {
		t.Fatal(`Lesson("basics/first") not found`)
	}
	if ls.Title != "Lesson first" || ls.Topic != "basics" || ls.Order != 1 || ls.Path != lessonPath ||
		!slices.Equal(ls.Exercises, []string{"basics/first-response"}) {
		t.Errorf("lesson = %+v", ls)
	}
	if !strings.HasPrefix(ls.Body, "# Lesson first\n") {
		t.Errorf("lesson Body = %q, want it to start with the heading, front matter stripped", ls.Body)
	}
	if len(tp.Lessons) != 1 || tp.Lessons[0] != ls || len(tp.Exercises) != 1 {
		t.Errorf("topic holds %d lessons and %d exercises, want 1 and 1", len(tp.Lessons), len(tp.Exercises))
	}

	ex, ok := c.Exercise("basics/first-response")
	if !ok {
		t.Fatal(`Exercise("basics/first-response") not found`)
	}
	if ex.Slug != "first-response" || ex.Title != "Exercise first-response" || ex.Topic != "basics" ||
		ex.Lesson != "basics/first" || ex.Dir != exDir || ex.Package != exPackage ||
		ex.Timeout != 5*time.Second || ex.Race {
		t.Errorf("exercise = %+v", ex)
	}
	if !slices.Equal(ex.Checks, []string{"lostcancel", "durationunit"}) {
		t.Errorf("Checks = %q", ex.Checks)
	}
	if !slices.Equal(ex.Hints, []string{"A nudge.", "The idea."}) {
		t.Errorf("Hints = %q", ex.Hints)
	}
	if !strings.HasPrefix(ex.Task, "# Exercise first-response\n") {
		t.Errorf("Task = %q, want it to start with the heading, front matter stripped", ex.Task)
	}
	var from []string
	for _, s := range ex.From {
		from = append(from, string(s.Language)+":"+s.Name)
	}
	if want := []string{"node:firstresponse.js", "python:firstresponse.py", "java:Firstresponse.java"}; !slices.Equal(from, want) {
		t.Errorf("From = %q, want %q", from, want)
	}
	if got, want := string(ex.Starter["firstresponse.go"]), "package firstresponse\n\nfunc First() string { return \"\" }\n"; got != want {
		t.Errorf("Starter[firstresponse.go] = %q, want %q", got, want)
	}
	if len(ex.Starter) != 1 || len(ex.Tests) != 1 || len(ex.Solution) != 1 {
		t.Errorf("%d starter, %d test and %d solution files, want 1 each", len(ex.Starter), len(ex.Tests), len(ex.Solution))
	}
	if !strings.HasPrefix(string(ex.Tests["firstresponse_test.go"]), "package firstresponse\n") {
		t.Errorf("Tests[firstresponse_test.go] = %q", ex.Tests["firstresponse_test.go"])
	}
	if len(ex.Wrong) != 1 {
		t.Fatalf("%d wrong variants, want 1", len(ex.Wrong))
	}
	w := ex.Wrong[0]
	if w.Name != "unbuffered" || w.Expect != (Expect{Kind: "test", Detail: "TestFirstWins"}) || w.Why != "the losers block forever" {
		t.Errorf("wrong variant = %+v", w)
	}
	if got, want := string(w.Files["firstresponse.go"]), "package firstresponse\n\nfunc First() string { return \"late\" }\n"; got != want {
		t.Errorf("wrong Files[firstresponse.go] = %q, want %q", got, want)
	}
}

// orderedCourse extends the minimal course with a second topic whose
// lessons list their exercises out of alphabetical order, and a third topic
// with an exercise whose slug repeats one of the first topic's. Topic
// directories are added out of order (an fs.FS lists them sorted anyway).
func orderedCourse() fixture {
	f := minimalCourse()
	f.topic("03-extra")
	f.lesson("03-extra", 1, "again", "", "extra/first-response")
	f.exercise("03-extra", "first-response", "extra/again", "")
	f.topic("02-more")
	f.lesson("02-more", 2, "second", "", "more/zebra")
	f.lesson("02-more", 1, "opening", "", "more/mango", "more/apple")
	f.exercise("02-more", "apple", "more/opening", "")
	f.exercise("02-more", "mango", "more/opening", "")
	f.exercise("02-more", "zebra", "more/second", "")
	return f
}

func TestCourseOrder(t *testing.T) {
	c := orderedCourse().load(t)

	var exercises []string
	for _, ex := range c.Exercises {
		exercises = append(exercises, ex.ID)
	}
	want := []string{"basics/first-response", "more/mango", "more/apple", "more/zebra", "extra/first-response"}
	if !slices.Equal(exercises, want) {
		t.Errorf("Exercises = %v, want %v (topics by NN, then as their lessons list them)", exercises, want)
	}

	var topics []string
	for _, tp := range c.Topics {
		topics = append(topics, tp.ID)
	}
	if want := []string{"basics", "more", "extra"}; !slices.Equal(topics, want) {
		t.Errorf("Topics = %v, want %v", topics, want)
	}

	var lessons []string
	for _, ls := range c.Lessons {
		lessons = append(lessons, ls.ID)
	}
	if want := []string{"basics/first", "more/opening", "more/second", "extra/again"}; !slices.Equal(lessons, want) {
		t.Errorf("Lessons = %v, want %v", lessons, want)
	}

	more, _ := c.Topic("more")
	var moreEx []string
	for _, ex := range more.Exercises {
		moreEx = append(moreEx, ex.ID)
	}
	if want := []string{"more/mango", "more/apple", "more/zebra"}; !slices.Equal(moreEx, want) {
		t.Errorf("topic more: Exercises = %v, want %v", moreEx, want)
	}
}

func TestCourseNext(t *testing.T) {
	c := orderedCourse().load(t)
	tests := []struct {
		id, want string // want "" for nil
	}{
		{"basics/first-response", "more/mango"}, // across a topic boundary
		{"more/mango", "more/apple"},
		{"more/apple", "more/zebra"},
		{"extra/first-response", ""}, // the last one
		{"no/such-exercise", ""},
	}
	for _, tt := range tests {
		got := ""
		if ex := c.Next(tt.id); ex != nil {
			got = ex.ID
		}
		if got != tt.want {
			t.Errorf("Next(%q) = %q, want %q", tt.id, got, tt.want)
		}
	}
}

func TestCourseResolve(t *testing.T) {
	c := orderedCourse().load(t)
	tests := []struct {
		path   string
		wantID string
		wantOK bool
	}{
		{lessonPath, "basics/first", true},
		{"lessons/02-more/02-second.md", "more/second", true},
		{readmePath, "basics/first-response", true},
		{exPath, "basics/first-response", true},
		{"exercises/02-more/apple/README.md", "more/apple", true},
		{topicPath, "", false},
		{exPath + "/firstresponse.go", "", false},
		{"lessons/01-basics/09-nothing.md", "", false},
	}
	for _, tt := range tests {
		id, ok := c.Resolve(tt.path)
		if id != tt.wantID || ok != tt.wantOK {
			t.Errorf("Resolve(%q) = %q, %v, want %q, %v", tt.path, id, ok, tt.wantID, tt.wantOK)
		}
	}

	// A link in a lesson resolves, through ResolveLink, to what it names.
	target, ok := ResolveLink(lessonPath, "../../exercises/01-basics/first-response/README.md#task")
	if !ok {
		t.Fatal("ResolveLink did not resolve a relative link")
	}
	if id, ok := c.Resolve(target); id != "basics/first-response" || !ok {
		t.Errorf("Resolve(ResolveLink(...)) = %q, %v, want basics/first-response, true", id, ok)
	}
}

func TestFindExercise(t *testing.T) {
	c := orderedCourse().load(t)
	tests := []struct {
		query       string
		want        string   // found id, or "" for an *UnknownIDError
		wantSimilar []string // the error's suggestions
	}{
		{query: "basics/first-response", want: "basics/first-response"},
		{query: "more/apple", want: "more/apple"},
		// A unique slug finds its exercise; an ambiguous one does not.
		{query: "mango", want: "more/mango"},
		{query: "first-response", wantSimilar: []string{"basics/first-response", "extra/first-response"}},
		{query: "mang", wantSimilar: []string{"more/mango"}},
		{query: "more/first-response", wantSimilar: []string{"basics/first-response", "extra/first-response"}},
		{query: "zzz"},
		{query: ""},
	}
	for _, tt := range tests {
		ex, err := c.FindExercise(tt.query)
		if tt.want != "" {
			if err != nil || ex == nil || ex.ID != tt.want {
				t.Errorf("FindExercise(%q) = %v, %v, want %s", tt.query, ex, err, tt.want)
			}
			continue
		}
		checkUnknownID(t, "exercise", tt.query, ex == nil, err, tt.wantSimilar)
	}
}

func TestFindLesson(t *testing.T) {
	c := orderedCourse().load(t)
	tests := []struct {
		query       string
		want        string
		wantSimilar []string
	}{
		{query: "more/second", want: "more/second"},
		{query: "opening", want: "more/opening"},
		{query: "first", want: "basics/first"},
		{query: "open", wantSimilar: []string{"more/opening"}},
		{query: "basics/opening", wantSimilar: []string{"more/opening"}},
		{query: "zzz"},
	}
	for _, tt := range tests {
		ls, err := c.FindLesson(tt.query)
		if tt.want != "" {
			if err != nil || ls == nil || ls.ID != tt.want {
				t.Errorf("FindLesson(%q) = %v, %v, want %s", tt.query, ls, err, tt.want)
			}
			continue
		}
		checkUnknownID(t, "lesson", tt.query, ls == nil, err, tt.wantSimilar)
	}
}

func checkUnknownID(t *testing.T, what, query string, isNil bool, err error, wantSimilar []string) {
	t.Helper()
	var unknown *UnknownIDError
	if !errors.As(err, &unknown) {
		t.Errorf("Find %s %q: error %v, want *UnknownIDError", what, query, err)
		return
	}
	if !isNil {
		t.Errorf("Find %s %q returned a value along with the error", what, query)
	}
	if unknown.What != what || unknown.ID != query || !slices.Equal(unknown.Similar, wantSimilar) {
		t.Errorf("Find %s %q: error = %+v, want What %q, ID %q, Similar %q", what, query, unknown, what, query, wantSimilar)
	}
	msg := err.Error()
	if !strings.Contains(msg, fmt.Sprintf("no %s %q", what, query)) || !strings.Contains(msg, "accent list") {
		t.Errorf("Find %s %q: message %q should name the %s and mention `accent list`", what, query, msg, what)
	}
	if hasSuggestion := strings.Contains(msg, "did you mean"); hasSuggestion != (len(wantSimilar) > 0) {
		t.Errorf("Find %s %q: message %q, want a suggestion: %v", what, query, msg, len(wantSimilar) > 0)
	}
	for _, s := range wantSimilar {
		if !strings.Contains(msg, s) {
			t.Errorf("Find %s %q: message %q does not suggest %s", what, query, msg, s)
		}
	}
}

func TestUnknownIDErrorMessage(t *testing.T) {
	tests := []struct {
		err  UnknownIDError
		want string
	}{
		{UnknownIDError{What: "exercise", ID: "fetch"}, `no exercise "fetch" in the course (accent list shows them all)`},
		{UnknownIDError{What: "lesson", ID: "wait", Similar: []string{"goroutines/wait-for-all"}},
			`no lesson "wait" in the course; did you mean goroutines/wait-for-all? (accent list shows them all)`},
		{UnknownIDError{What: "exercise", ID: "first", Similar: []string{"a/first", "b/first"}},
			`no exercise "first" in the course; did you mean a/first or b/first? (accent list shows them all)`},
	}
	for _, tt := range tests {
		if got := tt.err.Error(); got != tt.want {
			t.Errorf("Error() = %q, want %q", got, tt.want)
		}
	}
}

func TestParseExpect(t *testing.T) {
	tests := []struct {
		in      string
		want    Expect
		wantErr string // substring; "" for no error
	}{
		{in: "compile", want: Expect{Kind: "compile"}},
		{in: "leak", want: Expect{Kind: "leak"}},
		{in: "deadlock", want: Expect{Kind: "deadlock"}},
		{in: "timeout", want: Expect{Kind: "timeout"}},
		{in: "panic", want: Expect{Kind: "panic"}},
		{in: "test", want: Expect{Kind: "test"}},
		{in: "test:TestFirstWins", want: Expect{Kind: "test", Detail: "TestFirstWins"}},
		{in: "  analyzer:lostcancel ", want: Expect{Kind: "analyzer", Detail: "lostcancel"}},
		{in: "analyzer", wantErr: "needs an analyzer name"},
		{in: "analyzer:", wantErr: "needs an analyzer name"},
		{in: "explode", wantErr: `unknown finding kind "explode"`},
		{in: "", wantErr: `unknown finding kind ""`},
		{in: "Leak", wantErr: `unknown finding kind "Leak"`},
		{in: "leak:goroutines", wantErr: "only analyzer: and test: take a name"},
		{in: "compile:x", wantErr: "only analyzer: and test: take a name"},
	}
	for _, tt := range tests {
		got, err := ParseExpect(tt.in)
		switch {
		case tt.wantErr == "" && err != nil:
			t.Errorf("ParseExpect(%q): %v", tt.in, err)
		case tt.wantErr == "" && got != tt.want:
			t.Errorf("ParseExpect(%q) = %+v, want %+v", tt.in, got, tt.want)
		case tt.wantErr == "" && got.String() != strings.TrimSpace(tt.in):
			t.Errorf("ParseExpect(%q).String() = %q, want %q", tt.in, got.String(), strings.TrimSpace(tt.in))
		case tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)):
			t.Errorf("ParseExpect(%q) = %+v, %v, want an error containing %q", tt.in, got, err, tt.wantErr)
		}
	}
}

func TestStripBuildTag(t *testing.T) {
	tests := []struct {
		name   string
		in     string
		want   string
		wantOK bool
	}{
		{"tag and blank line", "//go:build accent\n\npackage x\n", "package x\n", true},
		{"only one blank line goes", "//go:build accent\n\n\npackage x\n", "\npackage x\n", true},
		{"tag without blank line", "//go:build accent\npackage x\n", "package x\n", true},
		{"no tag", "package x\n", "package x\n", false},
		{"another tag", "//go:build ignore\n\npackage x\n", "//go:build ignore\n\npackage x\n", false},
		{"a longer constraint", "//go:build accentx\n\npackage x\n", "//go:build accentx\n\npackage x\n", false},
		{"tag after a comment", "// Copyright\n//go:build accent\n\npackage x\n", "// Copyright\n//go:build accent\n\npackage x\n", false},
		{"tag after a blank line", "\n//go:build accent\n\npackage x\n", "\n//go:build accent\n\npackage x\n", false},
		{"empty", "", "", false},
	}
	for _, tt := range tests {
		got, ok := StripBuildTag([]byte(tt.in))
		if string(got) != tt.want || ok != tt.wantOK {
			t.Errorf("%s: StripBuildTag(%q) = %q, %v, want %q, %v", tt.name, tt.in, got, ok, tt.want, tt.wantOK)
		}
	}
}

func TestResolveLink(t *testing.T) {
	tests := []struct {
		from, dest string
		want       string
		wantOK     bool
	}{
		{lessonPath, "../../exercises/02-channels/first-response/README.md", "exercises/02-channels/first-response/README.md", true},
		{lessonPath, "02-second.md", "lessons/01-basics/02-second.md", true},
		{lessonPath, "./02-second.md#heading", "lessons/01-basics/02-second.md", true},
		{lessonPath, "../02-more/topic.md", "lessons/02-more/topic.md", true},
		{readmePath, "from/first.js", "exercises/01-basics/first-response/from/first.js", true},
		{readmePath, "../../../lessons/01-basics/01-first.md", "lessons/01-basics/01-first.md", true},
		{readmePath, ".", "exercises/01-basics/first-response", true},
		{lessonPath, "../../../outside.md", "../outside.md", true}, // resolves, and exists() says no
		{lessonPath, "#heading", "", false},
		{lessonPath, "", "", false},
		{lessonPath, "https://go.dev/blog/", "", false},
		{lessonPath, "http://example.com/x.md", "", false},
		{lessonPath, "mailto:someone@example.com", "", false},
		{lessonPath, "/lessons/01-basics/01-first.md", "", false},
	}
	for _, tt := range tests {
		got, ok := ResolveLink(tt.from, tt.dest)
		if got != tt.want || ok != tt.wantOK {
			t.Errorf("ResolveLink(%q, %q) = %q, %v, want %q, %v", tt.from, tt.dest, got, ok, tt.want, tt.wantOK)
		}
	}
}

func TestProblemString(t *testing.T) {
	tests := []struct {
		p    Problem
		want string
	}{
		{Problem{File: readmePath, Field: "hints", Msg: "needs at least two tiers"}, readmePath + ": hints: needs at least two tiers"},
		{Problem{File: readmePath, Field: "wrong[0].expect", Msg: "bad"}, readmePath + ": wrong[0].expect: bad"},
		{Problem{File: topicPath, Msg: "missing"}, topicPath + ": missing"},
	}
	for _, tt := range tests {
		if got := tt.p.String(); got != tt.want {
			t.Errorf("%+v.String() = %q, want %q", tt.p, got, tt.want)
		}
	}

	err := &ProblemsError{Problems: []Problem{tests[0].p, tests[2].p}}
	want := "the course has 2 problem(s):\n  " + tests[0].want + "\n  " + tests[2].want
	if got := err.Error(); got != want {
		t.Errorf("ProblemsError.Error() = %q, want %q", got, want)
	}
}

func TestLanguageTitle(t *testing.T) {
	tests := []struct {
		lang Language
		want string
	}{
		{Node, "Node.js"},
		{Python, "Python"},
		{Java, "Java"},
		{Language("rust"), "rust"},
	}
	for _, tt := range tests {
		if got := tt.lang.Title(); got != tt.want {
			t.Errorf("%q.Title() = %q, want %q", tt.lang, got, tt.want)
		}
	}
}

func TestWrongSourceFiles(t *testing.T) {
	ex := &Exercise{Solution: map[string][]byte{"a.go": []byte("solution a"), "b.go": []byte("solution b")}}
	w := Wrong{Name: "broken-b", Files: map[string][]byte{"b.go": []byte("wrong b")}}

	got := w.SourceFiles(ex)
	want := map[string]string{"a.go": "solution a", "b.go": "wrong b"}
	if len(got) != len(want) {
		t.Errorf("SourceFiles has %d files, want %d", len(got), len(want))
	}
	for name, content := range want {
		if string(got[name]) != content {
			t.Errorf("SourceFiles()[%s] = %q, want %q", name, got[name], content)
		}
	}
	if string(ex.Solution["b.go"]) != "solution b" {
		t.Errorf("SourceFiles changed the solution: b.go = %q", ex.Solution["b.go"])
	}
}

func TestAnalyzerLessons(t *testing.T) {
	embedded, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	if got := AnalyzerLessons(embedded); len(got) != 0 {
		t.Errorf("the embedded course lacks lessons the checker links to:%s", problemList(got))
	}

	// A course without them: one problem per analyzer with a lesson.
	got := AnalyzerLessons(minimalCourse().load(t))
	var want []Problem
	for _, c := range checker.All() {
		if c.Lesson != "" {
			file := "checker/" + c.Analyzer.Name + "/doc.go"
			if c.Family == checker.Vet {
				file = "checker/suite.go"
			}
			want = append(want, Problem{File: file, Field: c.Analyzer.Name, Msg: fmt.Sprintf("links lesson %q, which does not exist", c.Lesson)})
		}
	}
	if len(want) == 0 {
		t.Fatal("no analyzer links a lesson; this test proves nothing")
	}
	if !slices.Equal(got, want) {
		t.Errorf("AnalyzerLessons = %s\nwant %s", problemList(got), problemList(want))
	}

	// The same course with those lessons added: none.
	f := minimalCourse()
	ids := f.checkerLessons()
	c := f.load(t)
	for _, id := range ids {
		if _, ok := c.Lesson(id); !ok {
			t.Errorf("lesson %s was not loaded", id)
		}
	}
	if got := AnalyzerLessons(c); len(got) != 0 {
		t.Errorf("AnalyzerLessons with every linked lesson present:%s", problemList(got))
	}
}

func TestLinksAsIDs(t *testing.T) {
	c, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	l := c.Lessons[0]
	ex := c.Exercises[0]
	from := l.Path
	md := "See [the task](../../exercises/" + ex.Dir + "/README.md), [Go](https://go.dev) and [x](#top)."
	want := "See the task (exercise `" + ex.ID + "`), [Go](https://go.dev) and [x](#top)."
	if got := c.LinksAsIDs(from, md); got != want {
		t.Errorf("LinksAsIDs = %q\nwant %q", got, want)
	}
	if got := c.LinksAsIDs(from, "[missing](../nope.md)"); got != "[missing](../nope.md)" {
		t.Errorf("an unresolved link changed: %q", got)
	}
}
