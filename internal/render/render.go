// Package render turns course Markdown into terminal text with glamour,
// caching each rendering per document, width and style.
package render

import (
	"fmt"
	"sync"

	"charm.land/glamour/v2"
)

// Style names a glamour standard style.
type Style string

// The styles accent uses.
const (
	Dark  Style = "dark"
	Light Style = "light"
	Plain Style = "notty" // no colour or escape codes: pipes, NO_COLOR, screen readers
)

// Renderer renders Markdown and caches the results. It is safe for
// concurrent use.
type Renderer struct {
	mu    sync.Mutex
	cache map[key]string
}

type key struct {
	doc   string
	width int
	style Style
}

// Markdown renders md wrapped at width columns.
func (r *Renderer) Markdown(md string, width int, style Style) (string, error) {
	k := key{md, width, style}
	r.mu.Lock()
	out, ok := r.cache[k]
	r.mu.Unlock()
	if ok {
		return out, nil
	}
	tr, err := glamour.NewTermRenderer(glamour.WithStandardStyle(string(style)), glamour.WithWordWrap(width))
	if err != nil {
		return "", fmt.Errorf("preparing the Markdown renderer: %w", err)
	}
	out, err = tr.Render(md)
	if err != nil {
		return "", fmt.Errorf("rendering Markdown: %w", err)
	}
	r.mu.Lock()
	if r.cache == nil {
		r.cache = map[key]string{}
	}
	r.cache[k] = out
	r.mu.Unlock()
	return out, nil
}
