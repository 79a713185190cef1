package schema

import (
	"strings"
	"unsafe"

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
// rather than arrow-go's memo table, after a small cache of the values
// met before (recent), which holds most values of the columns with few
// (measure, bound, unit, unit_text, classifier, kind, hedge, rule, cue).
type dictBuilder struct {
	dt      *arrow.DictionaryType
	indices []int32          // of the rows appended since NewArray; 0 for a null
	nulls   []int            // the rows of indices that are null
	values  []string         // the dictionary, copies of the values
	index   map[string]int32 // value -> its index in values
	last    int32            // index of the last value appended; -1 for none
	lastVal string           // the last value appended, as given
	recent  [dictRecent]dictEntry
	copies  strings.Builder // the block the next values are copied into (copyValue)
}

// dictEntry is a value of a dictBuilder's dictionary and its index, in
// the builder's cache of recent values; ok is false for an empty slot.
type dictEntry struct {
	val   string
	index int32
	ok    bool
}

// dictRecent is the number of slots of a dictBuilder's cache of recent
// values: a value is cached in slot dictSlot, replacing the one there.
// Over the facts of the 50 MB bench corpus, 1.44 M values missed the row
// before; 0.81 M of them were found in 64 slots, from 99% of those of the
// enumerations (measure, bound, unit, kind) to 2% of the sentences.
const dictRecent = 64

// dictSlot returns the slot of value s in a dictBuilder's cache: a cheap
// mix of its length and its first and last bytes, no hash of the whole
// value.
func dictSlot(s string) int {
	if s == "" {
		return 0
	}
	return int(uint(len(s)*131+int(s[0])*31+int(s[len(s)-1])) % dictRecent)
}

func newDictBuilder(dt *arrow.DictionaryType) *dictBuilder {
	return &dictBuilder{dt: dt, index: map[string]int32{}, last: -1}
}

// Append adds the value s. (Small enough to be inlined: the value of the
// row before takes no call.)
func (d *dictBuilder) Append(s string) {
	if d.last >= 0 && s == d.lastVal {
		d.indices = append(d.indices, d.last)
		return
	}
	d.appendOther(s)
}

// appendStrings appends the string at offset off of each of n rows: row
// points to the first, and the others follow it size bytes apart (see
// appender).
func (d *dictBuilder) appendStrings(row unsafe.Pointer, size uintptr, n int, off uintptr) {
	for k := range n {
		d.Append(*(*string)(unsafe.Add(row, uintptr(k)*size+off)))
	}
}

// appendOther adds the value s, which is not the last one appended.
func (d *dictBuilder) appendOther(s string) {
	e := &d.recent[dictSlot(s)]
	if !e.ok || e.val != s {
		i, ok := d.index[s]
		if !ok {
			// a copy: the value may be a slice of a whole sentence or text
			v := d.copyValue(s)
			i = int32(len(d.values))
			d.values = append(d.values, v)
			d.index[v] = i
		}
		*e = dictEntry{val: d.values[i], index: i, ok: true}
	}
	d.last, d.lastVal = e.index, s
	d.indices = append(d.indices, e.index)
}

// Blocks of a dictBuilder's copies of its values: the first of
// dictCopyFirst bytes, each one after twice the one before, up to
// dictCopyBlock (a value longer than that has a block of its own).
const (
	dictCopyFirst = 256
	dictCopyBlock = 64 << 10
)

// copyValue returns a copy of s, written after the copies made before it
// in the current block of d.copies, or at the start of a new block when s
// does not fit: one allocation for many values (most are short: a unit,
// a cue, an indicator) instead of one each. The copies already made stay
// as they are, for a strings.Builder only ever writes after what it
// holds, and within the room Grow gave it a write does not move it. A
// block lives as long as one of its copies does, in the dictionary or in
// a row group being written.
func (d *dictBuilder) copyValue(s string) string {
	if d.copies.Cap()-d.copies.Len() < len(s) {
		size := min(max(2*d.copies.Cap(), dictCopyFirst), dictCopyBlock)
		d.copies = strings.Builder{}
		d.copies.Grow(max(size, len(s)))
	}
	from := d.copies.Len()
	d.copies.WriteString(s)
	return d.copies.String()[from:]
}

// AppendNull adds a null.
func (d *dictBuilder) AppendNull() {
	d.nulls = append(d.nulls, len(d.indices))
	d.indices = append(d.indices, 0)
}

// NewArray returns the values appended since the last call, with the
// whole dictionary built so far, and empties the builder but for the
// dictionary.
func (d *dictBuilder) NewArray() arrow.Array {
	var valid []bool // nil for no null
	if len(d.nulls) > 0 {
		valid = make([]bool, len(d.indices))
		for i := range valid {
			valid[i] = true
		}
		for _, i := range d.nulls {
			valid[i] = false
		}
	}
	ib := array.NewInt32Builder(memory.DefaultAllocator)
	defer ib.Release()
	ib.AppendValues(d.indices, valid)
	d.indices, d.nulls = d.indices[:0], d.nulls[:0]
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
	clear(d.recent[:])
	d.last, d.lastVal = -1, ""
}

// Release does nothing: the builder holds Go memory only. (It is a
// columnBuilder.)
func (d *dictBuilder) Release() {}
