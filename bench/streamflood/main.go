// Command streamflood measures the workshop server's memory under a flood
// of room streams: a room of N participants (written to its log before the
// server starts), S streams on /v1/stream with the board key (half never
// read a byte, half read), and a change to the room every 100ms so
// snapshots keep coming. The server runs as a child process, so the
// figure is the server's own peak resident memory (VmHWM), reported as a
// ratio to the ceiling.
//
//	go run ./bench/streamflood -participants 10000 -streams 2000 -duration 30s
package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/accent-go/accent/internal/workshop"
)

var exercises = []string{"goroutines/fetch-all", "goroutines/first-error", "channels/pipeline", "context/timeout"}

func main() {
	if dir := os.Getenv("STREAMFLOOD_CHILD"); dir != "" {
		child(dir)
		return
	}
	n := flag.Int("participants", 10000, "participants in the room")
	streams := flag.Int("streams", 2000, "streams opened on /v1/stream")
	dur := flag.Duration("duration", 30*time.Second, "how long the room keeps changing with the streams open")
	ceiling := flag.Int("ceiling-mb", 512, "the memory ceiling the server must stay under")
	flag.Parse()
	if err := run(*n, *streams, *dur, *ceiling); err != nil {
		fmt.Fprintln(os.Stderr, "streamflood:", err)
		os.Exit(1)
	}
}

// child is the server: it serves the room in dir until it is killed.
func child(dir string) {
	srv, err := workshop.Open(workshop.Config{DataDir: dir, Code: "FLOOD-TEST", Exercises: exercises})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	if err := os.WriteFile(filepath.Join(dir, "addr"), []byte(ln.Addr().String()), 0o600); err != nil {
		os.Exit(1)
	}
	fmt.Fprintln(os.Stderr, http.Serve(ln, srv))
	os.Exit(1)
}

// writeRoom writes a room log of n participants, each with a few verdicts
// on every exercise; participant i's token is "token-i".
func writeRoom(dir string, n int) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	t0 := time.Date(2026, 11, 21, 10, 0, 0, 0, time.UTC)
	if err := enc.Encode(workshop.Record{Type: "room", At: t0, Code: "FLOOD-TEST", Exercises: exercises}); err != nil {
		return err
	}
	if err := enc.Encode(workshop.Record{Type: "open", At: t0, Exercise: exercises[0]}); err != nil {
		return err
	}
	for i := range n {
		pid := "p" + strconv.Itoa(i+1)
		name := fmt.Sprintf("Participant number %d", i+1)
		if err := enc.Encode(workshop.Record{Type: "join", At: t0, Participant: pid, Name: name, TokenHash: workshop.HashToken("token-" + strconv.Itoa(i+1))}); err != nil {
			return err
		}
		for j, ex := range exercises {
			for k := range 3 {
				e := workshop.Event{Seq: int64(j*3 + k + 1), Kind: workshop.Graded, Exercise: ex, At: t0, Status: "fail", Findings: []string{"leak", "analyzer:chanleak"}}
				if err := enc.Encode(workshop.Record{Type: "event", At: t0, Participant: pid, Event: &e}); err != nil {
					return err
				}
			}
		}
	}
	return os.WriteFile(filepath.Join(dir, workshop.LogFile), buf.Bytes(), 0o600)
}

func run(n, streams int, dur time.Duration, ceilingMB int) error {
	dir, err := os.MkdirTemp("", "streamflood-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	if err := writeRoom(dir, n); err != nil {
		return err
	}
	exe, err := os.Executable()
	if err != nil {
		return err
	}
	cmd := exec.Command(exe)
	cmd.Env = append(os.Environ(), "STREAMFLOOD_CHILD="+dir)
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		return err
	}
	defer cmd.Process.Kill() //accent:ignore errignored the child is killed at the end anyway
	var addr string
	for addr == "" {
		b, err := os.ReadFile(filepath.Join(dir, "addr"))
		if err == nil {
			addr = string(b)
		}
		time.Sleep(20 * time.Millisecond)
	}
	key, err := workshop.ReadSecret(dir, workshop.BoardKey)
	if err != nil {
		return err
	}
	base := "http://" + addr
	rssStart := vm(cmd.Process.Pid, "VmRSS")

	// The room keeps changing: a verdict every 100ms from some participant.
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var wg sync.WaitGroup
	wg.Go(func() {
		t := time.NewTicker(100 * time.Millisecond)
		defer t.Stop()
		for seq := int64(100); ctx.Err() == nil; seq++ {
			select {
			case <-ctx.Done():
				return
			case <-t.C:
			}
			p := int(seq)%n + 1
			body := fmt.Sprintf(`{"events":[{"seq":%d,"kind":"verdict","exercise":%q,"at":"2026-11-21T11:00:00Z","status":"fail","findings":["test"]}]}`, seq, exercises[int(seq)%len(exercises)])
			req, err := http.NewRequestWithContext(ctx, "POST", base+"/v1/events", strings.NewReader(body))
			if err != nil {
				return
			}
			req.Header.Set("Authorization", "Bearer token-"+strconv.Itoa(p))
			if resp, err := http.DefaultClient.Do(req); err == nil {
				io.Copy(io.Discard, resp.Body) //accent:ignore errignored a load generator
				resp.Body.Close()
			}
		}
	})

	var accepted, refused, failed, ended, frameBytes atomic.Int64
	var conns []net.Conn
	var mu sync.Mutex
	for i := range streams {
		// A new source address every 10 streams (127.0.0.0/8 is all
		// loopback), as an attacker with many addresses would.
		local := &net.TCPAddr{IP: net.IPv4(127, 1, byte(i/10/250), byte(i/10%250+1))}
		d := net.Dialer{LocalAddr: local, Control: func(_, _ string, c syscall.RawConn) error {
			var serr error
			if err := c.Control(func(fd uintptr) {
				serr = syscall.SetsockoptInt(int(fd), syscall.SOL_SOCKET, syscall.SO_RCVBUF, 4096)
			}); err != nil {
				return err
			}
			return serr
		}}
		conn, err := d.DialContext(ctx, "tcp", addr)
		if err != nil {
			failed.Add(1)
			continue
		}
		mu.Lock()
		conns = append(conns, conn)
		mu.Unlock()
		fmt.Fprintf(conn, "GET /v1/stream?key=%s HTTP/1.1\r\nHost: %s\r\n\r\n", key, addr)
		reader := i%2 == 0
		wg.Go(func() {
			br := bufio.NewReaderSize(conn, 4096)
			status, err := br.ReadString('\n')
			if err != nil {
				failed.Add(1)
				return
			}
			switch {
			case strings.Contains(status, " 200 "):
				accepted.Add(1)
			case strings.Contains(status, " 503 ") || strings.Contains(status, " 429 "):
				refused.Add(1)
				return
			default:
				failed.Add(1)
				return
			}
			if !reader {
				<-ctx.Done() // never read another byte
				return
			}
			buf := make([]byte, 32<<10)
			for {
				k, err := br.Read(buf)
				frameBytes.Add(int64(k))
				if err != nil {
					if !errors.Is(err, net.ErrClosed) {
						ended.Add(1)
					}
					return
				}
			}
		})
	}
	peak := int64(0)
	deadline := time.Now().Add(dur)
	for time.Now().Before(deadline) {
		peak = max(peak, vm(cmd.Process.Pid, "VmRSS"))
		time.Sleep(200 * time.Millisecond)
	}
	hwm := vm(cmd.Process.Pid, "VmHWM")
	cancel()
	mu.Lock()
	for _, c := range conns {
		c.Close()
	}
	mu.Unlock()
	wg.Wait()

	snap, err := http.Get(base + "/v1/stream?key=" + key)
	size := int64(0)
	if err == nil {
		br := bufio.NewReader(snap.Body)
		for {
			line, err := br.ReadString('\n')
			size += int64(len(line))
			if err != nil || line == "\n" {
				break
			}
		}
		snap.Body.Close()
	}
	fmt.Printf("room: %d participants, one snapshot is %.1f MB\n", n, float64(size)/(1<<20))
	fmt.Printf("streams: %d opened, %d accepted, %d refused (503/429), %d failed to connect or answer, %d dropped by the server\n", streams, accepted.Load(), refused.Load(), failed.Load(), ended.Load())
	fmt.Printf("server memory: %.0f MB at start, peak RSS %.0f MB (VmHWM %.0f MB) over %s: %.2fx the %d MB ceiling\n",
		float64(rssStart)/1024, float64(peak)/1024, float64(hwm)/1024, dur, float64(hwm)/1024/float64(ceilingMB), ceilingMB)
	if hwm/1024 > int64(ceilingMB) {
		return fmt.Errorf("over the ceiling")
	}
	return nil
}

// vm reads a field of /proc/PID/status in kB.
func vm(pid int, field string) int64 {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(line, field+":"); ok {
			kb, _ := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")), 10, 64) //accent:ignore errignored a missing figure reads as 0
			return kb
		}
	}
	return 0
}
