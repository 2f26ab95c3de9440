package grade

import (
	"bufio"
	"bytes"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	_ "embed"
	"encoding/hex"
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"text/template"
)

// How a pass is proven.
//
// Threat model: the learner's code runs inside the test binary, in the
// same process as the tests, before them (init functions, package
// variables) and beside them (goroutines). It can print anything to any
// file descriptor, rewrite os.Stdout, read the environment and every file
// the grader can read, change os.Args and the test flags, and exit with
// any status. So nothing the test binary prints can be trusted because of
// where it appears or what it looks like.
//
// What accent trusts is one line signed with a key the learner's code
// never has: an HMAC-SHA256, under a fresh random key per grade, of the
// result the injected TestMain computed. The key reaches the test binary
// as a file named by an environment variable; package accentseal, laid
// over the module for the grade, reads it, deletes the file and unsets
// the variable in its init function. That runs before any of the
// learner's code, because Go initializes a package's imports before the
// package, the exercise's package imports accentseal through its tests,
// and the learner's package may import nothing outside the standard
// library (checked, with unsafe and cgo refused, before the verdict; see
// learnerImports). The result it signs comes from accentseal's own count
// of which pristine tests ran to a pass (a call inserted at the start of
// each), not from m.Run's exit code alone, so flags the learner's code
// slips into os.Args (-test.run=^$, -test.list, -test.short) pass nothing.
// Neither accentseal nor the names in the injected test files can be
// referred to from the learner's files: the build stage compiles them
// without the grading overlay, where they do not exist.
//
// What remains: the key is in the test binary's memory, so code that
// reads its own memory through /proc/self/mem (or process_vm_readv) and
// finds the key in a stripped binary could forge the line. That is
// reverse engineering at run time, not a trick; keeping it out needs an
// operating-system sandbox, which accent does not have.

const (
	keyEnv       = "ACCENT_GRADE_KEY"
	sealPkgDir   = "internal/accentseal"
	sealFileName = "accentseal.go"
	missingMark  = "--- accent: tests that did not pass:"
	limitBegin   = "--- accent: resource limit:"
	limitEnd     = "--- accent: end of resource report"
)

//go:embed accentseal.go.tmpl
var sealSource string

var sealTmpl = template.Must(template.New("accentseal").Parse(sealSource))

// newKey writes a fresh key to path, readable by this user only.
func newKey(path string) ([]byte, error) {
	key := make([]byte, 32)
	if _, err := rand.Read(key); err != nil {
		return nil, fmt.Errorf("making the grading key: %w", err)
	}
	if err := os.WriteFile(path, key, 0o600); err != nil {
		return nil, fmt.Errorf("writing the grading key: %w", err)
	}
	return key, nil
}

// sealOK reports whether the line after completeMark ("<code> <hex mac>")
// was signed with key, and the code it carries.
func sealOK(key []byte, rest string) (int, bool) {
	codeText, macText, ok := strings.Cut(strings.TrimSpace(rest), " ")
	if !ok {
		return 0, false
	}
	code, err := strconv.Atoi(codeText)
	if err != nil {
		return 0, false
	}
	got, err := hex.DecodeString(macText)
	if err != nil {
		return 0, false
	}
	mac := hmac.New(sha256.New, key)
	fmt.Fprintf(mac, "%s %d", completeMark, code)
	return code, hmac.Equal(got, mac.Sum(nil))
}

// module finds the module that holds dir: its root directory and path.
func module(dir string) (root, path string, err error) {
	for d := dir; ; {
		b, err := os.ReadFile(filepath.Join(d, "go.mod"))
		if err == nil {
			if p := modulePath(b); p != "" {
				return d, p, nil
			}
			return "", "", fmt.Errorf("%s has no module line", filepath.Join(d, "go.mod"))
		}
		parent := filepath.Dir(d)
		if parent == d {
			return "", "", fmt.Errorf("%s is not inside a Go module (no go.mod above it): run `accent init`", dir)
		}
		d = parent
	}
}

func modulePath(gomod []byte) string {
	sc := bufio.NewScanner(bytes.NewReader(gomod))
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		rest, ok := strings.CutPrefix(line, "module")
		if !ok || (rest != "" && rest[0] != ' ' && rest[0] != '\t') {
			continue
		}
		rest, _, _ = strings.Cut(rest, "//")
		rest = strings.TrimSpace(rest)
		if p, err := strconv.Unquote(rest); err == nil {
			return p
		}
		return rest // not quoted: the path as written
	}
	return ""
}

// instrument inserts accentseal.Track at the start of every top-level
// test of a pristine test file, and the import of accentseal after its
// package clause, without moving any line: the explainer's line numbers
// stay the file's own. It returns the tests it found.
func instrument(name string, src []byte, sealPath string) ([]byte, []string, error) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, name, src, parser.SkipObjectResolution)
	if err != nil {
		return nil, nil, fmt.Errorf("reading the exercise's test %s: %w", name, err)
	}
	testingName := ""
	for _, im := range f.Imports {
		if p, _ := strconv.Unquote(im.Path.Value); p == "testing" { //accent:ignore errignored the parser accepted the literal
			testingName = "testing"
			if im.Name != nil {
				testingName = im.Name.Name
			}
		}
	}
	type insert struct {
		at   int
		text string
	}
	var inserts []insert
	var tests []string
	for _, d := range f.Decls {
		fn, ok := d.(*ast.FuncDecl)
		if !ok || fn.Recv != nil || fn.Body == nil || !isTestName(fn.Name.Name) || testingName == "" {
			continue
		}
		params := fn.Type.Params.List
		if len(params) != 1 || len(params[0].Names) > 1 || !isTestingT(params[0].Type, testingName) {
			continue
		}
		param := "accentT"
		switch {
		case len(params[0].Names) == 0:
			inserts = append(inserts, insert{fset.Position(params[0].Type.Pos()).Offset, param + " "})
		case params[0].Names[0].Name == "_":
			id := params[0].Names[0]
			inserts = append(inserts, insert{fset.Position(id.Pos()).Offset, param + "\x00"}) // replaces "_"
		default:
			param = params[0].Names[0].Name
		}
		inserts = append(inserts, insert{fset.Position(fn.Body.Lbrace).Offset + 1, " accentseal.Track(" + param + ");"})
		tests = append(tests, fn.Name.Name)
	}
	if len(tests) == 0 {
		return src, nil, nil
	}
	inserts = append(inserts, insert{fset.Position(f.Name.End()).Offset, fmt.Sprintf("; import accentseal %q", sealPath)})
	sort.Slice(inserts, func(i, j int) bool { return inserts[i].at > inserts[j].at })
	out := append([]byte(nil), src...)
	for _, in := range inserts {
		text, skip := in.text, 0
		if strings.HasSuffix(text, "\x00") {
			text, skip = strings.TrimSuffix(text, "\x00"), 1
		}
		out = append(out[:in.at], append([]byte(text), out[in.at+skip:]...)...)
	}
	return out, tests, nil
}

func isTestName(name string) bool {
	rest, ok := strings.CutPrefix(name, "Test")
	if !ok {
		return false
	}
	return rest == "" || !(rest[0] >= 'a' && rest[0] <= 'z')
}

func isTestingT(e ast.Expr, testingName string) bool {
	star, ok := e.(*ast.StarExpr)
	if !ok {
		return false
	}
	sel, ok := star.X.(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != "T" {
		return false
	}
	id, ok := sel.X.(*ast.Ident)
	return ok && id.Name == testingName
}

// sealSourceFor is accentseal's source for one grade.
func sealSourceFor(tests []string, memoryLimit int64) ([]byte, error) {
	var b bytes.Buffer
	err := sealTmpl.Execute(&b, map[string]any{
		"KeyEnv": keyEnv, "Tests": tests, "MemoryLimit": memoryLimit,
		"Complete": completeMark, "Missing": missingMark, "LimitBegin": limitBegin, "LimitEnd": limitEnd,
	})
	if err != nil {
		return nil, fmt.Errorf("writing the grading package: %w", err)
	}
	return b.Bytes(), nil
}

var errNotUTF8 = errors.New("not valid UTF-8")
