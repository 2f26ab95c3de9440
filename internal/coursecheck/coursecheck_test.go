package coursecheck

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/accent-go/accent/internal/course"
)

// checkFile is the one file of every topic's check package,
// internal/coursecheck/<topic>/check_test.go.
const checkFile = `package check

import (
	"testing"

	"github.com/accent-go/accent/internal/coursecheck"
)

// TestTopic checks this topic, as accent dev check does.
func TestTopic(t *testing.T) { coursecheck.Topic(t) }
`

// The course check must cover every topic, including one added later: a
// topic with no check package would never be graded, nor its lessons
// checked against the course rules, by go test. Fast; runs with -short too.
func TestEveryTopicHasACheckPackage(t *testing.T) {
	c, err := course.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	want := topicIDs(c)
	if len(want) == 0 {
		t.Fatal("the built-in course has no topics")
	}
	for _, topic := range want {
		path := filepath.Join(topic, "check_test.go")
		b, err := os.ReadFile(path)
		switch {
		case os.IsNotExist(err):
			t.Errorf("topic %q has no check package: create internal/coursecheck/%s containing:\n%s", topic, path, checkFile)
		case err != nil:
			t.Error(err)
		case string(b) != checkFile:
			t.Errorf("internal/coursecheck/%s differs from the check every topic uses; make it:\n%s", path, checkFile)
		}
	}
	entries, err := os.ReadDir(".")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if e.IsDir() && !slices.Contains(want, e.Name()) {
			t.Errorf("internal/coursecheck/%s checks no topic (topics: %s): remove it or rename it after its topic",
				e.Name(), strings.Join(want, ", "))
		}
	}
}
