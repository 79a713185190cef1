package segment

import (
	"bufio"
	"os"
	"runtime"
	"strconv"
	"strings"
	"testing"
)

// TestGrowArena: growArena, on a thread of its own, leaves the thread's
// arena 120 MB larger, that memory advised for huge pages (the "hg" flag
// of /proc/self/smaps), and freed into the arena, not given back; after
// its end, 4 MB of small blocks that another thread allocates and frees
// stay in its arena (the trim threshold of 64 MB; glibc's 128 KB gave
// them back).
func TestGrowArena(t *testing.T) {
	done := make(chan struct{})
	go func() {
		defer close(done)
		runtime.LockOSThread() // the thread ends with the goroutine, and its arena is no other's
		before, hugeBefore := arenaBytes(), hugeAdvised(t)
		advised, end := growArena()
		defer end()
		grown, huge := arenaBytes()-before, hugeAdvised(t)-hugeBefore
		if advised != 4 {
			t.Errorf("growArena advised %d chunks, want 4", advised)
		}
		if want := 4 * 30 << 20; grown < want {
			t.Errorf("the arenas grew by %d bytes, want at least %d", grown, want)
		}
		if want := 4 * 28 << 20; huge < want {
			t.Errorf("%d bytes more advised for huge pages, want at least %d", huge, want)
		}
	}()
	<-done
	churned := make(chan int)
	go func() {
		runtime.LockOSThread() // a thread of its own, which ends with the goroutine
		churned <- churn(512, 8<<10)
	}()
	if back := <-churned; back != 0 {
		t.Errorf("after growArena's end, %d bytes of 4 MB of small blocks went back to the system, want 0", back)
	}
}

// TestGrowArenaHugePagesOff: with glibc.malloc.hugetlb=0 in
// GLIBC_TUNABLES, growArena advises no huge pages.
func TestGrowArenaHugePagesOff(t *testing.T) {
	t.Setenv("GLIBC_TUNABLES", "glibc.malloc.check=0:glibc.malloc.hugetlb=0")
	done := make(chan struct{})
	go func() {
		defer close(done)
		runtime.LockOSThread()
		hugeBefore := hugeAdvised(t)
		advised, end := growArena()
		defer end()
		if huge := hugeAdvised(t) - hugeBefore; advised != 0 || huge > 0 {
			t.Errorf("growArena advised %d chunks, %d bytes more with VmFlags hg; want none", advised, huge)
		}
	}()
	<-done
}

// TestHugePagesOff: hugePagesOff is true of a GLIBC_TUNABLES setting
// glibc.malloc.hugetlb=0 among others, and of no other.
func TestHugePagesOff(t *testing.T) {
	for _, tt := range []struct {
		tunables string
		want     bool
	}{
		{"", false},
		{"glibc.malloc.hugetlb=0", true},
		{"glibc.malloc.check=0:glibc.malloc.hugetlb=0", true},
		{"glibc.malloc.hugetlb=0:glibc.malloc.check=0", true},
		{"glibc.malloc.hugetlb=1", false},
		{"glibc.malloc.hugetlb=2", false},
		{"glibc.malloc.check=0", false},
	} {
		if got := hugePagesOff(tt.tunables); got != tt.want {
			t.Errorf("hugePagesOff(%q) = %v, want %v", tt.tunables, got, tt.want)
		}
	}
}

// TestTHPAsked: thpAsked is true of the modes that give huge pages to
// memory asking for them, whatever else the file holds.
func TestTHPAsked(t *testing.T) {
	for _, tt := range []struct {
		mode string
		want bool
	}{
		{"always [madvise] never\n", true},
		{"[always] madvise never\n", true},
		{"always madvise [never]\n", false},
		{"always defer defer+madvise [madvise] never", true},
		{"", false},
		{"madvise", false}, // no mode chosen
	} {
		if got := thpAsked(tt.mode); got != tt.want {
			t.Errorf("thpAsked(%q) = %v, want %v", tt.mode, got, tt.want)
		}
	}
}

// TestHugePagesFollowsTunables: GLIBC_TUNABLES=glibc.malloc.hugetlb=0
// turns HugePages off whatever the kernel's mode.
func TestHugePagesFollowsTunables(t *testing.T) {
	t.Setenv("GLIBC_TUNABLES", "glibc.malloc.hugetlb=0")
	if HugePages() {
		t.Errorf("HugePages() = true with GLIBC_TUNABLES=glibc.malloc.hugetlb=0, want false")
	}
}

// hugeAdvised is the size of the mappings of the process advised for huge
// pages (VmFlags hg in /proc/self/smaps).
func hugeAdvised(t *testing.T) int {
	t.Helper()
	f, err := os.Open("/proc/self/smaps")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	total, size := 0, 0
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if v, ok := strings.CutPrefix(line, "Size:"); ok {
			kb, err := strconv.Atoi(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")))
			if err != nil {
				t.Fatalf("smaps: %q: %v", line, err)
			}
			size = kb << 10
		}
		if v, ok := strings.CutPrefix(line, "VmFlags:"); ok && strings.Contains(" "+v+" ", " hg ") {
			total += size
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return total
}
