//go:build unix

package workshop

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// When ACCENT_WORKSHOP_CHILD names a data directory, this test binary is a
// workshop server that runs until it is killed.
func init() {
	dir := os.Getenv("ACCENT_WORKSHOP_CHILD")
	if dir == "" {
		return
	}
	srv, err := Open(Config{DataDir: dir, Code: "KILL-TEST", Exercises: testExercises})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	if err := os.WriteFile(filepath.Join(dir, "child.addr"), []byte(ln.Addr().String()), 0o600); err != nil {
		os.Exit(1)
	}
	fmt.Fprintln(os.Stderr, http.Serve(ln, srv))
	os.Exit(1)
}

// Every event the server acknowledged is in the room after a kill -9 in
// the middle of the traffic: the server is a child process, killed with
// SIGKILL while 8 participants send as fast as they can.
func TestAcknowledgedEventsSurviveAKill9(t *testing.T) {
	if testing.Short() {
		t.Skip("starts and kills a server process")
	}
	dir := t.TempDir()
	child := exec.Command(os.Args[0], "-test.run=^$")
	child.Env = append(os.Environ(), "ACCENT_WORKSHOP_CHILD="+dir)
	var stderr strings.Builder
	child.Stderr = &stderr
	if err := child.Start(); err != nil {
		t.Fatal(err)
	}
	defer child.Process.Kill() //accent:ignore errignored killed below already, normally
	var addr string
	waitFor(t, "the server to start", func() bool {
		b, err := os.ReadFile(filepath.Join(dir, "child.addr"))
		addr = string(b)
		return err == nil && addr != ""
	})
	base := "http://" + addr
	c := &http.Client{Timeout: 5 * time.Second}

	acked := make([]int64, 8)
	tokens := make([]string, len(acked))
	for i := range tokens {
		req, err := http.NewRequest("POST", base+"/v1/join", strings.NewReader(fmt.Sprintf(`{"code":"KILL-TEST","name":"p%d"}`, i)))
		if err != nil {
			t.Fatal(err)
		}
		var jr JoinResponse
		if err := doJSON(c, req, &jr); err != nil {
			t.Fatal(err)
		}
		tokens[i] = jr.Token
	}
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	for i, tok := range tokens {
		wg.Go(func() {
			for seq := int64(1); ctx.Err() == nil; seq++ {
				body := events(ev(int(seq), "verdict", "goroutines/fetch-all", `"status":"fail","findings":["leak"]`))
				req, err := http.NewRequestWithContext(ctx, "POST", base+"/v1/events", strings.NewReader(body))
				if err != nil {
					return
				}
				req.Header.Set("Authorization", "Bearer "+tok)
				var er EventsResponse
				if err := doJSON(c, req, &er); err != nil {
					return // the server is gone: what was acknowledged is what counts
				}
				acked[i] = er.LastSeq
			}
		})
	}
	time.Sleep(300 * time.Millisecond) // let the traffic run, then pull the plug
	if err := child.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	if err := child.Wait(); err == nil {
		t.Fatal("the server exited cleanly; want it killed")
	}
	cancel()
	wg.Wait()

	room, notice, err := LoadRoom(dir)
	if err != nil {
		t.Fatalf("the room after kill -9: %v (server stderr: %s)", err, stderr.String())
	}
	total := int64(0)
	for i := range acked {
		id := fmt.Sprint("p", i+1)
		if got := room.LastSeq(id); got < acked[i] {
			t.Errorf("%s: the server acknowledged seq %d, the room after kill -9 has %d", id, acked[i], got)
		}
		total += acked[i]
	}
	if total < 50 {
		t.Errorf("only %d events were acknowledged before the kill: the test did not load the server", total)
	}
	t.Logf("%d events acknowledged before kill -9, all recovered; %s", total, notice)
}

func doJSON(c *http.Client, req *http.Request, out any) error {
	resp, err := c.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != 200 {
		return errors.New(resp.Status)
	}
	return decodeStrict(resp.Body, out)
}
