package segment

import (
	"os"
	"path/filepath"
	"testing"
)

func BenchmarkSegment(b *testing.B) {
	paths, _ := filepath.Glob("../../corpus/*.txt")
	var texts []string
	var n int64
	for _, p := range paths {
		t, _ := os.ReadFile(p)
		texts = append(texts, string(t))
		n += int64(len(t))
	}
	x, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(n)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, t := range texts {
			x.Segment(t)
		}
	}
}
