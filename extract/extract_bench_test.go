package extract

import (
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkExtract runs the extractor over the bundled reports and the
// development set; MB/s is of report text (UTF-8 bytes).
func BenchmarkExtract(b *testing.B) {
	docs := corpusDocs(b)
	paths, _ := filepath.Glob("../golden/dev/texts/*.txt")
	for _, p := range paths {
		t, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		docs = append(docs, Document{ID: filepath.Base(p), Text: string(t), PlanYear: 2024})
	}
	var size int64
	for _, d := range docs {
		size += int64(len(d.Text))
	}
	x := newExtractor(b)
	b.SetBytes(size)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, d := range docs {
			x.Extract(d)
		}
	}
}
