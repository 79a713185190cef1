package batch

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/gwrfacts/gwr/schema"
)

// PartitionBy is the full partitioning: by the document's plan year and
// administrative level. CreateOptions.PartitionBy takes it or any part of
// it in the same order: year alone, level alone, or year then level.
//
// The partitioned layout is Hive-style, as DuckDB, Spark, Polars and
// pyarrow read it:
//
//	DIR/documents/doc_year=2024/level=county/part-<hash>.parquet
//	DIR/facts/doc_year=2024/level=county/part-<hash>.parquet
//	DIR/errors/part-<hash>.parquet
//
// Documents are partitioned by their year and level columns
// (schema.PartitionPathBy: a null year or an empty level is
// __HIVE_DEFAULT_PARTITION__); a fact goes where its document goes. The
// year's key is doc_year (schema.YearKey), not year: Hive readers replace
// a file's column with the directory's value of the same name (DuckDB
// does, without a word), which would overwrite every fact's year (the
// year the figure is for) with its document's and turn the documents'
// INTEGER year into the key's BIGINT. Errors are not partitioned: a
// document that failed to load has no year or level. Every run writes an
// errors part, an empty one when nothing failed, so that a reader of
// DIR/errors/* always finds the table.
//
// A run writes at most one part file per partition and table (more when
// the rows it holds outgrow CreateOptions.BufferBytes: part-<hash>-1,
// part-<hash>-2 …). The hash names the content: for documents and facts,
// the first 16 hex digits of the SHA-256 of the path and SHA-256 of every
// document of the run in that partition; for errors, of the path, stage
// and message of every error row. So shards of one corpus never write the
// same name, and running the same run again writes the same names, which
// are kept and not written over.
//
// The part files of a run are written into its generation (see Snapshot):
// DIR/facts, DIR/documents and DIR/errors are links to the trees of the
// committed generation, which all change with one rename. --append links
// the part files already there into the new generation (a hard link, or a
// copy where the file system has none) and adds its own.
var PartitionBy = schema.PartitionKeys

// validKeys reports whether keys are PartitionBy or a part of it in the
// same order, without repeats.
func validKeys(keys []string) bool {
	i := 0
	for _, k := range keys {
		for i < len(PartitionBy) && PartitionBy[i] != k {
			i++
		}
		if i == len(PartitionBy) {
			return false
		}
		i++
	}
	return len(keys) > 0
}

// hashDigits is the number of hex digits of a part file's hash.
const hashDigits = 16

// partitionDir returns the directory, relative to the output directory, of
// table t's rows of the document partition path ("" for the errors).
func partitionDir(t *schema.Table, path string) string {
	return filepath.Join(t.Name, filepath.FromSlash(path))
}

// documentsPart returns the documents part whose presence marks the facts
// part factsPart of the output directory dir complete: the part of the
// same name in the same partition of the documents table.
func documentsPart(dir, factsPart string) string {
	rel, _ := filepath.Rel(filepath.Join(dir, schema.FactsTable.Name), factsPart)
	return filepath.Join(dir, schema.DocumentsTable.Name, rel)
}

// keysOf returns the partition keys of a part file's directory relative to
// its table's directory: "doc_year=2024/level=city" gives year, level.
func keysOf(rel string) []string {
	var keys []string
	for _, seg := range strings.Split(filepath.ToSlash(filepath.Dir(rel)), "/") {
		k, _, ok := strings.Cut(seg, "=")
		if !ok {
			continue
		}
		if k == schema.YearKey {
			k = "year"
		}
		keys = append(keys, k)
	}
	return keys
}

// partitioned buffers rows by partition and writes them as part files.
type partitioned struct {
	o        *Output
	keys     []string // the partition keys, a part of PartitionBy
	budget   int64
	buffered int64
	parts    map[string]*partBuf // by partition path
	errs     *partBuf
	pending  []pendingFile
	// committing is set by commit: flush then writes an empty errors part
	// when no error was written before.
	committing bool
}

// partBuf holds the rows of one partition (or the errors) not yet written.
type partBuf struct {
	path   string // "doc_year=2024/level=county"; "" for the errors
	docs   []schema.Document
	facts  []schema.Fact
	errs   []schema.ErrorRow
	bytes  int64
	chunks int       // part files written so far
	hash   hash.Hash // of the identities of every row of the run
}

// pendingFile is a written part file waiting for its name.
type pendingFile struct {
	tmp   string
	table *schema.Table
	ext   string
	buf   *partBuf
	chunk int
}

func (o *Output) createPartitioned(opt CreateOptions) error {
	p := &partitioned{o: o, keys: opt.PartitionBy, budget: opt.BufferBytes, parts: map[string]*partBuf{}, errs: &partBuf{hash: sha256.New()}}
	if p.budget <= 0 {
		p.budget = DefaultBufferBytes
	}
	o.part = p
	if err := o.newGeneration(); err != nil {
		return err
	}
	snap := Snapshot(o.dir)
	files := map[*schema.Table][]string{}
	for _, t := range tables {
		found, err := partFiles(filepath.Join(snap, t.Name))
		if err != nil {
			return err
		}
		files[t] = found
		o.prev = o.prev || len(found) > 0
	}
	if opt.repair {
		return nil
	}
	if !opt.Append {
		for _, t := range tables {
			if len(files[t]) > 0 {
				return fmt.Errorf("batch: %s already holds a partitioned %s table (%s): add to it with --append, or write to a new directory",
					o.dir, t.Name, filepath.Join(o.dir, t.Name))
			}
		}
		return nil
	}
	for _, t := range tables {
		for _, f := range schema.Formats {
			if name := filepath.Join(snap, t.Name+"."+schema.Ext(f)); exists(name) {
				return fmt.Errorf("batch: --append: %s holds single-file tables (%s); append to it without --partition-by",
					o.dir, filepath.Join(o.dir, filepath.Base(name)))
			}
		}
	}
	var present []string
	for _, t := range tables {
		for _, name := range files[t] {
			f, _ := schema.FormatOf(name)
			if !slices.Contains(present, f) {
				present = append(present, f)
			}
		}
	}
	if err := o.checkFormats(present); err != nil {
		return err
	}
	for _, name := range files[schema.DocumentsTable] {
		rel, _ := filepath.Rel(filepath.Join(snap, schema.DocumentsTable.Name), name)
		if have := keysOf(rel); !slices.Equal(have, p.keys) {
			return fmt.Errorf("batch: --append: %s is partitioned by %s (%s), this run by %s: append with --partition-by %s",
				o.dir, strings.Join(have, ","), name, strings.Join(p.keys, ","), strings.Join(have, ","))
		}
	}
	o.known, o.ids = map[string]bool{}, map[string]bool{}
	first := "." + schema.Ext(o.formats[0])
	for _, name := range files[schema.DocumentsTable] {
		if err := o.checkMeta(name); err != nil {
			return err
		}
		if !strings.HasSuffix(name, first) {
			continue
		}
		err := schema.DocumentsTable.Scan(name, func(rows any) error {
			for _, d := range rows.([]schema.Document) {
				o.known[d.SHA256] = true
				o.ids[d.DocID] = true
			}
			return nil
		})
		if err != nil {
			return err
		}
	}
	if err := o.checkParts(snap, files); err != nil {
		return err
	}
	// the parts already there go into the new generation as they are
	gen := filepath.Join(o.dir, stateDir, o.gen)
	for _, t := range tables {
		for _, name := range files[t] {
			if t == schema.FactsTable && !exists(documentsPart(snap, name)) {
				// left without its documents part by an older gwr
				// killed while renaming parts: its documents are not
				// in the table, so they are extracted again
				continue
			}
			rel, _ := filepath.Rel(snap, name)
			if err := linkFile(name, filepath.Join(gen, rel)); err != nil {
				return err
			}
		}
	}
	return o.keepTexts(snap, nil)
}

// checkParts checks, before an append, that the partitioned tables in
// snap agree, as createSingle does for single files: in each format each
// document once, its facts numbered in order and as many as its row says,
// and every format holding the same documents. The facts of a facts part
// without its documents part (left by an older gwr) are not counted.
func (o *Output) checkParts(snap string, files map[*schema.Table][]string) error {
	refuse := func(what string) error {
		return fmt.Errorf("batch: --append: the tables in %s disagree: %s; they were not written by one gwr run (edited by hand?). "+
			"Run gwr repair %s (it keeps the documents whose rows agree and names the inputs to extract again), or extract again into it without --append (all inputs)", o.dir, what, o.dir)
	}
	var first *agreement
	for _, f := range o.formats {
		agree := &agreement{docs: map[string]int32{}, facts: map[string]*factRun{}}
		for _, t := range []*schema.Table{schema.DocumentsTable, schema.FactsTable} {
			for _, name := range files[t] {
				if g, _ := schema.FormatOf(name); g != f || t == schema.FactsTable && !exists(documentsPart(snap, name)) {
					continue
				}
				err := t.Scan(name, func(rows any) error {
					switch rows := rows.(type) {
					case []schema.Document:
						for _, d := range rows {
							if err := agree.doc(d); err != nil {
								return err
							}
						}
					case []schema.Fact:
						for _, fa := range rows {
							if err := agree.fact(fa); err != nil {
								return err
							}
						}
					}
					return nil
				})
				var dis *disagreement
				if errors.As(err, &dis) {
					return refuse(name + " " + dis.what)
				}
				if err != nil {
					return fmt.Errorf("batch: --append: reading %s: %w", name, err)
				}
			}
		}
		if err := agree.check(); err != nil {
			return refuse(fmt.Sprintf("the %s tables hold %v", f, err))
		}
		if first == nil {
			first = agree
		} else if !maps.Equal(first.docs, agree.docs) {
			return refuse(fmt.Sprintf("the %s tables hold other documents than the %s tables", f, o.formats[0]))
		}
	}
	return nil
}

// linkFile makes to (creating its directory) the file from: a hard link,
// or a copy where the file system has none.
func linkFile(from, to string) error {
	if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
		return fmt.Errorf("batch: %w", err)
	}
	if err := os.Link(from, to); err != nil {
		if err := copyFile(from, to); err != nil {
			return fmt.Errorf("batch: keeping %s: %w", from, err)
		}
	}
	return nil
}

// Rough sizes of a row beyond its strings, for the memory budget.
const (
	factOverhead = 160
	docOverhead  = 120
	errOverhead  = 64
)

func (p *partitioned) add(r Result) error {
	var b *partBuf
	var n int64
	switch {
	case r.Err != nil:
		b = p.errs
		e := *r.Err
		b.errs = append(b.errs, e)
		n = errOverhead + int64(len(e.DocID)+len(e.Path)+len(e.Stage)+len(e.Message))
		b.hash.Write([]byte(e.Path + "\x00" + e.Stage + "\x00" + e.Message + "\n"))
	case r.Doc != nil:
		key := schema.PartitionPathBy(p.keys, r.Doc.Year, r.Doc.Level)
		if b = p.parts[key]; b == nil {
			b = &partBuf{path: key, hash: sha256.New()}
			p.parts[key] = b
		}
		d := *r.Doc
		b.docs = append(b.docs, d)
		n = docOverhead + int64(len(d.DocID)+len(d.Path)+len(d.SHA256)+len(d.Encoding)+len(d.Region)+len(d.Level)+len(d.DocType))
		for _, f := range r.Facts {
			n += factOverhead + int64(len(f.DocID)+len(f.Mention)+len(f.Sentence)+len(f.Indicator)+len(f.Cue)+len(f.Measure)+
				len(f.Bound)+len(f.Unit)+len(f.UnitText)+len(f.Classifier)+len(f.Kind)+len(f.Hedge)+len(f.Rule))
		}
		b.facts = append(b.facts, r.Facts...)
		b.hash.Write([]byte(d.Path + "\x00" + d.SHA256 + "\n"))
	default:
		return nil
	}
	b.bytes += n
	p.buffered += n
	for p.buffered > p.budget {
		if err := p.flush(p.largest()); err != nil {
			return err
		}
	}
	return nil
}

// largest returns the buffer holding the most bytes, the first by path
// among equals, so that the part files depend only on the rows.
func (p *partitioned) largest() *partBuf {
	best := p.errs
	for _, b := range p.parts {
		if b.bytes > best.bytes || b.bytes == best.bytes && b.path < best.path {
			best = b
		}
	}
	return best
}

// flush writes the rows b holds as its next part files, one per table and
// format, and empties b.
//
// While committing, the errors buffer is written even when it never held a
// row: the run's errors table is then one empty part.
func (p *partitioned) flush(b *partBuf) error {
	if b.bytes == 0 && !(b == p.errs && b.chunks == 0 && p.committing) {
		return nil
	}
	write := func(t *schema.Table, rows any, n int) error {
		if n == 0 && !(t == schema.ErrorsTable && b == p.errs && b.chunks == 0 && p.committing) {
			return nil
		}
		for _, f := range p.o.formats {
			tmp, err := p.o.newTemp(filepath.Join(stateDir, p.o.gen), ".part-*.tmp")
			if err != nil {
				return err
			}
			buf := bufio.NewWriterSize(tmp, 1<<20)
			w, err := schema.NewWriter(f, t, p.o.meta, buf)
			if err != nil {
				return err
			}
			var werr error
			if n > 0 {
				werr = w.Write(rows)
			}
			if err := errors.Join(werr, w.Close(), buf.Flush(), tmp.Sync(), tmp.Close()); err != nil {
				return fmt.Errorf("batch: writing a %s part of %s: %w", t.Name, p.o.dir, err)
			}
			p.pending = append(p.pending, pendingFile{tmp: tmp.Name(), table: t, ext: schema.Ext(f), buf: b, chunk: b.chunks})
		}
		return nil
	}
	if err := errors.Join(
		write(schema.FactsTable, b.facts, len(b.facts)),
		write(schema.DocumentsTable, b.docs, len(b.docs)),
		write(schema.ErrorsTable, b.errs, len(b.errs)),
	); err != nil {
		return err
	}
	p.buffered -= b.bytes
	b.chunks++
	b.docs, b.facts, b.errs, b.bytes = nil, nil, nil, 0
	return nil
}

// final returns the path a pending file is renamed to.
func (p *partitioned) final(f pendingFile) string {
	name := "part-" + hex.EncodeToString(f.buf.hash.Sum(nil))[:hashDigits]
	if f.chunk > 0 {
		name += "-" + strconv.Itoa(f.chunk)
	}
	return filepath.Join(p.o.dir, stateDir, p.o.gen, partitionDir(f.table, f.buf.path), name+"."+f.ext)
}

// commit writes what is buffered, gives every part its name in the run's
// generation and commits the generation. A part whose name is there
// already (kept from the generation before) holds the same rows, and is
// left as it is.
func (p *partitioned) commit() error {
	keys := make([]string, 0, len(p.parts))
	for k := range p.parts {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		if err := p.flush(p.parts[k]); err != nil {
			return err
		}
	}
	p.committing = true
	if err := p.flush(p.errs); err != nil {
		return err
	}
	dirs := map[string]bool{}
	for _, f := range p.pending {
		final := p.final(f)
		if err := os.MkdirAll(filepath.Dir(final), 0o755); err != nil {
			return fmt.Errorf("batch: %w", err)
		}
		if err := publish(f.tmp, final, false); err != nil {
			return err
		}
		dirs[filepath.Dir(final)] = true
	}
	if err := commitStep("parts-named"); err != nil {
		return err
	}
	for d := range dirs {
		if err := syncDir(d); err != nil {
			return err
		}
	}
	gen := filepath.Join(p.o.dir, stateDir, p.o.gen)
	var names []string
	for _, t := range tables {
		if isDir(filepath.Join(gen, t.Name)) {
			if err := syncDir(filepath.Join(gen, t.Name)); err != nil {
				return err
			}
			names = append(names, t.Name)
		}
	}
	return p.o.switchTo(names)
}
