//go:build !unix

package grade

import (
	"os/exec"
	"syscall"
)

// Elsewhere (Windows) accent kills the go command it started; processes
// the test binary started are not tracked (a job object would be the
// answer there).

func supervise(cmd *exec.Cmd, _ supervision) *exec.Cmd { return cmd }

func processGroup() *syscall.SysProcAttr { return nil }

func stop(cmd *exec.Cmd) {
	if cmd.Process != nil {
		_ = cmd.Process.Kill() // the process may have exited already
	}
}

func cleanup(*exec.Cmd) {}
