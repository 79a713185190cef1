package batch

import (
	"os"

	"golang.org/x/sys/unix"
)

// startWriteback asks the kernel to start writing the n bytes of f at off
// to disk, and returns without waiting for them (sync_file_range with
// SYNC_FILE_RANGE_WRITE; n 0 means to the end of the file). It guarantees
// nothing: only Sync makes the bytes durable, and finds less left to write.
// Errors are ignored: Sync reports the file's.
func startWriteback(f *os.File, off, n int64) {
	unix.SyncFileRange(int(f.Fd()), off, n, unix.SYNC_FILE_RANGE_WRITE)
}
