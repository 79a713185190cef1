package schema

import (
	"bytes"
	"encoding/json"
	"errors"
	"math"
	"strings"
	"testing"
)

var exampleFact = Fact{
	DocID: "000_905a9ba025aa535a", FactID: 1, Start: 120, End: 126,
	Mention: "3.42亿元", Sentence: "抓好总投资3.42亿元的<重点>项目&工程。", Indicator: "总投资",
	Cue: "", Measure: "level", ValueLow: 342000000, ValueHigh: 342000000,
	Bound: "eq", Unit: "CNY", UnitText: "亿元", Classifier: "", Kind: "target",
	Year: int32p(2024), Hedge: "", Rule: "money.total",
}

func writeString(t *testing.T, format string, tab *Table, rows any) string {
	t.Helper()
	var buf bytes.Buffer
	w, err := NewWriter(format, tab, Meta{}, &buf)
	if err != nil {
		t.Fatal(err)
	}
	if err := w.Write(rows); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

func TestJSONL(t *testing.T) {
	noYear := exampleFact
	noYear.Year, noYear.FactID, noYear.ValueLow, noYear.ValueHigh, noYear.Bound = nil, 2, 10, 99.99, "range"
	code := "fai"
	noYear.IndicatorCode = &code
	got := writeString(t, FormatJSONL, FactsTable, []Fact{exampleFact, noYear})
	want := `{"doc_id":"000_905a9ba025aa535a","fact_id":1,"start":120,"end":126,"mention":"3.42亿元","sentence":"抓好总投资3.42亿元的<重点>项目&工程。","indicator":"总投资","indicator_code":null,"cue":"","measure":"level","value_low":342000000,"value_high":342000000,"bound":"eq","unit":"CNY","unit_text":"亿元","classifier":"","kind":"target","year":2024,"hedge":"","rule":"money.total"}
{"doc_id":"000_905a9ba025aa535a","fact_id":2,"start":120,"end":126,"mention":"3.42亿元","sentence":"抓好总投资3.42亿元的<重点>项目&工程。","indicator":"总投资","indicator_code":"fai","cue":"","measure":"level","value_low":10,"value_high":99.99,"bound":"range","unit":"CNY","unit_text":"亿元","classifier":"","kind":"target","year":null,"hedge":"","rule":"money.total"}
`
	if got != want {
		t.Errorf("jsonl output:\ngot  %s\nwant %s", got, want)
	}
}

func TestCSV(t *testing.T) {
	got := writeString(t, FormatCSV, ErrorsTable, testErrors)
	want := "\ufeffdoc_id,path,stage,message\n" +
		"007_bad,corpus/007_bad.txt,decode,normalize: invalid UTF-16 at byte 17\n" +
		"008_empty,\"corpus/008 empty,\"\"quoted\"\".txt\",read,\"read: 空文件\nsecond line\"\n"
	if got != want {
		t.Errorf("csv output:\ngot  %q\nwant %q", got, want)
	}
	noYear := exampleFact
	noYear.Year = nil
	got = writeString(t, FormatCSV, FactsTable, []Fact{noYear})
	want = "\ufeff" + strings.Join(FactsTable.ColumnNames(), ",") + "\n" +
		"000_905a9ba025aa535a,1,120,126,3.42亿元,抓好总投资3.42亿元的<重点>项目&工程。,总投资,,,level,342000000,342000000,eq,CNY,亿元,,target,,,money.total\n"
	if got != want {
		t.Errorf("csv output:\ngot  %q\nwant %q", got, want)
	}
}

func TestAppendFloat(t *testing.T) {
	tests := []struct {
		in   float64
		want string
	}{
		{342000000, "342000000"},
		{6.5, "6.5"},
		{-3, "-3"},
		{99.99, "99.99"},
		{0.1, "0.1"},
		{0, "0"},
		{math.Copysign(0, -1), "-0"},
		{1e21, "1000000000000000000000"},
		{1e-7, "0.0000001"},
		{-65000, "-65000"},
		{1.5e15, "1500000000000000"},
		{1202.7, "1202.7"},
	}
	for _, tt := range tests {
		got, err := appendFloat(nil, tt.in, "v")
		if err != nil {
			t.Errorf("appendFloat(%v) error %v", tt.in, err)
			continue
		}
		if string(got) != tt.want {
			t.Errorf("appendFloat(%v) = %s, want %s", tt.in, got, tt.want)
		}
		var back float64
		if err := json.Unmarshal(got, &back); err != nil || back != tt.in {
			t.Errorf("appendFloat(%v) = %s reads back as %v (%v)", tt.in, got, back, err)
		}
	}
	for _, bad := range []float64{math.NaN(), math.Inf(1), math.Inf(-1)} {
		if _, err := appendFloat(nil, bad, "value_low"); err == nil || !strings.HasPrefix(err.Error(), "schema: ") {
			t.Errorf("appendFloat(%v) error = %v, want a schema: error", bad, err)
		}
	}
}

func TestAppendJSONString(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"", `""`},
		{"新增高新技术企业10家以上", `"新增高新技术企业10家以上"`},
		{"<b>&</b>", `"<b>&</b>"`},
		{`say "hi" \ bye`, `"say \"hi\" \\ bye"`},
		{"a\nb\rc\td", `"a\nb\rc\td"`},
		{"\x00\x1f\x7f", `"\u0000\u001f` + "\x7f" + `"`},
		{"bad\xffutf8", `"bad` + "\ufffd" + `utf8"`},
		{"line\u2028para\u2029", `"line\u2028para\u2029"`},
		{"μg/m³ “引号”", `"μg/m³ “引号”"`},
		{"😀", `"😀"`},
	}
	for _, tt := range tests {
		got := string(appendJSONString(nil, tt.in))
		if got != tt.want {
			t.Errorf("appendJSONString(%q) = %s, want %s", tt.in, got, tt.want)
		}
		var back string
		if err := json.Unmarshal([]byte(got), &back); err != nil {
			t.Errorf("appendJSONString(%q) = %s is not JSON: %v", tt.in, got, err)
		} else if want := strings.ToValidUTF8(tt.in, "\ufffd"); back != want {
			t.Errorf("appendJSONString(%q) reads back as %q, want %q", tt.in, back, want)
		}
	}
}

func TestWriterErrors(t *testing.T) {
	if _, err := NewWriter("xlsx", FactsTable, Meta{}, &bytes.Buffer{}); err == nil || !strings.HasPrefix(err.Error(), "schema: ") {
		t.Errorf(`NewWriter("xlsx") error = %v, want a schema: error`, err)
	}
	for _, format := range Formats {
		w, err := NewWriter(format, FactsTable, Meta{}, &bytes.Buffer{})
		if err != nil {
			t.Fatal(err)
		}
		for _, rows := range []any{[]Document{{}}, Fact{}, nil, []*Fact{}} {
			if err := w.Write(rows); err == nil || !strings.HasPrefix(err.Error(), "schema: ") {
				t.Errorf("%s: Write(%T) error = %v, want a schema: error", format, rows, err)
			}
		}
		if err := w.Close(); err != nil {
			t.Errorf("%s: Close after refused writes: %v", format, err)
		}
	}
	nan := exampleFact
	nan.ValueLow = math.NaN()
	for _, format := range []string{FormatJSONL, FormatCSV} {
		w, _ := NewWriter(format, FactsTable, Meta{}, &bytes.Buffer{})
		if err := w.Write([]Fact{nan}); err == nil {
			t.Errorf("%s: Write(NaN) succeeded, want an error", format)
		}
	}
}

func TestFormatOf(t *testing.T) {
	tests := []struct {
		path, want string
		ok         bool
	}{
		{"out/facts.parquet", FormatParquet, true},
		{"FACTS.PARQUET", FormatParquet, true},
		{"facts.arrow", FormatArrow, true},
		{"facts.jsonl", FormatJSONL, true},
		{"facts.ndjson", FormatJSONL, true},
		{"facts.csv", FormatCSV, true},
		{"facts.json", "", false},
		{"facts", "", false},
	}
	for _, tt := range tests {
		got, ok := FormatOf(tt.path)
		if got != tt.want || ok != tt.ok {
			t.Errorf("FormatOf(%q) = %q, %v, want %q, %v", tt.path, got, ok, tt.want, tt.ok)
		}
	}
}

// TestExt checks that the extension gwr writes for each format is read as
// that format, and that there is none for an unknown format.
func TestExt(t *testing.T) {
	want := map[string]string{FormatParquet: "parquet", FormatArrow: "arrow", FormatJSONL: "jsonl", FormatCSV: "csv"}
	if len(Formats) != len(want) {
		t.Errorf("Formats = %q, want the %d formats %v", Formats, len(want), want)
	}
	for _, f := range Formats {
		if got := Ext(f); got != want[f] {
			t.Errorf("Ext(%q) = %q, want %q", f, got, want[f])
		}
		if got, ok := FormatOf("facts." + Ext(f)); got != f || !ok {
			t.Errorf("FormatOf(facts.%s) = %q, %v, want %q, true", Ext(f), got, ok, f)
		}
	}
	if got := Ext("json"); got != "" {
		t.Errorf("Ext(json) = %q, want \"\"", got)
	}
}

func TestPartitionPath(t *testing.T) {
	tests := []struct {
		year  *int32
		level string
		want  string
	}{
		{int32p(2024), "county", "doc_year=2024/level=county"},
		{nil, "city", "doc_year=__HIVE_DEFAULT_PARTITION__/level=city"},
		{int32p(2023), "", "doc_year=2023/level=__HIVE_DEFAULT_PARTITION__"},
		{int32p(2023), "a/b=c", "doc_year=2023/level=a%2Fb%3Dc"},
	}
	for _, tt := range tests {
		if got := PartitionPath(tt.year, tt.level); got != tt.want {
			t.Errorf("PartitionPath(%v, %q) = %q, want %q", tt.year, tt.level, got, tt.want)
		}
	}
	for _, tt := range []struct {
		keys []string
		want string
	}{
		{[]string{"year"}, "doc_year=2024"},
		{[]string{"level"}, "level=county"},
		{[]string{"year", "level"}, "doc_year=2024/level=county"},
	} {
		if got := PartitionPathBy(tt.keys, int32p(2024), "county"); got != tt.want {
			t.Errorf("PartitionPathBy(%q, 2024, county) = %q, want %q", tt.keys, got, tt.want)
		}
	}
}

// failingWriter accepts limit bytes, then fails.
type failingWriter struct{ limit int }

func (w *failingWriter) Write(p []byte) (int, error) {
	if len(p) > w.limit {
		n := w.limit
		w.limit = 0
		return n, errors.New("disk full")
	}
	w.limit -= len(p)
	return len(p), nil
}

// TestWriteFailure checks that a failing destination is reported, with the
// schema: prefix, by Write or Close in every format.
func TestWriteFailure(t *testing.T) {
	facts := randomFacts(3000, 11)
	for _, format := range Formats {
		for _, limit := range []int{0, 100, 50000} {
			w, err := NewWriter(format, FactsTable, Meta{}, &failingWriter{limit: limit})
			if err != nil {
				if !strings.HasPrefix(err.Error(), "schema: ") {
					t.Errorf("%s limit %d: NewWriter error %q lacks the schema: prefix", format, limit, err)
				}
				continue
			}
			if pw, ok := w.(*parquetWriter); ok {
				pw.b.maxRows = 500
			}
			if aw, ok := w.(*arrowWriter); ok {
				aw.b.maxRows = 500
			}
			err = w.Write(facts)
			if cerr := w.Close(); err == nil {
				err = cerr
			}
			if err == nil || !strings.Contains(err.Error(), "disk full") || !strings.HasPrefix(err.Error(), "schema: ") {
				t.Errorf("%s limit %d: error = %v, want a schema: error about the full disk", format, limit, err)
			}
		}
	}
}
