package main

import (
	"io"
	"os"

	"github.com/gwrfacts/gwr/extract/batch"
)

// progress shows documents done on stderr when it is a terminal.
type progress struct {
	update func(batch.Stats)
	finish func()
}

func newProgress(w io.Writer, total int, quiet bool) progress {
	f, ok := w.(*os.File)
	if quiet || !ok || !isTerminal(f) {
		return progress{update: func(batch.Stats) {}, finish: func() {}}
	}
	return newBar(f, total)
}
