package segment

/*
#include <stdlib.h>
#ifdef __GLIBC__
#include <malloc.h>
#include <stdint.h>
#include <sys/mman.h>
#endif

// gwrArenaChunks and gwrArenaChunk: the arena grown by growArena, 4 x 30
// MB, is about what loading the dictionaries takes from it (malloc_stats
// after the load: 118 MB of system bytes, 115.5 MB in use); a chunk is
// below the 32 MB mmap threshold set for the load (gwrGrowArenaEnd), so that
// it comes from the arena, and two fill a 64 MB heap of the arena.
enum { gwrArenaChunks = 4 };
static const size_t gwrArenaChunk = (size_t)30 << 20;
static const uintptr_t gwrHugePage = (uintptr_t)2 << 20;

// gwrArenaKeep holds the last heap of the arena while its chunks are free.
static void *gwrArenaKeep;

// gwrGrowArena grows the malloc arena of the calling thread by
// gwrArenaChunks chunks, asks the kernel for huge pages for them
// (MADV_HUGEPAGE on the 2 MB pages they cover) and frees them, keeping
// them in the arena (a trim threshold above them): what the thread
// allocates next comes from that memory. With advise 0 it asks for no
// huge pages. It returns the number of chunks it allocated and advised,
// 0 outside glibc.
static int gwrGrowArena(int advise) {
#ifdef __GLIBC__
	void *chunks[gwrArenaChunks];
	int n = 0;
	mallopt(M_TRIM_THRESHOLD, 512 << 20);
	mallopt(M_MMAP_THRESHOLD, 32 << 20);
	for (int i = 0; i < gwrArenaChunks; i++) {
		chunks[i] = malloc(gwrArenaChunk);
	}
	// more than the heap before the last can hold, so in the last: a heap
	// whose chunks are all free goes back to the system
	gwrArenaKeep = malloc(8 << 20);
	for (int i = 0; i < gwrArenaChunks; i++) {
		if (chunks[i] == NULL) {
			continue;
		}
		uintptr_t from = ((uintptr_t)chunks[i] + gwrHugePage - 1) & ~(gwrHugePage - 1);
		uintptr_t to = ((uintptr_t)chunks[i] + gwrArenaChunk) & ~(gwrHugePage - 1);
		if (advise && to > from && madvise((void *)from, to - from, MADV_HUGEPAGE) == 0) {
			n++;
		}
	}
	for (int i = gwrArenaChunks - 1; i >= 0; i--) {
		free(chunks[i]);
	}
	return n;
#else
	return 0;
#endif
}

// gwrTrimThreshold is the trim threshold gwrGrowArenaEnd leaves: an
// arena gives memory back to the system when more than this is free at
// its end. glibc's 128 KB made the arena of each thread that cuts give
// back the pages of each cut's words (cppjieba's vectors, the array Cut
// returns) and fault them in again at the next cut.
static const int gwrTrimThreshold = 64 << 20;

// gwrGrowArenaEnd ends what gwrGrowArena began: the last heap's hold let
// go, the mmap threshold back at glibc's 128 KB, the trim threshold at
// gwrTrimThreshold. The load runs under gwrGrowArena's 32 MB mmap
// threshold: cppjieba's vectors of up to 32 MB, grown by doubling and
// copied whole (the words for the trie, the weights sorted), come from the
// arena, whose pages the load has touched already, instead of each from
// fresh memory mapped for it (with 128 KB, set explicitly, glibc does not
// raise the threshold as it would by itself). One cold report, 8 and 15
// interleaved runs: mean CPU 0.419 -> 0.385 s and 0.589 -> 0.563 s, peak
// RSS unchanged (202-205 MB; 310-323 MB over the 50 MB bench corpus).
static void gwrGrowArenaEnd(void) {
#ifdef __GLIBC__
	free(gwrArenaKeep);
	gwrArenaKeep = NULL;
	mallopt(M_MMAP_THRESHOLD, 128 << 10);
	mallopt(M_TRIM_THRESHOLD, gwrTrimThreshold);
#endif
}

// gwrArenaBytes is the memory malloc's arenas hold from the system (not
// what it maps for large allocations), 0 outside glibc.
static size_t gwrArenaBytes(void) {
#ifdef __GLIBC__
	return mallinfo2().arena;
#else
	return 0;
#endif
}

// gwrChurn allocates n blocks of size bytes, frees them (the last first)
// and returns how many bytes of the arenas went back to the system with
// the frees (0 outside glibc): a test of the trim threshold.
static size_t gwrChurn(int n, size_t size) {
#ifdef __GLIBC__
	void **p = malloc(n * sizeof(void *));
	for (int i = 0; i < n; i++) {
		p[i] = malloc(size);
	}
	size_t peak = mallinfo2().arena;
	for (int i = n - 1; i >= 0; i--) {
		free(p[i]);
	}
	size_t after = mallinfo2().arena;
	free(p);
	return peak > after ? peak - after : 0;
#else
	return 0;
#endif
}
*/
import "C"

import (
	"os"
	"strings"
)

// churn allocates n blocks of size bytes with malloc, frees them and
// returns how many bytes of the arenas went back to the system (a test of
// the trim threshold; 0 where the C library is not glibc).
func churn(n, size int) int { return int(C.gwrChurn(C.int(n), C.size_t(size))) }

// arenaBytes is the memory malloc's arenas hold from the system, summed
// over them (mallinfo2's arena; 0 where the C library is not glibc).
func arenaBytes() int { return int(C.gwrArenaBytes()) }

// growArena makes room, in huge pages, for what the calling thread is
// about to allocate with the C library's malloc: loading the dictionaries,
// cppjieba's some 115 MB of small allocations. glibc gives each thread
// but the first an arena of its own, grown page by page (an mprotect call
// a few KB; 12,000 over a load), so the kernel, which maps a huge page
// only where 2 MB of writable memory await it, faults each 4 KB page in
// alone: glibc.malloc.hugetlb=1 (package cmd/gwr/hugepages) gives huge
// pages to memory malloc maps and to the first thread's heap, not to
// these. growArena grows the thread's arena at once by 120 MB, advises
// huge pages for it and frees it into the arena, where the load then
// allocates. It returns the number of 30 MB chunks advised (0 where the C
// library is not glibc) and the function that ends the growth (call it,
// on any thread, once the load is done), which leaves the process's trim
// threshold at 64 MB, not glibc's 128 KB, so that the threads that cut
// keep the pages of their cuts instead of giving them back after each
// (gwrTrimThreshold).
//
// Loading the dictionaries for one report (gwr extract on a bundled
// report, 3 runs each): 28-29k page faults -> 8.5-9.5k, 0.68-0.77 s ->
// 0.45-0.62 s, peak RSS +3-6 MB. The calling thread must stay the same OS
// thread until the allocations it makes room for are done (handOver's
// thread).
//
// A GLIBC_TUNABLES that sets glibc.malloc.hugetlb=0 (the user's way to
// turn huge pages off, README) turns off the advice too: the arena still
// grows at once, in 4 KB pages.
func growArena() (advised int, end func()) {
	advise := C.int(1)
	if hugePagesOff(os.Getenv("GLIBC_TUNABLES")) {
		advise = 0
	}
	return int(C.gwrGrowArena(advise)), func() { C.gwrGrowArenaEnd() }
}

// HugePages reports whether memory advised for transparent huge pages
// gets them, as the dictionaries' arena does (growArena), so that gwr
// extract advises its Go heap too (prefaultHeap): the kernel gives them
// to memory that asks for them (/sys/kernel/mm/transparent_hugepage/enabled
// reads [madvise] or [always]) and GLIBC_TUNABLES does not set
// glibc.malloc.hugetlb=0, the user's way to turn them off (README), which
// growArena follows too (hugePagesOff; it advises whatever the kernel's
// mode, where the advice does nothing under [never]).
func HugePages() bool {
	if hugePagesOff(os.Getenv("GLIBC_TUNABLES")) {
		return false
	}
	mode, err := os.ReadFile("/sys/kernel/mm/transparent_hugepage/enabled")
	return err == nil && thpAsked(string(mode))
}

// thpAsked reports whether the mode of transparent huge pages, the
// content of /sys/kernel/mm/transparent_hugepage/enabled, gives them to
// memory that asks for them: the mode chosen, in brackets, is always or
// madvise.
func thpAsked(mode string) bool {
	return strings.Contains(mode, "[always]") || strings.Contains(mode, "[madvise]")
}

// hugePagesOff reports whether the GLIBC_TUNABLES value tunables sets
// glibc.malloc.hugetlb to 0.
func hugePagesOff(tunables string) bool {
	for _, t := range strings.Split(tunables, ":") {
		if t == "glibc.malloc.hugetlb=0" {
			return true
		}
	}
	return false
}
