package extract

import (
	"slices"
	"testing"

	"github.com/gwrfacts/gwr/extract/segment"
)

// TestRuneOffsetsOf checks runeOffsetsOf against runeOffsets of the string
// the code points convert to, and runeText against both, invalid code
// points (a surrogate, one past the last) included.
func TestRuneOffsetsOf(t *testing.T) {
	for _, s := range [][]rune{nil, []rune("全年增长5.5%"), []rune("a€𠀀b"), {0xD800, 'x', 0x110000, '好'}, {-1}} {
		if got, want := runeOffsetsOf(s), runeOffsets(string(s)); !slices.Equal(got, want) {
			t.Errorf("runeOffsetsOf(%q) = %v, want %v", string(s), got, want)
		}
		if str, off := runeText(s); str != string(s) || !slices.Equal(off, runeOffsetsOf(s)) {
			t.Errorf("runeText(%q) = %q, %v; want %q, %v", string(s), str, off, string(s), runeOffsetsOf(s))
		}
	}
}

// TestRuneTextEncodes checks runeText's string against string(s) for code
// points on each side of every length of UTF-8 and of the surrogates, and
// for each pair of them (a three-byte one written in place next to one
// written by utf8.EncodeRune).
func TestRuneTextEncodes(t *testing.T) {
	edges := []rune{0, 'a', 0x7F, 0x80, 0x7FF, 0x800, '。', '增', 0xD7FF, 0xD800, 0xDFFF, 0xE000, 0xFFFD, 0xFFFF, 0x10000, 0x10FFFF, 0x110000, -1, -0x80000000}
	check := func(s []rune) {
		if str, off := runeText(s); str != string(s) || !slices.Equal(off, runeOffsets(string(s))) {
			t.Errorf("runeText(%U) = %q, %v; want %q, %v", s, str, off, string(s), runeOffsets(string(s)))
		}
	}
	for _, a := range edges {
		check([]rune{a})
		for _, b := range edges {
			check([]rune{a, b, a})
		}
	}
}

// BenchmarkRuneText converts the sentences of the bundled reports and
// the development set to strings with their offsets, as segmentAhead does
// for a sentence with quantities.
func BenchmarkRuneText(b *testing.B) {
	sents := sentencesOf(append(corpusDocs(b), devDocs(b)...))
	size := 0
	for _, s := range sents {
		size += len(string(s))
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for _, s := range sents {
			runeText(s)
		}
	}
}

// TestSegmentClauseOverlap: a clause segmented from another mark than an
// earlier one over the same words adds only the words in the gaps, so no
// code point is covered by two tokens (a name cut from the tokens would
// repeat its words: 动态动态考核考核).
func TestSegmentClauseOverlap(t *testing.T) {
	seg, err := segment.Default()
	if err != nil {
		t.Fatal(err)
	}
	str := "在全市县（市、区）委书记动态考核中排名第一"
	s := []rune(str)
	a := newAnalysis(s, str, runeOffsetsOf(s), timeWords{}, false, str, seg)
	a.segmentClause(0, len(s))
	a.segmentClause(7, len(s)) // after 、: overlaps the first clause
	for i := 1; i < len(a.toks); i++ {
		if a.toks[i].Start < a.toks[i-1].End {
			t.Fatalf("tokens %q and %q overlap", a.toks[i-1].Text, a.toks[i].Text)
		}
	}
}
