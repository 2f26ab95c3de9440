package grade

import (
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
)

// Resource limits in plain words: how much memory, how many goroutines,
// and where the goroutines were started, rather than "killed".

var (
	limitHeadRE    = regexp.MustCompile(`memory (\d+) goroutines (\d+)`)
	dumpHeaderRE   = regexp.MustCompile(`(?m)^goroutine (\d+) (?:gp=\S+ m=\S+ (?:mp=\S+ )?)?\[`)
	dumpCreatedRE  = regexp.MustCompile(`(?m)^created by .*\n\s+(\S+\.go):(\d+)`)
	leakMoreRE     = regexp.MustCompile(`and (\d+) more goroutines`)
	memoryReportRE = regexp.MustCompile(`^(\d+) (.*)$`)
)

// memoryFinding explains a run stopped for memory: by the test binary's
// own watchdog (with its goroutines), or killed by the supervisor.
func (e *explainer) memoryFinding() Finding {
	run := e.run
	f := Finding{Kind: Memory, Test: run.running()}
	if len(run.limitReport) == 0 {
		m := memoryReportRE.FindStringSubmatch(run.memoryKill)
		held := "too much memory"
		if m != nil {
			n, _ := strconv.ParseInt(m[1], 10, 64) //accent:ignore errignored digits, matched by the pattern
			held = bytesText(n) + " of memory (" + m[2] + ")"
		}
		f.Message = fmt.Sprintf("the tests held %s, so accent killed them: a value that keeps growing, or goroutines started without end?", held)
		return f
	}
	text := strings.Join(run.limitReport, "")
	var inUse int64
	var goroutines int
	if m := limitHeadRE.FindStringSubmatch(text); m != nil {
		inUse, _ = strconv.ParseInt(m[1], 10, 64) //accent:ignore errignored digits, matched by the pattern
		goroutines, _ = strconv.Atoi(m[2])        //accent:ignore errignored as above
	}
	f.Message = fmt.Sprintf("the tests held %s of memory, more than the exercise allows, so they were stopped: %s goroutines were running",
		bytesText(inUse), thousands(goroutines))
	if site, n, listed := e.creationSites(text); n > 0 {
		file, line, _ := strings.Cut(site, ":")
		f.File, f.Line = file, position(line)
		f.Message += fmt.Sprintf(", started at %s (%s of the %s listed)", site, thousands(n), thousands(listed))
	}
	if goroutines >= 10000 {
		f.Message += ": goroutines started in a loop that never ends, or never allowed to finish?"
	} else {
		f.Message += ": a value that keeps growing (appending in a loop that never ends), or one huge allocation?"
	}
	f.Detail = trimDetail(text)
	return f
}

// creationSites reads a goroutine dump: the learner's line where most of
// its goroutines were started, how many, and how many goroutines it lists.
func (e *explainer) creationSites(text string) (string, int, int) {
	sites := map[string]int{}
	for _, m := range dumpCreatedRE.FindAllStringSubmatch(text, -1) {
		if rel, ok := relPath(e.dir, m[1]); ok && !strings.Contains(rel, "/") && !strings.HasSuffix(rel, "_test.go") {
			sites[rel+":"+m[2]]++
		}
	}
	site, n := topSite(sites)
	return site, n, len(dumpHeaderRE.FindAllStringIndex(text, -1))
}

// dumpOverflow explains output that overflowed inside a goroutine dump
// (a timeout's or a leak report's): too many goroutines to print, not a
// print loop.
func (e *explainer) dumpOverflow() (Finding, bool) {
	var b strings.Builder
	for _, name := range e.run.order {
		for _, l := range e.run.tests[name].Output {
			b.WriteString(l)
		}
	}
	for _, l := range e.run.pkgOutput {
		b.WriteString(l)
	}
	text := b.String()
	headers := dumpHeaderRE.FindAllStringSubmatch(text, -1)
	highest := 0
	for _, h := range headers {
		if id, err := strconv.Atoi(h[1]); err == nil && id > highest {
			highest = id
		}
	}
	// A print loop prints no goroutine headers; a dump cut short by the
	// limit shows dozens, numbered into the thousands.
	if len(headers) < 20 && highest < 1000 {
		return Finding{}, false
	}
	f := Finding{Kind: Timeout, Test: e.run.running(), Message: fmt.Sprintf(
		"the tests were stopped with too many goroutines running to list (goroutine numbers reached %s): their stack dump alone was more output than accent keeps",
		thousands(highest))}
	if strings.Contains(text, leakBegin) {
		f.Kind = Leak
		f.Message = fmt.Sprintf("too many goroutines were still running after the tests to list (goroutine numbers reached %s)", thousands(highest))
	}
	if site, n, listed := e.creationSites(text); n > 0 {
		file, line, _ := strings.Cut(site, ":")
		f.File, f.Line = file, position(line)
		f.Message += fmt.Sprintf("; %s of the %s listed were started at %s", thousands(n), thousands(listed), site)
	}
	f.Message += ": goroutines started in a loop that never ends, or that never finish?"
	return f, true
}

func topSite(sites map[string]int) (string, int) {
	keys := make([]string, 0, len(sites))
	for k := range sites {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if sites[keys[i]] != sites[keys[j]] {
			return sites[keys[i]] > sites[keys[j]]
		}
		return keys[i] < keys[j]
	})
	if len(keys) == 0 {
		return "", 0
	}
	return keys[0], sites[keys[0]]
}

// thousands writes n with thousands separators: 200,000.
func thousands(n int) string {
	s := strconv.Itoa(n)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}

func bytesText(n int64) string {
	switch {
	case n >= 1<<30:
		return fmt.Sprintf("%.1f GiB", float64(n)/(1<<30))
	case n >= 1<<20:
		return fmt.Sprintf("%d MiB", n>>20)
	}
	return fmt.Sprintf("%d bytes", n)
}
