package main

// Upstream mode: gokerscore -gobench <snapshot> scores accentvet on the 68
// blocking kernels of upstream GoBench (github.com/timmyyuan/gobench,
// gobench/goker/blocking/<project>/<id>/), whose READMEs name the bug.
//
// The rule for "flagged at the buggy site". A kernel counts when a finding
// of a leak or blocking analyzer (the Leaks and Channels families) lies in
// the kernel's file and either
//
//   - in a buggy function: within the lines of a function, method or
//     function literal of the kernel file that the README names, either
//     as a frame of a blocked goroutine in its backtrace (a goroutine in
//     state chan send/receive, select, semacquire or a sync wait; its
//     frames, not its "created by" line) or, for the kernels whose README
//     has no backtrace, as a call in its description (`Stop()`,
//     `n.Status()` in the interleaving diagrams of the goroutines
//     involved). A function's lines include its function literals, whose
//     frames are F.func1 on a goroutine's stack. The Test function itself
//     is never a buggy function: it is the harness (the function literals
//     it starts are, when named); or
//   - on a line the description names ("Line 161", "lines 56 and 61",
//     "holds mutex at 158"); or, when that line holds no code (a comment
//     or a closing brace: "Line 36 missing unlock" names where code is
//     missing), in the innermost function holding that line.
//
// Kernels whose README names neither a function nor a line cannot be
// caught. Other findings in the kernel file are counted separately as "in
// the file".
//
// The snapshot is a checkout directory (the repository root, or any
// directory holding gobench/goker/blocking) or a git directory (bare, or
// a checkout's .git), read with `git archive HEAD gobench/goker/blocking`.

import (
	"archive/tar"
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

const blockingDir = "gobench/goker/blocking"

func runUpstream(accentvet, snapshot string, verbose bool) error {
	dir, err := os.MkdirTemp("", "gobench")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	if err := extractBlocking(snapshot, dir); err != nil {
		return err
	}
	kernels, err := readUpstreamKernels(dir)
	if err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module gobench\n\ngo 1.26\n"), 0o644); err != nil {
		return err
	}
	funcs, _, err := functionSpans(dir)
	if err != nil {
		return err
	}
	findings, err := vet(accentvet, dir, "./...")
	if err != nil {
		return err
	}
	for _, k := range kernels {
		spans := funcs[k.file]
		src, err := os.ReadFile(filepath.Join(dir, k.dir, k.file))
		if err != nil {
			return err
		}
		srcLines := strings.Split(string(src), "\n")
		for _, n := range k.siteLines {
			if n < 1 || n > len(srcLines) {
				continue
			}
			code, _, _ := strings.Cut(srcLines[n-1], "//")
			code = strings.TrimSpace(code)
			if code == "" || code == "}" {
				if fn := innermost(spans, n); fn != "" && !isTestFunc(fn) && !slices.Contains(k.leaking, fn) {
					k.leaking = append(k.leaking, fn)
				}
			}
		}
		for _, fn := range k.leaking {
			if _, ok := spans[fn]; !ok {
				k.notFound = append(k.notFound, fn)
			}
		}
		for _, f := range findings[k.file] {
			inSite := func(fn string) bool {
				s, ok := spans[fn]
				return ok && s.start <= f.line && f.line <= s.end
			}
			if slices.Contains(k.siteLines, f.line) || slices.ContainsFunc(k.leaking, inSite) {
				k.atSite = append(k.atSite, f)
			} else {
				k.inFile = append(k.inFile, f)
			}
		}
	}
	report(kernels, verbose)
	return nil
}

// extractBlocking copies the snapshot's gobench/goker/blocking tree into
// dir, keeping the <project>/<id>/ layout.
func extractBlocking(snapshot, dir string) error {
	fi, err := os.Stat(snapshot)
	if err != nil {
		return err
	}
	if !fi.IsDir() {
		return fmt.Errorf("%s: not a directory (want a GoBench checkout or git directory)", snapshot)
	}
	for _, sub := range []string{blockingDir, "goker/blocking", "blocking", "."} {
		src := filepath.Join(snapshot, sub)
		if _, err := os.Stat(filepath.Join(src, "etcd")); err == nil {
			return os.CopyFS(dir, os.DirFS(src))
		}
	}
	if isGitDir(snapshot) {
		return gitArchive(snapshot, dir)
	}
	return fmt.Errorf("%s: neither a GoBench checkout (no %s in it) nor a git directory", snapshot, blockingDir)
}

func isGitDir(path string) bool {
	for _, name := range []string{"HEAD", "objects"} {
		if _, err := os.Stat(filepath.Join(path, name)); err != nil {
			return false
		}
	}
	return true
}

// gitArchive extracts HEAD:gobench/goker/blocking of the git directory
// gitDir into dir.
func gitArchive(gitDir, dir string) error {
	cmd := exec.Command("git", "--git-dir", gitDir, "archive", "--format=tar", "HEAD", blockingDir)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("git archive HEAD %s in %s: %w\n%s", blockingDir, gitDir, err, stderr.String())
	}
	tr := tar.NewReader(&stdout)
	for {
		h, err := tr.Next()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return fmt.Errorf("git archive: %w", err)
		}
		rel, ok := strings.CutPrefix(h.Name, blockingDir+"/")
		if !ok || rel == "" || h.Typeflag != tar.TypeReg || !filepath.IsLocal(rel) {
			continue
		}
		path := filepath.Join(dir, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return err
		}
		data, err := io.ReadAll(tr)
		if err != nil {
			return err
		}
		if err := os.WriteFile(path, data, 0o644); err != nil {
			return err
		}
	}
}

var (
	classRow    = regexp.MustCompile(`^\|\s*\[([a-z]+)#(\d+)\]\s*\|.*\|\s*([^|]+?)\s*\|\s*([^|]+?)\s*\|\s*([^|]+?)\s*\|\s*$`)
	traceHeader = regexp.MustCompile(`(?im)^#+\s*back\s*tr?ace\s*$`)
	goroutineRe = regexp.MustCompile(`^goroutine \d+ \[([^\],]+)`)
	// "Line 161", "lines 56 and 61", "line 19, 31", "at line 104 and
	// line 66", "holds mutex at 158".
	lineRef   = regexp.MustCompile(`(?i)\b(?:lines?|at)\s+(\d+(?:\s*(?:,|and|&)\s*(?:lines?\s+)?\d+)*)`)
	number    = regexp.MustCompile(`\d+`)
	calledRef = regexp.MustCompile(`([A-Za-z_][A-Za-z0-9_]*)\(`)
)

// blockedStates are the goroutine states of a goroutine blocked for good.
var blockedStates = []string{"chan send", "chan receive", "select", "semacquire", "sync.", "sync "}

// readUpstreamKernels reads every <project>/<id>/README.md under dir.
func readUpstreamKernels(dir string) ([]*kernel, error) {
	readmes, err := fs.Glob(os.DirFS(dir), "*/*/README.md")
	if err != nil {
		return nil, err
	}
	if len(readmes) == 0 {
		return nil, fmt.Errorf("no <project>/<id>/README.md in the snapshot's %s", blockingDir)
	}
	var out []*kernel
	for _, readme := range readmes {
		kdir := filepath.Join(dir, filepath.Dir(readme))
		tests, err := filepath.Glob(filepath.Join(kdir, "*_test.go"))
		if err != nil || len(tests) != 1 {
			return nil, fmt.Errorf("%s: want one _test.go file, found %d", filepath.Dir(readme), len(tests))
		}
		data, err := os.ReadFile(filepath.Join(dir, readme))
		if err != nil {
			return nil, err
		}
		k := &kernel{file: filepath.Base(tests[0]), dir: filepath.Dir(readme)}
		desc, trace := string(data), ""
		if loc := traceHeader.FindStringIndex(desc); loc != nil {
			desc, trace = desc[:loc[0]], desc[loc[1]:]
		}
		for line := range strings.SplitSeq(desc, "\n") {
			if m := classRow.FindStringSubmatch(strings.TrimSpace(line)); m != nil && k.name == "" {
				k.name = strings.ToUpper(m[1][:1]) + m[1][1:] + m[2]
				k.class = m[4] + " / " + m[5]
			}
		}
		if k.name == "" {
			return nil, fmt.Errorf("%s: no class table row", readme)
		}
		_, desc, _ = strings.Cut(desc, "## Description")
		for _, m := range lineRef.FindAllStringSubmatch(desc, -1) {
			for _, n := range number.FindAllString(m[1], -1) {
				if v, err := strconv.Atoi(n); err == nil && !slices.Contains(k.siteLines, v) {
					k.siteLines = append(k.siteLines, v)
				}
			}
		}
		all, _, err := functionSpans(kdir)
		if err != nil {
			return nil, err
		}
		spans := all[k.file]
		add := func(fn string) {
			if _, ok := spans[fn]; ok && !isTestFunc(fn) && !slices.Contains(k.leaking, fn) {
				k.leaking = append(k.leaking, fn)
			}
		}
		frames := blockedFrames(trace)
		for _, fn := range frames {
			add(fn)
		}
		if len(frames) > 0 {
			slices.Sort(k.leaking)
			slices.Sort(k.siteLines)
			out = append(out, k)
			continue
		}
		for _, m := range calledRef.FindAllStringSubmatch(desc, -1) {
			for name := range spans {
				if name[strings.LastIndexByte(name, '.')+1:] == m[1] {
					add(name)
				}
			}
		}
		slices.Sort(k.leaking)
		slices.Sort(k.siteLines)
		out = append(out, k)
	}
	return out, nil
}

// isTestFunc reports whether fn is a Test function itself (not one of its
// function literals).
func isTestFunc(fn string) bool {
	return strings.HasPrefix(fn, "Test") && !strings.Contains(fn, ".")
}

// blockedFrames returns the functions on the stacks of the blocked
// goroutines of a backtrace, named as functionSpans names them:
// command-line-arguments.(*T).M(0x1) -> (*T).M.
func blockedFrames(trace string) []string {
	var out []string
	blocked := false
	for line := range strings.SplitSeq(trace, "\n") {
		line = strings.TrimSpace(line)
		if m := goroutineRe.FindStringSubmatch(line); m != nil {
			state := strings.TrimSpace(m[1])
			blocked = slices.ContainsFunc(blockedStates, func(s string) bool { return strings.HasPrefix(state, s) })
			continue
		}
		if !blocked || line == "" || strings.HasPrefix(line, "created by") || strings.Contains(line, ".go:") {
			if line == "" || strings.HasPrefix(line, "```") {
				blocked = false
			}
			continue
		}
		open := strings.LastIndexByte(line, '(')
		if open <= 0 || !strings.HasSuffix(line, ")") {
			continue
		}
		fn := line[:open]
		fn = fn[strings.LastIndexByte(fn, '/')+1:] // package path
		_, fn, ok := strings.Cut(fn, ".")          // package name
		if ok && fn != "" {
			out = append(out, fn)
		}
	}
	return out
}

// innermost returns the name of the innermost function or function literal
// whose lines hold line, or "".
func innermost(spans map[string]span, line int) string {
	best, bestLen := "", -1
	for name, s := range spans {
		if s.start <= line && line <= s.end && (bestLen < 0 || s.end-s.start < bestLen || (s.end-s.start == bestLen && name < best)) {
			best, bestLen = name, s.end-s.start
		}
	}
	return best
}
