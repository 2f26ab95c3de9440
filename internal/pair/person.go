package pair

import (
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

// The longest name and email a Person may have, in characters.
const (
	MaxNameLen  = 64
	MaxEmailLen = 254
)

// Person is one of the pair: a name, and the email a forge credits
// commits to (optional).
type Person struct {
	Name  string `json:"name"`
	Email string `json:"email,omitempty"`
}

// String is "Name <email>", or the name alone.
func (p Person) String() string {
	if p.Email == "" {
		return p.Name
	}
	return p.Name + " <" + p.Email + ">"
}

// Same reports whether p and q are the same person: the same name (case
// and spacing aside), or the same email.
func (p Person) Same(q Person) bool {
	if p.Email != "" && strings.EqualFold(p.Email, q.Email) {
		return true
	}
	return strings.EqualFold(p.Name, q.Name)
}

// ParsePerson reads "Ana Lima <ana@example.com>" or "Ana Lima". The text
// is sanitised first: escape sequences and control characters are
// dropped, runs of spaces become one, and the ends are trimmed, so that a
// name is safe to print on a terminal. An empty name, a name over
// MaxNameLen characters, angle brackets outside the email form and an
// email that is not an address are errors.
func ParsePerson(s string) (Person, error) {
	s = sanitize(s)
	if s == "" {
		return Person{}, errors.New("the name is empty")
	}
	name, email := s, ""
	if open := strings.LastIndexByte(s, '<'); open >= 0 && strings.HasSuffix(s, ">") {
		name = strings.TrimSpace(s[:open])
		email = strings.TrimSpace(s[open+1 : len(s)-1])
	}
	switch {
	case strings.ContainsAny(name, "<>"):
		return Person{}, fmt.Errorf("%q: a name cannot hold < or >; write \"Name <email>\" or the name alone", s)
	case name == "":
		return Person{}, fmt.Errorf("%q has an email but no name: write \"Name <email>\"", s)
	case utf8.RuneCountInString(name) > MaxNameLen:
		return Person{}, fmt.Errorf("the name %q is longer than %d characters", truncateRunes(name, 20)+"…", MaxNameLen)
	}
	if s != name {
		if err := checkEmail(email); err != nil {
			return Person{}, fmt.Errorf("%q: %w", s, err)
		}
	}
	return Person{Name: name, Email: email}, nil
}

func checkEmail(email string) error {
	local, domain, ok := strings.Cut(email, "@")
	switch {
	case email == "":
		return errors.New("the email between < and > is empty")
	case len(email) > MaxEmailLen:
		return fmt.Errorf("the email is longer than %d characters", MaxEmailLen)
	case !ok || local == "" || domain == "" || strings.Contains(domain, "@"):
		return fmt.Errorf("%q is not an email address (like ana@example.com)", email)
	case strings.ContainsAny(email, " <>,;\"'"):
		return fmt.Errorf("%q is not an email address: it holds a space or one of < > , ; \" '", email)
	}
	return nil
}

// sanitize drops escape sequences, control characters and bidirectional
// overrides from s, turns runs of white space into one space and trims
// the ends.
func sanitize(s string) string {
	s = ansi.Strip(strings.ToValidUTF8(s, ""))
	var b strings.Builder
	space := false
	for _, r := range s {
		switch {
		case unicode.IsSpace(r):
			space = true
			continue
		case unicode.IsControl(r), isBidiControl(r):
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}

// isBidiControl reports whether r reorders the text around it on screen
// (the "Trojan Source" characters).
func isBidiControl(r rune) bool {
	return (r >= '\u202A' && r <= '\u202E') || (r >= '\u2066' && r <= '\u2069') || r == '\u200E' || r == '\u200F' || r == '\u061C'
}

func truncateRunes(s string, n int) string {
	for i := range s {
		if n == 0 {
			return s[:i]
		}
		n--
	}
	return s
}

// Trailer is the Co-authored-by lines for a commit made by the pair, one
// per person, and notes for those without an email.
type Trailer struct {
	Lines []string // "Co-authored-by: Ana Lima <ana@example.com>"
	Notes []string // "Bo has no email: ..."
}

// TrailerFor is the commit trailer crediting people. A person without an
// email gets a line with the name only and a note: GitHub credits a
// co-author only through the email of their account.
func TrailerFor(people ...Person) Trailer {
	var t Trailer
	for _, p := range people {
		t.Lines = append(t.Lines, "Co-authored-by: "+p.String())
		if p.Email == "" {
			t.Notes = append(t.Notes, fmt.Sprintf("%s has no email: GitHub credits a co-author only by email (\"%s <email>\").", p.Name, p.Name))
		}
	}
	return t
}
