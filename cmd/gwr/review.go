package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/gwrfacts/gwr/cmd/gwr/review"
	"github.com/gwrfacts/gwr/corpus"
	"github.com/gwrfacts/gwr/extract"
	"github.com/gwrfacts/gwr/extract/batch"
	"github.com/gwrfacts/gwr/schema"
)

func init() {
	register("review", command{"write one static HTML page showing reports with their facts highlighted", runReview})
}

const reviewUsage = "usage: gwr review [flags] INPUT... -o review.html   (INPUT: a report file or directory, or a facts file or directory written by gwr extract)"

// runReview writes the review page of its inputs. See package
// cmd/gwr/review for the page.
func runReview(args []string, stdout, stderr io.Writer) int {
	flags := flag.NewFlagSet("review", flag.ContinueOnError)
	out := flags.String("o", "review.html", "output `FILE`")
	title := flags.String("title", "", "page title (default \"gwr review\")")
	var src sourceFlags
	src.register(flags)
	pos, err := parseInterspersed(flags, args)
	if errors.Is(err, flag.ErrHelp) {
		fmt.Fprintln(stdout, reviewUsage+`

Writes one self-contained HTML page (no network, no other files) with each
document's text, every fact highlighted (colour and label: blue target,
amber actual), a side table of the facts that scrolls the text to a fact
when a row is clicked, filters by kind, measure, unit, year, hedge and
indicator, a document search, and counts. Corrections made on the page (a
fact marked wrong, fields corrected, a missed fact added by selecting its
text) are kept in the browser and exported as labels for gwr eval --gold.
Reports are read and extracted by the code of gwr extract (same
flags --encoding, --max-bytes, --manifest, --indicators); a report that
fails is named on stderr as gwr extract names it, is left off the page, and
the exit status is 1. For a facts table (a directory written by gwr
extract, flat or partitioned, or a table file) the texts are read from the
paths in the documents table beside it, or from --corpus.

Flags:`)
		flags.SetOutput(stdout)
		flags.PrintDefaults()
		return 0
	}
	switch {
	case err != nil:
	case len(pos) == 0:
		err = errors.New("no INPUT given")
	case *out == "":
		err = errors.New("-o must name a file")
	}
	if err != nil {
		fmt.Fprintf(stderr, "gwr review: %v (%s)\n", err, reviewUsage)
		return 2
	}
	warn := func(msg string) { fmt.Fprintf(stderr, "gwr review: %s\n", msg) }
	docs, failed, err := src.load(pos, warn)
	if err != nil {
		fmt.Fprintf(stderr, "gwr review: %v\n", err)
		return 2
	}
	if err := writeReview(*out, docs, review.Options{Title: *title, Generator: "gwr " + Version}); err != nil {
		fmt.Fprintf(stderr, "gwr review: %v\n", err)
		return 2
	}
	n := 0
	for _, d := range docs {
		n += len(d.Facts)
	}
	fmt.Fprintf(stderr, "gwr review: %d documents, %d facts -> %s\n", len(docs), n, *out)
	if failed > 0 {
		fmt.Fprintf(stderr, "gwr review: %d inputs failed and are not on the page\n", failed)
		return 1
	}
	return 0
}

// writeReview writes the page to a temporary file beside path and renames
// it into place, so a failed run leaves an earlier page intact.
func writeReview(path string, docs []review.Document, opt review.Options) error {
	return writeAtomic(path, func(w io.Writer) error { return review.Write(w, docs, opt) })
}

// sourceFlags are the flags of gwr show and gwr review that say how to read
// an input: a report is read and extracted as gwr extract does (readFlags),
// a facts table is read with its documents table and texts.
type sourceFlags struct {
	readFlags
	corpusDir string
	x         *extract.Extractor
}

func (s *sourceFlags) register(flags *flag.FlagSet) {
	flags.StringVar(&s.corpusDir, "corpus", "", "for a facts table: read the text of document ID from `DIR`/ID.txt (or .html, .htm) instead of the texts gwr extract kept or the path in the documents table")
	s.readFlags.register(flags)
}

// load reads the documents of the inputs, with their facts and, when it
// can be had, their text: facts tables (an input batch.IsOutput accepts)
// with loadFacts, reports with loadReports. Documents come in the order of
// the inputs; the reports, extracted together as gwr extract extracts its
// inputs, stand where the first of them does. Problems that still leave
// something to show (a text not found or changed since extraction, a
// report that failed) go to warn; failed counts the failed reports.
func (s *sourceFlags) load(paths []string, warn func(string)) (docs []review.Document, failed int, err error) {
	var reports []string
	at := -1
	for _, p := range paths {
		if p == corpus.StdinPath || !batch.IsOutput(p) {
			if at < 0 {
				at = len(docs)
			}
			reports = append(reports, p)
			continue
		}
		d, err := s.loadFacts(p, warn)
		if err != nil {
			return nil, 0, err
		}
		docs = append(docs, d...)
	}
	if len(reports) == 0 {
		return docs, 0, nil
	}
	extracted, failed, err := s.loadReports(reports, warn)
	if err != nil {
		return nil, 0, err
	}
	return slices.Insert(docs, at, extracted...), failed, nil
}

// loadReports extracts the reports of paths (files, directories walked for
// reports, or - for standard input) through the code gwr extract runs
// (extractReports). A report that fails is reported to warn, as gwr
// extract reports it, and counted.
func (s *sourceFlags) loadReports(paths []string, warn func(string)) ([]review.Document, int, error) {
	opt, err := s.options()
	if err != nil {
		return nil, 0, err
	}
	if s.x == nil {
		if s.x, err = s.extractor(); err != nil {
			return nil, 0, err
		}
	}
	results, err := extractReports(paths, s.x, opt)
	if err != nil {
		return nil, 0, err
	}
	var docs []review.Document
	failed := 0
	for _, r := range results {
		if r.Err != nil {
			warn(failure(r.Err))
			failed++
			continue
		}
		docs = append(docs, review.Document{ID: r.Doc.DocID, Row: r.Doc, Text: r.Text, HasText: true, Facts: r.Facts})
	}
	return docs, failed, nil
}

// loadFacts reads a facts table, with the documents table beside it, as
// batch.Open finds them (a directory gwr extract wrote, flat or
// partitioned, or a table file). Documents come in the order of the
// documents table, then documents that only the facts name, in order of
// their first fact. Each document's text is read from --corpus or from its
// path in the documents table; a text that cannot be found, or whose
// mentions do not match the facts, is left out with a warning.
func (s *sourceFlags) loadFacts(path string, warn func(string)) ([]review.Document, error) {
	ds, err := batch.Open(path)
	if err != nil {
		return nil, err
	}
	facts, err := ds.Facts()
	if err != nil {
		return nil, err
	}
	var rows []schema.Document
	if ds.Has(schema.DocumentsTable) {
		if rows, err = ds.Documents(); err != nil {
			return nil, err
		}
	}
	var docs []review.Document
	index := map[string]int{}
	for i := range rows {
		if _, dup := index[rows[i].DocID]; dup {
			continue
		}
		index[rows[i].DocID] = len(docs)
		docs = append(docs, review.Document{ID: rows[i].DocID, Row: &rows[i]})
	}
	for _, f := range facts {
		i, ok := index[f.DocID]
		if !ok {
			i = len(docs)
			index[f.DocID] = i
			docs = append(docs, review.Document{ID: f.DocID})
		}
		docs[i].Facts = append(docs[i].Facts, f)
	}
	for i := range docs {
		s.attachText(&docs[i], ds.Dir(), warn)
	}
	return docs, nil
}

// attachText looks for the text of d and keeps it if every fact's mention
// is at its offsets. Candidates: DIR/ID.txt, .html, .htm with --corpus;
// otherwise the text gwr extract kept in the output directory base
// (batch.TextPath, for Word files, PDFs and archive members), then the
// documents table's path (with its archive member) as given and, when
// relative, relative to the parent of base (gwr extract is usually run
// beside the corpus).
func (s *sourceFlags) attachText(d *review.Document, base string, warn func(string)) {
	var (
		candidates []corpus.Input
		kept       string // the text gwr extract kept, checked by its mentions alone
	)
	if s.corpusDir != "" {
		if !plainName(d.ID) {
			warn(fmt.Sprintf("doc_id %s is not a plain file name: its text is not looked for in %s; showing its facts in their sentences", strconv.Quote(d.ID), s.corpusDir))
			return
		}
		for _, ext := range []string{".txt", ".html", ".htm"} {
			candidates = append(candidates, corpus.Input{Path: filepath.Join(s.corpusDir, d.ID+ext), ID: d.ID})
		}
	} else {
		kept = batch.TextPath(base, d.ID)
		candidates = append(candidates, corpus.Input{Path: kept, ID: d.ID})
		if d.Row != nil && d.Row.Path != "" && d.Row.Path != corpus.StdinPath {
			candidates = append(candidates, corpus.Input{Path: d.Row.Path, Member: d.Row.Member, ID: d.ID})
			if !filepath.IsAbs(d.Row.Path) {
				candidates = append(candidates, corpus.Input{Path: filepath.Join(filepath.Dir(filepath.Clean(base)), d.Row.Path), Member: d.Row.Member, ID: d.ID})
			}
		}
	}
	opt := corpus.Options{Encoding: s.encoding, MaxBytes: s.maxBytes}
	var tried []string
	for _, in := range candidates {
		tried = append(tried, in.Path)
		if _, err := os.Stat(in.Path); err != nil {
			continue
		}
		doc, err := corpus.Load(in, opt)
		if err != nil {
			warn(fmt.Sprintf("%v; showing the facts of %s in their sentences", err, d.ID))
			return
		}
		if bad := mismatches(doc.Text, d.Facts); bad > 0 {
			warn(fmt.Sprintf("%s: %d of %d mentions of %s are not at their offsets (text changed since extraction?); showing them in their sentences", corpus.SafeName(in.Path), bad, len(d.Facts), d.ID))
			return
		}
		if s.corpusDir == "" && in.Path != kept && (d.Row.SHA256 != "" && d.Row.SHA256 != doc.SHA256 || d.Row.SHA256 == "" && len(d.Facts) == 0) {
			// Only the very file the documents table names, by content (or,
			// in a table without hashes, a file every mention is found in):
			// a crafted table cannot make the page show another file.
			if d.Row.SHA256 != "" {
				warn(fmt.Sprintf("%s is not the file %s was extracted from (its SHA-256 differs from the documents table's); its text is not shown", corpus.SafeName(in.Path), d.ID))
			}
			return
		}
		d.Text, d.HasText = doc.Text, true
		return
	}
	if len(d.Facts) == 0 {
		return
	}
	if s.corpusDir == "" && (d.Row == nil || d.Row.Path == "" || d.Row.Path == corpus.StdinPath) {
		warn(fmt.Sprintf("no text for %s (no path in a documents table; use --corpus DIR); showing its facts in their sentences", d.ID))
		return
	}
	warn(fmt.Sprintf("no text for %s (looked for %s); showing its facts in their sentences", d.ID, strings.Join(tried, ", ")))
}

// plainName reports whether id can name a file in a directory and only
// there: not empty, not . or .., no path separator.
func plainName(id string) bool {
	return id != "" && id != "." && id != ".." && !strings.ContainsAny(id, "/\\\x00") && filepath.Base(id) == id
}

// mismatches counts the facts whose mention is not text[start:end] in
// code points.
func mismatches(text string, facts []schema.Fact) int {
	runes := []rune(text)
	bad := 0
	for _, f := range facts {
		if f.Start < 0 || f.End < f.Start || int(f.End) > len(runes) || string(runes[f.Start:f.End]) != f.Mention {
			bad++
		}
	}
	return bad
}
