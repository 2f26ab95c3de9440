package a

import (
	"flag"
	"time"
)

// Conversions whose unit the code tells: the fix multiplies by it, or
// scales a float before converting it.

type settings struct {
	PollMillis      int
	IntervalSeconds float64
	TTLSec          int64
	Delay           int // seconds between two polls
}

var pollEvery = flag.Int("poll", 5, "how often to poll, in seconds")

var quietMs int

func init() {
	flag.IntVar(&quietMs, "quiet", 200, "quiet period")
}

type lookup interface{ GetInt(key string) int }

func convUnits(ms int, s settings, secs float64, cfg lookup, timeoutSeconds int) {
	time.Sleep(time.Duration(ms)) // want `time\.Duration\(ms\) makes ms nanoseconds, but it counts milliseconds \(by its name\): write time\.Duration\(ms\) \* time\.Millisecond`
	time.Sleep(time.Duration(ms) * time.Millisecond)

	time.Sleep(time.Duration(s.PollMillis)) // want `time\.Duration\(s\.PollMillis\) makes s\.PollMillis nanoseconds, but it counts milliseconds`
	time.Sleep(time.Millisecond * time.Duration(s.PollMillis))

	time.Sleep(time.Duration(s.IntervalSeconds)) // want `time\.Duration\(s\.IntervalSeconds\) makes s\.IntervalSeconds nanoseconds, but it counts seconds \(by its name\): write time\.Duration\(s\.IntervalSeconds \* float64\(time\.Second\)\)`
	time.Sleep(time.Duration(s.IntervalSeconds * float64(time.Second)))

	time.Sleep(time.Duration(secs)) // want `time\.Duration\(secs\) makes secs nanoseconds, but it counts seconds`
	time.Sleep(time.Duration(secs * float64(time.Second)))

	expiry := time.Now().Add(time.Duration(int64(s.TTLSec))) // want `time\.Duration\(int64\(s\.TTLSec\)\) makes int64\(s\.TTLSec\) nanoseconds, but it counts seconds`
	expiry = time.Now().Add(time.Duration(s.TTLSec) * time.Second)
	_ = expiry

	time.Sleep(time.Duration(s.Delay)) // want `time\.Duration\(s\.Delay\) makes s\.Delay nanoseconds, but it counts seconds \(by the comment where it is declared\)`
	time.Sleep(time.Duration(s.Delay) * time.Second)

	time.Sleep(time.Duration(*pollEvery)) // want `time\.Duration\(\*pollEvery\) makes \*pollEvery nanoseconds, but it counts seconds \(by its source\)`
	time.Sleep(time.Duration(*pollEvery) * time.Second)

	time.Sleep(time.Duration(quietMs)) // want `time\.Duration\(quietMs\) makes quietMs nanoseconds, but it counts milliseconds`
	time.Sleep(time.Duration(quietMs) * time.Millisecond)

	time.Sleep(time.Duration(cfg.GetInt("retry_delay_ms"))) // want `time\.Duration\(cfg\.GetInt\("retry_delay_ms"\)\) makes .* nanoseconds, but it counts milliseconds \(by the key it is read by\)`
	time.Sleep(time.Duration(cfg.GetInt("retry_delay_ms")) * time.Millisecond)

	wait := timeoutSeconds
	time.Sleep(time.Duration(wait)) // want `time\.Duration\(wait\) makes wait nanoseconds, but it counts seconds \(by its source\)`
	time.Sleep(time.Duration(wait) * time.Second)

	// seconds * 1000 is milliseconds, the setTimeout habit.
	time.Sleep(time.Duration(timeoutSeconds * 1000)) // want `time\.Duration\(timeoutSeconds \* 1000\) makes timeoutSeconds \* 1000 nanoseconds, but it counts milliseconds \(by the arithmetic that converts it\)`
	time.Sleep(time.Duration(timeoutSeconds * 1e9))

	// Duration arithmetic on a number named for another unit.
	deadline := time.Now().Add(-time.Duration(ms)) // want `time\.Duration\(ms\) makes ms nanoseconds, but it counts milliseconds`
	_ = deadline
	total := time.Second + time.Duration(ms) // want `time\.Duration\(ms\) makes ms nanoseconds`
	total += time.Duration(s.PollMillis)     // want `time\.Duration\(s\.PollMillis\) makes s\.PollMillis nanoseconds`
	_ = total
}

func backoffs(delaysMs []int, steps []int) {
	for _, d := range delaysMs {
		time.Sleep(time.Duration(d)) // want `time\.Duration\(d\) makes d nanoseconds, but it counts milliseconds \(by its source\): write time\.Duration\(d\) \* time\.Millisecond`
	}
	for _, d := range delaysMs {
		time.Sleep(time.Duration(d) * time.Millisecond)
	}
}

func fromEnvironment(lookup func(string) string, atoi func(string) (int, error), attempt int, pow func(float64, float64) float64, baseDelayMs float64, jitterMs int, baseMs int) {
	timeout, _ := atoi(lookup("TIMEOUT_SECONDS"))
	time.Sleep(time.Duration(timeout)) // want `time\.Duration\(timeout\) makes timeout nanoseconds, but it counts seconds \(by its source\)`
	time.Sleep(time.Duration(timeout) * time.Second)

	backoff := baseDelayMs * pow(2, float64(attempt))
	time.Sleep(time.Duration(backoff)) // want `time\.Duration\(backoff\) makes backoff nanoseconds, but it counts milliseconds \(by its source\): write time\.Duration\(backoff \* float64\(time\.Millisecond\)\)`
	time.Sleep(time.Duration(backoff * float64(time.Millisecond)))

	time.Sleep(time.Duration(baseMs + jitterMs)) // want `time\.Duration\(baseMs \+ jitterMs\) makes baseMs \+ jitterMs nanoseconds, but it counts milliseconds`
	time.Sleep(time.Duration(baseMs+jitterMs) * time.Millisecond)
}
