package schema

import (
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
