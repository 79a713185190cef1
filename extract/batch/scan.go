package batch

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
	"strings"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/ipc"
	"github.com/apache/arrow-go/v18/arrow/memory"
	"github.com/apache/arrow-go/v18/parquet/file"
	"github.com/apache/arrow-go/v18/parquet/pqarrow"

	"github.com/gwrfacts/gwr/schema"
)

// scanRows is the number of rows scanTable hands over at a time.
const scanRows = 8192

// scanTable reads the rows of table t from path, a file written by
// schema.NewWriter in the format its extension names, and calls fn with
// them in file order, at most scanRows at a time, as a slice of t's row
// type. Unlike schema's ReadFile it never holds more than one batch (one
// Parquet row group's column chunks, one Arrow record batch), so existing
// tables of any size can be copied in constant memory.
func scanTable(path string, t *schema.Table, fn func(rows any) error) (err error) {
	format, ok := schema.FormatOf(path)
	if !ok {
		return fmt.Errorf("batch: %s: unknown file extension", path)
	}
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("batch: %w", err)
	}
	defer f.Close()
	conv, err := newConverter(t)
	if err != nil {
		return err
	}
	// The Arrow and Parquet readers panic on some malformed files.
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("batch: %s: malformed %s file: %v", path, format, p)
		}
	}()
	switch format {
	case schema.FormatParquet:
		err = scanParquet(f, conv, fn)
	case schema.FormatArrow:
		err = scanArrow(f, conv, fn)
	case schema.FormatJSONL:
		err = scanJSONL(f, conv, fn)
	case schema.FormatCSV:
		err = scanCSV(f, conv, fn)
	}
	if err != nil && !strings.HasPrefix(err.Error(), "batch: ") {
		err = fmt.Errorf("batch: reading %s: %w", path, err)
	}
	return err
}

func scanParquet(f *os.File, conv *converter, fn func(rows any) error) error {
	rd, err := file.NewParquetReader(f)
	if err != nil {
		return err
	}
	defer rd.Close()
	if rd.NumRowGroups() == 0 {
		return nil
	}
	fr, err := pqarrow.NewFileReader(rd, pqarrow.ArrowReadProperties{BatchSize: scanRows}, memory.DefaultAllocator)
	if err != nil {
		return err
	}
	rr, err := fr.GetRecordReader(context.Background(), nil, nil)
	if err != nil {
		return err
	}
	defer rr.Release()
	for rr.Next() {
		rows, err := conv.record(rr.RecordBatch())
		if err != nil {
			return err
		}
		if err := fn(rows); err != nil {
			return err
		}
	}
	if err := rr.Err(); err != nil && !errors.Is(err, io.EOF) {
		return err
	}
	return nil
}

func scanArrow(f *os.File, conv *converter, fn func(rows any) error) error {
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
		rows, err := conv.record(rec)
		if err != nil {
			return err
		}
		if err := fn(rows); err != nil {
			return err
		}
	}
	return nil
}

func scanJSONL(f *os.File, conv *converter, fn func(rows any) error) error {
	dec := json.NewDecoder(bufio.NewReaderSize(f, 1<<20))
	dec.DisallowUnknownFields()
	rows := conv.slice(scanRows)
	for line := 1; ; line++ {
		p := reflect.New(conv.rowType)
		err := dec.Decode(p.Interface())
		if err == io.EOF {
			break
		}
		if err != nil {
			return fmt.Errorf("row %d: %w", line, err)
		}
		if rows = reflect.Append(rows, p.Elem()); rows.Len() == scanRows {
			if err := fn(rows.Interface()); err != nil {
				return err
			}
			rows = conv.slice(scanRows)
		}
	}
	if rows.Len() > 0 {
		return fn(rows.Interface())
	}
	return nil
}

func scanCSV(f *os.File, conv *converter, fn func(rows any) error) error {
	cr := csv.NewReader(bufio.NewReaderSize(f, 1<<20))
	header, err := cr.Read()
	if err == io.EOF {
		return nil
	}
	if err != nil {
		return fmt.Errorf("header: %w", err)
	}
	pos := map[string]int{}
	for i, name := range header {
		pos[name] = i
	}
	at := make([]int, len(conv.cols))
	for ci, c := range conv.cols {
		i, ok := pos[c.name]
		if !ok {
			return fmt.Errorf("no column %q", c.name)
		}
		at[ci] = i
	}
	rows := conv.slice(scanRows)
	for line := 2; ; line++ {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return err
		}
		row := reflect.New(conv.rowType).Elem()
		for ci, c := range conv.cols {
			if err := c.parse(row.Field(c.field), rec[at[ci]]); err != nil {
				return fmt.Errorf("line %d: column %s: %w", line, c.name, err)
			}
		}
		if rows = reflect.Append(rows, row); rows.Len() == scanRows {
			if err := fn(rows.Interface()); err != nil {
				return err
			}
			rows = conv.slice(scanRows)
		}
	}
	if rows.Len() > 0 {
		return fn(rows.Interface())
	}
	return nil
}

// converter turns Arrow records and CSV cells into rows of a table's Go
// row type, binding each column to the struct field with its JSON key.
type converter struct {
	rowType reflect.Type
	cols    []convColumn
}

type convColumn struct {
	name     string
	field    int
	kind     reflect.Kind // String, Int32, Float64, or Pointer for a nullable *int32
	nullable bool
}

func newConverter(t *schema.Table) (*converter, error) {
	rt := t.RowType()
	byKey := map[string]int{}
	for i := 0; i < rt.NumField(); i++ {
		key, _, _ := strings.Cut(rt.Field(i).Tag.Get("json"), ",")
		byKey[key] = i
	}
	c := &converter{rowType: rt}
	for _, col := range t.Columns {
		fi, ok := byKey[col.Name]
		if !ok {
			return nil, fmt.Errorf("batch: table %s: no field for column %s", t.Name, col.Name)
		}
		c.cols = append(c.cols, convColumn{name: col.Name, field: fi, kind: rt.Field(fi).Type.Kind(), nullable: col.Nullable})
	}
	return c, nil
}

func (c *converter) slice(capacity int) reflect.Value {
	return reflect.MakeSlice(reflect.SliceOf(c.rowType), 0, capacity)
}

// record converts the rows of rec, matching columns by name.
func (c *converter) record(rec arrow.RecordBatch) (any, error) {
	n := int(rec.NumRows())
	rows := reflect.MakeSlice(reflect.SliceOf(c.rowType), n, n)
	for _, col := range c.cols {
		idx := rec.Schema().FieldIndices(col.name)
		if len(idx) == 0 {
			return nil, fmt.Errorf("no column %q", col.name)
		}
		if err := col.fill(rows, rec.Column(idx[0])); err != nil {
			return nil, err
		}
	}
	return rows.Interface(), nil
}

// fill stores the values of arr in this column's field of each row.
func (col convColumn) fill(rows reflect.Value, arr arrow.Array) error {
	null := func(i int) error {
		if arr.IsNull(i) && !col.nullable {
			return fmt.Errorf("column %s: null in row %d", col.name, i)
		}
		return nil
	}
	n := rows.Len()
	switch col.kind {
	case reflect.String:
		var str func(int) string
		switch a := arr.(type) {
		case *array.String:
			str = a.Value
		case *array.LargeString:
			str = a.Value
		case *array.Dictionary:
			if d, ok := a.Dictionary().(*array.String); ok {
				str = func(i int) string { return d.Value(a.GetValueIndex(i)) }
			}
		}
		if str == nil {
			break
		}
		for i := 0; i < n; i++ {
			if err := null(i); err != nil {
				return err
			}
			// Clone: the Arrow buffers are released with the record.
			rows.Index(i).Field(col.field).SetString(strings.Clone(str(i)))
		}
		return nil
	case reflect.Int32, reflect.Pointer:
		a, ok := arr.(*array.Int32)
		if !ok {
			break
		}
		for i := 0; i < n; i++ {
			if err := null(i); err != nil {
				return err
			}
			f := rows.Index(i).Field(col.field)
			switch {
			case col.kind == reflect.Int32:
				f.SetInt(int64(a.Value(i)))
			case !a.IsNull(i):
				v := a.Value(i)
				f.Set(reflect.ValueOf(&v))
			}
		}
		return nil
	case reflect.Float64:
		a, ok := arr.(*array.Float64)
		if !ok {
			break
		}
		for i := 0; i < n; i++ {
			if err := null(i); err != nil {
				return err
			}
			rows.Index(i).Field(col.field).SetFloat(a.Value(i))
		}
		return nil
	}
	return fmt.Errorf("column %s: cannot read %s into a Go %s", col.name, arr.DataType(), col.kind)
}

// parse stores the CSV cell s in dst: the inverse of schema's CSV writer,
// where an empty cell of a nullable column is null.
func (col convColumn) parse(dst reflect.Value, s string) error {
	switch col.kind {
	case reflect.String:
		dst.SetString(s)
	case reflect.Int32:
		v, err := strconv.ParseInt(s, 10, 32)
		if err != nil {
			return err
		}
		dst.SetInt(v)
	case reflect.Pointer:
		if s == "" {
			return nil
		}
		v, err := strconv.ParseInt(s, 10, 32)
		if err != nil {
			return err
		}
		v32 := int32(v)
		dst.Set(reflect.ValueOf(&v32))
	case reflect.Float64:
		v, err := strconv.ParseFloat(s, 64)
		if err != nil {
			return err
		}
		dst.SetFloat(v)
	}
	return nil
}
