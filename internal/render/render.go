// Package render turns course Markdown into terminal text with glamour,
// caching each rendering per document, width and style.
package render

import (
	"fmt"
	"strings"
	"sync"

	"charm.land/glamour/v2"
	"charm.land/glamour/v2/ansi"
	"charm.land/glamour/v2/styles"
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
	cfg, err := config(style)
	if err != nil {
		return "", err
	}
	tr, err := glamour.NewTermRenderer(glamour.WithStyles(cfg), glamour.WithWordWrap(width))
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

// config is the glamour style named style, with headings shown as words
// (bold or coloured by the style), not with Markdown's literal "##".
func config(style Style) (ansi.StyleConfig, error) {
	std, ok := styles.DefaultStyles[string(style)]
	if !ok {
		return ansi.StyleConfig{}, fmt.Errorf("preparing the Markdown renderer: no style %q", style)
	}
	cfg := *std // the heading blocks are values: changing them leaves glamour's copy alone
	for _, h := range []*ansi.StyleBlock{&cfg.H1, &cfg.H2, &cfg.H3, &cfg.H4, &cfg.H5, &cfg.H6} {
		if strings.HasPrefix(strings.TrimSpace(h.Prefix), "#") {
			h.Prefix = ""
		}
	}
	return cfg, nil
}
