//go:build unix

package workshop

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"testing"
	"time"
)

// chromium finds a headless browser: $ACCENT_CHROMIUM, else Debian's
// chromium (which .ci/run installs), else Chrome.
func chromium(t *testing.T) string {
	t.Helper()
	if p := os.Getenv("ACCENT_CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	t.Skip("no Chromium to load the room board in: install Debian's chromium package (.ci/run does) or set ACCENT_CHROMIUM")
	return ""
}

// The room board, loaded in headless Chromium: its script follows the
// stream and draws the room, and a name full of markup stays text.
func TestTheBoardShowsTheRoomInABrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a browser")
	}
	browser := chromium(t)
	srv, hs, _ := room(t, Config{SnapshotEvery: 20 * time.Millisecond})
	key, err := ReadSecret(srv.cfg.DataDir, BoardKey)
	if err != nil {
		t.Fatal(err)
	}
	ana := join(t, hs.URL, "Ana Lima")
	for i := range 3 {
		call(t, "POST", hs.URL+"/v1/events", ana.Token, events(ev(i+1, "verdict", "goroutines/fetch-all", `"status":"fail","findings":["analyzer:chanleak"]`)))
	}
	join(t, hs.URL, "Bo")
	// A name that got past sanitising (it cannot; the page must not trust it).
	apply(srv.room, Record{Type: "join", At: time.Now(), Participant: "p99", Name: `<img src=x onerror="document.title='pwned'">Mallory`})

	b := startBrowser(t, browser)
	url := hs.URL + "/board#key=" + key
	var target struct{ TargetID string }
	b.call(t, "", "Target.createTarget", map[string]any{"url": url}, &target)
	var attached struct{ SessionID string }
	b.call(t, "", "Target.attachToTarget", map[string]any{"targetId": target.TargetID, "flatten": true}, &attached)
	// Wait until the script has drawn the room from the stream.
	deadline := testDeadline(t)
	for b.eval(t, attached.SessionID, `document.querySelectorAll("#rows tr").length`) != "3" {
		if time.Now().After(deadline) {
			t.Fatalf("the board never drew the room; status: %s", b.eval(t, attached.SessionID, `document.getElementById("status").textContent`))
		}
		time.Sleep(50 * time.Millisecond)
	}
	if title := b.eval(t, attached.SessionID, "document.title"); title != "accent · room board" {
		t.Errorf("title %q: a script from a name ran", title)
	}
	out := b.eval(t, attached.SessionID, "document.documentElement.outerHTML")
	dom := out
	for _, want := range []string{
		`data-participant="p1"`, ">Ana Lima<", ">Bo<", // a row each
		`class="failing"`, "✗", // Ana's cell
		"the same failure 3 times in a row", // Ana is stuck
		"analyzer:chanleak",                 // the room's top finding
		"TEST-CODE",                         // the join code
		"&lt;img src=x onerror=",            // markup shown as text
	} {
		if !strings.Contains(dom, want) {
			t.Errorf("the board lacks %q; DOM:\n%s", want, dom)
		}
	}
	if strings.Contains(dom, "<img") || b.eval(t, attached.SessionID, "document.images.length") != "0" {
		t.Errorf("a participant's name became markup:\n%s", dom)
	}
}

// browser speaks the Chrome DevTools Protocol to a headless Chromium over
// --remote-debugging-pipe (messages are JSON ended by a NUL byte, on file
// descriptors 3 and 4 of the browser).
type browser struct {
	in   *os.File // we write commands
	out  *bufio.Reader
	next int
}

func startBrowser(t *testing.T, path string) *browser {
	t.Helper()
	cmdR, cmdW, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	resR, resW, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	profile, err := os.MkdirTemp("", "accent-board-")
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(path, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
		"--remote-debugging-pipe", "--user-data-dir="+profile, "about:blank")
	cmd.ExtraFiles = []*os.File{cmdR, resW}               // fd 3: commands in; fd 4: answers out
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true} // its helper processes go with it
	if err := cmd.Start(); err != nil {
		t.Fatalf("starting %s: %v", path, err)
	}
	// The browser's ends belong to it now.
	if err := cmdR.Close(); err != nil {
		t.Fatal(err)
	}
	if err := resW.Close(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := cmd.Process.Kill(); err != nil {
			t.Log(err)
		}
		_ = cmd.Wait() //accent:ignore errignored killed on purpose
		_ = cmdW.Close()
		_ = resR.Close()
	})
	return &browser{in: cmdW, out: bufio.NewReader(resR)}
}

// call sends one command and decodes its result into out.
func (b *browser) call(t *testing.T, session, method string, params map[string]any, out any) {
	t.Helper()
	b.next++
	msg := map[string]any{"id": b.next, "method": method, "params": params}
	if session != "" {
		msg["sessionId"] = session
	}
	line, err := json.Marshal(msg)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := b.in.Write(append(line, 0)); err != nil {
		t.Fatalf("%s: %v", method, err)
	}
	for {
		raw, err := b.out.ReadBytes(0)
		if err != nil {
			t.Fatalf("%s: reading the browser's answer: %v", method, err)
		}
		var ans struct {
			ID     int
			Result json.RawMessage
			Error  *struct{ Message string }
		}
		if err := json.Unmarshal(raw[:len(raw)-1], &ans); err != nil {
			t.Fatalf("%s: %v", method, err)
		}
		if ans.ID != b.next {
			continue // an event, or an answer to another session
		}
		if ans.Error != nil {
			t.Fatalf("%s: %s", method, ans.Error.Message)
		}
		if out != nil {
			if err := json.Unmarshal(ans.Result, out); err != nil {
				t.Fatalf("%s: %v", method, err)
			}
		}
		return
	}
}

// eval evaluates a JavaScript expression in the page, as a string.
func (b *browser) eval(t *testing.T, session, expr string) string {
	t.Helper()
	var res struct {
		Result struct{ Value any }
	}
	b.call(t, session, "Runtime.evaluate", map[string]any{"expression": expr, "returnByValue": true}, &res)
	return fmt.Sprint(res.Result.Value)
}
