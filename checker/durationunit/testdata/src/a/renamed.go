package a

import stdtime "time"

func renamed() {
	stdtime.Sleep(1000) // want `stdtime\.Sleep\(1000\) sleeps 1µs, not 1s: a bare integer is nanoseconds; write 1000 \* stdtime\.Millisecond`
	stdtime.Sleep(1000 * stdtime.Millisecond)
}
