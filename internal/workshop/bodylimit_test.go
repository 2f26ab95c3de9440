package workshop

import (
	"bufio"
	"fmt"
	"net"
	"net/http"
	"strings"
	"testing"
)

// A body over the limit gets a 413 the client can read: from its
// Content-Length before anything is read (no "100 Continue"), and from a
// chunked body once the limit is passed, before the connection closes.
func TestABodyOverTheLimitGetsA413NotAReset(t *testing.T) {
	_, hs, _ := room(t, Config{})
	addr := strings.TrimPrefix(hs.URL, "http://")
	for _, tc := range []struct {
		name string
		head string
		body func(w *bufio.Writer) error
	}{
		{
			name: "Expect: 100-continue with a Content-Length of 5 MB",
			head: "Content-Length: 5000000\r\nExpect: 100-continue\r\n",
		},
		{
			name: "Content-Length of 5 MB, body sent at once",
			head: "Content-Length: 5000000\r\n",
			body: func(w *bufio.Writer) error {
				chunk := strings.Repeat("x", 64<<10)
				w.WriteString(`{"code":"TEST-CODE","name":"`)
				for range 5000000 / len(chunk) {
					if _, err := w.WriteString(chunk); err != nil {
						return err
					}
				}
				return w.Flush()
			},
		},
		{
			name: "a chunked body of 5 MB",
			head: "Transfer-Encoding: chunked\r\n",
			body: func(w *bufio.Writer) error {
				chunk := strings.Repeat("x", 64<<10)
				start := `{"code":"TEST-CODE","name":"`
				fmt.Fprintf(w, "%x\r\n%s\r\n", len(start), start)
				for range 5000000 / len(chunk) {
					if _, err := fmt.Fprintf(w, "%x\r\n%s\r\n", len(chunk), chunk); err != nil {
						return err
					}
				}
				_, err := w.WriteString("0\r\n\r\n")
				if err == nil {
					err = w.Flush()
				}
				return err
			},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			conn, err := net.Dial("tcp", addr)
			if err != nil {
				t.Fatal(err)
			}
			defer conn.Close()
			w := bufio.NewWriter(conn)
			fmt.Fprintf(w, "POST /v1/join HTTP/1.1\r\nHost: %s\r\nContent-Type: application/json\r\n%s\r\n", addr, tc.head)
			if err := w.Flush(); err != nil {
				t.Fatal(err)
			}
			if tc.body != nil {
				go func() {
					// The server stops reading at the limit: a write error is expected.
					tc.body(w) //accent:ignore errignored the server stops reading at the limit
				}()
			}
			resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
			if err != nil {
				t.Fatalf("reading the answer: %v (want a 413)", err)
			}
			resp.Body.Close()
			if resp.StatusCode != http.StatusRequestEntityTooLarge {
				t.Fatalf("answer %s, want 413", resp.Status)
			}
		})
	}
}
