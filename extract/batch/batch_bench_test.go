package batch

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/gwrfacts/gwr/corpus"
	"github.com/gwrfacts/gwr/schema"
)

// BenchmarkRun measures the whole pool: loading, decoding, extracting and
// writing Parquet, over 20 copies of each bundled report with -j set to
// the number of cores. MB/s counts the input bytes.
func BenchmarkRun(b *testing.B) {
	for _, jobs := range []int{1, runtime.NumCPU()} {
		b.Run(fmt.Sprintf("j=%d", jobs), func(b *testing.B) {
			dir := b.TempDir()
			size := copyCorpus(b, dir, 20)
			inputs, err := corpus.Discover([]string{dir})
			if err != nil {
				b.Fatal(err)
			}
			x := extractor(b)
			b.SetBytes(size)
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				out, err := Create(filepath.Join(dir, "out"), []string{schema.FormatParquet}, schema.Meta{}, CreateOptions{})
				if err != nil {
					b.Fatal(err)
				}
				if _, err := Run(context.Background(), inputs, x, Options{Jobs: jobs}, out); err != nil {
					b.Fatal(err)
				}
				if err := out.Commit(); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// copyCorpus writes n copies of each bundled report into dir and returns
// their total size in bytes.
func copyCorpus(tb testing.TB, dir string, n int) int64 {
	tb.Helper()
	paths, err := filepath.Glob("../../corpus/*.txt")
	if err != nil || len(paths) == 0 {
		tb.Fatalf("no bundled reports in ../../corpus (%v)", err)
	}
	var size int64
	for _, p := range paths {
		text, err := os.ReadFile(p)
		if err != nil {
			tb.Fatal(err)
		}
		for i := 0; i < n; i++ {
			name := filepath.Join(dir, fmt.Sprintf("%03d_%s", i, filepath.Base(p)))
			if err := os.WriteFile(name, text, 0o644); err != nil {
				tb.Fatal(err)
			}
			size += int64(len(text))
		}
	}
	return size
}
