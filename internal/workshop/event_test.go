package workshop

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strings"
	"testing"
)

func TestDecodeBatchSaysWhatIsWrong(t *testing.T) {
	tests := map[string]string{
		``:                         "the body is empty",
		`{"events":[`:              "ends in the middle",
		`{"events":[]}`:            `"events" is empty`,
		`{"events":[{"seq":"1"}]}`: `"events.seq" must be a int64, not a string`,
		`{"events":[{"seq":1,"kind":"opened","exercise":"goroutines/fetch-all","at":"2026-11-21T10:00:00Z"}]} {}`:                                                    "more than one value",
		`{"events":[{"seq":0,"kind":"opened","exercise":"goroutines/fetch-all","at":"2026-11-21T10:00:00Z"}]}`:                                                       `"seq" must be a positive`,
		`{"events":[{"seq":1,"kind":"opened","exercise":"../etc/passwd","at":"2026-11-21T10:00:00Z"}]}`:                                                              "is not an exercise id",
		`{"events":[{"seq":1,"kind":"opened","exercise":"goroutines/fetch-all"}]}`:                                                                                   `"at" is missing`,
		`{"events":[{"seq":1,"kind":"verdict","exercise":"goroutines/fetch-all","at":"2026-11-21T10:00:00Z","status":"ok"}]}`:                                        `"status" "ok"`,
		`{"events":[{"seq":1,"kind":"verdict","exercise":"goroutines/fetch-all","at":"2026-11-21T10:00:00Z","status":"fail","findings":["<b>"]}]}`:                   `finding "<b>"`,
		`{"events":[{"seq":1,"kind":"hint","exercise":"goroutines/fetch-all","at":"2026-11-21T10:00:00Z","tier":0}]}`:                                                "not a hint tier",
		`{"events":[{"seq":1,"kind":"opened","exercise":"goroutines/fetch-all","at":"2026-11-21T10:00:00Z","status":"pass"}]}`:                                       "carries only",
		`{"events":[{"seq":2,"kind":"opened","exercise":"a/b","at":"2026-11-21T10:00:00Z"},{"seq":2,"kind":"opened","exercise":"a/b","at":"2026-11-21T10:00:00Z"}]}`: "seq must increase",
	}
	for in, want := range tests {
		_, err := DecodeBatch(strings.NewReader(in))
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("DecodeBatch(%.60q) = %v, want an error containing %q", in, err, want)
		}
	}
}

// FuzzDecodeBatch: the decoder never panics, and whatever it accepts is
// valid and survives a round trip unchanged.
func FuzzDecodeBatch(f *testing.F) {
	f.Add([]byte(`{"events":[{"seq":1,"kind":"opened","exercise":"goroutines/fetch-all","at":"2026-11-21T10:00:00Z"}]}`))
	f.Add([]byte(`{"events":[{"seq":1,"kind":"verdict","exercise":"channels/pipeline","at":"2026-11-21T10:00:00Z","status":"fail","findings":["leak","analyzer:chanleak","test:TestX"]},{"seq":2,"kind":"hint","exercise":"a/b","at":"2026-11-21T10:00:00.5+02:00","tier":2}]}`))
	f.Add([]byte(`{"events":[{"seq":9223372036854775807,"kind":"passed","exercise":"x/y","at":"0001-01-01T00:00:01Z"}]}`))
	f.Add([]byte(`{"events":null}`))
	f.Add([]byte(`[]`))
	f.Add([]byte("{\"events\":[{\"seq\":1,\"kind\":\"opened\",\"exercise\":\"a/b\\u0000\",\"at\":\"2026-11-21T10:00:00Z\"}]}"))
	f.Fuzz(func(t *testing.T, data []byte) {
		b, err := DecodeBatch(bytes.NewReader(data))
		if err != nil {
			if err.Error() == "" {
				t.Fatal("an empty error message")
			}
			return
		}
		if len(b.Events) == 0 || len(b.Events) > MaxBatch {
			t.Fatalf("accepted %d events", len(b.Events))
		}
		for i, e := range b.Events {
			if err := e.validate(); err != nil {
				t.Fatalf("accepted an invalid event %d: %v", i, err)
			}
		}
		again, err := json.Marshal(b)
		if err != nil {
			t.Fatal(err)
		}
		b2, err := DecodeBatch(bytes.NewReader(again))
		if err != nil {
			t.Fatalf("re-decoding %s: %v", again, err)
		}
		if !reflect.DeepEqual(normalize(b), normalize(b2)) {
			t.Fatalf("round trip changed the batch:\n%+v\n%+v", b, b2)
		}
	})
}

// normalize makes times comparable after a round trip (location pointers).
func normalize(b Batch) Batch {
	out := Batch{Events: make([]Event, len(b.Events))}
	for i, e := range b.Events {
		e.At = e.At.UTC()
		if len(e.Findings) == 0 {
			e.Findings = nil
		}
		out.Events[i] = e
	}
	return out
}
