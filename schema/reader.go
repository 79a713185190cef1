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
func (t *Table) ReadFile(path string) (rows any, err error) {
	format, ok := FormatOf(path)
	if !ok {
		return nil, fmt.Errorf("schema: %s: unknown file extension", path)
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("schema: %w", err)
	}
	defer f.Close()
	// The Arrow and Parquet readers panic on some malformed files.
	defer func() {
		if p := recover(); p != nil {
			rows, err = nil, fmt.Errorf("schema: %s: malformed %s file: %v", path, format, p)
		}
	}()
	v := reflect.MakeSlice(reflect.SliceOf(t.rowType), 0, 0)
	switch format {
	case FormatParquet:
		v, err = t.readParquet(f, v)
	case FormatArrow:
		v, err = t.readArrow(f, v)
	case FormatJSONL:
		v, err = t.readJSONL(f, v)
	case FormatCSV:
		v, err = t.readCSV(f, v)
	}
	if err != nil {
		return nil, fmt.Errorf("schema: %s: %w", path, err)
	}
	return v.Interface(), nil
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

func (t *Table) readParquet(f *os.File, rows reflect.Value) (reflect.Value, error) {
	rd, err := file.NewParquetReader(f)
	if err != nil {
		return rows, err
	}
	defer rd.Close()
	fr, err := pqarrow.NewFileReader(rd, pqarrow.ArrowReadProperties{BatchSize: 1 << 16}, memory.DefaultAllocator)
	if err != nil {
		return rows, err
	}
	if rd.NumRowGroups() == 0 {
		return rows, nil
	}
	rr, err := fr.GetRecordReader(context.Background(), nil, nil)
	if err != nil {
		return rows, err
	}
	defer rr.Release()
	for rr.Next() {
		if rows, err = t.appendRecord(rows, rr.RecordBatch()); err != nil {
			return rows, err
		}
	}
	if err := rr.Err(); err != nil && !errors.Is(err, io.EOF) {
		return rows, err
	}
	return rows, nil
}

func (t *Table) readArrow(f *os.File, rows reflect.Value) (reflect.Value, error) {
	rd, err := ipc.NewFileReader(f)
	if err != nil {
		return rows, err
	}
	defer rd.Close()
	for i := 0; i < rd.NumRecords(); i++ {
		rec, err := rd.RecordBatch(i)
		if err != nil {
			return rows, err
		}
		if rows, err = t.appendRecord(rows, rec); err != nil {
			return rows, err
		}
	}
	return rows, nil
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
	case kindString:
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
				if err := null(i); err != nil {
					return err
				}
				dst.SetString(str(i))
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
	case kindFloat64:
		if a, ok := arr.(*array.Float64); ok {
			return func(dst reflect.Value, i int) error {
				if err := null(i); err != nil {
					return err
				}
				dst.SetFloat(a.Value(i))
				return nil
			}, nil
		}
	}
	return nil, fmt.Errorf("column %s: cannot read %s as %s", c.Name, arr.DataType(), c.Type)
}

func (t *Table) readJSONL(f *os.File, rows reflect.Value) (reflect.Value, error) {
	dec := json.NewDecoder(bufio.NewReaderSize(f, 1<<20))
	dec.DisallowUnknownFields()
	for line := 1; ; line++ {
		p := reflect.New(t.rowType)
		err := dec.Decode(p.Interface())
		if err == io.EOF {
			return rows, nil
		}
		if err != nil {
			return rows, fmt.Errorf("row %d: %w", line, err)
		}
		rows = reflect.Append(rows, p.Elem())
	}
}

func (t *Table) readCSV(f *os.File, rows reflect.Value) (reflect.Value, error) {
	cr := csv.NewReader(bufio.NewReaderSize(f, 1<<20))
	cr.ReuseRecord = true
	header, err := cr.Read()
	if err != nil {
		return rows, fmt.Errorf("header: %w", err)
	}
	pos := map[string]int{}
	for i, name := range header {
		pos[name] = i
	}
	at := make([]int, len(t.Columns))
	for ci, c := range t.Columns {
		i, ok := pos[c.Name]
		if !ok {
			return rows, fmt.Errorf("no column %q", c.Name)
		}
		at[ci] = i
	}
	for line := 2; ; line++ {
		rec, err := cr.Read()
		if err == io.EOF {
			return rows, nil
		}
		if err != nil {
			return rows, err
		}
		row := reflect.New(t.rowType).Elem()
		for ci, b := range t.cols {
			if err := parseCell(row.Field(b.field), b.kind, rec[at[ci]]); err != nil {
				return rows, fmt.Errorf("line %d: column %s: %w", line, t.Columns[ci].Name, err)
			}
		}
		rows = reflect.Append(rows, row)
	}
}

// parseCell stores the CSV field s in dst, the inverse of csvWriter's
// formatting.
func parseCell(dst reflect.Value, kind valueKind, s string) error {
	switch kind {
	case kindString:
		dst.SetString(s)
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
	}
	return nil
}
