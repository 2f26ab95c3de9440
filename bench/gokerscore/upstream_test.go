package main

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
)

const readme = "# GoKer\n\n" +
	"| Bug ID|  Ref | Patch | Type | SubType | SubsubType |\n" +
	"| ----  | ---- | ----  | ---- | ---- | ---- |\n" +
	"|[etcd#7443]|[pull request]|[patch]| Blocking | Mixed Deadlock | Channel & Lock |\n\n" +
	"## Description\n\n" +
	"Line 16 holds mutex at 15 but blocks. `Close()` blocks at lines 21 and 22.\n\n" +
	"## Backtrace\n\n```\n" +
	"goroutine 566 [chan receive, 10 minutes]:\n" +
	"command-line-arguments.TestEtcd7443(0xc0002a5320)\n" +
	"\t/root/etcd7443_test.go:30 +0x184\n\n" +
	"goroutine 567 [chan send, 10 minutes]:\n" +
	"command-line-arguments.(*b).Up.func1()\n" +
	"\t/root/etcd7443_test.go:16 +0x85\n" +
	"command-line-arguments.helper(...)\n" +
	"\t/root/etcd7443_test.go:9\n" +
	"created by command-line-arguments.creator\n" +
	"\t/root/etcd7443_test.go:40 +0xab\n\n" +
	"goroutine 568 [sleep]:\n" +
	"command-line-arguments.sleeper()\n" +
	"\t/root/etcd7443_test.go:25 +0x1\n" +
	"```\n"

const kernelSrc = `package etcd7443

import "testing"

type b struct{}

func helper() {}

func sleeper() {}

func creator() {}

func (x *b) Up() {
	go func() {
	}()
}

func TestEtcd7443(t *testing.T) {}
`

func TestReadUpstreamKernels(t *testing.T) {
	dir := t.TempDir()
	kdir := filepath.Join(dir, "etcd", "7443")
	if err := os.MkdirAll(kdir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(kdir, "README.md"), []byte(readme), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(kdir, "etcd7443_test.go"), []byte(kernelSrc), 0o644); err != nil {
		t.Fatal(err)
	}
	ks, err := readUpstreamKernels(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(ks) != 1 {
		t.Fatalf("got %d kernels, want 1", len(ks))
	}
	k := ks[0]
	if k.name != "Etcd7443" || k.class != "Mixed Deadlock / Channel & Lock" || k.file != "etcd7443_test.go" {
		t.Errorf("got %q %q %q", k.name, k.class, k.file)
	}
	// The blocked goroutine's frames; not the Test function (the harness),
	// not the creator, not the sleeping goroutine's; the description's
	// Close() is not used when there is a backtrace.
	if want := []string{"(*b).Up.func1", "helper"}; !slices.Equal(k.leaking, want) {
		t.Errorf("buggy functions %q, want %q", k.leaking, want)
	}
	if want := []int{15, 16, 21, 22}; !slices.Equal(k.siteLines, want) {
		t.Errorf("lines %v, want %v", k.siteLines, want)
	}
}

func TestExtractBlockingErrors(t *testing.T) {
	if err := extractBlocking(t.TempDir(), t.TempDir()); err == nil {
		t.Error("an empty directory was taken for a GoBench snapshot")
	}
	if err := extractBlocking(filepath.Join(t.TempDir(), "none"), t.TempDir()); err == nil {
		t.Error("a missing directory was taken for a GoBench snapshot")
	}
}
