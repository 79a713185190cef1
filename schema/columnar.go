package schema

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"reflect"
	"unsafe"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/bitutil"
	"github.com/apache/arrow-go/v18/arrow/ipc"
	"github.com/apache/arrow-go/v18/arrow/memory"
	"github.com/apache/arrow-go/v18/parquet"
	"github.com/apache/arrow-go/v18/parquet/compress"
	"github.com/apache/arrow-go/v18/parquet/pqarrow"
)

// Limits of one Parquet row group and one Arrow record batch: rows are
// buffered until either is reached. The text of a row group (8 MiB, about
// 18,000 facts of the 50 MB bench corpus, whose 260,000 facts make 15 row
// groups) stays well below dictionaryPageLimit, so that no column's
// dictionary outgrows its page (see parquetProperties). The small buffer
// keeps the heap small too: with row groups of 131,072 facts (about 100 MB
// of builders) the live heap of a run rose to 135 MB, and under the 160 MB
// memory limit of gwr extract the collector then ran every few megabytes
// allocated (83 collections over the bench corpus, 36 now;
// GODEBUG=gctrace=1).
const (
	BatchRows  = 1 << 17 // rows
	BatchBytes = 8 << 20 // bytes of string data, plus 8 per number
)

// batch accumulates rows in Arrow builders, one per column.
type batch struct {
	t        *Table
	schema   *arrow.Schema
	cols     []columnBuilder
	cells    []appender // one per column
	strs     []uintptr  // offsets of the string fields, never null
	nullStrs []uintptr  // offsets of the *string fields
	fixed    int64      // what the other columns add to a row's bytes
	rows     int
	bytes    int64
	maxRows  int
	maxBytes int64
}

// columnBuilder is the builder of one column: a *dictBuilder for a
// dictionary column, a *stringBuilder for a string one without nulls, an
// arrow-go builder for the others.
type columnBuilder interface {
	NewArray() arrow.Array
	Release()
}

// appender appends a cell of each of n rows to its column's builder: row
// points to the first row, a value of the table's row type, and the
// others follow it size bytes apart. A batch appends the rows of a Write
// column by column, not cell by cell: a loop of the column's own, and no
// call through a func value for each cell.
type appender func(row unsafe.Pointer, size uintptr, n int)

// newBatch returns an empty batch of table t's rows, whose Arrow schema is
// s. With stringDicts every string column, nullable or not, is built as a
// dictionary (typeDict), as parquetWriter writes them; such a batch gives
// its columns with arrays, not as a record of schema s.
func newBatch(t *Table, s *arrow.Schema, stringDicts bool) *batch {
	b := &batch{t: t, schema: s, maxRows: BatchRows, maxBytes: BatchBytes}
	b.cols = make([]columnBuilder, len(t.cols))
	b.cells = make([]appender, len(t.cols))
	for i, f := range s.Fields() {
		switch dt := f.Type.(type) {
		case *arrow.DictionaryType:
			b.cols[i] = newDictBuilder(dt)
		case *arrow.StringType:
			if stringDicts {
				b.cols[i] = newDictBuilder(typeDict)
			} else if f.Nullable {
				b.cols[i] = array.NewStringBuilder(memory.DefaultAllocator)
			} else {
				b.cols[i] = newStringBuilder()
			}
		default:
			b.cols[i] = array.NewBuilder(memory.DefaultAllocator, f.Type)
		}
		b.cells[i] = b.appender(i)
	}
	return b
}

// release frees the builders.
func (b *batch) release() {
	for _, c := range b.cols {
		c.Release()
	}
}

// full reports whether the batch has reached one of its limits.
func (b *batch) full() bool { return b.rows >= b.maxRows || b.bytes >= b.maxBytes }

// rowBytes returns what the row adds to b.bytes: the length of each
// string (a null string nothing), 8 for each number (null or not) and 1
// for each bool.
func (b *batch) rowBytes(row unsafe.Pointer) int64 {
	n := b.fixed
	for _, off := range b.strs {
		n += int64(len(*(*string)(unsafe.Add(row, off))))
	}
	for _, off := range b.nullStrs {
		if s := *(**string)(unsafe.Add(row, off)); s != nil {
			n += int64(len(*s))
		}
	}
	return n
}

// appender returns the appender of column i, typed once from the column's
// builder and binding, and counts the column in rowBytes.
func (b *batch) appender(i int) appender {
	c, name := b.t.cols[i], b.t.Columns[i].Name
	switch c.kind {
	case kindString:
		b.strs = append(b.strs, c.offset)
	case kindNullString:
		b.nullStrs = append(b.nullStrs, c.offset)
	}
	switch bld := b.cols[i].(type) {
	case *dictBuilder:
		if c.kind == kindString {
			return dictAppender(c.offset, bld)
		}
		return cellAppender(c, nil, bld.Append, bld.AppendNull)
	case *stringBuilder: // never null
		return cellAppender(c, nil, bld.Append, nil)
	case *array.StringBuilder:
		return cellAppender(c, nil, bld.Append, bld.AppendNull)
	case *array.Int32Builder:
		b.fixed += 8
		return cellAppender(c, reserveAsAppend(bld), bld.UnsafeAppend, func() { bld.UnsafeAppendBoolToBitmap(false) })
	case *array.Float64Builder:
		b.fixed += 8
		return cellAppender(c, reserveAsAppend(bld), bld.UnsafeAppend, func() { bld.UnsafeAppendBoolToBitmap(false) })
	case *array.BooleanBuilder:
		b.fixed++
		return cellAppender(c, reserveAsAppend(bld), bld.UnsafeAppend, func() { bld.UnsafeAppendBoolToBitmap(false) })
	}
	// newTable binds only the types above (bindKind).
	panic(fmt.Sprintf("schema: column %s: no builder for %T", name, b.cols[i]))
}

// dictAppender returns the appender of a string column without nulls
// that d builds, the most cells of a facts row. Its loop is a method
// (appendStrings), not the closure's own: compiled where dictAppender is
// inlined, the closure called d.Append for each cell instead of inlining
// it.
func dictAppender(off uintptr, d *dictBuilder) appender {
	return func(row unsafe.Pointer, size uintptr, n int) { d.appendStrings(row, size, n, off) }
}

// cellAppender returns the appender of the column c, whose field holds a
// T (or, for a nullable column, a *T, nil for null: bindKind has checked
// it) and whose builder takes a value with put and a null with null.
// With reserve (arrow-go's builders of numbers and bools) the appender
// makes room for its n cells at once (reserveAsAppend), and put and null
// are the builder's unsafe appends, which take the room made: cheaper than
// Append and AppendNull, which make room for each cell. The arrays and
// their buffers are the same (TestCellAppenderReserve): an Arrow IPC file
// holds a validity bitmap as large as its buffer.
func cellAppender[T any](c binding, reserve func(int), put func(T), null func()) appender {
	off := c.offset
	nullable := c.kind.nullable()
	return func(row unsafe.Pointer, size uintptr, n int) {
		if reserve != nil {
			reserve(n)
		}
		for k := range n {
			p := unsafe.Add(row, uintptr(k)*size+off)
			if !nullable {
				put(*(*T)(p))
			} else if q := *(**T)(p); q != nil {
				put(*q)
			} else {
				null()
			}
		}
	}
}

// reserveAsAppend returns a function that makes room in b for n more
// values, leaving b as large as n calls of its Append would: arrow-go's
// builders grow to the next power of two above the length they must hold
// (bitutil.NextPowerOf2), so that Append, one value at a time, grows a
// builder holding 32 values to 64 values for its 33rd, but Reserve(32) on an
// empty builder to 64 values and not to 32; reserveAsAppend resizes it to
// the least power of two that holds the values, which is where Append
// ends.
func reserveAsAppend(b interface {
	Len() int
	Cap() int
	Resize(int)
}) func(int) {
	return func(n int) {
		if need := b.Len() + n; need > b.Cap() {
			b.Resize(bitutil.NextPowerOf2(need - 1))
		}
	}
}

// appendRows adds n rows: row points to the first, a value of the table's
// row type, and the others follow it size bytes apart. The caller adds
// their bytes (rowBytes). An appender computes the address of each cell
// from row and never makes a pointer past the last row: one past the end
// of the rows' array may point into no allocation, which the garbage
// collector takes for a bad pointer and the race detector's checkptr
// rejects (`make test-race`).
func (b *batch) appendRows(row unsafe.Pointer, size uintptr, n int) {
	for _, add := range b.cells {
		add(row, size, n)
	}
	b.rows += n
}

// take returns the buffered rows as a record and empties the batch. The
// dictionaries built so far are kept unless resetDicts is set. (Not for a
// batch with stringDicts, whose arrays are not of the schema's types.)
func (b *batch) take(resetDicts bool) arrow.RecordBatch {
	rows := b.rows
	cols := b.arrays(resetDicts)
	rec := array.NewRecordBatch(b.schema, cols, int64(rows))
	for _, c := range cols {
		c.Release()
	}
	return rec
}

// arrays returns the buffered rows as one array per column and empties
// the batch; the caller releases the arrays. The dictionaries built so far
// are kept unless resetDicts is set.
func (b *batch) arrays(resetDicts bool) []arrow.Array {
	cols := make([]arrow.Array, len(b.cols))
	for i, c := range b.cols {
		cols[i] = c.NewArray()
		if d, ok := c.(*dictBuilder); ok && resetDicts {
			d.reset()
		}
	}
	b.rows, b.bytes = 0, 0
	return cols
}

// writeRows appends the rows of v (a slice of the table's row type) to b,
// calling flush whenever b is full: each run of rows up to one that fills
// b, or to the last, is appended at once (appendRows).
func (b *batch) writeRows(v reflect.Value, flush func() error) error {
	n := v.Len()
	if n == 0 {
		return nil
	}
	first, size := v.UnsafePointer(), b.t.rowType.Size()
	for r := 0; r < n; {
		k, bytes := 0, int64(0)
		for r+k < n {
			bytes += b.rowBytes(unsafe.Add(first, uintptr(r+k)*size))
			k++
			if b.rows+k >= b.maxRows || b.bytes+bytes >= b.maxBytes {
				break
			}
		}
		b.appendRows(unsafe.Add(first, uintptr(r)*size), size, k)
		b.bytes += bytes
		r += k
		if b.full() {
			if err := flush(); err != nil {
				return err
			}
		}
	}
	return nil
}

// parquetWriter writes one row group per full batch.
type parquetWriter struct {
	t   *Table
	out *bufio.Writer
	fw  *pqarrow.FileWriter
	b   *batch
}

// parquetProperties are the writer properties of table t's Parquet files:
// zstd at zstdLevel, dictionary encoding, statistics for some columns, and no row group
// split below BatchRows.
//
// The facts' fact_id, start and end, different in every row, are written
// plainly: a dictionary of them is larger than the values, and building it
// took 16 MB of hash table per column for a row group of 131,072 facts.
// Every text column has a dictionary, the sentence too (each sentence is
// repeated for each of its facts): a row group holds at most BatchBytes of
// text beyond its last row, so no dictionary page reaches
// dictionaryPageLimit. A dictionary that did would make the writer fall
// back to plain pages, and a column chunk holding both encodings lists
// them in the order of a Go map (arrow-go's EncodingStats): two runs would
// write different bytes (TestParquetOneDataEncoding).
//
// Row group statistics (least and greatest value) are written for the
// numbers and for doc_id, the one text column whose row groups hold narrow
// ranges (a document's rows are consecutive). arrow-go leaves the empty
// string out of the statistics of a column written from a dictionary
// (metadata.ByteArrayStatistics.UpdateFromArrow), so a reader that skips
// row groups by them misses the rows holding "": DuckDB found none of the
// 14,572 facts of the 50 MB bench corpus whose cue is "" for cue < '丁'.
// doc_id is never empty; the other text columns have no statistics
// (TestParquetStatistics).
func parquetProperties(t *Table) *parquet.WriterProperties {
	props := []parquet.WriterProperty{
		parquet.WithCompression(compress.Codecs.Zstd),
		parquet.WithCompressionLevel(zstdLevel),
		parquet.WithDictionaryDefault(true),
		parquet.WithDictionaryPageSizeLimit(dictionaryPageLimit),
		parquet.WithDictionaryFor("fact_id", false),
		parquet.WithDictionaryFor("start", false),
		parquet.WithDictionaryFor("end", false),
		parquet.WithStats(true),
		parquet.WithMaxRowGroupLength(BatchRows),
	}
	for _, c := range t.Columns {
		if c.text() && c.Name != "doc_id" {
			props = append(props, parquet.WithStatsFor(c.Name, false))
		}
	}
	return parquet.NewWriterProperties(props...)
}

// dictionaryPageLimit is the largest dictionary page of a Parquet column
// chunk: 16 MB, twice BatchBytes, so that the values of a row group (at
// most BatchBytes and the text of one row, each value with 4 bytes of
// length) always fit (arrow-go's default, 1 MB, was outgrown by the
// sentences or indicators of a row group).
const dictionaryPageLimit = 16 << 20

func newParquetWriter(t *Table, m Meta, w io.Writer) (*parquetWriter, error) {
	s := t.ArrowSchema(m)
	out := bufio.NewWriterSize(w, 1<<20)
	fw, err := pqarrow.NewFileWriter(s, nopCloser{out}, parquetProperties(t),
		pqarrow.NewArrowWriterProperties(pqarrow.WithStoreSchema()))
	if err != nil {
		return nil, fmt.Errorf("schema: writing %s parquet: %w", t.Name, err)
	}
	return &parquetWriter{t: t, out: out, fw: fw, b: newBatch(t, s, true)}, nil
}

func (pw *parquetWriter) Write(rows any) error {
	v, err := pw.t.rowSlice(rows)
	if err != nil {
		return err
	}
	return pw.b.writeRows(v, pw.flush)
}

// flush writes the buffered rows as a row group of their own, column by
// column. A string column goes to pqarrow as a dictionary array (the batch
// has stringDicts), though the file's Arrow schema says string: the Parquet
// column is the same, a BYTE_ARRAY column whose dictionary page holds the
// values in the order they first came, as pqarrow's hashing of a string
// array makes it, but each value is looked up once, in the dictBuilder
// (the row before's without hashing), instead of being copied into a
// string array and then hashed and compared again in pqarrow's memo table
// and statistics. pqarrow cuts the data pages of a string array at 1 MB of
// values; the indices of a dictionary array are one data page per column
// chunk. Readers see the same strings. The last column's chunk is written
// when the next row group starts or the file closes.
func (pw *parquetWriter) flush() error {
	cols := pw.b.arrays(true)
	defer func() {
		for _, c := range cols {
			c.Release()
		}
	}()
	if err := pw.fw.NewRowGroupChecked(); err != nil {
		return fmt.Errorf("schema: writing %s parquet: %w", pw.t.Name, err)
	}
	for _, c := range cols {
		if err := pw.fw.WriteColumnData(c); err != nil {
			return fmt.Errorf("schema: writing %s parquet: %w", pw.t.Name, err)
		}
	}
	return nil
}

// EndRowGroup writes the rows buffered so far as a row group of their own
// now, rather than once the batch is full or at Close; nothing when no
// row is buffered. (batch.Output ends the facts' row group before a run's
// last documents, so that it is written while they are extracted.)
func (pw *parquetWriter) EndRowGroup() error {
	if pw.b.rows == 0 {
		return nil
	}
	return pw.flush()
}

func (pw *parquetWriter) Close() error {
	defer pw.b.release()
	if pw.b.rows > 0 {
		if err := pw.flush(); err != nil {
			return err
		}
	}
	if err := pw.fw.Close(); err != nil {
		return fmt.Errorf("schema: writing %s parquet: %w", pw.t.Name, err)
	}
	if err := pw.out.Flush(); err != nil {
		return fmt.Errorf("schema: writing %s parquet: %w", pw.t.Name, err)
	}
	return nil
}

// arrowWriter writes an Arrow IPC file. The IPC file format allows one
// dictionary per column for the whole file, so dictionary builders keep
// their values across batches (each batch's indices point into the file's
// dictionary), full batches are spilled to a temporary IPC stream, and
// Close writes the file: every batch with the final dictionaries.
type arrowWriter struct {
	t      *Table
	schema *arrow.Schema
	w      io.Writer
	b      *batch
	spill  *os.File
	spillW *ipc.Writer
}

func newArrowWriter(t *Table, m Meta, w io.Writer) *arrowWriter {
	s := t.ArrowSchema(m)
	return &arrowWriter{t: t, schema: s, w: w, b: newBatch(t, s, false)}
}

func (aw *arrowWriter) Write(rows any) error {
	v, err := aw.t.rowSlice(rows)
	if err != nil {
		return err
	}
	return aw.b.writeRows(v, aw.flush)
}

// flush moves the buffered rows to the spill file.
func (aw *arrowWriter) flush() error {
	if aw.spill == nil {
		f, err := os.CreateTemp("", "gwr-"+aw.t.Name+"-*.arrows")
		if err != nil {
			return fmt.Errorf("schema: writing %s arrow: %w", aw.t.Name, err)
		}
		aw.spill = f
		aw.spillW = ipc.NewWriter(f, ipc.WithSchema(aw.schema), ipc.WithDictionaryDeltas(true))
	}
	rec := aw.b.take(false)
	defer rec.Release()
	if err := aw.spillW.Write(rec); err != nil {
		return fmt.Errorf("schema: writing %s arrow: %w", aw.t.Name, err)
	}
	return nil
}

func (aw *arrowWriter) Close() (err error) {
	defer aw.b.release()
	if aw.spill != nil {
		defer func() {
			err = errors.Join(err, aw.spill.Close(), os.Remove(aw.spill.Name()))
		}()
	}
	last := aw.b.take(false) // holds the final dictionaries
	defer last.Release()

	out := bufio.NewWriterSize(aw.w, 1<<20)
	fw, err := ipc.NewFileWriter(out, ipc.WithSchema(aw.schema))
	if err != nil {
		return fmt.Errorf("schema: writing %s arrow: %w", aw.t.Name, err)
	}
	write := func(rec arrow.RecordBatch) error {
		if rec.NumRows() == 0 {
			return nil
		}
		rec = withDictionaries(rec, last)
		defer rec.Release()
		return fw.Write(rec)
	}
	if aw.spill != nil {
		if err := aw.replaySpill(write); err != nil {
			return err
		}
	}
	if err := write(last); err != nil {
		return fmt.Errorf("schema: writing %s arrow: %w", aw.t.Name, err)
	}
	if err := fw.Close(); err != nil {
		return fmt.Errorf("schema: writing %s arrow: %w", aw.t.Name, err)
	}
	if err := out.Flush(); err != nil {
		return fmt.Errorf("schema: writing %s arrow: %w", aw.t.Name, err)
	}
	return nil
}

// replaySpill reads the spilled batches back in order and passes each to
// write.
func (aw *arrowWriter) replaySpill(write func(arrow.RecordBatch) error) error {
	if err := aw.spillW.Close(); err != nil {
		return fmt.Errorf("schema: writing %s arrow spill: %w", aw.t.Name, err)
	}
	if _, err := aw.spill.Seek(0, io.SeekStart); err != nil {
		return fmt.Errorf("schema: reading %s arrow spill: %w", aw.t.Name, err)
	}
	rd, err := ipc.NewReader(bufio.NewReaderSize(aw.spill, 1<<20))
	if err != nil {
		return fmt.Errorf("schema: reading %s arrow spill: %w", aw.t.Name, err)
	}
	defer rd.Release()
	for rd.Next() {
		if err := write(rd.RecordBatch()); err != nil {
			return fmt.Errorf("schema: writing %s arrow: %w", aw.t.Name, err)
		}
	}
	if err := rd.Err(); err != nil {
		return fmt.Errorf("schema: reading %s arrow spill: %w", aw.t.Name, err)
	}
	return nil
}

// withDictionaries returns rec with the dictionary of every dictionary
// column replaced by the one in last. The indices stay valid because every
// earlier dictionary is a prefix of the last one.
func withDictionaries(rec, last arrow.RecordBatch) arrow.RecordBatch {
	cols := make([]arrow.Array, rec.NumCols())
	for i, col := range rec.Columns() {
		d, ok := col.(*array.Dictionary)
		if !ok {
			col.Retain()
			cols[i] = col
			continue
		}
		cols[i] = array.NewDictionaryArray(d.DataType(), d.Indices(), last.Column(i).(*array.Dictionary).Dictionary())
	}
	out := array.NewRecordBatch(rec.Schema(), cols, rec.NumRows())
	for _, c := range cols {
		c.Release()
	}
	return out
}
