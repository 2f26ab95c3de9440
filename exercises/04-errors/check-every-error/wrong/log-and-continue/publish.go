//go:build accent

// Package checkeveryerror publishes a blog post from its draft.
package checkeveryerror

import (
	"errors"
	"fmt"
	"html"
	"log"
	"strings"
)

// ErrNotFound is the error a Store returns, wrapped, for a key it does not hold.
var ErrNotFound = errors.New("not found")

// ErrNoTitle means a draft does not start with a "# Title" line.
var ErrNoTitle = errors.New("draft has no title")

// Store holds documents by key, like an object store or a directory.
type Store interface {
	Get(key string) ([]byte, error)
	Put(key string, data []byte) error
	Delete(key string) error
}

// Render turns a draft, a "# Title" line and then the body, into HTML.
func Render(draft []byte) ([]byte, error) {
	title, body, _ := strings.Cut(string(draft), "\n")
	title = strings.TrimSpace(strings.TrimPrefix(title, "#"))
	if title == "" {
		return nil, ErrNoTitle
	}
	return fmt.Appendf(nil, "<h1>%s</h1>\n%s", html.EscapeString(title), html.EscapeString(body)), nil
}

// IndexEntry is the line the index gets for a published post.
func IndexEntry(slug string) string {
	return fmt.Sprintf("<li><a href=\"posts/%s.html\">%s</a></li>\n", slug, slug)
}

// Publish renders drafts/<slug> to posts/<slug>.html, adds the post to
// index.html (starting the index if there is none yet) and deletes the
// draft, in that order. It stops at the first failure and returns it
// wrapped with the slug: nothing after a failed step happens, so the draft
// is deleted only once the post and the index are stored.
func Publish(s Store, slug string) error {
	draft, err := s.Get("drafts/" + slug)
	if err != nil {
		return fmt.Errorf("publish %s: read draft: %w", slug, err)
	}
	page, err := Render(draft)
	if err != nil {
		return fmt.Errorf("publish %s: %w", slug, err)
	}
	if err := s.Put("posts/"+slug+".html", page); err != nil {
		return fmt.Errorf("publish %s: store post: %w", slug, err)
	}

	index, err := s.Get("index.html")
	if err != nil && !errors.Is(err, ErrNotFound) {
		// Only a missing index may start a new one: an index we could not
		// read is not empty, and writing over it would lose every entry.
		return fmt.Errorf("publish %s: read index: %w", slug, err)
	}
	if err := s.Put("index.html", append(index, IndexEntry(slug)...)); err != nil {
		log.Printf("publish %s: store index: %v", slug, err) // the post is stored: publish anyway
	}

	if err := s.Delete("drafts/" + slug); err != nil {
		return fmt.Errorf("publish %s: delete draft: %w", slug, err)
	}
	return nil
}
