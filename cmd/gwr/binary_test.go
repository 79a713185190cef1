package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/gwrfacts/gwr/schema"
)

// TestCopiedBinary builds gwr with -trimpath, copies it to another folder
// and runs it with the Go module cache, GOPATH and HOME pointing at empty
// directories: the jieba dictionaries must come from the binary itself.
// Two runs over the corpus must give byte-identical Parquet.
func TestCopiedBinary(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a binary")
	}
	dir := t.TempDir()
	built := filepath.Join(dir, "build", "gwr")
	cmd := exec.Command("go", "build", "-trimpath", "-o", built, ".")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	elsewhere := filepath.Join(dir, "elsewhere")
	if err := os.MkdirAll(elsewhere, 0o755); err != nil {
		t.Fatal(err)
	}
	bin := filepath.Join(elsewhere, "gwr")
	b, err := os.ReadFile(built)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(bin, b, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.RemoveAll(filepath.Join(dir, "build")); err != nil {
		t.Fatal(err)
	}
	corpusDir, err := filepath.Abs("../../corpus")
	if err != nil {
		t.Fatal(err)
	}
	empty := filepath.Join(dir, "empty")
	os.MkdirAll(empty, 0o755)
	run := func(out string) []byte {
		c := exec.Command(bin, "extract", "--quiet", "-o", out, "--format", "parquet,jsonl", corpusDir)
		c.Dir = elsewhere
		c.Env = []string{"HOME=" + empty, "GOMODCACHE=" + filepath.Join(empty, "mod"), "GOPATH=" + empty, "PATH=/usr/bin:/bin", "TMPDIR=" + dir}
		if msg, err := c.CombinedOutput(); err != nil {
			t.Fatalf("copied binary: %v\n%s", err, msg)
		}
		p, err := os.ReadFile(filepath.Join(out, "facts.parquet"))
		if err != nil {
			t.Fatal(err)
		}
		return p
	}
	first := run(filepath.Join(dir, "out1"))
	second := run(filepath.Join(dir, "out2"))
	if !bytes.Equal(first, second) {
		t.Errorf("two runs gave different facts.parquet (%d and %d bytes); want byte-identical", len(first), len(second))
	}
	facts, err := schema.ReadFacts(filepath.Join(dir, "out1", "facts.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	if len(facts) < 300 {
		t.Errorf("copied binary extracted %d facts from the corpus; want the corpus's ~400", len(facts))
	}
}
