//go:build !linux

package main

// prefaultHeap does nothing outside Linux (prefault_linux.go).
func prefaultHeap(n int, huge bool) error { return nil }
