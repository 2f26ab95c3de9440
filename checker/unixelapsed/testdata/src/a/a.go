// Package a holds the unixelapsed cases, each reported case beside a silent
// twin.
package a

import (
	"fmt"
	"os"
	"time"
)

func work() {}

func seconds() {
	start := time.Now().Unix()
	work()
	fmt.Println(time.Now().Unix() - start) // want `time\.Now\(\)\.Unix\(\) - start measures elapsed time on the wall clock, which jumps when the system clock is set: keep start := time\.Now\(\) and use time\.Since\(start\), which reads the monotonic clock`

	begin := time.Now()
	work()
	fmt.Println(time.Since(begin))
}

func nanos() int64 {
	start := time.Now()
	work()
	end := time.Now()
	return end.UnixNano() - start.UnixNano() // want `end\.UnixNano\(\) - start\.UnixNano\(\) measures elapsed time`
}

func nanosSub() time.Duration {
	start := time.Now()
	work()
	end := time.Now()
	return end.Sub(start)
}

func millis() float64 {
	start := time.Now().UnixNano() / 1e6
	work()
	return float64(time.Now().UnixNano()/int64(time.Millisecond) - start) // want `measures elapsed time`
}

func millisSince() float64 {
	start := time.Now()
	work()
	return float64(time.Since(start).Milliseconds())
}

func deferred() {
	start := time.Now().UnixMilli()
	defer func() {
		fmt.Println("took", time.Now().UnixMilli()-start, "ms") // want `time\.Now\(\)\.UnixMilli\(\) - start measures elapsed time`
	}()
	work()
}

func deferredSince() {
	start := time.Now()
	defer func() {
		fmt.Println("took", time.Since(start))
	}()
	work()
}

func loop(n int) {
	last := time.Now().Unix()
	for i := 0; i < n; i++ {
		work()
		now := time.Now().Unix()
		if now-last > 10 { // want `now - last measures elapsed time`
			fmt.Println("slow")
		}
		last = now
	}
}

func loopMonotonic(n int) {
	last := time.Now()
	for i := 0; i < n; i++ {
		work()
		now := time.Now()
		if now.Sub(last) > 10*time.Second {
			fmt.Println("slow")
		}
		last = now
	}
}

// Stored timestamps are wall-clock values: their age is a wall-clock
// question.
type session struct{ created int64 }

func stored(fi os.FileInfo, s session, deadline time.Time, updated int64) {
	fmt.Println(time.Now().Unix() - fi.ModTime().Unix())
	fmt.Println(time.Now().Unix() - s.created)
	fmt.Println(deadline.Unix() - time.Now().Unix())
	fmt.Println(time.Now().Unix() - updated)
	fmt.Println(time.Now().Add(time.Hour).Unix() - time.Now().Unix())

	start := time.Now().Unix()
	if updated > 0 {
		start = updated // may be a stored timestamp
	}
	fmt.Println(time.Now().Unix() - start)
}
