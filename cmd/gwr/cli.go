package main

// Helpers shared by the commands: flag parsing and reading a facts table.

import (
	"flag"
	"io"

	"github.com/gwrfacts/gwr/extract/batch"
	"github.com/gwrfacts/gwr/schema"
)

// readFacts reads the facts table of path: a directory written by gwr
// extract (flat or partitioned, any format) or a table file, as
// batch.Open opens it.
func readFacts(path string) ([]schema.Fact, error) {
	d, err := batch.Open(path)
	if err != nil {
		return nil, err
	}
	return d.Facts()
}

// parseInterspersed parses flags that may come before, between or after
// the positional arguments, which it returns. Everything after "--" is
// positional. The flag set's own messages are silenced: the caller reports
// the returned error on one line.
func parseInterspersed(flags *flag.FlagSet, args []string) ([]string, error) {
	flags.SetOutput(io.Discard)
	flags.Usage = func() {}
	var pos []string
	for {
		if err := flags.Parse(args); err != nil {
			return nil, err
		}
		rest := flags.Args()
		if len(rest) == 0 {
			return pos, nil
		}
		if len(args) > len(rest) && args[len(args)-len(rest)-1] == "--" {
			return append(pos, rest...), nil
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
}
