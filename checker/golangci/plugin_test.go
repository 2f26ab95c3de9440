package golangci_test

import (
	"strings"
	"testing"

	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"

	"github.com/accent-go/accent/checker"
	"github.com/accent-go/accent/checker/golangci"
	"github.com/accent-go/accent/checker/ignoredirective"
)

func names(as []*analysis.Analyzer) []string {
	out := make([]string, len(as))
	for i, a := range as {
		out[i] = a.Name
	}
	return out
}

// TestRegistered checks that importing the package registers the plugin
// under the name golangci-lint's settings use.
func TestRegistered(t *testing.T) {
	newPlugin, err := register.GetPlugin(golangci.Name)
	if err != nil {
		t.Fatal(err)
	}
	p, err := newPlugin(map[string]any{})
	if err != nil {
		t.Fatal(err)
	}
	if p.GetLoadMode() != register.LoadModeTypesInfo {
		t.Errorf("GetLoadMode = %q, want %q", p.GetLoadMode(), register.LoadModeTypesInfo)
	}
	as, err := p.BuildAnalyzers()
	if err != nil {
		t.Fatal(err)
	}
	if err := analysis.Validate(as); err != nil {
		t.Fatal(err)
	}
	want := append([]string{ignoredirective.Name}, names(checker.Analyzers(checker.Suite()))...)
	want = append(want, ignoredirective.UnusedName)
	if got := names(as); strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("default analyzers = %v, want %v", got, want)
	}
}

func TestSettings(t *testing.T) {
	tests := []struct {
		name     string
		settings map[string]any
		want     []string // analyzers after the directive checker
		wantErr  string
	}{
		{"enable", map[string]any{"enable": []string{"durationunit"}}, []string{"durationunit"}, ""},
		{"vet adds go vet's suite", map[string]any{"vet": true, "enable": []string{"printf", "durationunit"}}, []string{"printf", "durationunit"}, ""},
		{"disable", map[string]any{"vet": true, "disable": []string{"printf"}}, nil, ""},
		{"unknown analyzer", map[string]any{"enable": []string{"nosuch"}}, nil, `no analyzer "nosuch"`},
		{"unknown field", map[string]any{"enabled": []string{"durationunit"}}, nil, "unknown field"},
		{"analyzer flag", map[string]any{"flags": map[string]string{"printf.funcs": "mylog"}}, nil, ""},
		{"unknown flag", map[string]any{"flags": map[string]string{"durationunit.nosuch": "1"}}, nil, `no analyzer flag "durationunit.nosuch"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := golangci.New(tt.settings)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("New error = %v, want one containing %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			as, err := p.BuildAnalyzers()
			if err != nil {
				t.Fatal(err)
			}
			all := names(as)
			if all[len(all)-1] != "unusedignore" {
				t.Errorf("the last analyzer is %s, want unusedignore (stale directives)", all[len(all)-1])
			}
			got := all[1 : len(all)-1]
			if tt.want != nil && strings.Join(got, " ") != strings.Join(tt.want, " ") {
				t.Errorf("analyzers = %v, want %v", got, tt.want)
			}
			if tt.name == "disable" {
				for _, n := range got {
					if n == "printf" {
						t.Errorf("printf still enabled: %v", got)
					}
				}
				if len(got) < 10 {
					t.Errorf("vet: true gave only %v", got)
				}
			}
		})
	}
}
