package extract

import (
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestFiveEnd checks timeWords.fiveEnd against the two searches it
// stands for, on random strings of the characters that matter.
func TestFiveEnd(t *testing.T) {
	pieces := []string{"五", "末", "”", "“", "十三", "年", "a", "五末", "五”末"}
	rng := rand.New(rand.NewPCG(7, 8))
	hits := 0
	for i := 0; i < 20000; i++ {
		var b strings.Builder
		for j := rng.IntN(10); j > 0; j-- {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		s := b.String()
		want := strings.Contains(s, "五末") || strings.Contains(s, "五”末")
		if got := findTimeWords(s).fiveEnd >= 0; got != want {
			t.Errorf("findTimeWords(%q).fiveEnd >= 0 is %v; want %v", s, got, want)
		}
		if want {
			hits++
		}
	}
	if hits == 0 {
		t.Error("no string holds 五末: the test would prove nothing")
	}
}

// TestClassifyHeadingWords checks classifyHeading, which finds its words
// in one pass (headingIndex) and looks for the done words only where one
// is (doneHeadingIndex), against the search of each word of each list, on
// every sentence of the bundled reports and the development set and on
// random strings of the words that matter, for several plan years.
func TestClassifyHeadingWords(t *testing.T) {
	var texts []string
	for _, s := range sentencesOf(append(corpusDocs(t), devDocs(t)...)) {
		texts = append(texts, string(s))
	}
	var pieces []string
	for _, l := range [][]string{pastWords, planWords, planHeadings, reviewHeadings, doneHeadingWords, causativeWords} {
		pieces = append(pieces, l...)
	}
	pieces = append(pieces, "我们", "，", "一、", "2020年", "全面", "新", "。")
	rng := rand.New(rand.NewPCG(5, 6))
	for i := 0; i < 20000; i++ {
		var b strings.Builder
		for j := rng.IntN(8); j > 0; j-- {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		texts = append(texts, b.String())
	}
	// the classification as it was, a search for each word
	statesDoneEach := func(h string) bool {
		h = headingNumberRe.ReplaceAllString(h, "")
		if weDidRe.MatchString(h) && !weModalRe.MatchString(h) {
			return true
		}
		last := h
		if k := strings.LastIndexAny(h, "，,；;"); k >= 0 {
			last = h[k+utf8.RuneLen([]rune(h[k:])[0]):]
		}
		last = strings.TrimRight(last, "。！!　 ")
		for _, w := range doneHeadingWords {
			k := strings.Index(last, w)
			if k <= 0 || !strings.HasSuffix(last, w) && !strings.HasSuffix(w, "新") {
				continue
			}
			if !hasAny(last[:k], causativeWords) {
				return true
			}
		}
		return false
	}
	classifyEach := func(h string, planYear int) section {
		if m := yearRe.FindStringSubmatch(h); m != nil && planYear > 0 {
			switch y, _ := strconv.Atoi(m[1]); {
			case y < planYear:
				return sectionReview
			case y >= planYear && !strings.Contains(h, "回顾"):
				return sectionPlan
			}
		}
		switch {
		case hasAny(h, pastWords) && !hasAny(h, planWords), statesDoneEach(h):
			return sectionReview
		case hasAny(h, planHeadings):
			return sectionPlan
		case hasAny(h, reviewHeadings):
			return sectionReview
		}
		return sectionNone
	}
	seen := map[section]int{}
	for _, h := range texts {
		for _, py := range []int{0, 2021} {
			got, want := classifyHeading(h, py), classifyEach(h, py)
			if got != want {
				t.Errorf("classifyHeading(%q, %d) = %v, want %v", h, py, got, want)
			}
			seen[got]++
		}
		if got, want := statesDone(h), statesDoneEach(h); got != want {
			t.Errorf("statesDone(%q) = %v, want %v", h, got, want)
		}
	}
	if seen[sectionReview] == 0 || seen[sectionPlan] == 0 || seen[sectionNone] == 0 {
		t.Errorf("classifications seen: %v; want some of each", seen)
	}
}
