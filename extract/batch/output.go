package batch

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"maps"
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
// Create takes a lock on DIR (see CreateOptions.Wait), held until Commit
// or Abort, so two runs never write one directory at once. Every table of
// a run, in either layout, is written into a new generation directory and
// committed all at once by one rename (see Snapshot): a run that fails or
// is killed leaves what DIR held before intact, and the next run removes
// what it left. With CreateOptions.Append the rows DIR already holds are
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
	lock    *dirLock
	gen     string // the new generation's name
	done    bool
	// tailEnded is set once the facts' row group has ended before the
	// last tailDocs inputs (Add).
	tailEnded bool
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
	// Wait, if set, makes Create wait while another run holds the lock on
	// the directory, until the lock is free or Wait is done; Waiting, if
	// set, is called once with a description of the holder ("pid 1234,
	// since …") when Create starts to wait. Without Wait, a locked
	// directory is a *LockError.
	Wait    context.Context
	Waiting func(holder string)

	// repair (Repair) replaces partitioned tables without Append.
	repair bool
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
	if o.lock, err = lockDir(opt.Wait, dir, opt.Waiting); err != nil {
		return nil, err
	}
	cleanStale(dir)
	if err := relink(dir); err != nil {
		o.Abort()
		return nil, err
	}
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
// (An input whose content the directory holds is skipped anyway.) A
// renamed input keeps its old ID in Renamed, so that a --manifest row
// written for it still applies.
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
				inputs[i].ID, inputs[i].Renamed = c, in.ID
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

// writeback writes to a table's file and starts the writing back to disk
// of what it wrote at once (startWriteback), a buffer (a megabyte) at a
// time: the file goes to disk while the run goes on, and the Sync of
// Commit, on which the run waits, finds only its last part and its
// metadata left to write.
type writeback struct {
	f   *os.File
	off int64 // bytes written so far
}

func (w *writeback) Write(p []byte) (int, error) {
	n, err := w.f.Write(p)
	startWriteback(w.f, w.off, int64(n))
	w.off += int64(n)
	return n, err
}

// newTemp creates a hidden temporary file in the directory sub of the
// output directory.
func (o *Output) newTemp(sub, pattern string) (*os.File, error) {
	f, err := os.CreateTemp(filepath.Join(o.dir, sub), pattern)
	if err != nil {
		return nil, fmt.Errorf("batch: %w", err)
	}
	o.tmps = append(o.tmps, f)
	return f, nil
}

// openTable starts a writer of t in format to a new temporary file.
func (o *Output) openTable(t *schema.Table, format, final string) (*tableFile, error) {
	tmp, err := os.OpenFile(final, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return nil, fmt.Errorf("batch: %w", err)
	}
	o.tmps = append(o.tmps, tmp)
	tf := &tableFile{table: t, final: final, tmp: tmp, buf: bufio.NewWriterSize(&writeback{f: tmp}, 1<<20)}
	if tf.w, err = schema.NewWriter(format, t, o.meta, tf.buf); err != nil {
		return nil, err
	}
	return tf, nil
}

// newGeneration makes the directory of the run's generation, numbered
// after every generation in the state directory.
func (o *Output) newGeneration() error {
	state := filepath.Join(o.dir, stateDir)
	gens, err := generations(state)
	if err != nil {
		return err
	}
	last := 0
	for _, n := range gens {
		last = max(last, n)
	}
	o.gen = genName(last + 1)
	if err := os.Mkdir(filepath.Join(state, o.gen), 0o755); err != nil {
		return fmt.Errorf("batch: %w", err)
	}
	return nil
}

func (o *Output) createSingle(opt CreateOptions) error {
	if err := o.newGeneration(); err != nil {
		return err
	}
	state := filepath.Join(o.dir, stateDir)
	snap := Snapshot(o.dir)
	if opt.Append {
		if err := o.checkSingle(); err != nil {
			return err
		}
		o.known, o.ids = map[string]bool{}, map[string]bool{}
		if err := o.keepTexts(snap, nil); err != nil {
			return err
		}
	}
	retried := map[string]bool{}
	for _, p := range opt.Inputs {
		retried[p] = true
	}
	var first *agreement
	for _, f := range o.formats {
		agree := &agreement{docs: map[string]int32{}, facts: map[string]*factRun{}}
		for _, t := range tables {
			name := t.Name + "." + schema.Ext(f)
			tf, err := o.openTable(t, f, filepath.Join(state, o.gen, name))
			if err != nil {
				return err
			}
			o.single = append(o.single, tf)
			old := filepath.Join(snap, name)
			o.prev = o.prev || exists(old)
			if !opt.Append || !exists(old) {
				continue
			}
			err = t.Scan(old, func(rows any) error {
				switch rows := rows.(type) {
				case []schema.Document:
					for _, d := range rows {
						o.known[d.SHA256] = true
						o.ids[d.DocID] = true
						if err := agree.doc(d); err != nil {
							return err
						}
					}
				case []schema.Fact:
					for _, f := range rows {
						if err := agree.fact(f); err != nil {
							return err
						}
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
			var dis *disagreement
			if errors.As(err, &dis) {
				return fmt.Errorf("batch: --append: the tables in %s disagree: %s %s; they were not written by one gwr run (an older gwr killed while renaming them?). "+
					"Run gwr repair %s (it keeps the documents whose rows agree and names the inputs to extract again), or extract again into it without --append (all inputs)", o.dir, old, dis.what, o.dir)
			}
			if err != nil {
				return fmt.Errorf("batch: --append: copying %s: %w", old, err)
			}
		}
		if opt.Append {
			if err := agree.check(); err != nil {
				return fmt.Errorf("batch: --append: the tables in %s disagree: %s; they were not written by one gwr run (an older gwr killed while renaming them?). "+
					"Run gwr repair %s (it keeps the documents whose rows agree and names the inputs to extract again), or extract again into it without --append (all inputs)", o.dir, err, o.dir)
			}
			if first == nil {
				first = agree
			} else if !maps.Equal(first.docs, agree.docs) {
				return fmt.Errorf("batch: --append: the tables in %s disagree: the %s tables hold other documents than the %s tables. "+
					"Run gwr repair %s (it keeps the documents whose rows agree and names the inputs to extract again), or extract again into it without --append (all inputs)", o.dir, f, o.formats[0], o.dir)
			}
		}
	}
	return nil
}

// TextDir is where the run keeps the texts of documents not read from a
// plain .txt or .html file (TextFile): the directory TextsDir inside the
// run's generation, committed with the tables and shown as DIR/texts (a
// link, like the tables). With Append, the texts of the documents already
// there are kept (linked into the new generation).
func (o *Output) TextDir() string {
	if o.gen == "" {
		return filepath.Join(o.dir, TextsDir)
	}
	return filepath.Join(o.dir, stateDir, o.gen, TextsDir)
}

// keepTexts links the texts of the committed generation snap (or of a
// DIR/texts an older gwr wrote) into the new generation: all of them, or
// those of the doc_ids in only.
func (o *Output) keepTexts(snap string, only map[string]bool) error {
	var names map[string]bool
	if only != nil {
		names = map[string]bool{}
		for id := range only {
			names[TextFile(id)] = true
		}
	}
	old := filepath.Join(snap, TextsDir)
	entries, err := os.ReadDir(old)
	if err != nil {
		return nil // none
	}
	dst := o.TextDir()
	if err := os.MkdirAll(dst, 0o755); err != nil {
		return fmt.Errorf("batch: %w", err)
	}
	for _, e := range entries {
		if !e.Type().IsRegular() || strings.HasPrefix(e.Name(), ".") || names != nil && !names[e.Name()] {
			continue
		}
		from, to := filepath.Join(old, e.Name()), filepath.Join(dst, e.Name())
		if err := os.Link(from, to); err != nil {
			if err := copyFile(from, to); err != nil {
				return fmt.Errorf("batch: keeping %s: %w", from, err)
			}
		}
	}
	return nil
}

// copyFile copies the regular file from to a new file to.
func copyFile(from, to string) error {
	b, err := os.ReadFile(from)
	if err != nil {
		return err
	}
	return os.WriteFile(to, b, 0o644)
}

// tailDocs and lastDocs are how many of a run's last inputs have the
// last row groups of the facts table to themselves (single Parquet
// files): a row group ends when the input before the last tailDocs is
// added, and again when the one before the last lastDocs is, each written
// while the workers still extract the inputs after it, rather than at the
// end, when nothing else is left to do (encoding a full row group costs
// about as much as extracting 30 reports). What Commit still encodes after
// the last input is then the facts of lastDocs reports (about 2,100 on
// the bench corpus, where those of tailDocs were 8,500). Left
// (Result.Left), not timing, decides, so that every run of the same
// inputs writes the same bytes. The second row group ends only after the
// first did: a run of fewer inputs than tailDocs writes its facts as one
// row group, the bytes an --append that adds to it writes too
// (TestExtractAppend).
const (
	tailDocs = 32
	lastDocs = 8
)

// Add writes one document's rows.
func (o *Output) Add(r Result) error {
	if o.part != nil {
		return o.part.add(r)
	}
	if err := o.addSingle(r); err != nil {
		return err
	}
	switch {
	case r.Left == tailDocs:
		o.tailEnded = true
		return o.endFactsRowGroup()
	case r.Left == lastDocs && o.tailEnded:
		return o.endFactsRowGroup()
	}
	return nil
}

// addSingle writes one document's rows to the single files.
func (o *Output) addSingle(r Result) error {
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

// endFactsRowGroup writes the facts buffered so far as a row group of
// their own (schema's parquet writer; other formats have no row groups).
func (o *Output) endFactsRowGroup() error {
	for _, tf := range o.single {
		w, ok := tf.w.(interface{ EndRowGroup() error })
		if tf.table != schema.FactsTable || !ok {
			continue
		}
		if err := w.EndRowGroup(); err != nil {
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
	o.release()
	return nil
}

func (o *Output) commitSingle() error {
	var names []string
	for _, tf := range o.single {
		if err := tf.flush(); err != nil {
			return fmt.Errorf("batch: writing %s: %w", tf.final, err)
		}
		names = append(names, filepath.Base(tf.final))
	}
	// Every file is written out, and its writing back to disk started,
	// before any is synced: the disk writes one while the next is
	// encoded, and each Sync finds little left to wait for.
	for _, tf := range o.single {
		if err := errors.Join(tf.tmp.Sync(), tf.tmp.Close()); err != nil {
			return fmt.Errorf("batch: writing %s: %w", tf.final, err)
		}
	}
	return o.switchTo(names)
}

// switchTo commits the run's generation, which holds names (table files
// or directories) besides the texts and gwr.json it adds.
func (o *Output) switchTo(names []string) error {
	if texts := o.TextDir(); isDir(texts) {
		if err := syncDir(texts); err != nil {
			return err
		}
		names = append(names, TextsDir)
	}
	if err := o.writeMeta(); err != nil {
		return err
	}
	return switchGeneration(o.dir, o.gen, append(names, MetaFile))
}

// flush writes the footer and what is buffered to the temporary file, and
// starts writing the file back to disk (startWriteback); the file is
// neither synced nor closed.
func (tf *tableFile) flush() error {
	err := errors.Join(tf.w.Close(), tf.buf.Flush())
	startWriteback(tf.tmp, 0, 0)
	return err
}

// Abort removes the temporary files not yet renamed into place (and the
// new generation, unless it was committed) and releases the lock. It may
// be called after Commit, and more than once.
func (o *Output) Abort() {
	if o.done {
		o.release()
		return
	}
	for _, f := range o.tmps {
		f.Close()
		if o.gen == "" {
			os.Remove(f.Name()) // fails harmlessly for a file already renamed
		}
	}
	o.tmps = nil
	gen := ""
	if o.gen != "" && filepath.Base(Snapshot(o.dir)) != o.gen {
		gen = filepath.Join(o.dir, stateDir, o.gen)
	}
	// The lock goes first, and with it a file descriptor: a run that
	// failed for want of descriptors may have no other to remove its
	// generation with. Another run may then take the lock: it numbers its
	// generation after this one, which it never reads.
	o.release()
	if gen != "" {
		removeTree(gen)
	}
}

// removeTree removes dir and everything under it, as os.RemoveAll does,
// with one file descriptor open at a time where os.RemoveAll holds one
// for each level it descends (a partitioned table's generation is three
// deep): each directory is listed and closed before what it holds is
// removed. An output aborted because the process ran out of descriptors
// is removed all the same (TestFaults).
func removeTree(dir string) error {
	if err := os.Remove(dir); err == nil || errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return err
	}
	for _, e := range entries {
		p := filepath.Join(dir, e.Name())
		if e.IsDir() {
			removeTree(p)
		} else {
			os.Remove(p)
		}
	}
	return os.Remove(dir)
}

// release removes the generations the commit replaced and unlocks the
// directory.
func (o *Output) release() {
	if o.lock == nil {
		return
	}
	if o.done {
		cleanStale(o.dir)
	}
	o.lock.unlock()
	o.lock = nil
}
