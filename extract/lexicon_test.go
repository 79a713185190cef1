package extract

import (
	"strings"
	"testing"
)

// TestWordIndexFirstEnds checks the one-pass word search against a search
// of each word, over every sentence of the corpus and some odd text.
func TestWordIndexFirstEnds(t *testing.T) {
	lists := [][]string{planWords, pastWords, comparisonWords, multiYearWords, {"年"}, {"19"}, {"20"}, {"年内"}, {"𠀀字"}, {"过去五年", "五年"}}
	x := newWordIndex(lists...)
	texts := []string{"", "过去五年来，2019年内𠀀字", "五年过去五年", "19", "x𠀀字"}
	for _, s := range sentencesOf(corpusDocs(t)) {
		texts = append(texts, string(s))
	}
	got := make([]int, len(lists))
	for _, s := range texts {
		x.firstEnds(s, got)
		for i, list := range lists {
			want := -1
			for _, w := range list {
				for at := 0; at < len(s); at++ {
					if strings.HasPrefix(s[at:], w) && (want < 0 || at+len(w) < want) {
						want = at + len(w)
					}
				}
			}
			if got[i] != want {
				t.Fatalf("first end of %v in %q = %d; want %d", list, s, got[i], want)
			}
		}
	}
}
