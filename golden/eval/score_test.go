package eval

import (
	"bytes"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/gwrfacts/gwr/schema"
)

// fact returns base placed in doc at [start, end).
func fact(doc string, start, end int32, change func(*schema.Fact)) schema.Fact {
	f := base
	f.DocID, f.Start, f.End = doc, start, end
	if change != nil {
		change(&f)
	}
	return f
}

func gold(f schema.Fact, optional bool) Gold { return Gold{Fact: f, Optional: optional} }

// scoreCase is a hand-built gold and prediction set exercising every
// scoring rule; the comments give the expected outcome of each row.
func scoreCase() ([]Gold, []schema.Fact) {
	goldRows := []Gold{
		// g1: a gold year of null; the prediction is right within tolerance
		// and names the indicator more fully: strict and full.
		gold(fact("A", 10, 15, func(f *schema.Fact) { f.Year = nil }), false),
		// g2: optional and paired: the prediction counts neither way.
		gold(fact("A", 20, 24, nil), true),
		// g3: missed.
		gold(fact("A", 30, 35, nil), false),
		// g4: optional and unpaired: not a miss.
		gold(fact("A", 40, 45, nil), true),
		// g5: two predictions overlap it; the larger overlap is paired and
		// has the wrong value; the other is spurious.
		gold(fact("A", 50, 55, nil), false),
		// g6: right but for the indicator: strict, not full.
		gold(fact("A", 80, 85, nil), false),
		// g7: right but for the year: strict and full.
		gold(fact("A", 90, 95, nil), false),
		// Document C has only an optional row and no prediction.
		gold(fact("C", 0, 3, nil), true),
	}
	pred := []schema.Fact{
		// Given out of order: Score sorts by start.
		fact("A", 90, 95, func(f *schema.Fact) { f.Year = year(2022) }),
		fact("A", 11, 15, func(f *schema.Fact) {
			f.ValueLow, f.ValueHigh, f.Indicator = 10.000001, 10.000001, "国家高新技术企业"
		}),
		fact("A", 20, 24, nil),
		fact("A", 52, 60, nil), // overlap 3 with g5: spurious
		fact("A", 50, 55, func(f *schema.Fact) { f.ValueLow, f.ValueHigh = 100, 100 }),
		fact("A", 70, 75, nil), // no gold: spurious
		fact("A", 80, 85, func(f *schema.Fact) { f.Indicator = "标准农田" }),
		// Document B has no gold: ignored.
		fact("B", 0, 3, nil),
		fact("B", 5, 9, nil),
	}
	return goldRows, pred
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-12 }

func TestScore(t *testing.T) {
	r := Score(scoreCase())
	o := r.Overall

	ints := []struct {
		name      string
		got, want int
	}{
		{"documents", len(r.Docs), 2},
		{"ignored documents", r.IgnoredDocs, 1},
		{"ignored facts", r.IgnoredFacts, 2},
		{"gold", o.Gold, 5},
		{"optional", o.Optional, 3},
		{"predicted", o.Predicted, 7},
		{"neutral", o.Neutral, 1},
		{"counted predictions", o.Counted(), 6},
		{"paired", o.Paired, 4},
		{"strict TP", o.StrictTP, 3},
		{"full TP", o.FullTP, 2},
		{"missed", len(r.Missed), 1},
		{"spurious", len(r.Spurious), 2},
		{"wrong", len(r.Wrong), 3},
		{"C gold", r.Docs[1].Gold, 0},
		{"C optional", r.Docs[1].Optional, 1},
	}
	for _, tt := range ints {
		if tt.got != tt.want {
			t.Errorf("%s: got %d; want %d", tt.name, tt.got, tt.want)
		}
	}

	floats := []struct {
		name      string
		got, want float64
	}{
		{"detection precision", o.Detection().Precision, 4.0 / 6},
		{"detection recall", o.Detection().Recall, 4.0 / 5},
		{"detection F1", o.Detection().F1, 8.0 / 11},
		{"strict precision", o.Strict().Precision, 3.0 / 6},
		{"strict recall", o.Strict().Recall, 3.0 / 5},
		{"strict F1", o.Strict().F1, 6.0 / 11},
		{"full precision", o.Full().Precision, 2.0 / 6},
		{"full recall", o.Full().Recall, 2.0 / 5},
		{"full F1", o.Full().F1, 4.0 / 11},
		{"value accuracy", o.Accuracy("value"), 3.0 / 4},
		{"unit accuracy", o.Accuracy("unit"), 1},
		{"bound accuracy", o.Accuracy("bound"), 1},
		{"measure accuracy", o.Accuracy("measure"), 1},
		{"kind accuracy", o.Accuracy("kind"), 1},
		{"year accuracy", o.Accuracy("year"), 3.0 / 4},
		{"indicator accuracy", o.Accuracy("indicator"), 3.0 / 4},
		{"C detection F1 (no rows count)", r.Docs[1].Detection().F1, 0},
	}
	for _, tt := range floats {
		if !near(tt.got, tt.want) {
			t.Errorf("%s: got %v; want %v", tt.name, tt.got, tt.want)
		}
	}

	spans := func(ms []Mistake) []int32 {
		var s []int32
		for _, m := range ms {
			if m.Gold != nil {
				s = append(s, m.Gold.Start)
			} else {
				s = append(s, m.Pred.Start)
			}
		}
		return s
	}
	for _, tt := range []struct {
		name      string
		got, want []int32
	}{
		{"missed starts", spans(r.Missed), []int32{30}},
		{"spurious starts", spans(r.Spurious), []int32{52, 70}},
		{"wrong starts", spans(r.Wrong), []int32{50, 80, 90}},
	} {
		if !slices.Equal(tt.got, tt.want) {
			t.Errorf("%s: got %v; want %v", tt.name, tt.got, tt.want)
		}
	}
	if got, want := r.Wrong[0].Diffs, []FieldDiff{{"value", "10", "100"}}; len(got) != 1 || got[0] != want[0] {
		t.Errorf("wrong[0].Diffs = %v; want %v", got, want)
	}
}

// TestScorePerfect scores gold against itself.
func TestScorePerfect(t *testing.T) {
	g, _ := scoreCase()
	var pred []schema.Fact
	for _, row := range g {
		pred = append(pred, row.Fact)
	}
	o := Score(g, pred).Overall
	for name, s := range map[string]Scores{"detection": o.Detection(), "strict": o.Strict(), "full": o.Full()} {
		if s != (Scores{1, 1, 1}) {
			t.Errorf("%s = %+v; want all 1", name, s)
		}
	}
}

// lines returns the lines of s with runs of white space made single.
func lines(s string) []string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		out = append(out, strings.Join(strings.Fields(l), " "))
	}
	return out
}

func containsLine(s, line string) bool {
	for _, l := range lines(s) {
		if l == line {
			return true
		}
	}
	return false
}

func TestWriteText(t *testing.T) {
	var buf bytes.Buffer
	if err := Score(scoreCase()).WriteText(&buf); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, want := range []string{
		"scored 2 documents with gold labels; ignored 1 predicted documents without gold (2 facts)",
		"gold optional predicted paired neutral",
		"overall 5 3 7 4 1",
		"detection 0.667 0.800 0.727",
		"strict 0.500 0.600 0.545",
		"full 0.333 0.400 0.364",
		"field accuracy over 4 pairs",
		"value 0.750 3",
		"indicator 0.750 3",
		"A 5 2 7 4 1 0.667 0.800 0.727 0.545 0.364",
		"C 0 1 0 0 0 - - - - -",
	} {
		if !containsLine(out, want) {
			t.Errorf("WriteText() has no line %q; got:\n%s", want, out)
		}
	}
}

func TestWriteMistakes(t *testing.T) {
	text := "回顾过去。新增高新技术企业10家以上；城镇登记失业率控制在4.5%以内\n"
	g := Gold{Fact: schema.Fact{DocID: "D", Start: 13, End: 18, Mention: "10家以上", Unit: "count", Bound: "ge"}}
	wrongUnit := g.Fact
	wrongUnit.Unit, wrongUnit.End, wrongUnit.Mention = "percent", 15, "10"
	spurious := schema.Fact{DocID: "D", Start: 29, End: 33, Mention: "4.5%", Sentence: "城镇登记失业率控制在4.5%以内"}
	missed := Gold{Fact: schema.Fact{DocID: "E", Start: 0, End: 2, Mention: "3个"}}
	r := Score([]Gold{g, missed}, []schema.Fact{wrongUnit, spurious})

	var buf bytes.Buffer
	if err := r.WriteMistakes(&buf, 5, Corpus{"D": []rune(text)}); err != nil {
		t.Fatal(err)
	}
	want := `
missed: 1
  E  [0,2)  3个
      【3个】

spurious: 1
  D  [29,33)  4.5%
      城镇登记失业率控制在【4.5%】以内

wrong: 1
  D  [13,18)  10家以上
      mention "10家以上" [13,18) -> "10" [13,15)
      unit "count" -> "percent"
      新增高新技术企业【10家以上】；
`
	if got := buf.String(); got != want {
		t.Errorf("WriteMistakes() = %s; want %s", got, want)
	}

	// Without the corpus, the prediction's own sentence is marked.
	buf.Reset()
	if err := r.WriteMistakes(&buf, 0, nil); err != nil {
		t.Fatal(err)
	}
	if got, want := buf.String(), "\nmissed: 1 (first 0)\n\nspurious: 1 (first 0)\n\nwrong: 1 (first 0)\n"; got != want {
		t.Errorf("WriteMistakes(n=0) = %q; want %q", got, want)
	}
	if got, want := r.Spurious[0].Sentence(nil), "城镇登记失业率控制在【4.5%】以内"; got != want {
		t.Errorf("Sentence(no corpus) = %q; want %q", got, want)
	}
	// A corpus whose text does not hold the mention at the span is not used.
	if got, want := r.Spurious[0].Sentence([]rune("另一个版本的文本，长度足够长足够长足够长足够长足够长")), "城镇登记失业率控制在【4.5%】以内"; got != want {
		t.Errorf("Sentence(other text) = %q; want %q", got, want)
	}
}

func TestWriteJSON(t *testing.T) {
	var buf bytes.Buffer
	if err := Score(scoreCase()).WriteJSON(&buf, 1, nil); err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(buf.String(), "\n"); n != 1 {
		t.Errorf("WriteJSON() wrote %d lines; want 1", n)
	}
	var got struct {
		Documents        int `json:"documents"`
		IgnoredDocuments int `json:"ignored_documents"`
		Overall          struct {
			Gold      int                `json:"gold"`
			Detection Scores             `json:"detection"`
			Full      Scores             `json:"full"`
			Accuracy  map[string]float64 `json:"accuracy"`
		} `json:"overall"`
		PerDocument []struct {
			DocID string `json:"doc_id"`
		} `json:"per_document"`
		Spurious []struct {
			Pred *schema.Fact `json:"predicted"`
		} `json:"spurious"`
	}
	if err := json.Unmarshal(buf.Bytes(), &got); err != nil {
		t.Fatalf("WriteJSON() output does not parse: %v\n%s", err, buf.String())
	}
	if got.Documents != 2 || got.IgnoredDocuments != 1 || got.Overall.Gold != 5 {
		t.Errorf("documents, ignored, gold = %d, %d, %d; want 2, 1, 5", got.Documents, got.IgnoredDocuments, got.Overall.Gold)
	}
	if !near(got.Overall.Detection.F1, 8.0/11) || !near(got.Overall.Full.Recall, 0.4) {
		t.Errorf("detection F1, full recall = %v, %v; want %v, 0.4", got.Overall.Detection.F1, got.Overall.Full.Recall, 8.0/11)
	}
	if !near(got.Overall.Accuracy["year"], 0.75) {
		t.Errorf("accuracy.year = %v; want 0.75", got.Overall.Accuracy["year"])
	}
	if len(got.PerDocument) != 2 || got.PerDocument[0].DocID != "A" {
		t.Errorf("per_document = %+v; want A and C", got.PerDocument)
	}
	if len(got.Spurious) != 1 || got.Spurious[0].Pred == nil || got.Spurious[0].Pred.Start != 52 {
		t.Errorf("spurious = %+v; want the first one, at 52", got.Spurious)
	}
}

func TestReadGold(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("001_a.jsonl", `{"doc_id":"001_a","start":3,"end":6,"mention":"10家","year":2023,"optional":false,"note":""}`+"\n\n")
	write("002_b.part2.jsonl", `{"start":7,"end":9,"mention":"两位数","year":null,"optional":true,"note":"could go either way"}`+"\n")
	write("notes.txt", "not gold")

	got, err := ReadGold(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 {
		t.Fatalf("ReadGold() = %d rows; want 2", len(got))
	}
	if got[0].DocID != "001_a" || got[0].Year == nil || *got[0].Year != 2023 || got[0].Optional {
		t.Errorf("row 0 = %+v; want doc 001_a, year 2023, not optional", got[0])
	}
	if got[1].DocID != "002_b" || got[1].Year != nil || !got[1].Optional || got[1].Note != "could go either way" || got[1].Mention != "两位数" {
		t.Errorf("row 1 = %+v; want doc 002_b from the file name, year null, optional, its note", got[1])
	}

	write("003_c.jsonl", "{\"start\":1}\n{bad\n")
	if _, err := ReadGold(dir); err == nil || !strings.Contains(err.Error(), "003_c.jsonl:2") || !strings.HasPrefix(err.Error(), "eval: ") {
		t.Errorf("ReadGold(bad line) error = %v; want one naming 003_c.jsonl:2 with prefix eval:", err)
	}
	if _, err := ReadGold(t.TempDir()); err == nil {
		t.Errorf("ReadGold(empty dir) gave no error")
	}
	if _, err := ReadGold(filepath.Join(dir, "missing")); err == nil {
		t.Errorf("ReadGold(missing dir) gave no error")
	}
}
