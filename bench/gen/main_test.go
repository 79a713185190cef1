package main

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

func TestGenerateDeterministic(t *testing.T) {
	sources, err := filepath.Glob(filepath.Join("..", "..", "corpus", "*.txt"))
	if err != nil || len(sources) == 0 {
		t.Fatalf("no bundled reports: %v", err)
	}
	read := func(dir string) map[string]string {
		m := map[string]string{}
		entries, err := os.ReadDir(dir)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range entries {
			b, err := os.ReadFile(filepath.Join(dir, e.Name()))
			if err != nil {
				t.Fatal(err)
			}
			m[e.Name()] = string(b)
		}
		return m
	}
	var runs []map[string]string
	for _, seed := range []uint64{7, 7, 8} {
		dir := t.TempDir()
		if err := generate(sources, dir, 300_000, 20_000, seed); err != nil {
			t.Fatal(err)
		}
		runs = append(runs, read(dir))
	}
	if len(runs[0]) < 15 {
		t.Errorf("300 KB in 20 KB documents gave %d files, want at least 15", len(runs[0]))
	}
	if !reflect.DeepEqual(runs[0], runs[1]) {
		t.Errorf("two runs with seed 7 differ")
	}
	if reflect.DeepEqual(runs[0], runs[2]) {
		t.Errorf("seeds 7 and 8 give the same corpus")
	}
}

func TestPerturb(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for _, tc := range []struct{ in, keep string }{
		{"2023年1月5日", "2023年1月5日"},
		{"在2022年", "在2022年"},
		{"到2025", "到2025"},
	} {
		if got := perturb(tc.in, r); got != tc.keep {
			t.Errorf("perturb(%q) = %q, want dates kept: %q", tc.in, got, tc.keep)
		}
	}
	if got := perturb("新增企业10家，增长6.5%", r); got == "新增企业10家，增长6.5%" {
		t.Errorf("perturb left %q as it was, want its numbers changed", got)
	}
}
