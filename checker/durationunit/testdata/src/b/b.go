// Package b does not import "time" itself; no fix can name its Millisecond.
package b

import "context"

func withTimeout(ctx context.Context) {
	ctx, cancel := context.WithTimeout(ctx, 5000) // want `context\.WithTimeout\(ctx, 5000\) times out after 5µs, not 5s: a bare integer is nanoseconds; write 5000 \* time\.Millisecond`
	defer cancel()
	_ = ctx
}
