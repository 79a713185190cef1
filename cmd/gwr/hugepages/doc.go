// Package hugepages starts gwr again, as it was started, with glibc's
// malloc set to back its memory with transparent huge pages, when the
// command is one that loads the segmenter's dictionaries (Commands). Package
// main imports it for that effect alone. The new start is a C constructor
// (start_linux.c), which runs as the program is loaded, before the Go
// runtime: started from an init function, after the runtime and the
// packages before this one, it cost the first process some 90 ms of CPU
// and one report from a fresh process took 0.55 s instead of 0.45 (wall,
// medians of 10 interleaved runs each; mean CPU 0.66 -> 0.57 s). The
// process started again names itself after its first argument (run from
// /proc/self/exe, it would be "exe" in ps and top); its Go init function
// puts GLIBC_TUNABLES back as it was.
//
// The dictionaries (cppjieba, through gojieba) are some 190 MB of small
// allocations from the C library's malloc, built at start-up and then
// walked word by word for every cut. In 4 KB pages that is most of a
// run's page faults (88k of the 125k of gwr extract over the 50 MB bench
// corpus; 88k for one report alone) and of its TLB misses. glibc backs
// the memory malloc maps with huge pages only when asked, by its tunable
// glibc.malloc.hugetlb=1, which it reads from the environment once, as
// the process starts. So the process starts again with the tunable added
// to GLIBC_TUNABLES, on a kernel that gives huge pages to the memory that
// asks for them (/sys/kernel/mm/transparent_hugepage/enabled is
// "madvise"; with "always" the memory has them already, with "never"
// asking does nothing). GLIBC_TUNABLES that sets glibc.malloc.hugetlb
// already (to 0, say, to turn this off) is left as it is, and so is a
// process started again, or one that a tool such as valgrind runs (the
// program the process runs is not the one its first argument names).
// Outside Linux the package does nothing.
//
// Measured on the 2-core development host (bench/data/50mb, 9 interleaved
// runs of each, /usr/bin/time): page faults 125k -> 66k, CPU 3.83 -> 3.60
// s (median), peak RSS unchanged (313-314 MB); one report from a fresh
// process (the dictionaries' load), CPU 0.49 -> 0.38 s.
package hugepages

// Commands names the gwr commands that load the segmenter's
// dictionaries: those started again.
var Commands = map[string]bool{"extract": true, "explain": true, "review": true, "show": true}
