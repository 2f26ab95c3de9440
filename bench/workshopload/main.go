// Command workshopload is the workshop server's load test: N simulated
// participants each send one event a second for a while, over loopback
// HTTP, to a server with its real log (fsynced), while a dashboard reads
// the room snapshot every second. It reports p50/p99/max ingest latency,
// snapshot latency, and whether every acknowledged event is in the room,
// as ratios to the targets (p99 ingest 20ms, snapshot 50ms).
//
//	go run ./bench/workshopload -participants 200 -duration 60s
package main

import (
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
	"slices"
	"sync"
	"time"

	"github.com/accent-go/accent/internal/workshop"
)

func main() {
	n := flag.Int("participants", 200, "simulated participants")
	dur := flag.Duration("duration", time.Minute, "how long each sends")
	flag.Parse()
	if err := run(*n, *dur); err != nil {
		fmt.Fprintln(os.Stderr, "workshopload:", err)
		os.Exit(1)
	}
}

var exercises = []string{"goroutines/fetch-all", "goroutines/first-error", "channels/pipeline", "context/timeout"}

func run(n int, dur time.Duration) error {
	dir, err := os.MkdirTemp("", "workshopload-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	srv, err := workshop.Open(workshop.Config{DataDir: dir, Code: "LOAD-TEST", Exercises: exercises})
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	hs := &http.Server{Handler: srv}
	go hs.Serve(ln) //accent:ignore errignored ends with Close below
	base := "http://" + ln.Addr().String()
	fac, err := workshop.ReadSecret(dir, workshop.FacilitatorToken)
	if err != nil {
		return err
	}
	tr := &http.Transport{MaxIdleConnsPerHost: n + 10}
	client := &http.Client{Transport: tr, Timeout: 10 * time.Second}

	tokens := make([]string, n)
	for i := range n {
		body := fmt.Sprintf(`{"code":"LOAD-TEST","name":"participant %d"}`, i)
		var jr workshop.JoinResponse
		for tries := 0; ; tries++ {
			err := post(client, base+"/v1/join", "", body, &jr)
			if err == nil {
				break
			}
			if tries == 5 {
				return fmt.Errorf("join %d: %w", i, err)
			}
			time.Sleep(time.Second) // the per-address join limit, as a client would
		}
		tokens[i] = jr.Token
	}

	var mu sync.Mutex
	var lat []time.Duration
	var acked, failed int
	ctx, cancel := context.WithTimeout(context.Background(), dur)
	defer cancel()
	start := time.Now()
	var wg sync.WaitGroup
	for i, tok := range tokens {
		wg.Go(func() {
			// Spread the participants over the second, as a room would be.
			time.Sleep(time.Duration(i) * time.Second / time.Duration(n))
			t := time.NewTicker(time.Second)
			defer t.Stop()
			for seq := int64(1); ; seq++ {
				e := workshop.Event{Seq: seq, Kind: workshop.Graded, Exercise: exercises[int(seq)%len(exercises)], Status: "fail",
					Findings: []string{"leak", "analyzer:chanleak"}, At: time.Now().UTC()}
				if seq%5 == 0 {
					e.Status, e.Findings = "pass", nil
				}
				b, err := json.Marshal(workshop.Batch{Events: []workshop.Event{e}})
				if err != nil {
					panic(err) // a Batch always marshals
				}
				t0 := time.Now()
				var er workshop.EventsResponse
				err = post(client, base+"/v1/events", tok, string(b), &er)
				d := time.Since(t0)
				mu.Lock()
				if err != nil || er.Accepted != 1 {
					failed++
					fmt.Fprintln(os.Stderr, "event:", err)
				} else {
					acked++
					lat = append(lat, d)
				}
				mu.Unlock()
				select {
				case <-ctx.Done():
					return
				case <-t.C:
				}
			}
		})
	}
	// The dashboard: a snapshot a second.
	var snaps []time.Duration
	var snapWG sync.WaitGroup
	snapWG.Go(func() {
		t := time.NewTicker(time.Second)
		defer t.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-t.C:
			}
			t0 := time.Now()
			var s workshop.Snapshot
			if err := get(client, base+"/v1/room", fac, &s); err != nil {
				fmt.Fprintln(os.Stderr, "snapshot:", err)
				continue
			}
			snaps = append(snaps, time.Since(t0))
		}
	})
	wg.Wait()
	snapWG.Wait()
	elapsed := time.Since(start)

	// Every acknowledged event must be in the room (and in its log).
	recorded := 0
	for _, p := range srv.Room().Snapshot(time.Now(), workshop.Stuck{}).Participants {
		for _, c := range p.Cells {
			recorded += c.Attempts
		}
	}
	hs.Close()
	if err := srv.Close(); err != nil {
		return err
	}
	room, _, err := workshop.LoadRoom(dir)
	if err != nil {
		return err
	}
	replayed := 0
	for _, p := range room.Snapshot(time.Now(), workshop.Stuck{}).Participants {
		for _, c := range p.Cells {
			replayed += c.Attempts
		}
	}
	slices.Sort(lat)
	slices.Sort(snaps)
	pct := func(d []time.Duration, p float64) time.Duration {
		if len(d) == 0 {
			return 0
		}
		return d[min(len(d)-1, int(float64(len(d))*p))]
	}
	p99, s99 := pct(lat, 0.99), pct(snaps, 0.99)
	fmt.Printf("participants %d, %.0fs, events acknowledged %d, failed %d, recorded %d, in the log after restart %d (%.0f events/s)\n",
		n, elapsed.Seconds(), acked, failed, recorded, replayed, float64(acked)/elapsed.Seconds())
	fmt.Printf("ingest latency p50 %v  p99 %v  max %v   p99/20ms = %.2f\n", pct(lat, 0.5), p99, pct(lat, 1), float64(p99)/float64(20*time.Millisecond))
	fmt.Printf("snapshot latency (GET /v1/room, %d reads) p50 %v  p99 %v  max %v   max/50ms = %.2f\n", len(snaps), pct(snaps, 0.5), s99, pct(snaps, 1), float64(pct(snaps, 1))/float64(50*time.Millisecond))
	lost := acked != recorded || acked != replayed || failed > 0
	if lost || p99 > 20*time.Millisecond || pct(snaps, 1) > 50*time.Millisecond {
		return errors.New("targets missed")
	}
	fmt.Println("targets met: no event lost, p99 ingest under 20ms, every snapshot under 50ms")
	return nil
}

func post(c *http.Client, url, token, body string, out any) error {
	req, err := http.NewRequest("POST", url, bytes.NewBufferString(body))
	if err != nil {
		return err
	}
	return do(c, req, token, out)
}

func get(c *http.Client, url, token string, out any) error {
	req, err := http.NewRequest("GET", url, nil)
	if err != nil {
		return err
	}
	return do(c, req, token, out)
}

func do(c *http.Client, req *http.Request, token string, out any) error {
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := c.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		return err
	}
	if resp.StatusCode != 200 {
		return fmt.Errorf("%s: %d %s", req.URL.Path, resp.StatusCode, b)
	}
	return json.Unmarshal(b, out)
}
