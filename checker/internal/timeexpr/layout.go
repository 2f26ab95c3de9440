// Package timeexpr holds what accent's time analyzers share: a reader of Go
// time layouts that splits a layout into the elements package time
// recognizes, and a tracer that follows SSA values back to where they came
// from, such as a call to time.Now.
package timeexpr

import "strings"

// Elem is one element of a Go time layout, such as the "2006" of a year.
// Literal is text that Format copies and Parse expects as is.
type Elem int

// The elements of a layout, as package time's format.go names them.
const (
	Literal          Elem = iota
	LongMonth             // January
	Month                 // Jan
	NumMonth              // 1
	ZeroMonth             // 01
	LongWeekDay           // Monday
	WeekDay               // Mon
	Day                   // 2
	UnderDay              // _2
	ZeroDay               // 02
	UnderYearDay          // __2
	ZeroYearDay           // 002
	Hour                  // 15
	Hour12                // 3
	ZeroHour12            // 03
	Minute                // 4
	ZeroMinute            // 04
	Second                // 5
	ZeroSecond            // 05
	LongYear              // 2006
	Year                  // 06
	PM                    // PM
	Pm                    // pm
	TZ                    // MST
	ISO8601TZ             // Z0700
	ISO8601SecondsTZ      // Z070000
	ISO8601ShortTZ        // Z07
	ISO8601ColonTZ        // Z07:00
	ISO8601ColonSecondsTZ
	NumTZ             // -0700
	NumSecondsTZ      // -070000
	NumShortTZ        // -07
	NumColonTZ        // -07:00
	NumColonSecondsTZ // -07:00:00
	FracSecond0       // .000 or ,000: trailing zeros kept
	FracSecond9       // .999 or ,999: trailing zeros dropped
)

// IsZone reports whether e gives a time zone name or offset.
func (e Elem) IsZone() bool { return e >= TZ && e <= NumColonSecondsTZ }

// IsMonth reports whether e gives the month.
func (e Elem) IsMonth() bool { return e >= LongMonth && e <= ZeroMonth }

// IsDay reports whether e gives the day of the month.
func (e Elem) IsDay() bool { return e >= Day && e <= ZeroDay }

// IsYear reports whether e gives the year.
func (e Elem) IsYear() bool { return e == LongYear || e == Year }

// Chunk is a piece of a layout: an element and its text, or literal text.
type Chunk struct {
	Text string
	Elem Elem
}

// Split splits layout into chunks the way package time reads it (its
// nextStdChunk), so that "Monday" is one element and "Month" is the
// element "Mon" followed by the literal "th". Adjacent literal text forms
// one chunk.
func Split(layout string) []Chunk {
	var chunks []Chunk
	lit := func(s string) {
		if s == "" {
			return
		}
		if n := len(chunks); n > 0 && chunks[n-1].Elem == Literal {
			chunks[n-1].Text += s
			return
		}
		chunks = append(chunks, Chunk{Text: s})
	}
	for layout != "" {
		prefix, elem, n := next(layout)
		lit(prefix)
		if elem == Literal {
			break
		}
		start := len(prefix)
		chunks = append(chunks, Chunk{Text: layout[start : start+n], Elem: elem})
		layout = layout[start+n:]
	}
	return chunks
}

// Join returns the layout that chunks spell.
func Join(chunks []Chunk) string {
	var b strings.Builder
	for _, c := range chunks {
		b.WriteString(c.Text)
	}
	return b.String()
}

// Has reports whether chunks contain an element for which pred holds.
func Has(chunks []Chunk, pred func(Elem) bool) bool {
	for _, c := range chunks {
		if c.Elem != Literal && pred(c.Elem) {
			return true
		}
	}
	return false
}

var zeroDigit = [...]Elem{ZeroMonth, ZeroDay, ZeroHour12, ZeroMinute, ZeroSecond, Year}

// next finds the first element of layout. It returns the literal text
// before it, the element and the element's length in bytes, or all of
// layout and Literal if there is none. It follows time.nextStdChunk.
func next(layout string) (prefix string, elem Elem, n int) {
	has := func(i int, s string) bool { return strings.HasPrefix(layout[i:], s) }
	for i := 0; i < len(layout); i++ {
		switch c := layout[i]; c {
		case 'J':
			if has(i, "January") {
				return layout[:i], LongMonth, 7
			}
			if has(i, "Jan") && !startsWithLower(layout[i+3:]) {
				return layout[:i], Month, 3
			}
		case 'M':
			if has(i, "Monday") {
				return layout[:i], LongWeekDay, 6
			}
			if has(i, "Mon") && !startsWithLower(layout[i+3:]) {
				return layout[:i], WeekDay, 3
			}
			if has(i, "MST") {
				return layout[:i], TZ, 3
			}
		case '0':
			if i+1 < len(layout) && '1' <= layout[i+1] && layout[i+1] <= '6' {
				return layout[:i], zeroDigit[layout[i+1]-'1'], 2
			}
			if has(i, "002") {
				return layout[:i], ZeroYearDay, 3
			}
		case '1':
			if has(i, "15") {
				return layout[:i], Hour, 2
			}
			return layout[:i], NumMonth, 1
		case '2':
			if has(i, "2006") {
				return layout[:i], LongYear, 4
			}
			return layout[:i], Day, 1
		case '_':
			if has(i, "_2") {
				if has(i, "_2006") { // a literal _ and the year
					return layout[:i+1], LongYear, 4
				}
				return layout[:i], UnderDay, 2
			}
			if has(i, "__2") {
				return layout[:i], UnderYearDay, 3
			}
		case '3':
			return layout[:i], Hour12, 1
		case '4':
			return layout[:i], Minute, 1
		case '5':
			return layout[:i], Second, 1
		case 'P':
			if has(i, "PM") {
				return layout[:i], PM, 2
			}
		case 'p':
			if has(i, "pm") {
				return layout[:i], Pm, 2
			}
		case '-':
			for _, z := range []struct {
				s string
				e Elem
			}{{"-070000", NumSecondsTZ}, {"-07:00:00", NumColonSecondsTZ}, {"-0700", NumTZ}, {"-07:00", NumColonTZ}, {"-07", NumShortTZ}} {
				if has(i, z.s) {
					return layout[:i], z.e, len(z.s)
				}
			}
		case 'Z':
			for _, z := range []struct {
				s string
				e Elem
			}{{"Z070000", ISO8601SecondsTZ}, {"Z07:00:00", ISO8601ColonSecondsTZ}, {"Z0700", ISO8601TZ}, {"Z07:00", ISO8601ColonTZ}, {"Z07", ISO8601ShortTZ}} {
				if has(i, z.s) {
					return layout[:i], z.e, len(z.s)
				}
			}
		case '.', ',':
			if i+1 < len(layout) && (layout[i+1] == '0' || layout[i+1] == '9') {
				d := layout[i+1]
				j := i + 1
				for j < len(layout) && layout[j] == d {
					j++
				}
				if j == len(layout) || layout[j] < '0' || layout[j] > '9' {
					if d == '0' {
						return layout[:i], FracSecond0, j - i
					}
					return layout[:i], FracSecond9, j - i
				}
			}
		}
	}
	return layout, Literal, 0
}

func startsWithLower(s string) bool {
	return s != "" && 'a' <= s[0] && s[0] <= 'z'
}
