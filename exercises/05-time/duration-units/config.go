//go:build accent

// Package durationunits reads a health checker's config file, written in
// milliseconds and seconds, into time.Duration values, and writes it back.
package durationunits

import (
	"encoding/json"
	"errors"
	"time"
)

// Config is the config file the Node and Python checkers already read:
//
//	{"timeoutMs": 1500, "intervalSeconds": 2.5}
//
// A missing or zero field takes its default.
type Config struct {
	TimeoutMs       int     `json:"timeoutMs"`
	IntervalSeconds float64 `json:"intervalSeconds"`
}

// Settings are the durations the checker runs with.
type Settings struct {
	Timeout  time.Duration // of one check; 1500ms by default
	Interval time.Duration // between two checks; 10s by default
}

const (
	defaultTimeoutMs       = 1500 // setTimeout(abort, 1500)
	defaultIntervalSeconds = 10   // time.sleep(10)
)

// Load reads a config file. A negative value, or one too large for a
// time.Duration (about 292 years), is an error.
func Load(data []byte) (Settings, error) {
	var c Config
	if err := json.Unmarshal(data, &c); err != nil {
		return Settings{}, err
	}
	if c.TimeoutMs < 0 || c.IntervalSeconds < 0 {
		return Settings{}, errors.New("negative duration in config")
	}
	s := Settings{Timeout: defaultTimeoutMs, Interval: defaultIntervalSeconds}
	if c.TimeoutMs > 0 {
		s.Timeout = time.Duration(c.TimeoutMs)
	}
	if c.IntervalSeconds > 0 {
		s.Interval = time.Duration(c.IntervalSeconds)
	}
	return s, nil
}

// Save writes s in the config file's format, so that the Node and Python
// checkers, and Load, read the same durations back. A negative duration,
// or a timeout that is not a whole number of milliseconds, is an error.
func Save(s Settings) ([]byte, error) {
	return json.Marshal(map[string]any{
		"timeoutMs":       s.Timeout, // the durations, as they are
		"intervalSeconds": s.Interval,
	})
}
