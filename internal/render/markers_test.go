package render

import "testing"

// The course marks Go blocks ```go wrong and ```go fragment (see
// exercises/README.md): they must render exactly as plain ```go blocks,
// highlighted as Go, the marker not shown.
func TestGoBlockMarkersRenderAsGo(t *testing.T) {
	var r Renderer
	for _, style := range []Style{Dark, Light, Plain} {
		want, err := r.Markdown("```go\nfunc f() { return }\n```\n", 60, style)
		if err != nil {
			t.Fatal(err)
		}
		for _, info := range []string{"go wrong", "go fragment"} {
			got, err := r.Markdown("```"+info+"\nfunc f() { return }\n```\n", 60, style)
			if err != nil {
				t.Fatal(err)
			}
			if got != want {
				t.Errorf("%s, ```%s renders\n%q\nwant (as ```go)\n%q", style, info, got, want)
			}
		}
	}
}
