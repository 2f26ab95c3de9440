package strictmode

import (
	"encoding/json"
	"os"
	"strconv"
	"testing"
)

// Strict mode reports every discard in a test too.
func TestPort(t *testing.T) {
	n, _ := strconv.Atoi("8080") // want `is ignored`
	var cfg config
	_ = json.Unmarshal([]byte(`{"Port": 1}`), &cfg) // want `is ignored`
	_ = os.Remove("x")                              // want `is ignored`
	if n+cfg.Port == 0 {
		t.Fatal("zero")
	}
}
