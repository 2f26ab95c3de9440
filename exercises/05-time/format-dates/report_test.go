//go:build accent

package formatdates

import (
	"testing"
	"time"
	_ "time/tzdata" // the zones below, even on machines without a zone database
)

func load(t *testing.T, name string) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation(name)
	if err != nil {
		t.Fatal(err)
	}
	return loc
}

func TestStampWritesWallClockInReportZone(t *testing.T) {
	newYork, tokyo := load(t, "America/New_York"), load(t, "Asia/Tokyo")
	tests := []struct {
		name string
		t    time.Time
		loc  *time.Location
		want string
	}{
		{"New York in winter is UTC-5", time.Date(2024, 1, 5, 15, 4, 0, 0, time.UTC), newYork, "2024-01-05 10:04"},
		{"New York in summer is UTC-4", time.Date(2024, 7, 5, 15, 4, 0, 0, time.UTC), newYork, "2024-07-05 11:04"},
		{"Tokyo is already on the next day", time.Date(2024, 3, 9, 18, 30, 0, 0, time.UTC), tokyo, "2024-03-10 03:30"},
		{"hours run to 23, no AM/PM", time.Date(2024, 11, 3, 21, 7, 0, 0, time.UTC), time.UTC, "2024-11-03 21:07"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Stamp(tt.t, tt.loc); got != tt.want {
				t.Errorf("Stamp(%v, %v) = %q, want %q", tt.t, tt.loc, got, tt.want)
			}
		})
	}
}

func TestParseStampReadsWallClockInReportZone(t *testing.T) {
	newYork, tokyo := load(t, "America/New_York"), load(t, "Asia/Tokyo")
	tests := []struct {
		s    string
		loc  *time.Location
		want time.Time
	}{
		{"2024-03-09 14:30", newYork, time.Date(2024, 3, 9, 19, 30, 0, 0, time.UTC)},
		{"2024-07-05 11:04", newYork, time.Date(2024, 7, 5, 15, 4, 0, 0, time.UTC)},
		{"2024-03-10 03:30", tokyo, time.Date(2024, 3, 9, 18, 30, 0, 0, time.UTC)},
		{"2024-11-03 21:07", time.UTC, time.Date(2024, 11, 3, 21, 7, 0, 0, time.UTC)},
	}
	for _, tt := range tests {
		t.Run(tt.s+" "+tt.loc.String(), func(t *testing.T) {
			got, err := ParseStamp(tt.s, tt.loc)
			if err != nil {
				t.Fatalf("ParseStamp(%q, %v) failed: %v", tt.s, tt.loc, err)
			}
			// Equal compares instants; == would also compare locations.
			if !got.Equal(tt.want) {
				t.Errorf("ParseStamp(%q, %v) = %v, want %v", tt.s, tt.loc, got.UTC(), tt.want)
			}
		})
	}
}

func TestParseStampRejectsOtherShapes(t *testing.T) {
	for _, s := range []string{
		"2024-03-09T14:30",
		"2024-03-09",
		"09/03/2024 14:30",
		"2024-3-9 14:30",
		"2024-03-09 2:30PM",
		"2024-13-09 14:30",
		"2024-03-09 9:30",
		"2024-02-30 14:30",
		"2023-02-29 14:30",
		"2024-03-09 24:00",
		"2024-03-09 14:60",
		" 2024-03-09 14:30",
		"2024-03-09 14:30\n",
		"2024-03-09 14:30:00",
		"",
	} {
		if got, err := ParseStamp(s, time.UTC); err == nil {
			t.Errorf("ParseStamp(%q) = %v, want an error", s, got)
		}
	}
}

func TestReportFileNamesOneBasedMonthInReportZone(t *testing.T) {
	newYork, tokyo := load(t, "America/New_York"), load(t, "Asia/Tokyo")
	tests := []struct {
		name string
		t    time.Time
		loc  *time.Location
		want string
	}{
		{"January is 01", time.Date(2024, 1, 15, 12, 0, 0, 0, time.UTC), newYork, "report-2024-01.csv"},
		{"December is 12", time.Date(2024, 12, 15, 12, 0, 0, 0, time.UTC), newYork, "report-2024-12.csv"},
		{"already April in Tokyo", time.Date(2024, 3, 31, 23, 30, 0, 0, time.UTC), tokyo, "report-2024-04.csv"},
		{"still March in New York", time.Date(2024, 4, 1, 2, 0, 0, 0, time.UTC), newYork, "report-2024-03.csv"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := ReportFile(tt.t, tt.loc); got != tt.want {
				t.Errorf("ReportFile(%v, %v) = %q, want %q", tt.t, tt.loc, got, tt.want)
			}
		})
	}
}
