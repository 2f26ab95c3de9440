package grade

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"os/signal"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"
)

// On Linux every grade's go command runs under a supervisor: this same
// executable, started again with supervisorEnv set, which an init function
// below turns into the supervisor before anything else of the program
// runs. The supervisor
//
//   - marks itself a child subreaper (PR_SET_CHILD_SUBREAPER), so that
//     every process the run starts stays its descendant, even one that
//     calls setsid or double-forks: orphans are reparented to it, not to
//     init;
//   - when the go command exits, or accent asks it to stop (SIGTERM, also
//     sent by the kernel if accent dies), kills every descendant, again
//     and again until none is left, and reaps them;
//   - kills the run if any descendant holds more resident memory than the
//     hard limit, and says so on its standard error.
//
// Why a separate process: a subreaper is a property of the whole
// process. Made in accent itself, it would adopt the orphans of everything
// accent runs and need a wait(-1) loop that steals exit statuses from
// os/exec. A cgroup would also catch everything, but needs a delegated,
// writable cgroup v2 tree, which most machines do not give a user
// (containers and CI least of all). A PID namespace needs unprivileged
// user namespaces, often disabled.
const (
	supervisorEnv  = "ACCENT_GRADE_SUPERVISOR" // value: the hard memory limit in bytes
	supervisorArg0 = "accent-grade-supervisor"
)

func init() {
	limit, ok := os.LookupEnv(supervisorEnv)
	if !ok {
		return
	}
	os.Exit(runSupervisor(limit, os.Args[1:]))
}

func supervise(cmd *exec.Cmd, s supervision) *exec.Cmd {
	if cmd.Err != nil {
		return cmd // Start reports it
	}
	if _, err := os.Stat("/proc/self/exe"); err != nil {
		cmd.SysProcAttr = processGroup()
		return cmd
	}
	sup := exec.Command("/proc/self/exe")
	sup.Args = append([]string{supervisorArg0, cmd.Path}, cmd.Args[1:]...)
	sup.Dir = cmd.Dir
	sup.Env = append(append([]string(nil), cmd.Env...), fmt.Sprintf("%s=%d", supervisorEnv, s.memoryLimit))
	sup.Stdout, sup.Stderr = cmd.Stdout, cmd.Stderr
	sup.WaitDelay = cmd.WaitDelay
	sup.SysProcAttr = &syscall.SysProcAttr{Setpgid: true, Pdeathsig: syscall.SIGTERM}
	return sup
}

func processGroup() *syscall.SysProcAttr { return &syscall.SysProcAttr{Setpgid: true} }

func supervised(cmd *exec.Cmd) bool {
	return len(cmd.Args) > 0 && cmd.Args[0] == supervisorArg0
}

// stop ends a run early: the supervisor kills everything; without one, the
// process group goes.
func stop(cmd *exec.Cmd) {
	if cmd.Process == nil {
		return
	}
	if supervised(cmd) {
		_ = cmd.Process.Signal(syscall.SIGTERM) //accent:ignore errignored it may have exited already
		return
	}
	killGroup(cmd)
}

// cleanup runs after every run. The supervisor has killed everything
// before it exited; without one, whatever the run left in its group goes.
func cleanup(cmd *exec.Cmd) {
	if cmd.Process != nil && !supervised(cmd) {
		killGroup(cmd)
	}
}

func killGroup(cmd *exec.Cmd) {
	if err := syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL); err != nil {
		_ = cmd.Process.Kill() // the process may have exited already
	}
}

const prSetChildSubreaper = 36

func runSupervisor(limitText string, args []string) int {
	if err := os.Unsetenv(supervisorEnv); err != nil || len(args) == 0 {
		fmt.Fprintf(os.Stderr, "%s: nothing to run (%v)\n", supervisorArg0, err)
		return 2
	}
	limit, _ := strconv.ParseInt(limitText, 10, 64) //accent:ignore errignored accent writes it; 0 (no limit) otherwise
	if _, _, errno := syscall.RawSyscall(syscall.SYS_PRCTL, prSetChildSubreaper, 1, 0); errno != 0 {
		fmt.Fprintf(os.Stderr, "%s: cannot become a subreaper (%v): processes that leave the group may survive\n", supervisorArg0, errno)
	}
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, syscall.SIGTERM, syscall.SIGINT, syscall.SIGHUP)
	p, err := os.StartProcess(args[0], args, &os.ProcAttr{
		Files: []*os.File{os.Stdin, os.Stdout, os.Stderr},
		Sys:   &syscall.SysProcAttr{Setpgid: true},
	})
	if err != nil {
		fmt.Fprintf(os.Stderr, "%s: %v\n", supervisorArg0, err)
		return 127
	}
	var once sync.Once
	reaped := make(chan struct{})
	killAll := func() {
		once.Do(func() {
			go func() {
				for {
					_ = syscall.Kill(-p.Pid, syscall.SIGKILL) //accent:ignore errignored the group may be gone
					for _, pid := range descendants(nil) {
						_ = syscall.Kill(pid, syscall.SIGKILL) //accent:ignore errignored it may have exited already
					}
					select {
					case <-reaped:
						return
					case <-time.After(2 * time.Millisecond):
					}
				}
			}()
		})
	}
	go func() {
		<-sigs
		killAll()
	}()
	go watch(p.Pid, limit, killAll, reaped)
	status := 1
	for {
		var ws syscall.WaitStatus
		pid, err := syscall.Wait4(-1, &ws, 0, nil)
		if errors.Is(err, syscall.EINTR) {
			continue
		}
		if err != nil {
			break // ECHILD: nothing is left
		}
		if pid == p.Pid {
			switch {
			case ws.Exited():
				status = ws.ExitStatus()
			case ws.Signaled():
				status = 128 + int(ws.Signal())
			}
			killAll()
		}
	}
	close(reaped)
	return status
}

// watch polls the processes of the run. It kills the run when one
// holds more resident memory than limit (0: no limit), and kills orphans
// as they appear: a process reparented to the supervisor lost the parent
// that should have waited for it (a daemon, or a child the test binary
// left running when it exited, which would hold its output open and keep
// the go command waiting).
func watch(main int, limit int64, killAll func(), done chan struct{}) {
	page := int64(os.Getpagesize())
	self := os.Getpid()
	tick := time.NewTicker(50 * time.Millisecond)
	defer tick.Stop()
	for {
		select {
		case <-done:
			return
		case <-tick.C:
		}
		rss := map[int]int64{}
		comm := map[int]string{}
		parent := map[int]int{}
		for _, pid := range descendants(func(pid, ppid int, name string, pages int64) {
			rss[pid], comm[pid], parent[pid] = pages*page, name, ppid
		}) {
			if limit > 0 && rss[pid] > limit {
				fmt.Fprintf(os.Stderr, "\n%s %d %s\n", memoryReport, rss[pid], comm[pid])
				killAll()
				return
			}
			if parent[pid] == self && pid != main {
				_ = syscall.Kill(pid, syscall.SIGKILL) //accent:ignore errignored it may have exited already
			}
		}
	}
}

// descendants lists the processes below this one, read from /proc; each
// is also passed to seen (if not nil) with its command name and resident
// pages.
func descendants(seen func(pid, ppid int, name string, rssPages int64)) []int {
	entries, err := os.ReadDir("/proc")
	if err != nil {
		return nil
	}
	type proc struct {
		ppid int
		name string
		rss  int64
	}
	procs := map[int]proc{}
	children := map[int][]int{}
	for _, e := range entries {
		pid, err := strconv.Atoi(e.Name())
		if err != nil {
			continue
		}
		b, err := os.ReadFile("/proc/" + e.Name() + "/stat")
		if err != nil {
			continue // gone
		}
		// pid (comm) state ppid ... with comm possibly holding spaces and parens.
		open, closing := bytes.IndexByte(b, '('), bytes.LastIndexByte(b, ')')
		if open < 0 || closing < open {
			continue
		}
		fields := strings.Fields(string(b[closing+1:]))
		if len(fields) < 22 {
			continue
		}
		ppid, _ := strconv.Atoi(fields[1])             //accent:ignore errignored a malformed line counts as parent 0
		rss, _ := strconv.ParseInt(fields[21], 10, 64) //accent:ignore errignored as above
		procs[pid] = proc{ppid, string(b[open+1 : closing]), rss}
		children[ppid] = append(children[ppid], pid)
	}
	var out []int
	queue := []int{os.Getpid()}
	for len(queue) > 0 {
		pid := queue[0]
		queue = queue[1:]
		for _, c := range children[pid] {
			out = append(out, c)
			queue = append(queue, c)
			if seen != nil {
				seen(c, pid, procs[c].name, procs[c].rss)
			}
		}
	}
	return out
}
