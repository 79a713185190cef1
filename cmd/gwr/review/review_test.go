package review

import (
	"bytes"
	"fmt"
	"io"
	"math/rand"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/net/html"

	"github.com/gwrfacts/gwr/schema"
)

func year(y int32) *int32 { return &y }

func TestFormatValue(t *testing.T) {
	tests := []struct {
		name string
		f    schema.Fact
		want string
	}{
		{"money scaled to 亿", schema.Fact{ValueLow: 342000000, ValueHigh: 342000000, Bound: "eq", Unit: "CNY", UnitText: "亿元"}, "3.42亿元"},
		{"money scaled to 万", schema.Fact{ValueLow: 57500000, ValueHigh: 57500000, Bound: "eq", Unit: "USD", UnitText: "万美元"}, "5750万美元"},
		{"percent approx", schema.Fact{ValueLow: 6.5, ValueHigh: 6.5, Bound: "approx", Unit: "percent", UnitText: "%"}, "≈6.5%"},
		{"count ge", schema.Fact{ValueLow: 10, ValueHigh: 10, Bound: "ge", Unit: "count", UnitText: "家", Classifier: "家"}, "≥10家"},
		{"count gt", schema.Fact{ValueLow: 300, ValueHigh: 300, Bound: "gt", Unit: "count", UnitText: "张", Classifier: "张"}, ">300张"},
		{"le", schema.Fact{ValueLow: 4.5, ValueHigh: 4.5, Bound: "le", Unit: "percent", UnitText: "%"}, "≤4.5%"},
		{"lt", schema.Fact{ValueLow: 1, ValueHigh: 1, Bound: "lt", Unit: "percent", UnitText: "%"}, "<1%"},
		{"percentage points", schema.Fact{ValueLow: 2, ValueHigh: 2, Bound: "eq", Unit: "pp", UnitText: "个百分点"}, "2个百分点"},
		{"negative tonnes", schema.Fact{ValueLow: -65000, ValueHigh: -65000, Bound: "eq", Unit: "t", UnitText: "万吨"}, "-6.5万吨"},
		{"decimal that is not binary", schema.Fact{ValueLow: 0.1, ValueHigh: 0.1, Bound: "eq", Unit: "percent", UnitText: "%"}, "0.1%"},
		{"range shares its unit", schema.Fact{ValueLow: 3, ValueHigh: 5, Bound: "range", Unit: "count", UnitText: "个", Classifier: "个"}, "3–5个"},
		{"range shares 万", schema.Fact{ValueLow: 30000, ValueHigh: 50000, Bound: "range", Unit: "mu", UnitText: "万亩"}, "3–5万亩"},
		{"range across scales", schema.Fact{ValueLow: 5000, ValueHigh: 20000, Bound: "range", Unit: "mu", UnitText: "亩"}, "5000亩–2万亩"},
		{"two-digit growth", schema.Fact{ValueLow: 10, ValueHigh: 99.99, Bound: "range", Unit: "percent", UnitText: "%"}, "10–99.99%"},
		{"count without classifier", schema.Fact{ValueLow: 7, ValueHigh: 7, Bound: "eq", Unit: "count"}, "7个"},
		{"other unit keeps its text", schema.Fact{ValueLow: 5, ValueHigh: 5, Bound: "ge", Unit: "other", UnitText: "标箱"}, "≥5标箱"},
		{"unknown unit keeps its text", schema.Fact{ValueLow: 1.5, ValueHigh: 1.5, Bound: "eq", Unit: "furlong", UnitText: "浪"}, "1.5浪"},
	}
	for _, tt := range tests {
		if got := FormatValue(tt.f); got != tt.want {
			t.Errorf("%s: FormatValue(%v %s %s) = %q; want %q", tt.name, tt.f.ValueLow, tt.f.Unit, tt.f.Bound, got, tt.want)
		}
	}
}

func TestToken(t *testing.T) {
	for in, want := range map[string]string{"CNY": "CNY", "ug/m3": "ug_2fm3", "": "_", "a b": "a_20b", "单位": "_5355_4f4d"} {
		if got := token(in); got != want {
			t.Errorf("token(%q) = %q; want %q", in, got, want)
		}
	}
}

// fact makes a fact of doc D spanning text[start:end] in code points.
func fact(text string, id, start, end int32, kind, measure, unit string) schema.Fact {
	r := []rune(text)
	m := ""
	if start >= 0 && end <= int32(len(r)) && start <= end {
		m = string(r[start:end])
	}
	return schema.Fact{DocID: "D", FactID: id, Start: start, End: end, Mention: m, Sentence: text,
		Indicator: fmt.Sprintf("指标%d", id), Measure: schema.Measure(measure), Kind: schema.Kind(kind), Unit: schema.Unit(unit), Bound: schema.Eq,
		ValueLow: 1, ValueHigh: 1, Year: year(2024), Rule: "point"}
}

// segs renders segments as text with highlights in [brackets] and their
// row's fact id: "新增[1:10家]".
func segs(ss []segment) string {
	var b strings.Builder
	for _, s := range ss {
		if s.Break {
			b.WriteString("/")
		}
		if s.Fact != nil {
			fmt.Fprintf(&b, "[%s:%s]", s.Fact.FactID, s.Text)
		} else {
			b.WriteString(s.Text)
		}
	}
	return b.String()
}

func TestSplitText(t *testing.T) {
	// 𠀀 is one code point but four UTF-8 bytes and two UTF-16 units:
	// offsets after it show that they count code points.
	text := "𠀀新增企业10家，增长6.5%。"
	tests := []struct {
		name  string
		facts []schema.Fact
		want  string
		odd   []bool
	}{
		{"none", nil, text, nil},
		{"two facts", []schema.Fact{fact(text, 1, 5, 8, "target", "delta", "count"), fact(text, 2, 11, 15, "target", "growth", "percent")},
			"𠀀新增企业[1:10家]，增长[2:6.5%]。", []bool{false, false}},
		{"at both ends", []schema.Fact{fact(text, 1, 0, 1, "actual", "level", "count"), fact(text, 2, 15, 16, "actual", "level", "count")},
			"[1:𠀀]新增企业10家，增长6.5%[2:。]", []bool{false, false}},
		{"overlap is clipped", []schema.Fact{fact(text, 1, 5, 8, "target", "delta", "count"), fact(text, 2, 6, 9, "target", "delta", "count")},
			"𠀀新增企业[1:10家][2:，]增长6.5%。", []bool{false, true}},
		{"inside another is empty", []schema.Fact{fact(text, 1, 5, 10, "target", "delta", "count"), fact(text, 2, 6, 7, "target", "delta", "count")},
			"𠀀新增企业[1:10家，增][2:]长6.5%。", []bool{false, true}},
		{"past the end is clipped", []schema.Fact{fact(text, 1, 14, 40, "target", "delta", "count")},
			"𠀀新增企业10家，增长6.5[1:%。]", []bool{true}},
		{"wrong mention is flagged", []schema.Fact{func() schema.Fact {
			f := fact(text, 1, 5, 8, "target", "delta", "count")
			f.Mention = "11家"
			return f
		}()}, "𠀀新增企业[1:10家]，增长6.5%。", []bool{true}},
	}
	for _, tt := range tests {
		ids := newIDs()
		rows := make([]*row, len(tt.facts))
		for i, f := range tt.facts {
			rows[i] = newRow("D", f, ids)
		}
		got := splitText(text, tt.facts, rows)
		if s := segs(got); s != tt.want {
			t.Errorf("%s: splitText = %s; want %s", tt.name, s, tt.want)
		}
		for i, r := range rows {
			if (r.Odd != "") != tt.odd[i] {
				t.Errorf("%s: fact %s odd = %q; want odd %v", tt.name, r.FactID, r.Odd, tt.odd[i])
			}
			if tt.odd[i] != strings.Contains(r.Class, "odd") {
				t.Errorf("%s: fact %s class %q; want odd %v", tt.name, r.FactID, r.Class, tt.odd[i])
			}
		}
	}
}

func TestSplitSentences(t *testing.T) {
	facts := []schema.Fact{
		{FactID: 1, Mention: "10家", Sentence: "新增企业10家。"},
		{FactID: 2, Mention: "5%", Sentence: "增长五个点"},
	}
	ids := newIDs()
	rows := []*row{newRow("D", facts[0], ids), newRow("D", facts[1], ids)}
	if got, want := segs(splitSentences(facts, rows)), "新增企业[1:10家]。/增长五个点 [2:5%]"; got != want {
		t.Errorf("splitSentences = %s; want %s", got, want)
	}
}

// page parses the page and returns its root.
func parse(t *testing.T, b []byte) *html.Node {
	t.Helper()
	root, err := html.Parse(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("parse page: %v", err)
	}
	return root
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func hasClass(n *html.Node, c string) bool {
	for _, f := range strings.Fields(attr(n, "class")) {
		if f == c {
			return true
		}
	}
	return false
}

// find returns the element nodes under n for which match holds, in
// document order.
func find(n *html.Node, match func(*html.Node) bool) []*html.Node {
	var out []*html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && match(n) {
			out = append(out, n)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return out
}

func textOf(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}

// at returns the code-point offset of the first s in text.
func at(text, s string) int32 {
	return int32(utf8.RuneCountInString(text[:strings.Index(text, s)]))
}

func TestWrite(t *testing.T) {
	// Markup in the text must come out as text.
	text := "<script>alert(1)</script> & 新增“企业”10家，\n增长6.5%。</div>"
	facts := []schema.Fact{
		fact(text, 2, at(text, "6.5%"), at(text, "6.5%")+4, "actual", "growth", "percent"),
		fact(text, 1, at(text, "10家"), at(text, "10家")+3, "target", "delta", "count"),
	}
	facts[0].Indicator = `"quoted" <增长>`
	other := []schema.Fact{{DocID: "E", FactID: 1, Mention: "3亿元", Sentence: "投资3亿元。", Kind: "target", Measure: "level", Unit: "CNY", Bound: "eq", ValueLow: 3e8, ValueHigh: 3e8}}
	docs := []Document{
		{ID: "D", Row: &schema.Document{DocID: "D", Region: "淄川区", Level: "district", Year: year(2023), DocType: "report", Chars: int32(utf8.RuneCountInString(text))}, Text: text, HasText: true, Facts: facts},
		{ID: "E", Facts: other},
	}
	var buf bytes.Buffer
	if err := Write(&buf, docs, Options{Generator: "gwr test"}); err != nil {
		t.Fatal(err)
	}
	page := buf.Bytes()
	root := parse(t, page)

	reports := find(root, func(n *html.Node) bool { return n.Data == "div" && hasClass(n, "report") })
	if len(reports) != 2 {
		t.Fatalf("got %d report texts; want 2", len(reports))
	}
	if got := textOf(reports[0]); got != text {
		t.Errorf("text of the report = %q; want the document text %q", got, text)
	}
	marks := find(root, func(n *html.Node) bool { return n.Data == "mark" && hasClass(n, "fact") })
	type mk struct{ id, text, kind, measure, unit, indicator, value, year string }
	var got []mk
	for _, m := range marks {
		got = append(got, mk{attr(m, "id"), textOf(m), attr(m, "data-kind"), attr(m, "data-measure"), attr(m, "data-unit"), attr(m, "data-indicator"), attr(m, "data-value"), attr(m, "data-year")})
	}
	want := []mk{
		{"f-D-1", "10家", "target", "delta", "count", "指标1", "1个", "2024"},
		{"f-D-2", "6.5%", "actual", "growth", "percent", `"quoted" <增长>`, "1%", "2024"},
		{"f-E-1", "3亿元", "target", "level", "CNY", "", "3亿元", ""},
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("highlights:\ngot  %v\nwant %v", got, want)
	}
	if c := attr(marks[1], "class"); c != "fact k-actual m-growth u-percent y-2024 h-_" {
		t.Errorf("class of f-D-2 = %q; want %q", c, "fact k-actual m-growth u-percent y-2024 h-_")
	}
	// What the correction tool exports: the raw values and the span.
	for _, a := range [][2]string{{"data-low", "1"}, {"data-high", "1"}, {"data-start", fmt.Sprint(facts[0].Start)}, {"data-end", fmt.Sprint(facts[0].End)}} {
		if got := attr(marks[1], a[0]); got != a[1] {
			t.Errorf("f-D-2 %s = %q; want %q", a[0], got, a[1])
		}
	}
	for _, r := range find(root, func(n *html.Node) bool { return n.Data == "tr" && attr(n, "data-for") == "f-E-1" }) {
		if got := attr(r, "title"); got != "投资3亿元。" {
			t.Errorf("row of f-E-1: title %q; want its sentence", got)
		}
	}
	key := attr(find(root, func(n *html.Node) bool { return n.Data == "body" })[0], "data-key")
	if !regexp.MustCompile(`^gwr-review-[0-9a-f]{16}$`).MatchString(key) {
		t.Errorf("body data-key = %q; want gwr-review-<16 hex digits>", key)
	}
	var moved bytes.Buffer
	other[0].Start++
	if err := Write(&moved, docs, Options{}); err != nil {
		t.Fatal(err)
	}
	other[0].Start--
	if bytes.Contains(moved.Bytes(), []byte(key)) {
		t.Errorf("a page of other facts has the same storage key %s", key)
	}
	if got := attr(marks[2], "data-low"); got != "300000000" {
		t.Errorf("f-E-1 data-low = %q; want 300000000 (not 3e+08)", got)
	}
	rows := find(root, func(n *html.Node) bool { return n.Data == "tr" && attr(n, "data-for") != "" })
	var forIDs []string
	for _, r := range rows {
		forIDs = append(forIDs, attr(r, "id")+">"+attr(r, "data-for"))
	}
	if got, want := strings.Join(forIDs, " "), "r-D-1>f-D-1 r-D-2>f-D-2 r-E-1>f-E-1"; got != want {
		t.Errorf("table rows = %s; want %s", got, want)
	}
	if n := len(find(root, func(n *html.Node) bool { return n.Data == "script" })); n != 1 {
		t.Errorf("got %d script elements; want 1 (the page's own)", n)
	}
	// Self-contained: nothing to fetch.
	for _, n := range find(root, func(n *html.Node) bool { return attr(n, "src") != "" || attr(n, "href") != "" }) {
		t.Errorf("element <%s> refers to %q%q; the page must not load anything", n.Data, attr(n, "src"), attr(n, "href"))
	}
	for _, s := range []string{"http:", "https:", "@import", "url("} {
		if bytes.Contains(page, []byte(s)) {
			t.Errorf("page contains %q", s)
		}
	}
	if !bytes.Contains(page, []byte(`Content-Security-Policy" content="default-src 'none'`)) {
		t.Errorf("page has no Content-Security-Policy forbidding fetches")
	}
	// Filters: one checkbox per value present, and the CSS that hides it.
	var boxes []string
	for _, n := range find(root, func(n *html.Node) bool { return n.Data == "input" && attr(n, "data-token") != "" }) {
		boxes = append(boxes, attr(n, "data-token"))
	}
	if got, want := strings.Join(boxes, " "), "k-target k-actual m-level m-delta m-growth u-CNY u-percent u-count y-2024 y-_ h-_"; got != want {
		t.Errorf("filter checkboxes = %s; want %s", got, want)
	}
	if !bytes.Contains(page, []byte(".hide-u-CNY mark.u-CNY{")) {
		t.Errorf("page has no rule hiding u-CNY")
	}
	for _, s := range []string{"淄川区 · district · 2023 · report", "each fact is shown in its sentence", "written by gwr test"} {
		if !bytes.Contains(page, []byte(s)) {
			t.Errorf("page does not contain %q", s)
		}
	}

	// Deterministic, whatever the order of the facts.
	facts[0], facts[1] = facts[1], facts[0]
	var again bytes.Buffer
	if err := Write(&again, docs, Options{Generator: "gwr test"}); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(again.Bytes(), page) {
		t.Errorf("a second Write with the facts reordered gave different bytes")
	}
}

func TestWriteUniqueIDs(t *testing.T) {
	f := schema.Fact{DocID: "a b", FactID: 1, Start: 0, End: 1, Mention: "1"}
	docs := []Document{
		{ID: "a b", Text: "1", HasText: true, Facts: []schema.Fact{f, f}},
		{ID: "a b", Text: "1", HasText: true, Facts: []schema.Fact{f}},
	}
	var buf bytes.Buffer
	if err := Write(&buf, docs, Options{}); err != nil {
		t.Fatal(err)
	}
	root := parse(t, buf.Bytes())
	var ids []string
	for _, n := range find(root, func(n *html.Node) bool {
		return attr(n, "id") != "" && (n.Data == "section" || n.Data == "mark" || n.Data == "tr")
	}) {
		ids = append(ids, n.Data+"#"+attr(n, "id"))
	}
	want := "section#d-a_b mark#f-a_b-1 mark#f-a_b-1~2 tr#r-a_b-1 tr#r-a_b-1~2 section#d-a_b~2 mark#f-a_b-1~3 tr#r-a_b-1~3"
	if got := strings.Join(ids, " "); got != want {
		t.Errorf("ids = %s; want %s", got, want)
	}
}

// largeReport is a 500 KB report with thousands of facts.
func largeReport() (string, []schema.Fact) {
	rng := rand.New(rand.NewSource(1))
	var b strings.Builder
	var facts []schema.Fact
	pos := int32(0)
	for b.Len() < 500_000 {
		lead := "全面推进高标准农田建设，新增"
		b.WriteString(lead)
		pos += int32(utf8.RuneCountInString(lead))
		m := fmt.Sprintf("%d万亩", rng.Intn(1000))
		b.WriteString(m)
		n := int32(utf8.RuneCountInString(m))
		facts = append(facts, schema.Fact{DocID: "big", FactID: int32(len(facts) + 1), Start: pos, End: pos + n, Mention: m,
			Indicator: "高标准农田", Measure: "delta", Kind: "target", Unit: "mu", Bound: "eq", ValueLow: 1e4, ValueHigh: 1e4})
		pos += n
		b.WriteString("。\n")
		pos += 2
	}
	return b.String(), facts
}

// TestWriteLargeReport writes the page of a large report: every fact is
// highlighted once, the text appears once, and the page grows linearly with
// the text and the facts (its speed is BenchmarkWriteLargeReport's).
func TestWriteLargeReport(t *testing.T) {
	text, facts := largeReport()
	var buf bytes.Buffer
	if err := Write(&buf, []Document{{ID: "big", Text: text, HasText: true, Facts: facts}}, Options{}); err != nil {
		t.Fatal(err)
	}
	if got := bytes.Count(buf.Bytes(), []byte(`<mark id="f-big-`)); got != len(facts) {
		t.Errorf("got %d highlights; want %d", got, len(facts))
	}
	if n := bytes.Count(buf.Bytes(), []byte("全面推进高标准农田建设")); n != len(facts) {
		t.Errorf("the text appears %d times per sentence; want once", n/len(facts))
	}
	if limit := 3*len(text) + 1000*len(facts); buf.Len() > limit {
		t.Errorf("page of a %d-byte report with %d facts is %d bytes; want at most %d (3 per text byte + 1000 per fact)", len(text), len(facts), buf.Len(), limit)
	}
}

func BenchmarkWriteLargeReport(b *testing.B) {
	text, facts := largeReport()
	docs := []Document{{ID: "big", Text: text, HasText: true, Facts: facts}}
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		if err := Write(io.Discard, docs, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
