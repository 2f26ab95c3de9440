package course

import (
	"strings"
	"testing"
)

// The solution and starter of the rules fixture: First races replicas.
const (
	rulesStarter = `import "time"

// First returns the first answer, or an error after timeout.
func First(query string, replicas []func(string) string, timeout time.Duration) (string, error) {
	return "", nil
}
`
	rulesSolution = `import (
	"errors"
	"time"
)

// First returns the first answer, or an error after timeout.
func First(query string, replicas []func(string) string, timeout time.Duration) (string, error) {
	// Room for every answer, so the losers exit.
	answers := make(chan string, len(replicas))
	for _, ask := range replicas {
		go func() { answers <- ask(query) }()
	}
	select {
	case answer := <-answers:
		return answer, nil
	case <-time.After(timeout):
		return "", errors.New("no replica answered in time")
	}
}
`
)

// rulesCourse is the minimal course made to keep every course rule: three
// wrong variants (one a cheat), requirements, race: true for a solution
// that starts goroutines, hints that give nothing away.
func rulesCourse(t *testing.T) fixture {
	f := minimalCourse()
	edit(t, f.exercises, readmeFile, "wrong:\n", `race: true
requirements:
  - says: the first answer wins
    tests: [TestFirstWins]
wrong:
  - name: leaky
    expect: leak
    why: unbuffered, the losers block
  - name: sleepy
    expect: test
    why: sleeps instead of waiting
    cheat: true
`)
	for _, name := range []string{"leaky", "sleepy"} {
		f.exercises[exDir+"/wrong/"+name+"/"+exPackage+".go"] = goFile(exPackage, "func First() string { return \"\" }\n")
	}
	f.exercises[exDir+"/"+exPackage+".go"] = goFile(exPackage, rulesStarter)
	f.exercises[exDir+"/solution/"+exPackage+".go"] = goFile(exPackage, rulesSolution)
	return f
}

// lessonBody replaces the body of the fixture's lesson (which leads to the
// exercise) with md.
func lessonBody(t *testing.T, f fixture, md string) {
	t.Helper()
	edit(t, f.lessons, lessonFile, "# Lesson first\n\n", "# Lesson first\n\n"+md+"\n\n")
}

// hints replaces the exercise's hint tiers.
func hints(t *testing.T, f fixture, tiers ...string) {
	t.Helper()
	var b strings.Builder
	for _, h := range tiers {
		b.WriteString("  - " + yamlQuote(h) + "\n")
	}
	edit(t, f.exercises, readmeFile, "hints:\n  - A nudge.\n  - The idea.\n", "hints:\n"+b.String())
}

func yamlQuote(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`).Replace(s) + `"`
}

func TestRules(t *testing.T) {
	tests := []struct {
		name   string
		mutate func(t *testing.T, f fixture)
		want   []Problem // Msg is a substring of the problem's
		absent []Problem // problems that must not be reported (same matching)
	}{
		{name: "the fixture keeps every rule", mutate: func(t *testing.T, f fixture) {}},

		// Wrong variants, cheats, requirements.
		{
			name: "two wrong variants",
			mutate: func(t *testing.T, f fixture) {
				edit(t, f.exercises, readmeFile, "  - name: leaky\n    expect: leak\n    why: unbuffered, the losers block\n", "")
				remove(t, f.exercises, exDir+"/wrong/leaky/"+exPackage+".go")
			},
			want: []Problem{{readmePath, "wrong", "has 2 known-wrong variant(s), needs at least 3"}},
		},
		{
			name:   "no cheat",
			mutate: func(t *testing.T, f fixture) { edit(t, f.exercises, readmeFile, "    cheat: true\n", "") },
			want:   []Problem{{readmePath, "wrong", "no variant is marked cheat: true"}},
		},
		{
			name: "no requirements",
			mutate: func(t *testing.T, f fixture) {
				edit(t, f.exercises, readmeFile, "requirements:\n  - says: the first answer wins\n    tests: [TestFirstWins]\n", "")
			},
			want: []Problem{{readmePath, "requirements", "is missing"}},
		},

		// Race.
		{
			name:   "a go statement without race: true",
			mutate: func(t *testing.T, f fixture) { edit(t, f.exercises, readmeFile, "race: true\n", "") },
			want:   []Problem{{readmePath, "race", "the solution starts goroutines (" + exPackage + ".go:13: go statement)"}},
		},
		{
			name: "a go statement with norace: and a reason",
			mutate: func(t *testing.T, f fixture) {
				edit(t, f.exercises, readmeFile, "race: true\n", "norace: the goroutines share only the channel\n")
			},
			absent: []Problem{{readmePath, "race", ""}},
		},
		{
			name: "wg.Go without race: true",
			mutate: func(t *testing.T, f fixture) {
				edit(t, f.exercises, readmeFile, "race: true\n", "")
				f.exercises[exDir+"/solution/"+exPackage+".go"] = goFile(exPackage, "import \"sync\"\n\nfunc Run(fs []func()) {\n\tvar wg sync.WaitGroup\n\tfor _, f := range fs {\n\t\twg.Go(f)\n\t}\n\twg.Wait()\n}\n")
			},
			want: []Problem{{readmePath, "race", "(" + exPackage + ".go:8: wg.Go)"}},
		},
		{
			name: "time.AfterFunc, under another name, without race: true",
			mutate: func(t *testing.T, f fixture) {
				edit(t, f.exercises, readmeFile, "race: true\n", "")
				f.exercises[exDir+"/solution/"+exPackage+".go"] = goFile(exPackage, "import clock \"time\"\n\nfunc Later(f func()) *clock.Timer {\n\treturn clock.AfterFunc(clock.Second, f)\n}\n")
			},
			want: []Problem{{readmePath, "race", "(" + exPackage + ".go:6: time.AfterFunc)"}},
		},
		{
			name: "tests that start goroutines without race: true",
			mutate: func(t *testing.T, f fixture) {
				edit(t, f.exercises, readmeFile, "race: true\n", "")
				f.exercises[exDir+"/solution/"+exPackage+".go"] = goFile(exPackage, "func First() string { return \"first\" }\n")
				f.exercises[exDir+"/"+exPackage+"_test.go"] = goFile(exPackage, "import \"testing\"\n\nfunc TestFirstWins(t *testing.T) {\n\tgo First()\n\tFirst()\n}\n")
			},
			want: []Problem{{readmePath, "race", "the tests start goroutines (" + exPackage + "_test.go:6: go statement), so the learner's code runs concurrently"}},
		},
		{
			name: "a solution without goroutines needs no race",
			mutate: func(t *testing.T, f fixture) {
				edit(t, f.exercises, readmeFile, "race: true\n", "")
				f.exercises[exDir+"/solution/"+exPackage+".go"] = goFile(exPackage, "type sched struct{}\n\nfunc (sched) AfterFunc(f func()) { f() }\n\nfunc Now(s sched, f func()) { s.AfterFunc(f) }\n")
			},
			absent: []Problem{{readmePath, "race", ""}},
		},

		// Hints.
		{
			name: "tier 1 quotes a solution line",
			mutate: func(t *testing.T, f fixture) {
				hints(t, f, "Try `answers := make(chan string, len(replicas))`.", "The idea.", "The answer.")
			},
			want: []Problem{{readmePath, "hints[0]", "tier 1 of 3 gives away solution line solution/" + exPackage + ".go:11 `answers:=make(chan string,len(replicas))`"}},
		},
		{
			name: "tier 2 has a solution line in prose, spaced its own way",
			mutate: func(t *testing.T, f fixture) {
				hints(t, f, "A nudge.", "Then write answers:=make( chan string , len(replicas) ) and you're done.", "The answer.")
			},
			want: []Problem{{readmePath, "hints[1]", "tier 2 of 3 gives away solution line"}},
		},
		{
			name: "a hint's code block line",
			mutate: func(t *testing.T, f fixture) {
				hints(t, f, "Like this:\n\n```go\ncase answer := <-answers: // the winner\n```\n", "The answer.")
			},
			want: []Problem{{readmePath, "hints[0]", "`case answer:=<-answers:`"}},
		},
		{
			name: "a hint's code span that is part of a solution line",
			mutate: func(t *testing.T, f fixture) {
				hints(t, f, "Use `make(chan string, len(replicas))`.", "The answer.")
			},
			want: []Problem{{readmePath, "hints[0]", "`make(chan string,len(replicas))`, part of solution line solution/" + exPackage + ".go:11"}},
		},
		{
			name: "naming an API is the idea, not the answer",
			mutate: func(t *testing.T, f fixture) {
				f.exercises[exDir+"/solution/"+exPackage+".go"] = goFile(exPackage, "import \"context\"\n\nfunc Detach(ctx context.Context) context.Context {\n\treturn context.WithoutCancel(ctx)\n}\n")
				hints(t, f, "Look at `context.WithoutCancel`.", "The answer.")
			},
			absent: []Problem{{readmePath, "hints[0]", ""}},
		},
		{
			name: "but a call from the solution is code",
			mutate: func(t *testing.T, f fixture) {
				f.exercises[exDir+"/solution/"+exPackage+".go"] = goFile(exPackage, "import \"context\"\n\nfunc Detach(ctx context.Context) context.Context {\n\treturn context.WithoutCancel(ctx)\n}\n")
				hints(t, f, "Look at `context.WithoutCancel(ctx)`.", "The answer.")
			},
			want: []Problem{{readmePath, "hints[0]", "`context.WithoutCancel(ctx)`, part of solution line solution/" + exPackage + ".go:6"}},
		},
		{
			name: "the last tier may give the answer",
			mutate: func(t *testing.T, f fixture) {
				hints(t, f, "A nudge.", "The answer: `answers := make(chan string, len(replicas))`.")
			},
			absent: []Problem{{readmePath, "hints[1]", ""}},
		},
		{
			name: "short idioms are not the answer",
			mutate: func(t *testing.T, f fixture) {
				hints(t, f, "Who runs `return answer, nil`? Is it in the `select {`?", "The answer.")
			},
			absent: []Problem{{readmePath, "hints[0]", ""}},
		},
		{
			name: "a line the starting code already has is not the answer",
			mutate: func(t *testing.T, f fixture) {
				hints(t, f, "Keep `func First(query string, replicas []func(string) string, timeout time.Duration) (string, error) {`.", "The answer.")
			},
			absent: []Problem{{readmePath, "hints[0]", ""}},
		},

		// Lessons and the solutions they lead to.
		{
			name: "a lesson block prints three solution lines in a row",
			mutate: func(t *testing.T, f fixture) {
				lessonBody(t, f, "```go\n// Give every loser room:\nanswers := make(chan string, len(replicas))\n\nfor _, ask := range replicas {\n\tgo func() { answers <- ask(query) }()\n}\n```")
			},
			want: []Problem{{lessonPath, "", "the code block at line 12 prints the solution of basics/first-response: 3 lines in a row of solution/" + exPackage + ".go:11 to 13 (block line 13"}},
		},
		{
			name: "the run is found in a block marked wrong or fragment too",
			mutate: func(t *testing.T, f fixture) {
				lessonBody(t, f, "```go fragment\nselect {\ncase answer := <-answers:\n\treturn answer, nil\ncase <-time.After(timeout):\n\treturn \"\", errors.New(\"no replica answered in time\")\n}\n```")
			},
			want: []Problem{{lessonPath, "", "prints the solution of basics/first-response: 3 lines in a row"}},
		},
		{
			name: "two solution lines in a row are an example",
			mutate: func(t *testing.T, f fixture) {
				lessonBody(t, f, "```go\nanswers := make(chan string, len(replicas))\nfor _, ask := range replicas {\n\tgo ask(query)\n}\n```")
			},
			absent: []Problem{{lessonPath, "", "prints the solution"}},
		},
		{
			name: "a lesson that does not lead to the exercise",
			mutate: func(t *testing.T, f fixture) {
				f.lesson("01-basics", 2, "second", "```go\nanswers := make(chan string, len(replicas))\nfor _, ask := range replicas {\n\tgo func() { answers <- ask(query) }()\n}\n```\n")
			},
			absent: []Problem{{"lessons/01-basics/02-second.md", "", ""}},
		},

		// Markers.
		{
			name:   "an unknown marker",
			mutate: func(t *testing.T, f fixture) { lessonBody(t, f, "```go wrnog\nfunc f() {}\n```") },
			want:   []Problem{{lessonPath, "", "the code block at line 12 is marked \"wrnog\""}},
		},
		{
			name: "wrong and fragment are the markers",
			mutate: func(t *testing.T, f fixture) {
				lessonBody(t, f, "```go wrong\nfunc f() {}\n```\n\n```go fragment\nf()\n```")
			},
			absent: []Problem{{lessonPath, "", "is marked"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := rulesCourse(t)
			tt.mutate(t, f)
			c := f.load(t)
			got := Rules(c, c.Exercises, c.Lessons).Problems
			if tt.want == nil && tt.absent == nil && len(got) > 0 {
				t.Errorf("problems:%s\nwant none", problemList(got))
			}
			for _, w := range tt.want {
				if !hasProblem(got, w) {
					t.Errorf("missing problem %s\ngot:%s", w, problemList(got))
				}
			}
			for _, a := range tt.absent {
				if hasProblem(got, a) {
					t.Errorf("unexpected problem like %s\ngot:%s", a, problemList(got))
				}
			}
		})
	}
}

func TestRulesCounts(t *testing.T) {
	f := rulesCourse(t)
	hints(t, f, "A nudge.", "The idea.", "The answer.")
	lessonBody(t, f, "```go\nfunc f() {}\n```\n\n```js\nf();\n```\n\n    indented\n")
	c := f.load(t)
	r := Rules(c, c.Exercises, c.Lessons)
	if r.Exercises != 1 || r.HintsScanned != 2 || r.LessonsScanned != 1 || r.LessonBlocks != 3 {
		t.Errorf("Exercises %d, HintsScanned %d, LessonsScanned %d, LessonBlocks %d; want 1, 2 (not the last tier), 1, 3",
			r.Exercises, r.HintsScanned, r.LessonsScanned, r.LessonBlocks)
	}
	r = Rules(c, nil, nil)
	if r.Exercises != 0 || r.HintsScanned != 0 || r.LessonsScanned != 0 || len(r.Problems) != 0 {
		t.Errorf("Rules on nothing: %+v", r)
	}
}

func TestCodeBlocks(t *testing.T) {
	md := "Intro.\n\n```go wrong\nx := 1\n```\n\n- a list\n\n  ```go fragment\n  y := 2\n  ```\n\n```\nplain\n```\n\n    indented\n\n```go\n```\n"
	got := CodeBlocks("lessons/x.md", md, 10)
	want := []CodeBlock{
		{File: "lessons/x.md", Line: 13, Lang: "go", Marker: "wrong", Code: "x := 1\n"},
		{File: "lessons/x.md", Line: 19, Lang: "go", Marker: "fragment", Code: "y := 2\n"},
		{File: "lessons/x.md", Line: 23, Lang: "", Code: "plain\n"},
		{File: "lessons/x.md", Line: 26, Lang: "", Code: "indented\n"},
		{File: "lessons/x.md", Line: 29, Lang: "go", Code: ""},
	}
	if len(got) != len(want) {
		t.Fatalf("got %d blocks: %+v", len(got), got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("block %d = %+v, want %+v", i, got[i], want[i])
		}
	}
}
