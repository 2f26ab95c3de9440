package deliberate

import (
	"encoding/json"
	"os"
	"strconv"
	"testing"
)

// In a test, a discard with _ is the test's business: a failure shows as
// a failing test.
func TestPort(t *testing.T) {
	n, _ := strconv.Atoi("8080")
	var cfg config
	_ = json.Unmarshal([]byte(`{"Port": 1}`), &cfg)
	_ = os.Remove("x")
	if n+cfg.Port == 0 {
		t.Fatal("zero")
	}
}

// The twin: a call statement drops the error without a word, in a test too.
func TestSetup(t *testing.T) {
	os.Setenv("PORT", "8080") // want `is ignored`
	os.Remove("x")            // want `is ignored`
}
