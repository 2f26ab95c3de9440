package archrules

import (
	"bufio"
	"bytes"
	"os/exec"
	"path"
	"strings"
	"testing"
)

const module = "github.com/accent-go/accent"

// mayImport is the map of ARCHITECTURE.md ("Import rules"): for each
// package (a trailing /... means the package and everything under it), the
// accent packages it may import. A package the map does not name fails the
// test, so a new package is placed on the map when it is added.
var mayImport = map[string][]string{
	"cmd/accent":    {"internal/cli"},
	"cmd/accentvet": {"checker/vetcmd"},

	// The checker stands alone: a golangci-lint plugin or a CI image gets it
	// without the workbench.
	"checker/...": {"checker/..."},

	// Content.
	"exercises": nil,
	"lessons":   nil,

	// The command line wires everything; only it may use the two UIs.
	"internal/cli": {
		"internal/course", "internal/grade", "internal/learner", "internal/pair",
		"internal/progress", "internal/render", "internal/tui", "internal/tui/watch", "internal/watch",
		"internal/workshop", "internal/workshop/dashboard", "internal/workspace",
	},
	// The workbench's full-screen UI.
	"internal/tui": {
		"internal/course", "internal/grade", "internal/learner", "internal/pair",
		"internal/progress", "internal/render", "internal/termui", "internal/tui/watch", "internal/watch",
		"internal/workshop", "internal/workspace",
	},
	"internal/workshop/dashboard": {"internal/termui", "internal/workshop"},

	// The learner's rules, shared by both UIs: no UI of their own.
	"internal/learner": {"internal/course", "internal/grade", "internal/progress", "internal/workshop"},

	// The grading pipeline and the course it grades.
	"internal/grade":     {"checker/...", "internal/course", "internal/finding", "internal/gostack"},
	"internal/course":    {"checker", "exercises", "internal/finding", "lessons"},
	"internal/workspace": {"internal/course"},
	// The whole-course check runs `accent dev check` per topic.
	"internal/coursecheck/...": {"internal/cli", "internal/course", "internal/coursecheck", "internal/grade"},

	// Leaves: they import nothing of accent.
	"internal/archrules": nil,
	"internal/finding":   nil, // the kinds of finding and their labels, below course and grade
	"internal/gostack":   nil,
	"internal/pair":      nil,
	"internal/progress":  nil,
	"internal/render":    nil,
	"internal/termui":    nil,
	"internal/testwait":  nil,
	"internal/watch":     nil,
	"internal/tui/watch": nil,
	"internal/workshop":  nil,

	// Benchmarks measure the packages below the UIs.
	"bench/...": {"checker/...", "internal/course", "internal/grade", "internal/workshop"},
}

// testOnly may be imported by any package's tests.
var testOnly = []string{"internal/testwait", "checker/internal/relatedtest"}

func matches(pattern, pkg string) bool {
	if base, ok := strings.CutSuffix(pattern, "/..."); ok {
		return pkg == base || strings.HasPrefix(pkg, base+"/")
	}
	return pkg == pattern
}

// rule returns the most specific entry of mayImport for pkg.
func rule(pkg string) (pattern string, allowed []string, ok bool) {
	for p, a := range mayImport {
		if matches(p, pkg) && len(p) > len(pattern) {
			pattern, allowed, ok = p, a, true
		}
	}
	return pattern, allowed, ok
}

func allowedImport(allowed []string, imp string) bool {
	for _, a := range allowed {
		if matches(a, imp) {
			return true
		}
	}
	return false
}

func TestImportsFollowTheArchitecture(t *testing.T) {
	if testing.Short() {
		t.Skip("runs go list on the whole module")
	}
	cmd := exec.Command("go", "list", "-e", "-f",
		"{{.ImportPath}}|{{join .Imports \" \"}}|{{join .TestImports \" \"}} {{join .XTestImports \" \"}}",
		module+"/...")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, stderr.String())
	}
	rel := func(p string) (string, bool) {
		if p == module {
			return "", true
		}
		r, ok := strings.CutPrefix(p, module+"/")
		return r, ok
	}
	seen := 0
	sc := bufio.NewScanner(bytes.NewReader(out))
	for sc.Scan() {
		fields := strings.Split(sc.Text(), "|")
		if len(fields) != 3 {
			continue
		}
		pkg, ok := rel(fields[0])
		if !ok {
			continue
		}
		seen++
		pattern, allowed, ok := rule(pkg)
		if !ok {
			t.Errorf("%s is not on the map: add it to mayImport here and to ARCHITECTURE.md's import rules", pkg)
			continue
		}
		check := func(imports string, test bool) {
			for _, imp := range strings.Fields(imports) {
				r, ok := rel(imp)
				if !ok || r == pkg || strings.HasPrefix(r, pkg+"/internal/") || path.Dir(r) == pkg && strings.HasSuffix(r, "_test") {
					continue
				}
				if allowedImport(allowed, r) || test && allowedImport(testOnly, r) {
					continue
				}
				if test && r == pkg {
					continue
				}
				kind := "imports"
				if test {
					kind = "imports in its tests"
				}
				t.Errorf("%s %s %s, against the rule for %s (may import %v): see ARCHITECTURE.md", pkg, kind, r, pattern, allowed)
			}
		}
		check(fields[1], false)
		check(fields[2], true)
	}
	if seen < 20 {
		t.Fatalf("go list named %d packages of %s; expected the whole module", seen, module)
	}
}
