package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/gwrfacts/gwr/cmd/gwr/review"
	"github.com/gwrfacts/gwr/corpus"
	"github.com/gwrfacts/gwr/extract"
	"github.com/gwrfacts/gwr/extract/segment"
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
document's text, every fact highlighted (colour: measure; outline: solid for
target, dashed for actual), a side table of the facts that scrolls the text
to a fact when a row is clicked, filters by kind, measure and unit, and
counts. Reports are run through the extractor as gwr extract does; for a
facts table the texts are read from the paths in the documents table beside
it, or from --corpus.

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
	var docs []review.Document
	for _, p := range pos {
		d, err := src.load(p, warn)
		if err != nil {
			fmt.Fprintf(stderr, "gwr review: %v\n", err)
			return 2
		}
		docs = append(docs, d...)
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
	return 0
}

// writeReview writes the page to a temporary file beside path and renames
// it into place, so a failed run leaves an earlier page intact.
func writeReview(path string, docs []review.Document, opt review.Options) error {
	return writeAtomic(path, func(w io.Writer) error { return review.Write(w, docs, opt) })
}

// sourceFlags are the flags of gwr show and gwr review that say how to read
// an input: a report is decoded and extracted, a facts table is read with
// its documents table and texts.
type sourceFlags struct {
	corpusDir string
	encoding  string
	maxBytes  int64
	x         *extract.Extractor
}

func (s *sourceFlags) register(flags *flag.FlagSet) {
	flags.StringVar(&s.corpusDir, "corpus", "", "for a facts table: read the text of document ID from `DIR`/ID.txt (or .html, .htm) instead of the path in the documents table")
	flags.StringVar(&s.encoding, "encoding", "", "force the encoding of reports: utf-8, gb18030, gbk, utf-16le, utf-16be")
	flags.Int64Var(&s.maxBytes, "max-bytes", corpus.DefaultMaxBytes, "largest report accepted, in bytes")
}

// isFactsInput reports whether path is a facts table (a file with a table
// extension such as .parquet or .jsonl) or a directory written by gwr
// extract, flat or partitioned, rather than a report or a directory of
// reports.
func isFactsInput(path string) bool {
	if path == corpus.StdinPath {
		return false
	}
	info, err := os.Stat(path)
	if err != nil {
		return false
	}
	if info.IsDir() {
		files, _ := tableFiles(path, "facts")
		return len(files) > 0
	}
	_, ok := schema.FormatOf(path)
	return ok
}

// tableFormats are the extensions of gwr extract's tables, in order of
// preference when a directory holds several.
var tableFormats = []string{".parquet", ".arrow", ".jsonl", ".csv"}

// tableFiles returns the files of the table name (facts, documents) in a
// directory written by gwr extract: DIR/name.<ext>, or for a partitioned
// output every part file under DIR/name/ (in path order). Of several
// formats the first of tableFormats is taken. It returns nil when there is
// none.
func tableFiles(dir, name string) ([]string, error) {
	for _, ext := range tableFormats {
		if p := filepath.Join(dir, name+ext); isFile(p) {
			return []string{p}, nil
		}
	}
	root := filepath.Join(dir, name)
	if info, err := os.Stat(root); err != nil || !info.IsDir() {
		return nil, nil
	}
	byExt := map[string][]string{}
	err := filepath.WalkDir(root, func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if strings.HasPrefix(e.Name(), ".") && p != root {
			if e.IsDir() {
				return filepath.SkipDir
			}
			return nil // a part file being written
		}
		if !e.IsDir() {
			byExt[filepath.Ext(p)] = append(byExt[filepath.Ext(p)], p)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	for _, ext := range tableFormats {
		if files := byExt[ext]; len(files) > 0 {
			sort.Strings(files)
			return files, nil
		}
	}
	return nil, nil
}

func isFile(p string) bool {
	info, err := os.Stat(p)
	return err == nil && !info.IsDir()
}

// load reads the documents of one input, with their facts and, when it can
// be had, their text. Problems that still leave something to show (a text
// not found or changed since extraction) go to warn.
func (s *sourceFlags) load(path string, warn func(string)) ([]review.Document, error) {
	if isFactsInput(path) {
		return s.loadFacts(path, warn)
	}
	return s.loadReports(path)
}

// loadReports decodes and extracts the reports of path (a file, a
// directory walked for reports, or - for standard input), as gwr extract
// does.
func (s *sourceFlags) loadReports(path string) ([]review.Document, error) {
	inputs, err := corpus.Discover([]string{path})
	if err != nil {
		return nil, err
	}
	if s.x == nil {
		seg, err := segment.Default()
		if err != nil {
			return nil, err
		}
		if s.x, err = extract.New(seg); err != nil {
			return nil, err
		}
	}
	opt := corpus.Options{Encoding: s.encoding, MaxBytes: s.maxBytes}
	var docs []review.Document
	for _, in := range inputs {
		doc, err := corpus.Load(in, opt)
		if err != nil {
			return nil, err
		}
		facts := s.x.Extract(extract.Document{ID: doc.ID, Text: doc.Text, HTML: doc.HTML, PlanYear: doc.Meta.Year})
		row := doc.Row(len(facts))
		docs = append(docs, review.Document{ID: doc.ID, Row: &row, Text: doc.Text, HasText: true, Facts: facts})
	}
	return docs, nil
}

// loadFacts reads a facts table (a file, or the directory gwr extract
// wrote, flat or partitioned) and the documents table beside it. Documents
// come in the order of the documents table, then documents that only the
// facts name, in order of their first fact. Each document's text is read
// from --corpus or from its path in the documents table; a text that
// cannot be found, or whose mentions do not match the facts, is left out
// with a warning.
func (s *sourceFlags) loadFacts(path string, warn func(string)) ([]review.Document, error) {
	factFiles, docFiles := []string{path}, []string(nil)
	if info, err := os.Stat(path); err == nil && info.IsDir() {
		if factFiles, err = tableFiles(path, "facts"); err != nil {
			return nil, err
		}
		if docFiles, err = tableFiles(path, "documents"); err != nil {
			return nil, err
		}
	} else if strings.HasPrefix(filepath.Base(path), "facts.") {
		// A facts file written by gwr extract: its documents table is
		// beside it, preferably in the same format.
		dir := filepath.Dir(path)
		if p := filepath.Join(dir, "documents"+filepath.Ext(path)); isFile(p) {
			docFiles = []string{p}
		} else if docFiles, err = tableFiles(dir, "documents"); err != nil {
			return nil, err
		}
	}
	var facts []schema.Fact
	for _, p := range factFiles {
		f, err := schema.ReadFacts(p)
		if err != nil {
			return nil, err
		}
		facts = append(facts, f...)
	}
	var rows []schema.Document
	for _, p := range docFiles {
		d, err := schema.ReadDocuments(p)
		if err != nil {
			return nil, err
		}
		rows = append(rows, d...)
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
	base := path
	if info, err := os.Stat(path); err == nil && !info.IsDir() {
		base = filepath.Dir(path)
	}
	for i := range docs {
		s.attachText(&docs[i], base, warn)
	}
	return docs, nil
}

// attachText looks for the text of d and keeps it if every fact's mention
// is at its offsets. Candidates: DIR/ID.txt, .html, .htm with --corpus;
// otherwise the documents table's path as given and, when relative,
// relative to the parent of the output directory base (gwr extract is
// usually run beside the corpus).
func (s *sourceFlags) attachText(d *review.Document, base string, warn func(string)) {
	var candidates []string
	if s.corpusDir != "" {
		if !plainName(d.ID) {
			warn(fmt.Sprintf("doc_id %s is not a plain file name: its text is not looked for in %s; showing its facts in their sentences", strconv.Quote(d.ID), s.corpusDir))
			return
		}
		for _, ext := range []string{".txt", ".html", ".htm"} {
			candidates = append(candidates, filepath.Join(s.corpusDir, d.ID+ext))
		}
	} else if d.Row != nil && d.Row.Path != "" && d.Row.Path != corpus.StdinPath {
		candidates = append(candidates, d.Row.Path)
		if !filepath.IsAbs(d.Row.Path) {
			candidates = append(candidates, filepath.Join(filepath.Dir(filepath.Clean(base)), d.Row.Path))
		}
	}
	opt := corpus.Options{Encoding: s.encoding, MaxBytes: s.maxBytes}
	for _, p := range candidates {
		if _, err := os.Stat(p); err != nil {
			continue
		}
		doc, err := corpus.Load(corpus.Input{Path: p, ID: d.ID}, opt)
		if err != nil {
			warn(fmt.Sprintf("%v; showing the facts of %s in their sentences", err, d.ID))
			return
		}
		if bad := mismatches(doc.Text, d.Facts); bad > 0 {
			warn(fmt.Sprintf("%s: %d of %d mentions of %s are not at their offsets (text changed since extraction?); showing them in their sentences", corpus.SafeName(p), bad, len(d.Facts), d.ID))
			return
		}
		if s.corpusDir == "" && (d.Row.SHA256 != "" && d.Row.SHA256 != doc.SHA256 || d.Row.SHA256 == "" && len(d.Facts) == 0) {
			// Only the very file the documents table names, by content (or,
			// in a table without hashes, a file every mention is found in):
			// a crafted table cannot make the page show another file.
			if d.Row.SHA256 != "" {
				warn(fmt.Sprintf("%s is not the file %s was extracted from (its SHA-256 differs from the documents table's); its text is not shown", corpus.SafeName(p), d.ID))
			}
			return
		}
		d.Text, d.HasText = doc.Text, true
		return
	}
	if len(d.Facts) == 0 {
		return
	}
	if len(candidates) == 0 {
		warn(fmt.Sprintf("no text for %s (no path in a documents table; use --corpus DIR); showing its facts in their sentences", d.ID))
		return
	}
	warn(fmt.Sprintf("no text for %s (looked for %s); showing its facts in their sentences", d.ID, strings.Join(candidates, ", ")))
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
