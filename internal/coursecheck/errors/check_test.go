package check

import (
	"testing"

	"github.com/accent-go/accent/internal/coursecheck"
)

// TestTopic grades this topic's exercises, as accent dev check does.
func TestTopic(t *testing.T) { coursecheck.Topic(t) }
