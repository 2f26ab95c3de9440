//go:build accent

package durationunits

import (
	"bytes"
	"encoding/json"
	"testing"
	"time"
)

func TestLoadReadsMillisecondsAndSeconds(t *testing.T) {
	tests := []struct {
		config       string
		wantTimeout  time.Duration
		wantInterval time.Duration
	}{
		{`{"timeoutMs": 1500, "intervalSeconds": 2.5}`, 1500 * time.Millisecond, 2500 * time.Millisecond},
		{`{"timeoutMs": 250, "intervalSeconds": 0.25}`, 250 * time.Millisecond, 250 * time.Millisecond},
		{`{"timeoutMs": 30000, "intervalSeconds": 60}`, 30 * time.Second, time.Minute},
		{`{"timeoutMs": 1, "intervalSeconds": 0.0005}`, time.Millisecond, 500 * time.Microsecond},
		{`{"timeoutMs": 1005, "intervalSeconds": 1.005}`, 1005 * time.Millisecond, 1005 * time.Millisecond},
		{`{"timeoutMs": 9223372036854, "intervalSeconds": 86400}`, 9223372036854 * time.Millisecond, 24 * time.Hour},
	}
	for _, tt := range tests {
		t.Run(tt.config, func(t *testing.T) {
			s, err := Load([]byte(tt.config))
			if err != nil {
				t.Fatalf("Load failed: %v", err)
			}
			if s.Timeout != tt.wantTimeout {
				t.Errorf("Timeout = %v, want %v", s.Timeout, tt.wantTimeout)
			}
			if s.Interval != tt.wantInterval {
				t.Errorf("Interval = %v, want %v", s.Interval, tt.wantInterval)
			}
		})
	}
}

func TestLoadFillsInDefaults(t *testing.T) {
	tests := []struct {
		config       string
		wantTimeout  time.Duration
		wantInterval time.Duration
	}{
		{`{}`, 1500 * time.Millisecond, 10 * time.Second},
		{`{"timeoutMs": 0, "intervalSeconds": 0}`, 1500 * time.Millisecond, 10 * time.Second},
		{`{"timeoutMs": 200}`, 200 * time.Millisecond, 10 * time.Second},
		{`{"intervalSeconds": 1.5}`, 1500 * time.Millisecond, 1500 * time.Millisecond},
	}
	for _, tt := range tests {
		t.Run(tt.config, func(t *testing.T) {
			s, err := Load([]byte(tt.config))
			if err != nil {
				t.Fatalf("Load failed: %v", err)
			}
			if s.Timeout != tt.wantTimeout {
				t.Errorf("Timeout = %v, want %v", s.Timeout, tt.wantTimeout)
			}
			if s.Interval != tt.wantInterval {
				t.Errorf("Interval = %v, want %v", s.Interval, tt.wantInterval)
			}
		})
	}
}

func TestLoadRejectsNegativeMalformedAndTooLongValues(t *testing.T) {
	for _, config := range []string{
		`{"timeoutMs": -1}`,
		`{"intervalSeconds": -0.5}`,
		`{"timeoutMs": "1500"}`,
		`{"timeoutMs": 1.5}`,
		`timeoutMs=1500`,
		`{"timeoutMs": 9223372036855}`,
		`{"timeoutMs": 9223372036854775807}`,
		`{"intervalSeconds": 9223372037}`,
		`{"intervalSeconds": 9223372036.854775807}`, // the largest Duration, which float64 rounds up to 2^63ns
		`{"intervalSeconds": 1e300}`,
	} {
		if s, err := Load([]byte(config)); err == nil {
			t.Errorf("Load(%s) = %+v, want an error", config, s)
		}
	}
}

// fields decodes a saved config as the Node and Python checkers would see
// it: the numbers under each key, as written.
func fields(t *testing.T, data []byte) map[string]json.Number {
	t.Helper()
	d := json.NewDecoder(bytes.NewReader(data))
	d.UseNumber()
	var m map[string]json.Number
	if err := d.Decode(&m); err != nil {
		t.Fatalf("Save wrote %s, which is not an object of numbers: %v", data, err)
	}
	return m
}

func TestSaveWritesMillisecondsAndSeconds(t *testing.T) {
	tests := []struct {
		s            Settings
		wantMs       int64
		wantInterval float64
	}{
		{Settings{1500 * time.Millisecond, 2500 * time.Millisecond}, 1500, 2.5},
		{Settings{250 * time.Millisecond, 250 * time.Millisecond}, 250, 0.25},
		{Settings{30 * time.Second, time.Minute}, 30000, 60},
		{Settings{time.Millisecond, 500 * time.Microsecond}, 1, 0.0005},
		{Settings{5 * time.Second, 1005 * time.Millisecond}, 5000, 1.005},
		{Settings{}, 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.s.Timeout.String()+" "+tt.s.Interval.String(), func(t *testing.T) {
			data, err := Save(tt.s)
			if err != nil {
				t.Fatalf("Save(%+v) failed: %v", tt.s, err)
			}
			m := fields(t, data)
			ms, err := m["timeoutMs"].Int64()
			if err != nil || ms != tt.wantMs {
				t.Errorf("Save(%+v) wrote timeoutMs %q, want the integer %d (milliseconds; a time.Duration is written as nanoseconds)", tt.s, m["timeoutMs"], tt.wantMs)
			}
			if secs, err := m["intervalSeconds"].Float64(); err != nil || secs != tt.wantInterval {
				t.Errorf("Save(%+v) wrote intervalSeconds %q, want %v (seconds)", tt.s, m["intervalSeconds"], tt.wantInterval)
			}
		})
	}
}

func TestSaveThenLoadGivesTheSameSettings(t *testing.T) {
	for _, s := range []Settings{
		{1500 * time.Millisecond, 10 * time.Second},
		{time.Millisecond, time.Nanosecond},
		{72 * time.Hour, 1005 * time.Millisecond},
		{123456 * time.Millisecond, 123456789 * time.Nanosecond},
	} {
		data, err := Save(s)
		if err != nil {
			t.Errorf("Save(%+v) failed: %v", s, err)
			continue
		}
		if got, err := Load(data); err != nil || got != s {
			t.Errorf("Load(Save(%+v)) = %+v, %v; want the same settings back (Save wrote %s)", s, got, err, data)
		}
	}
}

func TestSaveRejectsWhatTheFileCannotHold(t *testing.T) {
	for _, s := range []Settings{
		{-time.Millisecond, time.Second},
		{time.Second, -time.Second},
		{time.Second, -time.Nanosecond},
		{1500 * time.Microsecond, time.Second},
		{time.Second + time.Nanosecond, time.Second},
	} {
		if data, err := Save(s); err == nil {
			t.Errorf("Save(%+v) = %s, want an error", s, data)
		}
	}
}
