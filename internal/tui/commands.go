package tui

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/accent-go/accent/internal/course"
	"github.com/accent-go/accent/internal/grade"
	"github.com/accent-go/accent/internal/learner"
	"github.com/accent-go/accent/internal/progress"
	"github.com/accent-go/accent/internal/render"
	"github.com/accent-go/accent/internal/termui"
	"github.com/accent-go/accent/internal/watch"
	"github.com/accent-go/accent/internal/workspace"
)

// Everything that touches the disk, the store, the grader or glamour runs
// in one of these commands, off the event loop; each returns a message.

// crashedMsg says a command panicked: the workbench quits cleanly (the
// terminal restored) and Run reports the panic.
type crashedMsg = termui.CrashedMsg

// guarded runs cmd, turning a panic into a crashedMsg.
func guarded(cmd tea.Cmd) tea.Cmd { return termui.Guarded(cmd) }

func loadProgress(store *progress.Store) tea.Cmd {
	return guarded(func() tea.Msg {
		st, err := store.Load()
		return progressLoadedMsg{state: st, err: err}
	})
}

// updateProgress applies fn to the stored progress and returns the result.
func updateProgress(store *progress.Store, fn func(*progress.State)) (*progress.State, error) {
	var saved *progress.State
	err := store.Update(func(st *progress.State) error {
		fn(st)
		saved = st
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("saving your progress: %w", err)
	}
	return saved, nil
}

func saveLanguage(store *progress.Store, lang course.Language) tea.Cmd {
	return guarded(func() tea.Msg {
		st, err := updateProgress(store, func(st *progress.State) { learner.RecordLanguage(st, lang) })
		return languageSavedMsg{state: st, err: err}
	})
}

// setCurrent records the exercise the learner is on, as `accent` does
// when it shows an exercise.
func setCurrent(store *progress.Store, ex *course.Exercise) tea.Cmd {
	return guarded(func() tea.Msg {
		st, err := updateProgress(store, func(st *progress.State) { learner.RecordOpen(st, ex) })
		return progressLoadedMsg{state: st, err: err}
	})
}

// revealHint records one more hint tier, as `accent hint` does.
func revealHint(store *progress.Store, ex *course.Exercise) tea.Cmd {
	return guarded(func() tea.Msg {
		var tier int
		st, err := updateProgress(store, func(st *progress.State) { tier = learner.RecordHint(st, ex) })
		return hintRevealedMsg{id: ex.ID, tier: tier, state: st, err: err}
	})
}

// readExercise reads the learner's Go files and the idiom in lang from the
// workspace (the course's copy of the idiom if the learner removed it).
func readExercise(ws *workspace.Workspace, ex *course.Exercise, lang course.Language) tea.Cmd {
	return guarded(func() tea.Msg {
		msg := exerciseReadMsg{id: ex.ID}
		files, err := ws.SourceFiles(ex)
		if err != nil {
			msg.err = err
			return msg
		}
		for _, name := range slices.Sorted(maps.Keys(files)) {
			msg.files = append(msg.files, sourceFile{name: name, code: string(files[name])})
		}
		tests, _ := ws.TestFiles(ex) // unreadable: as if removed, which the notes say
		msg.notes = learner.FileNotes(ex, files, tests)
		src, ok := idiomFor(ex, lang)
		if !ok {
			return msg
		}
		msg.idiom = sourceFile{name: "from/" + src.Name, code: src.Code}
		b, err := os.ReadFile(filepath.Join(ws.ExerciseDir(ex), "from", src.Name))
		switch {
		case err == nil:
			msg.idiom.code = string(b)
		case !errors.Is(err, fs.ErrNotExist):
			msg.err = fmt.Errorf("reading %s: %w", msg.idiom.name, err)
		}
		return msg
	})
}

// idiomFor is the exercise's idiom in lang, or its first one.
func idiomFor(ex *course.Exercise, lang course.Language) (course.Source, bool) {
	for _, s := range ex.From {
		if s.Language == lang {
			return s, true
		}
	}
	if len(ex.From) > 0 {
		return ex.From[0], true
	}
	return course.Source{}, false
}

// renderDocument renders doc for key.width with glamour (cached per
// width and style by r).
func renderDocument(r *render.Renderer, st *Styles, key renderKey, doc document) tea.Cmd {
	return guarded(func() tea.Msg {
		out, err := doc.render(r, key.width, st)
		return documentRenderedMsg{key: key, out: out, err: err}
	})
}

// GradeFunc grades an exercise in the workspace and records the attempt in
// the learner's progress, as `accent check` does.
type GradeFunc func(ctx context.Context, ex *course.Exercise) (grade.Verdict, error)

// gradeExercise grades ex as grade number seq. The grade stops, and its
// processes are killed, when ctx is canceled.
func gradeExercise(ctx context.Context, fn GradeFunc, j *jobs, ex *course.Exercise, seq int) tea.Cmd {
	return guarded(func() tea.Msg {
		if !j.start() {
			return exerciseGradedMsg{id: ex.ID, seq: seq, verdict: grade.Verdict{Exercise: ex.ID, Status: grade.Error}}
		}
		defer j.done()
		v, err := fn(ctx, ex)
		return exerciseGradedMsg{id: ex.ID, seq: seq, verdict: v, err: err}
	})
}

// WatchOptions tune watch mode.
type WatchOptions = watch.Options

func startWatch(dir string, gen int, opts WatchOptions) tea.Cmd {
	return guarded(func() tea.Msg {
		w, err := watch.New(dir, opts)
		return watchStartedMsg{gen: gen, w: w, err: err}
	})
}

// waitForChange waits for the next save seen by w.
func waitForChange(w *watch.Watcher, gen int) tea.Cmd {
	return guarded(func() tea.Msg {
		if _, ok := <-w.Changes; !ok {
			return watchEndedMsg{gen: gen, err: w.Err()}
		}
		return filesChangedMsg{gen: gen}
	})
}

func closeWatch(w *watch.Watcher) tea.Cmd {
	if w == nil {
		return nil
	}
	return guarded(func() tea.Msg {
		return watcherClosedMsg{err: w.Close()}
	})
}

// jobs counts the grades in flight, so that the workbench can wait for
// their processes to be killed before it exits.
type jobs struct {
	mu     sync.Mutex
	n      int
	closed bool
	idle   chan struct{} // closed when n drops to 0 after close
}

func newJobs() *jobs { return &jobs{idle: make(chan struct{})} }

// start registers a grade; it returns false once the workbench is
// stopping, and then the grade must not run.
func (j *jobs) start() bool {
	j.mu.Lock()
	defer j.mu.Unlock()
	if j.closed {
		return false
	}
	j.n++
	return true
}

func (j *jobs) done() {
	j.mu.Lock()
	defer j.mu.Unlock()
	j.n--
	if j.closed && j.n == 0 {
		close(j.idle)
	}
}

// closeAndWait refuses new grades and waits up to limit for the running
// ones to return. It reports whether they all did.
func (j *jobs) closeAndWait(limit time.Duration) bool {
	j.mu.Lock()
	if !j.closed {
		j.closed = true
		if j.n == 0 {
			close(j.idle)
		}
	}
	j.mu.Unlock()
	select {
	case <-j.idle:
		return true
	case <-time.After(limit):
		return false
	}
}
