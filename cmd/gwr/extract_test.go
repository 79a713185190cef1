package main

// Batch features of gwr extract: the same bytes for any -j, incremental
// runs with --append, --shard and --partition-by.

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/gwrfacts/gwr/schema"
)

// batchCorpus writes two input directories, a and b, that together hold
// the bundled reports, a variant of each (paragraphs in reverse order,
// numbers changed) and one binary file that fails to load, and returns
// their paths.
func batchCorpus(t *testing.T) (a, b string) {
	t.Helper()
	root := t.TempDir()
	a, b = filepath.Join(root, "a"), filepath.Join(root, "b")
	for _, d := range []string{a, b} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	paths, err := filepath.Glob(filepath.Join("..", "..", "corpus", "*.txt"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no bundled reports in corpus/: %v", err)
	}
	digit := regexp.MustCompile(`[1-8]`)
	var files []struct{ name, text string }
	for _, p := range paths {
		text, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(string(text), "\n")
		head, body := lines[:min(8, len(lines))], lines[min(8, len(lines)):]
		for i, j := 0, len(body)-1; i < j; i, j = i+1, j-1 {
			body[i], body[j] = body[j], body[i]
		}
		variant := strings.Join(head, "\n") + "\n" + digit.ReplaceAllStringFunc(strings.Join(body, "\n"), func(d string) string {
			return string(d[0] + 1)
		})
		name := filepath.Base(p)
		files = append(files, struct{ name, text string }{name, string(text)}, struct{ name, text string }{"v" + name, variant})
	}
	files = append(files, struct{ name, text string }{"zz_binary.txt", "\x00\x01\x02 not a report"})
	for i, f := range files {
		dir := a
		if i >= len(files)/2 {
			dir = b
		}
		if err := os.WriteFile(filepath.Join(dir, f.name), []byte(f.text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return a, b
}

// extractRun runs gwr extract with args and fails the test unless it exits
// with status want (0 or 1 if want is -1).
func extractRun(t *testing.T, want int, args ...string) (stderr string) {
	t.Helper()
	var o, e bytes.Buffer
	if got := run(append([]string{"extract"}, args...), &o, &e); got != want && !(want == -1 && got <= 1) {
		t.Fatalf("gwr extract %s: exit status %d, want %d; stderr:\n%s", strings.Join(args, " "), got, want, e.String())
	}
	return e.String()
}

// files returns the content of every file under dir by slash-separated
// relative path.
func files(t *testing.T, dir string) map[string]string {
	t.Helper()
	m := map[string]string{}
	var walk func(root string) error
	walk = func(root string) error {
		return filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
			if err == nil && d.IsDir() && d.Name() == ".gwr" {
				return filepath.SkipDir // the lock and the generations: read through the links
			}
			if err != nil || d.IsDir() {
				return err
			}
			if info, err := os.Stat(p); err == nil && info.IsDir() {
				return walk(p + string(filepath.Separator)) // a link to a partitioned table or the texts
			}
			b, err := os.ReadFile(p)
			rel, _ := filepath.Rel(dir, p)
			m[filepath.ToSlash(rel)] = string(b)
			return err
		})
	}
	if err := walk(dir); err != nil {
		t.Fatal(err)
	}
	return m
}

// sameFiles reports the first difference between two directory contents.
func sameFiles(got, want map[string]string) string {
	var names []string
	for n := range want {
		names = append(names, n)
	}
	for n := range got {
		if _, ok := want[n]; !ok {
			names = append(names, n)
		}
	}
	sort.Strings(names)
	for _, n := range names {
		g, gok := got[n]
		w, wok := want[n]
		switch {
		case !gok:
			return "missing " + n
		case !wok:
			return "extra " + n
		case g != w:
			return fmt.Sprintf("%s differs (%d and %d bytes)", n, len(g), len(w))
		}
	}
	return ""
}

// dataset is the rows of an output directory in either layout, sorted
// by doc_id and fact_id (documents and errors by doc_id).
type dataset struct {
	facts  []schema.Fact
	docs   []schema.Document
	errors []schema.ErrorRow
	parts  []string // part files of the partitioned layout, relative to the directory
}

func readDataset(t *testing.T, dir, ext string) dataset {
	t.Helper()
	var ds dataset
	read := func(table *schema.Table) []string {
		if single := filepath.Join(dir, table.Name+"."+ext); fileExists(single) {
			return []string{single}
		}
		var found []string
		filepath.WalkDir(filepath.Join(dir, table.Name)+string(filepath.Separator), func(p string, d os.DirEntry, err error) error {
			if err == nil && !d.IsDir() && strings.HasSuffix(p, "."+ext) {
				found = append(found, p)
				rel, _ := filepath.Rel(dir, p)
				ds.parts = append(ds.parts, filepath.ToSlash(rel))
			}
			return nil
		})
		return found
	}
	for _, p := range read(schema.FactsTable) {
		rows, err := schema.ReadFacts(p)
		if err != nil {
			t.Fatal(err)
		}
		ds.facts = append(ds.facts, rows...)
	}
	for _, p := range read(schema.DocumentsTable) {
		rows, err := schema.ReadDocuments(p)
		if err != nil {
			t.Fatal(err)
		}
		ds.docs = append(ds.docs, rows...)
	}
	for _, p := range read(schema.ErrorsTable) {
		rows, err := schema.ReadErrors(p)
		if err != nil {
			t.Fatal(err)
		}
		ds.errors = append(ds.errors, rows...)
	}
	sort.Slice(ds.facts, func(i, j int) bool {
		a, b := ds.facts[i], ds.facts[j]
		return a.DocID < b.DocID || a.DocID == b.DocID && a.FactID < b.FactID
	})
	sort.Slice(ds.docs, func(i, j int) bool { return ds.docs[i].DocID < ds.docs[j].DocID })
	sort.Slice(ds.errors, func(i, j int) bool { return ds.errors[i].DocID < ds.errors[j].DocID })
	sort.Strings(ds.parts)
	return ds
}

func fileExists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}

// sameRows reports how two datasets differ in their rows, or "".
func sameRows(got, want dataset) string {
	switch {
	case len(want.facts) == 0:
		return "the reference run has no facts"
	case !reflect.DeepEqual(got.facts, want.facts):
		return fmt.Sprintf("facts differ: got %d rows, want %d", len(got.facts), len(want.facts))
	case !reflect.DeepEqual(got.docs, want.docs):
		return fmt.Sprintf("documents differ: got %d rows, want %d", len(got.docs), len(want.docs))
	case !reflect.DeepEqual(got.errors, want.errors):
		return fmt.Sprintf("errors differ: got %+v, want %+v", got.errors, want.errors)
	}
	return ""
}

func TestExtractJobsDeterministic(t *testing.T) {
	a, b := batchCorpus(t)
	for _, layout := range [][]string{nil, {"--partition-by", "year,level"}} {
		var want map[string]string
		for _, j := range []string{"1", "2", "5"} {
			out := filepath.Join(t.TempDir(), "out")
			args := append([]string{"--quiet", "-j", j, "-o", out, "--format", "parquet,jsonl,arrow,csv"}, layout...)
			extractRun(t, 1, append(args, a, b)...)
			got := files(t, out)
			if want == nil {
				want = got
				continue
			}
			if diff := sameFiles(got, want); diff != "" {
				t.Errorf("gwr extract %v -j %s: not the bytes of -j 1: %s", layout, j, diff)
			}
		}
	}
}

func TestExtractAppend(t *testing.T) {
	a, b := batchCorpus(t)
	for _, layout := range [][]string{nil, {"--partition-by", "year,level"}} {
		t.Run(fmt.Sprint(layout), func(t *testing.T) {
			formats := []string{"--format", "parquet,jsonl"}
			whole := filepath.Join(t.TempDir(), "whole")
			extractRun(t, 1, append(append(append([]string{"--quiet", "-o", whole}, formats...), layout...), a, b)...)

			out := filepath.Join(t.TempDir(), "out")
			extractRun(t, 0, append(append(append([]string{"--quiet", "-o", out}, formats...), layout...), a)...)
			stderr := extractRun(t, 1, append(append(append([]string{"--append", "-o", out}, formats...), layout...), a, b)...)
			if want := "(5 already in " + out + ", skipped)"; !strings.Contains(stderr, want) {
				t.Errorf("--append summary %q does not say %q", lastLine(stderr), want)
			}
			for _, ext := range []string{"parquet", "jsonl"} {
				if diff := sameRows(readDataset(t, out, ext), readDataset(t, whole, ext)); diff != "" {
					t.Errorf("%s: first half, then --append of everything: %s", ext, diff)
				}
			}
			if layout == nil {
				// Old rows then new rows, through the same writers: the
				// very bytes of one run over everything.
				if diff := sameFiles(files(t, out), files(t, whole)); diff != "" {
					t.Errorf("first half, then --append of everything: not the bytes of one run: %s", diff)
				}
			}

			before := files(t, out)
			stderr = extractRun(t, 1, append(append(append([]string{"--append", "-o", out}, formats...), layout...), a, b)...)
			if want := "gwr extract: 0 documents (10 already in"; !strings.Contains(stderr, want) {
				t.Errorf("re-run of --append: summary %q, want it to start %q", lastLine(stderr), want)
			}
			if diff := sameFiles(files(t, out), before); diff != "" {
				t.Errorf("re-run of --append changed the output: %s", diff)
			}
		})
	}
}

func lastLine(s string) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	return lines[len(lines)-1]
}

func TestExtractShard(t *testing.T) {
	a, b := batchCorpus(t)
	whole := filepath.Join(t.TempDir(), "whole")
	extractRun(t, 1, "--quiet", "-o", whole, a, b)
	want := readDataset(t, whole, "parquet")

	// Single files: one directory per shard; the union is the whole.
	var union dataset
	for _, shard := range []string{"0/2", "1/2"} {
		out := filepath.Join(t.TempDir(), "shard")
		extractRun(t, -1, "--quiet", "--shard", shard, "-o", out, a, b)
		ds := readDataset(t, out, "parquet")
		if len(ds.docs) == 0 || len(ds.docs) == len(want.docs) {
			t.Errorf("shard %s has %d of %d documents, want some but not all", shard, len(ds.docs), len(want.docs))
		}
		union.facts = append(union.facts, ds.facts...)
		union.docs = append(union.docs, ds.docs...)
		union.errors = append(union.errors, ds.errors...)
	}
	if diff := sameRows(sortDataset(union), want); diff != "" {
		t.Errorf("shards 0/2 and 1/2: %s", diff)
	}

	// Partitioned: both shards into one directory, in either order.
	shared := filepath.Join(t.TempDir(), "shared")
	for _, shard := range []string{"1/2", "0/2"} {
		extractRun(t, -1, "--quiet", "--append", "--partition-by", "year,level", "--shard", shard, "-o", shared, a, b)
	}
	if diff := sameRows(readDataset(t, shared, "parquet"), want); diff != "" {
		t.Errorf("partitioned shards 1/2 and 0/2 in one directory: %s", diff)
	}
}

func sortDataset(ds dataset) dataset {
	sort.Slice(ds.facts, func(i, j int) bool {
		a, b := ds.facts[i], ds.facts[j]
		return a.DocID < b.DocID || a.DocID == b.DocID && a.FactID < b.FactID
	})
	sort.Slice(ds.docs, func(i, j int) bool { return ds.docs[i].DocID < ds.docs[j].DocID })
	sort.Slice(ds.errors, func(i, j int) bool { return ds.errors[i].DocID < ds.errors[j].DocID })
	return ds
}

func TestExtractPartitioned(t *testing.T) {
	a, b := batchCorpus(t)
	single := filepath.Join(t.TempDir(), "single")
	extractRun(t, 1, "--quiet", "-o", single, a, b)
	want := readDataset(t, single, "parquet")

	out := filepath.Join(t.TempDir(), "out")
	extractRun(t, 1, "--quiet", "--partition-by", "year,level", "-o", out, a, b)
	got := readDataset(t, out, "parquet")
	if diff := sameRows(got, want); diff != "" {
		t.Errorf("partitioned run: %s", diff)
	}

	// The layout: one documents part per (year, level) of the documents,
	// the facts beside them, the errors in one part.
	part := regexp.MustCompile(`^part-[0-9a-f]{16}\.parquet$`)
	wantDirs := map[string]bool{}
	for _, d := range want.docs {
		wantDirs["documents/"+schema.PartitionPath(d.Year, d.Level)] = true
		if d.Facts > 0 {
			wantDirs["facts/"+schema.PartitionPath(d.Year, d.Level)] = true
		}
	}
	wantDirs["errors"] = true
	gotDirs := map[string]bool{}
	for _, p := range got.parts {
		dir, name := filepath.ToSlash(filepath.Dir(p)), filepath.Base(p)
		if gotDirs[dir] {
			t.Errorf("%s: more than one part in one partition", p)
		}
		gotDirs[dir] = true
		if !part.MatchString(name) {
			t.Errorf("part file %s, want a name like part-0123456789abcdef.parquet", p)
		}
	}
	if !reflect.DeepEqual(gotDirs, wantDirs) {
		t.Errorf("partition directories %v, want %v", keys(gotDirs), keys(wantDirs))
	}
	for _, d := range got.docs {
		if !strings.Contains(fmt.Sprint(got.parts), "documents/"+schema.PartitionPath(d.Year, d.Level)+"/") {
			t.Errorf("document %s: no part under documents/%s", d.DocID, schema.PartitionPath(d.Year, d.Level))
		}
	}
}

func keys(m map[string]bool) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func TestExtractBatchUsage(t *testing.T) {
	a, _ := batchCorpus(t)
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--shard", "2/2", a}, `bad shard "2/2"`},
		{[]string{"--shard", "x", a}, `bad shard "x"`},
		{[]string{"--partition-by", "region", a}, `cannot partition by "region"`},
	} {
		stderr := extractRun(t, 2, append([]string{"-o", t.TempDir()}, tc.args...)...)
		if !strings.Contains(stderr, tc.want) {
			t.Errorf("gwr extract %s: stderr %q, want it to hold %q", strings.Join(tc.args, " "), stderr, tc.want)
		}
	}
}

func TestExtractQuiet(t *testing.T) {
	a, _ := batchCorpus(t)
	stderr := extractRun(t, 0, "-o", t.TempDir(), a)
	if !regexp.MustCompile(`^gwr extract: 5 documents, \d+ facts, 0 errors, 0\.\d MB in \d+\.\d\ds \(\d+\.\d MB/s\) -> `).MatchString(stderr) ||
		strings.Count(stderr, "\n") != 1 {
		t.Errorf("stderr %q, want one summary line (no progress bar: stderr is no terminal)", stderr)
	}
	if stderr := extractRun(t, 0, "--quiet", "-o", t.TempDir(), a); stderr != "" {
		t.Errorf("--quiet: stderr %q, want nothing", stderr)
	}
}
