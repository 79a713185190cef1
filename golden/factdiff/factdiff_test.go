package factdiff

import (
	"bytes"
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/gwrfacts/gwr/schema"
)

func year(y int32) *int32 { return &y }

// sets returns two fact sets of document A: one fact unchanged, one whose
// value goes from 10 to 100, one removed and one added; and a document B
// present only in the new set.
func sets() (old, new []schema.Fact) {
	unchanged := schema.Fact{DocID: "A", FactID: 1, Start: 3, End: 7, Mention: "6.5%",
		Sentence: "地区生产总值增长6.5%左右。", Indicator: "地区生产总值", Cue: "增长", Measure: "growth",
		ValueLow: 6.5, ValueHigh: 6.5, Bound: "approx", Unit: "percent", UnitText: "%", Kind: "target", Year: year(2023)}
	value := schema.Fact{DocID: "A", FactID: 2, Start: 20, End: 23, Mention: "10家",
		Sentence: "新增高新技术企业10家以上。", Indicator: "高新技术企业", Cue: "新增", Measure: "delta",
		ValueLow: 10, ValueHigh: 10, Bound: "ge", Unit: "count", UnitText: "家", Classifier: "家", Kind: "target", Year: year(2023)}
	removed := schema.Fact{DocID: "A", FactID: 3, Start: 40, End: 44, Mention: "4.5%",
		Sentence: "城镇登记失业率控制在4.5%以内。", Indicator: "城镇登记失业率", Measure: "level",
		ValueLow: 4.5, ValueHigh: 4.5, Bound: "le", Unit: "percent", Kind: "target"}
	added := schema.Fact{DocID: "A", FactID: 3, Start: 60, End: 63, Mention: "1万亩",
		Sentence: "改造提升高标准农田1万亩。", Indicator: "高标准农田", Measure: "delta",
		ValueLow: 10000, ValueHigh: 10000, Unit: "mu", Kind: "target"}
	onlyNew := schema.Fact{DocID: "B", FactID: 1, Start: 0, End: 2, Mention: "3个", Sentence: "建设3个片区", Unit: "count"}

	changed := value
	changed.ValueLow, changed.ValueHigh = 100, 100
	changed.Year = nil
	changed.FactID = 9 // ignored
	return []schema.Fact{unchanged, value, removed}, []schema.Fact{added, changed, unchanged, onlyNew}
}

func TestCompare(t *testing.T) {
	old, new := sets()
	r := Compare(old, new)
	type row struct {
		doc   string
		op    Op
		start int32
	}
	var got []row
	for _, d := range r.Diffs {
		got = append(got, row{d.DocID, d.Op, d.Fact().Start})
	}
	want := []row{{"A", Changed, 20}, {"A", Removed, 40}, {"A", Added, 60}, {"B", Added, 0}}
	if !slices.Equal(got, want) {
		t.Errorf("Compare() diffs = %v; want %v", got, want)
	}
	wantChanges := []Change{
		{"value_low", 10.0, 100.0},
		{"value_high", 10.0, 100.0},
		{"year", int32(2023), nil},
	}
	if got := r.Diffs[0].Changes; !slices.Equal(got, wantChanges) {
		t.Errorf("Changes = %v; want %v", got, wantChanges)
	}
	if got, want := r.Summary(), (Summary{Added: 2, Removed: 1, Changed: 1, DocumentsChanged: 2, Documents: 2}); got != want {
		t.Errorf("Summary() = %+v; want %+v", got, want)
	}
	if r.Empty() {
		t.Errorf("Empty() = true; want false")
	}
	if same := Compare(old, old); !same.Empty() || same.Summary().String() != "+0 -0 ~0 facts in 0 of 1 documents" {
		t.Errorf("Compare(old, old) = %+v; want empty, summary +0 -0 ~0 facts in 0 of 1 documents", same.Summary())
	}
}

func TestChanges(t *testing.T) {
	a := schema.Fact{DocID: "A", FactID: 1, Start: 5, End: 8, Mention: "10家", Unit: "count", Year: year(2023)}
	tests := []struct {
		name   string
		change func(*schema.Fact)
		want   []string
	}{
		{"same", func(*schema.Fact) {}, nil},
		{"fact_id ignored", func(f *schema.Fact) { f.FactID = 7 }, nil},
		{"span and mention", func(f *schema.Fact) { f.End, f.Mention = 10, "10家以上" }, []string{`end 8 -> 10`, `mention "10家" -> "10家以上"`}},
		{"unit", func(f *schema.Fact) { f.Unit = "percent" }, []string{`unit "count" -> "percent"`}},
		{"year to null", func(f *schema.Fact) { f.Year = nil }, []string{`year 2023 -> null`}},
		{"year changes", func(f *schema.Fact) { f.Year = year(2024) }, []string{`year 2023 -> 2024`}},
		{"rule", func(f *schema.Fact) { f.Rule = "r1" }, []string{`rule "" -> "r1"`}},
		{"big value printed plainly", func(f *schema.Fact) { f.ValueLow = 342000000 }, []string{`value_low 0 -> 342000000`}},
	}
	for _, tt := range tests {
		b := a
		tt.change(&b)
		var got []string
		for _, c := range Changes(a, b) {
			got = append(got, c.String())
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("%s: Changes() = %q; want %q", tt.name, got, tt.want)
		}
	}
	// A null year on the old side prints as null.
	if got, want := (Change{"year", nil, int32(2023)}).String(), "year null -> 2023"; got != want {
		t.Errorf("Change.String() = %q; want %q", got, want)
	}
}

func TestWriteText(t *testing.T) {
	old, new := sets()
	var buf bytes.Buffer
	if err := Compare(old, new).WriteText(&buf); err != nil {
		t.Fatal(err)
	}
	want := `== A
~ 10家  新增高新技术企业【10家】以上。
      value_low 10 -> 100
      value_high 10 -> 100
      year 2023 -> null
- 4.5%  城镇登记失业率控制在【4.5%】以内。
+ 1万亩  改造提升高标准农田【1万亩】。
== B
+ 3个  建设【3个】片区

+2 -1 ~1 facts in 2 of 2 documents
`
	if got := buf.String(); got != want {
		t.Errorf("WriteText() =\n%s\nwant\n%s", got, want)
	}
}

func TestWriteJSONL(t *testing.T) {
	old, new := sets()
	var buf bytes.Buffer
	if err := Compare(old, new).WriteJSONL(&buf); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n")
	if len(lines) != 5 {
		t.Fatalf("WriteJSONL() wrote %d lines; want 4 differences and a summary:\n%s", len(lines), buf.String())
	}
	var changed struct {
		DocID   string           `json:"doc_id"`
		Op      string           `json:"op"`
		Old     *schema.Fact     `json:"old"`
		New     *schema.Fact     `json:"new"`
		Changes []map[string]any `json:"changes"`
	}
	if err := json.Unmarshal([]byte(lines[0]), &changed); err != nil {
		t.Fatal(err)
	}
	if changed.DocID != "A" || changed.Op != "~" || changed.Old.ValueLow != 10 || changed.New.ValueLow != 100 {
		t.Errorf("line 1 = %s; want the change of A from 10 to 100", lines[0])
	}
	if len(changed.Changes) != 3 || changed.Changes[0]["field"] != "value_low" || changed.Changes[2]["new"] != nil {
		t.Errorf("line 1 changes = %v; want value_low, value_high, year (to null)", changed.Changes)
	}
	for i, want := range []string{`"op":"-","old":{`, `"op":"+","old":null,"new":{`, `"doc_id":"B","op":"+"`} {
		if !strings.Contains(lines[i+1], want) || !strings.HasSuffix(lines[i+1], `"changes":[]}`) {
			t.Errorf("line %d = %s; want it to hold %s and end with empty changes", i+2, lines[i+1], want)
		}
	}
	if want := `{"summary":{"added":2,"removed":1,"changed":1,"documents_changed":2,"documents":2}}`; lines[4] != want {
		t.Errorf("last line = %s; want %s", lines[4], want)
	}
}
