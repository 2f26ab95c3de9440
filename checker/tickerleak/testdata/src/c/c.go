//go:build go1.22

// Package main ticks forever in main.
package main

import "time"

func tick() {}

func main() {
	for range time.Tick(time.Second) {
		tick()
	}
}

// Outside main, a function that returns is reported.
func helper(n int) {
	t := time.Tick(time.Second) // want `time.Tick's ticker can never be stopped`
	for i := 0; i < n; i++ {
		<-t
	}
}
