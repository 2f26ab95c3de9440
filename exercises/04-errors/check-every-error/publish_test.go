//go:build accent

package checkeveryerror

import (
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"
)

var (
	errDiskFull = errors.New("no space left on device")
	errTimeout  = errors.New("store: request timed out")
	// Reads like a missing document, but it is the store's credentials that
	// are missing: the index is there, and was not read.
	errNoCredentials = errors.New("credentials not found")
)

// memStore is a Store in a map. fail makes one operation fail: its key is
// the operation and the document key, as in "put index.html". Like a real
// store, it wraps its errors: a missing key is an error wrapping ErrNotFound.
type memStore struct {
	docs map[string]string
	fail map[string]error
	ops  []string // every operation tried, in order
}

func newStore(docs map[string]string) *memStore {
	return &memStore{docs: docs, fail: map[string]error{}}
}

func (m *memStore) do(op, key string) error {
	m.ops = append(m.ops, op+" "+key)
	if err := m.fail[op+" "+key]; err != nil {
		return fmt.Errorf("store: %s %s: %w", op, key, err)
	}
	return nil
}

func (m *memStore) Get(key string) ([]byte, error) {
	if err := m.do("get", key); err != nil {
		return nil, err
	}
	doc, ok := m.docs[key]
	if !ok {
		return nil, fmt.Errorf("store: get %s: %w", key, ErrNotFound)
	}
	return []byte(doc), nil
}

func (m *memStore) Put(key string, data []byte) error {
	if err := m.do("put", key); err != nil {
		return err
	}
	m.docs[key] = string(data)
	return nil
}

func (m *memStore) Delete(key string) error {
	if err := m.do("delete", key); err != nil {
		return err
	}
	delete(m.docs, key)
	return nil
}

const (
	draft    = "# Hello, Go\nErrors are values."
	page     = "<h1>Hello, Go</h1>\nErrors are values."
	oldIndex = "<li><a href=\"posts/older.html\">older</a></li>\n"
	newEntry = "<li><a href=\"posts/hello.html\">hello</a></li>\n"
)

func blog() map[string]string {
	return map[string]string{"drafts/hello": draft, "index.html": oldIndex}
}

func TestPublishStoresThePostIndexesItAndDeletesTheDraft(t *testing.T) {
	s := newStore(blog())
	if err := Publish(s, "hello"); err != nil {
		t.Fatalf("Publish: %v", err)
	}
	want := map[string]string{"posts/hello.html": page, "index.html": oldIndex + newEntry}
	if !maps.Equal(s.docs, want) {
		t.Errorf("after Publish the store holds %q\nwant %q", s.docs, want)
	}
}

func TestPublishStartsTheIndexWhenThereIsNone(t *testing.T) {
	s := newStore(map[string]string{"drafts/hello": draft})
	if err := Publish(s, "hello"); err != nil {
		t.Fatalf("Publish without an index: %v, want a new index (a missing index is not a failure)", err)
	}
	if got := s.docs["index.html"]; got != newEntry {
		t.Errorf("index.html = %q, want %q", got, newEntry)
	}
}

// Each case makes one step fail. Publish must return that failure, wrapped
// with the slug, and stop there: the store must be left as the steps before
// it made it, and the draft is never deleted before everything is stored.
func TestEachFailureStopsPublishAndIsReturned(t *testing.T) {
	tests := []struct {
		name  string
		setup func(*memStore)
		cause error
		want  map[string]string // the store's documents afterwards
	}{
		{
			name:  "missing draft",
			setup: func(s *memStore) { delete(s.docs, "drafts/hello") },
			cause: ErrNotFound,
			want:  map[string]string{"index.html": oldIndex},
		},
		{
			name:  "draft without a title",
			setup: func(s *memStore) { s.docs["drafts/hello"] = "\nA body without a title line." },
			cause: ErrNoTitle,
			want:  map[string]string{"drafts/hello": "\nA body without a title line.", "index.html": oldIndex},
		},
		{
			name:  "post write fails",
			setup: func(s *memStore) { s.fail["put posts/hello.html"] = errDiskFull },
			cause: errDiskFull,
			want:  blog(),
		},
		{
			name:  "index read fails",
			setup: func(s *memStore) { s.fail["get index.html"] = errTimeout },
			cause: errTimeout,
			want:  map[string]string{"drafts/hello": draft, "posts/hello.html": page, "index.html": oldIndex},
		},
		{
			name:  "index write fails",
			setup: func(s *memStore) { s.fail["put index.html"] = errDiskFull },
			cause: errDiskFull,
			want:  map[string]string{"drafts/hello": draft, "posts/hello.html": page, "index.html": oldIndex},
		},
		{
			name:  "draft delete fails",
			setup: func(s *memStore) { s.fail["delete drafts/hello"] = errTimeout },
			cause: errTimeout,
			want:  map[string]string{"drafts/hello": draft, "posts/hello.html": page, "index.html": oldIndex + newEntry},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newStore(blog())
			tt.setup(s)

			err := Publish(s, "hello")

			if !errors.Is(err, tt.cause) {
				t.Fatalf("Publish = %v, want an error wrapping %q", err, tt.cause)
			}
			if !strings.Contains(err.Error(), "hello") {
				t.Errorf("error %q does not say which post failed to publish", err)
			}
			if !maps.Equal(s.docs, tt.want) {
				t.Errorf("after the failure the store holds %q\nwant %q\n(operations: %s)", s.docs, tt.want, strings.Join(s.ops, ", "))
			}
		})
	}
}

func TestAnUnreadableIndexIsNeverOverwritten(t *testing.T) {
	for _, cause := range []error{errTimeout, errNoCredentials} {
		t.Run(cause.Error(), func(t *testing.T) {
			s := newStore(blog())
			s.fail["get index.html"] = cause

			err := Publish(s, "hello")

			if slices.Contains(s.ops, "put index.html") {
				t.Errorf("Publish wrote index.html after failing to read it: every older entry is lost (operations: %s)", strings.Join(s.ops, ", "))
			}
			if slices.Contains(s.ops, "delete drafts/hello") {
				t.Errorf("Publish deleted the draft of a post it could not index (operations: %s)", strings.Join(s.ops, ", "))
			}
			if !errors.Is(err, cause) {
				t.Errorf("Publish = %v, want an error wrapping %q: only ErrNotFound means there is no index yet", err, cause)
			}
		})
	}
}

func TestRenderEscapesTheDraft(t *testing.T) {
	got, err := Render([]byte("# Tom & <Jerry>\n<script>alert(1)</script>"))
	want := "<h1>Tom &amp; &lt;Jerry&gt;</h1>\n&lt;script&gt;alert(1)&lt;/script&gt;"
	if err != nil || string(got) != want {
		t.Errorf("Render = %q, %v; want %q, nil: a draft is text, not HTML", got, err, want)
	}
}
