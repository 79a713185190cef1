package main

import (
	"fmt"
	"os"
	"strconv"
	"syscall"
)

// limitTestFDs is a test hook: with GWR_TEST_FDS=n, the run may open n
// more file descriptors than it has open when it starts (the standard
// ones and the Go runtime's, which vary with the Go release and the
// machine): as "ulimit -n" would, with the count of those known. It runs
// before anything else opens a file.
func limitTestFDs() {
	s := os.Getenv("GWR_TEST_FDS")
	if s == "" {
		return
	}
	n, err := strconv.Atoi(s)
	if err == nil {
		err = limitFDs(n)
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "gwr: GWR_TEST_FDS=%s: %v\n", s, err)
		os.Exit(2)
	}
}

// limitFDs sets the limit of file descriptors so that n more can be
// opened: a new descriptor is the lowest free number below the limit, so
// every open one below it takes a place.
func limitFDs(n int) error {
	entries, err := os.ReadDir("/proc/self/fd")
	if err != nil {
		return err
	}
	open := map[int]bool{}
	for _, e := range entries {
		fd, err := strconv.Atoi(e.Name())
		var st syscall.Stat_t
		if err == nil && syscall.Fstat(fd, &st) == nil { // not the one ReadDir used
			open[fd] = true
		}
	}
	limit := n
	for fd := 0; fd < limit; fd++ {
		if open[fd] {
			limit++
		}
	}
	return syscall.Setrlimit(syscall.RLIMIT_NOFILE, &syscall.Rlimit{Cur: uint64(limit), Max: uint64(limit)})
}
