// Command mainpkg keeps a heartbeat for the life of the program.
package main

import "time"

func heartbeat(t *time.Ticker) {
	for {
		select {
		case <-t.C:
			println("alive")
		}
	}
}

func startHeartbeat(t *time.Ticker) {
	go func() {
		for { // want `for-select loop has no way out`
			select {
			case <-t.C:
				println("alive")
			}
		}
	}()
}

func main() {
	t := time.NewTicker(time.Second)
	go heartbeat(t)
	startHeartbeat(t)
	select {}
}
