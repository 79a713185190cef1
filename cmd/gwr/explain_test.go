package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestExplainCommand(t *testing.T) {
	path := filepath.Join(t.TempDir(), "s.txt")
	text := "压降燃煤消费量12万吨。\n集装箱吞吐量达到50万标准箱，2024年共1200。\n"
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	if got := runExplain([]string{path}, &stdout, &stderr); got != 0 || stderr.Len() > 0 {
		t.Fatalf("gwr explain %s = %d, stderr %q; want 0, nothing", path, got, stderr.String())
	}
	want := []string{
		path + ":1:8: 12万吨: fact 1 (rule point): delta -120000 t eq; cue 压降 [first-cue]; indicator 燃煤消费量 [object]; measure delta [delta-cue]; sign - [decrease-cue];",
		path + ":2:9: 50万标准箱: fact 2 (rule point): level 500000 TEU eq; cue 达到 [nearest-level-cue]; indicator 集装箱吞吐量 [subject]; measure level [level-cue]; sign + [level];",
		path + ":2:16: 2024年: dropped (rule reject-date): claimed by reject rule reject-date:",
		path + ":2:22: 1200: dropped: no rule matched",
	}
	checkExplainLines(t, stdout.String(), want)
}

func TestExplainUsage(t *testing.T) {
	var stdout, stderr bytes.Buffer
	if got := runExplain(nil, &stdout, &stderr); got != 2 || !strings.Contains(stderr.String(), "want at least one FILE argument") {
		t.Errorf("gwr explain (no argument) = %d, stderr %q; want 2 and a usage error", got, stderr.String())
	}
	stderr.Reset()
	missing := filepath.Join(t.TempDir(), "missing.txt")
	if got := runExplain([]string{missing}, &stdout, &stderr); got != 2 || !strings.Contains(stderr.String(), "missing.txt") {
		t.Errorf("gwr explain %s = %d, stderr %q; want 2 and the file named", missing, got, stderr.String())
	}
}

func TestLineIndex(t *testing.T) {
	x := newLineIndex("ab\n中文\n\nx")
	for _, tt := range []struct{ off, line, col int }{{0, 1, 1}, {2, 1, 3}, {3, 2, 1}, {4, 2, 2}, {6, 3, 1}, {7, 4, 1}} {
		if l, c := x.position(tt.off); l != tt.line || c != tt.col {
			t.Errorf("position(%d) = %d:%d; want %d:%d", tt.off, l, c, tt.line, tt.col)
		}
	}
}

// TestExplainArchive: explain reads what gwr extract reads - here a zip
// archive with GBK member names and a member that cannot be read - and
// names each member as ARCHIVE:MEMBER; the bad member costs only itself.
func TestExplainArchive(t *testing.T) {
	zipPath := filepath.Join(t.TempDir(), "reports.zip")
	gbkZip(t, zipPath, map[string][]byte{
		"甲县报告.txt": []byte("集装箱吞吐量达到50万标准箱。\n"),
		"乙县报告.doc": []byte("not a report"),
		"丙县报告.txt": []byte("压降燃煤消费量12万吨。\n"),
	})
	var stdout, stderr bytes.Buffer
	if got := runExplain([]string{zipPath}, &stdout, &stderr); got != 1 {
		t.Errorf("gwr explain %s = %d; want 1 (one member cannot be read)", zipPath, got)
	}
	want := []string{
		zipPath + ":丙县报告.txt:1:8: 12万吨: fact 1 (rule point): delta -120000 t eq;",
		zipPath + ":甲县报告.txt:1:9: 50万标准箱: fact 1 (rule point): level 500000 TEU eq;",
	}
	checkExplainLines(t, stdout.String(), want)
	if !strings.Contains(stderr.String(), "乙县报告.doc") || !strings.Contains(stderr.String(), ".docx") {
		t.Errorf("stderr = %q; want the .doc member named with the advice to save it as .docx", stderr.String())
	}
}

// checkExplainLines checks that gwr explain printed as many lines as want,
// each starting with its want.
func checkExplainLines(t *testing.T, stdout string, want []string) {
	t.Helper()
	lines := strings.Split(strings.TrimSuffix(stdout, "\n"), "\n")
	if len(lines) != len(want) {
		t.Fatalf("gwr explain printed %d lines; want %d:\n%s", len(lines), len(want), stdout)
	}
	for i, w := range want {
		if !strings.HasPrefix(lines[i], w) {
			t.Errorf("line %d = %q; want it to start with %q", i+1, lines[i], w)
		}
	}
}
