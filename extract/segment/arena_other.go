//go:build !linux

package segment

// growArena does nothing outside Linux (arena_linux.go).
func growArena() (advised int, end func()) { return 0, func() {} }

// HugePages is false outside Linux (arena_linux.go).
func HugePages() bool { return false }
