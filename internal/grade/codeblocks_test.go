package grade

import (
	"context"
	"strings"
	"testing"

	"github.com/accent-go/accent/internal/course"
)

// lesson builds the code blocks of a lesson from Markdown, as dev check
// finds them.
func lesson(md string) []course.CodeBlock {
	return course.CodeBlocks("lessons/01-basics/01-first.md", md, 8)
}

func TestCheckGoBlocks(t *testing.T) {
	const file = "lessons/01-basics/01-first.md"
	tests := []struct {
		name string
		md   string
		// want lists substrings of the problems' String(), each to be
		// found in a problem; nil means no problem at all.
		want                       []string
		compiled, fragments, wrong int
	}{
		{
			name:     "a whole program",
			md:       "# Lesson\n\n```go\npackage main\n\nimport \"fmt\"\n\nfunc main() { fmt.Println(\"hi\") }\n```\n",
			compiled: 1,
		},
		{
			name: "declarations get their standard imports",
			md: "```go\nfunc wait(ctx context.Context, jobs []func()) error {\n\tvar wg sync.WaitGroup\n" +
				"\tfor _, j := range jobs {\n\t\twg.Go(j)\n\t}\n\twg.Wait()\n\treturn ctx.Err()\n}\n```\n",
			compiled: 1,
		},
		{
			name:     "a program is compiled as written: no import is added",
			md:       "```go\npackage main\n\nfunc main() { fmt.Println(\"hi\") }\n```\n",
			want:     []string{file + ": line 11 (the Go block at line 9): does not compile: undefined: fmt"},
			compiled: 1,
		},
		{
			name:     "an undefined name is reported at its line of the Markdown file",
			md:       "Text.\n\n```go\nfunc withdraw(a *Account, n int) {\n\ta.balance -= n\n}\n```\n",
			want:     []string{file + ": line 11 (the Go block at line 11): does not compile: undefined: Account"},
			compiled: 1,
		},
		{
			name:     "a name that is no standard package stays undefined",
			md:       "```go\nfunc load(ctx context.Context) error { return carts.Load(ctx) }\n```\n",
			want:     []string{"line 9 (the Go block at line 9): does not compile: undefined: carts"},
			compiled: 1,
		},
		{
			name: "a later block uses what an earlier block declared",
			md: "```go\ntype Account struct {\n\tmu      sync.Mutex\n\tbalance int\n}\n```\n\nThen:\n\n" +
				"```go\nfunc (a *Account) Deposit(n int) {\n\ta.mu.Lock()\n\tdefer a.mu.Unlock()\n\ta.balance += n\n}\n```\n",
			compiled: 2,
		},
		{
			name: "a later block may declare a name again: its own declaration wins",
			md: "```go\nfunc double(n int) int { return n + n }\n```\n\nBetter:\n\n" +
				"```go\nfunc double(n int) int { return 2 * n }\n\nfunc quad(n int) int { return double(double(n)) }\n```\n",
			compiled: 2,
		},
		{
			name: "an error in an earlier block is reported once, with that block",
			md: "```go\nfunc f() int { return undefinedThing }\n```\n\n" +
				"```go\nfunc g() int { return f() }\n```\n",
			want:     []string{"line 9 (the Go block at line 9): does not compile: undefined: undefinedThing"},
			compiled: 2,
		},
		{
			name:     "accentvet's analyzers run: durationunit",
			md:       "```go\nfunc pause() { time.Sleep(1500) }\n```\n",
			want:     []string{"line 9 (the Go block at line 9): accentvet: durationunit:"},
			compiled: 1,
		},
		{
			name:     "accentvet's analyzers run: go vet's printf",
			md:       "```go\npackage main\n\nimport \"fmt\"\n\nfunc main() {\n\tfmt.Printf(\"%d\\n\", \"ten\")\n}\n```\n",
			want:     []string{"line 14 (the Go block at line 9): accentvet: printf:"},
			compiled: 1,
		},
		{
			name:     "an //accent:ignore directive with a reason is obeyed",
			md:       "```go\nfunc pause() {\n\ttime.Sleep(1500) //accent:ignore durationunit 1.5µs on purpose, to show it\n}\n```\n",
			compiled: 1,
		},
		{
			name:     "unmarked statements must be marked fragment",
			md:       "```go\nx := 1\nfmt.Println(x)\n```\n",
			want:     []string{"line 9 (the Go block at line 9): statements, not a file or top-level declarations: mark it ```go fragment"},
			compiled: 0,
		},
		{
			name:     "a block that is not Go at all",
			md:       "```go\nfunc ( {\n```\n",
			want:     []string{"(the Go block at line 9): does not parse as a Go file or as declarations"},
			compiled: 0,
		},
		{
			name:      "a fragment must parse as statements",
			md:        "```go fragment\nselect {\ncase v := <-in:\n\treturn v\n}\n```\n\n```go fragment\nfor x := range {\n```\n",
			want:      []string{"line 16 (the Go block at line 16): a fragment must parse as statements (the body of a function):"},
			fragments: 2,
		},
		{
			name:  "a wrong example is not compiled",
			md:    "```go wrong\nfunc f() { time.Sleep(1500); undefined() }\n```\n",
			wrong: 1,
		},
		{
			name: "other languages are not Go",
			md:   "```js\nawait Promise.all(tasks);\n```\n\n```\nplain text\n```\n\n    indented\n",
		},
	}
	g := &Grader{}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rep, err := g.CheckGoBlocks(context.Background(), lesson(tt.md))
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, p := range rep.Problems {
				got = append(got, p.String())
			}
			if tt.want == nil && len(got) > 0 {
				t.Errorf("problems:\n\t%s\nwant none", strings.Join(got, "\n\t"))
			}
			for _, w := range tt.want {
				found := false
				for _, p := range got {
					found = found || strings.Contains(p, w)
				}
				if !found {
					t.Errorf("no problem contains %q; got:\n\t%s", w, strings.Join(got, "\n\t"))
				}
			}
			if len(tt.want) > 0 && len(got) != len(tt.want) {
				t.Errorf("%d problems, want %d:\n\t%s", len(got), len(tt.want), strings.Join(got, "\n\t"))
			}
			if rep.Compiled != tt.compiled || rep.Fragments != tt.fragments || rep.Wrong != tt.wrong {
				t.Errorf("compiled %d, fragments %d, wrong %d; want %d, %d, %d",
					rep.Compiled, rep.Fragments, rep.Wrong, tt.compiled, tt.fragments, tt.wrong)
			}
		})
	}
}
