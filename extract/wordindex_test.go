package extract

import (
	"testing"
)

// TestWordIndexAny checks wordIndex.any against hasAny on the sentences of
// the bundled reports, for the lists it serves.
func TestWordIndexAny(t *testing.T) {
	sents := sentencesOf(corpusDocs(t))
	for _, l := range []struct {
		name  string
		words []string
		x     *wordIndex
	}{{"hedge", hedgeWords, hedgeIndex}, {"not-time", notTimeWords, notTimeIndex}} {
		hits := 0
		for _, s := range sents {
			str := string(s)
			got, want := l.x.any(str), hasAny(str, l.words)
			if got != want {
				t.Errorf("%s words in %s: any %v, want %v (hasAny)", l.name, str, got, want)
			}
			if got {
				hits++
			}
		}
		if hits == 0 {
			t.Errorf("%s words: no sentence of the reports holds one, want some (the test would prove nothing)", l.name)
		}
	}
}

// BenchmarkHedged times the test newAnalysis makes of every sentence with
// a figure, hasAny against wordIndex.any:
//
//	go test -run - -bench Hedged ./extract
func BenchmarkHedged(b *testing.B) {
	var strs []string
	for _, s := range sentencesOf(corpusDocs(b)) {
		strs = append(strs, string(s))
	}
	b.Run("hasAny", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			for _, s := range strs {
				hasAny(s, hedgeWords)
				hasAny(s, notTimeWords)
			}
		}
	})
	b.Run("index", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			for _, s := range strs {
				hedgeIndex.any(s)
				notTimeIndex.any(s)
			}
		}
	})
}
