package course

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

func TestLoadReportsProblems(t *testing.T) {
	base := minimalCourse()
	hintsLine := lineOf(t, base.exercises, readmeFile, "hints:")
	exercisesLine := lineOf(t, base.lessons, lessonFile, "exercises:")
	titleLine := lineOf(t, base.lessons, topicFile, "title:")

	const (
		starter  = exDir + "/firstresponse.go"
		test     = exDir + "/firstresponse_test.go"
		solution = exDir + "/solution/firstresponse.go"
		wrong    = exDir + "/wrong/unbuffered/firstresponse.go"
		wrongYML = "wrong:\n  - name: unbuffered\n    expect: test:TestFirstWins\n    why: the losers block forever\n"
	)
	tests := []struct {
		name   string
		mutate func(t *testing.T, f fixture)
		want   []Problem // Msg is a substring of the problem's
		absent []Problem // problems that must not be reported (same matching)
	}{
		// Front matter.
		{
			name:   "unknown exercise field",
			mutate: func(t *testing.T, f fixture) { edit(t, f.exercises, readmeFile, "hints:", "hint:") },
			want:   []Problem{{readmePath, "front matter", fmt.Sprintf("line %d: field hint not found", hintsLine)}},
		},
		{
			name:   "unknown lesson field",
			mutate: func(t *testing.T, f fixture) { edit(t, f.lessons, lessonFile, "exercises:", "exercise:") },
			want:   []Problem{{lessonPath, "front matter", fmt.Sprintf("line %d: field exercise not found", exercisesLine)}},
		},
		{
			name:   "unknown topic field",
			mutate: func(t *testing.T, f fixture) { edit(t, f.lessons, topicFile, "title:", "titel:") },
			want:   []Problem{{topicPath, "front matter", fmt.Sprintf("line %d: field titel not found", titleLine)}},
		},
		{
			name:   "missing README.md",
			mutate: func(t *testing.T, f fixture) { remove(t, f.exercises, readmeFile) },
			want:   []Problem{{readmePath, "", "missing"}},
		},
		{
			name: "no front matter",
			mutate: func(t *testing.T, f fixture) {
				f.exercises[readmeFile] = file("# First response\n\nNo front matter.\n")
			},
			want: []Problem{{readmePath, "", "no front matter"}},
		},
		{
			name: "front matter after a blank line",
			mutate: func(t *testing.T, f fixture) {
				f.exercises[readmeFile].Data = append([]byte("\n"), f.exercises[readmeFile].Data...)
			},
			want: []Problem{{readmePath, "", "front matter must be the file's first lines"}},
		},
		{
			name: "CRLF line ends",
			mutate: func(t *testing.T, f fixture) {
				f.lessons[lessonFile].Data = []byte(strings.ReplaceAll(string(f.lessons[lessonFile].Data), "\n", "\r\n"))
			},
			want: []Problem{{lessonPath, "", "front matter must be the file's first lines"}},
		},
		{
			name:   "unclosed front matter",
			mutate: func(t *testing.T, f fixture) { f.lessons[topicFile] = file("---\nid: basics\ntitle: Basics\n") },
			want:   []Problem{{topicPath, "", "front matter must be the file's first lines"}},
		},
		{
			name: "malformed YAML",
			mutate: func(t *testing.T, f fixture) {
				edit(t, f.exercises, readmeFile, "title: Exercise first-response", "title: [unclosed")
			},
			want: []Problem{{readmePath, "front matter", "yaml: line "}},
		},
		{
			name:   "wrong type",
			mutate: func(t *testing.T, f fixture) { edit(t, f.lessons, lessonFile, "order: 1", "order: first") },
			want:   []Problem{{lessonPath, "front matter", "cannot unmarshal"}},
		},

		// Ids, titles, topics and order.
		{
			name: "exercise id does not match the directory",
			mutate: func(t *testing.T, f fixture) {
				edit(t, f.exercises, readmeFile, "id: basics/first-response", "id: basics/first-reply")
			},
			want: []Problem{{readmePath, "id", `is "basics/first-reply" but the directory says "basics/first-response"`}},
		},
		{
			name:   "exercise id missing",
			mutate: func(t *testing.T, f fixture) { edit(t, f.exercises, readmeFile, "id: basics/first-response\n", "") },
			want:   []Problem{{readmePath, "id", `is missing (want "basics/first-response")`}},
		},
		{
			name: "lesson id does not match the file name",
			mutate: func(t *testing.T, f fixture) {
				edit(t, f.lessons, lessonFile, "id: basics/first\n", "id: basics/firstly\n")
			},
			want: []Problem{{lessonPath, "id", `is "basics/firstly" but the file name says "basics/first"`}},
		},
		{
			name:   "topic id does not match the directory",
			mutate: func(t *testing.T, f fixture) { edit(t, f.lessons, topicFile, "id: basics", "id: basic") },
			want:   []Problem{{topicPath, "id", `is "basic" but the directory says "basics"`}},
		},
		{
			name:   "duplicate lesson id",
			mutate: func(t *testing.T, f fixture) { f.lesson("01-basics", 2, "first", "Again.\n") },
			want:   []Problem{{"lessons/01-basics/02-first.md", "id", `duplicate lesson id "basics/first"`}},
		},
		{
			name:   "duplicate exercise id",
			mutate: func(t *testing.T, f fixture) { f.exercise("02-basics", "first-response", "basics/first", "") },
			want:   []Problem{{"exercises/02-basics/first-response/README.md", "id", `duplicate exercise id "basics/first-response"`}},
		},
		{
			name:   "topic defined twice",
			mutate: func(t *testing.T, f fixture) { f.topic("02-basics") },
			want:   []Problem{{"lessons/02-basics/topic.md", "id", `topic "basics" is defined twice`}},
		},
		{
			name:   "lesson order does not match NN",
			mutate: func(t *testing.T, f fixture) { edit(t, f.lessons, lessonFile, "order: 1", "order: 2") },
			want:   []Problem{{lessonPath, "order", "is 2 but the file name says 1"}},
		},
		{
			name:   "lesson topic does not match the directory",
			mutate: func(t *testing.T, f fixture) { edit(t, f.lessons, lessonFile, "topic: basics", "topic: more") },
			want:   []Problem{{lessonPath, "topic", `is "more" but the directory says "basics"`}},
		},
		{
			name:   "exercise topic does not match the directory",
			mutate: func(t *testing.T, f fixture) { edit(t, f.exercises, readmeFile, "topic: basics", "topic: more") },
			want:   []Problem{{readmePath, "topic", `is "more" but the directory says "basics"`}},
		},
		{
			name: "exercise topic has no lessons directory",
			mutate: func(t *testing.T, f fixture) {
				f.exercise("07-orphan", "lost", "basics/first", "")
				edit(t, f.lessons, lessonFile, "exercises: [basics/first-response]", "exercises: [basics/first-response, orphan/lost]")
			},
			want: []Problem{{"exercises/07-orphan/lost/README.md", "topic", `no topic "orphan" under lessons/`}},
		},
		{
			name:   "lesson title missing",
			mutate: func(t *testing.T, f fixture) { edit(t, f.lessons, lessonFile, "title: Lesson first\n", "") },
			want:   []Problem{{lessonPath, "title", "is missing"}},
		},
		{
			name: "exercise title missing",
			mutate: func(t *testing.T, f fixture) {
				edit(t, f.exercises, readmeFile, "title: Exercise first-response\n", "")
			},
			want: []Problem{{readmePath, "title", "is missing"}},
		},
		{
			name:   "topic title missing",
			mutate: func(t *testing.T, f fixture) { edit(t, f.lessons, topicFile, "title: Topic basics\n", "") },
			want:   []Problem{{topicPath, "title", "is missing"}},
		},
		{
			name:   "topic.md missing",
			mutate: func(t *testing.T, f fixture) { remove(t, f.lessons, topicFile) },
			want:   []Problem{{topicPath, "", "missing"}},
		},
		{
			name:   "topic directory not NN-topic",
			mutate: func(t *testing.T, f fixture) { f.lessons["basics/topic.md"] = file("---\nid: basics\ntitle: B\n---\n") },
			want:   []Problem{{"lessons/basics", "", "topic directories are named NN-topic"}},
		},
		{
			name:   "exercise topic directory not NN-topic",
			mutate: func(t *testing.T, f fixture) { f.exercises["1-basics/x/README.md"] = file("---\n---\n") },
			want:   []Problem{{"exercises/1-basics", "", "topic directories are named NN-topic"}},
		},
		{
			name:   "lesson file not NN-slug.md",
			mutate: func(t *testing.T, f fixture) { f.lessons["01-basics/first.md"] = file("---\nid: basics/first\n---\n") },
			want:   []Problem{{"lessons/01-basics/first.md", "", "lessons are named NN-slug.md"}},
		},
		{
			name:   "file among the exercise directories",
			mutate: func(t *testing.T, f fixture) { f.exercises["01-basics/notes.md"] = file("notes\n") },
			want:   []Problem{{"exercises/01-basics/notes.md", "", "unexpected entry"}},
		},

		// Lessons and exercises referring to each other.
		{
			name: "lesson lists an unknown exercise",
			mutate: func(t *testing.T, f fixture) {
				edit(t, f.lessons, lessonFile, "exercises: [basics/first-response]", "exercises: [basics/first-response, basics/nope]")
			},
			want: []Problem{{lessonPath, "exercises", `no exercise "basics/nope"`}},
		},
		{
			name:   "lesson lists another lesson's exercise",
			mutate: func(t *testing.T, f fixture) { f.lesson("01-basics", 2, "second", "", "basics/first-response") },
			want:   []Problem{{"lessons/01-basics/02-second.md", "exercises", `lists "basics/first-response", whose lesson is "basics/first"`}},
		},
		{
			name: "exercise names an unknown lesson",
			mutate: func(t *testing.T, f fixture) {
				edit(t, f.exercises, readmeFile, "lesson: basics/first", "lesson: basics/nope")
			},
			want: []Problem{{readmePath, "lesson", `no lesson "basics/nope"`}},
		},
		{
			name: "exercise not listed by its lesson",
			mutate: func(t *testing.T, f fixture) {
				edit(t, f.lessons, lessonFile, "exercises: [basics/first-response]", "exercises: []")
			},
			want: []Problem{{readmePath, "lesson", "basics/first does not list this exercise"}},
		},
		{
			name:   "exercise lesson missing",
			mutate: func(t *testing.T, f fixture) { edit(t, f.exercises, readmeFile, "lesson: basics/first\n", "") },
			want:   []Problem{{readmePath, "lesson", "is missing"}},
		},

		// Links.
		{
			name: "broken link in a lesson",
			mutate: func(t *testing.T, f fixture) {
				edit(t, f.lessons, lessonFile, "01-basics/first-response/README.md", "01-basics/first-reply/README.md")
			},
			want: []Problem{{lessonPath, "", `broken link "../../exercises/01-basics/first-reply/README.md": exercises/01-basics/first-reply/README.md does not exist`}},
			absent: []Problem{
				{lessonPath, "", "go.dev"},      // http links are not checked
				{lessonPath, "", `"#below"`},    // nor anchors
				{readmePath, "", "broken link"}, // the exercise's links are fine
			},
		},
		{
			name: "broken link in an exercise README",
			mutate: func(t *testing.T, f fixture) {
				edit(t, f.exercises, readmeFile, "(from/firstresponse.js)", "(from/first.js)")
			},
			want:   []Problem{{readmePath, "", `broken link "from/first.js": exercises/01-basics/first-response/from/first.js does not exist`}},
			absent: []Problem{{readmePath, "", "01-first.md"}, {lessonPath, "", "broken link"}},
		},
		{
			name: "broken image in a lesson",
			mutate: func(t *testing.T, f fixture) {
				f.lessons[lessonFile].Data = append(f.lessons[lessonFile].Data, "\n![diagram](img/select.png)\n"...)
			},
			want: []Problem{{lessonPath, "", `broken link "img/select.png": lessons/01-basics/img/select.png does not exist`}},
		},
		{
			name: "link out of the course",
			mutate: func(t *testing.T, f fixture) {
				edit(t, f.lessons, lessonFile, "../../exercises/", "../../../exercises/")
			},
			want: []Problem{{lessonPath, "", "broken link"}},
		},
		{
			name: "broken link in a topic intro",
			mutate: func(t *testing.T, f fixture) {
				edit(t, f.lessons, topicFile, "All about basics.", "All about [basics](01-nothing.md).")
			},
			want: []Problem{{topicPath, "", `broken link "01-nothing.md"`}},
		},

		// Go files.
		{
			name:   "missing solution file",
			mutate: func(t *testing.T, f fixture) { remove(t, f.exercises, solution) },
			want:   []Problem{{"exercises/" + solution, "", "missing: every starting file needs its solution"}},
		},
		{
			name:   "solution file without a starting file",
			mutate: func(t *testing.T, f fixture) { f.exercises[exDir+"/solution/extra.go"] = goFile(exPackage, "") },
			want:   []Problem{{exPath + "/solution/extra.go", "", "has no starting file of the same name"}},
		},
		{
			name: "test file in solution/",
			mutate: func(t *testing.T, f fixture) {
				f.exercises[exDir+"/solution/firstresponse_test.go"] = goFile(exPackage, "")
			},
			want: []Problem{{exPath + "/solution/firstresponse_test.go", "", "only non-test .go files belong here"}},
		},
		{
			name:   "missing starting code",
			mutate: func(t *testing.T, f fixture) { remove(t, f.exercises, starter) },
			want:   []Problem{{exPath, "", "missing starting code"}},
		},
		{
			name:   "missing tests",
			mutate: func(t *testing.T, f fixture) { remove(t, f.exercises, test) },
			want:   []Problem{{exPath, "", "missing tests"}},
		},
		{
			name: "test defines TestMain",
			mutate: func(t *testing.T, f fixture) {
				edit(t, f.exercises, test, "func TestFirstWins", "func TestMain(m *testing.M) { m.Run() }\n\nfunc TestFirstWins")
			},
			want: []Problem{{"exercises/" + test, "", "defines TestMain"}},
		},
		{
			name:   "starting file without the build constraint",
			mutate: func(t *testing.T, f fixture) { edit(t, f.exercises, starter, BuildTag+"\n\n", "") },
			want:   []Problem{{"exercises/" + starter, "", `must start with "//go:build accent" and a blank line`}},
		},
		{
			name:   "test file without the build constraint",
			mutate: func(t *testing.T, f fixture) { edit(t, f.exercises, test, BuildTag, "//go:build ignore") },
			want:   []Problem{{"exercises/" + test, "", `must start with "//go:build accent"`}},
		},
		{
			name:   "wrong variant without the build constraint",
			mutate: func(t *testing.T, f fixture) { edit(t, f.exercises, wrong, BuildTag+"\n\n", "") },
			want:   []Problem{{"exercises/" + wrong, "", `must start with "//go:build accent"`}},
		},
		{
			name: "wrong package name in the solution",
			mutate: func(t *testing.T, f fixture) {
				edit(t, f.exercises, solution, "package firstresponse", "package first")
			},
			want: []Problem{{"exercises/" + solution, "", "package first, but the exercise's package is firstresponse"}},
		},
		{
			name:   "wrong package name in the starting file",
			mutate: func(t *testing.T, f fixture) { edit(t, f.exercises, starter, "package firstresponse", "package first") },
			want:   []Problem{{"exercises/" + starter, "", "package first, but the exercise's package is firstresponse"}},
			absent: []Problem{{"exercises/" + test, "", "package"}, {"exercises/" + solution, "", "package"}},
		},
		{
			name: "package name is not the slug without dashes",
			mutate: func(t *testing.T, f fixture) {
				for _, name := range []string{starter, test, solution, wrong} {
					edit(t, f.exercises, name, "package firstresponse", "package first")
				}
			},
			want: []Problem{
				{"exercises/" + starter, "", "package first, but the exercise's package is firstresponse"},
				{"exercises/" + test, "", "package first, but"},
				{"exercises/" + solution, "", "package first, but"},
				{"exercises/" + wrong, "", "package first, but"},
			},
		},
		{
			name: "external test package",
			mutate: func(t *testing.T, f fixture) {
				edit(t, f.exercises, test, "package firstresponse", "package firstresponse_test")
			},
			want: []Problem{{"exercises/" + test, "", "package firstresponse_test, but the exercise's package is firstresponse"}},
		},
		{
			name: "no package clause",
			mutate: func(t *testing.T, f fixture) {
				edit(t, f.exercises, starter, "package firstresponse", "pkg firstresponse")
			},
			want: []Problem{{"exercises/" + starter, "", "expected 'package'"}},
		},

		// checks, wrong, hints, timeout.
		{
			name: "unknown check",
			mutate: func(t *testing.T, f fixture) {
				edit(t, f.exercises, readmeFile, "checks: [lostcancel, durationunit]", "checks: [lostcancel, nosuchcheck]")
			},
			want: []Problem{{readmePath, "checks", `unknown analyzer "nosuchcheck"`}},
		},
		{
			name: "expect of an unknown kind",
			mutate: func(t *testing.T, f fixture) {
				edit(t, f.exercises, readmeFile, "expect: test:TestFirstWins", "expect: explode")
			},
			want: []Problem{{readmePath, "wrong[0].expect", `unknown finding kind "explode"`}},
		},
		{
			name: "expect analyzer without a name",
			mutate: func(t *testing.T, f fixture) {
				edit(t, f.exercises, readmeFile, "expect: test:TestFirstWins", "expect: analyzer")
			},
			want: []Problem{{readmePath, "wrong[0].expect", "needs an analyzer name"}},
		},
		{
			name: "expect missing",
			mutate: func(t *testing.T, f fixture) {
				edit(t, f.exercises, readmeFile, "    expect: test:TestFirstWins\n", "")
			},
			want: []Problem{{readmePath, "wrong[0].expect", `unknown finding kind ""`}},
		},
		{
			name: "expect with a name it cannot take",
			mutate: func(t *testing.T, f fixture) {
				edit(t, f.exercises, readmeFile, "expect: test:TestFirstWins", "expect: leak:First")
			},
			want: []Problem{{readmePath, "wrong[0].expect", "only analyzer: and test: take a name"}},
		},
		{
			name: "expect an unknown analyzer",
			mutate: func(t *testing.T, f fixture) {
				edit(t, f.exercises, readmeFile, "expect: test:TestFirstWins", "expect: analyzer:nosuch")
			},
			want: []Problem{{readmePath, "wrong[0].expect", `unknown analyzer "nosuch"`}},
		},
		{
			name: "expect an analyzer not in checks",
			mutate: func(t *testing.T, f fixture) {
				edit(t, f.exercises, readmeFile, "expect: test:TestFirstWins", "expect: analyzer:timeformat")
			},
			want: []Problem{{readmePath, "wrong[0].expect", `analyzer "timeformat" is not in checks`}},
		},
		{
			name: "expect a race without race: true",
			mutate: func(t *testing.T, f fixture) {
				edit(t, f.exercises, readmeFile, "expect: test:TestFirstWins", "expect: race")
			},
			want: []Problem{{readmePath, "wrong[0].expect", "race needs race: true"}},
		},
		{
			name: "wrong variant without why",
			mutate: func(t *testing.T, f fixture) {
				edit(t, f.exercises, readmeFile, "    why: the losers block forever\n", "")
			},
			want: []Problem{{readmePath, "wrong[0].why", "is missing"}},
		},
		{
			name: "wrong directory not in the front matter",
			mutate: func(t *testing.T, f fixture) {
				f.exercises[exDir+"/wrong/extra/firstresponse.go"] = goFile(exPackage, "")
			},
			want: []Problem{{exPath + "/wrong/extra", "", "not listed under wrong: in README.md"}},
		},
		{
			name:   "wrong variant without a directory",
			mutate: func(t *testing.T, f fixture) { remove(t, f.exercises, wrong) },
			want:   []Problem{{readmePath, "wrong[0].name", "wrong/unbuffered has no .go files"}},
		},
		{
			name: "no wrong variant",
			mutate: func(t *testing.T, f fixture) {
				edit(t, f.exercises, readmeFile, wrongYML, "")
				remove(t, f.exercises, wrong)
			},
			want: []Problem{{readmePath, "wrong", "needs at least one known-wrong variant"}},
		},
		{
			name:   "wrong variant replaces a file the solution lacks",
			mutate: func(t *testing.T, f fixture) { f.exercises[exDir+"/wrong/unbuffered/other.go"] = goFile(exPackage, "") },
			want:   []Problem{{exPath + "/wrong/unbuffered/other.go", "", "replaces no solution file (the solution has firstresponse.go)"}},
		},
		{
			name:   "one hint",
			mutate: func(t *testing.T, f fixture) { edit(t, f.exercises, readmeFile, "  - The idea.\n", "") },
			want:   []Problem{{readmePath, "hints", "needs at least two tiers (a nudge, then the idea); has 1"}},
		},
		{
			name: "no hints",
			mutate: func(t *testing.T, f fixture) {
				edit(t, f.exercises, readmeFile, "hints:\n  - A nudge.\n  - The idea.\n", "")
			},
			want: []Problem{{readmePath, "hints", "has 0"}},
		},
		{
			name:   "empty hint",
			mutate: func(t *testing.T, f fixture) { edit(t, f.exercises, readmeFile, "  - The idea.\n", "  - \"  \"\n") },
			want:   []Problem{{readmePath, "hints", "tier 2 is empty"}},
		},
		{
			name:   "timeout below 1s",
			mutate: func(t *testing.T, f fixture) { edit(t, f.exercises, readmeFile, "timeout: 5s", "timeout: 500ms") },
			want:   []Problem{{readmePath, "timeout", "500ms is outside 1s..60s"}},
		},
		{
			name:   "timeout above 60s",
			mutate: func(t *testing.T, f fixture) { edit(t, f.exercises, readmeFile, "timeout: 5s", "timeout: 61s") },
			want:   []Problem{{readmePath, "timeout", "1m1s is outside 1s..60s"}},
		},
		{
			name:   "timeout unparsable",
			mutate: func(t *testing.T, f fixture) { edit(t, f.exercises, readmeFile, "timeout: 5s", "timeout: ten seconds") },
			want:   []Problem{{readmePath, "timeout", `invalid duration "ten seconds" (write it like 10s)`}},
		},
		{
			name:   "timeout without a unit",
			mutate: func(t *testing.T, f fixture) { edit(t, f.exercises, readmeFile, "timeout: 5s", "timeout: 10") },
			want:   []Problem{{readmePath, "timeout", "missing unit"}},
		},

		// from/ and stray files.
		{
			name: "from/ file with an unknown extension",
			mutate: func(t *testing.T, f fixture) {
				f.exercises[exDir+"/from/firstresponse.rb"] = file("first = replicas.first\n")
			},
			want: []Problem{{exPath + "/from/firstresponse.rb", "", "unexpected file"}},
		},
		{
			name: "two Node.js files in from/",
			mutate: func(t *testing.T, f fixture) {
				f.exercises[exDir+"/from/firstresponse.ts"] = file("await Promise.race(replicas);\n")
			},
			want: []Problem{{exPath + "/from/firstresponse.ts", "", "second Node.js file (first: firstresponse.js)"}},
		},
		{
			name:   "two Python files in from/",
			mutate: func(t *testing.T, f fixture) { f.exercises[exDir+"/from/other.py"] = file("pass\n") },
			want:   []Problem{{exPath + "/from/other.py", "", "second Python file (first: firstresponse.py)"}},
		},
		{
			name: "from/ missing",
			mutate: func(t *testing.T, f fixture) {
				for _, name := range []string{"firstresponse.js", "firstresponse.py", "Firstresponse.java"} {
					remove(t, f.exercises, exDir+"/from/"+name)
				}
			},
			want: []Problem{{exPath + "/from", "", "missing: the idiom in Node.js, Python and Java"}},
		},
		{
			name:   "stray file in the exercise directory",
			mutate: func(t *testing.T, f fixture) { f.exercises[exDir+"/notes.txt"] = file("todo\n") },
			want:   []Problem{{exPath + "/notes.txt", "", "unexpected file"}},
		},
		{
			name:   "stray directory in the exercise directory",
			mutate: func(t *testing.T, f fixture) { f.exercises[exDir+"/docs/extra.md"] = file("more\n") },
			want:   []Problem{{exPath + "/docs", "", "unexpected file"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := minimalCourse()
			tt.mutate(t, f)
			got := f.problems(t)
			for _, w := range tt.want {
				if !hasProblem(got, w) {
					t.Errorf("no problem %q among:%s", w.String(), problemList(got))
				}
			}
			for _, a := range tt.absent {
				if hasProblem(got, a) {
					t.Errorf("unexpected problem matching %q among:%s", a.String(), problemList(got))
				}
			}
		})
	}
}

// TestLoadAccepts covers variations of the minimal course that are valid.
func TestLoadAccepts(t *testing.T) {
	const wrongFile = exDir + "/wrong/unbuffered/firstresponse.go"
	tests := []struct {
		name   string
		mutate func(t *testing.T, f fixture)
		check  func(t *testing.T, c *Course) // optional
	}{
		{
			name: "expect names an analyzer in checks",
			mutate: func(t *testing.T, f fixture) {
				edit(t, f.exercises, readmeFile, "expect: test:TestFirstWins", "expect: analyzer:durationunit")
			},
			check: func(t *testing.T, c *Course) {
				if got := exercise(t, c).Wrong[0].Expect; got != (Expect{Kind: "analyzer", Detail: "durationunit"}) {
					t.Errorf("Expect = %+v", got)
				}
			},
		},
		{
			name: "expect a failing test without its name",
			mutate: func(t *testing.T, f fixture) {
				edit(t, f.exercises, readmeFile, "expect: test:TestFirstWins", "expect: test")
			},
		},
		{
			name: "several wrong variants, each with its finding",
			mutate: func(t *testing.T, f fixture) {
				var yml strings.Builder
				for _, kind := range []string{"compile", "leak", "deadlock", "timeout", "panic"} {
					fmt.Fprintf(&yml, "  - name: %s\n    expect: %s\n    why: it does not %s\n", kind, kind, kind)
					f.exercises[exDir+"/wrong/"+kind+"/firstresponse.go"] = goFile(exPackage, "")
				}
				edit(t, f.exercises, readmeFile, "wrong:\n", "wrong:\n"+yml.String())
			},
			check: func(t *testing.T, c *Course) {
				var got []string
				for _, w := range exercise(t, c).Wrong {
					got = append(got, w.Name+"="+w.Expect.String())
				}
				want := []string{"compile=compile", "leak=leak", "deadlock=deadlock", "timeout=timeout", "panic=panic", "unbuffered=test:TestFirstWins"}
				if !slices.Equal(got, want) {
					t.Errorf("Wrong = %v, want %v (front matter order)", got, want)
				}
			},
		},
		{
			name:   "timeout 1s",
			mutate: func(t *testing.T, f fixture) { edit(t, f.exercises, readmeFile, "timeout: 5s", "timeout: 1s") },
			check:  wantTimeout(time.Second),
		},
		{
			name:   "timeout 1m",
			mutate: func(t *testing.T, f fixture) { edit(t, f.exercises, readmeFile, "timeout: 5s", "timeout: 1m") },
			check:  wantTimeout(time.Minute),
		},
		{
			name:   "timeout omitted",
			mutate: func(t *testing.T, f fixture) { edit(t, f.exercises, readmeFile, "timeout: 5s\n", "") },
			check:  wantTimeout(DefaultTimeout),
		},
		{
			name: "race",
			mutate: func(t *testing.T, f fixture) {
				edit(t, f.exercises, readmeFile, "timeout: 5s\n", "timeout: 5s\nrace: true\n")
			},
			check: func(t *testing.T, c *Course) {
				if !exercise(t, c).Race {
					t.Error("Race = false")
				}
			},
		},
		{
			name: "no checks",
			mutate: func(t *testing.T, f fixture) {
				edit(t, f.exercises, readmeFile, "checks: [lostcancel, durationunit]\n", "")
			},
		},
		{
			name: "Node.js as .mjs, and only one idiom",
			mutate: func(t *testing.T, f fixture) {
				f.exercises[exDir+"/from/firstresponse.mjs"] = f.exercises[exDir+"/from/firstresponse.js"]
				remove(t, f.exercises, exDir+"/from/firstresponse.js")
				remove(t, f.exercises, exDir+"/from/firstresponse.py")
				remove(t, f.exercises, exDir+"/from/Firstresponse.java")
				edit(t, f.exercises, readmeFile, "(from/firstresponse.js)", "(from/firstresponse.mjs)")
			},
			check: func(t *testing.T, c *Course) {
				if from := exercise(t, c).From; len(from) != 1 || from[0].Language != Node || from[0].Name != "firstresponse.mjs" {
					t.Errorf("From = %+v", from)
				}
			},
		},
		{
			name: "more links that resolve",
			mutate: func(t *testing.T, f fixture) {
				f.lessons[lessonFile].Data = append(f.lessons[lessonFile].Data, strings.Join([]string{
					"[a directory](../../exercises/01-basics/first-response/from)",
					"[a sibling](topic.md#top)",
					"![an image](../../exercises/01-basics/first-response/from/firstresponse.py)",
					"[mail](mailto:someone@example.com)",
					"[http](http://localhost:1/nothing.md)",
					"[absolute](/nothing.md)",
					"<https://example.com/autolink.md>",
					"",
				}, "\n")...)
			},
		},
		{
			name:   "topic.md with no body and no final newline",
			mutate: func(t *testing.T, f fixture) { f.lessons[topicFile] = file("---\nid: basics\ntitle: Basics\n---") },
			check: func(t *testing.T, c *Course) {
				if tp, _ := c.Topic("basics"); tp.Intro != "" {
					t.Errorf("Intro = %q, want empty", tp.Intro)
				}
			},
		},
		{
			name: "a body with a thematic break",
			mutate: func(t *testing.T, f fixture) {
				f.lessons[lessonFile].Data = append(f.lessons[lessonFile].Data, "\n---\n\nAfter the break.\n"...)
			},
			check: func(t *testing.T, c *Course) {
				if ls, _ := c.Lesson("basics/first"); !strings.HasSuffix(ls.Body, "\n---\n\nAfter the break.\n") {
					t.Errorf("Body = %q, want the break kept", ls.Body)
				}
			},
		},
		{
			name: "wrong variant with a helper the solution lacks",
			mutate: func(t *testing.T, f fixture) {
				f.exercises[wrongFile] = goFile(exPackage, "func First() string { return helper() }\n\nfunc helper() string { return \"\" }\n")
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := minimalCourse()
			tt.mutate(t, f)
			c := f.load(t)
			if tt.check != nil {
				tt.check(t, c)
			}
		})
	}
}

func exercise(t *testing.T, c *Course) *Exercise {
	t.Helper()
	ex, ok := c.Exercise("basics/first-response")
	if !ok {
		t.Fatal("no exercise basics/first-response")
	}
	return ex
}

func wantTimeout(d time.Duration) func(t *testing.T, c *Course) {
	return func(t *testing.T, c *Course) {
		if got := exercise(t, c).Timeout; got != d {
			t.Errorf("Timeout = %v, want %v", got, d)
		}
	}
}

func TestLoadReportsAllProblemsAtOnce(t *testing.T) {
	f := minimalCourse()
	edit(t, f.lessons, lessonFile, "order: 1", "order: 3")
	edit(t, f.exercises, readmeFile, "checks: [lostcancel, durationunit]", "checks: [lostcancel, nosuchcheck]")
	edit(t, f.exercises, readmeFile, "  - The idea.\n", "")
	f.exercises[exDir+"/notes.txt"] = file("todo\n")

	got := f.problems(t)
	want := []Problem{
		{lessonPath, "order", "is 3"},
		{readmePath, "checks", "nosuchcheck"},
		{readmePath, "hints", "has 1"},
		{exPath + "/notes.txt", "", "unexpected file"},
	}
	if len(got) < len(want) {
		t.Errorf("%d problems, want at least %d:%s", len(got), len(want), problemList(got))
	}
	for _, w := range want {
		if !hasProblem(got, w) {
			t.Errorf("no problem %q among:%s", w.String(), problemList(got))
		}
	}
	// Listed by file, whatever order the checks found them in (the lesson
	// is read first, but exercises/ sorts before lessons/).
	if !slices.IsSortedFunc(got, func(a, b Problem) int { return strings.Compare(a.File, b.File) }) {
		t.Errorf("problems are not sorted by file:%s", problemList(got))
	}
}

// TestLoadFromDisk checks that a course on disk, as accent dev check
// --course reads it, loads exactly as the same course in memory.
func TestLoadFromDisk(t *testing.T) {
	tests := []struct {
		name   string
		mutate func(t *testing.T, f fixture)
	}{
		{"valid", func(t *testing.T, f fixture) {}},
		{"with problems", func(t *testing.T, f fixture) {
			edit(t, f.exercises, readmeFile, "hints:", "hint:")
			edit(t, f.lessons, lessonFile, "order: 1", "order: 2")
			f.exercises[exDir+"/solution/extra.go"] = goFile(exPackage, "")
			f.exercises[exDir+"/wrong/extra/firstresponse.go"] = goFile(exPackage, "")
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := minimalCourse()
			tt.mutate(t, f)
			root := t.TempDir()
			writeFS(t, filepath.Join(root, "lessons"), f.lessons)
			writeFS(t, filepath.Join(root, "exercises"), f.exercises)

			fromMem, memErr := Load(f.lessons, f.exercises)
			fromDisk, diskErr := Load(os.DirFS(filepath.Join(root, "lessons")), os.DirFS(filepath.Join(root, "exercises")))
			if (memErr == nil) != (tt.name == "valid") {
				t.Fatalf("Load from memory: %v", memErr)
			}
			if !reflect.DeepEqual(fromDisk, fromMem) {
				t.Errorf("the course on disk loads differently from the same course in memory")
			}
			if !reflect.DeepEqual(diskErr, memErr) {
				t.Errorf("Load from disk: %v\nLoad from memory: %v", diskErr, memErr)
			}
		})
	}
}

// writeFS writes the files of fsys under dir.
func writeFS(t *testing.T, dir string, fsys fstest.MapFS) {
	t.Helper()
	for name, f := range fsys {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
