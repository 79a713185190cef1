package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"syscall"

	"github.com/gwrfacts/gwr/extract/batch"
)

func init() {
	register("repair", command{"bring an output directory whose tables disagree back to tables that agree", runRepair})
}

const repairUsage = "usage: gwr repair DIR"

// runRepair rewrites the tables of DIR (single files or partitioned) so that they agree
// (batch.Repair) and names the inputs to extract again. It returns 0 when
// every document was kept, 1 when some were left out (extract them again
// with --append) and 2 on error or interruption while waiting for the lock
// (130).
func runRepair(args []string, stdout, stderr io.Writer) int {
	flags := flag.NewFlagSet("repair", flag.ContinueOnError)
	pos, err := parseInterspersed(flags, args)
	if errors.Is(err, flag.ErrHelp) {
		fmt.Fprintln(stdout, repairUsage+"\n\nRewrites the tables of DIR, written by gwr extract, so that they agree: from the format\n"+
			"whose tables agree for the most documents, each document with one row and as many facts\n"+
			"(numbered in order) as its row says is kept, in every format DIR holds, as one commit;\n"+
			"the others are left out and named, with the command that extracts them again.\n"+
			"Exit status: 0 all documents kept, 1 some left out, 2 error.")
		return 0
	}
	if err == nil && len(pos) != 1 {
		err = fmt.Errorf("want one DIR, got %d arguments", len(pos))
	}
	if err != nil {
		fmt.Fprintf(stderr, "gwr repair: %v (%s)\n", err, repairUsage)
		return 2
	}
	dir := pos[0]
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	rep, err := batch.Repair(dir, ctx, func(holder string) {
		fmt.Fprintf(stderr, "gwr repair: %s is being written by another gwr run (%s); waiting for it to finish\n", dir, holder)
	})
	if err != nil {
		if ctx.Err() != nil {
			fmt.Fprintf(stderr, "gwr repair: interrupted; %s left as it was\n", dir)
			return 130
		}
		fmt.Fprintf(stderr, "gwr repair: %v\n", err)
		return 2
	}
	fmt.Fprintf(stdout, "%s: %d documents and %d facts kept (rows of the %s tables), written as %s\n",
		dir, rep.Kept, rep.Facts, rep.Source, strings.Join(rep.Formats, ", "))
	if len(rep.Dropped) == 0 {
		return 0
	}
	fmt.Fprintf(stdout, "%s: %d documents left out, their rows disagreed: %s\n", dir, len(rep.Dropped), strings.Join(rep.Dropped, ", "))
	if len(rep.DroppedPaths) > 0 {
		fmt.Fprintf(stdout, "extract them again: gwr extract --append -o %s %s\n", shellQuote(dir), strings.Join(mapQuote(rep.DroppedPaths), " "))
	}
	return 1
}

func mapQuote(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = shellQuote(s)
	}
	return out
}

// shellQuote quotes s for a POSIX shell when it holds anything but
// letters, digits and ./_-+:,=@%.
func shellQuote(s string) string {
	if s != "" && strings.Trim(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789./_-+:,=@%") == "" {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
