package workshop

import (
	"bufio"
	"context"
	"errors"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"
)

// openStream opens GET /v1/stream and returns a channel of its events.
func openStream(t *testing.T, ctx context.Context, url, token string) (*http.Response, <-chan string) {
	t.Helper()
	req, err := http.NewRequestWithContext(ctx, "GET", url+"/v1/stream", nil)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Authorization", "Bearer "+token)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	evs := make(chan string, 64)
	if resp.StatusCode != http.StatusOK {
		close(evs)
		return resp, evs
	}
	go func() {
		defer close(evs)
		br := bufio.NewReader(resp.Body)
		var ev strings.Builder
		for {
			line, err := br.ReadString('\n')
			if err != nil {
				return
			}
			if line == "\n" {
				select {
				case evs <- ev.String():
				case <-ctx.Done():
					return
				}
				ev.Reset()
				continue
			}
			ev.WriteString(line)
		}
	}()
	return resp, evs
}

// Every stream and GET /v1/room share one encoded snapshot per change:
// ten streams watching one change cost one snapshot, not ten.
func TestStreamsShareOneSnapshotPerChange(t *testing.T) {
	srv, hs, fac := room(t, Config{SnapshotEvery: 5 * time.Millisecond})
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var streams []<-chan string
	for range 10 {
		resp, evs := openStream(t, ctx, hs.URL, fac)
		defer resp.Body.Close()
		<-evs // the room as it is
		streams = append(streams, evs)
	}
	srv.hub.compute.Lock()
	before := srv.hub.computed
	srv.hub.compute.Unlock()
	join(t, hs.URL, "Cy")
	for _, evs := range streams {
		for ev := range evs {
			if strings.Contains(ev, `"name":"Cy"`) {
				break
			}
		}
	}
	a := call(t, "GET", hs.URL+"/v1/room", fac, "")
	if !strings.Contains(a.body, `"name":"Cy"`) {
		t.Fatalf("GET /v1/room: %d %s", a.status, a.body)
	}
	srv.hub.compute.Lock()
	n := srv.hub.computed - before
	srv.hub.compute.Unlock()
	// One, unless the machine is so loaded that the newest snapshot aged
	// past its refresh time meanwhile; a copy per stream would be 11.
	if n > 2 {
		t.Errorf("one change watched by 10 streams and read once: %d snapshots computed, want 1", n)
	}
}

// At the cap, a new stream takes the place of the one that has been
// behind the longest; when every stream keeps up, the new one is refused.
func TestStreamsAreCappedAndTheSlowestIsDropped(t *testing.T) {
	h := &hub{s: &Server{cfg: Config{MaxStreams: 3}}, subs: map[*sub]struct{}{}}
	var subs []*sub
	for range 3 {
		sb, _, err := h.subscribe()
		if err != nil {
			t.Fatal(err)
		}
		subs = append(subs, sb)
	}
	if _, _, err := h.subscribe(); !errors.Is(err, errStreamsFull) {
		t.Fatalf("a 4th stream while 3 keep up: %v, want errStreamsFull", err)
	}
	f1, f2 := &frame{version: 1}, &frame{version: 2}
	h.publish(f1)
	for _, sb := range subs {
		<-sb.ch // everyone takes the first frame
		h.caughtUp(sb)
	}
	h.publish(f2)
	// subs[1] takes it; subs[0] and subs[2] stay behind, subs[2] from now.
	<-subs[1].ch
	h.caughtUp(subs[1])
	h.publish(&frame{version: 3}) // subs[0], subs[2] now behind since this publish
	subs[0].behind = subs[0].behind.Add(-time.Second)
	sb, _, err := h.subscribe()
	if err != nil {
		t.Fatalf("a 4th stream while two are behind: %v", err)
	}
	select {
	case <-subs[0].kick:
	default:
		t.Error("the stream behind the longest was not dropped")
	}
	for _, o := range []*sub{subs[1], subs[2]} {
		select {
		case <-o.kick:
			t.Error("a stream was dropped that was not the slowest")
		default:
		}
	}
	if _, ok := h.subs[sb]; !ok || len(h.subs) != 3 {
		t.Errorf("%d streams, the new one in: %v", len(h.subs), ok)
	}
}

// Over HTTP: the cap is kept, and the answer says why.
func TestAStreamOverTheCapIsRefused(t *testing.T) {
	_, hs, fac := room(t, Config{MaxStreams: 2})
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var wg sync.WaitGroup
	for range 2 {
		resp, evs := openStream(t, ctx, hs.URL, fac)
		defer resp.Body.Close()
		<-evs
		wg.Go(func() {
			for range evs {
			}
		})
	}
	resp, _ := openStream(t, ctx, hs.URL, fac)
	resp.Body.Close()
	if resp.StatusCode != http.StatusServiceUnavailable || resp.Header.Get("Retry-After") == "" {
		t.Errorf("a 3rd stream over a cap of 2: %s, want 503 with Retry-After", resp.Status)
	}
	cancel()
	wg.Wait()
}
