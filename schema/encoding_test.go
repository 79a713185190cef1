package schema

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/memory"
	"github.com/apache/arrow-go/v18/parquet/file"
	"github.com/apache/arrow-go/v18/parquet/metadata"
	"github.com/apache/arrow-go/v18/parquet/pqarrow"
)

// TestParquetOneDataEncoding checks that no column chunk of a facts file
// holds data pages of two encodings. arrow-go writes the encodings of a
// chunk's data pages in the order of a Go map, so such a chunk (a
// dictionary that outgrew its page limit, then plain pages) made two runs
// over the same facts write different bytes. Here 12,000 facts have
// different sentences of 600 characters (1.8 KB, the longest a sentence
// may be; 21 MB in all, several row groups each of which has a dictionary
// page as large as a row group's text may make it) and different
// indicators and mentions of about 40 and 30 bytes.
func TestParquetOneDataEncoding(t *testing.T) {
	facts := randomFacts(12000, 7)
	filler := strings.Repeat("全年地区生产总值增长6.5%左右，一般公共预算收入增长5%，城镇新增就业1.2万人。", 20)
	for i := range facts {
		facts[i].Sentence = string([]rune(fmt.Sprintf("第%d句：%s", i, filler))[:600])
		facts[i].Indicator = fmt.Sprintf("第%d项重点工程建设投资完成额", i)
		facts[i].Mention = fmt.Sprintf("%d.%d亿元以上", i, i%7)
	}
	r, err := file.NewParquetReader(strings.NewReader(writeString(t, FormatParquet, FactsTable, facts)))
	if err != nil {
		t.Fatal(err)
	}
	md := r.MetaData()
	if md.NumRowGroups() < 2 {
		t.Fatalf("%d row groups; want several", md.NumRowGroups())
	}
	for g := 0; g < md.NumRowGroups(); g++ {
		rg := md.RowGroup(g)
		for c := 0; c < rg.NumColumns(); c++ {
			cc, err := rg.ColumnChunk(c)
			if err != nil {
				t.Fatal(err)
			}
			data := 0
			for _, s := range cc.EncodingStats() {
				if s.PageType == 0 || s.PageType == 3 { // DATA_PAGE, DATA_PAGE_V2
					data++
				}
			}
			if data != 1 {
				t.Errorf("row group %d, column %s: data pages of %d encodings (%v); want 1", g, cc.PathInSchema(), data, cc.EncodingStats())
			}
		}
	}
}

// TestParquetStringColumns checks what writing string columns as dictionary
// arrays (parquetWriter.flush) keeps: the file's Arrow schema gives every
// column its type (string columns read back as strings, dictionary columns
// as dictionaries), every string column chunk has a dictionary page, and
// the rows read back are those written (TestRoundTrip).
func TestParquetStringColumns(t *testing.T) {
	for _, tt := range []struct {
		table *Table
		rows  any
	}{{FactsTable, randomFacts(1000, 11)}, {DocumentsTable, randomDocuments(40)}, {ErrorsTable, testErrors}} {
		t.Run(tt.table.Name, func(t *testing.T) {
			path := writeFile(t, t.TempDir(), tt.table.Name+".parquet", tt.table, tt.rows, 100, 300)
			rd := openParquet(t, path)
			fr, err := pqarrow.NewFileReader(rd, pqarrow.ArrowReadProperties{}, memory.DefaultAllocator)
			if err != nil {
				t.Fatal(err)
			}
			s, err := fr.Schema()
			if err != nil {
				t.Fatal(err)
			}
			for i, c := range tt.table.Columns {
				if got := s.Field(i).Type; !arrow.TypeEqual(got, c.Type) {
					t.Errorf("column %s reads back as %s, want %s", c.Name, got, c.Type)
				}
			}
			md := rd.MetaData()
			for g := 0; g < md.NumRowGroups(); g++ {
				for i, c := range tt.table.Columns {
					if !c.text() {
						continue
					}
					cc, err := md.RowGroup(g).ColumnChunk(i)
					if err != nil {
						t.Fatal(err)
					}
					if !cc.HasDictionaryPage() {
						t.Errorf("row group %d, column %s: no dictionary page", g, c.Name)
					}
				}
			}
		})
	}
}

// TestParquetStatistics checks the row group statistics of each table:
// doc_id's and the numbers' least and greatest values are those of the
// row group, and the other text columns have none (parquetProperties: the
// statistics arrow-go makes from a dictionary leave out "", which every
// text column but doc_id may hold: a fact's cue, a document's member).
func TestParquetStatistics(t *testing.T) {
	facts := randomFacts(1000, 11)
	for i := range facts {
		if i%3 == 0 {
			facts[i].Cue, facts[i].Indicator, facts[i].Hedge = "", "", ""
		}
	}
	for _, tt := range []struct {
		table *Table
		rows  any
	}{{FactsTable, facts}, {DocumentsTable, randomDocuments(40)}, {ErrorsTable, testErrors}} {
		t.Run(tt.table.Name, func(t *testing.T) {
			path := writeFile(t, t.TempDir(), tt.table.Name+".parquet", tt.table, tt.rows, 100, 300)
			rd := openParquet(t, path)
			rv := reflect.ValueOf(tt.rows)
			md := rd.MetaData()
			for g := 0; g < md.NumRowGroups(); g++ {
				first, last := g*300, min(g*300+300, rv.Len())
				for i, c := range tt.table.Columns {
					cc, err := md.RowGroup(g).ColumnChunk(i)
					if err != nil {
						t.Fatal(err)
					}
					st, err := cc.Statistics()
					if err != nil {
						t.Fatal(err)
					}
					has := st != nil && st.HasMinMax()
					if c.text() && c.Name != "doc_id" {
						if has {
							lo, hi := statRange(st)
							t.Errorf("row group %d, column %s: statistics [%s, %s], want none", g, c.Name, lo, hi)
						}
						continue
					}
					var vals []reflect.Value
					for r := first; r < last; r++ {
						f := rv.Index(r).Field(tt.table.cols[i].field)
						if f.Kind() == reflect.Pointer {
							if f.IsNil() {
								continue
							}
							f = f.Elem()
						}
						vals = append(vals, f)
					}
					if len(vals) == 0 {
						continue
					}
					if !has {
						t.Errorf("row group %d, column %s: no statistics", g, c.Name)
						continue
					}
					lo, hi := statRange(st)
					wlo, whi := valueRange(vals)
					if lo != wlo || hi != whi {
						t.Errorf("row group %d, column %s: statistics [%s, %s], want [%s, %s]", g, c.Name, lo, hi, wlo, whi)
					}
				}
			}
		})
	}
}

// statRange returns the least and greatest value of Parquet statistics,
// formatted with fmt.Sprint.
func statRange(st metadata.TypedStatistics) (string, string) {
	switch st := st.(type) {
	case *metadata.ByteArrayStatistics:
		return string(st.Min()), string(st.Max())
	case *metadata.Int32Statistics:
		return fmt.Sprint(st.Min()), fmt.Sprint(st.Max())
	case *metadata.Float64Statistics:
		return fmt.Sprint(st.Min()), fmt.Sprint(st.Max())
	case *metadata.BooleanStatistics:
		return fmt.Sprint(st.Min()), fmt.Sprint(st.Max())
	}
	return fmt.Sprintf("%T", st), ""
}

// valueRange returns the least and greatest of vals (strings, int32s or
// float64s, all of one kind), formatted with fmt.Sprint.
func valueRange(vals []reflect.Value) (string, string) {
	cmp := func(a, b reflect.Value) int {
		switch a.Kind() {
		case reflect.String:
			return strings.Compare(a.String(), b.String())
		case reflect.Float64:
			return cmpFloat(a.Float(), b.Float())
		}
		return int(a.Int() - b.Int())
	}
	lo, hi := slices.MinFunc(vals, cmp), slices.MaxFunc(vals, cmp)
	return fmt.Sprint(lo.Interface()), fmt.Sprint(hi.Interface())
}

func cmpFloat(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}
