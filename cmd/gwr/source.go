package main

import (
	"context"
	"flag"
	"fmt"

	"github.com/gwrfacts/gwr/corpus"
	"github.com/gwrfacts/gwr/extract"
	"github.com/gwrfacts/gwr/extract/batch"
	"github.com/gwrfacts/gwr/extract/segment"
	"github.com/gwrfacts/gwr/extract/taxonomy"
	"github.com/gwrfacts/gwr/schema"
)

// readFlags are the flags of gwr extract, show and review that say how a
// report is read and extracted: its encoding, its largest size, the
// manifest of metadata and the indicator taxonomy. The three commands read
// reports through the same code.
type readFlags struct {
	encoding   string
	maxBytes   int64
	manifest   string
	indicators string
}

func (r *readFlags) register(flags *flag.FlagSet) {
	flags.StringVar(&r.encoding, "encoding", "", "force the input encoding: utf-8, gb18030, gbk, utf-16le, utf-16be")
	flags.Int64Var(&r.maxBytes, "max-bytes", corpus.DefaultMaxBytes, "largest input file accepted, in bytes")
	flags.StringVar(&r.manifest, "manifest", "", "CSV or JSON `FILE` of doc_id, region, level, year overriding inferred metadata")
	flags.StringVar(&r.indicators, "indicators", "", "extend the indicator taxonomy with the codes of `FILE` (the format of extract/taxonomy/indicators.tsv; a code given there replaces the built-in row)")
}

// options checks the flags and returns the options of corpus.Load, with
// the manifest loaded.
func (r *readFlags) options() (corpus.Options, error) {
	opt := corpus.Options{Encoding: r.encoding, MaxBytes: r.maxBytes}
	if r.maxBytes <= 0 {
		return opt, fmt.Errorf("--max-bytes %d: want a positive number of bytes", r.maxBytes)
	}
	if !knownEncoding(r.encoding) {
		return opt, fmt.Errorf("unknown encoding %q for --encoding (want utf-8, gb18030, gbk, utf-16le or utf-16be)", r.encoding)
	}
	if r.manifest != "" {
		var err error
		if opt.Manifest, err = corpus.LoadManifest(r.manifest); err != nil {
			return opt, err
		}
	}
	return opt, nil
}

// extractor returns the extractor of gwr extract, show and review, with
// the default segmenter and the taxonomy of --indicators, once the
// segmenter's dictionaries are loaded (they load while the rules compile).
func (r *readFlags) extractor() (*extract.Extractor, error) {
	x, err := r.extractorLoading()
	if err != nil {
		return nil, err
	}
	if err := segmenterErr(); err != nil {
		return nil, err
	}
	return x, nil
}

// extractorLoading is extractor without waiting for the dictionaries: they
// load in the background (segment.Preload) while the caller goes on, and
// the extractor waits for them when it first segments. A caller checks
// segmenterErr before it keeps any result.
func (r *readFlags) extractorLoading() (*extract.Extractor, error) {
	segment.Preload()
	x, err := extract.New(segment.Lazy())
	if err != nil || r.indicators == "" {
		return x, err
	}
	tax, err := taxonomy.Load(r.indicators)
	if err != nil {
		return nil, err
	}
	return x.WithTaxonomy(tax), nil
}

// segmenterErr waits for the segmenter's dictionaries and returns the
// error that loading them gave: a run that used extractor's segmenter
// keeps no result when it is not nil (every Segment call panicked).
func segmenterErr() error {
	_, err := segment.Default()
	return err
}

// failure is the line that reports a failed input: its path, the stage
// that failed and the first line of the reason.
func failure(e *schema.ErrorRow) string {
	return fmt.Sprintf("%s: %s failed: %s", corpus.SafeName(e.Path), e.Stage, reason(e.Path, e.Message))
}

// collectSink keeps every result of a run, in input order.
type collectSink struct{ results []batch.Result }

func (c *collectSink) Add(r batch.Result) error {
	c.results = append(c.results, r)
	return nil
}

// extractReports discovers the reports of paths and runs them through
// batch.Run, the code gwr extract runs: the same doc_ids, decoding,
// manifest, panic recovery and time limits, a failed input costing only
// itself. It returns the results in input order.
func extractReports(paths []string, x *extract.Extractor, opt corpus.Options) ([]batch.Result, error) {
	inputs, err := corpus.Discover(paths)
	if err != nil {
		return nil, err
	}
	var sink collectSink
	if _, err := batch.Run(context.Background(), inputs, x, batch.Options{Corpus: opt}, &sink); err != nil {
		return nil, err
	}
	return sink.results, nil
}
