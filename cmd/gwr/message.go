package main

import (
	"io"
	"regexp"
)

// internalPrefix matches the package prefix an error of this module starts
// with ("corpus: ", "batch: ", "schema: " …; STYLE.md asks packages for
// one), at the start of a message or after the ": " that joins a wrapped
// error to its context. Users see what went wrong and where, not which
// package noticed.
var internalPrefix = regexp.MustCompile(`(^|\n|: )(corpus|batch|schema|extract|segment|normalize|golden|eval|factdiff|match|review): `)

// syscallOp matches the operation an *fs.PathError puts before its path
// ("open a.txt: no such file or directory"): the user asked for a.txt, not
// for an open.
var syscallOp = regexp.MustCompile(`(^|\n|: )(?:open|stat|lstat|read|readdirent|close) ([^\s:]+): `)

// plainMessage returns msg without the package prefixes of internal errors
// and the system-call names of file errors.
func plainMessage(msg string) string {
	return syscallOp.ReplaceAllString(internalPrefix.ReplaceAllString(msg, "$1"), "$1$2: ")
}

// plainMessages returns a writer that strips internal package prefixes from
// what is written to w. gwr's messages are written one line per Write call
// (fmt.Fprintf), so a prefix is never split between two calls.
func plainMessages(w io.Writer) io.Writer {
	if _, ok := w.(plainWriter); ok {
		return w
	}
	return plainWriter{w}
}

type plainWriter struct{ w io.Writer }

// Write writes p without package prefixes and reports len(p) written when
// the shortened text was, so callers see the count they passed.
func (pw plainWriter) Write(p []byte) (int, error) {
	q := []byte(plainMessage(string(p)))
	if _, err := pw.w.Write(q); err != nil {
		return 0, err
	}
	return len(p), nil
}
