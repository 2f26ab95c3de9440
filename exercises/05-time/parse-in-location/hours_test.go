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
		{"01:30 on the night the clocks go forward is still UTC+1", "Europe/Berlin", "2026-03-29 01:30", "2026-03-29T00:00:00Z", 30 * time.Minute},
		{"03:00 on that night is already UTC+2", "Europe/Berlin", "2026-03-29 03:00", "2026-03-29T00:00:00Z", time.Hour},
		{"03:30 on the night the clocks go back is UTC+1 again", "Europe/Berlin", "2026-10-25 03:30", "2026-10-25T00:00:00Z", 2*time.Hour + 30*time.Minute},
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
	// LoadLocation("") is UTC and LoadLocation("Local") the machine's zone:
	// neither is where a shop is.
	for _, zone := range []string{"Europe/Atlantis", "", "Local"} {
		if s, err := NewShop(zone); err == nil {
			t.Errorf("NewShop(%q) = %v, want an error", zone, s)
		}
	}
	s := shop(t, "Europe/Berlin")
	for _, text := range []string{
		"2026-01-15T09:00", "2026-01-15 09:00:00", "15.01.2026 09:00", "09:00", "2026-1-15 09:00",
		"2026-01-15 9:00", "2026-01-15  09:00", " 2026-01-15 09:00", "2026-01-15 09:00 ", "2026-02-30 09:00",
		"2026-01-15 24:00", "2026-01-15 09:60",
	} {
		if d, err := s.OpensIn(text); err == nil || d != 0 {
			t.Errorf("OpensIn(%q) = %v, %v; want 0 and an error", text, d, err)
		}
		if open, err := s.IsOpen(text, "2026-01-15 18:00"); err == nil || open {
			t.Errorf("IsOpen(%q, ...) = %v, %v; want false and an error", text, open, err)
		}
		if open, err := s.IsOpen("2026-01-15 09:00", text); err == nil || open {
			t.Errorf("IsOpen(..., %q) = %v, %v; want false and an error", text, open, err)
		}
	}
}

func TestWallClockTheZoneSkipsIsAnError(t *testing.T) {
	tests := []struct{ zone, text string }{
		{"Europe/Berlin", "2026-03-29 02:30"},       // 02:00 CET becomes 03:00 CEST
		{"Europe/Berlin", "2026-03-29 02:00"},       // the first minute that never happens
		{"America/New_York", "2026-03-08 02:30"},    // 02:00 EST becomes 03:00 EDT
		{"Australia/Lord_Howe", "2026-10-04 02:15"}, // a half-hour change: 02:00 becomes 02:30
		{"Antarctica/Troll", "2026-03-29 02:00"},    // a two-hour change: 01:00 becomes 03:00
	}
	for _, tt := range tests {
		t.Run(tt.zone+" "+tt.text, func(t *testing.T) {
			s := shop(t, tt.zone)
			if d, err := s.OpensIn(tt.text); err == nil {
				t.Errorf("OpensIn(%q) in %s = %v, want an error: that wall clock never shows in %s", tt.text, tt.zone, d, tt.zone)
			}
			if _, err := s.IsOpen(tt.text, "2026-12-31 18:00"); err == nil {
				t.Errorf("IsOpen(%q, ...) in %s succeeded, want an error", tt.text, tt.zone)
			}
			if _, err := s.IsOpen("2026-01-01 09:00", tt.text); err == nil {
				t.Errorf("IsOpen(..., %q) in %s succeeded, want an error", tt.text, tt.zone)
			}
		})
	}
}

func TestWallClockTheZoneRepeatsIsTheFirstOfTheTwo(t *testing.T) {
	tests := []struct {
		name, zone, text string
		first            string // the instant of the first time the wall clock shows text
	}{
		{"Berlin, 03:00 CEST becomes 02:00 CET", "Europe/Berlin", "2026-10-25 02:30", "2026-10-25T00:30:00Z"},
		{"Berlin, the first minute that happens twice", "Europe/Berlin", "2026-10-25 02:00", "2026-10-25T00:00:00Z"},
		{"New York, 02:00 EDT becomes 01:00 EST", "America/New_York", "2026-11-01 01:30", "2026-11-01T05:30:00Z"},
		{"Lord Howe, a half-hour change: 02:00 becomes 01:30", "Australia/Lord_Howe", "2026-04-05 01:45", "2026-04-04T14:45:00Z"},
		{"Troll, a two-hour change: 03:00 becomes 01:00", "Antarctica/Troll", "2026-10-25 02:00", "2026-10-25T00:00:00Z"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				s := shop(t, tt.zone)
				first, err := time.Parse(time.RFC3339, tt.first)
				if err != nil {
					t.Fatal(err)
				}
				waitUntil(t, first.Add(-time.Hour).Format(time.RFC3339))

				got, err := s.OpensIn(tt.text)
				if err != nil {
					t.Fatalf("OpensIn(%q) in %s failed: %v", tt.text, tt.zone, err)
				}
				if got != time.Hour {
					t.Errorf("an hour before %s, OpensIn(%q) in %s = %v, want 1h0m0s: the first %s", tt.first, tt.text, tt.zone, got, tt.text[11:])
				}

				// Open from the first time the clock shows text, an hour before it shows it again.
				time.Sleep(time.Hour)
				if open, err := s.IsOpen(tt.text, "2026-12-31 18:00"); err != nil || !open {
					t.Errorf("at %s, IsOpen(%q, ...) in %s = %v, %v; want true: the shop opened at the first %s", tt.first, tt.text, tt.zone, open, err, tt.text[11:])
				}
			})
		})
	}
}
