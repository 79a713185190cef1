package batch

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"

	"github.com/gwrfacts/gwr/schema"
)

// Dataset is the output of gwr extract opened for reading: the facts,
// documents and errors tables of a directory Output wrote, in either
// layout and any format, or a single table file. It is the one reader of
// that layout; every command that reads gwr's tables goes through it.
type Dataset struct {
	path        string
	dir         string
	format      string
	partitioned bool
	files       map[*schema.Table][]string
}

// Open opens path for reading: a directory written by gwr extract, or one
// table file.
//
// In a directory, the tables are DIR/<table>.<ext> (single files) or the
// part files under DIR/<table>/ (partitioned, see PartitionBy), read from
// the committed generation the links lead to (see Snapshot). When the
// directory holds several formats, the tables are read in the first of
// schema.Formats (parquet, arrow, jsonl, csv) the facts table is in (or,
// with no facts, any table). Hidden files and directories are skipped, and
// so is a facts part without its documents part (left by an older gwr,
// without generations, killed while renaming its parts). A directory holding both
// layouts is an error, as is one holding no table.
//
// A file is the table its name says (facts.<ext>, documents.<ext>,
// errors.<ext>), or else a facts table; the format is chosen by its
// extension (schema.FormatOf). Beside a file named like a table of a
// single-file output, the other tables of the same format in its
// directory belong to the dataset too.
func Open(path string) (*Dataset, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("batch: %w", err)
	}
	if !info.IsDir() {
		return openFile(path)
	}
	d := &Dataset{path: path, dir: path}
	flat := map[string]map[*schema.Table][]string{}   // by format
	parted := map[string]map[*schema.Table][]string{} // by format
	add := func(m map[string]map[*schema.Table][]string, t *schema.Table, p string) {
		f, _ := schema.FormatOf(p)
		if m[f] == nil {
			m[f] = map[*schema.Table][]string{}
		}
		m[f][t] = append(m[f][t], p)
	}
	snap := Snapshot(path) // every table of one committed run
	for _, t := range tables {
		for _, f := range schema.Formats {
			if p := filepath.Join(snap, t.Name+"."+schema.Ext(f)); isFile(p) {
				add(flat, t, p)
			}
			// a plain file beside the links (copied in, or left by
			// an older gwr): a table as well, read from where it is
			if p := filepath.Join(path, t.Name+"."+schema.Ext(f)); snap != path && isPlainFile(p) {
				add(flat, t, p)
			}
		}
		parts, err := partFiles(filepath.Join(snap, t.Name))
		if err != nil {
			return nil, err
		}
		for _, p := range parts {
			if t == schema.FactsTable && !isFile(documentsPart(snap, p)) {
				continue // an older gwr was killed before renaming its documents part
			}
			add(parted, t, p)
		}
	}
	switch {
	case len(flat) > 0 && len(parted) > 0:
		return nil, fmt.Errorf("batch: %s holds both single-file tables and partitioned ones: read one of them", path)
	case len(flat) == 0 && len(parted) == 0:
		return nil, fmt.Errorf("batch: %s holds no table written by gwr extract (facts.<ext> or facts/ part files, ext one of %s)",
			path, strings.Join(schema.Formats, ", "))
	}
	byFormat := flat
	if len(parted) > 0 {
		byFormat, d.partitioned = parted, true
	}
	d.format = preferred(byFormat)
	d.files = byFormat[d.format]
	return d, nil
}

// preferred returns the first of schema.Formats that holds a facts table,
// or else the first that holds any table.
func preferred(byFormat map[string]map[*schema.Table][]string) string {
	for _, f := range schema.Formats {
		if len(byFormat[f][schema.FactsTable]) > 0 {
			return f
		}
	}
	for _, f := range schema.Formats {
		if len(byFormat[f]) > 0 {
			return f
		}
	}
	return ""
}

// openFile opens a single table file; see Open.
func openFile(path string) (*Dataset, error) {
	format, ok := schema.FormatOf(path)
	if !ok {
		return nil, fmt.Errorf("batch: %s is not a table file (want a name ending in .%s)", path, strings.Join(extList(), ", ."))
	}
	d := &Dataset{path: path, dir: filepath.Dir(path), format: format, files: map[*schema.Table][]string{}}
	siblings := d.dir
	if snap := Snapshot(d.dir); snap != d.dir && isFile(filepath.Join(snap, filepath.Base(path))) {
		// a table of a committed generation, through its link: it and
		// the tables beside it are read from that one generation
		siblings, path = snap, filepath.Join(snap, filepath.Base(path))
	}
	own := schema.FactsTable
	for _, t := range tables {
		if strings.HasPrefix(filepath.Base(path), t.Name+".") {
			own = t
		}
	}
	d.files[own] = []string{path}
	if filepath.Base(path) == own.Name+"."+schema.Ext(format) {
		for _, t := range tables {
			if p := filepath.Join(siblings, t.Name+"."+schema.Ext(format)); t != own && isFile(p) {
				d.files[t] = []string{p}
			}
		}
	}
	return d, nil
}

// extList returns the extensions gwr writes.
func extList() []string {
	var exts []string
	for _, f := range schema.Formats {
		exts = append(exts, schema.Ext(f))
	}
	return exts
}

// IsOutput reports whether path is something Open reads: a file whose
// extension names a table format, or a directory holding tables written
// by gwr extract (rather than, say, a directory of reports).
func IsOutput(path string) bool {
	info, err := os.Stat(path)
	if err != nil {
		return false
	}
	if !info.IsDir() {
		_, ok := schema.FormatOf(path)
		return ok
	}
	_, err = Open(path)
	return err == nil
}

// Path returns the path Dataset was opened with.
func (d *Dataset) Path() string { return d.path }

// Dir returns the output directory: the path opened, or the directory of
// the table file opened.
func (d *Dataset) Dir() string { return d.dir }

// Format returns the format the tables are read in: "parquet", "arrow",
// "jsonl" or "csv".
func (d *Dataset) Format() string { return d.format }

// Partitioned reports whether the tables are Hive-partitioned part files.
func (d *Dataset) Partitioned() bool { return d.partitioned }

// Files returns the files of table t, in the order their rows are read:
// one file, or the part files sorted by path. It returns nil when the
// dataset has no such table.
func (d *Dataset) Files(t *schema.Table) []string { return d.files[t] }

// Has reports whether the dataset has table t. A partitioned output lacks
// a table only when the table has no rows (a run without facts writes no
// facts part); a single-file output or a table file may lack one.
func (d *Dataset) Has(t *schema.Table) bool { return len(d.files[t]) > 0 || d.partitioned }

// Scan hands the rows of table t to fn in order, file after file, at most
// schema.ScanRows at a time, as a slice of t's row type; memory stays
// bounded by one batch whatever the table's size. A table the dataset does
// not have (see Has) is an error naming the path opened; an error from fn
// stops the scan and is returned as it is.
func (d *Dataset) Scan(t *schema.Table, fn func(rows any) error) error {
	if !d.Has(t) {
		return fmt.Errorf("batch: %s: no %s table", d.path, t.Name)
	}
	for _, p := range d.files[t] {
		if err := t.Scan(p, fn); err != nil {
			return err
		}
	}
	return nil
}

// read collects the rows of table t into a slice of its row type.
func (d *Dataset) read(t *schema.Table) (any, error) {
	all := reflect.MakeSlice(reflect.SliceOf(t.RowType()), 0, 0)
	err := d.Scan(t, func(rows any) error {
		all = reflect.AppendSlice(all, reflect.ValueOf(rows))
		return nil
	})
	return all.Interface(), err
}

// Facts returns the rows of the facts table.
func (d *Dataset) Facts() ([]schema.Fact, error) {
	rows, err := d.read(schema.FactsTable)
	return rows.([]schema.Fact), err
}

// Documents returns the rows of the documents table.
func (d *Dataset) Documents() ([]schema.Document, error) {
	rows, err := d.read(schema.DocumentsTable)
	return rows.([]schema.Document), err
}

// Errors returns the rows of the errors table.
func (d *Dataset) Errors() ([]schema.ErrorRow, error) {
	rows, err := d.read(schema.ErrorsTable)
	return rows.([]schema.ErrorRow), err
}

// TextsDir is the directory of an output directory where gwr extract
// keeps the texts of documents not read from a plain .txt or .html file (a
// Word file, a PDF, an archive member), one file per document (TextFile),
// so that text[start:end] == mention can be checked for every document.
const TextsDir = "texts"

// TextFile is the name of the file in TextsDir holding the text of
// document docID: the doc_id with path separators replaced, and .txt.
func TextFile(docID string) string {
	return strings.NewReplacer("/", "_", `\`, "_").Replace(docID) + ".txt"
}

// TextPath returns the file in which the output directory dir keeps the
// text of document docID, if gwr extract kept it (see TextsDir).
func TextPath(dir, docID string) string {
	return filepath.Join(dir, TextsDir, TextFile(docID))
}

// isPlainFile reports whether p is a regular file, not a link.
func isPlainFile(p string) bool {
	info, err := os.Lstat(p)
	return err == nil && info.Mode().IsRegular()
}

func isFile(p string) bool {
	info, err := os.Stat(p)
	return err == nil && info.Mode().IsRegular()
}
