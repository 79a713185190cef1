package main

import (
	"errors"
	"os"
	"os/exec"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/sys/unix"
)

// TestPrefaultHeap: after prefaultHeap(n), the process holds about n more
// bytes resident (the pages faulted in), and the Go heap holds them free
// for its allocations (idle, not given back to the system). It runs in a
// process of its own (the test binary started again), whose heap the
// other tests have not grown.
func TestPrefaultHeap(t *testing.T) {
	if os.Getenv("GWR_TEST_PREFAULT") == "" {
		cmd := exec.Command(os.Args[0], "-test.run=^TestPrefaultHeap$", "-test.v")
		cmd.Env = append(os.Environ(), "GWR_TEST_PREFAULT=1")
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("TestPrefaultHeap in a process of its own: %v\n%s", err, out)
		}
		if strings.Contains(string(out), "--- SKIP") {
			t.Skipf("in a process of its own:\n%s", out)
		}
		return
	}
	const n = 64 << 20
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	rssBefore := residentBytes(t)
	if err := prefaultHeap(n); errors.Is(err, unix.EINVAL) {
		t.Skipf("the kernel has no MADV_POPULATE_WRITE (Linux 5.14): %v", err)
	} else if err != nil {
		t.Fatalf("prefaultHeap(%d): %v", n, err)
	}
	rss := residentBytes(t) - rssBefore
	runtime.ReadMemStats(&after)
	kept := int64(after.HeapIdle-after.HeapReleased) - int64(before.HeapIdle-before.HeapReleased)
	if want := int64(n) * 3 / 4; rss < want {
		t.Errorf("resident memory grew by %d bytes, want at least %d (the pages faulted in)", rss, want)
	}
	if want := int64(n) * 3 / 4; kept < want {
		t.Errorf("the heap's free, unreleased memory grew by %d bytes, want at least %d", kept, want)
	}
}

// residentBytes is VmRSS of /proc/self/status.
func residentBytes(t *testing.T) int64 {
	t.Helper()
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(line, "VmRSS:"); ok {
			kb, err := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")), 10, 64)
			if err != nil {
				t.Fatalf("VmRSS: %q: %v", line, err)
			}
			return kb << 10
		}
	}
	t.Fatal("no VmRSS in /proc/self/status")
	return 0
}
