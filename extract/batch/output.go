package batch

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/gwrfacts/gwr/schema"
)

// Output writes the facts, documents and errors tables into a directory,
// one file per table and format (facts.parquet, documents.jsonl …). Files
// are written as hidden temporary files in the same directory and renamed
// into place by Commit, so a crash leaves the previous output intact.
type Output struct {
	dir   string
	files []*tableFile
}

type tableFile struct {
	table     *schema.Table
	final     string
	tmp       *os.File
	buf       *bufio.Writer
	w         schema.RowWriter
	committed bool
}

// Extensions maps a format name to its file extension.
var Extensions = map[string]string{
	schema.FormatParquet: "parquet",
	schema.FormatArrow:   "arrow",
	schema.FormatJSONL:   "jsonl",
	schema.FormatCSV:     "csv",
}

// Create starts the output files for formats in dir, creating dir if
// needed.
func Create(dir string, formats []string, meta schema.Meta) (*Output, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("batch: %w", err)
	}
	o := &Output{dir: dir}
	for _, f := range formats {
		ext, ok := Extensions[f]
		if !ok {
			o.Abort()
			return nil, fmt.Errorf("batch: unknown format %q (want parquet, arrow, jsonl or csv)", f)
		}
		for _, t := range []*schema.Table{schema.FactsTable, schema.DocumentsTable, schema.ErrorsTable} {
			tf := &tableFile{table: t, final: filepath.Join(dir, t.Name+"."+ext)}
			tmp, err := os.CreateTemp(dir, "."+t.Name+"."+ext+".tmp-*")
			if err != nil {
				o.Abort()
				return nil, fmt.Errorf("batch: %w", err)
			}
			tf.tmp, tf.buf = tmp, bufio.NewWriterSize(tmp, 1<<20)
			o.files = append(o.files, tf)
			if tf.w, err = schema.NewWriter(f, t, meta, tf.buf); err != nil {
				o.Abort()
				return nil, err
			}
		}
	}
	return o, nil
}

// Add writes one document's rows.
func (o *Output) Add(r Result) error {
	for _, tf := range o.files {
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

// Commit finishes every file and renames it into place.
func (o *Output) Commit() error {
	for _, tf := range o.files {
		if err := tf.finish(); err != nil {
			o.Abort()
			return fmt.Errorf("batch: writing %s: %w", tf.final, err)
		}
	}
	for _, tf := range o.files {
		if err := os.Rename(tf.tmp.Name(), tf.final); err != nil {
			o.Abort()
			return fmt.Errorf("batch: %w", err)
		}
		tf.committed = true
	}
	return syncDir(o.dir)
}

func (tf *tableFile) finish() error {
	return errors.Join(tf.w.Close(), tf.buf.Flush(), tf.tmp.Sync(), tf.tmp.Close())
}

// Abort removes the temporary files not yet renamed into place.
func (o *Output) Abort() {
	for _, tf := range o.files {
		if tf.tmp != nil && !tf.committed {
			tf.tmp.Close()
			os.Remove(tf.tmp.Name())
		}
	}
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
