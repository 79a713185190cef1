package main

// Helpers shared by the commands: flag parsing and finding a facts table.

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/gwrfacts/gwr/schema"
)

// factsFiles are the names gwr extract gives its facts table, in order of
// preference.
var factsFiles = []string{"facts.parquet", "facts.arrow", "facts.jsonl", "facts.csv"}

// factsFromPath reads the facts of path: a facts file in any format
// schema.ReadFacts knows, or a directory written by gwr extract, whose
// facts table is read.
func factsFromPath(path string) ([]schema.Fact, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if !info.IsDir() {
		return schema.ReadFacts(path)
	}
	for _, name := range factsFiles {
		p := filepath.Join(path, name)
		if _, err := os.Stat(p); err == nil {
			return schema.ReadFacts(p)
		}
	}
	return nil, fmt.Errorf("%s: no facts table (%s) in the directory", path, strings.Join(factsFiles, ", "))
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
