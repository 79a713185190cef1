//go:build !linux

package batch

import "os"

// startWriteback does nothing here: only Linux can start the writing back
// of part of a file without waiting for it.
func startWriteback(f *os.File, off, n int64) {}
