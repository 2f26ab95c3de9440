package timeexpr_test

import (
	"strings"
	"testing"
	"time"

	"github.com/accent-go/accent/checker/internal/timeexpr"
)

// ref formats every element differently from the element's own text: a
// morning (so PM formats as AM), a zone that is not UTC, and a fraction.
var ref = time.Date(2009, time.November, 17, 8, 34, 58, 123456789, time.FixedZone("XYZ", 3*3600))

var layouts = []string{
	time.Layout, time.ANSIC, time.UnixDate, time.RubyDate, time.RFC822, time.RFC822Z,
	time.RFC850, time.RFC1123, time.RFC1123Z, time.RFC3339, time.RFC3339Nano,
	time.Kitchen, time.Stamp, time.StampMilli, time.StampMicro, time.StampNano,
	time.DateTime, time.DateOnly, time.TimeOnly,
	"Month", "Janx", "_2006", "__2 002", "2006-01-02T15:04:05.999Z0700",
	"-07:00:00 Z07:00:00 -070000 Z070000 Z07 -07", "pm PM", ",000 .9", ".0001",
	"YYYY-MM-DD", "%Y-%m-%d", "yyyy-MM-dd'T'HH:mm:ss", "",
}

// checkSplit checks Split against package time: literal chunks as they are
// and elements formatted on their own make what formatting the whole layout
// makes, and no element formats as its own text.
func checkSplit(t *testing.T, layout string) {
	chunks := timeexpr.Split(layout)
	if got := timeexpr.Join(chunks); got != layout {
		t.Fatalf("Join(Split(%q)) = %q", layout, got)
	}
	var b strings.Builder
	for i, c := range chunks {
		out := c.Text
		if c.Elem != timeexpr.Literal {
			out = ref.Format(c.Text)
			if out == c.Text {
				t.Errorf("Split(%q): element %d %q formats as itself", layout, c.Elem, c.Text)
			}
		}
		if c.Text == "" || i > 0 && c.Elem == timeexpr.Literal && chunks[i-1].Elem == timeexpr.Literal {
			t.Errorf("Split(%q): empty or unmerged literal chunk %q", layout, c.Text)
		}
		b.WriteString(out)
	}
	if want := ref.Format(layout); b.String() != want {
		t.Errorf("Split(%q) chunks format as %q, the layout as %q", layout, b.String(), want)
	}
}

func TestSplit(t *testing.T) {
	for _, l := range layouts {
		checkSplit(t, l)
	}
}

func FuzzSplit(f *testing.F) {
	for _, l := range layouts {
		f.Add(l)
	}
	f.Fuzz(checkSplit)
}

func TestElemKinds(t *testing.T) {
	chunks := timeexpr.Split("2006-01-02 15:04 MST")
	if !timeexpr.Has(chunks, timeexpr.Elem.IsZone) || !timeexpr.Has(chunks, timeexpr.Elem.IsYear) ||
		!timeexpr.Has(chunks, timeexpr.Elem.IsMonth) || !timeexpr.Has(chunks, timeexpr.Elem.IsDay) {
		t.Errorf("Split(%q) misses an element: %v", "2006-01-02 15:04 MST", chunks)
	}
	if timeexpr.Has(timeexpr.Split(time.DateTime), timeexpr.Elem.IsZone) {
		t.Errorf("time.DateTime has no zone")
	}
}
