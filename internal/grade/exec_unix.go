//go:build unix && !linux

package grade

import (
	"os/exec"
	"syscall"
)

// On Unix systems other than Linux there is no subreaper: the go command
// runs in its own process group, which is killed on a timeout and after
// every run. A child that leaves the group (setsid) survives; see the
// Linux supervisor for the complete answer.

func supervise(cmd *exec.Cmd, _ supervision) *exec.Cmd {
	cmd.SysProcAttr = processGroup()
	return cmd
}

func processGroup() *syscall.SysProcAttr { return &syscall.SysProcAttr{Setpgid: true} }

// stop ends a run early.
func stop(cmd *exec.Cmd) { killGroup(cmd) }

// cleanup runs after every run: whatever the run left in its group goes.
func cleanup(cmd *exec.Cmd) { killGroup(cmd) }

func killGroup(cmd *exec.Cmd) {
	if cmd.Process == nil {
		return
	}
	// The group may be gone already; then there is nothing to kill.
	if err := syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL); err != nil {
		_ = cmd.Process.Kill() // the process may have exited already
	}
}
