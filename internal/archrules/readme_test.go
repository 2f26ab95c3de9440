package archrules

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/accent-go/accent/checker"
)

// TestReadmeListsTheSuite keeps the README's table of analyzers ("What it
// finds", one row per family) true to checker.Suite: every analyzer of the
// suite is named in its family's row, and every name in the table is an
// analyzer of the suite.
func TestReadmeListsTheSuite(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	name := regexp.MustCompile("(?:^| )`([a-z]+)` \\(")
	rows := map[checker.Family][]string{} // family -> analyzers the README names
	inTable := false
	for _, line := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(line, "| family | analyzers |") {
			inTable = true
			continue
		}
		if !inTable {
			continue
		}
		if !strings.HasPrefix(line, "|") {
			break
		}
		cells := strings.Split(line, "|")
		if len(cells) < 3 || strings.HasPrefix(strings.TrimSpace(cells[1]), "---") {
			continue
		}
		label := strings.TrimSpace(cells[1])
		fam := checker.Family(strings.Fields(label)[0])
		for _, m := range name.FindAllStringSubmatch(strings.Join(cells[2:], "|"), -1) {
			rows[fam] = append(rows[fam], m[1])
		}
	}
	if len(rows) == 0 {
		t.Fatal("README.md has no table headed | family | analyzers |")
	}
	suite := map[string]checker.Family{}
	for _, c := range checker.Suite() {
		suite[c.Analyzer.Name] = c.Family
		if !slices.Contains(rows[c.Family], c.Analyzer.Name) {
			t.Errorf("README's analyzer table does not name %s in the %q row (its family in checker/suite.go)", c.Analyzer.Name, c.Family)
		}
	}
	for fam, names := range rows {
		for _, n := range names {
			if got, ok := suite[n]; !ok {
				t.Errorf("README's analyzer table names %s, which is not in checker.Suite()", n)
			} else if got != fam {
				t.Errorf("README's analyzer table names %s in the %q row; checker/suite.go says %q", n, fam, got)
			}
		}
	}
}
