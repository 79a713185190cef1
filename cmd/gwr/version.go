package main

import (
	"fmt"
	"io"

	"github.com/gwrfacts/gwr/extract"
	"github.com/gwrfacts/gwr/schema"
)

// Version is the tool version, stored in every output's metadata.
const Version = "0.2.0"

func init() {
	register("version", command{"print the tool, schema and rule-set versions", runVersion})
}

func runVersion(args []string, stdout, stderr io.Writer) int {
	if len(args) > 0 {
		if args[0] == "-h" || args[0] == "--help" || args[0] == "-help" {
			fmt.Fprintln(stdout, "usage: gwr version\n\nPrints the tool version, the schema version and the hash of the rule set.")
			return 0
		}
		fmt.Fprintf(stderr, "gwr version: takes no arguments\n")
		return 2
	}
	fmt.Fprintf(stdout, "gwr %s (schema %s, rules %s)\n", Version, schema.SchemaVersion, extract.DefaultRulesHash())
	return 0
}
