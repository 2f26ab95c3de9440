package a

import (
	"errors"
	"fmt"
	"log"
	"net/http"
	"sync"
	"sync/atomic"
)

// A recover that logs the panic and lets the function return a nil
// error: the caller sees success.

func loadConfig(path string) error {
	defer func() {
		if r := recover(); r != nil { // want `recover\(\) stops the panic, but loadConfig then returns a nil error: its caller sees success and goes on after a bug; name the error result \(err error\) and set it in the deferred function: err = fmt.Errorf\("loadConfig: panic: %v", r\), or let it crash`
			log.Printf("loadConfig: %v", r)
		}
	}()
	return parse(path)
}

func parse(string) error { return nil }

// The error is the last of several results.
func fetchUser(id int) (string, int, error) {
	defer func() {
		if r := recover(); r != nil { // want `recover\(\) stops the panic, but fetchUser then returns a nil error`
			log.Println("fetchUser panicked:", r)
		}
	}()
	return lookup(id)
}

func lookup(int) (string, int, error) { return "", 0, nil }

// Counted, not logged; the error result is named but never set.
var panics atomic.Int64

func store(key string) (n int, err error) {
	defer func() {
		if recover() != nil { // want `recover\(\) stops the panic, but store then returns a nil error: its caller sees success and goes on after a bug; set the error result in the deferred function: err = fmt.Errorf\("store: panic: %v", r\), or let it crash`
			panics.Add(1)
			n = -1
		}
	}()
	return len(key), nil
}

// A small wrapper that runs a callback.
func safe(f func() error) (err error) {
	defer func() {
		if r := recover(); r != nil { // want `recover\(\) stops the panic, but safe then returns a nil error`
			log.Print(r)
		}
	}()
	return f()
}

func safeValue[T any](f func() (T, error)) (v T, err error) {
	defer func() {
		if r := recover(); r != nil { // want `recover\(\) stops the panic, but safeValue then returns a nil error`
			log.Print(r)
		}
	}()
	return f()
}

// A callback whose panic the wrapper swallows, in a function literal.
func runAll(jobs []func() error, run func(func() error)) {
	for _, j := range jobs {
		run(func() error {
			defer func() {
				if r := recover(); r != nil { // want `recover\(\) stops the panic, but the function literal then returns a nil error`
					log.Print(r)
				}
			}()
			return j()
		})
	}
}

// A named handler deferred by a function that returns an error.
func logPanic() {
	if r := recover(); r != nil { // want `recover\(\) stops the panic, but save then returns a nil error`
		log.Printf("panic: %v", r)
	}
}

func save(data []byte) error {
	defer logPanic()
	return write(data)
}

func write([]byte) error { return nil }

// The negative twins.

// The panic becomes the named error result.
func safeOK(f func() error) (err error) {
	defer func() {
		if r := recover(); r != nil {
			log.Print(r)
			err = fmt.Errorf("panic: %v", r)
		}
	}()
	return f()
}

func fetchUserOK(id int) (name string, age int, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = errors.Join(err, fmt.Errorf("fetchUser: panic: %v", r))
		}
	}()
	return lookup(id)
}

// A handler given the address of the error result.
func recoverInto(errp *error) {
	if r := recover(); r != nil {
		*errp = fmt.Errorf("panic: %v", r)
	}
}

func saveOK(data []byte) (err error) {
	defer recoverInto(&err)
	return write(data)
}

func setErr(r any, errp *error) { *errp = fmt.Errorf("panic: %v", r) }

func saveOK2(data []byte) (err error) {
	defer func() {
		if r := recover(); r != nil {
			setErr(r, &err)
		}
	}()
	return write(data)
}

// Re-panics after logging.
func loadConfigRepanic(path string) error {
	defer func() {
		if r := recover(); r != nil {
			log.Printf("loadConfig: %v", r)
			panic(r)
		}
	}()
	return parse(path)
}

// The error is kept in the object that ran the work.
type runner struct{ err error }

func (rn *runner) run(f func() error) error {
	defer func() {
		if r := recover(); r != nil {
			rn.err = fmt.Errorf("panic: %v", r)
		}
	}()
	return f()
}

// The error is kept once, by a closure.
type group struct {
	once sync.Once
	err  error
}

func (g *group) do(f func() error) error {
	defer func() {
		if r := recover(); r != nil {
			g.once.Do(func() { g.err = fmt.Errorf("panic: %v", r) })
		}
	}()
	return f()
}

// A goroutine's top frame reports the panic on a channel.
func startWorker(work func() error, errc chan<- error) {
	go func() {
		defer func() {
			if r := recover(); r != nil {
				errc <- fmt.Errorf("worker panicked: %v", r)
			}
		}()
		errc <- work()
	}()
}

// HTTP middleware that answers 500.
func recoverer(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		defer func() {
			if rec := recover(); rec != nil {
				log.Printf("panic serving %s: %v", req.URL.Path, rec)
				http.Error(w, http.StatusText(http.StatusInternalServerError), http.StatusInternalServerError)
			}
		}()
		next.ServeHTTP(w, req)
	})
}

// The same without the value: the 500 still tells the client.
func recovererQuiet(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		defer func() {
			if recover() != nil {
				http.Error(w, "internal error", http.StatusInternalServerError)
			}
		}()
		next.ServeHTTP(w, req)
	})
}

func recovererHeader(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		defer func() {
			if recover() != nil {
				w.WriteHeader(http.StatusInternalServerError)
			}
		}()
		next.ServeHTTP(w, req)
	})
}

// A method deferred as the handler.
type server struct{ logger *log.Logger }

func (s *server) recoverPanic() {
	if r := recover(); r != nil { // want `recover\(\) stops the panic, but handle then returns a nil error`
		s.logger.Print(r)
	}
}

func (s *server) handle(req string) error {
	defer s.recoverPanic()
	return parse(req)
}

// Dropped outright in a function returning an error.
func quietly(f func() error) error {
	defer func() { recover() }() // want `recover\(\) stops the panic, but quietly then returns a nil error`
	return f()
}
