// Package golangci is accent's golangci-lint v2 module plugin: it exposes
// accentvet's analyzers to golangci-lint as one linter named "accent".
//
// Build a custom golangci-lint with it (see the README, "golangci-lint"):
//
//	# .custom-gcl.yml
//	version: v2.15.0
//	plugins:
//	  - module: github.com/accent-go/accent/checker
//	    import: github.com/accent-go/accent/checker/golangci
//	    version: latest
//
// and enable it in .golangci.yml under linters.settings.custom.accent with
// type: module. The settings choose analyzers and set their flags.
package golangci

import (
	"fmt"
	"slices"
	"strings"

	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"

	"github.com/accent-go/accent/checker"
	"github.com/accent-go/accent/checker/ignoredirective"
)

// Name is the linter's name in golangci-lint.
const Name = "accent"

func init() {
	register.Plugin(Name, New)
}

// Settings are the plugin's settings in .golangci.yml.
type Settings struct {
	// Enable lists the analyzers to run; empty means all of accent's own.
	Enable []string `json:"enable"`
	// Disable lists analyzers not to run.
	Disable []string `json:"disable"`
	// Vet also runs go vet's suite through accent (off by default:
	// golangci-lint has its own govet linter).
	Vet bool `json:"vet"`
	// Flags sets analyzer flags, e.g. "errignored.exclude": "(*os.File).Close".
	Flags map[string]string `json:"flags"`
}

// Plugin is the golangci-lint linter plugin.
type Plugin struct {
	analyzers []*analysis.Analyzer
}

// New decodes the settings and chooses the analyzers.
func New(conf any) (register.LinterPlugin, error) {
	s, err := register.DecodeSettings[Settings](conf)
	if err != nil {
		return nil, fmt.Errorf("accent settings: %w", err)
	}
	checks := checker.Suite()
	if s.Vet {
		checks = checker.All()
	}
	byName := map[string]*analysis.Analyzer{}
	for _, c := range checker.All() {
		byName[c.Analyzer.Name] = c.Analyzer
	}
	for _, name := range slices.Concat(s.Enable, s.Disable) {
		if byName[name] == nil {
			return nil, fmt.Errorf("accent settings: no analyzer %q (accentvet -list shows them)", name)
		}
	}
	var chosen []*analysis.Analyzer
	if len(s.Enable) > 0 {
		for _, name := range s.Enable {
			chosen = append(chosen, byName[name])
		}
	} else {
		chosen = checker.Analyzers(checks)
	}
	chosen = slices.DeleteFunc(chosen, func(a *analysis.Analyzer) bool { return slices.Contains(s.Disable, a.Name) })
	for key, value := range s.Flags {
		name, flagName, ok := strings.Cut(key, ".")
		a := byName[name]
		if !ok || a == nil || a.Flags.Lookup(flagName) == nil {
			return nil, fmt.Errorf("accent settings: no analyzer flag %q (accentvet -explain <analyzer> lists its flags)", key)
		}
		if err := a.Flags.Set(flagName, value); err != nil {
			return nil, fmt.Errorf("accent settings: flag %s: %w", key, err)
		}
	}
	return &Plugin{analyzers: ignoredirective.Wrap(chosen)}, nil
}

// BuildAnalyzers returns the analyzers, each obeying //accent:ignore.
func (p *Plugin) BuildAnalyzers() ([]*analysis.Analyzer, error) {
	return p.analyzers, nil
}

// GetLoadMode says the analyzers need type information.
func (p *Plugin) GetLoadMode() string {
	return register.LoadModeTypesInfo
}
