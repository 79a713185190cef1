package main

import (
	"testing"

	"github.com/gwrfacts/gwr/cmd/gwr/hugepages"
)

// TestHugePagesCommands: every command package hugepages starts again is
// one of gwr's.
func TestHugePagesCommands(t *testing.T) {
	for name := range hugepages.Commands {
		if _, ok := commands[name]; !ok {
			t.Errorf("hugepages.Commands names %q, which is no command", name)
		}
	}
}
