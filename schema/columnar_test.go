package schema

import (
	"bytes"
	"fmt"
	"reflect"
	"testing"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
)

// flushed is what a batch held when it was flushed: its rows and bytes,
// and its arrays.
type flushed struct {
	rows   int
	bytes  int64
	arrays []arrow.Array
}

// cellBytes returns what a row of v's type adds to a batch's bytes, read
// by reflection: the length of each string (a nil *string nothing), 8 for
// each number (nil or not), 1 for each *bool.
func cellBytes(v reflect.Value) int64 {
	var n int64
	for i := range v.NumField() {
		f := v.Field(i)
		switch {
		case f.Kind() == reflect.String:
			n += int64(f.Len())
		case f.Kind() == reflect.Pointer && f.Type().Elem().Kind() == reflect.String:
			if !f.IsNil() {
				n += int64(f.Elem().Len())
			}
		case f.Kind() == reflect.Pointer && f.Type().Elem().Kind() == reflect.Bool:
			n++
		default:
			n += 8
		}
	}
	return n
}

// TestWriteRowsLikeRowByRow checks that writeRows, which appends runs of
// rows column by column, flushes a batch after the same rows and with the
// same arrays as appending the rows one at a time and checking the limits
// after each (the batch before it did so), for Writes of 1, 17 and 500
// rows and limits of rows and of bytes (6000 bytes is 20 to 60 rows).
func TestWriteRowsLikeRowByRow(t *testing.T) {
	tables := []struct {
		t    *Table
		rows any
	}{
		{FactsTable, randomFacts(1000, 5)},
		{DocumentsTable, randomDocuments(300)},
		{ErrorsTable, testErrors},
	}
	for _, tc := range tables {
		for _, dicts := range []bool{false, true} {
			for _, chunk := range []int{1, 17, 500} {
				for _, lim := range []limits{{128, 6000}, {16, 1 << 30}} {
					t.Run(fmt.Sprintf("%s/dicts=%v/chunk=%d/%v", tc.t.Name, dicts, chunk, lim), func(t *testing.T) {
						v := reflect.ValueOf(tc.rows)
						got := columnWise(t, tc.t, v, dicts, chunk, lim)
						want := rowByRow(tc.t, v, dicts, lim)
						if len(got) != len(want) {
							t.Fatalf("%d flushes, want %d", len(got), len(want))
						}
						for i := range got {
							if got[i].rows != want[i].rows || got[i].bytes != want[i].bytes {
								t.Errorf("flush %d: %d rows, %d bytes; want %d, %d", i, got[i].rows, got[i].bytes, want[i].rows, want[i].bytes)
							}
							for c := range got[i].arrays {
								if !array.Equal(got[i].arrays[c], want[i].arrays[c]) {
									t.Errorf("flush %d: column %s differs", i, tc.t.Columns[c].Name)
								}
							}
						}
					})
				}
			}
		}
	}
}

// limits are the limits of a test's batch: rows and bytes.
type limits struct {
	rows  int
	bytes int64
}

// testBatch returns a batch of t with the limits lim.
func testBatch(t *Table, dicts bool, lim limits) *batch {
	b := newBatch(t, t.ArrowSchema(Meta{}), dicts)
	b.maxRows, b.maxBytes = lim.rows, lim.bytes
	return b
}

// take empties b into a flushed.
func take(b *batch) flushed {
	f := flushed{rows: b.rows, bytes: b.bytes}
	f.arrays = b.arrays(true)
	return f
}

// columnWise writes the rows of v to a batch with writeRows, in Writes of
// chunk rows.
func columnWise(t *testing.T, tab *Table, v reflect.Value, dicts bool, chunk int, lim limits) []flushed {
	b := testBatch(tab, dicts, lim)
	defer b.release()
	var out []flushed
	for i := 0; i < v.Len(); i += chunk {
		err := b.writeRows(v.Slice(i, min(i+chunk, v.Len())), func() error {
			out = append(out, take(b))
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	if b.rows > 0 {
		out = append(out, take(b))
	}
	return out
}

// rowByRow appends the rows of v one at a time, counting their bytes by
// reflection (cellBytes), and flushes the batch when it is full.
func rowByRow(tab *Table, v reflect.Value, dicts bool, lim limits) []flushed {
	b := testBatch(tab, dicts, lim)
	defer b.release()
	var out []flushed
	for r := range v.Len() {
		b.appendRows(v.Index(r).Addr().UnsafePointer(), 0, 1)
		b.bytes += cellBytes(v.Index(r))
		if b.full() {
			out = append(out, take(b))
		}
	}
	if b.rows > 0 {
		out = append(out, take(b))
	}
	return out
}

// TestCellAppenderReserve checks that the appenders of the number columns,
// which reserve room for a run of cells at once (reserveAsAppend) and
// append each without a check, build the same arrays as Append and
// AppendNull one cell at a time, to the bytes and lengths of every buffer
// (an Arrow IPC file holds a validity bitmap as large as its buffer): for
// the facts and the documents, with runs of rows of many lengths across
// several batches taken, and with one run of each length around a power
// of two, where arrow-go's Reserve(n) would grow a builder twice as much
// as n Appends do.
func TestCellAppenderReserve(t *testing.T) {
	oneByOne := func(b *batch) {
		for i, c := range b.cols {
			col := b.t.cols[i]
			switch bld := c.(type) {
			case *array.Int32Builder:
				b.cells[i] = cellAppender(col, nil, bld.Append, bld.AppendNull)
			case *array.Float64Builder:
				b.cells[i] = cellAppender(col, nil, bld.Append, bld.AppendNull)
			case *array.BooleanBuilder:
				b.cells[i] = cellAppender(col, nil, bld.Append, bld.AppendNull)
			}
		}
	}
	// compare takes the arrays of fast and slow and reports any difference.
	compare := func(fast, slow *batch, what string) {
		t.Helper()
		got, want := fast.arrays(true), slow.arrays(true)
		for i := range got {
			name := fmt.Sprintf("%s.%s (%s)", fast.t.Name, fast.t.Columns[i].Name, what)
			if !array.Equal(got[i], want[i]) {
				t.Errorf("%s: arrays differ", name)
			}
			gb, wb := got[i].Data().Buffers(), want[i].Data().Buffers()
			for k := range max(len(gb), len(wb)) {
				if k >= len(gb) || k >= len(wb) || (gb[k] == nil) != (wb[k] == nil) {
					t.Errorf("%s: buffer %d: present %v, want %v", name, k, k < len(gb) && gb[k] != nil, k < len(wb) && wb[k] != nil)
					continue
				}
				if gb[k] != nil && !bytes.Equal(gb[k].Bytes(), wb[k].Bytes()) {
					t.Errorf("%s: buffer %d: %d bytes, want %d, or other bytes", name, k, gb[k].Len(), wb[k].Len())
				}
			}
			got[i].Release()
			want[i].Release()
		}
	}
	write := func(v reflect.Value, bs ...*batch) {
		t.Helper()
		for _, b := range bs {
			if err := b.writeRows(v, func() error { return nil }); err != nil {
				t.Fatal(err)
			}
		}
	}
	for _, tt := range []struct {
		t    *Table
		rows any
	}{
		{FactsTable, randomFacts(5000, 3)},
		{DocumentsTable, randomDocuments(1100)},
	} {
		v := reflect.ValueOf(tt.rows)
		for _, stringDicts := range []bool{false, true} {
			fast := newBatch(tt.t, tt.t.ArrowSchema(Meta{}), stringDicts)
			slow := newBatch(tt.t, tt.t.ArrowSchema(Meta{}), stringDicts)
			oneByOne(slow)
			runs := []int{1, 31, 1, 33, 64, 100, 2, 500, 1000, 7}
			for round := range 3 {
				for from, k := 0, 0; from < v.Len(); k++ {
					to := min(v.Len(), from+runs[(k+round)%len(runs)])
					write(v.Slice(from, to), fast, slow)
					from = to
				}
				compare(fast, slow, fmt.Sprintf("string dictionaries %v, round %d", stringDicts, round))
			}
			for _, n := range []int{1, 2, 31, 32, 33, 63, 64, 65, 127, 128, 129, 256, 512, 1024} {
				write(v.Slice(0, n), fast, slow)
				compare(fast, slow, fmt.Sprintf("string dictionaries %v, one run of %d", stringDicts, n))
				write(v.Slice(0, 5), fast, slow)
				write(v.Slice(5, 5+n), fast, slow)
				compare(fast, slow, fmt.Sprintf("string dictionaries %v, runs of 5 and %d", stringDicts, n))
			}
			fast.release()
			slow.release()
		}
	}
}
