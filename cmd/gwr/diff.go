package main

import (
	"errors"
	"flag"
	"fmt"
	"io"

	"github.com/gwrfacts/gwr/golden/factdiff"
)

func init() {
	register("diff", command{"compare two fact tables document by document", runDiff})
}

const diffUsage = "usage: gwr diff [--format text|jsonl] OLD NEW"

// runDiff compares the facts of OLD and NEW, each a facts file or a
// directory written by gwr extract. It returns 0 when they are equal, 1
// when they differ and 2 on error.
func runDiff(args []string, stdout, stderr io.Writer) int {
	flags := flag.NewFlagSet("diff", flag.ContinueOnError)
	format := flags.String("format", "text", "output format: text, or jsonl for one JSON object per difference")
	pos, err := parseInterspersed(flags, args)
	if errors.Is(err, flag.ErrHelp) {
		fmt.Fprintln(stdout, diffUsage+"\n\nCompares the facts of OLD and NEW (facts files, or directories written by gwr extract).\nExit status: 0 equal, 1 different, 2 error.\n\nFlags:")
		flags.SetOutput(stdout)
		flags.PrintDefaults()
		return 0
	}
	switch {
	case err != nil:
	case len(pos) != 2:
		err = fmt.Errorf("want OLD and NEW, got %d arguments", len(pos))
	case *format != "text" && *format != "jsonl":
		err = fmt.Errorf("unknown --format %q", *format)
	}
	if err != nil {
		fmt.Fprintf(stderr, "gwr diff: %v (%s)\n", err, diffUsage)
		return 2
	}

	oldFacts, err := readFacts(pos[0])
	if err != nil {
		fmt.Fprintf(stderr, "gwr diff: %v\n", err)
		return 2
	}
	newFacts, err := readFacts(pos[1])
	if err != nil {
		fmt.Fprintf(stderr, "gwr diff: %v\n", err)
		return 2
	}
	result := factdiff.Compare(oldFacts, newFacts)
	if *format == "jsonl" {
		err = result.WriteJSONL(stdout)
	} else {
		err = result.WriteText(stdout)
	}
	if err != nil {
		fmt.Fprintf(stderr, "gwr diff: %v\n", err)
		return 2
	}
	if result.Empty() {
		return 0
	}
	return 1
}
