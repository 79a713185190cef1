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

func TestEvalCommand(t *testing.T) {
	dir := t.TempDir()
	text := "回顾过去。新增高新技术企业10家以上；城镇登记失业率控制在4.5%以内\n"
	corpusDir := filepath.Join(dir, "corpus")
	if err := os.MkdirAll(corpusDir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(corpusDir, "D.txt"), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	goldDir := filepath.Join(dir, "gold")
	if err := os.MkdirAll(goldDir, 0o755); err != nil {
		t.Fatal(err)
	}
	gold := `{"doc_id":"D","start":13,"end":18,"mention":"10家以上","indicator":"高新技术企业","measure":"delta","value_low":10,"value_high":10,"bound":"ge","unit":"count","kind":"target","year":2023,"optional":false,"note":""}
{"doc_id":"D","start":29,"end":33,"mention":"4.5%","indicator":"城镇登记失业率","measure":"level","value_low":4.5,"value_high":4.5,"bound":"le","unit":"percent","kind":"target","year":null,"optional":false,"note":""}
`
	if err := os.WriteFile(filepath.Join(goldDir, "D.jsonl"), []byte(gold), 0o644); err != nil {
		t.Fatal(err)
	}
	// One prediction right but for the unit, the second gold row missed, and
	// a document without gold.
	pred := []schema.Fact{
		{DocID: "D", Start: 13, End: 18, Mention: "10家以上", Sentence: "新增高新技术企业10家以上；",
			Indicator: "高新技术企业", Measure: "delta", ValueLow: 10, ValueHigh: 10, Bound: "ge", Unit: "percent",
			Kind: "target", Year: yearPtr(2023)},
		{DocID: "X", Start: 0, End: 2, Mention: "3个"},
	}
	predDir := filepath.Join(dir, "out")
	writeTestFactsJSONL(t, filepath.Join(predDir, "facts.jsonl"), pred)

	tests := []struct {
		name   string
		args   []string
		status int
		stdout []string
		stderr string
	}{
		{
			name:   "text",
			args:   []string{"eval", "--gold", goldDir, predDir},
			status: 0,
			stdout: []string{
				"scored 1 documents with gold labels; ignored 1 predicted documents without gold (1 facts)",
				"overall 2 0 1 1 0",
				"detection 1.000 0.500 0.667",
				"strict 0.000 0.000 0.000",
				"unit 0.000 0",
				"D 2 0 1 1 0 1.000 0.500 0.667 0.000 0.000",
			},
		},
		{
			name:   "errors with the corpus",
			args:   []string{"eval", predDir, "--gold", goldDir, "--corpus", corpusDir, "--errors", "5"},
			status: 0,
			stdout: []string{
				"missed: 1",
				"D [29,33) 4.5%",
				"城镇登记失业率控制在【4.5%】以内",
				"wrong: 1",
				`unit "count" -> "percent"`,
				"新增高新技术企业【10家以上】；",
			},
		},
		{
			name:   "errors without the corpus",
			args:   []string{"eval", "--gold", goldDir, "--corpus", filepath.Join(dir, "nothing-here"), "--errors", "5", predDir},
			status: 2,
			stderr: "corpus",
		},
		{name: "no gold flag", args: []string{"eval", predDir}, status: 2, stderr: "--gold is required"},
		{name: "two predictions", args: []string{"eval", "--gold", goldDir, predDir, predDir}, status: 2, stderr: "want one PRED"},
		{name: "missing gold", args: []string{"eval", "--gold", filepath.Join(dir, "none"), predDir}, status: 2, stderr: "eval: gold"},
		{name: "missing predictions", args: []string{"eval", "--gold", goldDir, filepath.Join(dir, "none.jsonl")}, status: 2, stderr: "none.jsonl"},
		{name: "bad errors count", args: []string{"eval", "--gold", goldDir, "--errors", "x", predDir}, status: 2, stderr: "invalid value"},
		{name: "help", args: []string{"eval", "-h"}, status: 0, stdout: []string{"usage: gwr eval"}},
	}
	for _, tt := range tests {
		var stdout, stderr bytes.Buffer
		status := run(tt.args, &stdout, &stderr)
		if status != tt.status {
			t.Errorf("%s: status %d; want %d (stderr %q)", tt.name, status, tt.status, stderr.String())
		}
		got := squeezeSpaces(stdout.String())
		for _, want := range tt.stdout {
			if !strings.Contains(got, want) {
				t.Errorf("%s: stdout lacks %q; got:\n%s", tt.name, want, stdout.String())
			}
		}
		if !strings.Contains(stderr.String(), tt.stderr) || strings.Count(stderr.String(), "\n") > 1 {
			t.Errorf("%s: stderr = %q; want one line holding %q", tt.name, stderr.String(), tt.stderr)
		}
	}

	// --json prints one object.
	var stdout, stderr bytes.Buffer
	if status := run([]string{"eval", "--json", "--gold", goldDir, filepath.Join(predDir, "facts.jsonl")}, &stdout, &stderr); status != 0 {
		t.Fatalf("eval --json: status %d; want 0 (stderr %q)", status, stderr.String())
	}
	var metrics struct {
		Overall struct {
			Detection struct{ F1 float64 } `json:"detection"`
		} `json:"overall"`
		IgnoredDocuments int `json:"ignored_documents"`
	}
	if err := json.Unmarshal(stdout.Bytes(), &metrics); err != nil {
		t.Fatalf("eval --json output does not parse: %v\n%s", err, stdout.String())
	}
	if f1 := metrics.Overall.Detection.F1; f1 < 0.6666 || f1 > 0.6667 || metrics.IgnoredDocuments != 1 {
		t.Errorf("eval --json: detection F1 %v, ignored %d; want 2/3, 1", f1, metrics.IgnoredDocuments)
	}
}

// squeezeSpaces makes every run of spaces and tabs a single space, so that tests
// do not depend on column widths.
func squeezeSpaces(s string) string {
	var lines []string
	for _, l := range strings.Split(s, "\n") {
		lines = append(lines, strings.Join(strings.Fields(l), " "))
	}
	return strings.Join(lines, "\n")
}
