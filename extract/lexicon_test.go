package extract

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/gwrfacts/gwr/extract/lexicon"
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

// TestWordSetHas checks wordSet.has against a map of the same words, for
// every set describe asks: each word, each word with a character more or
// less, odd strings, and every piece of one to six code points of the
// sentences of the corpus and the development set.
func TestWordSetHas(t *testing.T) {
	sets := map[string]wordSet{"cueSet": cueSet, "places": places, "notNames": notNames, "timeOnlyIndicators": timeOnlyIndicators,
		"notAlone": notAlone, "oneCharNames": oneCharNames, "plainNouns": plainNouns, "genericHeads": genericHeads, "nounStops": nounStops,
		"predicateSet": predicateSet, "statusWords": statusWords, "actionCounts": actionCounts, "scaleHeads": scaleHeads, "wholeSet": wholeSet,
		"passiveWords": passiveWords, "listHeads": listHeads, "bareHeads": bareHeads, "figureHeads": figureHeads, "trimPrefixSet": trimPrefixSet,
		"stockCounts": stockCounts, "memberCounts": memberCounts, "levelCueSet": levelCueSet, "odd": newWordSet([]string{"𠀀字", "a", "\xff年"})}
	texts := []string{"", "\xff", "\xff年", "年\xff", "𠀀", "𠀀字", "a", "ab", "\xed\xa0\x80"}
	for _, set := range sets {
		for _, w := range set.words {
			_, n := utf8.DecodeLastRuneInString(w)
			texts = append(texts, w, w+"的", "的"+w, w[:len(w)-n], w[:len(w)-1])
		}
	}
	for _, s := range sentencesOf(append(corpusDocs(t), devDocs(t)...)) {
		for i := range s {
			for j := i + 1; j <= min(len(s), i+6); j++ {
				texts = append(texts, string(s[i:j]))
			}
		}
	}
	for name, set := range sets {
		m := map[string]bool{}
		for _, w := range set.words {
			m[w] = true
		}
		for _, s := range texts {
			if got, want := set.has(s), m[s]; got != want {
				t.Fatalf("%s.has(%q) = %v; want %v", name, s, got, want)
			}
		}
	}
	for _, s := range texts {
		if got, want := isLevelCue(s), lex.Is(s, lexicon.Level); got != want {
			t.Fatalf("isLevelCue(%q) = %v; want lex.Is(…, level) = %v", s, got, want)
		}
	}
}
