package course

import (
	"bytes"
	"fmt"
	"go/parser"
	"go/token"
	"io/fs"
	"path"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/accent-go/accent/checker"
	"github.com/accent-go/accent/internal/finding"
)

// BuildTag is the build constraint every exercise .go file starts with, so
// that the project's own `go build ./...` ignores unsolved stubs.
const BuildTag = "//go:build accent"

// DefaultTimeout is an exercise's wall-clock limit when it names none.
const DefaultTimeout = 10 * time.Second

// Problem is one thing wrong with the course, located by file and field.
type Problem struct {
	File  string // course path, e.g. "exercises/02-channels/x/README.md"
	Field string // front matter field or "" for the file as a whole
	Msg   string
}

func (p Problem) String() string {
	if p.Field == "" {
		return p.File + ": " + p.Msg
	}
	return p.File + ": " + p.Field + ": " + p.Msg
}

// ProblemsError lists everything wrong with a course.
type ProblemsError struct{ Problems []Problem }

func (e *ProblemsError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "the course has %d problem(s):", len(e.Problems))
	for _, p := range e.Problems {
		b.WriteString("\n  " + p.String())
	}
	return b.String()
}

type loader struct {
	lessonsFS, exercisesFS fs.FS
	problems               []Problem
	c                      *Course
}

func (l *loader) problem(file, field, format string, args ...any) {
	l.problems = append(l.problems, Problem{File: file, Field: field, Msg: fmt.Sprintf(format, args...)})
}

var (
	topicDirRE  = regexp.MustCompile(`^(\d\d)-([a-z][a-z0-9]*)$`)
	lessonRE    = regexp.MustCompile(`^(\d\d)-([a-z0-9][a-z0-9-]*)\.md$`)
	slugRE      = regexp.MustCompile(`^[a-z][a-z0-9-]*$`)
	fromExtLang = map[string]Language{".js": Node, ".mjs": Node, ".ts": Node, ".py": Python, ".java": Java}
)

// Load parses and validates a course: lessons from one file system (laid
// out as lessons/), exercises from another (laid out as exercises/). Every
// problem found is reported in one *ProblemsError.
func Load(lessons, exercises fs.FS) (*Course, error) {
	l := &loader{lessonsFS: lessons, exercisesFS: exercises, c: &Course{
		lessons:   map[string]*Lesson{},
		exercises: map[string]*Exercise{},
		paths:     map[string]string{},
	}}
	l.loadLessons()
	l.loadExercises()
	l.crossCheck()
	l.order()
	if len(l.problems) > 0 {
		// Some checks walk maps: sort, so the same course lists the same
		// problems in the same order every time.
		slices.SortStableFunc(l.problems, func(a, b Problem) int { return strings.Compare(a.File, b.File) })
		return nil, &ProblemsError{Problems: l.problems}
	}
	return l.c, nil
}

func (l *loader) loadLessons() {
	dirs, err := fs.ReadDir(l.lessonsFS, ".")
	if err != nil {
		l.problem("lessons", "", "cannot read: %v", err)
		return
	}
	for _, d := range dirs {
		if !d.IsDir() {
			continue // lessons.go, README.md
		}
		m := topicDirRE.FindStringSubmatch(d.Name())
		if m == nil {
			l.problem("lessons/"+d.Name(), "", "topic directories are named NN-topic (two digits, a dash, a lowercase word)")
			continue
		}
		order, _ := strconv.Atoi(m[1]) //accent:ignore errignored two digits, matched by topicDirRE
		l.loadTopic(d.Name(), m[2], order)
	}
}

type topicMeta struct {
	ID    string `yaml:"id"`
	Title string `yaml:"title"`
}

func (l *loader) loadTopic(dir, id string, order int) {
	file := "lessons/" + dir + "/topic.md"
	var meta topicMeta
	body, _, ok := l.readMarkdown(l.lessonsFS, dir+"/topic.md", file, &meta)
	if !ok {
		return
	}
	if meta.ID != id {
		l.problem(file, "id", "is %q but the directory says %q", meta.ID, id)
	}
	if meta.Title == "" {
		l.problem(file, "title", "is missing")
	}
	for _, t := range l.c.Topics {
		if t.ID == id {
			l.problem(file, "id", "topic %q is defined twice", id)
			return
		}
	}
	t := &Topic{ID: id, Title: meta.Title, Order: order, Intro: body}
	l.c.Topics = append(l.c.Topics, t)
	l.checkLinks(file, body)

	entries, err := fs.ReadDir(l.lessonsFS, dir)
	if err != nil {
		l.problem("lessons/"+dir, "", "cannot read: %v", err)
		return
	}
	for _, e := range entries {
		if e.Name() == "topic.md" {
			continue
		}
		m := lessonRE.FindStringSubmatch(e.Name())
		if e.IsDir() || m == nil {
			l.problem("lessons/"+dir+"/"+e.Name(), "", "unexpected file: lessons are named NN-slug.md")
			continue
		}
		order, _ := strconv.Atoi(m[1]) //accent:ignore errignored two digits, matched by lessonRE
		l.loadLesson(t, dir+"/"+e.Name(), m[2], order)
	}
}

type lessonMeta struct {
	ID        string   `yaml:"id"`
	Title     string   `yaml:"title"`
	Topic     string   `yaml:"topic"`
	Order     int      `yaml:"order"`
	Exercises []string `yaml:"exercises"`
}

func (l *loader) loadLesson(t *Topic, name, slug string, order int) {
	file := "lessons/" + name
	var meta lessonMeta
	body, line, ok := l.readMarkdown(l.lessonsFS, name, file, &meta)
	if !ok {
		return
	}
	want := t.ID + "/" + slug
	switch {
	case meta.ID == "":
		l.problem(file, "id", "is missing (want %q)", want)
	case meta.ID != want:
		l.problem(file, "id", "is %q but the file name says %q", meta.ID, want)
	}
	if meta.Title == "" {
		l.problem(file, "title", "is missing")
	}
	if meta.Topic != t.ID {
		l.problem(file, "topic", "is %q but the directory says %q", meta.Topic, t.ID)
	}
	if meta.Order != order {
		l.problem(file, "order", "is %d but the file name says %d", meta.Order, order)
	}
	if _, dup := l.c.lessons[meta.ID]; dup {
		l.problem(file, "id", "duplicate lesson id %q", meta.ID)
		return
	}
	ls := &Lesson{ID: meta.ID, Title: meta.Title, Topic: t.ID, Order: order, Exercises: meta.Exercises, Path: file, Body: body, BodyLine: line}
	l.c.lessons[ls.ID] = ls
	l.c.paths[file] = ls.ID
	t.Lessons = append(t.Lessons, ls)
	l.checkLinks(file, body)
}

func (l *loader) loadExercises() {
	dirs, err := fs.ReadDir(l.exercisesFS, ".")
	if err != nil {
		l.problem("exercises", "", "cannot read: %v", err)
		return
	}
	for _, d := range dirs {
		if !d.IsDir() {
			continue // exercises.go, README.md
		}
		m := topicDirRE.FindStringSubmatch(d.Name())
		if m == nil {
			l.problem("exercises/"+d.Name(), "", "topic directories are named NN-topic")
			continue
		}
		entries, err := fs.ReadDir(l.exercisesFS, d.Name())
		if err != nil {
			l.problem("exercises/"+d.Name(), "", "cannot read: %v", err)
			continue
		}
		for _, e := range entries {
			if !e.IsDir() || !slugRE.MatchString(e.Name()) {
				l.problem("exercises/"+d.Name()+"/"+e.Name(), "", "unexpected entry: exercises are directories named by a lowercase slug")
				continue
			}
			l.loadExercise(m[2], d.Name()+"/"+e.Name(), e.Name())
		}
	}
}

type wrongMeta struct {
	Name   string `yaml:"name"`
	Expect string `yaml:"expect"`
	Why    string `yaml:"why"`
	Cheat  bool   `yaml:"cheat"`
}

type requirementMeta struct {
	Says  string   `yaml:"says"`
	Tests []string `yaml:"tests"`
}

type exerciseMeta struct {
	ID      string      `yaml:"id"`
	Title   string      `yaml:"title"`
	Topic   string      `yaml:"topic"`
	Lesson  string      `yaml:"lesson"`
	Timeout string      `yaml:"timeout"`
	Checks  []string    `yaml:"checks"`
	Race    bool        `yaml:"race"`
	NoRace  string      `yaml:"norace"`
	Hints   []string    `yaml:"hints"`
	Wrong   []wrongMeta `yaml:"wrong"`

	Requirements []requirementMeta `yaml:"requirements"`
}

func (l *loader) loadExercise(topic, dir, slug string) {
	base := "exercises/" + dir
	file := base + "/README.md"
	var meta exerciseMeta
	body, line, ok := l.readMarkdown(l.exercisesFS, dir+"/README.md", file, &meta)
	if !ok {
		return
	}
	want := topic + "/" + slug
	switch {
	case meta.ID == "":
		l.problem(file, "id", "is missing (want %q)", want)
	case meta.ID != want:
		l.problem(file, "id", "is %q but the directory says %q", meta.ID, want)
	}
	if meta.Title == "" {
		l.problem(file, "title", "is missing")
	}
	if meta.Topic != topic {
		l.problem(file, "topic", "is %q but the directory says %q", meta.Topic, topic)
	}
	if meta.Lesson == "" {
		l.problem(file, "lesson", "is missing")
	}
	timeout := DefaultTimeout
	if meta.Timeout != "" {
		d, err := time.ParseDuration(meta.Timeout)
		switch {
		case err != nil:
			l.problem(file, "timeout", "%v (write it like 10s)", err)
		case d < time.Second || d > time.Minute:
			l.problem(file, "timeout", "%s is outside 1s..60s", d)
		default:
			timeout = d
		}
	}
	for _, c := range meta.Checks {
		if _, ok := checker.Lookup(c); !ok {
			l.problem(file, "checks", "unknown analyzer %q (accentvet help lists them)", c)
		}
	}
	if len(meta.Hints) < 2 {
		l.problem(file, "hints", "needs at least two tiers (a nudge, then the idea); has %d", len(meta.Hints))
	}
	for i, h := range meta.Hints {
		if strings.TrimSpace(h) == "" {
			l.problem(file, "hints", "tier %d is empty", i+1)
		}
	}
	if _, dup := l.c.exercises[meta.ID]; dup {
		l.problem(file, "id", "duplicate exercise id %q", meta.ID)
		return
	}
	ex := &Exercise{
		ID: meta.ID, Slug: slug, Title: meta.Title, Topic: topic, Lesson: meta.Lesson,
		Timeout: timeout, Checks: meta.Checks, Race: meta.Race, NoRace: meta.NoRace, Hints: meta.Hints,
		Dir: dir, Package: strings.ReplaceAll(slug, "-", ""), Task: body, TaskLine: line,
		Starter: map[string][]byte{}, Tests: map[string][]byte{}, Solution: map[string][]byte{},
	}
	l.readExerciseFiles(ex, base)
	for i, w := range meta.Wrong {
		field := fmt.Sprintf("wrong[%d]", i)
		exp, err := ParseExpect(w.Expect)
		if err != nil {
			l.problem(file, field+".expect", "%v", err)
		}
		if exp.Kind == finding.Race && !meta.Race {
			l.problem(file, field+".expect", "race needs race: true, or the tests do not run with -race")
		}
		if exp.Kind == finding.Analyzer {
			if _, ok := checker.Lookup(exp.Detail); !ok {
				l.problem(file, field+".expect", "unknown analyzer %q", exp.Detail)
			} else if !slices.Contains(meta.Checks, exp.Detail) {
				l.problem(file, field+".expect", "analyzer %q is not in checks, so grading would not run it", exp.Detail)
			}
		}
		if strings.TrimSpace(w.Why) == "" {
			l.problem(file, field+".why", "is missing: say what a careless port got wrong")
		}
		files := l.readGoDir(ex, dir+"/wrong/"+w.Name, base+"/wrong/"+w.Name)
		if len(files) == 0 {
			l.problem(file, field+".name", "wrong/%s has no .go files", w.Name)
		}
		for name := range files {
			if _, ok := ex.Solution[name]; !ok {
				l.problem(base+"/wrong/"+w.Name+"/"+name, "", "replaces no solution file (the solution has %s)", strings.Join(sortedKeys(ex.Solution), ", "))
			}
		}
		ex.Wrong = append(ex.Wrong, Wrong{Name: w.Name, Expect: exp, Why: w.Why, Cheat: w.Cheat, Files: files})
	}
	if len(meta.Wrong) == 0 {
		l.problem(file, "wrong", "needs at least one known-wrong variant")
	}
	l.checkWrongDirs(ex, dir, base, meta.Wrong)
	if meta.Race && meta.NoRace != "" {
		l.problem(file, "norace", "says why the tests run without -race, but race is true")
	}
	l.loadRequirements(ex, file, meta.Requirements)
	l.c.exercises[ex.ID] = ex
	l.c.paths[file] = ex.ID
	l.c.paths[base] = ex.ID
	l.checkLinks(file, body)
}

// readExerciseFiles reads starter, tests, from/ and solution/.
func (l *loader) readExerciseFiles(ex *Exercise, base string) {
	entries, err := fs.ReadDir(l.exercisesFS, ex.Dir)
	if err != nil {
		l.problem(base, "", "cannot read: %v", err)
		return
	}
	for _, e := range entries {
		name := e.Name()
		switch {
		case name == "README.md":
		case e.IsDir() && (name == "from" || name == "solution" || name == "wrong"):
		case !e.IsDir() && strings.HasSuffix(name, "_test.go"):
			if b, ok := l.readGo(ex, ex.Dir+"/"+name, base+"/"+name); ok {
				ex.Tests[name] = b
			}
		case !e.IsDir() && strings.HasSuffix(name, ".go"):
			if b, ok := l.readGo(ex, ex.Dir+"/"+name, base+"/"+name); ok {
				ex.Starter[name] = b
			}
		default:
			l.problem(base+"/"+name, "", "unexpected file (an exercise has README.md, from/, *.go, *_test.go, solution/, wrong/)")
		}
	}
	if len(ex.Starter) == 0 {
		l.problem(base, "", "missing starting code: no non-test .go file")
	}
	if len(ex.Tests) == 0 {
		l.problem(base, "", "missing tests: no _test.go file")
	}
	for name, b := range ex.Tests {
		if bytes.Contains(b, []byte("func TestMain(")) {
			l.problem(base+"/"+name, "", "defines TestMain; accent injects its own to check for leaked goroutines")
		}
	}
	ex.Solution = l.readGoDir(ex, ex.Dir+"/solution", base+"/solution")
	for name := range ex.Starter {
		if _, ok := ex.Solution[name]; !ok {
			l.problem(base+"/solution/"+name, "", "missing: every starting file needs its solution")
		}
	}
	for name := range ex.Solution {
		if _, ok := ex.Starter[name]; !ok {
			l.problem(base+"/solution/"+name, "", "has no starting file of the same name")
		}
	}
	l.readFrom(ex, base)
}

func (l *loader) readFrom(ex *Exercise, base string) {
	entries, err := fs.ReadDir(l.exercisesFS, ex.Dir+"/from")
	if err != nil {
		l.problem(base+"/from", "", "missing: the idiom in Node.js, Python and Java")
		return
	}
	seen := map[Language]string{}
	for _, e := range entries {
		lang, ok := fromExtLang[path.Ext(e.Name())]
		if e.IsDir() || !ok {
			l.problem(base+"/from/"+e.Name(), "", "unexpected file: from/ holds one .js/.mjs/.ts, one .py and one .java file")
			continue
		}
		if prev, dup := seen[lang]; dup {
			l.problem(base+"/from/"+e.Name(), "", "second %s file (first: %s)", lang.Title(), prev)
			continue
		}
		seen[lang] = e.Name()
		b, err := fs.ReadFile(l.exercisesFS, ex.Dir+"/from/"+e.Name())
		if err != nil {
			l.problem(base+"/from/"+e.Name(), "", "cannot read: %v", err)
			continue
		}
		ex.From = append(ex.From, Source{Language: lang, Name: e.Name(), Code: string(b)})
	}
	if len(ex.From) == 0 {
		l.problem(base+"/from", "", "is empty: port at least one idiom")
	}
	sort.Slice(ex.From, func(i, j int) bool {
		return slices.Index(Languages, ex.From[i].Language) < slices.Index(Languages, ex.From[j].Language)
	})
}

// checkWrongDirs reports wrong/ directories no front matter entry names.
func (l *loader) checkWrongDirs(ex *Exercise, dir, base string, wrong []wrongMeta) {
	entries, err := fs.ReadDir(l.exercisesFS, dir+"/wrong")
	if err != nil {
		return // reported through the front matter entries
	}
	for _, e := range entries {
		named := slices.ContainsFunc(wrong, func(w wrongMeta) bool { return w.Name == e.Name() })
		if !named {
			l.problem(base+"/wrong/"+e.Name(), "", "not listed under wrong: in README.md")
		}
	}
}

func (l *loader) readGoDir(ex *Exercise, dir, display string) map[string][]byte {
	files := map[string][]byte{}
	entries, err := fs.ReadDir(l.exercisesFS, dir)
	if err != nil {
		l.problem(display, "", "missing")
		return files
	}
	for _, e := range entries {
		if e.IsDir() || !strings.HasSuffix(e.Name(), ".go") || strings.HasSuffix(e.Name(), "_test.go") {
			l.problem(display+"/"+e.Name(), "", "unexpected entry: only non-test .go files belong here")
			continue
		}
		if b, ok := l.readGo(ex, dir+"/"+e.Name(), display+"/"+e.Name()); ok {
			files[e.Name()] = b
		}
	}
	return files
}

// readGo reads one exercise .go file, checks its build constraint and
// package name, and returns it with the constraint stripped.
func (l *loader) readGo(ex *Exercise, name, display string) ([]byte, bool) {
	b, err := fs.ReadFile(l.exercisesFS, name)
	if err != nil {
		l.problem(display, "", "cannot read: %v", err)
		return nil, false
	}
	stripped, ok := StripBuildTag(b)
	if !ok {
		l.problem(display, "", "must start with %q and a blank line", BuildTag)
		return nil, false
	}
	f, err := parser.ParseFile(token.NewFileSet(), display, stripped, parser.PackageClauseOnly)
	if err != nil {
		l.problem(display, "", "%v", err)
		return nil, false
	}
	if f.Name.Name != ex.Package {
		l.problem(display, "", "package %s, but the exercise's package is %s (the slug without dashes; tests too)", f.Name.Name, ex.Package)
	}
	return stripped, true
}

// StripBuildTag removes the leading accent build constraint (and the blank
// line after it). ok is false if the file does not start with it.
func StripBuildTag(b []byte) (stripped []byte, ok bool) {
	rest, found := bytes.CutPrefix(b, []byte(BuildTag+"\n"))
	if !found {
		return b, false
	}
	rest, _ = bytes.CutPrefix(rest, []byte("\n"))
	return rest, true
}

// crossCheck checks references between lessons and exercises.
func (l *loader) crossCheck() {
	for _, ls := range l.c.lessons {
		for _, id := range ls.Exercises {
			ex, ok := l.c.exercises[id]
			switch {
			case !ok:
				l.problem(ls.Path, "exercises", "no exercise %q", id)
			case ex.Lesson != ls.ID:
				l.problem(ls.Path, "exercises", "lists %q, whose lesson is %q", id, ex.Lesson)
			}
		}
	}
	for _, ex := range l.c.exercises {
		file := "exercises/" + ex.Dir + "/README.md"
		ls, ok := l.c.lessons[ex.Lesson]
		switch {
		case ex.Lesson == "":
		case !ok:
			l.problem(file, "lesson", "no lesson %q", ex.Lesson)
		case !slices.Contains(ls.Exercises, ex.ID):
			l.problem(file, "lesson", "%s does not list this exercise under exercises:", ex.Lesson)
		}
		if _, ok := l.c.Topic(ex.Topic); !ok && ex.Topic != "" {
			l.problem(file, "topic", "no topic %q under lessons/", ex.Topic)
		}
	}
}

// AnalyzerLessons checks that every lesson the checker's analyzers link to
// exists in the course (the built-in course must hold them all).
func AnalyzerLessons(c *Course) []Problem {
	var out []Problem
	for _, ch := range checker.All() {
		if _, ok := c.lessons[ch.Lesson]; ch.Lesson != "" && !ok {
			out = append(out, Problem{File: "checker/suite.go", Field: ch.Analyzer.Name,
				Msg: fmt.Sprintf("links lesson %q, which does not exist", ch.Lesson)})
		}
	}
	return out
}

// order sorts topics, lessons and exercises into teaching order.
func (l *loader) order() {
	sort.Slice(l.c.Topics, func(i, j int) bool { return l.c.Topics[i].Order < l.c.Topics[j].Order })
	placed := map[string]bool{}
	for _, t := range l.c.Topics {
		sort.Slice(t.Lessons, func(i, j int) bool { return t.Lessons[i].Order < t.Lessons[j].Order })
		for _, ls := range t.Lessons {
			l.c.Lessons = append(l.c.Lessons, ls)
			for _, id := range ls.Exercises {
				if ex, ok := l.c.exercises[id]; ok && !placed[id] && ex.Topic == t.ID {
					placed[id] = true
					t.Exercises = append(t.Exercises, ex)
				}
			}
		}
		var rest []*Exercise
		for _, ex := range l.c.exercises {
			if ex.Topic == t.ID && !placed[ex.ID] {
				rest = append(rest, ex)
			}
		}
		sort.Slice(rest, func(i, j int) bool { return rest[i].ID < rest[j].ID })
		t.Exercises = append(t.Exercises, rest...)
		for _, ex := range t.Exercises {
			placed[ex.ID] = true
		}
		l.c.Exercises = append(l.c.Exercises, t.Exercises...)
	}
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// loadRequirements reads the map from the README's promises to the tests
// that prove them: every requirement says something and names at least one
// test that the exercise's test files define.
func (l *loader) loadRequirements(ex *Exercise, file string, reqs []requirementMeta) {
	defined := map[string]bool{}
	for _, b := range ex.Tests {
		for _, m := range testFuncRE.FindAllSubmatch(b, -1) {
			defined[string(m[1])] = true
		}
	}
	for i, r := range reqs {
		field := fmt.Sprintf("requirements[%d]", i)
		if strings.TrimSpace(r.Says) == "" {
			l.problem(file, field+".says", "is missing: quote or paraphrase the README's promise")
		}
		if len(r.Tests) == 0 {
			l.problem(file, field+".tests", "names no test: which test fails if this promise is broken?")
		}
		for _, t := range r.Tests {
			if !defined[t] {
				l.problem(file, field+".tests", "%s is not a test of this exercise", t)
			}
		}
		ex.Requirements = append(ex.Requirements, Requirement{Says: r.Says, Tests: r.Tests})
	}
}

var testFuncRE = regexp.MustCompile(`(?m)^func (Test\w*)\(\w+ \*testing\.T\)`)
