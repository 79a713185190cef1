package main

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestExtractHostileInputs: inputs that cannot be read cost only
// themselves (a FIFO is never opened, an unreadable directory is one
// error row), the largest --max-bytes reads files normally, a name with
// control characters is quoted on stderr, and when every input fails the
// previous output is kept.
func TestExtractHostileInputs(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	good := bundledReports(t)[:2]
	writeInputs(t, in, good, nil)
	fifo := filepath.Join(in, "pipe.txt")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	locked := filepath.Join(in, "locked")
	if err := os.MkdirAll(locked, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(locked, "x.txt"), []byte("全年新增企业10家。"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(locked, 0); err != nil {
		t.Fatal(err)
	}
	defer os.Chmod(locked, 0o755)
	wantErrors := map[string]string{fifo: "is a named pipe", locked: "cannot be read"}
	wantDocs := len(good)
	if _, err := os.ReadDir(locked); err == nil {
		// root reads it anyway: then it is one more document
		t.Log("running as root: the unreadable directory is readable")
		delete(wantErrors, locked)
		wantDocs++
	}
	esc := filepath.Join(in, "bad\x1b[2Jname.txt")
	if err := os.WriteFile(esc, nil, 0o644); err != nil {
		t.Fatal(err)
	}

	out := filepath.Join(dir, "out")
	status, _, stderr := runGWR(t, time.Minute, "extract", "-o", out, "--format", "parquet,jsonl", "--max-bytes", "9223372036854775807", in, fifo)
	if status != 1 {
		t.Fatalf("exit status %d, want 1; stderr:\n%s", status, stderr)
	}
	got := readTables(t, out)
	if len(got.docs) != wantDocs {
		t.Errorf("%d documents, want %d; stderr:\n%s", len(got.docs), wantDocs, stderr)
	}
	reasons := map[string]string{}
	for _, e := range got.errors {
		reasons[e.Path] = e.Message
	}
	wantErrors[esc] = "empty file"
	for path, want := range wantErrors {
		if !strings.Contains(reasons[path], want) {
			t.Errorf("error row of %q: %q, want it to hold %q", path, reasons[path], want)
		}
	}
	if len(got.errors) != len(wantErrors) {
		t.Errorf("%d error rows, want %d: %+v", len(got.errors), len(wantErrors), got.errors)
	}
	if strings.Contains(stderr, "\x1b") {
		t.Errorf("stderr holds a raw escape character: %q", stderr)
	}

	// Every input fails: the output of the run before is kept.
	before := hashDir(t, out)
	status, _, stderr = runGWR(t, time.Minute, "extract", "-o", out, "--format", "parquet,jsonl", fifo, esc)
	if status != 1 {
		t.Errorf("all inputs failing: exit status %d, want 1; stderr:\n%s", status, stderr)
	}
	if after := hashDir(t, out); !equalMaps(before, after) {
		t.Errorf("a run whose every input failed replaced the previous output")
	}
	if !strings.Contains(stderr, "left as it was") {
		t.Errorf("stderr %q, want it to say the output was left as it was", stderr)
	}
}

// TestExtractAppendSameName: appending a/report.txt after b/report.txt,
// then an edited b/report.txt, gives three documents with three doc_ids,
// each with its own facts; the --manifest row for doc_id report applies to
// all three (the renamed ones are found by the name they were given).
func TestExtractAppendSameName(t *testing.T) {
	dir := t.TempDir()
	reports := bundledReports(t)
	write := func(p string, data []byte) {
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	a, b := filepath.Join(dir, "a", "report.txt"), filepath.Join(dir, "b", "report.txt")
	write(a, reports[0].data)
	write(b, reports[1].data)
	out := filepath.Join(dir, "out")
	manifest := filepath.Join(dir, "m.csv")
	write(manifest, []byte("doc_id,region,level,year\nreport,测试县,county,2031\n"))
	for _, in := range []string{a, b} {
		if s, _, e := runGWR(t, time.Minute, "extract", "--append", "-o", out, "--format", "parquet,jsonl", "--manifest", manifest, in); s != 0 {
			t.Fatalf("append %s: exit status %d: %s", in, s, e)
		}
	}
	write(b, append(append([]byte(nil), reports[1].data...), []byte("\n新增企业12家。\n")...))
	if s, _, e := runGWR(t, time.Minute, "extract", "--append", "-o", out, "--format", "parquet,jsonl", "--manifest", manifest, b); s != 0 {
		t.Fatalf("append edited %s: exit status %d: %s", b, s, e)
	}
	got := readTables(t, out)
	var ids []string
	for _, d := range got.docs {
		ids = append(ids, d.DocID)
	}
	if want := "report report-2 report-3"; strings.Join(ids, " ") != want {
		t.Errorf("doc_ids %v, want %s", ids, want)
	}
	for _, d := range got.docs {
		if d.Region != "测试县" || d.Level != "county" || d.Year == nil || *d.Year != 2031 {
			t.Errorf("%s: region %q, level %q, year %v; want the manifest's 测试县, county, 2031", d.DocID, d.Region, d.Level, d.Year)
		}
	}
	facts := map[string]int{}
	for _, f := range got.facts {
		facts[f.DocID]++
	}
	for _, d := range got.docs {
		if int(d.Facts) != facts[d.DocID] {
			t.Errorf("%s: documents row says %d facts, facts table has %d", d.DocID, d.Facts, facts[d.DocID])
		}
	}
}

func equalMaps(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}
