// Package stagesdir gives benchmarks the texts of a real corpus: the
// directory that GWR_STAGES_DIR names (the 50 MB corpus of bench/gen, for
// instance), as extract's BenchmarkStages reads it.
package stagesdir

import (
	"os"
	"path/filepath"
	"testing"
)

// File is one text file of the directory.
type File struct {
	Path, Text string
}

// Files returns the *.txt files of the directory GWR_STAGES_DIR names, in
// name order, until they hold limit bytes (the file that crosses it
// included). Without the variable it skips the benchmark.
func Files(tb testing.TB, limit int) []File {
	tb.Helper()
	dir := os.Getenv("GWR_STAGES_DIR")
	if dir == "" {
		tb.Skip("GWR_STAGES_DIR is not set")
	}
	paths, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil || len(paths) == 0 {
		tb.Fatalf("no *.txt files in %s (%v)", dir, err)
	}
	var files []File
	size := 0
	for _, p := range paths {
		if size >= limit {
			break
		}
		data, err := os.ReadFile(p)
		if err != nil {
			tb.Fatal(err)
		}
		files = append(files, File{Path: p, Text: string(data)})
		size += len(data)
	}
	return files
}

// Bench times f over each of Files(b, limit) per iteration, with the
// bytes of the texts and the allocations reported.
func Bench(b *testing.B, limit int, f func(File)) {
	files := Files(b, limit)
	n := 0
	for _, file := range files {
		n += len(file.Text)
	}
	b.SetBytes(int64(n))
	b.ReportAllocs()
	for b.Loop() {
		for _, file := range files {
			f(file)
		}
	}
}
