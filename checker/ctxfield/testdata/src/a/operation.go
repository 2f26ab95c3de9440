package a

import (
	"context"
	"os/exec"
)

// loadState is made by load for one call and never leaves it: its
// context is the call's own.
type loadState struct {
	ctx  context.Context
	args []string
}

func load(ctx context.Context, args []string) ([]byte, error) {
	st := &loadState{ctx: ctx, args: args}
	return st.run()
}

func (st *loadState) run() ([]byte, error) {
	return exec.CommandContext(st.ctx, "go", st.args...).Output()
}

// runState looks the same, but its values leave the call that makes them.
type runState struct {
	ctx  context.Context // want `field ctx of runState stores a caller's context\.Context, and runState\.run works under it`
	args []string
}

var last *runState

func start(ctx context.Context, args []string) *runState {
	st := &runState{ctx: ctx, args: args}
	last = st
	return st
}

func (st *runState) run() ([]byte, error) {
	return exec.CommandContext(st.ctx, "go", st.args...).Output()
}

// setState is made locally, but its field is set again later.
type setState struct {
	ctx context.Context // want `field ctx of setState stores a caller's context\.Context, and setState\.run works under it`
}

func set(ctx context.Context) {
	st := setState{ctx: ctx}
	st.ctx = context.WithoutCancel(ctx)
	st.run()
}

func (st setState) run() { _ = listen(st.ctx, "set") }

// Anonymous structs, such as test tables, are not reported.
var cases = []struct {
	ctx  context.Context
	name string
}{{context.Background(), "background"}}
