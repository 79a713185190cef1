//go:build unix

package extract

import "syscall"

// processCPU returns the CPU seconds (user and system) the process has
// used so far, and true; a benchmark divides their increase by b.N so
// that a machine busy with other work, which slows the wall clock, does
// not blur the comparison of two builds.
func processCPU() (float64, bool) {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0, false
	}
	return float64(ru.Utime.Nano()+ru.Stime.Nano()) / 1e9, true
}
