package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/gwrfacts/gwr/schema"
)

// TestRepair breaks the tables of an output directory in two ways and
// repairs them: a fact line doubled in facts.jsonl (the Parquet tables
// still agree: gwr repair rewrites JSON Lines from them and keeps every
// document, exit 0), then a documents row whose facts column is wrong in
// both formats (the document is left out and named with the command that
// extracts it again, exit 1; running that command restores it). --append
// refuses the broken directory and points to gwr repair.
func TestRepair(t *testing.T) {
	dir := t.TempDir()
	paths := threeReports(t, filepath.Join(dir, "in"))
	out := filepath.Join(dir, "out")
	if s, _, e := runGWR(t, time.Minute, append([]string{"extract", "-o", out, "--format", "parquet,jsonl"}, paths[:2]...)...); s != 0 {
		t.Fatalf("extract: exit status %d: %s", s, e)
	}
	want := checkAgree(t, out)

	// a fact line doubled in facts.jsonl only
	factsPath := filepath.Join(out, "facts.jsonl")
	b, err := os.ReadFile(factsPath)
	if err != nil {
		t.Fatal(err)
	}
	first := b[:strings.IndexByte(string(b), '\n')+1]
	if err := os.WriteFile(factsPath, append(append([]byte(nil), first...), b...), 0o644); err != nil {
		t.Fatal(err)
	}
	refuseThenRepair(t, "broken tables", out, want, "extract", "--append", "-o", out, "--format", "parquet,jsonl", paths[2])

	// a documents row with a wrong facts column (JSON Lines only)
	out2 := filepath.Join(dir, "out2")
	if s, _, e := runGWR(t, time.Minute, append([]string{"extract", "-o", out2, "--format", "jsonl"}, paths[:2]...)...); s != 0 {
		t.Fatalf("extract: exit status %d: %s", s, e)
	}
	docsPath := filepath.Join(out2, "documents.jsonl")
	b, err = os.ReadFile(docsPath)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.SplitAfter(string(b), "\n")
	k := strings.Index(lines[0], `"facts":`) + len(`"facts":`)
	lines[0] = lines[0][:k] + "99999" + lines[0][k+strings.IndexByte(lines[0][k:], ','):]
	if err := os.WriteFile(docsPath, []byte(strings.Join(lines, "")), 0o644); err != nil {
		t.Fatal(err)
	}
	s, stdout, e := runGWR(t, time.Minute, "repair", out2)
	rerun := "gwr extract --append -o " + out2 + " " + paths[0]
	if s != 1 || !strings.Contains(stdout, "1 documents left out") || !strings.Contains(stdout, rerun) {
		t.Fatalf("repair: exit status %d, stdout %q, stderr %q; want 1, one document left out and the command %q", s, stdout, e, rerun)
	}
	if s, _, e := runGWR(t, time.Minute, "extract", "--append", "-o", out2, "--format", "jsonl", paths[0]); s != 0 {
		t.Fatalf("%s: exit status %d: %s", rerun, s, e)
	}
	docs, err := schema.ReadDocuments(docsPath)
	if err != nil {
		t.Fatal(err)
	}
	facts, err := schema.ReadFacts(filepath.Join(out2, "facts.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	count := map[string]int32{}
	for _, f := range facts {
		count[f.DocID]++
	}
	if len(docs) != 2 {
		t.Errorf("after repair and the run it names: %d documents, want 2", len(docs))
	}
	for _, d := range docs {
		if count[d.DocID] != d.Facts || d.Facts == 0 {
			t.Errorf("after repair: %s has %d facts, its row says %d", d.DocID, count[d.DocID], d.Facts)
		}
	}
}

// TestRepairPartitioned: the same for a partitioned output. A fact line
// doubled in one JSON Lines facts part: --append refuses (exit 2, naming
// gwr repair), gwr repair rewrites the tables from the Parquet parts as one
// new generation with the same partitioning (exit 0), and --append then
// adds to it.
func TestRepairPartitioned(t *testing.T) {
	dir := t.TempDir()
	paths := threeReports(t, filepath.Join(dir, "in"))
	out := filepath.Join(dir, "out")
	args := []string{"--format", "parquet,jsonl", "--partition-by", "year,level"}
	if s, _, e := runGWR(t, time.Minute, append(append([]string{"extract", "-o", out}, args...), paths[:2]...)...); s != 0 {
		t.Fatalf("extract: exit status %d: %s", s, e)
	}
	want := checkAgree(t, out)
	parts, err := filepath.Glob(filepath.Join(out, "facts", "*", "*", "part-*.jsonl"))
	if err != nil || len(parts) == 0 {
		t.Fatalf("no JSON Lines facts part in %s (%v)", out, err)
	}
	b, err := os.ReadFile(parts[0])
	if err != nil {
		t.Fatal(err)
	}
	first := b[:strings.IndexByte(string(b), '\n')+1]
	if err := os.WriteFile(parts[0], append(append([]byte(nil), first...), b...), 0o644); err != nil {
		t.Fatal(err)
	}
	refuseThenRepair(t, "broken partitioned tables", out, want, append(append([]string{"extract", "--append", "-o", out}, args...), paths[2])...)
	if again, _ := filepath.Glob(filepath.Join(out, "documents", "doc_year=*", "level=*", "part-*.parquet")); len(again) == 0 {
		t.Errorf("after repair: no documents part under documents/doc_year=…/level=…/")
	}
	if s, _, e := runGWR(t, time.Minute, append(append([]string{"extract", "--append", "-o", out}, args...), paths[2])...); s != 0 {
		t.Fatalf("--append after repair: exit status %d: %s", s, e)
	}
	if got := checkAgree(t, out); len(got) != 3 {
		t.Errorf("--append after repair: %d documents, want 3", len(got))
	}
	if left := staleState(t, out); len(left) > 0 {
		t.Errorf("left after repair and --append: %v", left)
	}
}

// threeReports writes the first three bundled reports into dir and
// returns their paths.
func threeReports(t *testing.T, dir string) []string {
	t.Helper()
	reports := bundledReports(t)[:3]
	writeInputs(t, dir, reports, nil)
	var paths []string
	for _, r := range reports {
		paths = append(paths, filepath.Join(dir, r.name))
	}
	return paths
}

// refuseThenRepair checks a broken output directory out (what says how it
// is broken): gwr with appendArgs (an --append into out) exits 2 naming
// gwr repair, gwr repair out exits 0 keeping two documents from the
// Parquet tables, and the tables then agree on the documents want.
func refuseThenRepair(t *testing.T, what, out string, want map[string]bool, appendArgs ...string) {
	t.Helper()
	s, _, e := runGWR(t, time.Minute, appendArgs...)
	if s != 2 || !strings.Contains(e, "gwr repair "+out) {
		t.Errorf("--append into %s: exit status %d, stderr %q; want 2 and a message naming gwr repair %s", what, s, e, out)
	}
	s, stdout, e := runGWR(t, time.Minute, "repair", out)
	if s != 0 || !strings.Contains(stdout, "2 documents and") || !strings.Contains(stdout, "rows of the parquet tables") {
		t.Errorf("repair: exit status %d, stdout %q, stderr %q; want 0, 2 documents kept from the parquet tables", s, stdout, e)
	}
	if got := checkAgree(t, out); !sameSet(got, want) {
		t.Errorf("after repair: documents %v, want %v", got, want)
	}
}
