package main

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/gwrfacts/gwr/extract/batch"
	"github.com/gwrfacts/gwr/schema"
)

// runCmd runs gwr with args and returns its status and output.
func runCmd(args ...string) (status int, stdout, stderr string) {
	var o, e bytes.Buffer
	status = run(args, &o, &e)
	return status, o.String(), e.String()
}

// TestDiffEvalLayouts checks that gwr diff and gwr eval give the same
// result on every layout and format of one run as on its single Parquet
// files: they read every output through batch.Open.
func TestDiffEvalLayouts(t *testing.T) {
	reports := filepath.Join("..", "..", "corpus")
	gold := filepath.Join("..", "..", "golden", "labels")
	root := t.TempDir()
	flat := filepath.Join(root, "flat")
	extractRun(t, 0, "--quiet", "--format", "parquet", "-o", flat, reports)
	outputs := map[string]string{}
	for _, o := range []struct {
		name string
		args []string
	}{
		{"flat jsonl+csv", []string{"--format", "jsonl,csv"}},
		{"partitioned parquet", []string{"--partition-by", "year,level"}},
		{"partitioned arrow", []string{"--partition-by", "year,level", "--format", "arrow"}},
		{"partitioned csv", []string{"--partition-by", "year,level", "--format", "csv"}},
		{"partitioned jsonl", []string{"--partition-by", "year,level", "--format", "jsonl"}},
	} {
		dir := filepath.Join(root, strings.ReplaceAll(o.name, " ", "_"))
		extractRun(t, 0, append(append([]string{"--quiet", "-o", dir}, o.args...), reports)...)
		outputs[o.name] = dir
	}

	// A facts table that differs from the run: one fact changed, one
	// removed.
	facts, err := readFacts(flat)
	if err != nil {
		t.Fatal(err)
	}
	if len(facts) < 100 {
		t.Fatalf("the bundled reports give %d facts, want at least 100", len(facts))
	}
	changed := append([]schema.Fact(nil), facts[:len(facts)-1]...)
	changed[3].ValueLow++
	other := filepath.Join(root, "other.jsonl")
	writeTestFactsJSONL(t, other, changed)

	commands := []struct {
		name   string
		args   func(out string) []string
		status int
		stdout string // a line the reference output holds
	}{
		{"eval", func(out string) []string { return []string{"eval", "--gold", gold, out} }, 0, "scored 5 documents"},
		{"eval --json --errors", func(out string) []string {
			return []string{"eval", "--json", "--errors", "3", "--gold", gold, "--corpus", reports, out}
		}, 0, `"detection"`},
		{"diff the same run", func(out string) []string { return []string{"diff", flat, out} }, 0, ""},
		{"diff another table", func(out string) []string { return []string{"diff", other, out} }, 1, "+1 -0 ~1 facts"},
		{"diff against another table", func(out string) []string { return []string{"diff", out, other} }, 1, "+0 -1 ~1 facts"},
	}
	for _, c := range commands {
		wantStatus, want, wantErr := runCmd(c.args(flat)...)
		if wantStatus != c.status || !strings.Contains(want, c.stdout) {
			t.Fatalf("gwr %s on the single Parquet files: status %d, stdout %q, stderr %q; want status %d and a line holding %q",
				c.name, wantStatus, want, wantErr, c.status, c.stdout)
		}
		for name, out := range outputs {
			status, got, stderr := runCmd(c.args(out)...)
			if status != wantStatus || got != want {
				t.Errorf("gwr %s on %s: status %d, stdout:\n%s\nstderr: %s\nwant status %d and the output on the single Parquet files:\n%s",
					c.name, name, status, got, stderr, wantStatus, want)
			}
		}
	}
}

// TestShowReviewReadReportsAsExtract checks that gwr show and gwr review
// read reports as gwr extract does: the same documents (manifest applied),
// the same facts (taxonomy of --indicators applied), and a failed input reported in the same words, costing
// only itself.
func TestShowReviewReadReportsAsExtract(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	if err := os.MkdirAll(in, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"001_4d8ee72d9e714460.txt", "003_8d678484d61eac6b.txt"} {
		b, err := os.ReadFile(filepath.Join("..", "..", "corpus", name))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(in, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(in, "zz_binary.txt"), []byte("\x00\x01\x02 not a report"), 0o644); err != nil {
		t.Fatal(err)
	}
	manifest := filepath.Join(dir, "manifest.csv")
	if err := os.WriteFile(manifest, []byte("doc_id,region,level,year\n003_8d678484d61eac6b,测试市,city,2031\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	// A taxonomy whose GDP growth row matches no indicator.
	indicators := filepath.Join(dir, "codes.tsv")
	row := "code\tname_zh\tname_en\tmeasure\tunit\tdirection\tpatterns\tnote\ngdp_growth\t地区生产总值增长\tGDP growth\tgrowth\tpercent\tup\t无此指标\t\n"
	if err := os.WriteFile(indicators, []byte(row), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out")
	stderr := extractRun(t, 1, "--quiet", "--format", "jsonl", "--manifest", manifest, "--indicators", indicators, "-o", out, in)
	failLine := lineWith(stderr, "zz_binary.txt")
	if failLine == "" {
		t.Fatalf("gwr extract stderr %q names no failed zz_binary.txt", stderr)
	}
	ds, err := batch.Open(out)
	if err != nil {
		t.Fatal(err)
	}
	wantFacts, err := ds.Facts()
	if err != nil {
		t.Fatal(err)
	}
	wantDocs, err := ds.Documents()
	if err != nil {
		t.Fatal(err)
	}

	for _, f := range wantFacts {
		if f.IndicatorCode != nil && *f.IndicatorCode == "gdp_growth" {
			t.Fatalf("gwr extract --indicators %s: fact %s/%d has code gdp_growth, which the file takes away", indicators, f.DocID, f.FactID)
		}
	}

	src := sourceFlags{readFlags: readFlags{maxBytes: 50 << 20, manifest: manifest, indicators: indicators}}
	var warnings []string
	docs, failed, err := src.load([]string{in}, func(m string) { warnings = append(warnings, m) })
	if err != nil {
		t.Fatal(err)
	}
	if failed != 1 || len(warnings) != 1 || "gwr extract: "+warnings[0] != failLine {
		t.Errorf("load: %d failed, warnings %q; want 1 failed and the line of gwr extract, %q", failed, warnings, failLine)
	}
	var gotFacts []schema.Fact
	var gotDocs []schema.Document
	for _, d := range docs {
		gotFacts = append(gotFacts, d.Facts...)
		gotDocs = append(gotDocs, *d.Row)
		if !d.HasText {
			t.Errorf("load: document %s without its text", d.ID)
		}
	}
	if !reflect.DeepEqual(gotDocs, wantDocs) {
		t.Errorf("load: documents\n%+v\nwant those of gwr extract\n%+v", gotDocs, wantDocs)
	}
	if len(wantFacts) == 0 || !reflect.DeepEqual(gotFacts, wantFacts) {
		t.Errorf("load: %d facts, want the %d of gwr extract, equal", len(gotFacts), len(wantFacts))
	}
	if len(gotDocs) == 2 && (gotDocs[1].Region != "测试市" || gotDocs[1].Year == nil || *gotDocs[1].Year != 2031) {
		t.Errorf("load: document %s has region %q, year %v; want the manifest's 测试市, 2031", gotDocs[1].DocID, gotDocs[1].Region, gotDocs[1].Year)
	}

	page := filepath.Join(dir, "review.html")
	for _, c := range []struct {
		name string
		args []string
		out  string
	}{
		{"show", []string{"show", "--manifest", manifest, "--indicators", indicators, "--color", "never", in}, "003_8d678484d61eac6b  测试市 city 2031"},
		{"review", []string{"review", "--manifest", manifest, "--indicators", indicators, in, "-o", page}, ""},
	} {
		status, stdout, stderr := runCmd(c.args...)
		if status != 1 || !strings.Contains(stdout, c.out) || !strings.Contains(stderr, strings.TrimPrefix(failLine, "gwr extract: ")) {
			t.Errorf("gwr %s: status %d, stdout %.200q, stderr %q; want status 1, stdout holding %q and the failure line %q",
				c.name, status, stdout, stderr, c.out, failLine)
		}
	}
	if b, err := os.ReadFile(page); err != nil || !bytes.Contains(b, []byte("测试市")) {
		t.Errorf("gwr review wrote no page with the manifest's region (%v)", err)
	}
	if status, _, stderr := runCmd("show", "--manifest", filepath.Join(dir, "none.csv"), in); status != 2 || !strings.Contains(stderr, "none.csv") {
		t.Errorf("gwr show with a missing manifest: status %d, stderr %q; want 2 and a message naming none.csv", status, stderr)
	}
}
