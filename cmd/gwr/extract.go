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

	"github.com/gwrfacts/gwr/corpus"
	"github.com/gwrfacts/gwr/extract"
	"github.com/gwrfacts/gwr/extract/batch"
	"github.com/gwrfacts/gwr/extract/segment"
	"github.com/gwrfacts/gwr/schema"
)

func init() {
	register("extract", command{"extract the facts of reports into Parquet, Arrow, JSONL or CSV tables", runExtract})
}

const extractUsage = "usage: gwr extract [flags] INPUT...   (INPUT: a file, a directory walked for *.txt/*.html, or - for stdin)"

func runExtract(args []string, stdout, stderr io.Writer) int {
	flags := flag.NewFlagSet("extract", flag.ContinueOnError)
	out := flags.String("o", "out", "output `DIR`")
	formats := flags.String("format", "parquet", "comma list of output formats: parquet, arrow, jsonl, csv")
	jobs := flags.Int("j", 0, "worker count (0: all cores)")
	quiet := flags.Bool("quiet", false, "no progress and no summary on stderr")
	encoding := flags.String("encoding", "", "force the input encoding: utf-8, gb18030, gbk, utf-16le, utf-16be")
	maxBytes := flags.Int64("max-bytes", corpus.DefaultMaxBytes, "largest input file accepted, in bytes")
	manifest := flags.String("manifest", "", "CSV or JSON `FILE` of doc_id, region, level, year overriding inferred metadata")
	pos, err := parseInterspersed(flags, args)
	if errors.Is(err, flag.ErrHelp) {
		fmt.Fprintln(stdout, extractUsage+"\n\nWrites DIR/facts.<ext>, DIR/documents.<ext> and DIR/errors.<ext> for each format.\n\nFlags:")
		flags.SetOutput(stdout)
		flags.PrintDefaults()
		return 0
	}
	if err == nil && len(pos) == 0 {
		err = errors.New("no INPUT given")
	}
	if err != nil {
		fmt.Fprintf(stderr, "gwr extract: %v (%s)\n", err, extractUsage)
		return 2
	}
	fail := func(err error) int {
		fmt.Fprintf(stderr, "gwr extract: %v\n", err)
		return 2
	}
	copt := corpus.Options{Encoding: *encoding, MaxBytes: *maxBytes}
	if *manifest != "" {
		if copt.Manifest, err = corpus.LoadManifest(*manifest); err != nil {
			return fail(err)
		}
	}
	inputs, err := corpus.Discover(pos)
	if err != nil {
		return fail(err)
	}
	seg, err := segment.Default()
	if err != nil {
		return fail(err)
	}
	x, err := extract.New(seg)
	if err != nil {
		return fail(err)
	}
	output, err := batch.Create(*out, strings.Split(*formats, ","), schema.Meta{ToolVersion: Version, RulesHash: x.RulesHash()})
	if err != nil {
		return fail(err)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	bar := newProgress(stderr, len(inputs), *quiet)
	sink := reportingSink{Sink: output, stderr: stderr}
	stats, err := batch.Run(ctx, inputs, x, batch.Options{Jobs: *jobs, Corpus: copt, Progress: bar.update}, sink)
	bar.finish()
	if err != nil {
		output.Abort()
		if ctx.Err() != nil {
			fmt.Fprintf(stderr, "gwr extract: interrupted after %d of %d documents; %s left as it was\n", stats.Docs, stats.Total, *out)
			return 130
		}
		return fail(err)
	}
	if err := output.Commit(); err != nil {
		return fail(err)
	}
	if !*quiet {
		fmt.Fprintf(stderr, "gwr extract: %d documents, %d facts, %d errors, %.1f MB in %.2fs (%.1f MB/s) -> %s\n",
			stats.Docs, stats.Facts, stats.Errors, float64(stats.Bytes)/1e6, stats.Elapsed.Seconds(),
			float64(stats.Bytes)/1e6/max(stats.Elapsed.Seconds(), 1e-9), *out)
	}
	if stats.Errors > 0 {
		return 1
	}
	return 0
}

// reportingSink reports each failed document on stderr as it passes.
type reportingSink struct {
	batch.Sink
	stderr io.Writer
}

func (s reportingSink) Add(r batch.Result) error {
	if r.Err != nil {
		fmt.Fprintf(s.stderr, "gwr extract: %s: %s failed: %s\n", r.Err.Path, r.Err.Stage, firstLine(r.Err.Message))
	}
	return s.Sink.Add(r)
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}
