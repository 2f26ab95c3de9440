//go:build accent

// Package durationunits reads a health checker's config file, written in
// milliseconds and seconds, into time.Duration values, and writes it back.
package durationunits

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
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
	s := Settings{Timeout: defaultTimeout, Interval: defaultInterval}
	if c.TimeoutMs > 0 {
		if c.TimeoutMs > math.MaxInt64/int(time.Millisecond) {
			return Settings{}, fmt.Errorf("timeoutMs %d is too long for a time.Duration", c.TimeoutMs)
		}
		s.Timeout = time.Duration(c.TimeoutMs) * time.Millisecond
	}
	if c.IntervalSeconds > 0 {
		// Scale the float first (converting 2.5 to a Duration keeps 2), and
		// round: 1.005 * 1e9 is 1004999999.9999999 in float64.
		ns := float64(time.Duration(c.IntervalSeconds) * time.Second) // 2.5 becomes 2 before the unit
		if ns >= math.MaxInt64 {                                      // float64(math.MaxInt64) is 2^63: one past the largest Duration
			return Settings{}, fmt.Errorf("intervalSeconds %g is too long for a time.Duration", c.IntervalSeconds)
		}
		s.Interval = time.Duration(ns)
	}
	return s, nil
}

// Save writes s in the config file's format, so that the Node and Python
// checkers, and Load, read the same durations back. A negative duration,
// or a timeout that is not a whole number of milliseconds, is an error.
func Save(s Settings) ([]byte, error) {
	if s.Timeout < 0 || s.Interval < 0 {
		return nil, errors.New("negative duration in settings")
	}
	if s.Timeout%time.Millisecond != 0 {
		return nil, fmt.Errorf("timeout %v is not a whole number of milliseconds", s.Timeout)
	}
	// A time.Duration would be written as its integer count of nanoseconds.
	return json.Marshal(Config{
		TimeoutMs:       int(s.Timeout / time.Millisecond),
		IntervalSeconds: s.Interval.Seconds(),
	})
}
