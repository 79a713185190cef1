package batch

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/apache/arrow-go/v18/parquet/file"

	"github.com/gwrfacts/gwr/corpus"
	"github.com/gwrfacts/gwr/extract"
	"github.com/gwrfacts/gwr/extract/segment"
	"github.com/gwrfacts/gwr/schema"
	"github.com/gwrfacts/gwr/schema/schematest"
)

// extractor returns an extractor on the process-wide segmenter.
func extractor(tb testing.TB) *extract.Extractor {
	tb.Helper()
	seg, err := segment.Default()
	if err != nil {
		tb.Fatal(err)
	}
	x, err := extract.New(seg)
	if err != nil {
		tb.Fatal(err)
	}
	return x
}

func yearOf(y int32) *int32 { return &y }

// sampleRows returns rows of every table with every kind of value: a null
// and a set year, quotes, commas, newlines and non-ASCII text.
func sampleRows() ([]schema.Fact, []schema.Document, []schema.ErrorRow) {
	facts := []schema.Fact{
		{DocID: "a", FactID: 1, Start: 3, End: 8, Mention: "10家以上", Sentence: "新增\"高新\"技术企业,10家以上\n。",
			Indicator: "高新技术企业", Cue: "新增", Measure: "delta", ValueLow: 10, ValueHigh: 10, Bound: "ge",
			Unit: "count", UnitText: "家", Classifier: "家", Kind: "target", Year: yearOf(2024), Rule: "r1"},
		{DocID: "a", FactID: 2, Start: 9, End: 13, Mention: "6.5%", Sentence: "增长6.5%", Measure: "growth",
			ValueLow: -6.5, ValueHigh: 1e-7, Bound: "range", Unit: "percent", UnitText: "%", Kind: "actual", Rule: "r2"},
	}
	docs := []schema.Document{
		{DocID: "a", Path: "c/a.txt", SHA256: "00ff", Encoding: "utf-8", Region: "淄川区", Level: "district", Year: yearOf(2023),
			DocType: "report", Chars: 100, Facts: 2},
		{DocID: "b", Path: "c/b.txt", SHA256: "11ee", Encoding: "gb18030", DocType: "news"},
	}
	errs := []schema.ErrorRow{{DocID: "z", Path: "c/z.txt", Stage: "load", Message: "c/z.txt: binary, \"NUL\" at byte 3"}}
	return facts, docs, errs
}

func TestScan(t *testing.T) {
	facts, docs, errs := sampleRows()
	for _, format := range schema.Formats {
		for _, tc := range []struct {
			table *schema.Table
			rows  any
		}{{schema.FactsTable, facts}, {schema.DocumentsTable, docs}, {schema.ErrorsTable, errs}} {
			t.Run(format+"/"+tc.table.Name, func(t *testing.T) {
				path := filepath.Join(t.TempDir(), tc.table.Name+"."+schema.Ext(format))
				schematest.WriteTable(t, path, tc.table, schema.Meta{}, tc.rows)
				got := reflect.MakeSlice(reflect.TypeOf(tc.rows), 0, 0)
				err := tc.table.Scan(path, func(rows any) error {
					got = reflect.AppendSlice(got, reflect.ValueOf(rows))
					return nil
				})
				if err != nil {
					t.Fatal(err)
				}
				if !reflect.DeepEqual(got.Interface(), tc.rows) {
					t.Errorf("Scan(%s) = %+v, want %+v", path, got.Interface(), tc.rows)
				}
			})
		}
	}
}

func TestScanErrors(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "facts.parquet")
	if err := os.WriteFile(bad, []byte("PAR1 not really"), 0o644); err != nil {
		t.Fatal(err)
	}
	otherTable := filepath.Join(dir, "documents.jsonl")
	if err := os.WriteFile(otherTable, []byte(`{"doc_id":"a","fact_id":1}`+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		path  string
		table *schema.Table
		want  string
	}{
		{bad, schema.FactsTable, bad},
		{otherTable, schema.DocumentsTable, "documents.jsonl: row 1"},
		{filepath.Join(dir, "facts.txt"), schema.FactsTable, "unknown file extension"},
		{filepath.Join(dir, "none.csv"), schema.FactsTable, "none.csv"},
	} {
		err := tc.table.Scan(tc.path, func(any) error { return nil })
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("Scan(%s) error = %v, want one naming %q", tc.path, err, tc.want)
		}
	}
}

func TestParseShard(t *testing.T) {
	for _, tc := range []struct {
		in      string
		i, n    int
		wantErr bool
	}{
		{"0/1", 0, 1, false},
		{"0/2", 0, 2, false},
		{"3/4", 3, 4, false},
		{"4/4", 0, 0, true},
		{"-1/4", 0, 0, true},
		{"1/0", 0, 0, true},
		{"1", 0, 0, true},
		{"a/b", 0, 0, true},
		{"", 0, 0, true},
	} {
		i, n, err := ParseShard(tc.in)
		if (err != nil) != tc.wantErr || i != tc.i || n != tc.n {
			t.Errorf("ParseShard(%q) = %d, %d, %v; want %d, %d, error %v", tc.in, i, n, err, tc.i, tc.n, tc.wantErr)
		}
	}
}

func TestShard(t *testing.T) {
	var inputs []corpus.Input
	for i := 0; i < 1000; i++ {
		inputs = append(inputs, corpus.Input{Path: fmt.Sprintf("c/%04d.txt", i), ID: fmt.Sprintf("%04d", i)})
	}
	// FNV-1a 64 of "a" is 0xaf63dc4c8601ec8c: even, odd modulo 3 is 1.
	if got := ShardOf("a", 2); got != 0 {
		t.Errorf("ShardOf(a, 2) = %d, want 0", got)
	}
	for _, n := range []int{1, 2, 3, 7} {
		seen := map[string]int{}
		for i := 0; i < n; i++ {
			part := Shard(inputs, i, n)
			if len(part) < len(inputs)/n/2 {
				t.Errorf("Shard(%d/%d) has %d of %d inputs, want about %d", i, n, len(part), len(inputs), len(inputs)/n)
			}
			for k, in := range part {
				seen[in.ID]++
				if k > 0 && part[k-1].Path >= in.Path {
					t.Errorf("Shard(%d/%d) changed the input order at %s", i, n, in.Path)
				}
			}
		}
		for _, in := range inputs {
			if seen[in.ID] != 1 {
				t.Errorf("%d shards: %s is in %d shards, want 1", n, in.ID, seen[in.ID])
			}
		}
	}
}

// readParts reads every part file of a table under dir/<table>/ in format.
func readParts[R any](t *testing.T, dir string, table *schema.Table, ext string) (rows []R, files []string) {
	t.Helper()
	found, err := partFiles(filepath.Join(dir, table.Name))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range found {
		if !strings.HasSuffix(f, "."+ext) {
			continue
		}
		got, err := table.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		rows = append(rows, got.([]R)...)
		rel, _ := filepath.Rel(dir, f)
		files = append(files, filepath.ToSlash(rel))
	}
	return rows, files
}

// syntheticResult is document i of a synthetic run: year and level cycle
// through a few partitions, and the facts carry long sentences.
func syntheticResult(i, facts int) Result {
	levels := []string{"county", "city", ""}
	var year *int32
	if i%4 != 3 {
		year = yearOf(int32(2020 + i%4))
	}
	id := fmt.Sprintf("d%05d", i)
	doc := schema.Document{DocID: id, Path: "c/" + id + ".txt", SHA256: fmt.Sprintf("%064x", i), Encoding: "utf-8",
		Level: levels[i%3], Year: year, DocType: "report", Facts: int32(facts)}
	r := Result{Doc: &doc}
	for k := 0; k < facts; k++ {
		r.Facts = append(r.Facts, schema.Fact{DocID: id, FactID: int32(k + 1), Mention: fmt.Sprintf("%d家", k),
			Sentence: strings.Repeat("新增高新技术企业", 12) + fmt.Sprint(i, k), Measure: "delta", Bound: "eq",
			Unit: "count", Kind: "target", Year: year, Rule: "r"})
	}
	return r
}

// TestOutputTailRowGroup: the facts of a run's last tailDocs documents
// are Parquet row groups of their own, written after the row group before
// them, and so are those of its last lastDocs; a run of fewer than
// tailDocs documents writes one row group. The facts read back are those
// added, in order.
func TestOutputTailRowGroup(t *testing.T) {
	const perDoc = 5
	for _, c := range []struct {
		docs  int
		sizes []int64 // facts of each row group
	}{
		{tailDocs + 8, []int64{8 * perDoc, (tailDocs - lastDocs) * perDoc, lastDocs * perDoc}},
		{tailDocs - 1, []int64{(tailDocs - 1) * perDoc}},
		{lastDocs + 2, []int64{(lastDocs + 2) * perDoc}},
	} {
		dir := t.TempDir()
		o, err := Create(dir, []string{"parquet"}, schema.Meta{}, CreateOptions{})
		if err != nil {
			t.Fatal(err)
		}
		var want []schema.Fact
		for i := 0; i < c.docs; i++ {
			r := syntheticResult(i, perDoc)
			r.Left = c.docs - 1 - i
			want = append(want, r.Facts...)
			if err := o.Add(r); err != nil {
				t.Fatal(err)
			}
		}
		if err := o.Commit(); err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(dir, "facts.parquet")
		rd, err := file.OpenParquetFile(path, false)
		if err != nil {
			t.Fatal(err)
		}
		var sizes []int64
		for g := 0; g < rd.NumRowGroups(); g++ {
			sizes = append(sizes, rd.MetaData().RowGroup(g).NumRows())
		}
		rd.Close()
		if !reflect.DeepEqual(sizes, c.sizes) {
			t.Errorf("%d documents: row groups of %v facts, want %v", c.docs, sizes, c.sizes)
		}
		got, err := schema.ReadFacts(path)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%d documents: read back %d facts, not the %d added", c.docs, len(got), len(want))
		}
	}
}

func TestPartitionedLayout(t *testing.T) {
	dir := t.TempDir()
	// A small budget makes the partitions spill into several part files.
	o, err := Create(dir, []string{"parquet", "jsonl"}, schema.Meta{RulesHash: "r"}, CreateOptions{PartitionBy: PartitionBy, BufferBytes: 64 << 10})
	if err != nil {
		t.Fatal(err)
	}
	var want []schema.Fact
	for i := 0; i < 60; i++ {
		r := syntheticResult(i, 20)
		want = append(want, r.Facts...)
		if err := o.Add(r); err != nil {
			t.Fatal(err)
		}
	}
	if err := o.Add(Result{Err: &schema.ErrorRow{DocID: "bad", Path: "c/bad.txt", Stage: "load", Message: "binary"}}); err != nil {
		t.Fatal(err)
	}
	if err := o.Commit(); err != nil {
		t.Fatal(err)
	}
	for _, ext := range []string{"parquet", "jsonl"} {
		facts, files := readParts[schema.Fact](t, dir, schema.FactsTable, ext)
		if len(files) <= 9 {
			t.Errorf("%s: %d facts parts, want more than one per partition (9): %v", ext, len(files), files)
		}
		sortFacts(facts)
		sortFacts(want)
		if !reflect.DeepEqual(facts, want) {
			t.Errorf("%s: the facts parts hold %d facts, want the %d written", ext, len(facts), len(want))
		}
		docs, docFiles := readParts[schema.Document](t, dir, schema.DocumentsTable, ext)
		if len(docs) != 60 {
			t.Errorf("%s: the documents parts hold %d documents, want 60", ext, len(docs))
		}
		for _, f := range append(files, docFiles...) {
			rows, err := schema.DocumentsTable.ReadFile(filepath.Join(dir, f))
			if strings.HasPrefix(f, "facts/") {
				continue
			}
			if err != nil {
				t.Fatal(err)
			}
			for _, d := range rows.([]schema.Document) {
				if want := "documents/" + schema.PartitionPath(d.Year, d.Level) + "/part-"; !strings.HasPrefix(f, want) {
					t.Errorf("document %s (year %v, level %q) is in %s, want under %s", d.DocID, d.Year, d.Level, f, want)
				}
			}
		}
		errs, errFiles := readParts[schema.ErrorRow](t, dir, schema.ErrorsTable, ext)
		if len(errs) != 1 || len(errFiles) != 1 || !strings.HasPrefix(errFiles[0], "errors/part-") {
			t.Errorf("%s: errors parts %v hold %d rows, want one file errors/part-… with one row", ext, errFiles, len(errs))
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "facts", "doc_year="+schema.HiveNull, "level="+schema.HiveNull)); err != nil {
		t.Errorf("no partition for a null year and level: %v", err)
	}
	if left := tempFiles(t, dir); len(left) > 0 {
		t.Errorf("temporary files left after Commit: %v", left)
	}
}

// TestPartitionKeys: any of year and level, in that order, partitions
// both tables the same way, and a run without errors still writes its
// (empty) errors table.
func TestPartitionKeys(t *testing.T) {
	for _, keys := range [][]string{{"year"}, {"level"}, {"year", "level"}} {
		t.Run(strings.Join(keys, ","), func(t *testing.T) {
			dir := t.TempDir()
			o, err := Create(dir, []string{"parquet", "csv"}, schema.Meta{RulesHash: "r"}, CreateOptions{PartitionBy: keys})
			if err != nil {
				t.Fatal(err)
			}
			for i := 0; i < 12; i++ {
				if err := o.Add(syntheticResult(i, 2)); err != nil {
					t.Fatal(err)
				}
			}
			if err := o.Commit(); err != nil {
				t.Fatal(err)
			}
			for _, ext := range []string{"parquet", "csv"} {
				docs, docFiles := readParts[schema.Document](t, dir, schema.DocumentsTable, ext)
				if len(docs) != 12 {
					t.Errorf("%s: %d documents, want 12", ext, len(docs))
				}
				for _, f := range docFiles {
					rows, err := schema.DocumentsTable.ReadFile(filepath.Join(dir, f))
					if err != nil {
						t.Fatal(err)
					}
					for _, d := range rows.([]schema.Document) {
						want := "documents/" + schema.PartitionPathBy(keys, d.Year, d.Level) + "/part-"
						if !strings.HasPrefix(f, want) {
							t.Errorf("document %s is in %s, want under %s", d.DocID, f, want)
						}
						if n := strings.Count(f, "="); n != len(keys) {
							t.Errorf("%s: %d keys in the path, want %d", f, n, len(keys))
						}
					}
				}
				_, factFiles := readParts[schema.Fact](t, dir, schema.FactsTable, ext)
				for _, f := range factFiles {
					doc := "documents/" + strings.TrimPrefix(filepath.Dir(f), "facts/")
					if _, err := os.Stat(filepath.Join(dir, doc)); err != nil {
						t.Errorf("facts part %s: no documents partition %s beside it", f, doc)
					}
				}
				errs, errFiles := readParts[schema.ErrorRow](t, dir, schema.ErrorsTable, ext)
				if len(errs) != 0 || len(errFiles) != 1 {
					t.Errorf("%s: errors parts %v with %d rows, want one empty part", ext, errFiles, len(errs))
				}
			}
		})
	}
}

func sortFacts(f []schema.Fact) {
	sort.Slice(f, func(i, j int) bool {
		if f[i].DocID != f[j].DocID {
			return f[i].DocID < f[j].DocID
		}
		return f[i].FactID < f[j].FactID
	})
}

// tempFiles lists the hidden temporary files in dir, and what DIR/.gwr
// holds beyond the lock, the current link and the current generation.
func tempFiles(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".") && e.Name() != stateDir {
			out = append(out, e.Name())
		}
	}
	entries, _ = os.ReadDir(filepath.Join(dir, stateDir))
	for _, e := range entries {
		if n := e.Name(); n != lockFile && n != currentLink && n != filepath.Base(Snapshot(dir)) {
			out = append(out, filepath.Join(stateDir, n))
		}
	}
	return out
}

// snapshot returns the content of every file under dir by relative path.
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	m := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		if rel == filepath.Join(stateDir, lockFile) {
			return nil // says which run held the lock last
		}
		if d.Type()&os.ModeSymlink != 0 {
			target, err := os.Readlink(p)
			m[filepath.ToSlash(rel)] = "-> " + target
			return err
		}
		b, err := os.ReadFile(p)
		m[filepath.ToSlash(rel)] = string(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func TestAppendRefuses(t *testing.T) {
	meta := schema.Meta{ToolVersion: "1", RulesHash: "r1"}
	single := func(t *testing.T, formats ...string) string {
		dir := t.TempDir()
		o, err := Create(dir, formats, meta, CreateOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if err := errorsOf(o.Add(syntheticResult(1, 2)), o.Commit()); err != nil {
			t.Fatal(err)
		}
		return dir
	}
	partitioned := func(t *testing.T, formats ...string) string {
		dir := t.TempDir()
		if len(formats) == 0 {
			formats = []string{"parquet"}
		}
		o, err := Create(dir, formats, meta, CreateOptions{PartitionBy: PartitionBy})
		if err != nil {
			t.Fatal(err)
		}
		if err := errorsOf(o.Add(syntheticResult(1, 2)), o.Commit()); err != nil {
			t.Fatal(err)
		}
		return dir
	}
	for _, tc := range []struct {
		name    string
		dir     func(t *testing.T) string
		formats []string
		meta    schema.Meta
		opt     CreateOptions
		want    string
	}{
		{"other rules", func(t *testing.T) string { return single(t, "parquet") }, []string{"parquet"},
			schema.Meta{ToolVersion: "1", RulesHash: "r2"}, CreateOptions{Append: true}, `facts.parquet was written with rule set "r1", this run has "r2"`},
		{"other version", func(t *testing.T) string { return single(t, "arrow") }, []string{"arrow"},
			schema.Meta{ToolVersion: "2", RulesHash: "r1"}, CreateOptions{Append: true}, `gwr version "1"`},
		{"jsonl other rules", func(t *testing.T) string { return single(t, "jsonl") }, []string{"jsonl"},
			schema.Meta{ToolVersion: "1", RulesHash: "r2"}, CreateOptions{Append: true}, `facts.jsonl was written with rule set "r1", this run has "r2"`},
		{"csv other version", func(t *testing.T) string { return single(t, "csv") }, []string{"csv"},
			schema.Meta{ToolVersion: "2", RulesHash: "r1"}, CreateOptions{Append: true}, `gwr version "1"`},
		{"jsonl without gwr.json", func(t *testing.T) string {
			dir := single(t, "jsonl")
			os.Remove(filepath.Join(dir, MetaFile))
			os.Remove(filepath.Join(Snapshot(dir), MetaFile)) // where a run keeps it
			return dir
		}, []string{"jsonl"}, meta, CreateOptions{Append: true}, "has no gwr.json"},
		{"format dropped", func(t *testing.T) string { return single(t, "parquet", "jsonl") }, []string{"parquet"},
			meta, CreateOptions{Append: true}, "holds jsonl tables"},
		{"format added", func(t *testing.T) string { return single(t, "jsonl") }, []string{"jsonl", "csv"},
			meta, CreateOptions{Append: true}, "holds no csv tables"},
		{"table missing", func(t *testing.T) string {
			dir := single(t, "jsonl")
			os.Remove(filepath.Join(Snapshot(dir), "errors.jsonl"))
			return dir
		}, []string{"jsonl"}, meta, CreateOptions{Append: true}, "errors.jsonl is missing"},
		{"partitioned jsonl other rules", func(t *testing.T) string { return partitioned(t, "jsonl") }, []string{"jsonl"},
			schema.Meta{ToolVersion: "1", RulesHash: "r2"}, CreateOptions{Append: true, PartitionBy: PartitionBy}, `was written with rule set "r1"`},
		{"facts twice", func(t *testing.T) string {
			dir := single(t, "jsonl")
			p := filepath.Join(Snapshot(dir), "facts.jsonl")
			b, _ := os.ReadFile(p)
			os.WriteFile(p, append(b, b...), 0o644)
			return dir
		}, []string{"jsonl"}, meta, CreateOptions{Append: true}, "disagree: "},
		{"facts without their document", func(t *testing.T) string {
			dir := single(t, "jsonl")
			os.WriteFile(filepath.Join(Snapshot(dir), "documents.jsonl"), nil, 0o644)
			return dir
		}, []string{"jsonl"}, meta, CreateOptions{Append: true}, "a document the documents table does not hold"},
		{"single into partitioned", func(t *testing.T) string { return partitioned(t) }, []string{"parquet"}, meta, CreateOptions{Append: true}, "partitioned facts table"},
		{"partitioned into single", func(t *testing.T) string { return single(t, "parquet") }, []string{"parquet"}, meta,
			CreateOptions{Append: true, PartitionBy: PartitionBy}, "holds single-file tables"},
		{"partitioned without append", func(t *testing.T) string { return partitioned(t) }, []string{"parquet"}, meta,
			CreateOptions{PartitionBy: PartitionBy}, "already holds a partitioned"},
		{"partitioned other rules", func(t *testing.T) string { return partitioned(t) }, []string{"parquet"}, schema.Meta{ToolVersion: "1", RulesHash: "r2"},
			CreateOptions{Append: true, PartitionBy: PartitionBy}, "rule set"},
		{"bad partitioning", tempDir, []string{"parquet"}, meta, CreateOptions{PartitionBy: []string{"region"}}, `cannot partition by "region"`},
		{"keys out of order", tempDir, []string{"parquet"}, meta, CreateOptions{PartitionBy: []string{"level", "year"}}, `cannot partition by "level,year"`},
		{"key twice", tempDir, []string{"parquet"}, meta, CreateOptions{PartitionBy: []string{"year", "year"}}, `cannot partition by "year,year"`},
		{"other partitioning", func(t *testing.T) string { return partitioned(t) }, []string{"parquet"}, meta,
			CreateOptions{Append: true, PartitionBy: []string{"level"}}, "is partitioned by year,level"},
		{"bad format", tempDir, []string{"xml"}, meta, CreateOptions{}, `unknown format "xml"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := tc.dir(t)
			before := snapshot(t, dir)
			o, err := Create(dir, tc.formats, tc.meta, tc.opt)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				if o != nil {
					o.Abort()
				}
				t.Fatalf("Create error = %v, want one holding %q", err, tc.want)
			}
			if after := snapshot(t, dir); !reflect.DeepEqual(after, before) {
				t.Errorf("a refused Create changed %s", dir)
			}
		})
	}
}

func tempDir(t *testing.T) string { return t.TempDir() }

func errorsOf(errs ...error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// TestAppendAborted checks that an append that never commits (a crash, a
// signal) leaves the directory as it was, and that a re-run then adds
// everything.
func TestAppendAborted(t *testing.T) {
	meta := schema.Meta{RulesHash: "r"}
	for _, opt := range []CreateOptions{{}, {PartitionBy: PartitionBy, BufferBytes: 16 << 10}} {
		t.Run(fmt.Sprint(len(opt.PartitionBy) > 0), func(t *testing.T) {
			dir := t.TempDir()
			o, err := Create(dir, []string{"parquet", "csv"}, meta, opt)
			if err != nil {
				t.Fatal(err)
			}
			for i := 0; i < 5; i++ {
				if err := o.Add(syntheticResult(i, 3)); err != nil {
					t.Fatal(err)
				}
			}
			if err := o.Commit(); err != nil {
				t.Fatal(err)
			}
			before := snapshot(t, dir)
			opt.Append = true
			o, err = Create(dir, []string{"parquet", "csv"}, meta, opt)
			if err != nil {
				t.Fatal(err)
			}
			if got := o.Known(); got != 5 {
				t.Errorf("Known() = %d, want 5", got)
			}
			for i := 0; i < 20; i++ {
				if err := o.Add(syntheticResult(i+5, 30)); err != nil {
					t.Fatal(err)
				}
			}
			o.Abort()
			if after := snapshot(t, dir); !reflect.DeepEqual(after, before) {
				t.Errorf("an aborted append changed %s", dir)
			}
		})
	}
}

// TestOutputMemory writes far more facts than fit in the bound below and
// checks that the heap stays under it: Parquet row groups are written as
// rows arrive, and partitioned outputs write part files when their buffer
// is full.
func TestOutputMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("writes 600,000 facts")
	}
	const (
		docs      = 2000
		perDoc    = 300
		heapBound = 100 << 20
	)
	for _, opt := range []CreateOptions{{}, {PartitionBy: PartitionBy, BufferBytes: 32 << 20}} {
		t.Run(fmt.Sprint("partitioned=", len(opt.PartitionBy) > 0), func(t *testing.T) {
			o, err := Create(t.TempDir(), []string{"parquet"}, schema.Meta{}, opt)
			if err != nil {
				t.Fatal(err)
			}
			var peak uint64
			var written int64
			var ms runtime.MemStats
			for i := 0; i < docs; i++ {
				r := syntheticResult(i, perDoc)
				for _, f := range r.Facts {
					written += int64(len(f.Sentence) + len(f.Mention) + 64)
				}
				if err := o.Add(r); err != nil {
					t.Fatal(err)
				}
				if i%100 == 99 {
					runtime.GC()
					runtime.ReadMemStats(&ms)
					peak = max(peak, ms.HeapAlloc)
				}
			}
			if err := o.Commit(); err != nil {
				t.Fatal(err)
			}
			if written < 2*heapBound {
				t.Fatalf("wrote %d MB of facts, want more than twice the bound of %d MB", written>>20, heapBound>>20)
			}
			if peak > heapBound {
				t.Errorf("heap peaked at %d MB writing %d MB of facts, want at most %d MB", peak>>20, written>>20, heapBound>>20)
			}
			t.Logf("heap peaked at %d MB writing %d MB of facts", peak>>20, written>>20)
		})
	}
}

// bundledInputs returns the inputs of a copy of the bundled reports in a
// temporary directory.
func bundledInputs(t *testing.T) []corpus.Input {
	t.Helper()
	dir := t.TempDir()
	copyCorpus(t, dir, 1)
	inputs, err := corpus.Discover([]string{dir})
	if err != nil {
		t.Fatal(err)
	}
	return inputs
}

func TestRunSkip(t *testing.T) {
	inputs := bundledInputs(t)
	x := extractor(t)
	var all collect
	if _, err := Run(context.Background(), inputs, x, Options{Jobs: 2}, &all); err != nil {
		t.Fatal(err)
	}
	skip := map[string]bool{all.docs[1].SHA256: true, all.docs[3].SHA256: true}
	var some collect
	stats, err := Run(context.Background(), inputs, x, Options{Jobs: 2, Skip: func(s string) bool { return skip[s] }}, &some)
	if err != nil {
		t.Fatal(err)
	}
	if stats.Skipped != 2 || stats.Docs != len(inputs)-2 || len(some.docs) != len(inputs)-2 {
		t.Errorf("Run skipping 2 of %d: stats %+v, %d documents, want 2 skipped and %d written", len(inputs), stats, len(some.docs), len(inputs)-2)
	}
	for _, d := range some.docs {
		if skip[d.SHA256] {
			t.Errorf("Run wrote skipped document %s", d.DocID)
		}
	}
}

// collect is a Sink that keeps the document rows.
type collect struct{ docs []schema.Document }

func (c *collect) Add(r Result) error {
	if r.Doc != nil {
		c.docs = append(c.docs, *r.Doc)
	}
	return nil
}

// TestRunWorkLimit: a text over the rules' work limit, between reports,
// is an error row naming the file and the limit; the reports after it
// are written, in order, and a second run gives the same rows.
func TestRunWorkLimit(t *testing.T) {
	dir := t.TempDir()
	paths, err := filepath.Glob("../../corpus/*.txt")
	if err != nil || len(paths) < 2 {
		t.Fatalf("bundled reports: %v, %v", paths, err)
	}
	dense := strings.Repeat("1第第第第第第第第第第第第第第第", 2000) // 32,000 code points
	for i, p := range []string{paths[0], "", paths[1]} {
		text := []byte(dense)
		if p != "" {
			if text, err = os.ReadFile(p); err != nil {
				t.Fatal(err)
			}
		}
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("%d.txt", i)), text, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	inputs, err := corpus.Discover([]string{dir})
	if err != nil {
		t.Fatal(err)
	}
	x := extractor(t)
	var runs [2]rows
	for k := range runs {
		if _, err := Run(context.Background(), inputs, x, Options{Jobs: 2}, &runs[k]); err != nil {
			t.Fatal(err)
		}
	}
	got := runs[0]
	if len(got.docs) != 2 || got.docs[0] != "0" || got.docs[1] != "2" {
		t.Errorf("documents written %v; want [0 2]", got.docs)
	}
	limit := fmt.Sprintf("more than %d code points", extract.RuleWorkPerCodePoint*32000+extract.RuleWorkBase)
	if len(got.errs) != 1 || got.errs[0].DocID != "1" || got.errs[0].Stage != "extract" ||
		!strings.Contains(got.errs[0].Message, "1.txt") || !strings.Contains(got.errs[0].Message, limit) {
		t.Errorf("error rows %+v; want one for 1.txt at stage extract naming the limit (%s)", got.errs, limit)
	}
	if !reflect.DeepEqual(runs[0], runs[1]) {
		t.Errorf("two runs differ: %+v, then %+v", runs[0], runs[1])
	}
}

// rows is a Sink that keeps the doc_ids, the facts and the error rows, in
// the order given.
type rows struct {
	docs  []string
	facts []schema.Fact
	errs  []schema.ErrorRow
}

func (c *rows) Add(r Result) error {
	if r.Doc != nil {
		c.docs = append(c.docs, r.Doc.DocID)
	}
	c.facts = append(c.facts, r.Facts...)
	if r.Err != nil {
		c.errs = append(c.errs, *r.Err)
	}
	return nil
}

// TestWindow: the window admits documents while their sizes stay within
// its bytes and fewer than its count are in flight, and always one when
// none is; a document that would have to wait is refused at once by a
// done context (so nothing here depends on timing).
func TestWindow(t *testing.T) {
	done, cancel := context.WithCancel(context.Background())
	cancel()
	w := newWindow(3, 100)
	steps := []struct {
		acquire, release int64 // one of them
		admitted         bool
	}{
		{acquire: 500, admitted: true}, // alone, though over the bytes
		{acquire: 1, admitted: false},  // beside it: over
		{release: 500},
		{acquire: 60, admitted: true},
		{acquire: 50, admitted: false}, // 110 > 100
		{acquire: 40, admitted: true},  // 100
		{acquire: 0, admitted: true},   // 3 documents
		{acquire: 0, admitted: false},  // a fourth: over the count
		{release: 60},
		{acquire: 50, admitted: true},
	}
	for i, s := range steps {
		if s.release > 0 {
			w.release(s.release)
			continue
		}
		err := w.acquire(done, s.acquire)
		if got := err == nil; got != s.admitted {
			t.Errorf("step %d: acquire(%d) with %d documents, %d bytes in flight: admitted %v, want %v", i, s.acquire, w.n, w.used, got, s.admitted)
		}
	}
}

// TestRunInFlightBytes: with Options.InFlightBytes below every report's
// size, one document is in flight at a time (counted from its load, seen
// by Skip, to its rows handed to the sink) and the rows are those of an
// unbounded run, in the same order.
func TestRunInFlightBytes(t *testing.T) {
	inputs := bundledInputs(t)
	x := extractor(t)
	var want rows
	if _, err := Run(context.Background(), inputs, x, Options{Jobs: 2}, &want); err != nil {
		t.Fatal(err)
	}
	got := &flight{}
	opt := Options{Jobs: 2, InFlightBytes: 1, Skip: func(string) bool { got.start(); return false }}
	if _, err := Run(context.Background(), inputs, x, opt, got); err != nil {
		t.Fatal(err)
	}
	if got.max != 1 {
		t.Errorf("InFlightBytes 1: at most %d documents in flight, want 1", got.max)
	}
	if !reflect.DeepEqual(got.rows, want) {
		t.Errorf("InFlightBytes 1: rows differ from an unbounded run: %d documents, want %d", len(got.rows.docs), len(want.docs))
	}
}

// flight is a Sink that counts the documents in flight: started (start)
// and not yet added.
type flight struct {
	mu       sync.Mutex
	now, max int
	rows     rows
}

func (f *flight) start() {
	f.mu.Lock()
	f.now++
	f.max = max(f.max, f.now)
	f.mu.Unlock()
}

func (f *flight) Add(r Result) error {
	f.mu.Lock()
	f.now--
	f.mu.Unlock()
	return f.rows.Add(r)
}

// gated is a segmenter whose dictionaries are "loading" until open is
// closed: Ready tells so, and Segment waits for it, as segment.Lazy does.
// It notes how many documents were loaded (loads) when Segment was first
// called before open was closed (early, -1 if never).
type gated struct {
	seg   *segment.Jieba
	open  chan struct{}
	loads atomic.Int32
	once  sync.Once
	early atomic.Int32
}

func (g *gated) Ready() <-chan struct{} { return g.open }

func (g *gated) Segment(s string) []segment.Token {
	select {
	case <-g.open:
	default:
		g.once.Do(func() { g.early.Store(g.loads.Load()) })
		<-g.open
	}
	return g.seg.Segment(s)
}

// TestRunPreparesWhileLoading: while the segmenter is not ready, the
// workers load and read the documents up to their first segmentation
// (here the segmenter becomes ready once every document is loaded): a
// worker waits for it only when no document is left to take, so with two
// workers at most one document (the other worker's last) is still to be
// loaded then. With the window held to one document, a worker waits for
// the segmenter with the document it read. Either way the rows are those
// of a run with the segmenter loaded, in the same order.
func TestRunPreparesWhileLoading(t *testing.T) {
	inputs := bundledInputs(t)
	var want rows
	if _, err := Run(context.Background(), inputs, extractor(t), Options{Jobs: 2}, &want); err != nil {
		t.Fatal(err)
	}
	seg, err := segment.Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, bytes := range []int64{0, 1} {
		g := &gated{seg: seg, open: make(chan struct{})}
		g.early.Store(-1)
		x, err := extract.New(g)
		if err != nil {
			t.Fatal(err)
		}
		var once sync.Once
		open := func() { once.Do(func() { close(g.open) }) }
		skip := func(string) bool {
			if g.loads.Add(1) == int32(len(inputs)) {
				open()
			}
			return false
		}
		// the segmenter is ready after 50 ms with the window held to one
		// document; without, if the workers wait for it before every
		// document is taken (the test fails then), after 5 s
		wait := 5 * time.Second
		if bytes > 0 {
			wait = 50 * time.Millisecond
		}
		time.AfterFunc(wait, open)
		var got rows
		if _, err := Run(context.Background(), inputs, x, Options{Jobs: 2, InFlightBytes: bytes, Skip: skip}, &got); err != nil {
			t.Fatal(err)
		}
		if n := g.early.Load(); bytes == 0 && n >= 0 && n < int32(len(inputs))-1 {
			t.Errorf("a worker waited for the segmenter with %d of %d documents loaded", n, len(inputs))
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("InFlightBytes %d: rows differ from a run with the segmenter loaded: %d documents, want %d", bytes, len(got.docs), len(want.docs))
		}
	}
}

// unloadable is a segmenter whose dictionaries failed to load, as
// segment.Lazy's when no file descriptor is left: ready, with an error,
// and every Segment call panics with it.
type unloadable struct{ err error }

func (u unloadable) Ready() <-chan struct{} {
	c := make(chan struct{})
	close(c)
	return c
}
func (u unloadable) Err() error                     { return u.err }
func (u unloadable) Segment(string) []segment.Token { panic(u.err) }

// allRows is a Sink that counts every result it is given.
type allRows struct{ n int }

func (a *allRows) Add(Result) error { a.n++; return nil }

// TestRunSegmenterFails: when the segmenter's dictionaries cannot be
// loaded, Run returns that error and gives the sink nothing: not an
// "internal error" row for each document (what the panics of Segment
// became), nor the error rows of inputs that failed before segmenting.
func TestRunSegmenterFails(t *testing.T) {
	dir := t.TempDir()
	copyCorpus(t, dir, 1)
	if err := os.WriteFile(filepath.Join(dir, "000_binary.txt"), []byte("\x00\x01\x02binary"), 0o644); err != nil {
		t.Fatal(err)
	}
	inputs, err := corpus.Discover([]string{dir})
	if err != nil {
		t.Fatal(err)
	}
	want := errors.New("segment: cannot load the dictionaries: open /c/jieba.dict.utf8: too many open files")
	x, err := extract.New(unloadable{want})
	if err != nil {
		t.Fatal(err)
	}
	for _, jobs := range []int{1, 4} {
		var sink allRows
		stats, err := Run(context.Background(), inputs, x, Options{Jobs: jobs}, &sink)
		if err != want || sink.n != 0 || stats.Docs != 0 || stats.Errors != 0 {
			t.Errorf("-j %d, dictionaries not loaded: Run returned %v, %d results given to the sink, stats %+v; want %q and nothing written",
				jobs, err, sink.n, stats, want)
		}
	}
}

// TestGroupOf checks where the first group of the documents a worker
// kept ends: at groupDocs documents, before the document that takes it
// over groupBytes, and never before the first.
func TestGroupOf(t *testing.T) {
	sized := func(sizes ...int64) []staged {
		kept := make([]staged, len(sizes))
		for i, n := range sizes {
			kept[i].size = n
		}
		return kept
	}
	many := make([]int64, groupDocs+5)
	for i := range many {
		many[i] = 1000
	}
	for _, tc := range []struct {
		name string
		kept []staged
		want int
	}{
		{"one", sized(10), 1},
		{"a few small", sized(10, 20, 30), 3},
		{"more than groupDocs", sized(many...), groupDocs},
		{"over groupBytes at the third", sized(groupBytes/2, groupBytes/2, 1, 1), 2},
		{"exactly groupBytes", sized(groupBytes/2, groupBytes/2), 2},
		{"a first larger than groupBytes", sized(2*groupBytes, 1), 1},
		{"a large second", sized(1, 2*groupBytes, 1), 1},
		{"sizes not known", sized(0, 0, 0), 3},
	} {
		if got := groupOf(tc.kept); got != tc.want {
			t.Errorf("%s: got %d, want %d", tc.name, got, tc.want)
		}
	}
}

// results is a Sink that keeps every result.
type results struct{ all []Result }

func (r *results) Add(res Result) error { r.all = append(r.all, res); return nil }

// TestPrepareGroupPanic checks that a panic in a stage of prepareGroup is
// an error row of its document alone, named after the stage: in the load
// stage (Options.Skip panics for one report) and in a later one (step);
// the other documents of the group are finished with the facts Extract
// gives them. Run too writes one error row for the report whose load
// panics, and the others' rows.
func TestPrepareGroupPanic(t *testing.T) {
	inputs := bundledInputs(t)
	if len(inputs) < 4 {
		t.Fatalf("%d bundled reports, want 4 at least", len(inputs))
	}
	x := extractor(t)
	bad, err := corpus.Load(inputs[2], corpus.Options{})
	if err != nil {
		t.Fatal(err)
	}
	opt := Options{Skip: func(sum string) bool {
		if sum == bad.SHA256 {
			panic("boom")
		}
		return false
	}}
	jobs := make([]job, len(inputs))
	for i := range jobs {
		jobs[i] = job{i: i}
	}
	group := prepareGroup(jobs, inputs, x, opt)
	group[3].step("extract", func(*staged) { panic("bang") })
	for k, s := range group {
		r, _ := s.finish(x)
		switch k {
		case 2, 3:
			stage, msg := "load", "boom"
			if k == 3 {
				stage, msg = "extract", "bang"
			}
			if r.Err == nil || r.Doc != nil || r.Err.DocID != inputs[k].ID || r.Err.Stage != stage ||
				!strings.Contains(r.Err.Message, "internal error") || !strings.Contains(r.Err.Message, msg) {
				t.Errorf("document %d, whose %s stage panics: result %+v, want an error row of stage %s with the panic", k, stage, r, stage)
			}
		default:
			doc, err := corpus.Load(inputs[k], corpus.Options{})
			if err != nil {
				t.Fatal(err)
			}
			want := x.Extract(extract.Document{ID: doc.ID, Text: doc.Text, HTML: doc.HTML, PlanYear: doc.Meta.Year})
			if r.Err != nil || r.Doc == nil || !reflect.DeepEqual(r.Facts, want) {
				t.Errorf("document %d of a group where others panic: error %+v, %d facts, want %d facts, those of Extract", k, r.Err, len(r.Facts), len(want))
			}
		}
	}

	var sink results
	opt.Jobs = 2
	stats, err := Run(context.Background(), inputs, x, opt, &sink)
	if err != nil {
		t.Fatal(err)
	}
	if stats.Errors != 1 || stats.Docs != len(inputs) || len(sink.all) != len(inputs) {
		t.Fatalf("Run with one report's load panicking: stats %+v, %d results, want %d, one error", stats, len(sink.all), len(inputs))
	}
	for k, r := range sink.all {
		if failed := r.Err != nil; failed != (k == 2) {
			t.Errorf("Run with report 2's load panicking: result %d has error %+v", k, r.Err)
		}
	}
}

// TestRemoveTree checks that removeTree removes a directory with files
// and directories nested three deep, as a partitioned generation holds,
// and a file or an empty directory alone, and that a path not there is no
// error.
func TestRemoveTree(t *testing.T) {
	root := t.TempDir()
	gen := filepath.Join(root, "gen-000002")
	for _, f := range []string{"facts/region=a/year=2024/part-0.parquet", "facts/region=b/year=2023/part-0.parquet", "texts/x.txt", "documents.parquet"} {
		p := filepath.Join(gen, f)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	empty := filepath.Join(root, "empty")
	if err := os.Mkdir(empty, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{gen, empty, filepath.Join(root, "not-there")} {
		if err := removeTree(p); err != nil {
			t.Errorf("removeTree(%s): got error %v, want none", filepath.Base(p), err)
		}
		if _, err := os.Lstat(p); !os.IsNotExist(err) {
			t.Errorf("removeTree(%s): the path is still there (%v)", filepath.Base(p), err)
		}
	}
}
