package schema

import (
	"strings"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/memory"
)

// dictBuilder builds a dictionary column of strings (typeDict: int32
// indices into a string dictionary) into the same arrays as arrow-go's
// BinaryDictionaryBuilder: the dictionary holds the values in the order
// they first came, a null is a null index. It is cheaper for the rows gwr
// writes, where a column often repeats the row before (a document's
// doc_id, year, kind or unit for fact after fact): such a value takes the
// last index without hashing, and the others are looked up in a Go map
// rather than arrow-go's memo table.
type dictBuilder struct {
	dt      *arrow.DictionaryType
	indices []int32          // of the rows appended since NewArray; 0 for a null
	valid   []bool           // nil while no row appended since NewArray is null
	values  []string         // the dictionary, copies of the values
	index   map[string]int32 // value -> its index in values
	last    int32            // index of the last value appended; -1 for none
	lastVal string           // the last value appended, as given
}

func newDictBuilder(dt *arrow.DictionaryType) *dictBuilder {
	return &dictBuilder{dt: dt, index: map[string]int32{}, last: -1}
}

// Append adds the value s.
func (d *dictBuilder) Append(s string) {
	if d.last >= 0 && s == d.lastVal {
		d.appendIndex(d.last, true)
		return
	}
	i, ok := d.index[s]
	if !ok {
		// a copy: the value may be a slice of a whole sentence or text
		v := strings.Clone(s)
		i = int32(len(d.values))
		d.values = append(d.values, v)
		d.index[v] = i
	}
	d.last, d.lastVal = i, s
	d.appendIndex(i, true)
}

// AppendNull adds a null.
func (d *dictBuilder) AppendNull() {
	if d.valid == nil {
		d.valid = make([]bool, len(d.indices), cap(d.indices))
		for i := range d.valid {
			d.valid[i] = true
		}
	}
	d.appendIndex(0, false)
}

// appendIndex adds a row of index i, or a null.
func (d *dictBuilder) appendIndex(i int32, valid bool) {
	d.indices = append(d.indices, i)
	if d.valid != nil {
		d.valid = append(d.valid, valid)
	}
}

// NewArray returns the values appended since the last call, with the
// whole dictionary built so far, and empties the builder but for the
// dictionary.
func (d *dictBuilder) NewArray() arrow.Array {
	ib := array.NewInt32Builder(memory.DefaultAllocator)
	defer ib.Release()
	ib.AppendValues(d.indices, d.valid)
	d.indices, d.valid = d.indices[:0], nil
	idx := ib.NewArray()
	defer idx.Release()
	vb := array.NewStringBuilder(memory.DefaultAllocator)
	defer vb.Release()
	vb.AppendValues(d.values, nil)
	dict := vb.NewArray()
	defer dict.Release()
	return array.NewDictionaryArray(d.dt, idx, dict)
}

// reset empties the dictionary.
func (d *dictBuilder) reset() {
	clear(d.values)
	d.values = d.values[:0]
	clear(d.index)
	d.last, d.lastVal = -1, ""
}

// Release does nothing: the builder holds Go memory only. (It is a
// columnBuilder.)
func (d *dictBuilder) Release() {}
