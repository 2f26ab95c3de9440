//go:build accent

package parseinlocation

import (
	"testing"
	"testing/synctest"
	"time"
)

// waitUntil advances the bubble's fake clock to the instant written in
// RFC 3339 (the clock starts at 2000-01-01 00:00 UTC; sleeping is free).
func waitUntil(t *testing.T, instant string) {
	t.Helper()
	at, err := time.Parse(time.RFC3339, instant)
	if err != nil {
		t.Fatal(err)
	}
	time.Sleep(time.Until(at))
}

func shop(t *testing.T, zone string) *Shop {
	t.Helper()
	s, err := NewShop(zone)
	if err != nil {
		t.Fatalf("NewShop(%q) failed: %v", zone, err)
	}
	return s
}

func TestIsOpenReadsHoursAsWallClockInShopZone(t *testing.T) {
	tests := []struct {
		name          string
		zone          string
		opens, closes string
		now           string
		want          bool
	}{
		{"09:30 in Berlin in winter, UTC+1", "Europe/Berlin", "2026-01-15 09:00", "2026-01-15 18:00", "2026-01-15T08:30:00Z", true},
		{"18:30 in Berlin, closed", "Europe/Berlin", "2026-01-15 09:00", "2026-01-15 18:00", "2026-01-15T17:30:00Z", false},
		{"08:30 in Berlin in summer, UTC+2, not open yet", "Europe/Berlin", "2026-07-15 09:00", "2026-07-15 18:00", "2026-07-15T06:30:00Z", false},
		{"09:30 in Berlin on the morning the clocks went forward", "Europe/Berlin", "2026-03-29 09:00", "2026-03-29 18:00", "2026-03-29T07:30:00Z", true},
		{"opening minute itself in Tokyo, UTC+9", "Asia/Tokyo", "2026-01-15 09:00", "2026-01-15 18:00", "2026-01-15T00:00:00Z", true},
		{"17:59 in New York, UTC-5", "America/New_York", "2026-01-15 09:00", "2026-01-15 18:00", "2026-01-15T22:59:00Z", true},
		{"closing minute itself in New York", "America/New_York", "2026-01-15 09:00", "2026-01-15 18:00", "2026-01-15T23:00:00Z", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				s := shop(t, tt.zone)
				waitUntil(t, tt.now)

				got, err := s.IsOpen(tt.opens, tt.closes)

				if err != nil {
					t.Fatalf("IsOpen(%q, %q) failed: %v", tt.opens, tt.closes, err)
				}
				if got != tt.want {
					t.Errorf("at %s, IsOpen(%q, %q) in %s = %v, want %v", tt.now, tt.opens, tt.closes, tt.zone, got, tt.want)
				}
			})
		})
	}
}

func TestOpensInCountsFromNowToWallClockInShopZone(t *testing.T) {
	tests := []struct {
		name  string
		zone  string
		opens string
		now   string
		want  time.Duration
	}{
		{"an hour before in Berlin in winter", "Europe/Berlin", "2026-01-15 09:00", "2026-01-15T07:00:00Z", time.Hour},
		{"the night the clocks go forward: 01:30 to 09:00 is 6h30m", "Europe/Berlin", "2026-03-29 09:00", "2026-03-29T00:30:00Z", 6*time.Hour + 30*time.Minute},
		{"asked in winter, opening in summer", "Europe/Berlin", "2026-04-01 09:00", "2026-03-20T12:00:00Z", 11*24*time.Hour + 19*time.Hour},
		{"asked in summer, opening in winter", "America/New_York", "2026-11-02 09:00", "2026-10-30T13:00:00Z", 3*24*time.Hour + time.Hour},
		{"already open for two hours", "Europe/Berlin", "2026-01-15 09:00", "2026-01-15T10:00:00Z", -2 * time.Hour},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				s := shop(t, tt.zone)
				waitUntil(t, tt.now)

				got, err := s.OpensIn(tt.opens)

				if err != nil {
					t.Fatalf("OpensIn(%q) failed: %v", tt.opens, err)
				}
				if got != tt.want {
					t.Errorf("at %s, OpensIn(%q) in %s = %v, want %v", tt.now, tt.opens, tt.zone, got, tt.want)
				}
			})
		})
	}
}

func TestRejectsUnknownZonesAndOtherShapes(t *testing.T) {
	if s, err := NewShop("Europe/Atlantis"); err == nil {
		t.Errorf("NewShop(%q) = %v, want an error", "Europe/Atlantis", s)
	}
	s := shop(t, "Europe/Berlin")
	for _, text := range []string{"2026-01-15T09:00", "2026-01-15 09:00:00", "15.01.2026 09:00", "09:00", "2026-1-15 09:00"} {
		if _, err := s.OpensIn(text); err == nil {
			t.Errorf("OpensIn(%q) succeeded, want an error", text)
		}
		if _, err := s.IsOpen(text, "2026-01-15 18:00"); err == nil {
			t.Errorf("IsOpen(%q, ...) succeeded, want an error", text)
		}
		if _, err := s.IsOpen("2026-01-15 09:00", text); err == nil {
			t.Errorf("IsOpen(..., %q) succeeded, want an error", text)
		}
	}
}
