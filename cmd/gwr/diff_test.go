package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gwrfacts/gwr/schema"
)

// writeTestFactsJSONL writes facts as JSON lines to path.
func writeTestFactsJSONL(t *testing.T, path string, facts []schema.Fact) {
	t.Helper()
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	for _, f := range facts {
		if err := enc.Encode(f); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

// writeTestFactsParquet writes facts as a Parquet file at path.
func writeTestFactsParquet(t *testing.T, path string, facts []schema.Fact) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	w, err := schema.NewWriter(schema.FormatParquet, schema.FactsTable, schema.Meta{}, f)
	if err != nil {
		t.Fatal(err)
	}
	if err := w.Write(facts); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
}

func yearPtr(y int32) *int32 { return &y }

// diffSets returns two fact sets that differ by one value, one added and
// one removed fact, and share one unchanged fact.
func diffSets() (old, new []schema.Fact) {
	unchanged := schema.Fact{DocID: "D", FactID: 1, Start: 8, End: 12, Mention: "6.5%",
		Sentence: "地区生产总值增长6.5%左右。", Measure: "growth", ValueLow: 6.5, ValueHigh: 6.5,
		Bound: "approx", Unit: "percent", UnitText: "%", Kind: "target", Year: yearPtr(2023)}
	value := schema.Fact{DocID: "D", FactID: 2, Start: 30, End: 33, Mention: "10家",
		Sentence: "新增高新技术企业10家以上。", Measure: "delta", ValueLow: 10, ValueHigh: 10,
		Bound: "ge", Unit: "count", UnitText: "家", Classifier: "家", Kind: "target", Year: yearPtr(2023)}
	removed := schema.Fact{DocID: "D", FactID: 3, Start: 50, End: 54, Mention: "4.5%",
		Sentence: "城镇登记失业率控制在4.5%以内。", Unit: "percent"}
	added := schema.Fact{DocID: "D", FactID: 3, Start: 70, End: 73, Mention: "1万亩",
		Sentence: "改造提升高标准农田1万亩。", Unit: "mu", ValueLow: 10000, ValueHigh: 10000}
	changed := value
	changed.ValueLow, changed.ValueHigh = 100, 100
	return []schema.Fact{unchanged, value, removed}, []schema.Fact{unchanged, changed, added}
}

func TestDiffCommand(t *testing.T) {
	dir := t.TempDir()
	old, new := diffSets()
	oldDir := filepath.Join(dir, "old") // a directory written by gwr extract
	writeTestFactsJSONL(t, filepath.Join(oldDir, "facts.jsonl"), old)
	newFile := filepath.Join(dir, "new.jsonl") // a plain facts file
	writeTestFactsJSONL(t, newFile, new)
	sameFile := filepath.Join(dir, "same.parquet") // the old facts in Parquet
	writeTestFactsParquet(t, sameFile, old)
	newDir := filepath.Join(dir, "new") // an extract directory in Parquet
	writeTestFactsParquet(t, filepath.Join(newDir, "facts.parquet"), new)

	tests := []struct {
		name   string
		args   []string
		status int
		stdout []string // substrings of stdout
		stderr string   // substring of stderr
	}{
		{
			name:   "text",
			args:   []string{"diff", oldDir, newFile},
			status: 1,
			stdout: []string{
				"== D\n",
				"~ 10家  新增高新技术企业【10家】以上。\n      value_low 10 -> 100\n      value_high 10 -> 100\n",
				"- 4.5%  城镇登记失业率控制在【4.5%】以内。\n",
				"+ 1万亩  改造提升高标准农田【1万亩】。\n",
				"\n+1 -1 ~1 facts in 1 of 1 documents\n",
			},
		},
		{
			name:   "jsonl, flag after the arguments",
			args:   []string{"diff", oldDir, newFile, "--format", "jsonl"},
			status: 1,
			stdout: []string{
				`{"doc_id":"D","op":"~","old":{`,
				`"changes":[{"field":"value_low","old":10,"new":100},{"field":"value_high","old":10,"new":100}]}` + "\n",
				`{"summary":{"added":1,"removed":1,"changed":1,"documents_changed":1,"documents":1}}` + "\n",
			},
		},
		{
			name:   "equal",
			args:   []string{"diff", oldDir, sameFile},
			status: 0,
			stdout: []string{"+0 -0 ~0 facts in 0 of 1 documents\n"},
		},
		{
			name:   "jsonl against parquet",
			args:   []string{"diff", oldDir, newDir},
			status: 1,
			stdout: []string{"\n+1 -1 ~1 facts in 1 of 1 documents\n"},
		},
		{name: "one argument", args: []string{"diff", oldDir}, status: 2, stderr: "want OLD and NEW"},
		{name: "bad format", args: []string{"diff", "--format", "xml", oldDir, newFile}, status: 2, stderr: `unknown --format "xml"`},
		{name: "unknown flag", args: []string{"diff", "-x", oldDir, newFile}, status: 2, stderr: "flag provided but not defined"},
		{name: "missing file", args: []string{"diff", oldDir, filepath.Join(dir, "nope.jsonl")}, status: 2, stderr: "nope.jsonl"},
		{name: "directory without facts", args: []string{"diff", dir + "/old/..", newFile}, status: 2, stderr: "holds no table written by gwr extract"},
		{name: "help", args: []string{"diff", "--help"}, status: 0, stdout: []string{"usage: gwr diff"}},
	}
	for _, tt := range tests {
		var stdout, stderr bytes.Buffer
		status := run(tt.args, &stdout, &stderr)
		if status != tt.status {
			t.Errorf("%s: status %d; want %d (stderr %q)", tt.name, status, tt.status, stderr.String())
		}
		for _, want := range tt.stdout {
			if !strings.Contains(stdout.String(), want) {
				t.Errorf("%s: stdout lacks %q; got:\n%s", tt.name, want, stdout.String())
			}
		}
		if !strings.Contains(stderr.String(), tt.stderr) || strings.Count(stderr.String(), "\n") > 1 {
			t.Errorf("%s: stderr = %q; want one line holding %q", tt.name, stderr.String(), tt.stderr)
		}
	}
}
