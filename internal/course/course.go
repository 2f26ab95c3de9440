// Package course parses and validates accent's course (topics, lessons and
// exercises) from an fs.FS, so the embedded course and a course on disk are
// read by the same code.
package course

import (
	"github.com/accent-go/accent/exercises"
	"github.com/accent-go/accent/internal/finding"
	"github.com/accent-go/accent/lessons"

	"fmt"
	"slices"
	"sort"
	"strings"
	"time"
)

// Topic is one of the course's subjects, from lessons/NN-topic/topic.md.
type Topic struct {
	ID        string
	Title     string
	Order     int
	Intro     string // Markdown body of topic.md
	Lessons   []*Lesson
	Exercises []*Exercise
}

// Lesson is one Markdown lesson, lessons/NN-topic/NN-slug.md.
type Lesson struct {
	ID        string
	Title     string
	Topic     string
	Order     int
	Exercises []string // ids of the exercises it leads to
	Path      string   // course path, e.g. "lessons/01-goroutines/01-wait-for-all.md"
	Body      string   // Markdown without front matter
	BodyLine  int      // the line of the file Body starts on (1-based)
}

// Language is a language learners come from.
type Language string

// The source languages a from/ file can be written in.
const (
	Node   Language = "node"
	Python Language = "python"
	Java   Language = "java"
)

// Languages lists the source languages in display order.
var Languages = []Language{Node, Python, Java}

// Title is the language's display name.
func (l Language) Title() string {
	switch l {
	case Node:
		return "Node.js"
	case Python:
		return "Python"
	case Java:
		return "Java"
	}
	return string(l)
}

// Source is the idiom an exercise ports, in one source language.
type Source struct {
	Language Language
	Name     string // file name under from/
	Code     string
}

// Exercise is one exercise directory, exercises/NN-topic/slug/.
type Exercise struct {
	ID      string
	Slug    string
	Title   string
	Topic   string
	Lesson  string
	Timeout time.Duration
	Checks  []string // analyzers that must report nothing
	Race    bool
	NoRace  string // why the tests need not run with -race, when Race is false
	Hints   []string
	Wrong   []Wrong

	// Requirements maps each promise of the README to the tests that
	// prove it.
	Requirements []Requirement

	Dir     string // directory in the exercises FS, e.g. "02-channels/first-response"
	Package string // Go package name of the exercise
	Task    string // README body (Markdown, no front matter)
	// TaskLine is the line of README.md that Task starts on (1-based).
	TaskLine int
	From     []Source

	// Go files, keyed by base name, with the accent build constraint
	// removed: what the learner's workspace holds.
	Starter  map[string][]byte
	Tests    map[string][]byte
	Solution map[string][]byte
}

// Requirement is one promise of an exercise's README and the tests that
// fail when code breaks it.
type Requirement struct {
	Says  string
	Tests []string
}

// Wrong is a known-wrong variant of an exercise's solution.
type Wrong struct {
	Name   string
	Expect Expect
	Why    string
	Cheat  bool              // a cheat that a naive test would pass
	Files  map[string][]byte // replace the solution's files of the same name
}

// Files returns the full set of non-test files of the variant: the
// solution with the variant's files laid over it.
func (w Wrong) SourceFiles(ex *Exercise) map[string][]byte {
	files := make(map[string][]byte, len(ex.Solution))
	for name, b := range ex.Solution {
		files[name] = b
	}
	for name, b := range w.Files {
		files[name] = b
	}
	return files
}

// Expect names the finding that must catch a wrong variant: a finding kind,
// optionally narrowed by a detail (the analyzer or the test name). It is
// written as the finding's label: "leak", "analyzer:lostcancel",
// "test:TestFirstWins".
type Expect struct {
	Kind   finding.Kind // one of ExpectKinds
	Detail string       // analyzer name for finding.Analyzer, test name for finding.Test
}

func (e Expect) String() string { return finding.Label(e.Kind, e.Detail) }

// Catches reports whether a finding of kind k, named name (its analyzer or
// its test), is one that e expects: the same kind and, if e names one, the
// same analyzer, or the same test or one of its subtests.
func (e Expect) Catches(k finding.Kind, name string) bool {
	switch {
	case k != e.Kind:
		return false
	case e.Detail == "":
		return true
	case k == finding.Analyzer:
		return name == e.Detail
	case k == finding.Test:
		return name == e.Detail || strings.HasPrefix(name, e.Detail+"/")
	}
	return false
}

// ExpectKinds are the finding kinds a wrong variant may expect.
var ExpectKinds = []finding.Kind{
	finding.Compile, finding.Analyzer, finding.Test, finding.Leak,
	finding.Deadlock, finding.Timeout, finding.Panic, finding.Race,
}

// ParseExpect parses "kind" or "kind:detail".
func ParseExpect(s string) (Expect, error) {
	kind, detail := finding.ParseLabel(strings.TrimSpace(s))
	switch {
	case !slices.Contains(ExpectKinds, kind):
		words := make([]string, len(ExpectKinds))
		for i, k := range ExpectKinds {
			words[i] = string(k)
		}
		return Expect{}, fmt.Errorf("unknown finding kind %q (want one of %s)", kind, strings.Join(words, ", "))
	case kind == finding.Analyzer && detail == "":
		return Expect{}, fmt.Errorf("%q needs an analyzer name, as in analyzer:lostcancel", s)
	case detail != "" && !kind.Named():
		return Expect{}, fmt.Errorf("%q: only analyzer: and test: take a name", s)
	}
	return Expect{Kind: kind, Detail: detail}, nil
}

// Course is the whole parsed course, in teaching order.
type Course struct {
	Topics    []*Topic
	Lessons   []*Lesson
	Exercises []*Exercise

	lessons   map[string]*Lesson
	exercises map[string]*Exercise
	paths     map[string]string // course path -> lesson or exercise id
}

// Lesson returns the lesson with the given id.
func (c *Course) Lesson(id string) (*Lesson, bool) {
	l, ok := c.lessons[id]
	return l, ok
}

// Exercise returns the exercise with the given id.
func (c *Course) Exercise(id string) (*Exercise, bool) {
	e, ok := c.exercises[id]
	return e, ok
}

// Topic returns the topic with the given id.
func (c *Course) Topic(id string) (*Topic, bool) {
	for _, t := range c.Topics {
		if t.ID == id {
			return t, true
		}
	}
	return nil, false
}

// Resolve maps a course path (as a relative link resolves to, e.g.
// "exercises/02-channels/first-response/README.md") to the lesson or
// exercise id it names.
func (c *Course) Resolve(coursePath string) (id string, ok bool) {
	id, ok = c.paths[coursePath]
	return id, ok
}

// Next returns the exercise after id in course order, or nil at the end.
func (c *Course) Next(id string) *Exercise {
	for i, e := range c.Exercises {
		if e.ID == id && i+1 < len(c.Exercises) {
			return c.Exercises[i+1]
		}
	}
	return nil
}

// UnknownIDError is returned for an id that names nothing in the course; it
// suggests close matches.
type UnknownIDError struct {
	What    string // "exercise" or "lesson"
	ID      string
	Similar []string
}

func (e *UnknownIDError) Error() string {
	msg := fmt.Sprintf("no %s %q in the course", e.What, e.ID)
	if len(e.Similar) > 0 {
		msg += "; did you mean " + strings.Join(e.Similar, " or ") + "?"
	}
	return msg + " (accent list shows them all)"
}

// FindExercise looks an exercise up by id, or by a unique slug, and returns
// an *UnknownIDError otherwise.
func (c *Course) FindExercise(id string) (*Exercise, error) {
	if e, ok := c.exercises[id]; ok {
		return e, nil
	}
	var ids []string
	for _, e := range c.Exercises {
		ids = append(ids, e.ID)
	}
	if m := bySlug(ids, id); len(m) == 1 {
		return c.exercises[m[0]], nil
	}
	return nil, &UnknownIDError{What: "exercise", ID: id, Similar: similar(ids, id)}
}

// FindLesson looks a lesson up by id, or by a unique slug.
func (c *Course) FindLesson(id string) (*Lesson, error) {
	if l, ok := c.lessons[id]; ok {
		return l, nil
	}
	var ids []string
	for _, l := range c.Lessons {
		ids = append(ids, l.ID)
	}
	if m := bySlug(ids, id); len(m) == 1 {
		return c.lessons[m[0]], nil
	}
	return nil, &UnknownIDError{What: "lesson", ID: id, Similar: similar(ids, id)}
}

func bySlug(ids []string, slug string) []string {
	var out []string
	for _, id := range ids {
		if _, s, _ := strings.Cut(id, "/"); s == slug {
			out = append(out, id)
		}
	}
	return out
}

// similar returns the ids that contain the query or share its slug prefix.
func similar(ids []string, q string) []string {
	q = strings.ToLower(q)
	var out []string
	for _, id := range ids {
		_, slug, _ := strings.Cut(id, "/")
		if q != "" && (strings.Contains(id, q) || strings.Contains(q, slug) ||
			(len(q) >= 3 && strings.HasPrefix(slug, q[:3]))) {
			out = append(out, id)
		}
	}
	sort.Strings(out)
	if len(out) > 3 {
		out = out[:3]
	}
	return out
}

// Embedded loads the course built into the binary.
func Embedded() (*Course, error) {
	return Load(lessons.FS, exercises.FS)
}
