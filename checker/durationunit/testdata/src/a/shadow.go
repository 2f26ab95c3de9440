package a

import "time"

func shadowed() {
	retry(1, 300*time.Millisecond)
	{
		time := "a local named time"
		_ = time
		retry(1, 300) // want `retry\(1, 300\) passes 300ns, not 300ms or 5m0s: a bare integer is nanoseconds; write 300 \* time\.Millisecond or 300 \* time\.Second`
	}
}
