package check

import (
	"testing"

	"github.com/accent-go/accent/internal/coursecheck"
)

// TestTopic checks this topic, as accent dev check does.
func TestTopic(t *testing.T) { coursecheck.Topic(t) }
