// Command treerss runs a command and reports its wall time and the peak
// resident memory of its whole process tree (the command and every process
// it starts, summed at each sample), read from /proc every 10ms. go vet runs
// one analysis process per package, so the peak of the tree, not of one
// process, is the memory it needs.
//
// Usage: go run ./bench/treerss [-label L] -- command args...
// Output: one line "label wall_s peak_tree_MiB peak_single_MiB exit".
package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

func main() {
	label := flag.String("label", "run", "label to print first")
	flag.Parse()
	if flag.NArg() == 0 {
		fmt.Fprintln(os.Stderr, "usage: treerss [-label L] -- command args...")
		os.Exit(2)
	}
	cmd := exec.Command(flag.Arg(0), flag.Args()[1:]...)
	cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
	start := time.Now()
	if err := cmd.Start(); err != nil {
		fmt.Fprintf(os.Stderr, "treerss: %v\n", err)
		os.Exit(1)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	page := int64(os.Getpagesize())
	var peakTree, peakSingle int64
	tick := time.NewTicker(10 * time.Millisecond)
	defer tick.Stop()
	var err error
loop:
	for {
		select {
		case err = <-done:
			break loop
		case <-tick.C:
			total, single := treeRSS(cmd.Process.Pid, page)
			peakTree = max(peakTree, total)
			peakSingle = max(peakSingle, single)
		}
	}
	wall := time.Since(start)
	code := 0
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		code = exit.ExitCode()
	} else if err != nil {
		fmt.Fprintf(os.Stderr, "treerss: %v\n", err)
		os.Exit(1)
	}
	fmt.Printf("%s %.2f %.0f %.0f %d\n", *label, wall.Seconds(), float64(peakTree)/(1<<20), float64(peakSingle)/(1<<20), code)
}

// treeRSS returns the summed and the largest resident set size, in bytes,
// of root and its descendants.
func treeRSS(root int, page int64) (total, single int64) {
	parent := map[int]int{}
	stats, err := filepath.Glob("/proc/[0-9]*/stat")
	if err != nil {
		return 0, 0 // only a malformed pattern fails, and this one is fixed
	}
	for _, path := range stats {
		data, err := os.ReadFile(path)
		if err != nil {
			continue // the process ended
		}
		// The command name is in parentheses and may hold spaces.
		i := bytes.LastIndexByte(data, ')')
		if i < 0 {
			continue
		}
		fields := strings.Fields(string(data[i+1:]))
		if len(fields) < 2 {
			continue
		}
		pid, err1 := strconv.Atoi(filepath.Base(filepath.Dir(path)))
		ppid, err2 := strconv.Atoi(fields[1])
		if err1 == nil && err2 == nil {
			parent[pid] = ppid
		}
	}
	for pid := range parent {
		if !descends(pid, root, parent) {
			continue
		}
		data, err := os.ReadFile(fmt.Sprintf("/proc/%d/statm", pid))
		if err != nil {
			continue
		}
		fields := strings.Fields(string(data))
		if len(fields) < 2 {
			continue
		}
		pages, err := strconv.ParseInt(fields[1], 10, 64)
		if err != nil {
			continue
		}
		total += pages * page
		single = max(single, pages*page)
	}
	return total, single
}

func descends(pid, root int, parent map[int]int) bool {
	for range 64 {
		if pid == root {
			return true
		}
		p, ok := parent[pid]
		if !ok || p == 0 || p == pid {
			return false
		}
		pid = p
	}
	return false
}
