package main

import (
	"runtime"
	"testing"
	"time"
)

// TestCoreForLoading: while the dictionaries load, Go's code has one core
// fewer, given back once they are there or when the run ends first; a
// second loan at once, one with the dictionaries there, or one for fewer
// workers than cores, changes nothing.
func TestCoreForLoading(t *testing.T) {
	n := runtime.GOMAXPROCS(0)
	if n == 1 {
		t.Setenv("GOMAXPROCS", "2") // given back as the variable says
		defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(2))
		n = 2
	}
	procsBecome := func(want int) {
		t.Helper()
		for deadline := time.Now().Add(5 * time.Second); runtime.GOMAXPROCS(0) != want; {
			if time.Now().After(deadline) {
				t.Fatalf("GOMAXPROCS %d, want %d", runtime.GOMAXPROCS(0), want)
			}
			time.Sleep(time.Millisecond)
		}
	}

	ready := make(chan struct{})
	end := coreForLoading(ready, 0)
	if got := runtime.GOMAXPROCS(0); got != n-1 {
		t.Errorf("loading: GOMAXPROCS %d, want %d", got, n-1)
	}
	endSecond := coreForLoading(make(chan struct{}), n) // lent already: nothing
	if got := runtime.GOMAXPROCS(0); got != n-1 {
		t.Errorf("a second loan: GOMAXPROCS %d, want %d", got, n-1)
	}
	endSecond()
	close(ready)
	procsBecome(n)
	end()

	early := coreForLoading(make(chan struct{}), n+1) // the run ends first
	if got := runtime.GOMAXPROCS(0); got != n-1 {
		t.Errorf("loading again: GOMAXPROCS %d, want %d", got, n-1)
	}
	early()
	if got := runtime.GOMAXPROCS(0); got != n {
		t.Errorf("after the run: GOMAXPROCS %d, want %d", got, n)
	}

	closed := make(chan struct{})
	close(closed)
	coreForLoading(closed, 0)()
	if got := runtime.GOMAXPROCS(0); got != n {
		t.Errorf("dictionaries there: GOMAXPROCS %d, want %d", got, n)
	}

	fewer := coreForLoading(make(chan struct{}), n-1) // a core is free already
	if got := runtime.GOMAXPROCS(0); got != n {
		t.Errorf("%d workers: GOMAXPROCS %d, want %d", n-1, got, n)
	}
	fewer()
}
