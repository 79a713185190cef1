package main

import (
	"runtime"

	"golang.org/x/sys/unix"
)

// prefaultHeap grows the Go heap by n bytes at once, faults its pages in
// with one madvise(MADV_POPULATE_WRITE) call and frees it, so that the
// run's allocations reuse pages already there: a gwr extract over many
// documents grows its heap to the memory limit (extractMemoryLimit) within
// the first second anyway, a 4 KB page fault at a time, and on a virtual
// machine each fault is an exit to the hypervisor (about 17 µs on the
// development host, whose kernel then spent 17% of a run's CPU, most of it
// in the fault handler). The freed pages stay in the heap, free and
// resident, until the collector's scavenger gives back what the heap does
// not need. It returns the error of madvise (a kernel before Linux 5.14
// has no MADV_POPULATE_WRITE: the pages then fault in as before).
//
// gwr extract -j 2 on bench/data/50mb with 128 MB (prefaultBytes):
// system CPU 0.65-0.87 -> 0.35-0.65 s; bench/ab.sh, 9 rounds in each
// order: 1.034 and 1/0.917 in MB/s, 1.033 and 1/0.918 in MB per
// CPU-second; peak RSS +5-13 MB.
func prefaultHeap(n int) error {
	b := make([]byte, n)
	err := unix.Madvise(b, unix.MADV_POPULATE_WRITE)
	runtime.KeepAlive(b) // its last use: the collection below frees it
	runtime.GC()         // the pages free for the run's allocations
	return err
}
