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
	if pw, ok := w.(plainWriter); ok {
		w = pw.w // the bar draws on the terminal itself
	}
	f, ok := w.(*os.File)
	if quiet || !ok || !isTerminal(f) {
		return progress{update: func(batch.Stats) {}, finish: func() {}}
	}
	return newBar(f, total)
}
