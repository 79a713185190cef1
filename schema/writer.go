package schema

import (
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"
)

// Output formats accepted by NewWriter.
const (
	FormatParquet = "parquet"
	FormatArrow   = "arrow"
	FormatJSONL   = "jsonl"
	FormatCSV     = "csv"
)

// formatTable is the one table of formats and their file extensions: the
// first extension of a format is the one gwr writes, the others are read
// as the same format.
var formatTable = []struct {
	format string
	exts   []string
}{
	{FormatParquet, []string{"parquet", "pq"}},
	{FormatArrow, []string{"arrow", "ipc", "feather"}},
	{FormatJSONL, []string{"jsonl", "ndjson"}},
	{FormatCSV, []string{"csv"}},
}

// Formats lists the output formats in the order they are documented, which
// is also the order of preference of a reader that finds several.
var Formats = func() []string {
	var fs []string
	for _, f := range formatTable {
		fs = append(fs, f.format)
	}
	return fs
}()

// Ext returns the file extension, without the dot, that gwr writes for
// format ("parquet", "arrow", "jsonl", "csv"), and "" for an unknown
// format.
func Ext(format string) string {
	for _, f := range formatTable {
		if f.format == format {
			return f.exts[0]
		}
	}
	return ""
}

// RowWriter streams the rows of one table to one file.
type RowWriter interface {
	// Write appends rows, which must be a slice of the table's row type:
	// []Fact, []Document or []ErrorRow. Rows may come in batches of any
	// size; the writer does not keep rows beyond its own buffer.
	Write(rows any) error
	// Close writes what is buffered and the file's footer. It does not
	// close the io.Writer given to NewWriter.
	Close() error
}

// NewWriter returns a writer of table t's rows to w in format: "parquet",
// "arrow" (Arrow IPC file), "jsonl" or "csv". Parquet and Arrow files carry
// t.ArrowSchema(m) and its key/value metadata; JSON Lines and CSV carry no
// metadata. The same rows and m give byte-identical output.
func NewWriter(format string, t *Table, m Meta, w io.Writer) (RowWriter, error) {
	switch format {
	case FormatParquet:
		return newParquetWriter(t, m, w)
	case FormatArrow:
		return newArrowWriter(t, m, w), nil
	case FormatJSONL:
		return newJSONLWriter(t, w), nil
	case FormatCSV:
		return newCSVWriter(t, w)
	}
	return nil, fmt.Errorf("schema: unknown format %q (want one of %s)", format, strings.Join(Formats, ", "))
}

// FormatOf returns the format a file name's extension stands for: .parquet
// and .pq for parquet; .arrow, .ipc and .feather for arrow; .jsonl and
// .ndjson for jsonl; .csv for csv (in any case). It reports false for
// anything else.
func FormatOf(path string) (string, bool) {
	ext := strings.TrimPrefix(strings.ToLower(filepath.Ext(path)), ".")
	for _, f := range formatTable {
		if slices.Contains(f.exts, ext) {
			return f.format, true
		}
	}
	return "", false
}

// nopCloser hides the Close method of a writer, so that libraries that close
// their sink leave the caller's writer open.
type nopCloser struct{ io.Writer }
