package course

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/scanner"
	"go/token"
	"slices"
	"strconv"
	"strings"

	mdast "github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
)

// The course rules: what `accent dev check` enforces beyond what Load
// needs to serve the course. A course that breaks them still loads (a
// learner can use it), but the course check fails.

// Minimums of the exercise rules.
const (
	MinWrongVariants = 3 // known-wrong variants per exercise
	// MinLeakRun is the number of consecutive non-trivial solution lines a
	// lesson code block may not repeat: one line is an idiom, three in a
	// row are the answer.
	MinLeakRun = 3
	// MinCodeLen is the length, in characters of the normalised line
	// (tokens only, spaces only where Go needs them), from which a code
	// line counts as giving something away. Shorter lines are the idioms
	// every concurrent Go file has and a hint may name: `}`, `return nil`,
	// `wg.Wait()`, `defer cancel()`, `defer mu.Unlock()`, `close(out)`,
	// `case <-ctx.Done():` (17). From 18 on, a line says how this solution
	// does it: `answers := make(chan string, len(replicas))`,
	// `ctx, cancel := context.WithTimeout(ctx, d)`, `var wg sync.WaitGroup`.
	MinCodeLen = 18
)

// RuleReport is the outcome of the course rules, with what they looked at.
type RuleReport struct {
	Problems       []Problem
	Exercises      int // exercises checked (wrong variants, requirements, race)
	HintsScanned   int // hint tiers compared with their exercise's solution
	LessonsScanned int // lessons whose code blocks were compared with the solutions they lead to
	LessonBlocks   int // code blocks in those lessons
}

// Rules checks the course rules on the given exercises (their hints,
// wrong variants, requirements and race setting) and lessons (their code
// blocks against the solutions of the exercises they lead to), and on the
// markers of every Go block of both.
func Rules(c *Course, exercises []*Exercise, lessons []*Lesson) RuleReport {
	var r RuleReport
	add := func(file, field, format string, args ...any) {
		r.Problems = append(r.Problems, Problem{File: file, Field: field, Msg: fmt.Sprintf(format, args...)})
	}
	for _, ex := range exercises {
		r.Exercises++
		file := "exercises/" + ex.Dir + "/README.md"
		checkVariants(ex, file, add)
		checkRace(ex, file, add)
		sol := solutionLines(ex)
		for i, h := range ex.Hints {
			if i == len(ex.Hints)-1 {
				break // the last tier may show the answer
			}
			r.HintsScanned++
			for _, m := range hintLeaks(h, sol) {
				add(file, fmt.Sprintf("hints[%d]", i), "tier %d of %d gives away %s", i+1, len(ex.Hints), m)
			}
		}
		for _, b := range goOnly(CodeBlocks(file, ex.Task, ex.TaskLine)) {
			checkMarker(b, add)
		}
	}
	for _, l := range lessons {
		blocks := CodeBlocks(l.Path, l.Body, l.BodyLine)
		r.LessonsScanned++
		r.LessonBlocks += len(blocks)
		for _, b := range goOnly(blocks) {
			checkMarker(b, add)
		}
		for _, id := range l.Exercises {
			ex, ok := c.Exercise(id)
			if !ok {
				continue // Load reports it
			}
			sol := solutionLines(ex)
			for _, b := range blocks {
				if b.Lang != "go" && b.Lang != "" {
					continue
				}
				for _, run := range lessonLeaks(b, sol) {
					add(l.Path, "", "the code block at line %d prints the solution of %s: %s", b.Line, id, run)
				}
			}
		}
	}
	return r
}

func checkVariants(ex *Exercise, file string, add func(file, field, format string, args ...any)) {
	if n := len(ex.Wrong); n < MinWrongVariants {
		add(file, "wrong", "has %d known-wrong variant(s), needs at least %d: the cheats and careless ports the tests must catch", n, MinWrongVariants)
	}
	if !slices.ContainsFunc(ex.Wrong, func(w Wrong) bool { return w.Cheat }) {
		add(file, "wrong", "no variant is marked cheat: true; add a cheat that a naive test would pass, and the test that catches it")
	}
	if len(ex.Requirements) == 0 {
		add(file, "requirements", "is missing: map every promise of the task to the tests that prove it")
	}
}

func checkRace(ex *Exercise, file string, add func(file, field, format string, args ...any)) {
	if ex.Race || strings.TrimSpace(ex.NoRace) != "" {
		return
	}
	if where := startsGoroutines(ex.Solution); where != "" {
		add(file, "race", "the solution starts goroutines (%s), but the tests run without -race: set race: true, or say why -race is not needed in norace:", where)
	} else if where := startsGoroutines(ex.Tests); where != "" {
		// The tests run the learner's code from several goroutines: a
		// solution without the lock or the atomic would pass without -race.
		add(file, "race", "the tests start goroutines (%s), so the learner's code runs concurrently, but the tests run without -race: set race: true, or say why -race is not needed in norace:", where)
	}
}

func checkMarker(b CodeBlock, add func(file, field, format string, args ...any)) {
	switch b.Marker {
	case "", MarkWrong, MarkFragment:
	default:
		add(b.File, "", "the code block at line %d is marked %q: a Go block is plain ```go, ```go %s or ```go %s", b.Line, b.Marker, MarkWrong, MarkFragment)
	}
}

// startsGoroutines returns where the first of the files (in name order)
// starts a goroutine, as "name:line: what", or "" if none does: a go
// statement, a Go method call (sync.WaitGroup.Go, errgroup.Group.Go,
// conc pools), or time.AfterFunc / context.AfterFunc, whose function runs
// in a goroutine of its own.
func startsGoroutines(files map[string][]byte) string {
	for _, name := range sortedKeys(files) {
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, name, files[name], parser.SkipObjectResolution)
		if err != nil {
			continue // the grader reports it
		}
		local := map[string]string{} // local package name -> import path, for time and context
		for _, imp := range f.Imports {
			p, err := strconv.Unquote(imp.Path.Value)
			if err != nil || (p != "time" && p != "context") {
				continue
			}
			n := p
			if imp.Name != nil {
				n = imp.Name.Name
			}
			local[n] = p
		}
		var where string
		ast.Inspect(f, func(n ast.Node) bool {
			if where != "" {
				return false
			}
			switch n := n.(type) {
			case *ast.GoStmt:
				where = fmt.Sprintf("%s:%d: go statement", name, fset.Position(n.Pos()).Line)
			case *ast.CallExpr:
				sel, ok := n.Fun.(*ast.SelectorExpr)
				if !ok {
					break
				}
				if sel.Sel.Name == "Go" {
					where = fmt.Sprintf("%s:%d: %s", name, fset.Position(n.Pos()).Line, exprString(sel))
				}
				if id, ok := sel.X.(*ast.Ident); ok && sel.Sel.Name == "AfterFunc" && local[id.Name] != "" {
					where = fmt.Sprintf("%s:%d: %s.AfterFunc", name, fset.Position(n.Pos()).Line, local[id.Name])
				}
			}
			return true
		})
		if where != "" {
			return where
		}
	}
	return ""
}

func exprString(sel *ast.SelectorExpr) string {
	if id, ok := sel.X.(*ast.Ident); ok {
		return id.Name + "." + sel.Sel.Name
	}
	return "." + sel.Sel.Name
}

// codeLine is one normalised line of Go code: its tokens, without
// comments, and where it comes from.
type codeLine struct {
	where string   // "solution/x.go:12"
	line  int      // 12
	toks  []string // the line's tokens
	norm  string   // the tokens joined, with a space only between words
}

func (l codeLine) String() string { return fmt.Sprintf("%s `%s`", l.where, l.norm) }

// nontrivial reports whether the line is long enough to give something away.
func (l codeLine) nontrivial() bool { return len(l.norm) >= MinCodeLen }

// goLines splits Go source into normalised lines, dropping comments and
// blank lines. It never fails: what the scanner cannot read is skipped, so
// that fragments and prose can be compared too.
func goLines(where string, src string) []codeLine {
	fset := token.NewFileSet()
	f := fset.AddFile("", -1, len(src))
	var s scanner.Scanner
	s.Init(f, []byte(src), func(token.Position, string) {}, 0)
	var out []codeLine
	cur := -1
	for {
		pos, tok, lit := s.Scan()
		if tok == token.EOF {
			break
		}
		if tok == token.SEMICOLON && lit == "\n" || tok == token.ILLEGAL {
			continue // an automatic semicolon
		}
		line := fset.Position(pos).Line
		if cur < 0 || out[cur].where != fmt.Sprintf("%s:%d", where, line) {
			out = append(out, codeLine{where: fmt.Sprintf("%s:%d", where, line), line: line})
			cur = len(out) - 1
		}
		text := lit
		if text == "" {
			text = tok.String()
		}
		out[cur].toks = append(out[cur].toks, text)
	}
	for i := range out {
		out[i].norm = joinTokens(out[i].toks)
	}
	return out
}

// joinTokens joins tokens with a space only where two words meet.
func joinTokens(toks []string) string {
	var b strings.Builder
	for i, t := range toks {
		if i > 0 && isWord(toks[i-1]) && isWord(t) {
			b.WriteByte(' ')
		}
		b.WriteString(t)
	}
	return b.String()
}

func isWord(t string) bool {
	c := t[len(t)-1]
	return c == '_' || c == '"' || c == '`' || c == '\'' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80
}

// solutionLines returns the normalised lines of the exercise's solution
// that the learner has to write: not the package clause, imports, or lines
// the starting code already has.
func solutionLines(ex *Exercise) []codeLine {
	given := map[string]bool{}
	for name, b := range ex.Starter {
		for _, l := range goLines(name, string(b)) {
			given[l.norm] = true
		}
	}
	var out []codeLine
	for _, name := range sortedKeys(ex.Solution) {
		skip := headerLines(ex.Solution[name])
		for _, l := range goLines("solution/"+name, string(ex.Solution[name])) {
			if !given[l.norm] && !skip[l.line] {
				out = append(out, l)
			}
		}
	}
	return out
}

// headerLines returns the lines of a Go file's package clause and imports.
func headerLines(src []byte) map[int]bool {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "", src, parser.ImportsOnly|parser.SkipObjectResolution)
	if err != nil {
		return nil
	}
	lines := map[int]bool{fset.Position(f.Package).Line: true}
	for _, d := range f.Decls {
		for l := fset.Position(d.Pos()).Line; l <= fset.Position(d.End()).Line; l++ {
			lines[l] = true
		}
	}
	return lines
}

// hintLeaks returns the solution lines a hint gives away, described: a
// non-trivial solution line that the hint's text contains, or a
// non-trivial piece of code in the hint (a code span or a line of a code
// block) that is part of a solution line.
func hintLeaks(hint string, sol []codeLine) []string {
	var out []string
	seen := map[string]bool{}
	report := func(s string) {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	// The whole hint as one line of tokens: backticks go (they would start
	// raw strings) and so do apostrophes of prose ("don't").
	prose := strings.NewReplacer("`", " ", "'", " ", "\n", " ").Replace(hint)
	var all []string
	for _, l := range goLines("hint", prose) {
		all = append(all, l.toks...)
	}
	for _, s := range sol {
		if s.nontrivial() && containsRun(all, s.toks) {
			report(fmt.Sprintf("solution line %s", s))
		}
	}
	for _, code := range hintCode(hint) {
		for _, h := range goLines("hint", code) {
			if !h.nontrivial() || bareName(h.toks) {
				continue // naming an API (`context.WithoutCancel`) is the idea, not the answer
			}
			for _, s := range sol {
				if containsRun(s.toks, h.toks) && !seen["solution line "+s.String()] {
					report(fmt.Sprintf("`%s`, part of solution line %s", h.norm, s))
				}
			}
		}
	}
	return out
}

// bareName reports whether tokens are only a name or a selector chain,
// such as sync.OnceValues.
func bareName(toks []string) bool {
	for i, t := range toks {
		if (i%2 == 1) != (t == ".") || i%2 == 0 && !token.IsIdentifier(t) {
			return false
		}
	}
	return len(toks)%2 == 1
}

// containsRun reports whether needle occurs in haystack as a contiguous run.
func containsRun(haystack, needle []string) bool {
	if len(needle) == 0 {
		return false
	}
	for i := 0; i+len(needle) <= len(haystack); i++ {
		if slices.Equal(haystack[i:i+len(needle)], needle) {
			return true
		}
	}
	return false
}

// hintCode returns the code spans and code blocks of a hint's Markdown.
func hintCode(hint string) []string {
	src := []byte(hint)
	doc := plainMD.Parser().Parse(text.NewReader(src))
	var out []string
	//accent:ignore errignored the walker below never returns an error
	_ = mdast.Walk(doc, func(n mdast.Node, entering bool) (mdast.WalkStatus, error) {
		if !entering {
			return mdast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *mdast.CodeSpan:
			var b strings.Builder
			for c := n.FirstChild(); c != nil; c = c.NextSibling() {
				if t, ok := c.(*mdast.Text); ok {
					b.Write(t.Segment.Value(src))
				}
			}
			out = append(out, b.String())
			return mdast.WalkSkipChildren, nil
		case *mdast.FencedCodeBlock, *mdast.CodeBlock:
			var b strings.Builder
			lines := n.Lines()
			for i := range lines.Len() {
				seg := lines.At(i)
				b.Write(seg.Value(src))
			}
			out = append(out, b.String())
			return mdast.WalkSkipChildren, nil
		}
		return mdast.WalkContinue, nil
	})
	return out
}

// lessonLeaks returns the runs of at least MinLeakRun consecutive
// non-trivial lines that a lesson code block shares with the solution,
// described.
func lessonLeaks(b CodeBlock, sol []codeLine) []string {
	var block, ref []codeLine
	for _, l := range goLines(fmt.Sprintf("%s:%d", b.File, b.Line), b.Code) {
		if l.nontrivial() {
			block = append(block, l)
		}
	}
	for _, l := range sol {
		if l.nontrivial() {
			ref = append(ref, l)
		}
	}
	var out []string
	// The longest run ending at each pair; report maximal runs only.
	run := make([][]int, len(block)+1)
	for i := range run {
		run[i] = make([]int, len(ref)+1)
	}
	for i := 1; i <= len(block); i++ {
		for j := 1; j <= len(ref); j++ {
			if block[i-1].norm == ref[j-1].norm {
				run[i][j] = run[i-1][j-1] + 1
			}
		}
	}
	for i := 1; i <= len(block); i++ {
		for j := 1; j <= len(ref); j++ {
			n := run[i][j]
			maximal := i == len(block) || j == len(ref) || run[i+1][j+1] == 0
			if n >= MinLeakRun && maximal {
				first, last := ref[j-n], ref[j-1]
				out = append(out, fmt.Sprintf("%d lines in a row of %s to %d (block line %d `%s` ...)",
					n, first.where, last.line, b.Line+block[i-n].line-1, first.norm))
			}
		}
	}
	return out
}
