package batch

import (
	"bufio"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/gwrfacts/gwr/corpus"
	"github.com/gwrfacts/gwr/schema"
)

// Output writes the facts, documents and errors tables of a run into a
// directory, in one or more formats, in one of two layouts:
//
//   - single files (the default): DIR/facts.parquet, DIR/documents.parquet,
//     DIR/errors.parquet (and .arrow, .jsonl, .csv for the other formats);
//   - partitioned (CreateOptions.PartitionBy): Hive-style directories, see
//     PartitionBy.
//
// Files are written under hidden temporary names in DIR and renamed into
// place by Commit, so a run that fails or is killed leaves what DIR held
// before intact. With CreateOptions.Append the rows DIR already holds are
// kept and the run's rows added after them; Has tells which documents are
// there already, and Run's Options.Skip takes it to leave them out.
type Output struct {
	dir     string
	formats []string
	meta    schema.Meta
	known   map[string]bool // SHA-256 of the documents already in dir (Append)
	ids     map[string]bool // doc_ids of the documents already in dir (Append)
	prev    bool            // dir holds tables of an earlier run
	single  []*tableFile    // single-file layout
	part    *partitioned    // partitioned layout
	tmps    []*os.File      // every temporary file, for Abort
	done    bool
}

// CreateOptions control Create.
type CreateOptions struct {
	// Append keeps the rows dir already holds and adds the run's rows.
	//
	// Single files are rewritten: the existing rows are streamed (never
	// all in memory) into the new temporary files, then the new rows, and
	// the files renamed into place on Commit. Old error rows whose path is
	// among Inputs are dropped: those inputs are tried again, and their
	// outcome in this run replaces the old one.
	//
	// Partitioned outputs only gain new part files; old ones are never
	// rewritten.
	//
	// Either way Append refuses a dir whose tables were written by another
	// schema version, tool version or rule set (mixing them in one dataset
	// would be silent), or that lacks one of the requested formats while
	// holding another.
	Append bool
	// Inputs are the paths of the run's inputs; see Append.
	Inputs []string
	// PartitionBy is nil for single files, or the partition keys of the
	// partitioned layout: any of "year" and "level", in that order (see
	// PartitionBy).
	PartitionBy []string
	// BufferBytes bounds the rows a partitioned output holds in memory
	// before it writes them to part files; 0 means DefaultBufferBytes.
	BufferBytes int64
}

// DefaultBufferBytes is the default of CreateOptions.BufferBytes.
const DefaultBufferBytes = 64 << 20

var tables = []*schema.Table{schema.FactsTable, schema.DocumentsTable, schema.ErrorsTable}

// Create starts the output in dir for formats, creating dir if needed. See
// Output and CreateOptions.
func Create(dir string, formats []string, meta schema.Meta, opt CreateOptions) (*Output, error) {
	o := &Output{dir: dir, meta: meta}
	for _, f := range formats {
		f = strings.TrimSpace(f)
		if schema.Ext(f) == "" {
			return nil, fmt.Errorf("batch: unknown format %q (want parquet, arrow, jsonl or csv)", f)
		}
		if !slices.Contains(o.formats, f) {
			o.formats = append(o.formats, f)
		}
	}
	if len(o.formats) == 0 {
		return nil, errors.New("batch: no output format given")
	}
	if len(opt.PartitionBy) > 0 && !validKeys(opt.PartitionBy) {
		return nil, fmt.Errorf("batch: cannot partition by %q (want year, level or year,level)", strings.Join(opt.PartitionBy, ","))
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("batch: %w", err)
	}
	var err error
	if len(opt.PartitionBy) == 0 {
		err = o.createSingle(opt)
	} else {
		err = o.createPartitioned(opt)
	}
	if err != nil {
		o.Abort()
		return nil, err
	}
	return o, nil
}

// Has reports whether a document with this SHA-256 (hex) was in the output
// directory before the run (only with CreateOptions.Append). It is safe
// for concurrent use.
func (o *Output) Has(sha256 string) bool { return o.known[sha256] }

// HasPrevious reports whether the output directory held tables of an
// earlier run when Create looked.
func (o *Output) HasPrevious() bool { return o.prev }

// Known returns the number of documents the output directory held before
// the run (only with CreateOptions.Append).
func (o *Output) Known() int { return len(o.known) }

// UniqueIDs gives each input whose doc_id a document already in the
// output directory has (only with CreateOptions.Append) the first free
// suffix "-2", "-3", … not taken there nor by another input, in input
// order, as corpus.Discover does within one run. So a/report.txt appended
// after b/report.txt, or an edited report.txt appended after the first
// version, is a document of its own, never facts merged under one doc_id.
// (An input whose content the directory holds is skipped anyway.)
func (o *Output) UniqueIDs(inputs []corpus.Input) {
	if len(o.ids) == 0 {
		return
	}
	used := map[string]bool{}
	for _, in := range inputs {
		used[in.ID] = true
	}
	for i, in := range inputs {
		if !o.ids[in.ID] {
			continue
		}
		for n := 2; ; n++ {
			c := in.ID + "-" + strconv.Itoa(n)
			if !o.ids[c] && !used[c] {
				inputs[i].ID = c
				used[c] = true
				break
			}
		}
	}
}

// tableFile is one table in one format, written to a temporary file.
type tableFile struct {
	table     *schema.Table
	final     string
	tmp       *os.File
	buf       *bufio.Writer
	w         schema.RowWriter
	committed bool
}

// newTemp creates a hidden temporary file in the output directory.
func (o *Output) newTemp(pattern string) (*os.File, error) {
	f, err := os.CreateTemp(o.dir, pattern)
	if err != nil {
		return nil, fmt.Errorf("batch: %w", err)
	}
	o.tmps = append(o.tmps, f)
	return f, nil
}

// openTable starts a writer of t in format to a new temporary file.
func (o *Output) openTable(t *schema.Table, format, final string) (*tableFile, error) {
	tmp, err := o.newTemp("." + t.Name + "." + schema.Ext(format) + ".tmp-*")
	if err != nil {
		return nil, err
	}
	tf := &tableFile{table: t, final: final, tmp: tmp, buf: bufio.NewWriterSize(tmp, 1<<20)}
	if tf.w, err = schema.NewWriter(format, t, o.meta, tf.buf); err != nil {
		return nil, err
	}
	return tf, nil
}

func (o *Output) createSingle(opt CreateOptions) error {
	if opt.Append {
		if err := o.checkSingle(); err != nil {
			return err
		}
		o.known, o.ids = map[string]bool{}, map[string]bool{}
	}
	retried := map[string]bool{}
	for _, p := range opt.Inputs {
		retried[p] = true
	}
	for _, f := range o.formats {
		for _, t := range tables {
			final := filepath.Join(o.dir, t.Name+"."+schema.Ext(f))
			tf, err := o.openTable(t, f, final)
			if err != nil {
				return err
			}
			o.single = append(o.single, tf)
			o.prev = o.prev || exists(final)
			if !opt.Append || !exists(final) {
				continue
			}
			err = t.Scan(final, func(rows any) error {
				switch rows := rows.(type) {
				case []schema.Document:
					for _, d := range rows {
						o.known[d.SHA256] = true
						o.ids[d.DocID] = true
					}
				case []schema.ErrorRow:
					rows = slices.DeleteFunc(rows, func(e schema.ErrorRow) bool { return retried[e.Path] })
					if len(rows) == 0 {
						return nil
					}
					return tf.w.Write(rows)
				}
				return tf.w.Write(rows)
			})
			if err != nil {
				return fmt.Errorf("batch: --append: copying %s: %w", final, err)
			}
		}
	}
	return nil
}

// Add writes one document's rows.
func (o *Output) Add(r Result) error {
	if o.part != nil {
		return o.part.add(r)
	}
	for _, tf := range o.single {
		var err error
		switch tf.table {
		case schema.FactsTable:
			if len(r.Facts) > 0 {
				err = tf.w.Write(r.Facts)
			}
		case schema.DocumentsTable:
			if r.Doc != nil {
				err = tf.w.Write([]schema.Document{*r.Doc})
			}
		case schema.ErrorsTable:
			if r.Err != nil {
				err = tf.w.Write([]schema.ErrorRow{*r.Err})
			}
		}
		if err != nil {
			return fmt.Errorf("batch: writing %s: %w", tf.final, err)
		}
	}
	return nil
}

// Commit finishes every file and renames it into place. On an error the
// temporary files are removed and what the directory held before the run
// stays.
func (o *Output) Commit() error {
	var err error
	if o.part != nil {
		err = o.part.commit()
	} else {
		err = o.commitSingle()
	}
	if err != nil {
		o.Abort()
		return err
	}
	o.done = true
	return nil
}

func (o *Output) commitSingle() error {
	for _, tf := range o.single {
		if err := tf.finish(); err != nil {
			return fmt.Errorf("batch: writing %s: %w", tf.final, err)
		}
	}
	for _, tf := range o.single {
		if err := publish(tf.tmp.Name(), tf.final, true); err != nil {
			return err
		}
		tf.committed = true
	}
	if err := o.writeMeta(); err != nil {
		return err
	}
	return syncDir(o.dir)
}

// finish writes the footer and closes the temporary file.
func (tf *tableFile) finish() error {
	return errors.Join(tf.w.Close(), tf.buf.Flush(), tf.tmp.Sync(), tf.tmp.Close())
}

// publish makes the temporary file tmp the file final, readable by all as
// a file written with os.Create would be. With replace false an existing
// final is kept and tmp removed.
func publish(tmp, final string, replace bool) error {
	if !replace && exists(final) {
		return os.Remove(tmp)
	}
	if err := os.Chmod(tmp, 0o644); err != nil {
		return fmt.Errorf("batch: %w", err)
	}
	if err := os.Rename(tmp, final); err != nil {
		return fmt.Errorf("batch: %w", err)
	}
	return nil
}

// Abort removes the temporary files not yet renamed into place. It may be
// called after Commit, and more than once.
func (o *Output) Abort() {
	if o.done {
		return
	}
	for _, f := range o.tmps {
		f.Close()
		os.Remove(f.Name()) // fails harmlessly for a file already renamed
	}
	o.tmps = nil
}

func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return fmt.Errorf("batch: %w", err)
	}
	defer d.Close()
	d.Sync() // best effort: some file systems do not sync directories
	return nil
}

func exists(path string) bool {
	_, err := os.Stat(path)
	return !errors.Is(err, fs.ErrNotExist)
}

func isDir(path string) bool {
	info, err := os.Stat(path)
	return err == nil && info.IsDir()
}
