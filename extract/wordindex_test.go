package extract

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestWordIndexAny checks wordIndex.any against hasAny on the sentences of
// the bundled reports and on their clauses, for the lists it serves.
func TestWordIndexAny(t *testing.T) {
	var texts []string
	for _, s := range sentencesOf(corpusDocs(t)) {
		texts = append(texts, string(s))
		texts = append(texts, strings.Split(string(s), "，")...)
	}
	for _, l := range []struct {
		name  string
		words []string
		x     *wordIndex
	}{{"hedge", hedgeWords, hedgeIndex}, {"not-time", notTimeWords, notTimeIndex}, {"decrease", decreaseCues, decreaseIndex},
		{"level-noun", levelNouns, levelNounIndex}, {"stock-breaker", stockBreakers, stockBreakerIndex}, {"cue", allCues, allCueIndex}, {"delta", deltaCues, deltaCueIndex}} {
		hits := 0
		for _, str := range texts {
			got, want := l.x.any(str), hasAny(str, l.words)
			if got != want {
				t.Errorf("%s words in %s: any %v, want %v (hasAny)", l.name, str, got, want)
			}
			if got {
				hits++
			}
		}
		if hits == 0 || hits == len(texts) {
			t.Errorf("%s words: %d of %d texts hold one, want some and not all (the test would prove little)", l.name, hits, len(texts))
		}
	}
}

// TestWordIndexLast checks wordIndex.last against what it stands for, the
// word of greatest strings.LastIndex (the first of its list on a tie),
// skipping a word, on the sentences of the bundled reports cut before
// each character and on random strings of the words and other characters.
func TestWordIndexLast(t *testing.T) {
	lastOf := func(s string, words []string, skip string) string {
		best, at := "", -1
		for _, w := range words {
			if i := strings.LastIndex(s, w); w != skip && i > at {
				best, at = w, i
			}
		}
		return best
	}
	var texts []string
	for _, s := range sentencesOf(corpusDocs(t)) {
		for i := range s {
			texts = append(texts, string(s[:i]))
		}
	}
	pieces := append(append([]string{}, hedgeWords...), "计", "划", "a", "，", "😀", "年")
	rng := rand.New(rand.NewPCG(5, 6))
	for i := 0; i < 20000; i++ {
		texts = append(texts, randomText(rng, pieces, 12))
	}
	hits := 0
	for _, l := range []struct {
		words []string
		x     *wordIndex
	}{{hedgeWords, hedgeIndex}, {hedgesNotPlan, hedgesNotPlanIndex}} {
		for k, s := range texts {
			skip := l.words[k%len(l.words)]
			for _, skip := range []string{"", skip} {
				got, want := l.x.last(s, skip), lastOf(s, l.words, skip)
				if got != want {
					t.Errorf("last(%q, skip %q) = %q; want %q", s, skip, got, want)
				}
				if got != "" {
					hits++
				}
			}
		}
	}
	if hits == 0 {
		t.Error("no text holds a word: the test would prove nothing")
	}
}

// TestWordIndexMask checks wordIndex.mask against strings.Replacer, which
// maskNotTime used before: on every sentence of the bundled reports and
// on random strings of the not-time words, their pieces (a word's first
// bytes, one that starts another), other characters and bytes that are
// no valid UTF-8.
func TestWordIndexMask(t *testing.T) {
	var pairs []string
	for _, w := range notTimeWords {
		pairs = append(pairs, w, strings.Repeat("_", len(w)))
	}
	replacer := strings.NewReplacer(pairs...)
	var texts []string
	for _, s := range sentencesOf(corpusDocs(t)) {
		texts = append(texts, string(s))
	}
	pieces := append(slices.Clone(notTimeWords), "\xe4", "\xb8", "\x80", "\xef\xbf\xbd", "a", "_", "，", "😀", "年", "以", "上", "预期")
	for _, w := range notTimeWords {
		if r := []rune(w); len(r) > 1 {
			pieces = append(pieces, string(r[:len(r)-1]), string(r[1:]), w[:len(w)-1])
		}
	}
	rng := rand.New(rand.NewPCG(5, 6))
	for range 50000 {
		texts = append(texts, randomText(rng, pieces, 10))
	}
	masked := 0
	for _, s := range texts {
		got, want := maskNotTime(s), replacer.Replace(s)
		if got != want {
			t.Errorf("maskNotTime(%q) = %q, want %q (strings.Replacer)", s, got, want)
		}
		if got != s {
			masked++
		}
	}
	if masked == 0 {
		t.Error("no text masked: the test would prove nothing")
	}
}

// BenchmarkMaskNotTime times maskNotTime on every sentence of the bundled
// reports against strings.Replacer, its implementation before:
//
//	go test -run - -bench MaskNotTime ./extract
func BenchmarkMaskNotTime(b *testing.B) {
	var pairs []string
	for _, w := range notTimeWords {
		pairs = append(pairs, w, strings.Repeat("_", len(w)))
	}
	replacer := strings.NewReplacer(pairs...)
	var strs []string
	for _, s := range sentencesOf(corpusDocs(b)) {
		strs = append(strs, string(s))
	}
	b.Run("replacer", func(b *testing.B) {
		for b.Loop() {
			for _, s := range strs {
				replacer.Replace(s)
			}
		}
	})
	b.Run("mask", func(b *testing.B) {
		for b.Loop() {
			for _, s := range strs {
				maskNotTime(s)
			}
		}
	})
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

// TestSentenceWords checks sentenceWords, one pass for the time, not-time
// and hedge words, against what it stands for: the time words of the text
// with its not-time words masked, each list searched alone with
// strings.Index, hedgeIndex.any, and the first plan word of the text not
// masked as planIndex finds it (planWordBefore), on every sentence of the bundled
// reports and on random strings of their characters, of the words' own
// characters and of bytes that are no valid UTF-8.
func TestSentenceWords(t *testing.T) {
	var texts []string
	for _, s := range sentencesOf(corpusDocs(t)) {
		texts = append(texts, string(s))
	}
	var words []string
	for _, l := range timeLists {
		words = append(words, l...)
	}
	words = append(words, notTimeWords...)
	words = append(words, hedgeWords...)
	pieces := append(words, "\xe4", "\xb8", "\x80", "a", "，", "😀", "年", string(notTimeBlank))
	rng := rand.New(rand.NewPCG(3, 4))
	for i := 0; i < 20000; i++ {
		texts = append(texts, randomText(rng, pieces, 12))
	}
	hedges, masked, planDiffers := 0, 0, 0 // planDiffers: texts whose mask hides their first plan word
	for _, s := range texts {
		m := maskNotTime(s)
		if m != s {
			masked++
		}
		var want [12]int
		for i, l := range timeLists {
			want[i] = -1
			for _, w := range l {
				if k := strings.Index(m, w); k >= 0 && (want[i] < 0 || k+len(w) < want[i]) {
					want[i] = k + len(w)
				}
			}
		}
		got, hedged, gotMasked, planEnd := sentenceWords(s)
		// the plan word planWordBefore looked for with planIndex itself:
		// in s as it is, not masked
		var plan [1]int
		planIndex.firstEnds(s, plan[:])
		if planEnd != plan[0] {
			t.Errorf("sentenceWords(%q): first plan word ends at %d, want %d (planIndex.firstEnds)", s, planEnd, plan[0])
		}
		if planEnd != got.plan {
			planDiffers++
		}
		if gotMasked != m {
			t.Errorf("sentenceWords(%q): masked %q, want %q", s, gotMasked, m)
		}
		if g := [12]int{got.plan, got.past, got.comparison, got.multiYear, got.nian, got.c19, got.c20, got.within,
			got.done, got.lastYear, got.cnYear, got.estimate}; g != want {
			t.Errorf("sentenceWords(%q): time words end at %v, want %v", s, g, want)
		}
		if want := hasAny(s, hedgeWords); hedged != want {
			t.Errorf("sentenceWords(%q): hedged %v, want %v", s, hedged, want)
		}
		if hedged {
			hedges++
		}
	}
	if hedges == 0 || masked == 0 || planDiffers == 0 {
		t.Errorf("%d texts hedged, %d masked, %d with a plan word masked: want some of each (the test would prove little)", hedges, masked, planDiffers)
	}
}

// BenchmarkSentenceWords times what runChunk learns of the words of every
// sentence with a figure: before, three passes (not-time words, then the
// time words of the masked text, then the hedge words), now sentenceWords:
//
//	go test -run - -bench SentenceWords ./extract
func BenchmarkSentenceWords(b *testing.B) {
	var strs []string
	for _, s := range sentencesOf(corpusDocs(b)) {
		strs = append(strs, string(s))
	}
	b.Run("three-passes", func(b *testing.B) {
		for b.Loop() {
			for _, s := range strs {
				var e [12]int
				timeIndex.firstEnds(maskNotTime(s), e[:])
				hedgeIndex.any(s)
			}
		}
	})
	b.Run("sentenceWords", func(b *testing.B) {
		for b.Loop() {
			for _, s := range strs {
				sentenceWords(s)
			}
		}
	})
}

// refFirstEnds is wordIndex.firstEnds as it was, ranging over s: the
// oracle of TestFirstEndsRange.
func refFirstEnds(x *wordIndex, s string, ends []int) {
	for i := range ends {
		ends[i] = -1
	}
	for at, r := range s {
		for _, w := range x.of(r) {
			if end := at + len(w.word); (ends[w.list] < 0 || end < ends[w.list]) && strings.HasPrefix(s[at:], w.word) {
				ends[w.list] = end
			}
		}
	}
}

// TestFirstEndsRange checks firstEnds, which decodes the code points of
// three bytes itself (threeAt), against refFirstEnds on the sentences of
// the bundled reports, each also cut inside a character, and on random
// strings of words, other characters and bytes that are no valid UTF-8.
func TestFirstEndsRange(t *testing.T) {
	var texts []string
	for _, s := range sentencesOf(corpusDocs(t)) {
		str := string(s)
		texts = append(texts, str, str[:len(str)-1], str[1:])
	}
	rng := rand.New(rand.NewPCG(3, 4))
	pieces := []string{"2024年", "十四五", "五”末", "预计", "初步核算", "一九", "\xe4", "\xe4\xb8", "\xed\xa0\x80", "\xe0\x80\x80", "\xef\xbf\xbd", "𠀀", "é", "\x00", "增长", "。"}
	for range 5000 {
		texts = append(texts, randomText(rng, pieces, 12))
	}
	for _, s := range texts {
		var got, want [15]int
		sentenceIndex.firstEnds(s, got[:])
		refFirstEnds(sentenceIndex, s, want[:])
		if got != want {
			t.Fatalf("firstEnds(%q) = %v, want %v", s, got, want)
		}
	}
}

// TestFirstEndsOf checks firstEndsOf, which reads the code points of a
// sentence, against firstEnds, which decodes its text, maskFirstOf
// against maskFirst, and sentenceWordsOf against sentenceWords, on every sentence of the bundled reports and the
// development set (as runChunk gives them: the code points of the cleaned
// text, their string and offsets from runeTexts) and on random runs of
// words, other characters and code points that are no valid rune (which
// the string holds as U+FFFD).
func TestFirstEndsOf(t *testing.T) {
	sents := sentencesOf(append(corpusDocs(t), devDocs(t)...))
	words := []string{"2024年", "十四五", "五”末", "预计", "初步核算", "一九", "增长", "。", "人均预期寿命", "力争"}
	rng := rand.New(rand.NewPCG(7, 8))
	for range 5000 {
		var s []rune
		for range rng.IntN(12) {
			switch k := rng.IntN(len(words) + 6); k {
			case len(words):
				s = append(s, 0xD800+rune(rng.IntN(0x800))) // a surrogate half
			case len(words) + 1:
				s = append(s, utf8.MaxRune+1, -1)
			case len(words) + 2:
				s = append(s, utf8.RuneError)
			case len(words) + 3:
				s = append(s, '𠀀', 'é', 'a')
			default:
				s = append(s, []rune(words[k%len(words)])...)
			}
		}
		sents = append(sents, s)
	}
	spans := make([]span, len(sents))
	var all []rune
	for k, s := range sents {
		spans[k] = span{len(all), len(all) + len(s)}
		all = append(all, s...)
	}
	strs, offs := runeTexts(all, spans)
	found, maskedTexts := 0, 0
	for k, s := range sents {
		str := strs[k]
		if str != string(s) {
			t.Fatalf("runeTexts gave %q, want %q", str, string(s))
		}
		for _, x := range []*wordIndex{sentenceIndex, timeIndex, hedgeIndex} {
			got, want := make([]int, 15), make([]int, 15)
			x.firstEndsOf(s, offs[k], str, got)
			x.firstEnds(str, want)
			if !slices.Equal(got, want) {
				t.Fatalf("firstEndsOf(%q) = %v, want %v (firstEnds)", str, got, want)
			}
			if slices.ContainsFunc(got, func(e int) bool { return e >= 0 }) {
				found++
			}
		}
		m, from := notTimeIndex.maskFirstOf(s, offs[k], str, notTimeBlank)
		wm, wfrom := notTimeIndex.maskFirst(str, notTimeBlank)
		if m != wm || from != wfrom {
			t.Fatalf("maskFirstOf(%q) = %q %d, want %q %d (maskFirst)", str, m, from, wm, wfrom)
		}
		if m != str {
			maskedTexts++
		}
		w, hedged, masked, planEnd := sentenceWordsOf(s, offs[k], str)
		ww, whedged, wmasked, wplanEnd := sentenceWords(str)
		if w != ww || hedged != whedged || masked != wmasked || planEnd != wplanEnd {
			t.Fatalf("sentenceWordsOf(%q) = %v %v %q %d, want %v %v %q %d (sentenceWords)", str, w, hedged, masked, planEnd, ww, whedged, wmasked, wplanEnd)
		}
	}
	if found == 0 || maskedTexts == 0 {
		t.Errorf("%d texts with words, %d masked: want some of each (the test would prove little)", found, maskedTexts)
	}
}

// TestThreeAt checks threeAt against utf8.DecodeRuneInString for every
// lead byte from 0x80 and every pair of bytes after it: where threeAt reads
// a code point, the decoder reads the same one of three bytes.
func TestThreeAt(t *testing.T) {
	found := 0
	b := []byte{0, 0, 0}
	for c0 := 0x80; c0 < 0x100; c0++ {
		for c1 := 0; c1 < 0x100; c1++ {
			for c2 := 0; c2 < 0x100; c2 += 3 {
				b[0], b[1], b[2] = byte(c0), byte(c1), byte(c2)
				s := string(b)
				r := threeAt(s, 0)
				if r < 0 {
					continue
				}
				found++
				if d, n := utf8.DecodeRuneInString(s); d != r || n != 3 {
					t.Fatalf("threeAt(%q) = %U, want %U of %d bytes (utf8.DecodeRuneInString)", s, r, d, n)
				}
			}
		}
	}
	if found == 0 {
		t.Fatal("threeAt read no code point")
	}
	if r := threeAt("增长", 3); r != '长' {
		t.Errorf("threeAt(增长, 3) = %U, want 长", r)
	}
	if r := threeAt("增长", 4); r != -1 {
		t.Errorf("threeAt(增长, 4) = %U, want -1 (too short)", r)
	}
}

// TestDecodeFirstLast checks decodeFirst and decodeLast against
// utf8.DecodeRuneInString and utf8.DecodeLastRuneInString on every
// sentence of the bundled reports, each also cut inside a character at
// either end, and on random strings of Chinese, ASCII, characters outside
// the BMP and bytes that are no valid UTF-8.
func TestDecodeFirstLast(t *testing.T) {
	var texts []string
	for _, s := range sentencesOf(corpusDocs(t)) {
		str := string(s)
		texts = append(texts, str, str[:len(str)-1], str[1:], str[:len(str)-2], str[2:])
	}
	pieces := []string{"年", "增长", "a", "😀", "é", "\xe4", "\xe4\xb8", "\xb8", "\xed\xa0\x80", "\xe0\x80\x80", "\xef\xbf\xbd", "\xf0\x9f", "，", ""}
	rng := rand.New(rand.NewPCG(19, 20))
	for range 20000 {
		texts = append(texts, randomText(rng, pieces, 5))
	}
	for _, s := range texts {
		r, n := decodeFirst(s)
		if wr, wn := utf8.DecodeRuneInString(s); r != wr || n != wn {
			t.Fatalf("decodeFirst(%q) = %U %d, want %U %d", s, r, n, wr, wn)
		}
		r, n = decodeLast(s)
		if wr, wn := utf8.DecodeLastRuneInString(s); r != wr || n != wn {
			t.Fatalf("decodeLast(%q) = %U %d, want %U %d", s, r, n, wr, wn)
		}
	}
}

// TestRuneSetSeek checks runeSet.seek, which the loops of wordIndex and
// trimCharsOf start from, against range over the text: from every byte
// offset of the sentences of the bundled reports and of random strings of
// Chinese, ASCII, characters outside the BMP and bytes that are no valid
// UTF-8, seek finds the first code point range reads there that the set
// may hold, with its length.
func TestRuneSetSeek(t *testing.T) {
	var texts []string
	for _, s := range sentencesOf(corpusDocs(t)) {
		texts = append(texts, string(s))
	}
	pieces := []string{"年", "预计", "较", "（", ")", "a", "1", "😀", "\xe4", "\xe4\xb8", "\xed\xa0\x80", "\xef\xbf\xbd", "，", "以来", "经济"}
	rng := rand.New(rand.NewPCG(11, 12))
	for range 5000 {
		texts = append(texts, randomText(rng, pieces, 12))
	}
	found := 0
	for _, set := range []*runeSet{&sentenceIndex.first, &hedgeIndex.first, trimChars} {
		for _, s := range texts {
			for from := 0; from <= len(s); from++ {
				wantAt, wantR, wantN := len(s), rune(0), 0
				for at, r := range s[from:] {
					if set.has(r) {
						_, n := utf8.DecodeRuneInString(s[from+at:])
						wantAt, wantR, wantN = from+at, r, n
						break
					}
				}
				at, r, n := set.seek(s, from)
				if at != wantAt || r != wantR || n != wantN {
					t.Fatalf("seek(%q, %d) = %d %U %d, want %d %U %d", s, from, at, r, n, wantAt, wantR, wantN)
				}
				if at < len(s) {
					found++
				}
			}
		}
	}
	if found == 0 {
		t.Error("seek found nothing: the test would prove nothing")
	}
}
