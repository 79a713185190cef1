package golden

import (
	"bufio"
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/gwrfacts/gwr/corpus"
	"github.com/gwrfacts/gwr/extract"
	"github.com/gwrfacts/gwr/extract/segment"
	"github.com/gwrfacts/gwr/golden/factdiff"
	"github.com/gwrfacts/gwr/schema"
	"github.com/gwrfacts/gwr/schema/schematest"
)

var update = flag.Bool("update", false, "rewrite golden/expected from the current output")

const (
	corpusDir   = "../corpus"
	nationalDir = "../corpus/testdata/national" // the State Council's reports, 1954-2025 (issue 12)
	expectedDir = "expected"
)

// nationalGolden are the State Council reports, one a decade, whose output
// golden/expected holds beside the bundled corpus: every era of the genre,
// from Chinese numerals (1959, 1964, 1978, 1982) and spaced full-width
// digits (1998) to the modern style.
var nationalGolden = []string{
	"national_china_1959", "national_china_1964", "national_china_1978", "national_china_1982",
	"national_china_1998", "national_china_2009", "national_china_2019", "national_china_2024",
}

// run extracts every bundled document and the national reports of
// nationalGolden, keyed by doc_id.
func run(t *testing.T, rules []extract.Rule) map[string]output {
	t.Helper()
	args := []string{corpusDir}
	for _, id := range nationalGolden {
		args = append(args, filepath.Join(nationalDir, id+".txt"))
	}
	inputs, err := corpus.Discover(args)
	if err != nil {
		t.Fatal(err)
	}
	seg, err := segment.Default()
	if err != nil {
		t.Fatal(err)
	}
	x, err := extract.NewWithRules(seg, rules)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]output{}
	for _, in := range inputs {
		d, err := corpus.Load(in, corpus.Options{})
		if err != nil {
			t.Fatal(err)
		}
		facts, lay, _ := x.ExtractLayout(extract.Document{ID: d.ID, Text: d.Text, HTML: d.HTML, PlanYear: d.Meta.Year})
		row := d.Row(len(facts), lay.Chars)
		row.PlanStart = lay.PlanStartColumn()
		rel, err := filepath.Rel("..", d.Path)
		if err != nil {
			t.Fatal(err)
		}
		row.Path = filepath.ToSlash(rel)
		out[d.ID] = output{doc: row, facts: facts}
	}
	return out
}

// output is one document's expected file: its row, then its facts.
type output struct {
	doc   schema.Document
	facts []schema.Fact
}

// encode renders an output as JSON Lines with the schema's key order: the
// document row first, then one fact a line.
func (o output) encode(t *testing.T) []byte {
	t.Helper()
	var b bytes.Buffer
	for _, part := range []struct {
		table *schema.Table
		rows  any
	}{{schema.DocumentsTable, []schema.Document{o.doc}}, {schema.FactsTable, o.facts}} {
		w, err := schema.NewWriter(schema.FormatJSONL, part.table, schema.Meta{}, &b)
		if err != nil {
			t.Fatal(err)
		}
		if err := w.Write(part.rows); err != nil {
			t.Fatal(err)
		}
		if err := w.Close(); err != nil {
			t.Fatal(err)
		}
	}
	return b.Bytes()
}

func decode(t *testing.T, path string) output {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var o output
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for n := 0; sc.Scan(); n++ {
		var err error
		if n == 0 {
			err = json.Unmarshal(sc.Bytes(), &o.doc)
		} else {
			var fact schema.Fact
			err = json.Unmarshal(sc.Bytes(), &fact)
			o.facts = append(o.facts, fact)
		}
		if err != nil {
			t.Fatalf("%s:%d: %v", path, n+1, err)
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return o
}

// TestGolden compares the pipeline's output on the bundled corpus with
// golden/expected and reports each added, removed and changed fact.
func TestGolden(t *testing.T) {
	got := run(t, extract.Rules)
	if *update {
		os.RemoveAll(expectedDir)
		if err := os.MkdirAll(expectedDir, 0o755); err != nil {
			t.Fatal(err)
		}
		for id, o := range got {
			if err := os.WriteFile(filepath.Join(expectedDir, id+".jsonl"), o.encode(t), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		t.Logf("rewrote %d files in golden/%s", len(got), expectedDir)
		return
	}
	files, _ := filepath.Glob(filepath.Join(expectedDir, "*.jsonl"))
	want := map[string]output{}
	for _, f := range files {
		want[strings.TrimSuffix(filepath.Base(f), ".jsonl")] = decode(t, f)
	}
	for id := range got {
		if _, ok := want[id]; !ok {
			t.Errorf("corpus document %s has no golden file golden/%s/%s.jsonl (run make golden)", id, expectedDir, id)
		}
	}
	for id := range want {
		if _, ok := got[id]; !ok {
			t.Errorf("golden file golden/%s/%s.jsonl has no corpus document (orphaned)", expectedDir, id)
		}
	}

	var oldFacts, newFacts []schema.Fact
	var docDiffs []string
	for _, id := range sortedKeys(got) {
		w, ok := want[id]
		if !ok {
			continue
		}
		oldFacts = append(oldFacts, w.facts...)
		newFacts = append(newFacts, got[id].facts...)
		if !reflect.DeepEqual(w.doc, got[id].doc) {
			docDiffs = append(docDiffs, docDiff(id, w.doc, got[id].doc))
		}
	}
	diff := factdiff.Compare(oldFacts, newFacts)
	if !diff.Empty() || len(docDiffs) > 0 {
		var b strings.Builder
		for _, d := range docDiffs {
			b.WriteString(d + "\n")
		}
		diff.WriteText(&b)
		t.Errorf("output differs from golden/%s (if intended, run make golden and review the diff):\n%s", expectedDir, b.String())
	}
	// byte-level check too: key order, number formatting
	for id, o := range got {
		if w, err := os.ReadFile(filepath.Join(expectedDir, id+".jsonl")); err == nil && !bytes.Equal(w, o.encode(t)) && diff.Empty() && len(docDiffs) == 0 {
			t.Errorf("golden/%s/%s.jsonl: same rows but different bytes (formatting changed)", expectedDir, id)
		}
	}
}

// TestParquetMatchesGolden writes the corpus facts to Parquet, reads them
// back with the Arrow reader and checks the rows equal the JSON Lines
// golden rows and the schema equals golden/schema.txt.
func TestParquetMatchesGolden(t *testing.T) {
	got := run(t, extract.Rules)
	var facts []schema.Fact
	for _, id := range sortedKeys(got) {
		facts = append(facts, got[id].facts...)
	}
	path := filepath.Join(t.TempDir(), "facts.parquet")
	schematest.WriteTable(t, path, schema.FactsTable, schema.Meta{ToolVersion: "test", RulesHash: "test"}, facts)
	back, err := schema.ReadFacts(path)
	if err != nil {
		t.Fatal(err)
	}
	var want []schema.Fact
	for _, id := range sortedKeys(got) {
		want = append(want, decode(t, filepath.Join(expectedDir, id+".jsonl")).facts...)
	}
	if len(back) != len(want) {
		t.Fatalf("Parquet read back %d facts; golden JSONL has %d", len(back), len(want))
	}
	for i := range want {
		if !reflect.DeepEqual(back[i], want[i]) {
			t.Fatalf("Parquet row %d = %+v; golden JSONL row = %+v", i, back[i], want[i])
		}
	}
	s, err := schema.ReadArrowSchema(path)
	if err != nil {
		t.Fatal(err)
	}
	golden, err := os.ReadFile("schema.txt")
	if err != nil {
		t.Fatal(err)
	}
	if d := schema.Describe(s); !strings.Contains(string(golden), d) {
		t.Errorf("facts schema read back from Parquet is not the one in golden/schema.txt:\n%s", d)
	}
}

// TestDiffOfRuleSets runs the corpus with two rule sets, the second
// without the "range" rule, and checks that factdiff reports exactly the
// facts the range rule made, changed or removed.
func TestDiffOfRuleSets(t *testing.T) {
	base := run(t, extract.Rules)
	var rules []extract.Rule
	for _, r := range extract.Rules {
		if r.ID == "two-digit" {
			r.Low, r.High = "20", "90" // as if someone changed the rule's value
		}
		rules = append(rules, r)
	}
	changed := run(t, rules)
	var oldFacts, newFacts []schema.Fact
	wantChanged := 0
	for _, id := range sortedKeys(base) {
		oldFacts = append(oldFacts, base[id].facts...)
		newFacts = append(newFacts, changed[id].facts...)
		for _, f := range base[id].facts {
			if f.Rule == "two-digit" {
				wantChanged++
			}
		}
	}
	if wantChanged == 0 {
		t.Fatal("the corpus has no two-digit fact; the test needs one")
	}
	d := factdiff.Compare(oldFacts, newFacts)
	s := d.Summary()
	if s.Added != 0 || s.Removed != 0 || s.Changed != wantChanged {
		t.Errorf("diff summary = %s; want ~%d and nothing else", s, wantChanged)
	}
	for _, df := range d.Diffs {
		if df.Old.Rule != "two-digit" || len(df.Changes) != 2 {
			t.Errorf("diff lists %s %q with %v; want only two-digit facts changing value_low and value_high", df.Op, df.Old.Mention, df.Changes)
		}
	}
	var b strings.Builder
	d.WriteText(&b)
	if !strings.Contains(b.String(), "value_low 10 -> 20") {
		t.Errorf("diff text lacks \"value_low 10 -> 20\":\n%s", b.String())
	}
	if same := factdiff.Compare(oldFacts, oldFacts); !same.Empty() {
		t.Errorf("diff of a run with itself is not empty: %s", same.Summary())
	}
}

// docDiff lists the columns of a document row that changed.
func docDiff(id string, old, new schema.Document) string {
	var a, b map[string]any
	ja, _ := json.Marshal(old)
	jb, _ := json.Marshal(new)
	json.Unmarshal(ja, &a)
	json.Unmarshal(jb, &b)
	var lines []string
	for _, k := range schema.DocumentsTable.ColumnNames() {
		if fmt.Sprint(a[k]) != fmt.Sprint(b[k]) {
			lines = append(lines, fmt.Sprintf("      %s %v -> %v", k, a[k], b[k]))
		}
	}
	return "== " + id + " (document row)\n" + strings.Join(lines, "\n")
}

func sortedKeys(m map[string]output) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
