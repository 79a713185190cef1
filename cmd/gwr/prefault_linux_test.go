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

	"github.com/gwrfacts/gwr/extract/segment"
)

// TestPrefaultHeap: after prefaultHeap(n, false), the process holds
// about n more bytes resident (the pages faulted in), and the Go heap
// holds them free for its allocations (idle, not given back to the
// system). It runs in a process of its own (the test binary started
// again), whose heap the other tests have not grown. The heap is read
// right after prefaultHeap's own collection, not after another: a second
// collection, with next to nothing live, lowers the background
// scavenger's goal below what the heap holds, and the scavenger then
// gives the free pages back while the test reads (47 of 64 MB kept in a
// loaded CI run; in a scratch program read 0.2-1 s later, 52, 56 and 57
// MB in 3 of 7 runs after a second collection, 64 MB in all 7 without).
// In gwr extract, whose heap grows at once, the scavenger gave back 6-32
// MB over a run over the 50 MB bench corpus (3 runs of
// GLIBC_TUNABLES=glibc.malloc.hugetlb=0 GODEBUG=scavtrace=1 gwr extract).
func TestPrefaultHeap(t *testing.T) {
	const n = 64 << 20
	if ownProcess(t, "4k") {
		return
	}
	before, rssBefore := heapKept(t), residentBytes(t)
	if err := prefaultHeap(n, false); errors.Is(err, unix.EINVAL) {
		t.Skipf("the kernel has no MADV_POPULATE_WRITE (Linux 5.14): %v", err)
	} else if err != nil {
		t.Fatalf("prefaultHeap(%d, false): %v", n, err)
	}
	rss, kept := residentBytes(t)-rssBefore, heapIdleKept()-before
	if want := int64(n) * 3 / 4; rss < want {
		t.Errorf("resident memory grew by %d bytes, want at least %d (the pages faulted in)", rss, want)
	}
	if want := int64(n) * 3 / 4; kept < want {
		t.Errorf("the heap's free, unreleased memory grew by %d bytes, want at least %d", kept, want)
	}
}

// TestPrefaultHeapHuge: after prefaultHeap(n, true), the Go heap has n
// more bytes advised for huge pages (VmFlags hg in /proc/self/smaps), not
// faulted in (resident memory grows by far less than n); where the kernel
// gives huge pages to memory that asks (segment.HugePages), a large
// allocation made next and written to lies in huge pages (AnonHugePages
// of /proc/self/smaps_rollup grows).
func TestPrefaultHeapHuge(t *testing.T) {
	const n = 64 << 20
	if ownProcess(t, "huge") {
		return
	}
	rssBefore, hgBefore := residentBytes(t), hugeAdvised(t)
	if err := prefaultHeap(n, true); err != nil {
		t.Fatalf("prefaultHeap(%d, true): %v", n, err)
	}
	rss, hg := residentBytes(t)-rssBefore, hugeAdvised(t)-hgBefore
	if want := int64(n) * 3 / 4; hg < want {
		t.Errorf("memory advised for huge pages grew by %d bytes, want at least %d", hg, want)
	}
	if most := int64(n) / 4; rss > most {
		t.Errorf("resident memory grew by %d bytes, want at most %d (nothing faulted in)", rss, most)
	}
	if !segment.HugePages() {
		t.Skip("the kernel gives no huge pages to memory that asks for them: the allocation is not checked")
	}
	before := statusBytes(t, "/proc/self/smaps_rollup", "AnonHugePages:")
	b := make([]byte, n/2)
	for i := 0; i < len(b); i += 4096 {
		b[i] = 1
	}
	got := statusBytes(t, "/proc/self/smaps_rollup", "AnonHugePages:") - before
	runtime.KeepAlive(b)
	if want := int64(n) / 4; got < want {
		t.Errorf("a %d-byte allocation written to added %d bytes of huge pages, want at least %d", len(b), got, want)
	}
}

// ownProcess runs the test calling it in a process of its own, the test
// binary started again with GWR_TEST_PREFAULT=mode, and returns true; in
// that process it returns false, and the test goes on.
func ownProcess(t *testing.T, mode string) bool {
	t.Helper()
	if os.Getenv("GWR_TEST_PREFAULT") == mode {
		return false
	}
	cmd := exec.Command(os.Args[0], "-test.run=^"+t.Name()+"$", "-test.v")
	cmd.Env = append(os.Environ(), "GWR_TEST_PREFAULT="+mode)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("%s in a process of its own: %v\n%s", t.Name(), err, out)
	}
	if strings.Contains(string(out), "--- SKIP") {
		t.Skipf("in a process of its own:\n%s", out)
	}
	return true
}

// heapKept is the Go heap's free memory not given back to the system,
// after a collection.
func heapKept(t *testing.T) int64 {
	t.Helper()
	runtime.GC()
	return heapIdleKept()
}

// heapIdleKept is the Go heap's free memory not given back to the
// system, as the last collection left it.
func heapIdleKept() int64 {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return int64(m.HeapIdle - m.HeapReleased)
}

// hugeAdvised is the size of the process's mappings advised for huge
// pages (VmFlags hg in /proc/self/smaps).
func hugeAdvised(t *testing.T) int64 {
	t.Helper()
	b, err := os.ReadFile("/proc/self/smaps")
	if err != nil {
		t.Fatal(err)
	}
	var total, size int64
	for _, line := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(line, "Size:"); ok {
			size = kilobytes(t, line, v)
		}
		if v, ok := strings.CutPrefix(line, "VmFlags:"); ok && strings.Contains(" "+v+" ", " hg ") {
			total += size
		}
	}
	return total
}

// kilobytes parses v, the value of a line of /proc/self/status or smaps
// ("  1234 kB"), into bytes.
func kilobytes(t *testing.T, line, v string) int64 {
	t.Helper()
	kb, err := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")), 10, 64)
	if err != nil {
		t.Fatalf("%q: %v", line, err)
	}
	return kb << 10
}

// residentBytes is VmRSS of /proc/self/status.
func residentBytes(t *testing.T) int64 {
	t.Helper()
	return statusBytes(t, "/proc/self/status", "VmRSS:")
}

// statusBytes is the value, in bytes, of the line of file (/proc/self/status
// or smaps_rollup) that starts with key.
func statusBytes(t *testing.T, file, key string) int64 {
	t.Helper()
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(line, key); ok {
			return kilobytes(t, line, v)
		}
	}
	t.Fatalf("no %s in %s", key, file)
	return 0
}
