//go:build !linux

package main

// limitTestFDs is the test hook GWR_TEST_FDS (testfds_linux.go), which
// does nothing here.
func limitTestFDs() {}
