// Package lockset computes, for the functions of one package, which mutexes
// are held at each lock, return and blocking operation, by a forward
// dataflow over SSA blocks with a bounded fixpoint. It is the engine behind
// accent's locking analyzers (doublelock, unlockpath, lockorder,
// blockunderlock), which read its Result and only decide what to report.
//
// A mutex is named by the SSA value path that reaches it from a root: a
// parameter (the receiver included), a free variable of a closure, a
// package-level variable, or a local value, as in "s.mu" or "s.cache*.mu".
// So s.mu in two methods of the same type is the same lock relative to the
// receiver, and a call of a package function or method applies that
// function's summary (which locks it acquires first, which it holds or has
// released at return) with its parameters replaced by the caller's
// arguments. Each lock also has an abstract, type-level name such as
// "Store.mu", used where two instances of a type must count as one (lock
// order, blocking).
//
// The engine understands sync.Mutex and sync.RWMutex (Lock, Unlock, RLock,
// RUnlock; TryLock and TryRLock are never counted as holding the lock),
// embedded mutexes, a sync.Cond's L when the package makes the Cond from a
// mutex of the same struct (cond.go), defer (a deferred unlock runs at
// return), deferred and
// called closures, sync.Once.Do, and calls through package functions and
// methods, up to a bounded depth. Calls through interfaces and function
// values neither hold nor release a lock, but where the package says
// which of its functions may run there (see dynamic.go) the locks those
// acquire count for double locks and lock order. Paths that end in a
// panic are not returns.
package lockset

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"path/filepath"
	"reflect"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/buildssa"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/ssa"

	"github.com/accent-go/accent/checker/internal/generated"
	"github.com/accent-go/accent/checker/internal/typematch"
)

// Analyzer computes the lock states of a package's functions. It reports
// nothing itself; its result is a *Result.
var Analyzer = &analysis.Analyzer{
	Name:       "lockset",
	Doc:        "compute the mutexes held at each lock, return and blocking operation (internal to accent's locking analyzers)",
	URL:        "https://pkg.go.dev/github.com/accent-go/accent/checker/internal/lockset",
	Requires:   []*analysis.Analyzer{buildssa.Analyzer, inspect.Analyzer},
	Run:        run,
	ResultType: reflect.TypeFor[*Result](),
}

// Mode says whether a lock is held for writing (Lock) or reading (RLock).
type Mode uint8

// The lock modes.
const (
	Write Mode = iota // Lock
	Read              // RLock
)

// Strength says on which paths a lock is held at a program point.
type Strength uint8

// The strengths, strongest first.
const (
	// Must: held on every path that reaches the point.
	Must Strength = iota
	// Loop: held on every path that went around an enclosing loop through
	// a back edge that carried it, as when a loop body locks and
	// continues without unlocking.
	Loop
	// Weak: held on some paths only; never reported.
	Weak
)

// Key names a mutex by the path from a root SSA value: a *ssa.Parameter,
// *ssa.FreeVar, *ssa.Global, or any other value of the function. Path is
// a sequence of ".field", "*" (a load through a pointer) and "[]" (an
// element of a map, slice or array).
type Key struct {
	Root ssa.Value
	Path string
}

// Site is where a lock operation happens. When the operation happens in a
// called function, Pos is the call in Fn and Via is the site in the callee.
type Site struct {
	Fn       *ssa.Function
	Pos      token.Pos
	Via      *Site
	Deferred bool // the call or operation was deferred and ran at return
}

// Inner returns the innermost site: the lock operation itself.
func (s *Site) Inner() *Site {
	for s.Via != nil {
		s = s.Via
	}
	return s
}

// Fact describes a held lock.
type Fact struct {
	Mode     Mode
	Strength Strength
	Site     *Site  // where it was acquired
	Abstract string // type-level name such as "Store.mu"; "" if unknown
	Text     string // the lock as written at the acquiring call, such as "s.mu"
}

// DoubleLock is a lock operation on a mutex that is already held.
type DoubleLock struct {
	Fn   *ssa.Function // where the outer lock is held
	Held Fact          // the outer lock
	Site *Site         // the second acquisition; Site.Inner() is the Lock call
	Mode Mode          // mode of the second acquisition
	Text string        // the lock as written at the second acquisition
	// Dynamic is set when the second acquisition happens in a function
	// that a call through a func value or an interface may run.
	Dynamic *Dynamic
}

// Return is a return of a function with the locks it holds there.
type Return struct {
	Pos  token.Pos // NoPos for the implicit return at the end of a function
	Held []HeldKey
}

// HeldKey is a held lock together with its key.
type HeldKey struct {
	Key  Key
	Fact Fact
}

// Release is an unlock of a lock in a function.
type Release struct {
	Pos token.Pos // the Unlock, or the call that unlocks
	// LockPos is where the lock it releases was acquired in the same
	// function (the Lock, or the call that locked), NoPos if it was not
	// held there (the caller's lock).
	LockPos token.Pos
}

// Func is what the engine found in one function.
type Func struct {
	Fn *ssa.Function
	// Returns lists the function's reachable returns with the locks held
	// there (after deferred calls ran).
	Returns []Return
	// Releases lists, per lock, where the function releases it: an
	// Unlock, a deferred Unlock, or a call whose callee releases it.
	Releases map[Key][]Release
	// ClosureReleases lists the locks released by closures made in the
	// function (which may run after it returns, as goroutines or
	// callbacks).
	ClosureReleases map[Key]bool
}

// Edge is one observation of lock order: a lock with abstract name To is
// acquired while the one named From is held.
type Edge struct {
	From, To string
	FromMode Mode
	ToMode   Mode
	Fn       *ssa.Function
	Held     *Site // where From was acquired
	Acquire  *Site // where To is acquired (Pos is in Fn)
}

// Kinds of channel and WaitGroup operations, in Blocking and Counter.
const (
	OpSend  = "send"
	OpRecv  = "receive"
	OpClose = "close"
	OpWait  = "wait" // sync.WaitGroup.Wait
	OpDone  = "done" // sync.WaitGroup.Done
)

// Blocking is a blocking operation (a channel send or receive outside a
// select with a default case, a select without default, or
// sync.WaitGroup.Wait) performed while locks are held.
type Blocking struct {
	Fn     *ssa.Function // where the locks are held
	Site   *Site         // Site.Inner().Pos is the operation
	Kind   string        // OpSend, OpRecv, OpWait
	Object string        // abstract name of the channel or WaitGroup
	Text   string        // the channel or WaitGroup as written at the operation
	Held   []Fact        // the locks held (Must), each with an abstract name
}

// Counter is an operation that can unblock a blocked one (a send,
// receive or close of a channel, in or out of select; WaitGroup.Done),
// with the locks possibly acquired before it on some path, counting only
// the function it was found in and its callees.
type Counter struct {
	Fn       *ssa.Function
	Pos      token.Pos
	Kind     string
	Object   string
	Acquired map[string]*Site // abstract lock names
}

// Result is what Analyzer computes for a package.
type Result struct {
	Funcs       []*Func
	DoubleLocks []DoubleLock
	Edges       []Edge
	Blocking    []Blocking
	Counters    []Counter
	// Roots are the functions that can start running on their own: goroutine
	// bodies, exported functions and methods, functions used as values, and
	// functions without a static caller in the package.
	Roots map[*ssa.Function]bool
	// Callers lists the static call sites of each function, with the
	// abstract locks possibly acquired before the call in the caller.
	Callers map[*ssa.Function][]CallSite
	// Buffered lists the channels (by abstract name) made with a
	// capacity other than a constant zero somewhere in the package, and
	// Unbuffered those made without one.
	Buffered, Unbuffered map[string]bool
	// Span returns the extent of the call, send, receive or range
	// statement whose operation is at pos (a call's Lparen, a send's
	// arrow); pos, pos if unknown.
	Span func(pos token.Pos) (token.Pos, token.Pos)
	// Known reports whether pos is an operation in a non-generated file
	// of the package, whose text and span are known.
	Known func(pos token.Pos) bool
}

// CallSite is a static call of a function.
type CallSite struct {
	Caller   *ssa.Function
	Pos      token.Pos
	Acquired map[string]*Site
}

// Limits that keep the analysis linear-ish on large packages.
const (
	maxDepth    = 12  // nested summary computations
	maxPasses   = 8   // fixpoint passes over a function's blocks
	maxHeld     = 24  // locks tracked at once in a state
	maxFirst    = 24  // entries of a summary's first-lock list
	maxAcquired = 24  // abstract locks tracked per function
	maxOps      = 32  // blocking operations per summary
	maxPath     = 10  // steps in a lock path
	maxBlocks   = 800 // functions with more blocks are skipped
)

func run(pass *analysis.Pass) (any, error) {
	res := &Result{
		Roots:      make(map[*ssa.Function]bool),
		Callers:    make(map[*ssa.Function][]CallSite),
		Buffered:   make(map[string]bool),
		Unbuffered: make(map[string]bool),
		Span:       func(p token.Pos) (token.Pos, token.Pos) { return p, p },
		Known:      func(token.Pos) bool { return false },
	}
	if pass.Pkg.Path() == "sync" || !typematch.ImportsTransitively(pass.Pkg, "sync") {
		return res, nil
	}
	ssainfo := pass.ResultOf[buildssa.Analyzer].(*buildssa.SSA)
	insp := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)

	e := newEngine(pass, ssainfo, insp, res)
	if !e.anyLockOps() {
		return res, nil
	}
	e.run()
	return res, nil
}

// exprText indexes the source expressions that messages quote.
type exprText struct {
	fset  *token.FileSet
	nodes map[token.Pos]ast.Expr
	funs  map[token.Pos]ast.Expr     // a call's Lparen -> the called expression
	spans map[token.Pos][2]token.Pos // operation position -> its node's extent
}

func newExprText(pass *analysis.Pass, insp *inspector.Inspector) *exprText {
	t := &exprText{fset: pass.Fset, nodes: make(map[token.Pos]ast.Expr), funs: make(map[token.Pos]ast.Expr), spans: make(map[token.Pos][2]token.Pos)}
	for fileCur := range insp.Root().Children() {
		file, ok := fileCur.Node().(*ast.File)
		if !ok || generated.Skip(pass.Fset, file) {
			continue
		}
		for cur := range fileCur.Preorder((*ast.CallExpr)(nil), (*ast.SendStmt)(nil), (*ast.UnaryExpr)(nil), (*ast.RangeStmt)(nil)) {
			switch n := cur.Node().(type) {
			case *ast.CallExpr:
				t.spans[n.Lparen] = [2]token.Pos{n.Pos(), n.End()}
				t.funs[n.Lparen] = n.Fun
				// The receiver of x.Lock() or the argument of close(x).
				switch fun := ast.Unparen(n.Fun).(type) {
				case *ast.SelectorExpr:
					t.nodes[n.Lparen] = fun.X
				default:
					if len(n.Args) == 1 {
						t.nodes[n.Lparen] = n.Args[0]
					}
				}
			case *ast.SendStmt:
				t.nodes[n.Arrow] = n.Chan
				t.spans[n.Arrow] = [2]token.Pos{n.Pos(), n.End()}
			case *ast.UnaryExpr:
				if n.Op == token.ARROW {
					t.nodes[n.OpPos] = n.X
					t.spans[n.OpPos] = [2]token.Pos{n.Pos(), n.End()}
				}
			case *ast.RangeStmt:
				t.nodes[n.For] = n.X
				t.spans[n.For] = [2]token.Pos{n.Pos(), n.X.End()}
			}
		}
	}
	return t
}

func (t *exprText) span(pos token.Pos) (token.Pos, token.Pos) {
	if s, ok := t.spans[pos]; ok {
		return s[0], s[1]
	}
	return pos, pos
}

func (t *exprText) text(pos token.Pos) string {
	if e, ok := t.nodes[pos]; ok {
		return types.ExprString(e)
	}
	return ""
}

// fun returns the called expression of the call at pos as written.
func (t *exprText) fun(pos token.Pos) string {
	if e, ok := t.funs[pos]; ok {
		return types.ExprString(e)
	}
	return ""
}

// known reports whether pos is an operation that the index holds: one in
// a non-generated file of the package.
func (t *exprText) known(pos token.Pos) bool {
	_, ok := t.nodes[pos]
	return ok
}

// Where renders pos for a message about something at rel: "line 12" in
// the same file, "store.go:12" in another.
func Where(fset *token.FileSet, pos, rel token.Pos) string {
	p := fset.Position(pos)
	if !p.IsValid() {
		return "an unknown position"
	}
	if r := fset.Position(rel); r.IsValid() && r.Filename == p.Filename {
		return fmt.Sprintf("line %d", p.Line)
	}
	return fmt.Sprintf("%s:%d", filepath.Base(p.Filename), p.Line)
}

// FuncName names fn for a message: its name, or "a function literal in
// F" for a closure.
func FuncName(fn *ssa.Function) string {
	if fn == nil {
		return "a function"
	}
	if p := fn.Parent(); p != nil {
		for p.Parent() != nil {
			p = p.Parent()
		}
		return "a function literal in " + p.Name()
	}
	name, _ := strings.CutSuffix(fn.Name(), "$bound")
	name, _ = strings.CutSuffix(name, "$thunk")
	return name
}
