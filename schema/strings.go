package schema

import (
	"slices"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/memory"
)

// stringBuilder builds a string column without nulls into the same array
// as arrow-go's StringBuilder, in Go slices that become the array's
// buffers. Each batch starts with the room the one before took: arrow-go's
// builder started every batch empty and grew by doubling, copying and
// clearing, which for the facts' sentences (some 20 MB a batch) was most of
// the cost of appending a row. (Nullable columns keep arrow-go's builder,
// whose validity bitmap's length the Arrow IPC file records.)
type stringBuilder struct {
	data    []byte  // never nil: arrow-go takes a nil buffer for nulls
	offsets []int32 // len(data) before each row, and after the last
}

func newStringBuilder() *stringBuilder { return &stringBuilder{data: []byte{}, offsets: []int32{0}} }

// Append adds the value s.
func (b *stringBuilder) Append(s string) {
	if len(b.data)+len(s) > cap(b.data) {
		// double, as append does not for large slices
		b.data = slices.Grow(b.data, max(len(s), cap(b.data)))
	}
	b.data = append(b.data, s...)
	b.offsets = append(b.offsets, int32(len(b.data)))
}

// NewArray returns the rows appended since the last call and empties the
// builder. The array owns the slices; the builder starts new ones as
// large as these.
func (b *stringBuilder) NewArray() arrow.Array {
	data := array.NewData(arrow.BinaryTypes.String, len(b.offsets)-1, []*memory.Buffer{nil,
		memory.NewBufferBytes(arrow.Int32Traits.CastToBytes(b.offsets)), memory.NewBufferBytes(b.data)}, nil, 0, 0)
	defer data.Release()
	b.data = make([]byte, 0, len(b.data))
	b.offsets = append(make([]int32, 0, len(b.offsets)), 0)
	return array.MakeFromData(data)
}

// Release does nothing: the builder holds Go memory only. (It is a
// columnBuilder.)
func (b *stringBuilder) Release() {}
