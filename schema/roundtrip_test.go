package schema

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"unsafe"

	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/ipc"
	"github.com/apache/arrow-go/v18/parquet/file"
	"github.com/apache/arrow-go/v18/parquet/pqarrow"
)

func int32p(v int32) *int32 { return &v }

// mustColumn returns the column of tab called name.
func mustColumn(t *testing.T, tab *Table, name string) Column {
	t.Helper()
	c, ok := tab.Column(name)
	if !ok {
		t.Fatalf("%s has no column %s", tab.Name, name)
	}
	return c
}

var (
	indicators = []string{"高新技术企业", "地区生产总值", "城镇登记失业率", "高标准农田", "“瞪羚”企业、“专精特新”企业", "PM2.5浓度", `A "quoted" <b>&amp;</b> name`, "tab\tand\nnewline", ""}
	cues       = []string{"新增", "增长", "控制在", "达到", "突破", "改造提升", ""}
	values     = []float64{0, 10, 6.5, -3, 99.99, 342000000, -65000, 0.1, 1e-7, 1.5e15, 4779, -118, 2.3}
)

// randomFacts returns n facts with Chinese text, nil and non-nil years,
// negative and fractional values, drawn from a fixed seed.
func randomFacts(n int, seed uint64) []Fact {
	r := rand.New(rand.NewPCG(seed, 1))
	pick := func(xs []string) string { return xs[r.IntN(len(xs))] }
	facts := make([]Fact, n)
	for i := range facts {
		low := values[r.IntN(len(values))]
		high := low
		bound := Bounds[r.IntN(len(Bounds))]
		if bound == "range" {
			high = low + float64(r.IntN(100))/4
		}
		var year *int32
		if r.IntN(3) > 0 {
			year = int32p(int32(2018 + r.IntN(8)))
		}
		start := int32(r.IntN(100000))
		facts[i] = Fact{
			DocID:      fmt.Sprintf("%03d_%016x", i%7, uint64(i%7)*0x9e3779b97f4a7c15),
			FactID:     int32(i + 1),
			Start:      start,
			End:        start + int32(1+r.IntN(8)),
			Mention:    fmt.Sprintf("%g%s以上", low, pick([]string{"家", "亿元", "%", "万亩"})),
			Sentence:   pick(cues) + pick(indicators) + "，确保完成目标。",
			Indicator:  pick(indicators),
			Cue:        pick(cues),
			Measure:    Measure(Measures[r.IntN(len(Measures))]),
			ValueLow:   low,
			ValueHigh:  high,
			Bound:      Bound(bound),
			Unit:       Unit(Units[r.IntN(len(Units))]),
			UnitText:   pick([]string{"家", "亿元", "%", "万亩", "个百分点", "μg/m³"}),
			Classifier: pick([]string{"家", "个", ""}),
			Kind:       Kind(Kinds[r.IntN(len(Kinds))]),
			Year:       year,
			Hedge:      pick([]string{"力争", "确保", ""}),
			Rule:       fmt.Sprintf("rule.%d", r.IntN(40)),
		}
		if c := pick([]string{"gdp_growth", "cpi", "", ""}); c != "" {
			facts[i].IndicatorCode = &c
		}
	}
	return facts
}

func randomDocuments(n int) []Document {
	docs := make([]Document, n)
	for i := range docs {
		var year *int32
		if i%3 != 0 {
			year = int32p(int32(2020 + i%5))
		}
		docs[i] = Document{
			DocID:    fmt.Sprintf("%03d_doc", i),
			Path:     fmt.Sprintf("corpus/%03d_doc.txt", i),
			SHA256:   fmt.Sprintf("%064x", i*7919),
			Encoding: []string{"utf-8", "gb18030", "utf-16le"}[i%3],
			Region:   []string{"浙江省杭州市", "", "北京市"}[i%3],
			Level:    Levels[i%len(Levels)],
			Year:     year,
			DocType:  DocTypes[i%len(DocTypes)],
			Chars:    int32(1000 * i),
			Facts:    int32(i % 300),
		}
		if i%3 != 1 {
			code := []string{"330100", "", "110000"}[i%3]
			docs[i].RegionCode = &code
		}
		if i%2 == 0 {
			ps := int32(37 * i)
			docs[i].PlanStart = &ps
		}
	}
	return docs
}

var testErrors = []ErrorRow{
	{DocID: "007_bad", Path: "corpus/007_bad.txt", Stage: "decode", Message: "normalize: invalid UTF-16 at byte 17"},
	{DocID: "008_empty", Path: "corpus/008 empty,\"quoted\".txt", Stage: "read", Message: "read: 空文件\nsecond line"},
}

// writeFile writes rows to dir/name in the format named by its extension,
// in Write calls of at most chunk rows, with small batch limits so that
// Parquet gets several row groups and Arrow spills.
func writeFile(t testing.TB, dir, name string, tab *Table, rows any, chunk, batchRows int) string {
	t.Helper()
	path := filepath.Join(dir, name)
	format, ok := FormatOf(path)
	if !ok {
		t.Fatalf("FormatOf(%q) failed", path)
	}
	var buf bytes.Buffer
	w, err := NewWriter(format, tab, Meta{ToolVersion: "v0.0.0-test", RulesHash: "abc123"}, &buf)
	if err != nil {
		t.Fatal(err)
	}
	switch cw := w.(type) {
	case *parquetWriter:
		cw.b.maxRows = batchRows
	case *arrowWriter:
		cw.b.maxRows = batchRows
	}
	v := reflect.ValueOf(rows)
	for i := 0; i < v.Len(); i += chunk {
		if err := w.Write(v.Slice(i, min(i+chunk, v.Len())).Interface()); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestRoundTrip(t *testing.T) {
	facts := randomFacts(1000, 42)
	docs := randomDocuments(40)
	tests := []struct {
		table *Table
		rows  any
		read  func(string) (any, error)
	}{
		{FactsTable, facts, func(p string) (any, error) { return ReadFacts(p) }},
		{FactsTable, []Fact{}, func(p string) (any, error) { return ReadFacts(p) }},
		{DocumentsTable, docs, func(p string) (any, error) { return ReadDocuments(p) }},
		{ErrorsTable, testErrors, func(p string) (any, error) { return ReadErrors(p) }},
	}
	for _, tt := range tests {
		for _, format := range Formats {
			n := reflect.ValueOf(tt.rows).Len()
			for _, batchRows := range []int{BatchRows, 97} {
				name := fmt.Sprintf("%s-%d-rows-batch-%d.%s", tt.table.Name, n, batchRows, format)
				t.Run(name, func(t *testing.T) {
					path := writeFile(t, t.TempDir(), name, tt.table, tt.rows, 33, batchRows)
					got, err := tt.read(path)
					if err != nil {
						t.Fatal(err)
					}
					if !reflect.DeepEqual(got, tt.rows) {
						t.Errorf("read back %d rows differing from the %d written", reflect.ValueOf(got).Len(), n)
						gv, wv := reflect.ValueOf(got), reflect.ValueOf(tt.rows)
						for i := 0; i < min(gv.Len(), wv.Len()); i++ {
							if !reflect.DeepEqual(gv.Index(i).Interface(), wv.Index(i).Interface()) {
								t.Errorf("first difference, row %d:\ngot  %+v\nwant %+v", i, gv.Index(i), wv.Index(i))
								break
							}
						}
					}
				})
			}
		}
	}
}

// TestDeterministic checks that the same rows give the same bytes, however
// they are split into Write calls.
func TestDeterministic(t *testing.T) {
	facts := randomFacts(500, 7)
	for _, format := range Formats {
		t.Run(format, func(t *testing.T) {
			dir := t.TempDir()
			a := writeFile(t, dir, "a."+format, FactsTable, facts, 500, 128)
			b := writeFile(t, dir, "b."+format, FactsTable, facts, 17, 128)
			ab, _ := os.ReadFile(a)
			bb, _ := os.ReadFile(b)
			if !bytes.Equal(ab, bb) {
				t.Errorf("%s output differs between one Write of 500 rows and Writes of 17 (%d vs %d bytes)", format, len(ab), len(bb))
			}
		})
	}
}

func TestParquetRowGroups(t *testing.T) {
	path := writeFile(t, t.TempDir(), "facts.parquet", FactsTable, randomFacts(1000, 1), 1000, 300)
	rd := openParquet(t, path)
	if got, want := rd.NumRowGroups(), 4; got != want {
		t.Errorf("row groups = %d, want %d (1000 rows, 300 per group)", got, want)
	}
	cc, err := rd.MetaData().RowGroup(0).ColumnChunk(0)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := cc.Compression().String(), "ZSTD"; got != want {
		t.Errorf("compression = %s, want %s", got, want)
	}
}

// TestParquetEndRowGroup: EndRowGroup cuts a row group where it is called
// (once, however often it is called in a row), and the rows read back
// are those written.
func TestParquetEndRowGroup(t *testing.T) {
	facts := randomFacts(100, 3)
	var buf bytes.Buffer
	w, err := NewWriter(FormatParquet, FactsTable, Meta{ToolVersion: "v0.0.0-test"}, &buf)
	if err != nil {
		t.Fatal(err)
	}
	ender := w.(interface{ EndRowGroup() error })
	for _, part := range [][]Fact{facts[:70], nil, facts[70:]} {
		if err := w.Write(part); err != nil {
			t.Fatal(err)
		}
		for range 2 {
			if err := ender.EndRowGroup(); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "facts.parquet")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	rd, err := file.OpenParquetFile(path, false)
	if err != nil {
		t.Fatal(err)
	}
	var sizes []int64
	for g := 0; g < rd.NumRowGroups(); g++ {
		sizes = append(sizes, rd.MetaData().RowGroup(g).NumRows())
	}
	rd.Close()
	if !slices.Equal(sizes, []int64{70, 30}) {
		t.Errorf("row groups of %v rows, want [70 30]", sizes)
	}
	got, err := ReadFacts(path)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, facts) {
		t.Errorf("read back %d facts, not the %d written", len(got), len(facts))
	}
}

func TestReadMeta(t *testing.T) {
	dir := t.TempDir()
	for _, format := range []string{FormatParquet, FormatArrow} {
		path := writeFile(t, dir, "facts."+format, FactsTable, randomFacts(3, 1), 3, BatchRows)
		got, err := ReadMeta(path)
		if err != nil {
			t.Fatal(err)
		}
		want := map[string]string{
			KeyTable:                   "facts",
			KeySchemaVersion:           SchemaVersion,
			KeyToolVersion:             "v0.0.0-test",
			KeyRulesHash:               "abc123",
			KeyColumnPrefix + "bound":  mustColumn(t, FactsTable, "bound").Description(),
			KeyColumnPrefix + "doc_id": FactsTable.Columns[0].Description(),
		}
		for k, v := range want {
			if got[k] != v {
				t.Errorf("%s: ReadMeta()[%q] = %q, want %q", format, k, got[k], v)
			}
		}
		for _, c := range FactsTable.Columns {
			if _, ok := got[KeyColumnPrefix+c.Name]; !ok {
				t.Errorf("%s: no metadata key %s%s", format, KeyColumnPrefix, c.Name)
			}
		}
	}
	if _, err := ReadMeta(filepath.Join(dir, "x.jsonl")); err == nil {
		t.Errorf("ReadMeta(x.jsonl) succeeded, want an error")
	}
}

func TestReadErrors(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	tests := []struct {
		name string
		path string
	}{
		{"unknown extension", write("facts.txt", "")},
		{"missing file", filepath.Join(dir, "none.parquet")},
		{"unknown key", write("a.jsonl", `{"doc_id":"a","bogus":1}`+"\n")},
		{"bad json", write("b.jsonl", `{"doc_id":`+"\n")},
		{"missing column", write("c.csv", "doc_id,fact_id\na,1\n")},
		{"bad number", write("d.csv", string(csvHeader(FactsTable))+"a,x,1,2,m,s,i,c,level,1,1,eq,count,家,家,target,,h,r\n")},
		{"not parquet", write("e.parquet", "PAR1 garbage")},
		{"not arrow", write("f.arrow", "garbage")},
	}
	for _, tt := range tests {
		if _, err := ReadFacts(tt.path); err == nil {
			t.Errorf("%s: ReadFacts(%s) succeeded, want an error", tt.name, filepath.Base(tt.path))
		} else if !strings.HasPrefix(err.Error(), "schema: ") {
			t.Errorf("%s: error %q lacks the schema: prefix", tt.name, err)
		}
	}
}

func csvHeader(t *Table) []byte {
	var b bytes.Buffer
	for i, n := range t.ColumnNames() {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(n)
	}
	b.WriteByte('\n')
	return b.Bytes()
}

// TestReadWrongTable checks that a documents file is not taken for facts.
func TestReadWrongTable(t *testing.T) {
	dir := t.TempDir()
	for _, format := range Formats {
		path := writeFile(t, dir, "docs."+format, DocumentsTable, randomDocuments(3), 3, BatchRows)
		if _, err := ReadFacts(path); err == nil {
			t.Errorf("ReadFacts(documents %s) succeeded, want an error", format)
		}
	}
}

// TestReadMalformedParquet reads a Parquet file whose required column cue
// holds a null, which makes the Parquet reader panic: ReadFacts must return
// an error instead.
func TestReadMalformedParquet(t *testing.T) {
	s := FactsTable.ArrowSchema(Meta{})
	b := newBatch(FactsTable, s, false)
	defer b.release()
	f := exampleFact
	b.appendRows(unsafe.Pointer(&f), 0, 1)
	cue := slices.Index(FactsTable.ColumnNames(), "cue")
	b.cols[cue].(*dictBuilder).AppendNull()
	for i, c := range b.cols {
		switch c := c.(type) {
		case *dictBuilder:
			if i != cue {
				c.Append("")
			}
		case *stringBuilder:
			c.Append("")
		case array.Builder:
			c.AppendEmptyValue()
		}
	}
	b.rows++
	rec := b.take(true)
	defer rec.Release()
	var buf bytes.Buffer
	fw, err := pqarrow.NewFileWriter(s, &buf, parquetProperties(FactsTable), pqarrow.NewArrowWriterProperties(pqarrow.WithStoreSchema()))
	if err != nil {
		t.Fatal(err)
	}
	if err := fw.Write(rec); err != nil {
		t.Fatal(err)
	}
	if err := fw.Close(); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "bad.parquet")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := ReadFacts(path); err == nil || !strings.HasPrefix(err.Error(), "schema: ") {
		t.Errorf("ReadFacts(parquet with a null in a required column) error = %v, want a schema: error", err)
	} else {
		t.Logf("error: %v", err)
	}
}

// TestArrowSpill checks that an Arrow file written in several batches has
// one record batch per batch, one dictionary per dictionary column, and
// leaves no temporary file behind.
func TestArrowSpill(t *testing.T) {
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	path := writeFile(t, t.TempDir(), "facts.arrow", FactsTable, randomFacts(1000, 9), 250, 97)
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rd, err := ipc.NewFileReader(f)
	if err != nil {
		t.Fatal(err)
	}
	defer rd.Close()
	if got, want := rd.NumRecords(), 11; got != want {
		t.Errorf("record batches = %d, want %d (1000 rows, 97 per batch)", got, want)
	}
	dicts := 0
	for _, c := range FactsTable.Columns {
		if c.Dictionary() {
			dicts++
		}
	}
	if got := rd.NumDictionaries(); got != dicts {
		t.Errorf("dictionaries = %d, want %d, one per dictionary column", got, dicts)
	}
	left, err := os.ReadDir(tmp)
	if err != nil {
		t.Fatal(err)
	}
	if len(left) != 0 {
		t.Errorf("temporary directory holds %d files after Close, want 0", len(left))
	}
}

// openParquet opens the Parquet file at path for reading, closed when the
// test ends.
func openParquet(t *testing.T, path string) *file.Reader {
	t.Helper()
	rd, err := file.OpenParquetFile(path, false)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { rd.Close() })
	return rd
}
