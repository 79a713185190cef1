package segment

import (
	"os"
	"runtime"
	"syscall"
)

// handOver closes f and runs fn, with f's descriptor free for fn alone:
// fn runs on an OS thread given a file descriptor table of its own
// (unshare(CLONE_FILES): a copy of the process's), in which f's
// descriptor is closed, while f is closed in the process's table too.
// What the other goroutines open meanwhile goes to the process's table
// and cannot take it; what fn opens is not seen by the rest of the
// process (nor inherited by the commands it starts). The thread ends when
// fn returns, and its table with it (till then the table holds the files
// the process had open, as a forked child would). Where a thread cannot
// have a table of its own (a sandbox that refuses unshare), f is closed
// and fn runs right after, as well as can be.
func handOver(f *os.File, fn func()) {
	fd := int(f.Fd())
	copied := make(chan struct{}) // f may be closed in the process's table
	closed := make(chan struct{}) // f is closed in both tables
	done := make(chan struct{})
	onOwnThread(func() {
		defer close(done)
		if err := syscall.Unshare(syscall.CLONE_FILES); err == nil {
			syscall.Close(fd) // in this thread's table only
		} else {
			f.Close()
		}
		close(copied)
		<-closed
		fn()
	})
	<-copied
	f.Close() // a no-op if the thread closed it
	close(closed)
	<-done
}

// onOwnThread runs fn on a new goroutine locked to an OS thread other than
// the main one, which ends when fn returns (the goroutine exits without
// unlocking it). The main thread is never ended but parked for good, and a
// file table of its own would keep the files it holds open till the
// process exits.
func onOwnThread(fn func()) {
	locked := make(chan struct{})
	go func() {
		runtime.LockOSThread()
		if syscall.Gettid() == syscall.Getpid() {
			// While this goroutine holds the main thread, the next one
			// gets another.
			onOwnThread(fn)
			runtime.UnlockOSThread()
			close(locked)
			return
		}
		close(locked)
		fn()
	}()
	<-locked
}

// takeFDs opens /dev/null until no file descriptor is left, from another
// goroutine, so on a thread with the process's file table, and keeps them
// open.
func takeFDs() {
	done := make(chan struct{})
	go func() {
		defer close(done)
		for {
			if _, err := syscall.Open(os.DevNull, syscall.O_RDONLY|syscall.O_CLOEXEC, 0); err != nil {
				return
			}
		}
	}()
	<-done
}
