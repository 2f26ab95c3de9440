package vetcmd

import (
	"encoding/json"
	"fmt"
	"io"
	"path/filepath"
	"sort"
	"strings"

	"github.com/owenrumney/go-sarif/v3/pkg/report/v210/sarif"
	"golang.org/x/tools/go/analysis"

	"github.com/accent-go/accent/checker"
)

// print writes the report in the given format to c.Stdout.
func (c *Command) print(format string, r *Report, analyzers []*analysis.Analyzer) error {
	switch format {
	case "json":
		return printJSON(c.Stdout, r)
	case "sarif":
		return printSARIF(c.Stdout, r, analyzers)
	case "github":
		printGitHub(c.Stdout, r)
		return nil
	default:
		printText(c.Stdout, r)
		if n := len(r.Findings); n > 0 {
			fmt.Fprintf(c.Stderr, "accentvet: %s (%s); accentvet -explain <analyzer> says why and how to fix\n",
				plural(n, "finding"), countByAnalyzer(r.Findings))
		}
		return nil
	}
}

func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// countByAnalyzer says "3 errignored, 1 chanleak", most frequent first.
func countByAnalyzer(fs []Finding) string {
	counts := map[string]int{}
	for _, f := range fs {
		counts[f.Analyzer]++
	}
	names := make([]string, 0, len(counts))
	for n := range counts {
		names = append(names, n)
	}
	sort.Slice(names, func(i, j int) bool {
		if counts[names[i]] != counts[names[j]] {
			return counts[names[i]] > counts[names[j]]
		}
		return names[i] < names[j]
	})
	parts := make([]string, len(names))
	for i, n := range names {
		parts[i] = fmt.Sprintf("%d %s", counts[n], n)
	}
	return strings.Join(parts, ", ")
}

// printText writes one line per finding, staticcheck style:
// file:line:col: message (analyzer), then a line per related position:
// "  related: file:line:col: message".
func printText(w io.Writer, r *Report) {
	for _, f := range r.Findings {
		fmt.Fprintf(w, "%s: %s (%s)\n", f.Pos, f.Message, f.Analyzer)
		for _, rel := range f.Related {
			fmt.Fprintf(w, "  related: %s: %s\n", rel.Pos, rel.Message)
		}
	}
}

// printJSON writes the merged tree in the multichecker -json shape.
func printJSON(w io.Writer, r *Report) error {
	data, err := json.MarshalIndent(r.Tree, "", "\t")
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(w, "%s\n", data)
	return err
}

// printGitHub writes GitHub Actions workflow commands: one warning
// annotation per finding, whose message lists the related positions too,
// and a notice annotation at each related position that points back to
// the finding, so that both sites are marked on the diff.
func printGitHub(w io.Writer, r *Report) {
	for _, f := range r.Findings {
		props := ghPosition(f.Pos)
		if f.Pos.Line > 0 && f.End.File == f.Pos.File && f.End.Line >= f.Pos.Line {
			props = append(props, fmt.Sprintf("endLine=%d", f.End.Line))
			if f.End.Line == f.Pos.Line && f.End.Col > f.Pos.Col {
				props = append(props, fmt.Sprintf("endColumn=%d", f.End.Col))
			}
		}
		props = append(props, "title="+ghProperty("accentvet "+f.Analyzer))
		msg := f.Message
		for _, rel := range f.Related {
			msg += fmt.Sprintf("\n  related: %s: %s", slashPos(rel.Pos), rel.Message)
		}
		fmt.Fprintf(w, "::warning %s::%s\n", strings.Join(props, ","), ghData(msg))
		for _, rel := range f.Related {
			props := append(ghPosition(rel.Pos), "title="+ghProperty("accentvet "+f.Analyzer+" (related)"))
			fmt.Fprintf(w, "::notice %s::%s\n", strings.Join(props, ","),
				ghData(fmt.Sprintf("%s, for the finding at %s: %s", rel.Message, slashPos(f.Pos), f.Message)))
		}
	}
}

// ghPosition returns the file, line and col properties of an annotation.
func ghPosition(p Position) []string {
	props := []string{"file=" + ghProperty(filepath.ToSlash(p.File))}
	if p.Line > 0 {
		props = append(props, fmt.Sprintf("line=%d", p.Line))
		if p.Col > 0 {
			props = append(props, fmt.Sprintf("col=%d", p.Col))
		}
	}
	return props
}

// slashPos renders p with forward slashes, as GitHub shows paths.
func slashPos(p Position) string {
	p.File = filepath.ToSlash(p.File)
	return p.String()
}

// ghData escapes a workflow command's message.
func ghData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

// ghProperty escapes a workflow command's property value.
func ghProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}

// informationURI is where accentvet is documented.
const informationURI = "https://github.com/accent-go/accent"

// printSARIF writes a SARIF 2.1.0 log, as GitHub code scanning accepts it:
// one run, a rule per analyzer, artifact paths relative to the source root.
func printSARIF(w io.Writer, r *Report, analyzers []*analysis.Analyzer) error {
	log := sarif.NewReport()
	run := sarif.NewRunWithInformationURI("accentvet", informationURI)
	for _, a := range analyzers {
		short, long, _ := strings.Cut(a.Doc, "\n")
		rule := run.AddRule(a.Name).
			WithName(a.Name).
			WithShortDescription(sarif.NewMultiformatMessageString().WithText(short)).
			WithFullDescription(sarif.NewMultiformatMessageString().WithText(strings.TrimSpace(long))).
			WithHelp(sarif.NewMultiformatMessageString().WithText(a.Doc)).
			WithDefaultConfiguration(sarif.NewReportingConfiguration().WithLevel("warning"))
		if a.URL != "" {
			rule.WithHelpURI(a.URL)
		}
		props := sarif.NewPropertyBag()
		tags := []string{"go"}
		if ch, ok := checker.Lookup(a.Name); ok {
			tags = append(tags, string(ch.Family))
		}
		props.Add("tags", tags)
		rule.WithProperties(props)
	}
	for _, f := range r.Findings {
		uri := filepath.ToSlash(f.Pos.File)
		region := sarif.NewRegion()
		if f.Pos.Line > 0 {
			region.WithStartLine(f.Pos.Line)
			if f.Pos.Col > 0 {
				region.WithStartColumn(f.Pos.Col)
			}
			if f.End.File == f.Pos.File && f.End.Line >= f.Pos.Line {
				region.WithEndLine(f.End.Line)
				if f.End.Col > 0 && (f.End.Line > f.Pos.Line || f.End.Col > f.Pos.Col) {
					region.WithEndColumn(f.End.Col)
				}
			}
		}
		loc := sarif.NewLocationWithPhysicalLocation(
			sarif.NewPhysicalLocation().
				WithArtifactLocation(artifact(uri)).
				WithRegion(region))
		result := run.CreateResultForRule(f.Analyzer).
			WithLevel("warning").
			WithMessage(sarif.NewTextMessage(f.Message)).
			AddLocation(loc)
		for i, rel := range f.Related {
			related := sarif.NewPhysicalLocation().WithArtifactLocation(artifact(filepath.ToSlash(rel.Pos.File)))
			if rel.Pos.Line > 0 {
				region := sarif.NewRegion().WithStartLine(rel.Pos.Line)
				if rel.Pos.Col > 0 {
					region.WithStartColumn(rel.Pos.Col)
				}
				related.WithRegion(region)
			}
			result.AddRelatedLocation(sarif.NewLocationWithPhysicalLocation(related).
				WithID(i).
				WithMessage(sarif.NewTextMessage(rel.Message)))
			run.AddDistinctArtifact(filepath.ToSlash(rel.Pos.File))
		}
		run.AddDistinctArtifact(uri)
	}
	log.AddRun(run)
	if err := log.Validate(); err != nil {
		return fmt.Errorf("the SARIF log does not validate: %w", err)
	}
	return log.PrettyWrite(w)
}

// artifact locates a file: relative paths are relative to the source root
// (%SRCROOT%), as GitHub code scanning expects.
func artifact(uri string) *sarif.ArtifactLocation {
	loc := sarif.NewSimpleArtifactLocation(uri)
	if !filepath.IsAbs(uri) {
		loc.WithURIBaseID("%SRCROOT%")
	}
	return loc
}
