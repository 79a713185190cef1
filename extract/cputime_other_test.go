//go:build !unix

package extract

// processCPU is not measured outside Unix.
func processCPU() (float64, bool) { return 0, false }
