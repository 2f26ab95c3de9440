package lockset

import (
	"cmp"
	"go/ast"
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/buildssa"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/ssa"
)

// engine analyzes the functions of one package.
type engine struct {
	ssa     *buildssa.SSA
	res     *Result
	text    *exprText
	spilled map[*ssa.Alloc]*ssa.Parameter

	funcs    []*ssa.Function // every function with a body, in source order
	direct   map[*ssa.Function]bool
	calls    map[*ssa.Function][]*ssa.Function
	relevant map[*ssa.Function]bool // locks or unlocks, itself or in a callee
	scanned  map[*ssa.Function]bool
	infos    map[*ssa.Function]*info
	depth    int

	// callSites indexes Result.Callers by call instruction, so that the
	// dataflow can fill in the locks acquired before each call.
	callSites map[ssa.Instruction]callRef
	dedupDL   map[token.Pos]bool
	edges     map[[2]string]bool
	dyn       *dynIndex // built on first need
	conds     map[*types.Var]condLocker
}

type callRef struct {
	callee *ssa.Function
	index  int
}

// info is the memoized analysis of one function.
type info struct {
	done bool
	sum  *summary
	out  *Func
}

// summary is what callers of a function need to know about it, with locks
// named relative to its parameters, free variables and package variables.
type summary struct {
	first    []firstLock      // locks acquired before any other operation on them, on some path
	touched  map[Key]bool     // locks it operates on
	exitMust map[Key]Fact     // locks held at every return
	exitMay  map[Key]bool     // locks held at some returns
	acquires map[string]*acq  // abstract locks it acquires, itself or in callees
	blocking []blockOp        // blocking operations, itself or in callees
	released map[Key]struct{} // locks it unlocks
	entry    map[Key]struct{} // locks it unlocks without having locked them: the caller's
	restored map[Key]bool     // caller's locks it unlocks and locks again before returning
}

type firstLock struct {
	key      Key
	mode     Mode
	site     *Site
	abstract string
	text     string
	guarded  bool // only under a branch on a bool parameter
}

type acq struct {
	site *Site
	mode Mode
	text string
	// relock is set when the acquisition locks again a lock that the
	// function first unlocked (its caller's): the key, relative to the
	// function. Such a lock was held before, so it adds a lock order only
	// where the caller holds it.
	relock *Key
	// dyn is set when the acquisition is made by a function that a
	// dynamic call may run (here or in a callee).
	dyn *Dynamic
	// outside are the caller's locks (keys relative to the function)
	// that the function unlocked before this acquisition and had not
	// locked again: the acquisition is not ordered after them, as in
	//
	//	s.mu.Unlock()
	//	c.subsMu.Lock() // not under s.mu
	//	c.subsMu.Unlock()
	//	s.mu.Lock()
	outside []Key
}

type blockOp struct {
	site   *Site
	kind   string
	object string
	text   string
}

func newEngine(pass *analysis.Pass, s *buildssa.SSA, insp *inspector.Inspector, res *Result) *engine {
	e := &engine{
		ssa:       s,
		res:       res,
		text:      newExprText(pass, insp),
		spilled:   make(map[*ssa.Alloc]*ssa.Parameter),
		direct:    make(map[*ssa.Function]bool),
		calls:     make(map[*ssa.Function][]*ssa.Function),
		relevant:  make(map[*ssa.Function]bool),
		scanned:   make(map[*ssa.Function]bool),
		infos:     make(map[*ssa.Function]*info),
		callSites: make(map[ssa.Instruction]callRef),
		dedupDL:   make(map[token.Pos]bool),
		edges:     make(map[[2]string]bool),
	}
	res.Span = e.text.span
	res.Known = e.text.known
	return e
}

// anyLockOps scans the package's functions once: it finds which lock
// directly, the static call graph, the roots, and the buffered channels.
// It reports whether any function locks a mutex at all.
func (e *engine) anyLockOps() bool {
	any := false
	for _, fn := range e.ssa.SrcFuncs {
		if fn.Blocks == nil {
			continue
		}
		e.funcs = append(e.funcs, fn)
	}
	valueUse := make(map[*ssa.Function]bool)
	for _, fn := range e.funcs {
		e.scanned[fn] = true
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				e.scan(fn, instr, valueUse)
			}
		}
		if e.direct[fn] {
			any = true
		}
	}
	// A function is relevant if it locks or unlocks, or calls a relevant
	// function: propagate from the direct ones up the call graph.
	callers := make(map[*ssa.Function][]*ssa.Function)
	for fn, gs := range e.calls {
		for _, g := range gs {
			callers[g] = append(callers[g], fn)
		}
	}
	if any {
		// A dynamic call whose possible targets lock makes its caller
		// relevant too.
		for _, fn := range e.funcs {
			for _, b := range fn.Blocks {
				for _, instr := range b.Instrs {
					c, ok := instr.(ssa.CallInstruction)
					if !ok {
						continue
					}
					if _, isGo := instr.(*ssa.Go); isGo {
						continue
					}
					if g, _, _ := callee(c.Common()); g != nil || !dynamicCall(c.Common()) {
						continue
					}
					for _, t := range e.targets(c.Common()) {
						callers[t.fn] = append(callers[t.fn], fn)
					}
				}
			}
		}
	}
	var queue []*ssa.Function
	for _, fn := range e.funcs {
		if e.direct[fn] {
			e.relevant[fn] = true
			queue = append(queue, fn)
		}
	}
	for len(queue) > 0 {
		g := queue[0]
		queue = queue[1:]
		for _, fn := range callers[g] {
			if !e.relevant[fn] {
				e.relevant[fn] = true
				queue = append(queue, fn)
			}
		}
	}
	for _, fn := range e.funcs {
		if valueUse[fn] || len(e.res.Callers[fn]) == 0 ||
			(fn.Object() != nil && ast.IsExported(fn.Name())) {
			e.res.Roots[fn] = true
		}
	}
	return any
}

func (e *engine) scan(fn *ssa.Function, instr ssa.Instruction, valueUse map[*ssa.Function]bool) {
	var ops [8]*ssa.Value
	var called, onced ssa.Value // operands that are called, not used as values
	switch instr := instr.(type) {
	case ssa.CallInstruction:
		c := instr.Common()
		if op, _ := lockCall(c); op != opNone {
			e.direct[fn] = true
			return
		}
		if name, _, field := condCall(c); name != "" && field != nil {
			e.direct[fn] = true
			return
		}
		_, isGo := instr.(*ssa.Go)
		if g, _, _ := callee(c); g != nil {
			if isGo {
				valueUse[g] = true
			} else {
				e.calls[fn] = append(e.calls[fn], g)
				e.callSites[instr] = callRef{g, len(e.res.Callers[g])}
				e.res.Callers[g] = append(e.res.Callers[g], CallSite{Caller: fn, Pos: c.Pos()})
			}
			called = c.Value
			onced, _ = onceFunc(c)
		}
	case *ssa.MakeClosure:
		// A closure used other than by a direct call is a root.
		if g, ok := instr.Fn.(*ssa.Function); ok && escapes(instr) {
			valueUse[g] = true
		}
		return
	case *ssa.MakeChan:
		made := e.res.Buffered
		if zeroCap(instr) {
			made = e.res.Unbuffered
		}
		if refs := instr.Referrers(); refs != nil {
			for _, r := range *refs {
				if st, ok := r.(*ssa.Store); ok && st.Val == instr {
					if obj := e.abstract(st.Addr); obj != "" {
						made[obj] = true
					}
				}
			}
		}
		return
	}
	for _, op := range instr.Operands(ops[:0]) {
		if g, ok := (*op).(*ssa.Function); ok && *op != called && *op != onced {
			valueUse[g] = true
		}
	}
}

// callsValue reports whether instruction r uses the closure v only to
// call it (directly, deferred, or through once.Do).
func callsValue(r ssa.Instruction, v ssa.Value) bool {
	ci, ok := r.(ssa.CallInstruction)
	if !ok {
		return false
	}
	if _, isGo := r.(*ssa.Go); isGo {
		return false
	}
	c := ci.Common()
	if c.Value == v {
		for _, a := range c.Args {
			if a == v {
				return false
			}
		}
		return true
	}
	if f, ok := onceFunc(c); ok && f == v {
		return true
	}
	return false
}

// isRelevant reports whether fn locks or unlocks, itself or in a callee.
// Functions outside the package's source functions (wrappers, generic
// bodies) are scanned when first needed.
func (e *engine) isRelevant(fn *ssa.Function) bool {
	if !e.scanned[fn] {
		e.scanned[fn] = true
		valueUse := map[*ssa.Function]bool{}
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				e.scan(fn, instr, valueUse)
			}
		}
		r := e.direct[fn]
		for _, g := range e.calls[fn] {
			r = r || e.relevant[g] || (!e.scanned[g] && e.isRelevant(g))
		}
		e.relevant[fn] = r
	}
	return e.relevant[fn]
}

func (e *engine) run() {
	// Callees outside SrcFuncs (wrappers, generic bodies) are scanned on
	// demand when first analyzed.
	for _, fn := range e.funcs {
		e.analyze(fn)
	}
	for _, fn := range e.funcs {
		if in := e.infos[fn]; in != nil && in.out != nil {
			e.res.Funcs = append(e.res.Funcs, in.out)
		}
	}
	// Deterministic order for the analyzers.
	pos := func(s *Site) token.Pos { return s.Inner().Pos }
	slices.SortStableFunc(e.res.DoubleLocks, func(a, b DoubleLock) int { return cmp.Compare(pos(a.Site), pos(b.Site)) })
	slices.SortStableFunc(e.res.Edges, func(a, b Edge) int {
		return cmp.Or(cmp.Compare(a.Acquire.Pos, b.Acquire.Pos), cmp.Compare(a.From, b.From), cmp.Compare(a.To, b.To))
	})
	slices.SortStableFunc(e.res.Blocking, func(a, b Blocking) int { return cmp.Compare(pos(a.Site), pos(b.Site)) })
}

// analyze runs the dataflow over fn once and returns its memoized
// result, or nil while fn is being analyzed (recursion) or too deep.
func (e *engine) analyze(fn *ssa.Function) *info {
	if in, ok := e.infos[fn]; ok {
		if !in.done {
			return nil
		}
		return in
	}
	if e.depth >= maxDepth {
		return nil
	}
	in := &info{}
	e.infos[fn] = in
	e.depth++
	defer func() { e.depth-- }()

	f := newFlow(e, fn, e.isRelevant(fn))
	f.solve()
	in.sum = f.sum
	in.out = f.out
	in.done = true
	return in
}
