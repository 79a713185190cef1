package schema

import (
	"fmt"
	"strings"
	"testing"

	"github.com/apache/arrow-go/v18/parquet/file"
)

// TestParquetOneDataEncoding checks that no column chunk of a facts file
// holds data pages of two encodings. arrow-go writes the encodings of a
// chunk's data pages in the order of a Go map, so such a chunk (a
// dictionary that outgrew its page limit, then plain pages) made two runs
// over the same facts write different bytes. Here 40,000 facts have
// different sentences of about 100 bytes (4 MB, four times arrow-go's
// default dictionary page limit) and different indicators and mentions of
// about 40 and 30 bytes (1.6 and 1.2 MB).
func TestParquetOneDataEncoding(t *testing.T) {
	facts := randomFacts(40000, 7)
	for i := range facts {
		facts[i].Sentence = fmt.Sprintf("第%d句：全年地区生产总值增长6.5%%左右，一般公共预算收入增长5%%，城镇新增就业1.2万人。", i)
		facts[i].Indicator = fmt.Sprintf("第%d项重点工程建设投资完成额", i)
		facts[i].Mention = fmt.Sprintf("%d.%d亿元以上", i, i%7)
	}
	r, err := file.NewParquetReader(strings.NewReader(writeString(t, FormatParquet, FactsTable, facts)))
	if err != nil {
		t.Fatal(err)
	}
	md := r.MetaData()
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
