package tui

import (
	"context"
	"fmt"
	"hash/fnv"
	"maps"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/spinner"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/accent-go/accent/internal/course"
	"github.com/accent-go/accent/internal/grade"
	"github.com/accent-go/accent/internal/learner"
	"github.com/accent-go/accent/internal/watch"
)

// exercisePage is the exercise view: the task, the idiom the learner knows
// beside their Go code, the hints they asked for, the solution once they
// pass, and below it all the verdict, which watch mode keeps fresh.
type exercisePage struct {
	c  *common
	ex *course.Exercise

	// What is on disk.
	files   []sourceFile
	idiom   sourceFile
	notes   []string // about the files: a starting file removed, a test edited
	readErr error

	// The document above the verdict.
	vp       pager
	pending  renderKey
	shown    renderKey
	starts   []int // where each document segment starts
	scrollTo int   // segment to scroll to once rendered; -1 for none
	docErr   error
	solution bool // the learner asked for the reference solution

	// Grading: seq numbers the grades; only the latest one's verdict counts.
	seq       int
	grading   bool
	cancel    context.CancelFunc
	verdict   *grade.Verdict
	gradeErr  error
	finding   int // the selected finding
	spinner   spinner.Model
	spinning  bool
	celebrate int // frames of celebration left

	// Watching: gen numbers the watchers; messages from older ones are dropped.
	gen      int
	watcher  *watch.Watcher
	watchErr error

	width, height int
}

func newExercisePage(c *common) exercisePage {
	m := exercisePage{c: c, vp: newPager(c.keys, c.mouse), scrollTo: -1}
	m.spinner = spinner.New(spinner.WithSpinner(spinner.MiniDot), spinner.WithStyle(c.styles.SpinnerFG))
	return m
}

func (m *exercisePage) applyStyles() {
	m.spinner.Style = m.c.styles.SpinnerFG
}

// SetSize sets the size of the page body: the document, then the verdict
// panel.
func (m *exercisePage) SetSize(w, h int) {
	m.width, m.height = w, h
	m.vp.SetWidth(w)
	m.vp.SetHeight(max(1, h-m.panelHeight()))
}

// maxFindings is how many finding lines the panel shows at most.
func (m exercisePage) maxFindings() int { return max(1, (m.height-4)/4) }

// panelHeight is the verdict panel's height: a rule, the status line, and
// the findings (the selected one on up to three lines, then its other
// sites) or the pass.
func (m exercisePage) panelHeight() int {
	// While a grade runs, the last verdict stays on screen: the panel
	// keeps its size and only the status line changes.
	n := 0
	switch {
	case m.verdict == nil:
	case m.verdict.Status == grade.Pass:
		n = 1 + m.trailerHeight()
	default:
		n = min(len(m.verdict.Findings), m.maxFindings())
		if n > 0 {
			n += m.selectedExtra(n) // the selected finding shows whole
		}
	}
	return 2 + n
}

// maxRelated is how many of the selected finding's other sites the panel
// lists; the last line says how many more there are.
const maxRelated = 3

// selectedExtra is how many lines the selected finding takes beyond its
// first, when the panel shows n findings: all it needs to show whole (its
// message and its other sites), up to what leaves the exercise's text
// three lines (it is cut with "…" only on a screen too small for it). The
// room is that of the longest finding, so that moving between findings
// does not resize the panel.
func (m exercisePage) selectedExtra(n int) int {
	if m.verdict == nil || m.finding >= len(m.verdict.Findings) {
		return 0
	}
	lines := 0
	for _, f := range m.verdict.Findings {
		lines = max(lines, len(m.findingLines(f, true, 0)))
	}
	budget := max(2, m.height-3-2-n) // 3 lines of text, the rule and status line, the findings
	return min(max(0, lines-1), budget)
}

// open shows exercise ex: it records it as current, reads its files,
// starts watching it and grades it. Whatever the page showed before is
// stopped first.
func (m *exercisePage) open(ex *course.Exercise) tea.Cmd {
	stop := m.stop()
	*m = exercisePage{
		c: m.c, ex: ex, vp: m.vp, spinner: m.spinner, scrollTo: -1,
		seq: m.seq, gen: m.gen, spinning: m.spinning, width: m.width, height: m.height,
	}
	m.vp.SetContent("")
	m.vp.GotoTop()
	m.SetSize(m.width, m.height)
	return tea.Batch(stop,
		setCurrent(m.c.store, ex),
		readExercise(m.c.ws, ex, m.c.language()),
		m.c.watch(m.c.ws.ExerciseDir(ex), m.gen),
		m.startGrade(),
	)
}

// stop cancels the grade in flight and closes the watcher: the learner
// has left the exercise.
func (m *exercisePage) stop() tea.Cmd {
	if m.cancel != nil {
		m.cancel()
		m.cancel = nil
	}
	m.grading = false
	m.gen++ // messages from the old watcher are now stale
	w := m.watcher
	m.watcher = nil
	return closeWatch(w)
}

// startGrade grades the exercise again, canceling the grade in flight:
// its verdict would describe older code.
func (m *exercisePage) startGrade() tea.Cmd {
	if m.cancel != nil {
		m.cancel()
	}
	ctx, cancel := context.WithCancel(m.c.ctx)
	m.cancel = cancel
	m.seq++
	m.grading = true
	m.SetSize(m.width, m.height)
	cmds := []tea.Cmd{gradeExercise(ctx, m.c.grade, m.c.jobs, m.ex, m.seq)}
	if !m.spinning && m.c.animate {
		m.spinning = true
		cmds = append(cmds, m.spinner.Tick)
	}
	return tea.Batch(cmds...)
}

// refresh renders the document again if what shapes it changed.
func (m *exercisePage) refresh() tea.Cmd {
	if m.ex == nil || m.width <= 0 {
		return nil
	}
	lang := m.c.language()
	hints := m.hintsShown()
	sol := m.solution && learner.HasPassed(m.c.state, m.ex.ID)
	h := fnv.New64a()
	for _, f := range append([]sourceFile{m.idiom}, m.files...) {
		fmt.Fprintf(h, "%s\x00%s\x00", f.name, f.code)
	}
	k := renderKey{page: exerciseState, id: m.ex.ID, width: m.width, dark: m.c.styles.Dark,
		variant: fmt.Sprintf("%s|%d|%v|%x|%q", lang, hints, sol, h.Sum64(), m.notes)}
	if k == m.shown || k == m.pending {
		return nil
	}
	m.pending = k
	return renderDocument(m.c.renderer, m.c.styles, k, exerciseDoc(m.c.course, m.ex, m.c.displayPath(m.c.ws.ExerciseDir(m.ex)), m.notes, lang, m.idiom, m.files, hints, sol))
}

// segmentOffset is where to scroll to show segment seg: its start; for
// the hints, whose newest is the last, as much of the segment as fits
// with its end in view (a long second hint is not left below the screen).
func (m exercisePage) segmentOffset(seg int) int {
	y := m.starts[seg]
	if seg != segHints {
		return y
	}
	end := m.vp.TotalLineCount()
	if seg+1 < len(m.starts) {
		end = m.starts[seg+1] - 1 // the blank line between segments
	}
	return max(y, end-m.vp.Height())
}

func (m exercisePage) hintsShown() int {
	return learner.HintsShown(m.c.state, m.ex)
}

// The document's segments, in order; scrollTo names them.
const (
	segTask = iota
	segHints
	segCode
	segSolution
)

// exerciseDoc is the exercise's document: the task (under its title, the
// directory of the learner's files, dir, and the notes about them), the hints revealed so far, the
// idiom beside the learner's Go code, and the solution.
func exerciseDoc(c *course.Course, ex *course.Exercise, dir string, notes []string, lang course.Language, idiom sourceFile, files []sourceFile, hints int, solution bool) document {
	task := c.LinksAsIDs("exercises/"+ex.Dir+"/README.md", ex.Task)
	if !strings.HasPrefix(task, "# ") {
		task = "# " + ex.Title + "\n\n" + task
	}
	// The files' directory, under the title: where to open them by hand
	// (the directory, 01-goroutines/fetch-all, is not the id).
	title, rest, _ := strings.Cut(task, "\n")
	var nb strings.Builder
	for _, n := range notes { // before the task: they explain the verdict
		fmt.Fprintf(&nb, "\n> **Note:** %s\n", n)
	}
	task = title + "\n\nYour files: `" + dir + string(filepath.Separator) + "` (" + ex.ID + ")\n" + nb.String() + rest
	doc := document{{markdown: task}}
	var hb strings.Builder
	if hints > 0 {
		fmt.Fprintf(&hb, "## Hints (%d of %d)\n\n", hints, len(ex.Hints))
		for i := range hints {
			fmt.Fprintf(&hb, "%d. %s\n", i+1, ex.Hints[i])
		}
	}
	doc = append(doc, segment{markdown: hb.String()})
	p := &pair{rightTitle: "Your Go"}
	if idiom.name != "" {
		l := fenceLanguage(filepath.Ext(idiom.name)[1:])
		p.leftTitle = fmt.Sprintf("The %s you know · %s", l.Title(), idiom.name)
		p.left = fenced(fenceInfo(l), idiom.code)
	}
	var names []string
	var right strings.Builder
	for _, f := range files {
		names = append(names, f.name)
		right.WriteString(fenced("go", f.code))
	}
	if len(names) > 0 {
		p.rightTitle = "Your Go · " + strings.Join(names, ", ")
	}
	p.right = right.String()
	if p.left == "" {
		doc = append(doc, segment{markdown: p.right})
	} else {
		doc = append(doc, segment{pair: p})
	}
	if solution {
		var sb strings.Builder
		sb.WriteString("## Reference solution\n\n")
		for _, name := range slices.Sorted(maps.Keys(ex.Solution)) {
			fmt.Fprintf(&sb, "`%s`\n\n%s\n", name, fenced("go", string(ex.Solution[name])))
		}
		doc = append(doc, segment{markdown: sb.String()})
	}
	return doc
}

func (m exercisePage) Update(msg tea.Msg) (exercisePage, tea.Cmd) {
	if m.ex == nil {
		return m, nil
	}
	switch msg := msg.(type) {
	case exerciseReadMsg:
		if msg.id != m.ex.ID {
			return m, nil
		}
		m.files, m.idiom, m.notes, m.readErr = msg.files, msg.idiom, msg.notes, msg.err
		cmd := m.refresh()
		return m, cmd

	case documentRenderedMsg:
		if msg.key != m.pending {
			return m, nil
		}
		m.pending = renderKey{}
		if msg.err != nil {
			m.docErr = msg.err
			return m, nil
		}
		first := m.shown.id == ""
		m.shown, m.starts, m.docErr = msg.key, msg.out.starts, nil
		m.vp.SetContent(msg.out.content)
		switch {
		case m.scrollTo >= 0 && m.scrollTo < len(m.starts):
			m.vp.SetYOffset(m.segmentOffset(m.scrollTo))
			m.scrollTo = -1
		case first:
			m.vp.GotoTop()
		}

	case exerciseGradedMsg:
		if msg.id != m.ex.ID || msg.seq != m.seq {
			return m, nil // a grade of older code, or of another exercise
		}
		// Celebrate a first pass, or a pass after a failure seen here.
		fresh := !learner.HasPassed(m.c.state, m.ex.ID) || (m.verdict != nil && m.verdict.Status != grade.Pass)
		v := msg.verdict
		m.verdict, m.gradeErr, m.grading, m.cancel = &v, msg.err, false, nil
		m.finding = 0
		m.SetSize(m.width, m.height)
		cmds := []tea.Cmd{loadProgress(m.c.store)}
		if v.Status == grade.Pass && fresh && m.c.animate {
			m.celebrate = len(celebrationFrames) * 2
			cmds = append(cmds, celebrationTick())
		}
		cmd := tea.Batch(cmds...)
		return m, cmd

	case celebratedMsg:
		if m.celebrate > 0 {
			m.celebrate--
			if m.celebrate > 0 {
				return m, celebrationTick()
			}
		}

	case spinner.TickMsg:
		if !m.grading {
			m.spinning = false
			return m, nil
		}
		var cmd tea.Cmd
		m.spinner, cmd = m.spinner.Update(msg)
		return m, cmd

	case watchStartedMsg:
		if msg.gen != m.gen {
			return m, closeWatch(msg.w) // the learner has moved on
		}
		if msg.err != nil {
			m.watchErr = msg.err
			return m, nil
		}
		m.watcher, m.watchErr = msg.w, nil
		return m, waitForChange(msg.w, msg.gen)

	case filesChangedMsg:
		if msg.gen != m.gen || m.watcher == nil {
			return m, nil
		}
		cmd := tea.Batch(m.startGrade(), readExercise(m.c.ws, m.ex, m.c.language()), waitForChange(m.watcher, m.gen))
		return m, cmd

	case watchEndedMsg:
		if msg.gen == m.gen && msg.err != nil {
			m.watchErr = msg.err
			m.watcher = nil
		}

	case hintRevealedMsg:
		if msg.id == m.ex.ID && msg.err == nil {
			m.scrollTo = segHints
			cmd := m.refresh()
			return m, cmd
		}

	case editorClosedMsg:
		// A save is seen by the watcher; re-reading shows the code at once.
		return m, readExercise(m.c.ws, m.ex, m.c.language())

	case tea.KeyPressMsg:
		return m.updateKeys(msg)

	case tea.MouseWheelMsg:
		var cmd tea.Cmd
		m.vp, cmd = m.vp.Update(msg)
		return m, cmd
	}
	return m, nil
}

func (m exercisePage) updateKeys(msg tea.KeyPressMsg) (exercisePage, tea.Cmd) {
	km := m.c.keys
	switch {
	case key.Matches(msg, km.Back):
		return m, navigate(backRequestedMsg{})
	case key.Matches(msg, km.Grade):
		cmd := m.startGrade()
		return m, cmd
	case key.Matches(msg, km.Edit):
		f, line := m.editTarget()
		if f == "" {
			return m, showStatus("This exercise has no Go file to edit.", true)
		}
		return m, openEditor(m.c.editor, filepath.Join(m.c.ws.ExerciseDir(m.ex), f), line)
	case key.Matches(msg, km.Hint):
		if m.hintsShown() >= len(m.ex.Hints) {
			return m, showStatus(fmt.Sprintf("No more hints. The lesson %s explains the idea: press l.", quote(m.lessonTitle(m.ex.Lesson))), false)
		}
		return m, revealHint(m.c.store, m.ex)
	case key.Matches(msg, km.Solution):
		if !learner.HasPassed(m.c.state, m.ex.ID) {
			return m, showStatus("The reference solution unlocks once your code passes.", false)
		}
		m.solution = !m.solution
		if m.solution {
			m.scrollTo = segSolution
		}
		cmd := m.refresh()
		return m, cmd
	case key.Matches(msg, km.Lesson):
		id := m.ex.Lesson
		if f, ok := m.selectedFinding(); ok && f.Lesson != "" {
			id = f.Lesson
		}
		if _, ok := m.c.course.Lesson(id); !ok {
			return m, showStatus("No lesson explains this one.", false)
		}
		return m, navigate(lessonOpenedMsg{id: id, top: true}) // to learn from, not to resume
	case key.Matches(msg, km.NextFinding):
		m.moveFinding(+1)
	case key.Matches(msg, km.PrevFinding):
		m.moveFinding(-1)
	case key.Matches(msg, km.NextExercise):
		next := learner.Next(m.c.course, m.c.room, m.ex.ID)
		if next == nil {
			return m, showStatus(m.noNext(), false)
		}
		return m, navigate(exerciseOpenedMsg{id: next.ID})
	case key.Matches(msg, km.Top):
		m.vp.GotoTop()
	case key.Matches(msg, km.Bottom):
		m.vp.GotoBottom()
	default:
		var cmd tea.Cmd
		m.vp, cmd = m.vp.Update(msg)
		return m, cmd
	}
	return m, nil
}

func (m *exercisePage) moveFinding(d int) {
	if m.verdict == nil || len(m.verdict.Findings) == 0 {
		return
	}
	n := len(m.verdict.Findings)
	m.finding = (m.finding + d + n) % n
	m.SetSize(m.width, m.height) // the panel fits the selected finding whole
}

func (m exercisePage) selectedFinding() (grade.Finding, bool) {
	if m.verdict == nil || m.finding >= len(m.verdict.Findings) {
		return grade.Finding{}, false
	}
	return m.verdict.Findings[m.finding], true
}

// editTarget is the file and line to open: the selected finding's, when it
// is in one of the learner's files, else the first Go file.
func (m exercisePage) editTarget() (file string, line int) {
	if f, ok := m.selectedFinding(); ok && f.File != "" && !strings.HasSuffix(f.File, "_test.go") && !strings.Contains(f.File, "/") {
		return f.File, f.Line
	}
	names := slices.Sorted(maps.Keys(m.ex.Starter))
	if len(names) == 0 {
		return "", 0
	}
	return names[0], 0
}

func (m exercisePage) lessonTitle(id string) string {
	if l, ok := m.c.course.Lesson(id); ok {
		return l.Title
	}
	return id
}

func (m exercisePage) View() string {
	st := m.c.styles
	if m.ex == nil {
		return ""
	}
	docH := max(1, m.height-m.panelHeight())
	var doc string
	switch {
	case m.docErr != nil:
		doc = st.StatusErr.Render(" Cannot show this exercise: " + m.docErr.Error())
	case m.readErr != nil:
		doc = st.StatusErr.Render(" " + m.readErr.Error())
	case m.shown.id == "":
		doc = st.Muted.Render(" Reading the exercise…")
	default:
		doc = m.vp.View()
	}
	return fitBlock(doc, m.width, docH) + "\n" + fitBlock(m.panelView(), m.width, m.panelHeight())
}

// panelView is the verdict panel: a rule, the status line and the findings.
func (m exercisePage) panelView() string {
	st := m.c.styles
	var b strings.Builder
	rule := strings.Repeat("─", max(0, m.width))
	if !m.vp.AtBottom() && m.shown.id != "" {
		more := fmt.Sprintf(" %3.0f%% ", m.vp.ScrollPercent()*100)
		rule = strings.Repeat("─", max(0, m.width-len(more)-2)) + more + "──"
	}
	b.WriteString(st.PanelDivider.Render(rule) + "\n")
	b.WriteString(m.statusLine() + "\n")
	if m.verdict == nil {
		return b.String()
	}
	if m.verdict.Status == grade.Pass {
		b.WriteString(st.Muted.Render(fmt.Sprintf("   Every test passes, the checks are quiet and nothing leaks. %d of %d exercises done.",
			learner.PassedCount(m.c.state, m.c.course.Exercises), len(m.c.course.Exercises))))
		b.WriteString(m.trailerView())
		return b.String()
	}
	fs := m.verdict.Findings
	shown := min(len(fs), m.maxFindings())
	first := max(0, min(m.finding-shown/2, len(fs)-shown))
	for i := first; i < first+shown; i++ {
		b.WriteString(m.findingView(fs[i], i == m.finding, 1+m.selectedExtra(shown)))
	}
	return b.String()
}

func (m exercisePage) statusLine() string {
	st := m.c.styles
	watching := ""
	switch {
	case m.watchErr != nil:
		watching = st.StatusErr.Render("not watching: " + m.watchErr.Error())
	case m.watcher != nil && m.watcher.Mode == watch.Polling:
		watching = st.Muted.Render("watching (polling)")
	case m.watcher != nil:
		watching = st.Muted.Render("watching")
	}
	var left string
	switch {
	case m.grading:
		left = " " + m.spinner.View() + st.Grading.Render(" grading "+m.ex.ID+"…")
	case m.verdict == nil:
		left = st.Muted.Render(" not graded yet")
	case m.verdict.Status == grade.Pass:
		left = " " + m.celebration()
	case m.verdict.Status == grade.Fail:
		left = " " + st.Fail.Render("✗ "+plural(len(m.verdict.Findings), "finding")) +
			st.Muted.Render(fmt.Sprintf(" · %.1fs · save to grade again", m.verdict.Elapsed.Seconds()))
	default:
		msg := "grading could not run"
		if len(m.verdict.Findings) > 0 {
			msg += ": " + firstLine(m.verdict.Findings[0].Message)
		}
		left = " " + st.Error.Render("! "+msg)
	}
	if m.gradeErr != nil {
		left += st.StatusErr.Render(" (not recorded: " + m.gradeErr.Error() + ")")
	}
	room := m.width - ansi.StringWidth(left) - ansi.StringWidth(watching) - 1
	if room < 1 || watching == "" {
		return truncate(left, m.width)
	}
	return left + strings.Repeat(" ", room) + watching
}

// celebrationFrames sparkle around "Passed" for a moment after a pass.
var celebrationFrames = []string{"✦", "✧", "⋆", "✧"}

func (m exercisePage) celebration() string {
	st := m.c.styles
	spark := ""
	if m.celebrate > 0 {
		f := celebrationFrames[m.celebrate%len(celebrationFrames)]
		spark = f + " "
	}
	s := st.Celebration.Render(spark+"✓ Passed!") + st.Muted.Render(fmt.Sprintf(" %.1fs · ", m.verdict.Elapsed.Seconds()))
	if next := learner.Next(m.c.course, m.c.room, m.ex.ID); next != nil {
		s += st.Text.Render("n: next, " + quote(next.Title))
	} else {
		s += st.Text.Render(m.noNextShort())
	}
	return s + st.Muted.Render(" · s: solution")
}

type celebratedMsg struct{}

func celebrationTick() tea.Cmd {
	return tea.Tick(120*time.Millisecond, func(time.Time) tea.Msg { return celebratedMsg{} })
}

// findingView is one finding: its kind, where, and what; the selected one
// shows whole (wrapped onto up to maxLines, 0 for no limit) and names the
// lesson that explains it.
func (m exercisePage) findingView(f grade.Finding, selected bool, maxLines int) string {
	return strings.Join(m.findingLines(f, selected, maxLines), "\n") + "\n"
}

// findingLines are findingView's lines.
func (m exercisePage) findingLines(f grade.Finding, selected bool, maxLines int) []string {
	st := m.c.styles
	label := string(f.Kind)
	if f.Analyzer != "" {
		label = f.Analyzer
	}
	cursor := "  "
	text := st.FindingText
	if selected {
		cursor, text = st.Cursor.Render("› "), st.FindingSel
	}
	head := " " + cursor + st.FindingKind.Render(fmt.Sprintf("%-8s", label)) + " "
	if pos := f.Pos(); pos != "" {
		head += st.FindingPos.Render(pos) + " "
	}
	msg := strings.Join(strings.Fields(f.Message), " ")
	room := m.width - ansi.StringWidth(head)
	if !selected || room < 20 {
		return []string{head + text.Render(truncate(msg, room))}
	}
	if f.Lesson != "" {
		msg += " — l: " + quote(m.lessonTitle(f.Lesson))
	}
	// Continuation lines hang under the message when there is room, else
	// start near the left edge so a narrow terminal still shows it all.
	indentW := ansi.StringWidth(head)
	if room < 50 {
		indentW = 5
	}
	lines := wrapHanging(msg, room, m.width-indentW)
	if maxLines > 0 {
		// The other sites are listed whole: the message gives them room.
		maxLines = max(1, maxLines-min(len(f.Related), maxRelated))
	}
	if maxLines > 0 && len(lines) > maxLines {
		lines = lines[:maxLines]
		lines[maxLines-1] = truncate(lines[maxLines-1]+" …", m.width-indentW)
	}
	indent := strings.Repeat(" ", indentW)
	out := make([]string, len(lines))
	for i, l := range lines {
		if i == 0 {
			out[i] = head + text.Render(l)
		} else {
			out[i] = indent + text.Render(l)
		}
	}
	return append(out, m.relatedLines(f, indent)...)
}

// relatedLines list the selected finding's other sites under it, one a
// line: "↳ cache.go:26 c.mu is locked here"; past maxRelated, the last
// line names the positions of the rest.
func (m exercisePage) relatedLines(f grade.Finding, indent string) []string {
	st := m.c.styles
	var out []string
	for i, r := range f.Related {
		head := indent + st.Muted.Render("↳ ")
		var msg string
		if i == maxRelated-1 && len(f.Related) > maxRelated {
			var rest []string
			for _, r := range f.Related[i:] {
				rest = append(rest, r.Pos())
			}
			head += st.FindingLink.Render(fmt.Sprintf("%d more: ", len(rest)))
			msg = strings.Join(rest, ", ")
		} else {
			head += st.FindingPos.Render(r.Pos()) + " "
			msg = strings.Join(strings.Fields(r.Message), " ")
		}
		out = append(out, head+st.FindingLink.Render(truncate(msg, m.width-ansi.StringWidth(head))))
		if i == maxRelated-1 {
			break
		}
	}
	return out
}

func (m exercisePage) ShortHelp() []key.Binding {
	km := m.c.keys
	if m.ex == nil {
		return nil
	}
	hasFindings := m.verdict != nil && len(m.verdict.Findings) > 0
	isPass := m.verdict != nil && m.verdict.Status == grade.Pass
	return []key.Binding{
		km.Edit,
		enabled(km.Hint, m.hintsShown() < len(m.ex.Hints)),
		km.Lesson,
		enabled(withHelp(km.NextFinding, "finding"), hasFindings && len(m.verdict.Findings) > 1),
		enabled(km.NextExercise, isPass),
		enabled(km.Solution, learner.HasPassed(m.c.state, m.ex.ID)),
		km.Help, km.Grade, km.Back,
	}
}

func (m exercisePage) FullHelp() [][]key.Binding {
	km := m.c.keys
	return [][]key.Binding{
		{km.Up, km.Down, km.PageUp, km.PageDown, km.Top, km.Bottom},
		{
			withHelp(km.Edit, "edit (at the finding)"), withHelp(km.Hint, "next hint"), km.NextFinding, km.PrevFinding,
			withHelp(km.Lesson, "lesson that explains it"),
		},
		{km.Grade, km.Solution, km.NextExercise, km.Back},
		{km.Language, enabled(km.Swap, m.c.pairing), km.Help, km.Quit, km.ForceQuit},
	}
}

// wrapHanging wraps text into a first line of first columns and further
// lines of rest columns, at spaces.
func wrapHanging(text string, first, rest int) []string {
	line, _, _ := strings.Cut(ansi.Wrap(text, first, " "), "\n")
	if !strings.HasPrefix(text, line) {
		return strings.Split(ansi.Wrap(text, min(first, rest), " "), "\n")
	}
	out := []string{line}
	if tail := strings.TrimSpace(text[len(line):]); tail != "" {
		out = append(out, strings.Split(ansi.Wrap(tail, rest, " "), "\n")...)
	}
	return out
}

// noNextShort is noNext for the pass line: a few words.
func (m exercisePage) noNextShort() string {
	if !m.c.room.Active() {
		return "that was the last exercise"
	}
	if ex := learner.NotOpenedNext(m.c.course, m.c.room, m.ex.ID); ex != nil {
		return "next, " + quote(ex.Title) + ", not opened yet"
	}
	return "the session's last open exercise"
}

// noNext says why there is no next exercise: the last of the course, or,
// in a workshop, the facilitator has not opened the next one yet.
func (m exercisePage) noNext() string {
	if !m.c.room.Active() {
		return "That was the last exercise. The map shows what is left."
	}
	if ex := learner.NotOpenedNext(m.c.course, m.c.room, m.ex.ID); ex != nil {
		return "The facilitator has not opened the next one, " + quote(ex.Title) + ", yet."
	}
	return "That was the session's last open exercise. The map shows what is left."
}
