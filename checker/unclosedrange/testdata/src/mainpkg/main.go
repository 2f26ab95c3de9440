// Command mainpkg runs a worker for the life of the program.
package main

var submit func(func())

func init() {
	work := make(chan func())
	go func() {
		for f := range work {
			f()
		}
	}()
	submit = func(f func()) { work <- f }
}

func helper() {
	jobs := make(chan int)
	go func() {
		for j := range jobs { // want `this goroutine ranges over jobs, which is never closed`
			_ = j
		}
	}()
	jobs <- 1
}

func main() {
	submit(func() {})
	helper()
}
