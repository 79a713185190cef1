package segment

import (
	"syscall"
	"testing"
)

// TestOnOwnThread: the function never runs on the main thread, which the
// scheduler gives to any goroutine once it is idle, but which is never
// ended (handOver must not leave it a file table of its own). Each call
// ends a thread, so the main one comes up among the next.
func TestOnOwnThread(t *testing.T) {
	pid := syscall.Getpid()
	for i := 0; i < 200; i++ {
		tid := make(chan int)
		onOwnThread(func() { tid <- syscall.Gettid() })
		if <-tid == pid {
			t.Fatalf("call %d: onOwnThread ran its function on the main thread", i)
		}
	}
}
