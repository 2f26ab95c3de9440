//go:build linux

package tui

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"syscall"
	"testing"
	"time"
	"unsafe"
)

// openPTY opens a pseudo-terminal pair of rows×cols (Linux, standard
// library only).
func openPTY(rows, cols uint16) (master, tty *os.File, err error) {
	master, err = os.OpenFile("/dev/ptmx", os.O_RDWR|syscall.O_NOCTTY|syscall.O_CLOEXEC, 0)
	if err != nil {
		return nil, nil, err
	}
	ioctl := func(req uintptr, arg unsafe.Pointer) error {
		if _, _, e := syscall.Syscall(syscall.SYS_IOCTL, master.Fd(), req, uintptr(arg)); e != 0 {
			return e
		}
		return nil
	}
	var unlock int32
	var n uint32
	ws := [4]uint16{rows, cols, 0, 0}
	if err = ioctl(syscall.TIOCSPTLCK, unsafe.Pointer(&unlock)); err == nil {
		if err = ioctl(syscall.TIOCGPTN, unsafe.Pointer(&n)); err == nil {
			err = ioctl(syscall.TIOCSWINSZ, unsafe.Pointer(&ws))
		}
	}
	if err == nil {
		tty, err = os.OpenFile("/dev/pts/"+strconv.Itoa(int(n)), os.O_RDWR|syscall.O_NOCTTY, 0)
	}
	if err != nil {
		return nil, nil, fmt.Errorf("opening a pty: %w (master close: %v)", err, master.Close())
	}
	return master, tty, nil
}

// termios reads a terminal's settings.
func termios(f *os.File) (syscall.Termios, error) {
	var t syscall.Termios
	if _, _, e := syscall.Syscall(syscall.SYS_IOCTL, f.Fd(), syscall.TCGETS, uintptr(unsafe.Pointer(&t))); e != 0 {
		return t, e
	}
	return t, nil
}

// TestAPanicRestoresTheTerminal runs the workbench in a pseudo-terminal
// (this test binary, as a child: see panicChild), makes a grade panic, and
// checks that the terminal is back in the mode it was in: line editing
// and echo on, as the shell needs them.
func TestAPanicRestoresTheTerminal(t *testing.T) {
	master, tty, err := openPTY(30, 100)
	if err != nil {
		t.Skipf("no pseudo-terminal: %v", err)
	}
	defer func() {
		if err := master.Close(); err != nil {
			t.Error(err)
		}
	}()
	before, err := termios(tty)
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	raceLog := filepath.Join(t.TempDir(), "race")
	cmd.Env = append(os.Environ(), "ACCENT_TUI_TEST_CHILD=panic", "ACCENT_TUI_TEST_DIR="+t.TempDir(), "TERM=xterm-256color",
		"GORACE=log_path="+raceLog) // under -race, a report goes there, not to the terminal
	cmd.Dir, err = filepath.Abs(".")
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stdin, cmd.Stdout, cmd.Stderr = tty, tty, tty
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true, Setctty: true, Ctty: 0}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	out := make(chan []byte, 64)
	go func() {
		defer close(out)
		for {
			buf := make([]byte, 16<<10)
			n, err := master.Read(buf)
			if n > 0 {
				out <- buf[:n]
			}
			if err != nil {
				return
			}
		}
	}()
	var seen []byte
	wait := func(want string) {
		t.Helper()
		timeout := time.After(waitLimit(t))
		for !bytes.Contains(seen, []byte(want)) {
			select {
			case b, ok := <-out:
				if !ok {
					t.Fatalf("the child ended before %q:\n%q", want, seen)
				}
				seen = append(seen, b...)
			case <-timeout:
				t.Fatalf("no %q:\n%q", want, seen)
			}
		}
	}
	wait("Course map")
	during, err := termios(tty)
	if err != nil {
		t.Fatal(err)
	}
	if during.Lflag&syscall.ICANON != 0 {
		t.Errorf("the workbench did not put the terminal in raw mode (lflag %#x)", during.Lflag)
	}
	if _, err := master.Write([]byte("\r")); err != nil { // open the exercise: its grade panics
		t.Fatal(err)
	}
	wait("RUN-RETURNED")
	if err := cmd.Wait(); err != nil {
		reports, gerr := filepath.Glob(raceLog + "*")
		if gerr != nil {
			t.Error(gerr)
		}
		for _, r := range reports {
			if b, err := os.ReadFile(r); err == nil {
				t.Logf("%s:\n%s", r, b)
			}
		}
		t.Fatalf("child: %v\n%q", err, seen)
	}
	after, err := termios(tty)
	if err != nil {
		t.Fatal(err)
	}
	const modes = syscall.ICANON | syscall.ECHO | syscall.ISIG
	if after.Lflag&modes != before.Lflag&modes {
		t.Errorf("lflag %#x after the panic, %#x before: the terminal was not restored", after.Lflag, before.Lflag)
	}
	if !bytes.Contains(seen, []byte("internal error")) || !bytes.Contains(seen, []byte("\x1b[?1049l")) {
		t.Errorf("no error message, or the alternate screen was not left:\n%q", seen)
	}
	if err := tty.Close(); err != nil {
		t.Error(err)
	}
}
