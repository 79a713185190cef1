package panel

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/gwrfacts/gwr/extract/taxonomy"
	"github.com/gwrfacts/gwr/schema"
	"github.com/gwrfacts/gwr/schema/schematest"
)

func i32(v int32) *int32   { return &v }
func str(s string) *string { return &s }

func doc(id, region, code, level string, year int32, docType string) schema.Document {
	return schema.Document{DocID: id, Region: region, RegionCode: str(code), Level: level, Year: i32(year), DocType: docType}
}

// fact is a coded fact of document doc.
func fact(docID string, id int32, code, kind string, year int32, low, high float64, bound, mention, sentence string) schema.Fact {
	unit := "percent"
	if strings.HasSuffix(mention, "亿元") {
		unit = "CNY"
	}
	return schema.Fact{DocID: docID, FactID: id, Start: id * 10, Mention: mention, Sentence: sentence, IndicatorCode: str(code),
		Kind: schema.Kind(kind), Year: i32(year), ValueLow: low, ValueHigh: high, Bound: schema.Bound(bound), Unit: schema.Unit(unit), Measure: schema.Growth}
}

// estimated is a fact with the hedge 预计.
func estimated(docID string, id int32, code, kind string, year int32, low, high float64, bound, mention, sentence string) schema.Fact {
	f := fact(docID, id, code, kind, year, low, high, bound, mention, sentence)
	f.Hedge = "预计"
	return f
}

// hebei is two reports of one province: the 2024 report's targets and the
// 2025 report's outcomes for 2024.
func hebei() ([]schema.Document, []schema.Fact) {
	docs := []schema.Document{
		doc("hb2024", "河北省", "130000", "province", 2024, "report"),
		doc("hb2025", "河北省", "130000", "province", 2025, "report"),
		doc("news2025", "河北省", "130000", "province", 2025, "news"),
		{DocID: "unknown", Region: "某地", Level: "county", Year: i32(2025)},
	}
	facts := []schema.Fact{
		// 2024 report: a bare figure in the review read as a target, then
		// the targets paragraph, then a five-year goal
		fact("hb2024", 3, "gdp_growth", "target", 2024, 5.5, 5.5, "eq", "5.5%", "全省地区生产总值增长5.5%。"),
		fact("hb2024", 9, "gdp_growth", "target", 2024, 5.5, 5.5, "approx", "5.5%左右", "今年主要预期目标是：地区生产总值增长5.5%左右；"),
		fact("hb2024", 12, "gdp_growth", "target", 2024, 6, 6, "ge", "6%以上", "“十四五”期间地区生产总值增长6%以上。"),
		fact("hb2024", 14, "cpi", "target", 2024, 3, 3, "approx", "3%左右", "居民消费价格涨幅3%左右；"),
		fact("hb2024", 15, "energy_intensity", "target", 2024, -3, -3, "ge", "3%以上", "单位地区生产总值能耗下降3%以上。"),
		fact("hb2024", 16, "gdp_growth", "target", 2027, 6, 6, "eq", "6%", "到2027年地区生产总值增长6%。"), // another year's target
		// 2025 report: outcomes of 2024; a five-year average is not one
		fact("hb2025", 2, "gdp_growth", "actual", 2024, 5.4, 5.4, "eq", "5.4%", "2024年全省地区生产总值增长5.4%。"),
		fact("hb2025", 4, "gdp_growth", "actual", 2024, 6.1, 6.1, "eq", "6.1%", "五年来地区生产总值年均增长6.1%。"),
		fact("hb2025", 5, "cpi", "actual", 2024, 0.2, 0.2, "eq", "0.2%", "居民消费价格上涨0.2%。"),
		fact("hb2025", 6, "energy_intensity", "actual", 2024, -2.5, -2.5, "eq", "2.5%", "单位地区生产总值能耗下降2.5%。"),
		fact("hb2025", 1, "gdp", "actual", 2024, 35000e8, 35000e8, "eq", "3.5万亿元", "地区生产总值从3.5万亿元增加到4.75万亿元。"),
		fact("hb2025", 7, "gdp", "actual", 2024, 47526e8, 47526e8, "eq", "47526亿元", "地区生产总值47526亿元。"),
		fact("news2025", 1, "gdp_growth", "actual", 2024, 5.4, 5.4, "eq", "5.4%", "2024年河北地区生产总值增长5.4%。"),
		fact("hb2025", 20, "gdp_growth", "target", 2025, 5.5, 5.5, "approx", "5.5%左右", "主要预期目标是：地区生产总值增长5.5%左右。"),
		// trade: a growth target, an outcome stated only in 亿元
		fact("hb2024", 17, "trade", "target", 2024, 5, 5, "approx", "5%左右", "进出口总额增长5%左右。"),
		fact("hb2025", 8, "trade", "actual", 2024, 3192e8, 3192e8, "eq", "3192亿元", "进出口总额3192亿元。"),
		// estimates: of last year (an outcome, after the reported figure),
		// of this year (left out)
		estimated("hb2025", 30, "gdp", "target", 2025, 5e12, 5e12, "ge", "5万亿元", "预计全省地区生产总值迈上5万亿元。"),
		estimated("hb2025", 31, "fai_growth", "target", 2025, 3, 3, "approx", "3%左右", "预计全省固定资产投资增长3%左右。"),
		estimated("hb2025", 32, "college_graduates", "target", 2025, 3e5, 3e5, "gt", "超过30万人", "预计今年高校毕业生超过30万人。"),
		fact("unknown", 1, "gdp_growth", "target", 2025, 7, 7, "approx", "7%左右", "主要预期目标：生产总值增长7%左右。"),
	}
	return docs, facts
}

func TestBuild(t *testing.T) {
	docs, facts := hebei()
	res := Build(docs, facts, taxonomy.Default())
	type cell struct {
		year                   int32
		code                   string
		target, actual         string // mentions, "" for none
		targetFact, actualFact int32
		met                    string // "true", "false" or "null"
		conflicts              int32
	}
	var got []cell
	for _, r := range res.Rows {
		c := cell{year: r.Year, code: r.IndicatorCode, met: "null", conflicts: r.Conflicts}
		if r.TargetMention != nil {
			c.target, c.targetFact = *r.TargetMention, *r.TargetFactID
		}
		if r.ActualMention != nil {
			c.actual, c.actualFact = *r.ActualMention, *r.ActualFactID
		}
		if r.Met != nil {
			c.met = map[bool]string{true: "true", false: "false"}[*r.Met]
		}
		if r.RegionCode != "130000" || r.Region != "河北省" || r.Level != "province" {
			t.Errorf("row %+v: region %s %s %s, want 河北省 130000 province", c, r.Region, r.RegionCode, r.Level)
		}
		got = append(got, c)
	}
	want := []cell{
		{2024, "cpi", "3%左右", "0.2%", 14, 5, "true", 0},
		{2024, "energy_intensity", "3%以上", "2.5%", 15, 6, "false", 0},
		{2024, "fai_growth", "", "3%左右", 0, 31, "null", 0},
		{2024, "gdp", "", "47526亿元", 0, 7, "null", 2}, // not the starting point of 从A增加到B
		// targets paragraph first; the 2025 report before the news article
		{2024, "gdp_growth", "5.5%左右", "5.4%", 9, 2, "false", 3},
		// only an outcome in the target's unit is picked
		{2024, "trade", "5%左右", "", 17, 0, "null", 1},
		{2025, "gdp_growth", "5.5%左右", "", 20, 0, "null", 0},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Build rows:\ngot  %+v\nwant %+v", got, want)
	}
	if g := res.Rows[4]; *g.TargetDocID != "hb2024" || *g.ActualDocID != "hb2025" || g.IndicatorNameEN != "GDP growth" || g.Unit != "percent" {
		t.Errorf("gdp_growth 2024: target doc %s, actual doc %s, name %q, unit %s; want hb2024, hb2025, GDP growth, percent",
			*g.TargetDocID, *g.ActualDocID, g.IndicatorNameEN, g.Unit)
	}
	var conflicts []string
	for _, c := range res.Conflicts {
		conflicts = append(conflicts, c.Side+" "+c.DocID+" "+c.Mention+" "+c.Agrees)
	}
	wantConflicts := []string{"actual hb2025 3.5万亿元 differs", "actual hb2025 5万亿元 differs", "target hb2024 5.5% differs", "target hb2024 6%以上 differs", "actual news2025 5.4% same", "actual hb2025 3192亿元 differs"}
	if !reflect.DeepEqual(conflicts, wantConflicts) {
		t.Errorf("conflicts:\ngot  %q\nwant %q", conflicts, wantConflicts)
	}
	wantStats := Stats{Documents: 4, NoRegion: 1, Coded: 18, Targets: 5, Actuals: 5, Met: 1, Missed: 2, Disagreements: 5}
	if res.Stats != wantStats {
		t.Errorf("stats = %+v, want %+v", res.Stats, wantStats)
	}
}

func TestMet(t *testing.T) {
	tests := []struct {
		low, high float64
		bound     string
		dir       string
		actual    float64
		met, ok   bool
	}{
		{5, 5, "approx", taxonomy.Up, 5, true, true},
		{5, 5, "approx", taxonomy.Up, 4.9, false, true},
		{5.5, 5.5, "eq", taxonomy.Up, 5.4, false, true},
		{5, 5, "ge", taxonomy.Up, 5, true, true},
		{5, 5, "gt", taxonomy.Up, 5, false, true},
		{5, 5, "ge", taxonomy.Down, 4, false, true}, // the bound decides, not the direction
		{6, 6.5, "range", taxonomy.Up, 6.1, true, true},
		{6, 6.5, "range", taxonomy.Up, 5.9, false, true},
		{6, 6.5, "range", taxonomy.Up, 7, true, true},
		{6, 6.5, "range", taxonomy.Neither, 7, false, true},
		{6, 6.5, "range", taxonomy.Neither, 6.2, true, true},
		{3, 3, "approx", taxonomy.Down, 0.2, true, true}, // inflation under its ceiling
		{3, 3, "approx", taxonomy.Down, 3.3, false, true},
		{5.5, 5.5, "le", taxonomy.Down, 5.5, true, true},
		{5.5, 5.5, "lt", taxonomy.Down, 5.5, false, true},
		// decreases: the bound is on the size of the fall
		{-3, -3, "ge", taxonomy.Down, -3.5, true, true},
		{-3, -3, "ge", taxonomy.Down, -2.5, false, true},
		{-3, -3, "approx", taxonomy.Down, -3, true, true},
		{-3, -3, "approx", taxonomy.Down, -2.9, false, true},
		{-3, -3, "le", taxonomy.Down, -2, true, true},
		{-3, -3, "le", taxonomy.Down, -4, false, true},
		{-3, -2, "range", taxonomy.Down, -2.5, true, true},
		// not decided
		{5, 5, "approx", taxonomy.Neither, 5, false, false},
		{5, 5, "eq", taxonomy.Neither, 5, false, false},
	}
	for _, tt := range tests {
		target := schema.Fact{ValueLow: tt.low, ValueHigh: tt.high, Bound: schema.Bound(tt.bound)}
		actual := schema.Fact{ValueLow: tt.actual, ValueHigh: tt.actual}
		met, ok := Met(target, actual, tt.dir)
		if met != tt.met || ok != tt.ok {
			t.Errorf("Met(%v..%v %s, %s, outcome %v) = %v, %v; want %v, %v", tt.low, tt.high, tt.bound, tt.dir, tt.actual, met, ok, tt.met, tt.ok)
		}
	}
}

// TestTablesRoundTrip writes the panel and its conflicts in every format and
// reads them back: the nullable float, string, int32 and bool columns keep
// their nulls.
func TestTablesRoundTrip(t *testing.T) {
	docs, facts := hebei()
	res := Build(docs, facts, taxonomy.Default())
	dir := t.TempDir()
	for _, format := range schema.Formats {
		for _, tab := range []struct {
			t    *schema.Table
			rows any
		}{{schema.PanelTable, res.Rows}, {schema.ConflictsTable, res.Conflicts}} {
			path := filepath.Join(dir, tab.t.Name+"."+format)
			schematest.WriteTable(t, path, tab.t, schema.Meta{ToolVersion: "test"}, tab.rows)
			got, err := tab.t.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			want := tab.rows
			if format == schema.FormatCSV {
				want = csvRows(tab.rows)
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("%s: read back %+v, want %+v", path, got, tab.rows)
			}
		}
	}
}

// csvRows is rows as CSV gives them back: an empty string in a nullable
// column reads as null.
func csvRows(rows any) any {
	ps, ok := rows.([]schema.PanelRow)
	if !ok {
		return rows
	}
	out := make([]schema.PanelRow, len(ps))
	for i, r := range ps {
		for _, p := range []**string{&r.TargetBound, &r.TargetHedge, &r.TargetMention, &r.TargetDocID, &r.ActualBound, &r.ActualMention, &r.ActualDocID} {
			if *p != nil && **p == "" {
				*p = nil
			}
		}
		out[i] = r
	}
	return out
}

func TestWriteHTML(t *testing.T) {
	docs, facts := hebei()
	facts[1].Sentence = "</script><b>x</b>" // must not end the data element
	facts[1].Mention = "</script>5.5%左右"
	res := Build(docs, facts, taxonomy.Default())
	var b bytes.Buffer
	if err := WriteHTML(&b, res.Rows); err != nil {
		t.Fatal(err)
	}
	page := b.String()
	if n := strings.Count(page, "</script>"); n != 2 {
		t.Errorf("page has %d </script>, want 2 (the data's own is escaped)", n)
	}
	if regexp.MustCompile(`(?i)(src|href)\s*=\s*["']?(https?:|//)`).MatchString(page) {
		t.Error("page loads something from the network; it must be self-contained")
	}
	m := regexp.MustCompile(`(?s)<script type="application/json" id="panel-data">(.*?)</script>`).FindStringSubmatch(page)
	if m == nil {
		t.Fatal("no panel-data element")
	}
	var rows []schema.PanelRow
	if err := json.Unmarshal([]byte(strings.ReplaceAll(m[1], `<\/`, "</")), &rows); err != nil {
		t.Fatalf("panel data is not JSON: %v", err)
	}
	if !reflect.DeepEqual(rows, res.Rows) {
		t.Errorf("panel data holds %d rows, want the %d of the panel", len(rows), len(res.Rows))
	}
	if err := WriteHTML(&b, nil); err != nil {
		t.Errorf("WriteHTML of no rows: %v", err)
	}
}

// TestMarkdownFile keeps docs/panel.md in step with the tables and the
// taxonomy; GWR_UPDATE=1 rewrites it.
func TestMarkdownFile(t *testing.T) {
	path := filepath.Join("..", "..", "..", "docs", "panel.md")
	got := Markdown(taxonomy.Default())
	if os.Getenv("GWR_UPDATE") == "1" {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run GWR_UPDATE=1 go test ./cmd/gwr/panel/ to create it)", err)
	}
	if got != string(want) {
		gl, wl := strings.Split(got, "\n"), strings.Split(string(want), "\n")
		for i := range max(len(gl), len(wl)) {
			var g, w string
			if i < len(gl) {
				g = gl[i]
			}
			if i < len(wl) {
				w = wl[i]
			}
			if g != w {
				t.Fatalf("%s differs at line %d (run GWR_UPDATE=1 go test ./cmd/gwr/panel/ to accept):\ngot  %q\nwant %q", path, i+1, g, w)
			}
		}
	}
	for _, tab := range schema.PanelTables {
		for _, c := range tab.Columns {
			if !strings.Contains(got, "| `"+c.Name+"` |") {
				t.Errorf("docs/panel.md does not document %s.%s", tab.Name, c.Name)
			}
		}
	}
	for _, c := range taxonomy.Default().Codes {
		if !strings.Contains(got, "| `"+c.Code+"` |") {
			t.Errorf("docs/panel.md does not list code %s", c.Code)
		}
	}
}
