package main

import (
	"archive/zip"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestTextsInGeneration: the texts of archive members are written into the
// run's generation and committed with the tables (DIR/texts is a link into
// .gwr, like the tables); --append keeps the texts already there; a run
// without --append keeps only its own, as its tables do.
func TestTextsInGeneration(t *testing.T) {
	dir := t.TempDir()
	reports := bundledReports(t)
	mkzip := func(name, member string, data []byte) string {
		p := filepath.Join(dir, name)
		f, err := os.Create(p)
		if err != nil {
			t.Fatal(err)
		}
		zw := zip.NewWriter(f)
		w, err := zw.Create(member)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write(data); err != nil {
			t.Fatal(err)
		}
		if err := zw.Close(); err != nil {
			t.Fatal(err)
		}
		if err := f.Close(); err != nil {
			t.Fatal(err)
		}
		return p
	}
	a := mkzip("a.zip", "first.txt", reports[0].data)
	b := mkzip("b.zip", "second.txt", reports[1].data)
	out := filepath.Join(dir, "out")
	texts := func() []string {
		entries, err := os.ReadDir(filepath.Join(out, "texts"))
		if err != nil {
			return nil
		}
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		return names
	}
	for _, step := range []struct {
		args []string
		want string
	}{
		{[]string{"extract", "-o", out, "--format", "jsonl", a}, "first.txt"},
		{[]string{"extract", "--append", "-o", out, "--format", "jsonl", b}, "first.txt second.txt"},
		{[]string{"extract", "-o", out, "--format", "jsonl", b}, "second.txt"},
	} {
		if s, _, e := runGWR(t, time.Minute, step.args...); s != 0 {
			t.Fatalf("%v: exit status %d: %s", step.args, s, e)
		}
		if got := strings.Join(texts(), " "); got != step.want {
			t.Errorf("after %v: texts %q, want %q", step.args, got, step.want)
		}
		target, err := os.Readlink(filepath.Join(out, "texts"))
		if err != nil || !strings.HasPrefix(target, ".gwr"+string(filepath.Separator)) {
			t.Errorf("after %v: texts is not a link into .gwr (%q, %v)", step.args, target, err)
		}
		if got := staleState(t, out); len(got) > 0 {
			t.Errorf("after %v: left in .gwr: %v", step.args, got)
		}
	}
}
