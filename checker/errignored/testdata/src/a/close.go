package a

import (
	"compress/gzip"
	"fmt"
	"io"
	"net/http"
	"os"
)

func createDeferred(name string, data []byte) error {
	f, err := os.Create(name)
	if err != nil {
		return err
	}
	defer f.Close() // want `deferred f\.Close\(\) drops the error of a file opened for writing: a failed flush is lost; close explicitly and check the error, or use a named result`
	_, err = f.Write(data)
	return err
}

func createChecked(name string, data []byte) error {
	f, err := os.Create(name)
	if err != nil {
		return err
	}
	defer f.Close() // a safety net for the early returns: Close is checked below
	if _, err := f.Write(data); err != nil {
		return err
	}
	return f.Close()
}

func createNamed(name string, data []byte) (err error) {
	f, err := os.Create(name)
	if err != nil {
		return err
	}
	defer func() {
		if cerr := f.Close(); cerr != nil && err == nil {
			err = cerr
		}
	}()
	_, err = f.Write(data)
	return err
}

func openDeferred(name string) ([]byte, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close() // read-only: nothing to lose
	return io.ReadAll(f)
}

func openFileDeferred(name string, data []byte) error {
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o644)
	if err != nil {
		return err
	}
	defer f.Close() // want `deferred f\.Close\(\) drops the error of a file opened for writing`
	_, err = f.Write(data)
	return err
}

func openFileReadOnly(name string) ([]byte, error) {
	f, err := os.OpenFile(name, os.O_RDONLY, 0)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(f)
}

func tempName() (string, error) {
	f, err := os.CreateTemp("", "x")
	if err != nil {
		return "", err
	}
	defer f.Close() // created for its name only: nothing written
	return f.Name(), nil
}

func writtenParam(f *os.File, data []byte) {
	defer f.Close() // want `deferred f\.Close\(\) drops the error of a file opened for writing`
	io.Copy(f, nil) // want `the error from io\.Copy is ignored`
}

func readParam(f *os.File) ([]byte, error) {
	defer f.Close() // only read here
	return io.ReadAll(f)
}

func body(url string) error {
	resp, err := http.Get(url)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	_ = resp.Body.Close() // a reader: nothing to lose
	resp.Body.Close()
	return nil
}

func gz(w io.Writer, data []byte) error {
	zw := gzip.NewWriter(w)
	defer zw.Close() // want `deferred zw\.Close\(\) drops the error of a \*compress/gzip\.Writer`
	_, err := zw.Write(data)
	return err
}

func gzChecked(w io.Writer, data []byte) error {
	zw := gzip.NewWriter(w)
	if _, err := zw.Write(data); err != nil {
		return err
	}
	return zw.Close()
}

func writeCloser(wc io.WriteCloser, data []byte) error {
	defer wc.Close() // want `deferred wc\.Close\(\) drops the error of a writer`
	_, err := wc.Write(data)
	return err
}

func closeStatements(name string, data []byte) error {
	f, err := os.Create(name)
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close() // already failing: the write error is the one to report
		os.Remove(name)
		return err
	}
	f.Close()     // want `the error from f\.Close is ignored`
	_ = f.Close() // want `the error from f\.Close is ignored`
	return nil
}

func printToFile(name string, n int) error {
	f, err := os.Create(name)
	if err != nil {
		return err
	}
	fmt.Fprintf(f, "%d\n", n) // want `the error from fmt\.Fprintf is ignored`
	fmt.Fprintf(os.Stdout, "%d\n", n)
	if _, err := fmt.Fprintf(f, "%d\n", n); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// A file synced with the error checked has nothing left for Close to lose;
// a directory opened to fsync it was never written.
func syncedFile(path string, data []byte) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	defer func() { _ = f.Close() }()
	if _, err := f.Write(data); err != nil {
		return err
	}
	return f.Sync()
}

func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	return d.Sync()
}

// The twin: a Sync whose error is dropped flushes nothing for sure.
func unsyncedFile(path string, data []byte) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	defer f.Close() // want `deferred f.Close\(\) drops the error of a file opened for writing`
	if _, err := f.Write(data); err != nil {
		return err
	}
	f.Sync() // want `the error from f\.Sync is ignored`
	return nil
}
