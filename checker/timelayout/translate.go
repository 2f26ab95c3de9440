package timelayout

import (
	"slices"
	"strings"

	"github.com/accent-go/accent/checker/internal/timeexpr"
)

// A piece is a lexical piece of the literal text of a layout, read as a
// layout of another language: a run of one repeated letter, such as "yyyy",
// a strftime directive such as "%Y", quoted or escaped text, or other
// literal text.
type piece struct {
	kind  pieceKind
	text  string // as written
	value string // for quoted: the text it stands for
	word  int    // for runs: the index of its word, a maximal letter sequence
}

type pieceKind int

const (
	other     pieceKind = iota
	letterRun           // a run of one letter, "yyyy"
	directive           // a strftime directive, "%Y" or "%-d"
	quoted              // 'T' in Java, [T] in moment.js: literal text
)

// scan splits s, literal text of a Go layout, into pieces.
func scan(s string, words *int) []piece {
	var ps []piece
	lastRunEnd := -1
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == '%' && i+1 < len(s):
			j := i + 1
			if s[j] == '-' && j+1 < len(s) {
				j++
			}
			if isLetter(s[j]) || s[j] == '%' {
				ps = append(ps, piece{kind: directive, text: s[i : j+1]})
				i = j + 1
				continue
			}
		case c == '\'':
			if end := strings.IndexByte(s[i+1:], '\''); end >= 0 {
				body := s[i+1 : i+1+end]
				value := body
				if body == "" {
					value = "'"
				}
				ps = append(ps, piece{kind: quoted, text: s[i : i+2+end], value: value})
				i += end + 2
				continue
			}
		case c == '[':
			if end := strings.IndexByte(s[i+1:], ']'); end > 0 && allLetters(s[i+1:i+1+end]) {
				ps = append(ps, piece{kind: quoted, text: s[i : i+2+end], value: s[i+1 : i+1+end]})
				i += end + 2
				continue
			}
		case isLetter(c):
			j := i
			for j < len(s) && s[j] == c {
				j++
			}
			if lastRunEnd != i {
				*words++
			}
			ps = append(ps, piece{kind: letterRun, text: s[i:j], word: *words})
			lastRunEnd = j
			i = j
			continue
		}
		ps = append(ps, piece{kind: other, text: s[i : i+1]})
		i++
	}
	return ps
}

func isLetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

func allLetters(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isLetter(s[i]) && s[i] != ' ' {
			return false
		}
	}
	return true
}

// maxRun gives, per letter, the longest run that some other language's
// date format reads as a field: moment.js and Day.js, Java's
// DateTimeFormatter and SimpleDateFormat, date-fns and .NET.
var maxRun = map[byte]int{
	'y': 4, 'Y': 4, 'M': 4, 'D': 4, 'd': 4, 'E': 4,
	'H': 2, 'h': 2, 'm': 2, 's': 2, 'S': 9,
	'a': 1, 'A': 1, 'Z': 3, 'X': 3, 'x': 3, 'z': 4,
}

// strong reports whether r, a run, can only be a date field: a repeated
// letter such as "yyyy", "MM" or "ss", not a single letter that text is
// made of.
func strong(r piece) bool {
	return len(r.text) >= 2 && strings.IndexByte("yYMDdHhmsSE", r.text[0]) >= 0 && isToken(r)
}

func isToken(r piece) bool {
	n, ok := maxRun[r.text[0]]
	return ok && len(r.text) <= n
}

// strftime maps the directives of C's strftime, as Python, Ruby and PHP
// use them, to Go layout text. A directive that maps to "" has no Go
// equivalent. %f (Python's microseconds) and %L (Ruby's milliseconds) are
// fractions and must follow a '.'.
var strftime = map[string]string{
	"%Y": "2006", "%y": "06", "%m": "01", "%-m": "1", "%d": "02", "%-d": "2", "%e": "_2",
	"%H": "15", "%I": "03", "%-I": "3", "%M": "04", "%-M": "4", "%S": "05", "%-S": "5",
	"%p": "PM", "%b": "Jan", "%h": "Jan", "%B": "January", "%a": "Mon", "%A": "Monday",
	"%z": "-0700", "%Z": "MST", "%j": "002",
	"%F": "2006-01-02", "%T": "15:04:05", "%D": "01/02/06", "%R": "15:04",
	"%f": "000000", "%L": "000", "%%": "%",
	// Known directives with no Go equivalent.
	"%c": "", "%x": "", "%X": "", "%s": "", "%u": "", "%w": "", "%k": "", "%l": "",
	"%U": "", "%W": "", "%V": "", "%G": "", "%g": "", "%C": "", "%-H": "", "%-j": "",
	"%n": "", "%t": "", "%P": "", "%r": "", "%N": "",
}

// letters maps runs of letters that mean the same in every language that
// uses them to Go layout text. Day fields, AM/PM markers and offsets
// depend on the language and are decided in translateRun.
var letters = map[string]string{
	"yyyy": "2006", "YYYY": "2006", "yy": "06", "YY": "06",
	"MMMM": "January", "MMM": "Jan", "MM": "01", "M": "1",
	"HH": "15", "hh": "03", "h": "3", "mm": "04", "m": "4", "ss": "05", "s": "5",
	"EEEE": "Monday", "EEE": "Mon", "dddd": "Monday", "ddd": "Mon",
	"A": "PM", "ZZ": "-0700", "ZZZ": "-0700",
	"XXX": "Z07:00", "XX": "Z0700", "X": "Z07", "xxx": "-07:00", "xx": "-0700", "x": "-07",
	"z": "MST", "zz": "MST", "zzz": "MST",
}

// layoutText is what a diagnostic knows about the foreign notation in a
// layout.
type layoutText struct {
	foreign    []string // the foreign fields, as written, in order
	translated string   // the Go layout, or "" if no certain translation exists
}

// readForeign reads the literal text of layout as another language's date
// format. It returns false if that text holds no field that only another
// language's format would contain.
func readForeign(chunks []timeexpr.Chunk) (layoutText, bool) {
	return read(chunks, true)
}

// read is readForeign; it translates only if translate is set.
func read(chunks []timeexpr.Chunk, translate bool) (layoutText, bool) {
	parts := scanParts(chunks)
	fw, found := findForeign(parts)
	var lt layoutText
	if !found {
		return lt, false
	}
	if !translate {
		return lt, true
	}
	var hasMonth bool
	lt.foreign, hasMonth = fw.fields(parts)
	out, ok := fw.translate(parts, hasMonth)
	if !ok {
		return lt, true
	}
	lt.translated, _ = checkTranslation(out)
	return lt, true
}

// A part is a chunk of a layout and, for a literal chunk, its pieces.
type part struct {
	chunk  timeexpr.Chunk
	pieces []piece // for a literal chunk
}

// scanParts splits the literal chunks of a layout into pieces, numbering
// the words across chunks.
func scanParts(chunks []timeexpr.Chunk) []part {
	words := 0
	parts := make([]part, len(chunks))
	for i, c := range chunks {
		parts[i].chunk = c
		if c.Elem == timeexpr.Literal {
			parts[i].pieces = scan(c.Text, &words)
		}
	}
	return parts
}

// foreignWords is what findForeign learns about a layout's pieces.
type foreignWords struct {
	words        map[int]bool // the words whose every run is a field of some language (or 'T')
	hasDirective bool         // a known strftime directive appears
}

// findForeign finds the foreign words: each of their runs is a field of
// some language, or the 'T' that separates a date from a time. It reports
// whether the layout is foreign: it has a strftime directive or a foreign
// word with a run that can only be a date field.
func findForeign(parts []part) (foreignWords, bool) {
	fw := foreignWords{words: make(map[int]bool)}
	notForeign := make(map[int]bool)
	hasStrong := make(map[int]bool)
	for _, p := range parts {
		for _, pc := range p.pieces {
			switch pc.kind {
			case letterRun:
				switch {
				case pc.text == "T":
				case isToken(pc):
					fw.words[pc.word] = true
					hasStrong[pc.word] = hasStrong[pc.word] || strong(pc)
				default:
					notForeign[pc.word] = true
				}
			case directive:
				if _, ok := strftime[pc.text]; ok {
					fw.hasDirective = true
				}
			}
		}
	}
	found := fw.hasDirective
	for w := range fw.words {
		if notForeign[w] {
			delete(fw.words, w)
		} else if hasStrong[w] {
			found = true
		}
	}
	return fw, found
}

// fields returns the foreign fields of the layout, as written, in order,
// and whether one of them is a month.
func (fw foreignWords) fields(parts []part) (foreign []string, hasMonth bool) {
	for _, p := range parts {
		for _, pc := range p.pieces {
			if pc.kind == directive && strftime[pc.text] != "" || pc.kind == letterRun && fw.words[pc.word] && pc.text != "T" {
				foreign = append(foreign, pc.text)
				hasMonth = hasMonth || pc.kind == letterRun && pc.text[0] == 'M'
			}
		}
	}
	return foreign, hasMonth
}

// translate returns the layout's chunks with every foreign field replaced
// by its Go layout text (a chunk of Elem -1, to be checked), or false if
// some piece has no single meaning. A layout mixing strftime directives
// and foreign words has none.
func (fw foreignWords) translate(parts []part, hasMonth bool) ([]timeexpr.Chunk, bool) {
	if fw.hasDirective && len(fw.words) > 0 {
		return nil, false
	}
	var out output
	for _, p := range parts {
		if p.chunk.Elem != timeexpr.Literal {
			out.emit(p.chunk)
			continue
		}
		for _, pc := range p.pieces {
			if !fw.translatePiece(&out, pc, hasMonth) {
				return nil, false
			}
		}
	}
	return out, true
}

// translatePiece appends the translation of pc, a piece of a literal
// chunk, to out, or returns false if it has none.
func (fw foreignWords) translatePiece(out *output, pc piece, hasMonth bool) bool {
	switch pc.kind {
	case other:
		out.emit(timeexpr.Chunk{Text: pc.text})
	case quoted:
		out.emit(timeexpr.Chunk{Text: pc.value})
	case directive:
		if !fw.hasDirective {
			out.emit(timeexpr.Chunk{Text: pc.text}) // a stray %
			return true
		}
		goText := strftime[pc.text]
		switch {
		case goText == "":
			return false
		case pc.text == "%f" || pc.text == "%L":
			return out.fraction(len(goText))
		case pc.text == "%%":
			out.emit(timeexpr.Chunk{Text: "%"})
		default:
			out.emit(timeexpr.Chunk{Text: goText, Elem: -1})
		}
	case letterRun:
		if pc.text == "T" || fw.hasDirective {
			out.emit(timeexpr.Chunk{Text: pc.text})
			return true
		}
		if !fw.words[pc.word] {
			return false
		}
		if pc.text[0] == 'S' {
			return out.fraction(len(pc.text))
		}
		goText := translateRun(pc.text, hasMonth)
		if goText == "" {
			return false
		}
		out.emit(timeexpr.Chunk{Text: goText, Elem: -1})
	}
	return true
}

// output is a translation being built: chunks with adjacent literal text
// joined.
type output []timeexpr.Chunk

// emit appends c, joining it to literal text just before it; an empty
// chunk that cannot be joined is dropped.
func (out *output) emit(c timeexpr.Chunk) {
	if n := len(*out); n > 0 && (*out)[n-1].Elem == timeexpr.Literal && c.Elem == timeexpr.Literal {
		(*out)[n-1].Text += c.Text
		return
	}
	if c.Text != "" {
		*out = append(*out, c)
	}
}

// fraction turns the '.' or ',' just emitted and n zeros into a
// fractional second, or returns false if no such separator was just
// emitted.
func (out *output) fraction(n int) bool {
	o := *out
	last := len(o) - 1
	if last < 0 || o[last].Elem != timeexpr.Literal {
		return false
	}
	text := o[last].Text
	sep := text[len(text)-1]
	if sep != '.' && sep != ',' {
		return false
	}
	o[last].Text = text[:len(text)-1]
	if o[last].Text == "" {
		o = o[:last]
	}
	*out = append(o, timeexpr.Chunk{Text: string(sep) + strings.Repeat("0", n), Elem: timeexpr.FracSecond0})
	return true
}

// checkTranslation joins a translation into a Go layout and returns it, if package
// time reads it as the elements and the literal text intended, no more,
// no less, and it does not itself read as foreign.
func checkTranslation(out []timeexpr.Chunk) (string, bool) {
	translated := timeexpr.Join(out)
	var want []timeexpr.Chunk
	for _, c := range out {
		if c.Elem == -1 {
			want = append(want, timeexpr.Split(c.Text)...)
		} else {
			want = append(want, c)
		}
	}
	if !slices.Equal(merge(want), merge(timeexpr.Split(translated))) {
		return "", false
	}
	// A translation that still reads as foreign, such as "%B" from
	// strftime's "%%B", would only draw a report of its own.
	if _, again := read(timeexpr.Split(translated), false); again {
		return "", false
	}
	return translated, true
}

// translateRun returns the Go layout text for a run of letters from a
// moment.js, Java or date-fns format, or "" if its meaning depends on the
// language. hasMonth tells whether the format has a month field, which
// makes a day field the day of the month.
func translateRun(r string, hasMonth bool) string {
	if s, ok := letters[r]; ok {
		return s
	}
	switch r {
	case "dd", "DD": // day of month in Java and moment.js, unless there is no month
		if hasMonth {
			return "02"
		}
	case "d", "D":
		if hasMonth {
			return "2"
		}
	}
	// "a" is PM in Java but pm in moment.js; "Z" is -0700 in Java but
	// -07:00 in moment.js; "H" has no unpadded Go equivalent; "DDD" is
	// the day of the year, padded in Java but not in moment.js.
	return ""
}

// merge joins adjacent literal chunks.
func merge(chunks []timeexpr.Chunk) []timeexpr.Chunk {
	var out []timeexpr.Chunk
	for _, c := range chunks {
		if n := len(out); n > 0 && out[n-1].Elem == timeexpr.Literal && c.Elem == timeexpr.Literal {
			out[n-1].Text += c.Text
			continue
		}
		out = append(out, c)
	}
	return out
}
