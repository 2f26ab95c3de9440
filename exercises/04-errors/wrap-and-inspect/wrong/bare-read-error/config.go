//go:build accent

// Package wrapandinspect loads config files, with errors that name the file
// and keep their cause.
package wrapandinspect

import (
	"bufio"
	"errors"
	"fmt"
	"io/fs"
	"strings"
)

// ErrNotFound means the config file does not exist.
var ErrNotFound = errors.New("config not found")

// ParseError reports a malformed line in a config file.
type ParseError struct {
	Line int
	Msg  string
}

func (e *ParseError) Error() string {
	return fmt.Sprintf("line %d: %s", e.Line, e.Msg)
}

// Parse reads "key = value" lines; blank lines and lines starting with # are skipped.
func Parse(text string) (map[string]string, error) {
	cfg := make(map[string]string)
	sc := bufio.NewScanner(strings.NewReader(text))
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		key, value, ok := strings.Cut(line, "=")
		if !ok {
			return nil, &ParseError{Line: n, Msg: "missing '='"}
		}
		key = strings.TrimSpace(key)
		if key == "" {
			return nil, &ParseError{Line: n, Msg: "empty key"}
		}
		cfg[key] = strings.TrimSpace(value)
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	return cfg, nil
}

// Load reads the config file name from fsys and parses it. Every error says
// which file it is about and keeps its cause: ErrNotFound when the file does
// not exist, a *ParseError when a line is malformed.
func Load(fsys fs.FS, name string) (map[string]string, error) {
	data, err := fs.ReadFile(fsys, name)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("load config %s: %w", name, ErrNotFound)
	}
	if err != nil {
		return nil, err // an fs error names its file already
	}
	cfg, err := Parse(string(data))
	if err != nil {
		return nil, fmt.Errorf("load config %s: %w", name, err)
	}
	return cfg, nil
}

// LoadOrDefaults is Load, except that a missing file yields defaults.
// Every other error is returned.
func LoadOrDefaults(fsys fs.FS, name string, defaults map[string]string) (map[string]string, error) {
	cfg, err := Load(fsys, name)
	if errors.Is(err, ErrNotFound) {
		return defaults, nil
	}
	return cfg, err
}

// BadLine returns the line number of the *ParseError in err's chain, if there is one.
func BadLine(err error) (int, bool) {
	var pe *ParseError
	if errors.As(err, &pe) {
		return pe.Line, true
	}
	return 0, false
}
