package extract

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/gwrfacts/gwr/normalize"
)

// BenchmarkMatch times the rule scan alone over the development texts.
func BenchmarkMatch(b *testing.B) {
	paths, _ := filepath.Glob("../golden/dev/texts/*.txt")
	var sents [][]rune
	var size int64
	for _, p := range paths {
		t, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		size += int64(len(t))
		v := normalize.Clean(string(t), normalize.Options{})
		for _, s := range splitSentences(v.Runes) {
			sents = append(sents, v.Runes[s.start:s.end])
		}
	}
	x := newExtractor(b)
	b.SetBytes(size)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, s := range sents {
			x.match(s)
		}
	}
}
