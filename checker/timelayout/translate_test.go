package timelayout

import (
	"testing"

	"github.com/accent-go/accent/checker/internal/timeexpr"
)

var translations = []struct{ in, want string }{
	{"YYYY-MM-DD", "2006-01-02"},
	{"yyyy-MM-dd'T'HH:mm:ss.SSSXXX", "2006-01-02T15:04:05.000Z07:00"},
	{"dd/MM/yyyy HH:mm", "02/01/2006 15:04"},
	{"%Y-%m-%d %H:%M:%S", "2006-01-02 15:04:05"},
	{"%d %b %Y, %-I:%M %p", "02 Jan 2006, 3:04 PM"},
	{"2006-01-02 HH:mm", "2006-01-02 15:04"},
	{"DD.MM.YY", "02.01.06"},
	{"EEE MMM d HH:mm:ss zzz yyyy", "Mon Jan 2 15:04:05 MST 2006"},
	{"YYYY-MM-DD[T]HH:mm:ssZZ", "2006-01-02T15:04:05-0700"},
	{"yyyy''MM", "2006'01"},
	// No certain translation.
	{"hh:mm a", ""},
	{"dd HH:mm", ""},
	{"HH:mm:ssSSS", ""},
	{"MMMM Do YYYY", ""},
	{"%c", ""},
	{"%Y-MM", ""},
	// An untranslatable field followed by a fraction.
	{"%c.%f", ""},
	{"%Y %c.%L", ""},
	{"hh:mm a.SSS", ""},
	{"dd HH:mm:ss.SSS", ""},
	{"MMMM Do YYYY.SSS", ""},
}

func TestTranslate(t *testing.T) {
	for _, tt := range translations {
		lt, ok := readForeign(timeexpr.Split(tt.in))
		if !ok {
			t.Errorf("readForeign(%q) found no foreign fields", tt.in)
			continue
		}
		if lt.translated != tt.want {
			t.Errorf("readForeign(%q) translates to %q, want %q", tt.in, lt.translated, tt.want)
		}
	}
}

// Go layouts, and text in them, are not foreign.
var goLayouts = []string{
	"2006-01-02T15:04:05Z07:00", "Mon, 02 Jan 2006 15:04:05 GMT", "Monday, January 2, 2006 at 3:04pm",
	"15h04m05s", "access-20060102.log", "Address: 2006", "backup-20060102.tar.gz", "100% 2006",
	"02.01.2006", "Jan _2 15:04:05.000000", "",
}

func TestGoLayouts(t *testing.T) {
	for _, l := range goLayouts {
		if lt, ok := readForeign(timeexpr.Split(l)); ok {
			t.Errorf("readForeign(%q) reports %v", l, lt.foreign)
		}
	}
}

// FuzzTranslate checks that reading any layout does not panic and that a
// translation is a Go layout the analyzer accepts.
func FuzzTranslate(f *testing.F) {
	for _, tt := range translations {
		f.Add(tt.in)
	}
	for _, l := range goLayouts {
		f.Add(l)
	}
	f.Fuzz(func(t *testing.T, layout string) {
		lt, ok := readForeign(timeexpr.Split(layout))
		if !ok || lt.translated == "" {
			return
		}
		if again, ok := readForeign(timeexpr.Split(lt.translated)); ok {
			t.Errorf("translation %q of %q is reported itself: %v", lt.translated, layout, again.foreign)
		}
	})
}
