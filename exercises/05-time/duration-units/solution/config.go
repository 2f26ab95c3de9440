//go:build accent

// Package durationunits reads a health checker's config file, written in
// milliseconds and seconds, into time.Duration values.
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
	defaultTimeout  = 1500 * time.Millisecond
	defaultInterval = 10 * time.Second
)

// Load reads a config file. A negative value is an error.
func Load(data []byte) (Settings, error) {
	var c Config
	if err := json.Unmarshal(data, &c); err != nil {
		return Settings{}, err
	}
	if c.TimeoutMs < 0 || c.IntervalSeconds < 0 {
		return Settings{}, errors.New("negative duration in config")
	}
	s := Settings{Timeout: defaultTimeout, Interval: defaultInterval}
	if c.TimeoutMs > 0 {
		s.Timeout = time.Duration(c.TimeoutMs) * time.Millisecond
	}
	if c.IntervalSeconds > 0 {
		// Scale the float first: converting 2.5 to a Duration would keep 2.
		s.Interval = time.Duration(c.IntervalSeconds * float64(time.Second))
	}
	return s, nil
}
