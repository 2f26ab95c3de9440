package grade

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"

	"github.com/accent-go/accent/internal/course"
	"github.com/accent-go/accent/internal/gostack"
)

// explainer turns what the test stage saw into findings in plain words,
// located in the learner's files.
type explainer struct {
	ex    *course.Exercise
	dir   string
	run   *testRun
	files map[string]*ast.File // parsed learner files, by relative name
	fset  *token.FileSet
	// machine is set when the go command failed before the tests could
	// run, for a reason outside the learner's code.
	machine error
}

// explain returns the findings, or the error of a run that failed for a
// reason that is not the learner's code (the go command could not build
// or start the tests): a grading error, not a failed attempt.
func explain(ex *course.Exercise, dir string, run *testRun) ([]Finding, error) {
	e := &explainer{ex: ex, dir: dir, run: run, files: map[string]*ast.File{}, fset: token.NewFileSet()}
	fs := e.findings()
	if e.machine != nil {
		return nil, e.machine
	}
	return fs, nil
}

var (
	testLogRE   = regexp.MustCompile(`^\s+([\w.-]+\.go):(\d+): (.*)$`)
	panicLineRE = regexp.MustCompile(`^(panic|fatal error): (.*?)(?: \[recovered.*\])?$`)
)

func (e *explainer) findings() []Finding {
	var out []Finding
	run := e.run
	if len(run.forged) > 0 {
		// Whatever else the output says was written by the same code.
		return []Finding{{Kind: Forged, Message: "the test output contains a test result accent did not write: " +
			"grading trusts only what the tests themselves report, so printing results does not pass an exercise",
			Detail: trimDetail(strings.Join(run.forged, "\n"))}}
	}
	if len(run.limitReport) > 0 || run.memoryKill != "" {
		return []Finding{e.memoryFinding()}
	}
	if run.overflowed {
		if f, ok := e.dumpOverflow(); ok {
			return []Finding{f}
		}
		out = append(out, Finding{Kind: Output, Test: run.running(),
			Message: "the tests printed more output than accent keeps, so it stopped them: is something printing in a loop?"})
		return out
	}
	// Dumps, from each test's output and then the package's.
	explained := map[string]bool{}
	for _, name := range run.order {
		t := run.tests[name]
		if fs := e.fromDumps(t.Output, name); len(fs) > 0 {
			out = append(out, fs...)
			explained[name] = true
		}
		if fs := e.races(t.Output, name); len(fs) > 0 {
			out = append(out, fs...)
			explained[name] = true
		}
	}
	pkgText := run.pkgOutput
	if fs := e.fromDumps(pkgText, run.running()); len(fs) > 0 {
		out = append(out, fs...)
	}
	out = append(out, e.races(pkgText, run.running())...)
	out = append(out, e.leakReport()...)
	if run.timedOut && !hasKind(out, Timeout) {
		out = append(out, e.hardTimeout())
	}
	// Plain test failures.
	for _, name := range run.order {
		t := run.tests[name]
		if t.Action != "fail" || explained[name] || run.hasFailedChild(name) {
			continue
		}
		f := e.testFailure(t)
		if f.File == "" && len(out) > 0 && strings.HasSuffix(f.Message, " failed") {
			continue // a bare "--- FAIL" under a test a dump already explained
		}
		out = append(out, f)
	}
	if len(out) == 0 && run.pkgAction == "fail" {
		out = append(out, e.buildFailure()...)
	}
	if len(out) == 0 {
		out = append(out, e.missingTests()...)
	}
	return out
}

func hasKind(fs []Finding, k Kind) bool {
	for _, f := range fs {
		if f.Kind == k {
			return true
		}
	}
	return false
}

// running is the last test that started and never finished.
func (run *testRun) running() string {
	for i := len(run.order) - 1; i >= 0; i-- {
		if run.tests[run.order[i]].Action == "" {
			return run.order[i]
		}
	}
	return ""
}

func (run *testRun) hasFailedChild(name string) bool {
	for _, n := range run.order {
		if strings.HasPrefix(n, name+"/") && run.tests[n].Action == "fail" {
			return true
		}
	}
	return false
}

// fromDumps explains panics, timeouts and deadlocks in a test's output.
func (e *explainer) fromDumps(lines []string, test string) []Finding {
	text := strings.Join(lines, "")
	if !strings.Contains(text, "goroutine ") {
		return nil
	}
	if i := strings.Index(text, leakBegin); i >= 0 {
		text = text[:i] // the leak report is explained on its own
	}
	dumps, err := gostack.Parse([]byte(text))
	if err != nil || len(dumps) == 0 {
		return nil
	}
	var out []Finding
	for _, d := range dumps {
		kind, headline := classify(d.Preamble)
		if kind == "" {
			continue
		}
		out = append(out, e.describeDump(kind, headline, d, test)...)
	}
	return out
}

// classify reads the panic or fatal error line before a dump.
func classify(preamble string) (Kind, string) {
	var last string
	for _, l := range strings.Split(preamble, "\n") {
		if panicLineRE.MatchString(strings.TrimSpace(l)) {
			last = strings.TrimSpace(l)
		}
	}
	if last == "" {
		return "", ""
	}
	m := panicLineRE.FindStringSubmatch(last)
	msg := m[2]
	switch {
	case strings.HasPrefix(msg, "test timed out after"):
		return Timeout, msg
	case strings.Contains(msg, "main bubble goroutine has exited but blocked goroutines remain"):
		return Leak, msg
	case strings.Contains(msg, "all goroutines in bubble are blocked"),
		strings.Contains(msg, "all goroutines are asleep - deadlock"):
		return Deadlock, msg
	}
	return Panic, m[1] + ": " + msg
}

func (e *explainer) describeDump(kind Kind, headline string, d gostack.Dump, test string) []Finding {
	detail := trimDetail(d.Preamble)
	if kind == Panic {
		f := Finding{Kind: Panic, Test: test, Message: headline, Detail: detail}
		if len(d.Goroutines) > 0 {
			if fr, ok := e.learnerFrame(d.Goroutines[0]); ok {
				f.File, f.Line = fr.rel, fr.Line
				f.Message = fmt.Sprintf("%s (in %s at %s:%d)", headline, shortFunc(fr.Func), fr.rel, fr.Line)
			}
		}
		if test != "" {
			f.Message += ", during " + test
		}
		return []Finding{f}
	}
	var out []Finding
	seen := map[string]bool{}
	for _, g := range d.Goroutines {
		if g.Op() == gostack.Running && kind != Timeout {
			continue
		}
		fr, ok := e.learnerFrame(g)
		if !ok {
			continue
		}
		msg := e.blockedMessage(kind, g, fr)
		if seen[msg] {
			continue
		}
		seen[msg] = true
		f := Finding{Kind: kind, File: fr.rel, Line: fr.Line, Test: test, Message: msg, Related: e.startedHere(g, fr)}
		switch kind {
		case Timeout:
			f.Message = fmt.Sprintf("%s did not finish within %s: %s", orTests(test), e.run.limit, msg)
		case Deadlock:
			f.Message = fmt.Sprintf("deadlock in %s: %s", orTests(test), msg)
		}
		out = append(out, f)
		if len(out) == 3 {
			break
		}
	}
	if len(out) == 0 {
		msg := headline
		switch kind {
		case Timeout:
			msg = fmt.Sprintf("%s did not finish within %s (no goroutine was blocked in your code: an endless loop?)", orTests(test), e.run.limit)
		case Leak:
			msg = "goroutines were left blocked when the test ended"
		}
		out = append(out, Finding{Kind: kind, Test: test, Message: msg})
	}
	out[0].Detail = detail
	return out
}

func orTests(test string) string {
	if test == "" {
		return "the tests"
	}
	return test
}

// leakReport explains the injected leak check's report.
func (e *explainer) leakReport() []Finding {
	text := strings.Join(e.run.pkgOutput, "")
	i := strings.Index(text, leakBegin)
	if i < 0 {
		return nil
	}
	body := text[i+len(leakBegin):]
	if j := strings.Index(body, leakEnd); j >= 0 {
		body = body[:j]
	}
	dumps, err := gostack.Parse([]byte(strings.TrimSpace(body) + "\n"))
	var out []Finding
	if err == nil {
		for _, d := range dumps {
			for _, g := range d.Goroutines {
				fr, ok := e.learnerFrame(g)
				if !ok {
					continue
				}
				out = append(out, Finding{Kind: Leak, File: fr.rel, Line: fr.Line, Message: e.blockedMessage(Leak, g, fr), Related: e.startedHere(g, fr)})
			}
		}
	}
	if len(out) == 0 {
		out = append(out, Finding{Kind: Leak, Message: "goroutines were still running after the tests finished"})
	}
	if m := leakMoreRE.FindStringSubmatch(body); m != nil {
		more, _ := strconv.Atoi(m[1]) //accent:ignore errignored digits, matched by the pattern
		out[0].Message = fmt.Sprintf("%s goroutines were still running after the tests; %s", thousands(more+50), out[0].Message)
	}
	out[0].Detail = trimDetail(body)
	return out
}

// hardTimeout explains a run accent had to kill.
func (e *explainer) hardTimeout() Finding {
	if len(e.run.order) == 0 {
		return Finding{Kind: Timeout, Message: fmt.Sprintf(
			"the tests never started within %s: is there an endless loop in an init function or a package-level variable?", e.run.limit)}
	}
	test := e.run.running()
	return Finding{Kind: Timeout, Test: test, Message: fmt.Sprintf(
		"%s did not finish within %s and could not be stopped, so accent killed it: an endless loop that never blocks?", orTests(test), e.run.limit)}
}

func (e *explainer) testFailure(t *testResult) Finding {
	f := Finding{Kind: Test, Test: t.Name}
	var msgs []string
	for _, l := range t.Output {
		l = strings.TrimRight(l, "\n")
		trimmed := strings.TrimSpace(l)
		if trimmed == "" || strings.HasPrefix(trimmed, "=== ") || strings.HasPrefix(trimmed, "--- ") {
			continue
		}
		if m := testLogRE.FindStringSubmatch(l); m != nil {
			if f.File == "" {
				f.File = m[1]
				f.Line = position(m[2])
			}
			msgs = append(msgs, m[3])
			continue
		}
		msgs = append(msgs, trimmed)
	}
	if len(msgs) > 6 {
		msgs = append(msgs[:6], "...")
	}
	f.Message = t.Name + " failed"
	if len(msgs) > 0 {
		f.Message += ": " + strings.Join(msgs, "; ")
	}
	return f
}

// buildFailure reads compiler errors from go test's own output: errors in
// the tests (a name the task asks for is missing) and anything the type
// checker of the learner's package did not see. A build that failed with
// no error in the exercise's files failed for a reason of the machine (no
// C compiler for the race detector, a broken Go installation): that is a
// grading error, not a failed attempt.
func (e *explainer) buildFailure() []Finding {
	var out []Finding
	var tail []string
	for _, l := range e.run.pkgOutput {
		l = strings.TrimRight(l, "\n")
		if f, ok := compileLine(e.dir, e.run.overlayDir, l); ok {
			out = append(out, f)
		} else if strings.TrimSpace(l) != "" {
			tail = append(tail, l)
		}
	}
	if len(out) > 0 {
		return out
	}
	if len(tail) > 8 {
		tail = tail[len(tail)-8:]
	}
	if s := strings.TrimSpace(e.run.stderr); s != "" {
		tail = append(tail, s)
	}
	if e.run.failedBuild != "" || e.run.pkgAction == "" && len(e.run.order) == 0 {
		e.machine = fmt.Errorf("the go command could not build the tests, for a reason outside the exercise's code: %s", strings.Join(tail, "\n"))
		return nil
	}
	return []Finding{{Kind: Test, Message: "the tests failed", Detail: strings.Join(tail, "\n")}}
}

// missingTests makes sure the run ended with a result line sealed by
// accentseal (so os.Exit(0) in the code, or printed results, do not pass
// an exercise) and that every pristine test ran to a pass.
func (e *explainer) missingTests() []Finding {
	if !e.run.complete {
		return []Finding{{Kind: Test, Test: e.run.running(),
			Message: "the test binary exited before the tests finished: does the code call os.Exit, log.Fatal or runtime.Goexit?"}}
	}
	var out []Finding
	seen := map[string]bool{}
	for _, name := range e.run.missing {
		seen[name] = true
		out = append(out, Finding{Kind: Test, Test: name, Message: name + " did not run to a pass"})
	}
	for _, name := range e.run.want {
		t, ok := e.run.tests[name]
		if !seen[name] && (!ok || t.Action != "pass") {
			out = append(out, Finding{Kind: Test, Test: name, Message: name + " did not run to a pass"})
		}
	}
	if len(out) == 0 && e.run.sealedCode != 0 {
		out = append(out, Finding{Kind: Test, Message: fmt.Sprintf("the tests failed (exit status %d) and their output does not say why", e.run.sealedCode)})
	}
	return out
}

type learnerFrame struct {
	gostack.Frame
	rel string
}

// learnerFrame is the goroutine's innermost frame in the learner's own
// files, or failing that in the exercise's tests.
func (e *explainer) learnerFrame(g gostack.Goroutine) (learnerFrame, bool) {
	var inTests *learnerFrame
	for _, f := range g.Frames {
		rel, ok := relPath(e.dir, f.File)
		if !ok || strings.Contains(rel, "/") || rel == leakFileName {
			continue
		}
		if !strings.HasSuffix(rel, "_test.go") {
			return learnerFrame{f, rel}, true
		}
		if inTests == nil {
			inTests = &learnerFrame{f, rel}
		}
	}
	if inTests != nil {
		return *inTests, true
	}
	return learnerFrame{}, false
}

// blockedMessage says who is blocked where, on what, and what follows.
// startedHere is the go statement that started g, as the related site of
// a finding at g's frame at, when it is in the learner's files and not on
// the finding's own line.
func (e *explainer) startedHere(g gostack.Goroutine, at learnerFrame) []Related {
	if g.CreatedBy == nil || g.CreatedBy.Line == 0 {
		return nil
	}
	rel, ok := relPath(e.dir, g.CreatedBy.File)
	if !ok || strings.Contains(rel, "/") || (rel == at.rel && g.CreatedBy.Line == at.Line) {
		return nil
	}
	return []Related{{File: rel, Line: g.CreatedBy.Line, Message: "the goroutine is started here"}}
}

func (e *explainer) blockedMessage(kind Kind, g gostack.Goroutine, at learnerFrame) string {
	who := fmt.Sprintf("goroutine %d", g.ID)
	if g.CreatedBy != nil {
		if rel, ok := relPath(e.dir, g.CreatedBy.File); ok && !strings.Contains(rel, "/") {
			who = fmt.Sprintf("goroutine started at %s:%d", rel, g.CreatedBy.Line)
		} else if strings.HasPrefix(g.CreatedBy.Func, "testing.") || strings.Contains(g.CreatedBy.Func, "synctest.") {
			who = "the test's goroutine"
			for _, f := range g.Frames {
				if name := shortFunc(f.Func); strings.HasPrefix(name, "Test") {
					name, _, _ = strings.Cut(name, ".")
					who = "the goroutine running " + name
				}
			}
		}
	}
	op := g.Op()
	what := op.Describe()
	if ch := e.channelAt(at.rel, at.Line, op); ch != "" {
		switch op {
		case gostack.Send:
			what = "sending on " + ch
		case gostack.Receive:
			what = "receiving from " + ch
		}
	}
	msg := fmt.Sprintf("%s is blocked %s (%s:%d)", who, what, at.rel, at.Line)
	if op == gostack.Running || op == gostack.Other || op == gostack.Sleep {
		msg = fmt.Sprintf("%s is %s at %s:%d", who, what, at.rel, at.Line)
	}
	if kind != Leak {
		return msg
	}
	switch op {
	case gostack.Send:
		return msg + "; nothing will ever receive"
	case gostack.Receive:
		return msg + "; nothing will ever send or close it"
	case gostack.Select:
		return msg + "; none of its cases will ever be ready"
	case gostack.NilSend, gostack.NilReceive:
		return msg + "; a nil channel blocks forever"
	case gostack.Lock:
		return msg + "; the mutex is never unlocked"
	case gostack.WaitWG:
		return msg + "; the counter never reaches zero (a missing Done?)"
	case gostack.Sleep, gostack.Running:
		return msg + "; it outlived the test"
	}
	return msg + "; it never ends"
}

// channelAt names the channel operated on at file:line, read from the source.
func (e *explainer) channelAt(rel string, line int, op gostack.Op) string {
	f := e.parse(rel)
	if f == nil {
		return ""
	}
	var name string
	ast.Inspect(f, func(n ast.Node) bool {
		if n == nil || name != "" {
			return false
		}
		start, end := e.fset.Position(n.Pos()).Line, e.fset.Position(n.End()).Line
		if line < start || line > end {
			return false
		}
		switch n := n.(type) {
		case *ast.SendStmt:
			if op == gostack.Send && start == line {
				name = types.ExprString(n.Chan)
			}
		case *ast.UnaryExpr:
			if n.Op == token.ARROW && op == gostack.Receive && start == line {
				name = types.ExprString(n.X)
			}
		case *ast.RangeStmt:
			if op == gostack.Receive && start == line {
				name = types.ExprString(n.X)
			}
		}
		return true
	})
	return name
}

func (e *explainer) parse(rel string) *ast.File {
	if f, ok := e.files[rel]; ok {
		return f
	}
	f, err := parser.ParseFile(e.fset, filepath.Join(e.dir, rel), nil, parser.SkipObjectResolution)
	if err != nil {
		f = nil
	}
	e.files[rel] = f
	return f
}

// shortFunc turns "example.com/pkg.(*T).Method.func1" into "(*T).Method.func1".
func shortFunc(complete string) string {
	if i := strings.LastIndex(complete, "/"); i >= 0 {
		complete = complete[i+1:]
	}
	if _, rest, ok := strings.Cut(complete, "."); ok {
		return rest
	}
	return complete
}

func trimDetail(s string) string {
	s = strings.TrimSpace(s)
	const max = 4 << 10
	if len(s) > max {
		s = s[:max] + "\n..."
	}
	return s
}
