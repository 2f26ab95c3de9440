//go:build linux

package tui

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// ptyRun is accent running in a pseudo-terminal.
type ptyRun struct {
	cmd    *exec.Cmd
	master *os.File
	out    chan []byte
}

func startInPTY(b *testing.B, bin string, env []string) (*ptyRun, time.Time) {
	b.Helper()
	master, tty, err := openPTY(30, 100)
	if err != nil {
		b.Skipf("no pseudo-terminal: %v", err)
	}
	cmd := exec.Command(bin)
	cmd.Env = append(os.Environ(), env...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = tty, tty, tty
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true, Setctty: true, Ctty: 0}
	r := &ptyRun{cmd: cmd, master: master, out: make(chan []byte, 64)}
	go func() {
		defer close(r.out)
		for {
			buf := make([]byte, 32<<10)
			n, err := master.Read(buf)
			if n > 0 {
				r.out <- buf[:n]
			}
			if err != nil {
				return
			}
		}
	}()
	start := time.Now()
	if err := cmd.Start(); err != nil {
		b.Fatal(err)
	}
	if err := tty.Close(); err != nil {
		b.Fatal(err)
	}
	return r, start
}

// waitOutput reads until the output holds want.
func (r *ptyRun) waitOutput(b *testing.B, want string) {
	b.Helper()
	var seen []byte
	timeout := time.After(30 * time.Second)
	for {
		select {
		case chunk, ok := <-r.out:
			if !ok {
				b.Fatalf("accent exited before showing %q:\n%q", want, seen)
			}
			seen = append(seen, chunk...)
			if bytes.Contains(seen, []byte(want)) {
				return
			}
		case <-timeout:
			b.Fatalf("no %q after 30s:\n%q", want, seen)
		}
	}
}

// quit presses q and waits for accent to exit.
func (r *ptyRun) quit(b *testing.B) {
	b.Helper()
	if _, err := r.master.Write([]byte("q")); err != nil {
		b.Fatal(err)
	}
	go func() {
		for range r.out { // drain until the master side closes
		}
	}()
	if err := r.cmd.Wait(); err != nil {
		b.Fatalf("accent: %v", err)
	}
	if err := r.master.Close(); err != nil {
		b.Fatal(err)
	}
}

// cpuOf is the CPU time a process has used so far, from /proc (in clock
// ticks of 10ms).
func cpuOf(b *testing.B, pid int) time.Duration {
	b.Helper()
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		b.Fatal(err)
	}
	// Fields after the command name, which is in parentheses.
	f := strings.Fields(string(data[bytes.LastIndexByte(data, ')')+2:]))
	utime, err1 := strconv.Atoi(f[11])
	stime, err2 := strconv.Atoi(f[12])
	if err1 != nil || err2 != nil {
		b.Fatalf("parsing /proc/%d/stat: %v %v", pid, err1, err2)
	}
	return time.Duration(utime+stime) * 10 * time.Millisecond
}

// rss is a process's resident memory in MB, from /proc.
func rss(b *testing.B, pid int) float64 {
	b.Helper()
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		b.Fatal(err)
	}
	for _, line := range strings.Split(string(data), "\n") {
		if f := strings.Fields(line); len(f) >= 2 && f[0] == "VmRSS:" {
			kb, err := strconv.Atoi(f[1])
			if err != nil {
				b.Fatal(err)
			}
			return float64(kb) / 1024
		}
	}
	b.Fatal("no VmRSS")
	return 0
}

// BenchmarkStartToFirstFrame starts the real accent binary in a 100×30
// pseudo-terminal on an existing workspace, and times from exec to the
// first frame of the course map arriving on the terminal: process start,
// course parsing, opening the workspace and the progress, Bubble Tea's
// start and the first render, all included. It reports the median, and
// the resident memory after the map has sat idle for a second.
//
//	go test -run '^$' -bench StartToFirstFrame -benchtime 30x ./internal/tui/
func BenchmarkStartToFirstFrame(b *testing.B) {
	bin := buildAccent(b)
	dir := b.TempDir()
	env := []string{
		"ACCENT_WORKSPACE=" + filepath.Join(dir, "ws"), "ACCENT_STATE_DIR=" + filepath.Join(dir, "state"),
		"ACCENT_THEME=dark", "TERM=xterm-256color", "COLORTERM=truecolor",
	}
	// Create the workspace and choose a language, as a returning learner has.
	first, _ := startInPTY(b, bin, env)
	first.waitOutput(b, "Where are you coming from?")
	if _, err := first.master.Write([]byte("\r")); err != nil {
		b.Fatal(err)
	}
	first.waitOutput(b, "Course map")
	first.quit(b)

	var times, cpus []time.Duration
	var mem []float64
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		r, start := startInPTY(b, bin, env)
		r.waitOutput(b, "Course map")
		times = append(times, time.Since(start))
		cpus = append(cpus, cpuOf(b, r.cmd.Process.Pid))
		if i < 3 {
			b.StopTimer()
			time.Sleep(time.Second) // idle on the map
			mem = append(mem, rss(b, r.cmd.Process.Pid))
			b.StartTimer()
		}
		r.quit(b)
	}
	slices.Sort(times)
	slices.Sort(cpus)
	b.ReportMetric(float64(cpus[len(cpus)/2].Milliseconds()), "ms-cpu-median")
	b.ReportMetric(float64(times[len(times)/2].Microseconds())/1000, "ms-median")
	b.ReportMetric(float64(times[len(times)-1].Microseconds())/1000, "ms-max")
	b.ReportMetric(slices.Max(mem), "MB-rss-idle")
}
