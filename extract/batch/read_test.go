package batch

import (
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/gwrfacts/gwr/schema"
)

// writeRun writes n synthetic documents of 3 facts each and one error row
// to dir in formats, partitioned or not, and returns what was written.
func writeRun(t *testing.T, dir string, formats []string, partitioned bool, n int) ([]schema.Fact, []schema.Document, []schema.ErrorRow) {
	t.Helper()
	opt := CreateOptions{}
	if partitioned {
		opt.PartitionBy = PartitionBy
	}
	o, err := Create(dir, formats, schema.Meta{ToolVersion: "t", RulesHash: "r"}, opt)
	if err != nil {
		t.Fatal(err)
	}
	var facts []schema.Fact
	var docs []schema.Document
	for i := 0; i < n; i++ {
		r := syntheticResult(i, 3)
		facts = append(facts, r.Facts...)
		docs = append(docs, *r.Doc)
		if err := o.Add(r); err != nil {
			t.Fatal(err)
		}
	}
	errs := []schema.ErrorRow{{DocID: "bad", Path: "c/bad.txt", Stage: "load", Message: "c/bad.txt: binary"}}
	if err := o.Add(Result{Err: &errs[0]}); err != nil {
		t.Fatal(err)
	}
	if err := o.Commit(); err != nil {
		t.Fatal(err)
	}
	return facts, docs, errs
}

func sortDocs(d []schema.Document) {
	sort.Slice(d, func(i, j int) bool { return d[i].DocID < d[j].DocID })
}

// checkRead checks that the dataset holds exactly the rows written (in any
// order: a partitioned output groups them by partition).
func checkRead(t *testing.T, name string, d *Dataset, facts []schema.Fact, docs []schema.Document, errs []schema.ErrorRow) {
	t.Helper()
	gotFacts, err := d.Facts()
	if err != nil {
		t.Fatalf("%s: Facts() error: %v", name, err)
	}
	gotDocs, err := d.Documents()
	if err != nil {
		t.Fatalf("%s: Documents() error: %v", name, err)
	}
	gotErrs, err := d.Errors()
	if err != nil {
		t.Fatalf("%s: Errors() error: %v", name, err)
	}
	facts, docs = append([]schema.Fact(nil), facts...), append([]schema.Document(nil), docs...)
	sortFacts(gotFacts)
	sortFacts(facts)
	sortDocs(gotDocs)
	sortDocs(docs)
	if !reflect.DeepEqual(gotFacts, facts) {
		t.Errorf("%s: Facts() = %d rows, want the %d written (first got %+v)", name, len(gotFacts), len(facts), first(gotFacts))
	}
	if !reflect.DeepEqual(gotDocs, docs) {
		t.Errorf("%s: Documents() = %d rows, want the %d written (first got %+v)", name, len(gotDocs), len(docs), first(gotDocs))
	}
	if !reflect.DeepEqual(gotErrs, errs) {
		t.Errorf("%s: Errors() = %+v, want %+v", name, gotErrs, errs)
	}
}

func first[R any](rows []R) any {
	if len(rows) == 0 {
		return nil
	}
	return rows[0]
}

// TestOpenLayouts writes every layout in every format and reads it back
// through Open, the directory and (for single files) each table file.
func TestOpenLayouts(t *testing.T) {
	for _, partitioned := range []bool{false, true} {
		for _, format := range schema.Formats {
			name := format + " single files"
			if partitioned {
				name = format + " partitioned"
			}
			dir := t.TempDir()
			facts, docs, errs := writeRun(t, dir, []string{format}, partitioned, 12)
			d, err := Open(dir)
			if err != nil {
				t.Fatalf("%s: Open(dir) error: %v", name, err)
			}
			if d.Format() != format || d.Partitioned() != partitioned || d.Dir() != dir || d.Path() != dir {
				t.Errorf("%s: Open(dir) = format %q, partitioned %v, dir %q, path %q; want %q, %v, %q, %q",
					name, d.Format(), d.Partitioned(), d.Dir(), d.Path(), format, partitioned, dir, dir)
			}
			checkRead(t, name, d, facts, docs, errs)
			if partitioned {
				if n := len(d.Files(schema.DocumentsTable)); n < 3 {
					t.Errorf("%s: %d documents parts, want one per partition (at least 3)", name, n)
				}
				continue
			}
			for _, tab := range tables {
				p := filepath.Join(dir, tab.Name+"."+schema.Ext(format))
				d, err := Open(p)
				if err != nil {
					t.Fatalf("%s: Open(%s) error: %v", name, filepath.Base(p), err)
				}
				if d.Dir() != dir || d.Format() != format || d.Partitioned() {
					t.Errorf("%s: Open(%s) = dir %q, format %q, partitioned %v; want %q, %q, false", name, filepath.Base(p), d.Dir(), d.Format(), d.Partitioned(), dir, format)
				}
				checkRead(t, name+" "+filepath.Base(p), d, facts, docs, errs)
			}
		}
	}
}

// TestOpenPrefersFormat checks that of several formats in one directory
// the first of schema.Formats is read, and that a table file opened alone
// is a facts table unless its name says otherwise.
func TestOpenPrefersFormat(t *testing.T) {
	for _, tt := range []struct {
		formats     []string
		partitioned bool
		want        string
	}{
		{[]string{"csv", "jsonl", "arrow"}, false, "arrow"},
		{[]string{"jsonl", "parquet"}, false, "parquet"},
		{[]string{"csv", "jsonl"}, true, "jsonl"},
	} {
		dir := t.TempDir()
		facts, docs, errs := writeRun(t, dir, tt.formats, tt.partitioned, 5)
		d, err := Open(dir)
		if err != nil {
			t.Fatal(err)
		}
		if d.Format() != tt.want {
			t.Errorf("Open(dir of %v, partitioned %v).Format() = %q, want %q", tt.formats, tt.partitioned, d.Format(), tt.want)
		}
		for _, tab := range tables {
			for _, f := range d.Files(tab) {
				if format, _ := schema.FormatOf(f); format != tt.want {
					t.Errorf("Open(dir of %v).Files(%s) holds %s, want only %s files", tt.formats, tab.Name, f, tt.want)
				}
			}
		}
		checkRead(t, strings.Join(tt.formats, ","), d, facts, docs, errs)
	}

	dir := t.TempDir()
	facts, _, _ := writeRun(t, dir, []string{"jsonl"}, false, 3)
	other := filepath.Join(t.TempDir(), "old.jsonl")
	b, err := os.ReadFile(filepath.Join(dir, "facts.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(other, b, 0o644); err != nil {
		t.Fatal(err)
	}
	d, err := Open(other)
	if err != nil {
		t.Fatal(err)
	}
	got, err := d.Facts()
	if err != nil || len(got) != len(facts) {
		t.Errorf("Open(old.jsonl).Facts() = %d facts, %v; want %d, nil", len(got), err, len(facts))
	}
	if d.Has(schema.DocumentsTable) {
		t.Errorf("Open(old.jsonl).Has(documents) = true, want false: no documents table beside a file not named facts.jsonl")
	}
	if _, err := d.Documents(); err == nil || !strings.Contains(err.Error(), "no documents table") {
		t.Errorf("Open(old.jsonl).Documents() error = %v, want one saying there is no documents table", err)
	}
	d, err = Open(filepath.Join(dir, "documents.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	if got := d.Files(schema.DocumentsTable); len(got) != 1 || filepath.Base(got[0]) != "documents.jsonl" {
		t.Errorf("Open(documents.jsonl).Files(documents) = %v, want [documents.jsonl]", got)
	}
}

// TestOpenSkips checks that files a run has not committed are not read:
// hidden temporary files and a facts part whose documents part is not in
// place.
func TestOpenSkips(t *testing.T) {
	dir := t.TempDir()
	facts, docs, errs := writeRun(t, dir, []string{"jsonl"}, true, 6)
	part := filepath.Join(dir, "facts", "doc_year=1999", "level=county", "part-0123456789abcdef.jsonl")
	hidden := filepath.Join(dir, "facts", ".part-1.tmp")
	hiddenDir := filepath.Join(dir, "documents", ".tmp", "part-0123456789abcdef.jsonl")
	for _, p := range []string{part, hidden, hiddenDir} {
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		line := `{"doc_id":"ghost","fact_id":1,"start":0,"end":1,"mention":"1","sentence":"1","indicator":"","cue":"","measure":"level","value_low":1,"value_high":1,"bound":"eq","unit":"count","unit_text":"","classifier":"","kind":"target","year":null,"hedge":"","rule":"r"}` + "\n"
		if err := os.WriteFile(p, []byte(line), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	d, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	checkRead(t, "uncommitted files", d, facts, docs, errs)
}

func TestOpenErrors(t *testing.T) {
	dir := t.TempDir()
	both := filepath.Join(dir, "both")
	writeRun(t, both, []string{"jsonl"}, true, 2)
	b, err := os.ReadFile(filepath.Join(both, "errors", mustOne(t, filepath.Join(both, "errors"))))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(both, "errors.jsonl"), b, 0o644); err != nil {
		t.Fatal(err)
	}
	reports := filepath.Join(dir, "reports")
	if err := os.MkdirAll(reports, 0o755); err != nil {
		t.Fatal(err)
	}
	report := filepath.Join(reports, "a.txt")
	if err := os.WriteFile(report, []byte("新增企业10家。"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct{ path, want string }{
		{filepath.Join(dir, "none"), "no such file"},
		{reports, "holds no table written by gwr extract"},
		{report, "is not a table file"},
		{both, "holds both single-file tables and partitioned ones"},
	} {
		if _, err := Open(tt.path); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("Open(%s) error = %v, want one holding %q", filepath.Base(tt.path), err, tt.want)
		}
		if IsOutput(tt.path) {
			t.Errorf("IsOutput(%s) = true, want false", filepath.Base(tt.path))
		}
	}
	out := filepath.Join(dir, "out")
	writeRun(t, out, []string{"csv"}, false, 1)
	for _, p := range []string{out, filepath.Join(out, "facts.csv"), filepath.Join(both, "errors.jsonl")} {
		if !IsOutput(p) {
			t.Errorf("IsOutput(%s) = false, want true", p)
		}
	}
}

// mustOne returns the name of the one file in dir.
func mustOne(t *testing.T, dir string) string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil || len(entries) != 1 {
		t.Fatalf("%s: %d entries, %v; want one file", dir, len(entries), err)
	}
	return entries[0].Name()
}

func TestTextPath(t *testing.T) {
	for _, tt := range []struct{ id, want string }{
		{"report", "out/texts/report.txt"},
		{"a.zip/b", "out/texts/a.zip_b.txt"},
		{`x\y`, "out/texts/x_y.txt"},
	} {
		if got := filepath.ToSlash(TextPath("out", tt.id)); got != tt.want {
			t.Errorf("TextPath(out, %q) = %q, want %q", tt.id, got, tt.want)
		}
	}
}

// TestRelink: a run killed after its switch, before it made the links at
// the top level (here: the links removed by hand), is finished by the next
// run into the directory as soon as it holds the lock, even one that
// commits nothing.
func TestRelink(t *testing.T) {
	for _, partitioned := range []bool{false, true} {
		dir := t.TempDir()
		writeRun(t, dir, []string{"jsonl"}, partitioned, 4)
		names := []string{"facts.jsonl", "documents.jsonl", "errors.jsonl", MetaFile}
		if partitioned {
			names = []string{"facts", "documents", "errors", MetaFile}
		}
		for _, n := range names {
			if err := os.Remove(filepath.Join(dir, n)); err != nil {
				t.Fatal(err)
			}
		}
		opt := CreateOptions{Append: true}
		if partitioned {
			opt.PartitionBy = PartitionBy
		}
		o, err := Create(dir, []string{"jsonl"}, schema.Meta{ToolVersion: "t", RulesHash: "r"}, opt)
		if err != nil {
			t.Fatal(err)
		}
		o.Abort()
		for _, n := range names {
			if target, err := os.Readlink(filepath.Join(dir, n)); err != nil || target != filepath.Join(stateDir, currentLink, n) {
				t.Errorf("partitioned %v: %s after the next run: link to %q (%v), want %q", partitioned, n, target, err, filepath.Join(stateDir, currentLink, n))
			}
		}
	}
}
