//go:build accent

package durationunits

import (
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

func TestLoadRejectsNegativeAndMalformedValues(t *testing.T) {
	for _, config := range []string{
		`{"timeoutMs": -1}`,
		`{"intervalSeconds": -0.5}`,
		`{"timeoutMs": "1500"}`,
		`{"timeoutMs": 1.5}`,
		`timeoutMs=1500`,
	} {
		if s, err := Load([]byte(config)); err == nil {
			t.Errorf("Load(%s) = %+v, want an error", config, s)
		}
	}
}
