package a

import . "time"

func dotted() {
	Sleep(1000) // want `Sleep\(1000\) sleeps 1µs, not 1s: a bare integer is nanoseconds; write 1000 \* Millisecond`
	Sleep(1000 * Millisecond)
}
