//go:build unix

package grade

import (
	"os/exec"
	"syscall"
)

// setProcessGroup puts the command in its own process group, so that a
// timeout kills the go command, the compiler and the test binary together.
func setProcessGroup(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
}

func killGroup(cmd *exec.Cmd) {
	if cmd.Process == nil {
		return
	}
	// The group may be gone already; then there is nothing to kill.
	if err := syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL); err != nil {
		_ = cmd.Process.Kill() // the process may have exited already
	}
}
