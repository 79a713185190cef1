package main

import (
	"runtime"

	"golang.org/x/sys/unix"
)

// prefaultHeap grows the Go heap by n bytes at once and frees them, so
// that the run's allocations reuse that memory: a gwr extract over many
// documents grows its heap to the memory limit (extractMemoryLimit)
// within the first second anyway. The freed pages stay in the heap until
// the collector's scavenger gives back what the heap does not need.
//
// With huge true (segment.HugePages: the kernel gives transparent huge
// pages to memory that asks), the memory is advised for huge pages
// (madvise(MADV_HUGEPAGE)) and left to fault in 2 MB at a time as the
// heap reaches it: fewer TLB misses for all the Go code of the run. Else
// its 4 KB pages are faulted in with one madvise(MADV_POPULATE_WRITE)
// call: on a virtual machine each fault is an exit to the hypervisor
// (about 17 µs on the development host, whose kernel then spent 17% of a
// run's CPU, most of it in the fault handler), a few thousand of them one
// at a time cost more than one call. It returns the error of madvise (a
// kernel before Linux 5.14 has no MADV_POPULATE_WRITE: the pages then
// fault in as before).
//
// gwr extract -j 2 on bench/data/50mb with 128 MB (prefaultBytes), 4 KB
// pages: system CPU 0.65-0.87 -> 0.35-0.65 s; bench/ab.sh, 9 rounds in
// each order: 1.034 and 1/0.917 in MB/s, 1.033 and 1/0.918 in MB per
// CPU-second; peak RSS +5-13 MB. Huge pages instead: see
// bench/HISTORY.md (session 39).
func prefaultHeap(n int, huge bool) error {
	b := make([]byte, n)
	var err error
	if !huge || unix.Madvise(b, unix.MADV_HUGEPAGE) != nil {
		err = unix.Madvise(b, unix.MADV_POPULATE_WRITE)
	}
	runtime.KeepAlive(b) // its last use: the collection below frees it
	runtime.GC()         // the pages free for the run's allocations
	return err
}
