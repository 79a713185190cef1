package extract

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/gwrfacts/gwr/extract/segment"
)

func BenchmarkExtract(b *testing.B) {
	paths, _ := filepath.Glob("../corpus/*.txt")
	var docs []Document
	var size int64
	for _, p := range paths {
		t, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		docs = append(docs, Document{ID: filepath.Base(p), Text: string(t), PlanYear: 2023})
		size += int64(len(t))
	}
	seg, err := segment.Default()
	if err != nil {
		b.Fatal(err)
	}
	x, err := New(seg)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(size)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, d := range docs {
			x.Extract(d)
		}
	}
}
