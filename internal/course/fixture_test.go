package course

import (
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/accent-go/accent/checker"
)

// fixture is a course under construction: lessons/ and exercises/ as two
// in-memory file systems, as Load takes them.
type fixture struct {
	lessons, exercises fstest.MapFS
}

// Paths in the minimal course, relative to its two file systems.
const (
	topicFile  = "01-basics/topic.md"
	lessonFile = "01-basics/01-first.md"
	exDir      = "01-basics/first-response"
	readmeFile = exDir + "/README.md"
	exPackage  = "firstresponse"
)

// Course paths (as Problems name files) of the minimal course.
const (
	topicPath  = "lessons/" + topicFile
	lessonPath = "lessons/" + lessonFile
	exPath     = "exercises/" + exDir
	readmePath = "exercises/" + readmeFile
)

// minimalCourse returns a valid course: topic basics with lesson
// basics/first, which leads to exercise basics/first-response (with every
// file an exercise has).
func minimalCourse() fixture {
	f := fixture{lessons: fstest.MapFS{}, exercises: fstest.MapFS{}}
	f.topic("01-basics")
	f.lesson("01-basics", 1, "first",
		"Now try [the exercise](../../exercises/01-basics/first-response/README.md); "+
			"the [spec](https://go.dev/ref/spec/no-such-page) is not fetched; [this](#below) is an anchor.\n",
		"basics/first-response")
	f.exercise("01-basics", "first-response", "basics/first",
		"Read [the lesson](../../../lessons/01-basics/01-first.md#select) first, "+
			"then port [the Node code](from/firstresponse.js).\n")
	return f
}

// topic adds lessons/<dir>/topic.md; dir is NN-id.
func (f fixture) topic(dir string) {
	_, id, _ := strings.Cut(dir, "-")
	f.lessons[dir+"/topic.md"] = file(fmt.Sprintf("---\nid: %s\ntitle: Topic %s\n---\n\nAll about %s.\n", id, id, id))
}

// lesson adds lessons/<dir>/NN-<slug>.md, leading to the given exercises.
func (f fixture) lesson(dir string, order int, slug, body string, exercises ...string) {
	_, topic, _ := strings.Cut(dir, "-")
	f.lessons[fmt.Sprintf("%s/%02d-%s.md", dir, order, slug)] = file(fmt.Sprintf(
		"---\nid: %s/%s\ntitle: Lesson %s\ntopic: %s\norder: %d\nexercises: [%s]\n---\n\n# Lesson %s\n\n%s",
		topic, slug, slug, topic, order, strings.Join(exercises, ", "), slug, body))
}

// exercise adds exercises/<dir>/<slug>/ with a README, from/ in all three
// languages, a starter, a test, a solution and the wrong variant
// "unbuffered". The Go files are named after the package.
func (f fixture) exercise(dir, slug, lesson, body string) {
	_, topic, _ := strings.Cut(dir, "-")
	pkg := strings.ReplaceAll(slug, "-", "")
	base := dir + "/" + slug + "/"
	f.exercises[base+"README.md"] = file(fmt.Sprintf(`---
id: %s/%s
title: Exercise %s
topic: %s
lesson: %s
timeout: 5s
checks: [lostcancel, durationunit]
hints:
  - A nudge.
  - The idea.
wrong:
  - name: unbuffered
    expect: test:TestFirstWins
    why: the losers block forever
---

# Exercise %s

%s`, topic, slug, slug, topic, lesson, slug, body))
	f.exercises[base+"from/"+pkg+".js"] = file("const first = await Promise.race(replicas);\n")
	f.exercises[base+"from/"+pkg+".py"] = file("first = await asyncio.wait(replicas)\n")
	f.exercises[base+"from/"+strings.ToUpper(pkg[:1])+pkg[1:]+".java"] = file("var first = pool.invokeAny(replicas);\n")
	f.exercises[base+pkg+".go"] = goFile(pkg, "func First() string { return \"\" }\n")
	f.exercises[base+pkg+"_test.go"] = goFile(pkg, "import \"testing\"\n\nfunc TestFirstWins(t *testing.T) {}\n")
	f.exercises[base+"solution/"+pkg+".go"] = goFile(pkg, "func First() string { return \"first\" }\n")
	f.exercises[base+"wrong/unbuffered/"+pkg+".go"] = goFile(pkg, "func First() string { return \"late\" }\n")
}

// checkerLessons adds the lessons the checker suite links to (in topics
// numbered from 50), each without exercises, and returns their ids.
func (f fixture) checkerLessons() []string {
	var ids []string
	slugs := map[string][]string{}
	for _, c := range checker.All() {
		topic, slug, ok := strings.Cut(c.Lesson, "/")
		if ok && !slices.Contains(slugs[topic], slug) {
			slugs[topic] = append(slugs[topic], slug)
		}
	}
	for i, topic := range slices.Sorted(maps.Keys(slugs)) {
		dir := fmt.Sprintf("%02d-%s", 50+i, topic)
		f.topic(dir)
		slices.Sort(slugs[topic])
		for j, slug := range slugs[topic] {
			f.lesson(dir, j+1, slug, "Linked from the checker suite.\n")
			ids = append(ids, topic+"/"+slug)
		}
	}
	return ids
}

func file(s string) *fstest.MapFile { return &fstest.MapFile{Data: []byte(s)} }

// goFile is an exercise .go file: build constraint, blank line, package.
func goFile(pkg, rest string) *fstest.MapFile {
	return file(BuildTag + "\n\npackage " + pkg + "\n\n" + rest)
}

// edit replaces old by new in one file, and fails the test if old is not
// there, so a case cannot silently stop testing anything.
func edit(t *testing.T, fsys fstest.MapFS, name, old, new string) {
	t.Helper()
	f, ok := fsys[name]
	if !ok {
		t.Fatalf("edit: no file %s", name)
	}
	if !strings.Contains(string(f.Data), old) {
		t.Fatalf("edit: %s does not contain %q:\n%s", name, old, f.Data)
	}
	fsys[name] = file(strings.Replace(string(f.Data), old, new, 1))
}

// remove deletes a file and fails the test if it was not there.
func remove(t *testing.T, fsys fstest.MapFS, name string) {
	t.Helper()
	if _, ok := fsys[name]; !ok {
		t.Fatalf("remove: no file %s", name)
	}
	delete(fsys, name)
}

// lineOf returns the 1-based number of the first line of fsys[name] that
// starts with prefix.
func lineOf(t *testing.T, fsys fstest.MapFS, name, prefix string) int {
	t.Helper()
	for i, line := range strings.Split(string(fsys[name].Data), "\n") {
		if strings.HasPrefix(line, prefix) {
			return i + 1
		}
	}
	t.Fatalf("%s has no line starting with %q", name, prefix)
	return 0
}

// load loads f and fails the test on any problem.
func (f fixture) load(t *testing.T) *Course {
	t.Helper()
	c, err := Load(f.lessons, f.exercises)
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	return c
}

// problems loads f and returns its problems, failing the test if Load
// succeeds or returns anything but a *ProblemsError.
func (f fixture) problems(t *testing.T) []Problem {
	t.Helper()
	c, err := Load(f.lessons, f.exercises)
	if err == nil {
		t.Fatal("Load succeeded, want problems")
	}
	if c != nil {
		t.Errorf("Load returned a course along with the error %v", err)
	}
	var pe *ProblemsError
	if !errors.As(err, &pe) {
		t.Fatalf("Load error is %T (%v), want *ProblemsError", err, err)
	}
	if len(pe.Problems) == 0 {
		t.Fatal("ProblemsError lists no problems")
	}
	return pe.Problems
}

// hasProblem reports whether got has a problem in want.File at want.Field
// whose message contains want.Msg.
func hasProblem(got []Problem, want Problem) bool {
	return slices.ContainsFunc(got, func(p Problem) bool {
		return p.File == want.File && p.Field == want.Field && strings.Contains(p.Msg, want.Msg)
	})
}

func problemList(ps []Problem) string {
	var b strings.Builder
	for _, p := range ps {
		b.WriteString("\n\t" + p.String())
	}
	return b.String()
}
