package a

import (
	"context"
	"time"
)

// The unit is chosen from evidence: the fix multiplies by it.

const defaultIntervalSeconds = 10 // the Python default
const pollMs = 10
const retryDelay = 3 // in seconds, as the Java client's config

type retryPolicy struct {
	RetryAfterSeconds time.Duration // named for the unit of the old API
	Backoff           time.Duration
}

func waitSecs(ctx context.Context, secs time.Duration) {}

func byName(ctx context.Context) {
	time.Sleep(defaultIntervalSeconds) // want `time\.Sleep\(defaultIntervalSeconds\) sleeps 10ns, not 10s: a bare integer is nanoseconds; write defaultIntervalSeconds \* time\.Second`
	time.Sleep(defaultIntervalSeconds * time.Second)

	time.Sleep(pollMs) // want `time\.Sleep\(pollMs\) sleeps 10ns, not 10ms: a bare integer is nanoseconds; write pollMs \* time\.Millisecond`
	time.Sleep(pollMs * time.Millisecond)

	_ = retryPolicy{RetryAfterSeconds: 30} // want `30 as a time\.Duration is 30ns, not 30s: a bare integer is nanoseconds; write 30 \* time\.Second`
	_ = retryPolicy{RetryAfterSeconds: 30 * time.Second}

	waitSecs(ctx, 2) // want `waitSecs\(ctx, 2\) passes 2ns, not 2s`
	waitSecs(ctx, 2*time.Second)

	var timeoutMinutes time.Duration = 5 // want `5 as a time\.Duration is 5ns, not 5m0s: a bare integer is nanoseconds; write 5 \* time\.Minute`
	timeoutMinutes = 5 * time.Minute
	_ = timeoutMinutes
}

func byComment() {
	// time.sleep(5) in the Python version
	time.Sleep(5) // want `time\.Sleep\(5\) sleeps 5ns, not 5s: a bare integer is nanoseconds; write 5 \* time\.Second`
	time.Sleep(5 * time.Second)

	// setTimeout(retry, 30)
	time.AfterFunc(30, func() {}) // want `time\.AfterFunc\(30, \(func\(\) literal\)\) fires after 30ns, not 30ms: a bare integer is nanoseconds; write 30 \* time\.Millisecond`
	time.AfterFunc(30*time.Millisecond, func() {})

	time.Sleep(retryDelay) // want `time\.Sleep\(retryDelay\) sleeps 3ns, not 3s`
	time.Sleep(retryDelay * time.Second)
}

func byValue() {
	_ = retryPolicy{Backoff: 1500} // want `1500 as a time\.Duration is 1\.5µs, not 1\.5s: a bare integer is nanoseconds; write 1500 \* time\.Millisecond`
	_ = retryPolicy{Backoff: 1500 * time.Millisecond}

	time.Sleep(250) // want `time\.Sleep\(250\) sleeps 250ns, not 250ms`
	time.Sleep(250 * time.Millisecond)
}

func nanosOnPurpose() {
	const spinNs = 500
	time.Sleep(spinNs)
	var pauseNanos time.Duration = 200
	_ = pauseNanos
}
