package tui

import (
	"github.com/accent-go/accent/internal/grade"
	"github.com/accent-go/accent/internal/progress"
	"github.com/accent-go/accent/internal/watch"
)

// Navigation: pages ask the root to switch pages with these.
type (
	lessonOpenedMsg struct {
		id  string
		top bool // open it at the top, not where the learner last left it
	}
	exerciseOpenedMsg struct{ id string }
	backRequestedMsg  struct{}
	statusShownMsg    struct {
		text string
		err  bool
	}
)

// progressLoadedMsg carries a fresh snapshot of the learner's progress,
// after a read or an update of the store.
type progressLoadedMsg struct {
	state *progress.State
	err   error
}

// languageSavedMsg says the learner's language is stored.
type languageSavedMsg struct {
	state *progress.State
	err   error
}

// documentRenderedMsg carries a page's document rendered for one width,
// style and language; key says which, so a late rendering for an old
// size or a page since left is dropped.
type documentRenderedMsg struct {
	key renderKey
	out rendered
	err error
}

// renderKey names one rendering of a page's document.
type renderKey struct {
	page    state // the page whose document it is
	id      string
	width   int
	dark    bool
	variant string // what else shaped the document: language, hints, files
}

// exerciseReadMsg carries an exercise's files as they are on disk: the
// learner's Go files and the idiom in their language.
type exerciseReadMsg struct {
	id    string
	files []sourceFile
	idiom sourceFile
	notes []string // learner.FileNotes: a starting file removed, a test edited
	err   error
}

// sourceFile is one file of an exercise, by name.
type sourceFile struct {
	name string
	code string
}

// exerciseGradedMsg carries the verdict of the grade with sequence number
// seq; a verdict from an older grade than the latest started is dropped.
type exerciseGradedMsg struct {
	id      string
	seq     int
	verdict grade.Verdict
	err     error // recording the attempt failed
}

// watchStartedMsg says the exercise directory is being watched.
type watchStartedMsg struct {
	gen int
	w   *watch.Watcher
	err error
}

// filesChangedMsg says a Go file of the watched exercise was saved.
type filesChangedMsg struct{ gen int }

// watchEndedMsg says a watcher stopped (closed, or failed on its own).
type watchEndedMsg struct {
	gen int
	err error
}

// hintRevealedMsg says one more hint tier is recorded.
type hintRevealedMsg struct {
	id    string
	tier  int // the tiers now revealed
	state *progress.State
	err   error
}

// editorClosedMsg says the learner's editor has exited.
type editorClosedMsg struct {
	err error
}

// watcherClosedMsg says a watcher was closed (nothing to do but report
// an error).
type watcherClosedMsg struct{ err error }
