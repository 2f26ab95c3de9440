// Package coursecheck proves the built-in course from `go test`, one topic
// per test binary: internal/coursecheck/<topic>/ holds one test that
// grades that topic's exercises through `accent dev check <topic>`, the
// command course authors run. Split this way, `go test ./...` grades the
// topics in parallel, and each topic's binary gets go test's time limit of
// its own, instead of one binary carrying every case of the course.
//
// TestEveryTopicHasACheckPackage fails when a topic has no check package
// (one without exercises too: the course rules check its lessons), or a
// check package names no topic.
package coursecheck

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/accent-go/accent/internal/cli"
	"github.com/accent-go/accent/internal/course"
	"github.com/accent-go/accent/internal/grade"
)

// deadlineMargin is how long before the test binary's deadline the course
// check is canceled, so that a topic too slow for go test's limit fails
// with the cases it graded, not with go test's panic.
const deadlineMargin = 20 * time.Second

// Topic checks one topic as `accent dev check TOPIC` does: the course
// rules on its lessons and exercises, and every exercise graded (every
// starting code fails, every solution passes, every wrong variant is
// caught by the finding it names); the whole course's structure is checked
// too. The topic is the name of the test's package directory,
// so a check package is the same two lines for every topic. Skipped with
// -short.
func Topic(t *testing.T) {
	t.Helper()
	if testing.Short() {
		t.Skip("grades every exercise of the topic (compiles and runs each variant)")
	}
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	topic := filepath.Base(wd)
	c, err := course.Embedded()
	if err != nil {
		t.Fatalf("loading the built-in course: %v", err)
	}
	if _, ok := c.Topic(topic); !ok {
		t.Fatalf("the package directory %s names no topic of the course (topics: %s)", wd, strings.Join(topicIDs(c), ", "))
	}
	ctx := t.Context()
	if d, ok := t.Deadline(); ok {
		var cancel context.CancelFunc
		ctx, cancel = context.WithDeadline(ctx, d.Add(-deadlineMargin))
		defer cancel()
	}
	var out, errOut bytes.Buffer
	g := &cli.Globals{
		IO:       &cli.IOStreams{In: strings.NewReader(""), Out: &out, ErrOut: &errOut},
		StateDir: t.TempDir(),
		Grader:   &grade.Grader{},
		Course:   func() (*course.Course, error) { return c, nil },
		Now:      time.Now,
	}
	code := cli.Run(ctx, g, []string{"--workspace", t.TempDir(), "dev", "check", "--verbose", topic})
	// The verbose listing (each case and how long it took) is shown with
	// go test -v and whenever the check fails.
	t.Logf("accent dev check --verbose %s:\n%s", topic, out.String())
	if errors.Is(ctx.Err(), context.DeadlineExceeded) {
		t.Fatalf("accent dev check %s was stopped %s before go test's deadline (-timeout) with cases left to grade; "+
			"the cases graded so far are listed above. On a slow machine raise -timeout; if the topic has outgrown it, split its check.\n%s",
			topic, deadlineMargin, errOut.String())
	}
	if code != cli.ExitOK {
		t.Fatalf("accent dev check %s: exit %d\n%s", topic, code, errOut.String())
	}
	if !strings.Contains(out.String(), "cases hold") {
		t.Errorf("accent dev check %s passed without saying that every case holds", topic)
	}
}

// topicIDs returns the course's topics, in course order: each needs a
// check package.
func topicIDs(c *course.Course) []string {
	var ids []string
	for _, tp := range c.Topics {
		ids = append(ids, tp.ID)
	}
	return ids
}
