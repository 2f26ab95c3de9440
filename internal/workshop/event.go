// Package workshop is accent's classroom: a facilitator server that
// participants' workbenches send small progress events to (never code),
// the room state derived from them, the log that keeps them across
// restarts, and the client that queues a participant's events when the
// server is out of reach.
package workshop

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Kind is what a participant's event says happened.
type Kind string

// The event kinds a participant's workbench sends.
const (
	Opened  Kind = "opened"  // the participant opened an exercise
	Graded  Kind = "verdict" // an exercise was graded: status and findings
	Hinted  Kind = "hint"    // the participant revealed a hint tier
	Passed  Kind = "passed"  // the exercise passed for the first time
	maxName      = 40
)

// Event is one thing that happened on a participant's machine. Seq numbers
// a participant's events from 1, so a batch sent twice (the answer was
// lost) is recorded once.
type Event struct {
	Seq      int64     `json:"seq"`
	Kind     Kind      `json:"kind"`
	Exercise string    `json:"exercise"`
	Status   string    `json:"status,omitempty"`   // verdict: pass, fail or error
	Findings []string  `json:"findings,omitempty"` // verdict: "leak", "analyzer:chanleak", "test:TestX"
	Tier     int       `json:"tier,omitempty"`     // hint: 1 for the first tier
	At       time.Time `json:"at"`                 // when it happened, by the participant's clock
}

// Batch is the body of POST /v1/events.
type Batch struct {
	Events []Event `json:"events"`
}

// Limits on what a participant may send.
const (
	MaxBodyBytes   = 64 << 10 // a request body; more is 413
	MaxBatch       = 200      // events in one batch
	maxFindings    = 16
	maxFindingSize = 80
)

var (
	exerciseRE = regexp.MustCompile(`^[a-z0-9]+(?:-[a-z0-9]+)*/[a-z0-9]+(?:-[a-z0-9]+)*$`)
	findingRE  = regexp.MustCompile(`^[a-z]+(?::[A-Za-z0-9_./-]+)?$`)
)

// DecodeBatch reads and validates a batch of events. Every error says what
// is wrong in words a client author can act on.
func DecodeBatch(r io.Reader) (Batch, error) {
	var b Batch
	if err := decodeStrict(r, &b); err != nil {
		return Batch{}, err
	}
	if len(b.Events) == 0 {
		return Batch{}, errors.New(`"events" is empty or missing`)
	}
	if len(b.Events) > MaxBatch {
		return Batch{}, fmt.Errorf("%d events in one batch; send at most %d", len(b.Events), MaxBatch)
	}
	for i := range b.Events {
		if err := b.Events[i].validate(); err != nil {
			return Batch{}, fmt.Errorf("events[%d]: %w", i, err)
		}
		if i > 0 && b.Events[i].Seq <= b.Events[i-1].Seq {
			return Batch{}, fmt.Errorf("events[%d]: seq %d after %d; seq must increase", i, b.Events[i].Seq, b.Events[i-1].Seq)
		}
	}
	return b, nil
}

func (e *Event) validate() error {
	if e.Seq <= 0 {
		return errors.New(`"seq" must be a positive number`)
	}
	if !exerciseRE.MatchString(e.Exercise) || len(e.Exercise) > 100 {
		return fmt.Errorf(`"exercise" %q is not an exercise id like "goroutines/fetch-all"`, clip(e.Exercise, 40))
	}
	if e.At.IsZero() {
		return errors.New(`"at" is missing`)
	}
	switch e.Kind {
	case Opened, Passed:
		if e.Status != "" || len(e.Findings) > 0 || e.Tier != 0 {
			return fmt.Errorf("a %q event carries only seq, kind, exercise and at", e.Kind)
		}
	case Hinted:
		if e.Tier < 1 || e.Tier > 10 {
			return fmt.Errorf(`"tier" %d is not a hint tier (1..10)`, e.Tier)
		}
	case Graded:
		switch e.Status {
		case "pass", "fail", "error":
		default:
			return fmt.Errorf(`"status" %q is not pass, fail or error`, clip(e.Status, 20))
		}
		if len(e.Findings) > maxFindings {
			return fmt.Errorf("%d findings; send at most %d", len(e.Findings), maxFindings)
		}
		for _, f := range e.Findings {
			if len(f) > maxFindingSize || !findingRE.MatchString(f) {
				return fmt.Errorf(`finding %q is not a kind like "leak" or "analyzer:chanleak"`, clip(f, 40))
			}
		}
	default:
		return fmt.Errorf(`"kind" %q is not opened, verdict, hint or passed`, clip(string(e.Kind), 20))
	}
	return nil
}

// decodeStrict decodes exactly one JSON value with no unknown fields.
func decodeStrict(r io.Reader, v any) error {
	dec := json.NewDecoder(r)
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return jsonError(err)
	}
	if dec.More() {
		return errors.New("malformed JSON: more than one value in the body")
	}
	var extra json.RawMessage
	if err := dec.Decode(&extra); !errors.Is(err, io.EOF) {
		return errors.New("malformed JSON: trailing data after the value")
	}
	return nil
}

// jsonError turns encoding/json's errors into one line a client author
// understands, with the offset where it helps.
func jsonError(err error) error {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.Is(err, io.EOF):
		return errors.New("malformed JSON: the body is empty")
	case errors.Is(err, io.ErrUnexpectedEOF):
		return errors.New("malformed JSON: the body ends in the middle of a value")
	case errors.As(err, &syn):
		return fmt.Errorf("malformed JSON at byte %d: %w", syn.Offset, syn)
	case errors.As(err, &typ):
		return fmt.Errorf("malformed JSON: %q must be a %s, not a %s", typ.Field, typ.Type, typ.Value)
	}
	return fmt.Errorf("malformed JSON: %w", err)
}

// SanitizeName makes a participant's name safe for any terminal: no
// control characters or escape sequences (they are dropped), no invisible
// or bidi formatting characters, spaces collapsed, at most 40 characters.
// Markup characters (< > & " ' and backquote) are kept as the participant
// typed them ("O'Brien", "Bo <b>Chen"): every page escapes them on output
// (the room board sets names with textContent), and dropping them would
// glue words together. The result may be empty: the caller rejects that.
func SanitizeName(s string) string {
	return sanitize(s, maxName, func(r rune) bool {
		return unicode.Is(unicode.Co, r) || invisible(r)
	})
}

// invisible reports whether r draws nothing though it is not a space or a
// control character: the Hangul fillers (U+115F, U+1160, U+3164, U+FFA0)
// and the other default-ignorable code points, and the blank Braille
// pattern U+2800. In a name they hide or fake who someone is.
func invisible(r rune) bool {
	return unicode.Is(unicode.Other_Default_Ignorable_Code_Point, r) || r == '\u2800'
}

// Visible reports whether s has at least one character that draws
// something: a letter, digit, punctuation or symbol that is not invisible.
func Visible(s string) bool {
	for _, r := range s {
		if unicode.In(r, unicode.L, unicode.N, unicode.P, unicode.S) && !invisible(r) {
			return true
		}
	}
	return false
}

// SanitizeText keeps printable text of at most n runes: control
// characters and escape sequences are dropped, whitespace runs become one
// space. Markup is left to the page's escaping (textContent, lipgloss).
func SanitizeText(s string, n int) string {
	return sanitize(s, n, func(rune) bool { return false })
}

// sanitize keeps at most n runes of s that are neither invalid, control
// or invisible formatting characters nor dropped by drop, with every run
// of whitespace made one space and none at either end.
func sanitize(s string, n int, drop func(rune) bool) string {
	var b strings.Builder
	space := false
	count := 0
	for _, r := range s {
		if count >= n {
			break
		}
		switch {
		case unicode.IsSpace(r):
			space = b.Len() > 0
			continue
		case r == utf8.RuneError, unicode.IsControl(r), unicode.Is(unicode.Cf, r), drop(r):
			continue
		}
		if space {
			if count+1 >= n {
				break // no room for a word after the space
			}
			b.WriteByte(' ')
			count++
			space = false
		}
		b.WriteRune(r)
		count++
	}
	return b.String()
}

func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "..."
}

// jsonLine marshals v as one line of JSON.
func jsonLine(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
