package schema

import (
	"bufio"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"reflect"
	"strconv"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/ipc"
	"github.com/apache/arrow-go/v18/arrow/memory"
	"github.com/apache/arrow-go/v18/parquet/file"
	"github.com/apache/arrow-go/v18/parquet/pqarrow"
)

// ReadFacts reads a facts table written by NewWriter. The format is chosen
// by the file's extension (see FormatOf).
func ReadFacts(path string) ([]Fact, error) {
	rows, err := FactsTable.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return rows.([]Fact), nil
}

// ReadDocuments reads a documents table written by NewWriter. The format is
// chosen by the file's extension (see FormatOf).
func ReadDocuments(path string) ([]Document, error) {
	rows, err := DocumentsTable.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return rows.([]Document), nil
}

// ReadErrors reads an errors table written by NewWriter. The format is
// chosen by the file's extension (see FormatOf).
func ReadErrors(path string) ([]ErrorRow, error) {
	rows, err := ErrorsTable.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return rows.([]ErrorRow), nil
}

// ReadFile reads the rows of table t from path and returns them as a slice
// of t's row type. The format is chosen by the file's extension (see
// FormatOf). Columns are matched by name: extra columns are ignored, a
// missing one is an error. A string column may be plain or dictionary
// encoded.
func (t *Table) ReadFile(path string) (any, error) {
	all := reflect.MakeSlice(reflect.SliceOf(t.rowType), 0, 0)
	err := t.Scan(path, func(rows any) error {
		all = reflect.AppendSlice(all, reflect.ValueOf(rows))
		return nil
	})
	if err != nil {
		return nil, err
	}
	return all.Interface(), nil
}

// ScanRows is the most rows Scan hands over at a time.
const ScanRows = 8192

// Scan reads the rows of table t from path like ReadFile, but hands them
// to fn in file order, at most ScanRows at a time, as a slice of t's row
// type, and never holds more than one batch (one Parquet record batch, one
// Arrow record batch): a table of any size is read in constant memory.
// An error from fn stops the scan and is returned as it is.
func (t *Table) Scan(path string, fn func(rows any) error) (err error) {
	format, ok := FormatOf(path)
	if !ok {
		return fmt.Errorf("schema: %s: unknown file extension", path)
	}
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("schema: %w", err)
	}
	defer f.Close()
	// The Arrow and Parquet readers panic on some malformed files.
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("schema: %s: malformed %s file: %v", path, format, p)
		}
	}()
	var fnErr error
	sink := &batchSink{t: t, fn: func(rows any) error {
		fnErr = fn(rows)
		return fnErr
	}}
	sink.reset()
	switch format {
	case FormatParquet:
		err = t.readParquet(f, sink)
	case FormatArrow:
		err = t.readArrow(f, sink)
	case FormatJSONL:
		err = t.readJSONL(f, sink)
	case FormatCSV:
		err = t.readCSV(f, sink)
	}
	if err == nil {
		err = sink.flush()
	}
	switch {
	case err == nil:
		return nil
	case fnErr != nil && errors.Is(err, fnErr):
		return fnErr
	}
	return fmt.Errorf("schema: %s: %w", path, err)
}

// batchSink collects rows and hands them to fn, ScanRows at a time.
type batchSink struct {
	t    *Table
	rows reflect.Value
	fn   func(rows any) error
}

func (b *batchSink) reset() { b.rows = reflect.MakeSlice(reflect.SliceOf(b.t.rowType), 0, 0) }

// full hands over the rows when there are ScanRows of them or more.
func (b *batchSink) full() error {
	if b.rows.Len() < ScanRows {
		return nil
	}
	return b.flush()
}

// flush hands over what is collected.
func (b *batchSink) flush() error {
	if b.rows.Len() == 0 {
		return nil
	}
	err := b.fn(b.rows.Interface())
	b.reset()
	return err
}

// ReadMeta returns the key/value metadata of a Parquet file or the schema
// metadata of an Arrow IPC file, chosen by extension. For Parquet this
// includes the ARROW:schema entry that carries the serialized Arrow schema.
func ReadMeta(path string) (map[string]string, error) {
	format, _ := FormatOf(path)
	switch format {
	case FormatParquet:
		rd, err := file.OpenParquetFile(path, false)
		if err != nil {
			return nil, fmt.Errorf("schema: %s: %w", path, err)
		}
		defer rd.Close()
		m := map[string]string{}
		for _, kv := range rd.MetaData().KeyValueMetadata() {
			if kv.Value != nil {
				m[kv.Key] = *kv.Value
			}
		}
		return m, nil
	case FormatArrow:
		s, err := ReadArrowSchema(path)
		if err != nil {
			return nil, err
		}
		return s.Metadata().ToMap(), nil
	}
	return nil, fmt.Errorf("schema: %s: only parquet and arrow files carry metadata", path)
}

// ReadArrowSchema returns the Arrow schema of a Parquet file (as stored by
// the writer and restored by pqarrow) or of an Arrow IPC file.
func ReadArrowSchema(path string) (*arrow.Schema, error) {
	format, _ := FormatOf(path)
	switch format {
	case FormatParquet:
		rd, err := file.OpenParquetFile(path, false)
		if err != nil {
			return nil, fmt.Errorf("schema: %s: %w", path, err)
		}
		defer rd.Close()
		fr, err := pqarrow.NewFileReader(rd, pqarrow.ArrowReadProperties{}, memory.DefaultAllocator)
		if err != nil {
			return nil, fmt.Errorf("schema: %s: %w", path, err)
		}
		s, err := fr.Schema()
		if err != nil {
			return nil, fmt.Errorf("schema: %s: %w", path, err)
		}
		return s, nil
	case FormatArrow:
		f, err := os.Open(path)
		if err != nil {
			return nil, fmt.Errorf("schema: %w", err)
		}
		defer f.Close()
		rd, err := ipc.NewFileReader(f)
		if err != nil {
			return nil, fmt.Errorf("schema: %s: %w", path, err)
		}
		defer rd.Close()
		return rd.Schema(), nil
	}
	return nil, fmt.Errorf("schema: %s: only parquet and arrow files have an Arrow schema", path)
}

func (t *Table) readParquet(f *os.File, sink *batchSink) error {
	rd, err := file.NewParquetReader(f)
	if err != nil {
		return err
	}
	defer rd.Close()
	fr, err := pqarrow.NewFileReader(rd, pqarrow.ArrowReadProperties{BatchSize: ScanRows}, memory.DefaultAllocator)
	if err != nil {
		return err
	}
	if rd.NumRowGroups() == 0 {
		return nil
	}
	rr, err := fr.GetRecordReader(context.Background(), nil, nil)
	if err != nil {
		return err
	}
	defer rr.Release()
	for rr.Next() {
		if sink.rows, err = t.appendRecord(sink.rows, rr.RecordBatch()); err != nil {
			return err
		}
		if err := sink.full(); err != nil {
			return err
		}
	}
	if err := rr.Err(); err != nil && !errors.Is(err, io.EOF) {
		return err
	}
	return nil
}

func (t *Table) readArrow(f *os.File, sink *batchSink) error {
	rd, err := ipc.NewFileReader(f)
	if err != nil {
		return err
	}
	defer rd.Close()
	for i := 0; i < rd.NumRecords(); i++ {
		rec, err := rd.RecordBatch(i)
		if err != nil {
			return err
		}
		if sink.rows, err = t.appendRecord(sink.rows, rec); err != nil {
			return err
		}
		if err := sink.full(); err != nil {
			return err
		}
	}
	return nil
}

// appendRecord converts the rows of rec and appends them to rows.
func (t *Table) appendRecord(rows reflect.Value, rec arrow.RecordBatch) (reflect.Value, error) {
	getters := make([]func(dst reflect.Value, i int) error, len(t.Columns))
	for ci, c := range t.Columns {
		idx := rec.Schema().FieldIndices(c.Name)
		if len(idx) == 0 {
			return rows, fmt.Errorf("no column %q", c.Name)
		}
		get, err := getter(c, t.cols[ci].kind, rec.Column(idx[0]))
		if err != nil {
			return rows, err
		}
		getters[ci] = get
	}
	n := rows.Len()
	rows = reflect.AppendSlice(rows, reflect.MakeSlice(rows.Type(), int(rec.NumRows()), int(rec.NumRows())))
	for i := 0; i < int(rec.NumRows()); i++ {
		row := rows.Index(n + i)
		for ci, b := range t.cols {
			if err := getters[ci](row.Field(b.field), i); err != nil {
				return rows, err
			}
		}
	}
	return rows, nil
}

// getter returns a function that stores element i of arr in a Go field of
// the given kind.
func getter(c Column, kind valueKind, arr arrow.Array) (func(dst reflect.Value, i int) error, error) {
	null := func(i int) error {
		if arr.IsNull(i) {
			return fmt.Errorf("column %s: null in row %d", c.Name, i)
		}
		return nil
	}
	switch kind {
	case kindString, kindNullString:
		var str func(int) string
		switch a := arr.(type) {
		case *array.String:
			str = a.Value
		case *array.LargeString:
			str = a.Value
		case *array.Dictionary:
			d, ok := a.Dictionary().(*array.String)
			if !ok {
				break
			}
			str = func(i int) string { return d.Value(a.GetValueIndex(i)) }
		}
		if str != nil {
			return func(dst reflect.Value, i int) error {
				switch {
				case kind == kindString:
					if err := null(i); err != nil {
						return err
					}
					dst.SetString(str(i))
				case arr.IsNull(i):
					dst.SetZero()
				default:
					v := str(i)
					dst.Set(reflect.ValueOf(&v))
				}
				return nil
			}, nil
		}
	case kindInt32, kindNullInt32:
		if a, ok := arr.(*array.Int32); ok {
			return func(dst reflect.Value, i int) error {
				switch {
				case kind == kindInt32:
					if err := null(i); err != nil {
						return err
					}
					dst.SetInt(int64(a.Value(i)))
				case a.IsNull(i):
					dst.SetZero()
				default:
					v := a.Value(i)
					dst.Set(reflect.ValueOf(&v))
				}
				return nil
			}, nil
		}
	case kindFloat64, kindNullFloat64:
		if a, ok := arr.(*array.Float64); ok {
			return func(dst reflect.Value, i int) error {
				switch {
				case kind == kindFloat64:
					if err := null(i); err != nil {
						return err
					}
					dst.SetFloat(a.Value(i))
				case a.IsNull(i):
					dst.SetZero()
				default:
					v := a.Value(i)
					dst.Set(reflect.ValueOf(&v))
				}
				return nil
			}, nil
		}
	case kindNullBool:
		if a, ok := arr.(*array.Boolean); ok {
			return func(dst reflect.Value, i int) error {
				if a.IsNull(i) {
					dst.SetZero()
					return nil
				}
				v := a.Value(i)
				dst.Set(reflect.ValueOf(&v))
				return nil
			}, nil
		}
	}
	return nil, fmt.Errorf("column %s: cannot read %s as %s", c.Name, arr.DataType(), c.Type)
}

func (t *Table) readJSONL(f *os.File, sink *batchSink) error {
	dec := json.NewDecoder(bufio.NewReaderSize(f, 1<<20))
	dec.DisallowUnknownFields()
	for line := 1; ; line++ {
		p := reflect.New(t.rowType)
		err := dec.Decode(p.Interface())
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fmt.Errorf("row %d: %w", line, err)
		}
		sink.rows = reflect.Append(sink.rows, p.Elem())
		if err := sink.full(); err != nil {
			return err
		}
	}
}

func (t *Table) readCSV(f *os.File, sink *batchSink) error {
	br := bufio.NewReaderSize(f, 1<<20)
	if head, err := br.Peek(len(utf8BOM)); err == nil && string(head) == utf8BOM {
		br.Discard(len(utf8BOM)) // written by csvWriter; older files have none
	}
	cr := csv.NewReader(br)
	cr.ReuseRecord = true
	header, err := cr.Read()
	if err != nil {
		return fmt.Errorf("header: %w", err)
	}
	pos := map[string]int{}
	for i, name := range header {
		pos[name] = i
	}
	at := make([]int, len(t.Columns))
	for ci, c := range t.Columns {
		i, ok := pos[c.Name]
		if !ok {
			return fmt.Errorf("no column %q", c.Name)
		}
		at[ci] = i
	}
	for line := 2; ; line++ {
		rec, err := cr.Read()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		row := reflect.New(t.rowType).Elem()
		for ci, b := range t.cols {
			if err := parseCell(row.Field(b.field), b.kind, rec[at[ci]]); err != nil {
				return fmt.Errorf("line %d: column %s: %w", line, t.Columns[ci].Name, err)
			}
		}
		sink.rows = reflect.Append(sink.rows, row)
		if err := sink.full(); err != nil {
			return err
		}
	}
}

// parseCell stores the CSV field s in dst, the inverse of csvWriter's
// formatting.
func parseCell(dst reflect.Value, kind valueKind, s string) error {
	switch kind {
	case kindString:
		dst.SetString(unneutralize(s))
	case kindInt32:
		v, err := strconv.ParseInt(s, 10, 32)
		if err != nil {
			return err
		}
		dst.SetInt(v)
	case kindNullInt32:
		if s == "" {
			dst.SetZero()
			return nil
		}
		v, err := strconv.ParseInt(s, 10, 32)
		if err != nil {
			return err
		}
		v32 := int32(v)
		dst.Set(reflect.ValueOf(&v32))
	case kindFloat64:
		v, err := strconv.ParseFloat(s, 64)
		if err != nil {
			return err
		}
		dst.SetFloat(v)
	case kindNullString:
		if s == "" {
			dst.SetZero()
			return nil
		}
		s = unneutralize(s)
		dst.Set(reflect.ValueOf(&s))
	case kindNullFloat64:
		if s == "" {
			dst.SetZero()
			return nil
		}
		v, err := strconv.ParseFloat(s, 64)
		if err != nil {
			return err
		}
		dst.Set(reflect.ValueOf(&v))
	case kindNullBool:
		if s == "" {
			dst.SetZero()
			return nil
		}
		v, err := strconv.ParseBool(s)
		if err != nil {
			return err
		}
		dst.Set(reflect.ValueOf(&v))
	}
	return nil
}
