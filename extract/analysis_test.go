package extract

import (
	"slices"
	"testing"

	"github.com/gwrfacts/gwr/extract/segment"
)

// runeText is runeTexts of the one span of s.
func runeText(s []rune) (string, []int32) {
	strs, offs := runeTexts(s, []span{{0, len(s)}})
	return strs[0], offs[0]
}

// runeOffsetsOf returns the offsets of runeText(s): the byte offset in
// string(s) of each code point of s, then its length.
func runeOffsetsOf(s []rune) []int32 {
	_, off := runeText(s)
	return off
}

// TestRuneText checks runeText against the string the code points convert
// to and runeOffsets of it, invalid code points (a surrogate, one past the
// last) included.
func TestRuneText(t *testing.T) {
	for _, s := range [][]rune{nil, []rune("全年增长5.5%"), []rune("a€𠀀b"), {0xD800, 'x', 0x110000, '好'}, {-1}} {
		if str, off := runeText(s); str != string(s) || !slices.Equal(off, runeOffsets(string(s))) {
			t.Errorf("runeText(%q) = %q, %v; want %q, %v", string(s), str, off, string(s), runeOffsets(string(s)))
		}
	}
}

// TestRuneTexts checks each text and offsets runeTexts gives for several
// spans of a text (empty, overlapping, out of order, with invalid code
// points) against string and runeOffsets of the span, and that appending
// to the offsets of one leaves the next as it was.
func TestRuneTexts(t *testing.T) {
	text := []rune("一、全年增长5.5%。a€𠀀b\x00")
	text = append(text, 0xD800, '好', 0x110000, -1)
	spans := []span{{0, 2}, {2, 12}, {5, 5}, {12, len(text)}, {0, len(text)}, {3, 9}, {len(text), len(text)}}
	strs, offs := runeTexts(text, spans)
	if len(strs) != len(spans) || len(offs) != len(spans) {
		t.Fatalf("runeTexts: %d texts and %d offsets for %d spans", len(strs), len(offs), len(spans))
	}
	for k, sp := range spans {
		want := string(text[sp.start:sp.end])
		if strs[k] != want || !slices.Equal(offs[k], runeOffsets(want)) {
			t.Errorf("span %v: %q, %v; want %q, %v", sp, strs[k], offs[k], want, runeOffsets(want))
		}
	}
	next := slices.Clone(offs[1])
	_ = append(offs[0], 99)
	if !slices.Equal(offs[1], next) {
		t.Errorf("appending to the offsets of span %v wrote over those of %v: %v, want %v", spans[0], spans[1], offs[1], next)
	}
	if strs, offs := runeTexts(text, nil); len(strs) != 0 || len(offs) != 0 {
		t.Errorf("runeTexts of no span = %q, %v", strs, offs)
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
// for the sentences with quantities of a chunk (runeTexts), here all of
// them in one call.
func BenchmarkRuneText(b *testing.B) {
	sents := sentencesOf(append(corpusDocs(b), devDocs(b)...))
	var text []rune
	var spans []span
	for _, s := range sents {
		spans = append(spans, span{len(text), len(text) + len(s)})
		text = append(text, s...)
	}
	b.SetBytes(int64(len(string(text))))
	b.ReportAllocs()
	for b.Loop() {
		runeTexts(text, spans)
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

// TestObjectClauseAhead checks which clause describedClauses plans after
// a sum of money (objectClauseAhead), on sentences of the genre: the
// clause after a sum named by a cue of one or two characters alone, and
// none after a sum with more words before it, one that does not end its
// clause at a comma, or a figure that is no sum.
func TestObjectClauseAhead(t *testing.T) {
	x := newExtractor(t)
	for _, c := range []struct {
		sentence, want string // want: the clause planned after the first quantity, "" none
	}{
		{"投资1亿元，实施城市品质提升行动。", "实施城市品质提升行动"},
		{"安排3000万元，用于支持农村公路建设。", "用于支持农村公路建设"},
		{"筹资8000万元,改造老旧小区120个。", "改造老旧小区120个"},
		{"引资2.3亿美元，建成三条汽车生产线。", "建成三条汽车生产线"},
		{"全年完成固定资产投资120亿元，同比增长8%。", ""},
		{"投资5亿元建设中小学校，新增学位3000个。", ""},
		{"投资5亿元。", ""},
		{"新建学校12所，改造校舍3万平方米。", ""},
		{"增长6.5%，高于全国平均水平。", ""},
	} {
		s := []rune(c.sentence)
		qs, _ := x.match(s, nil, newRuleWork(len(s)))
		if len(qs) == 0 {
			t.Errorf("%s: no quantity found", c.sentence)
			continue
		}
		a := analysis{s: s, qs: qs}
		got := ""
		if ns, ne, ok := a.objectClauseAhead(&qs[0], a.listStart(qs[0].start)); ok {
			got = string(s[ns:ne])
		}
		if got != c.want {
			t.Errorf("%s: clause planned after %q = %q, want %q", c.sentence, string(s[qs[0].start:qs[0].end]), got, c.want)
		}
		if planned := (&analysis{s: s, qs: qs}).describedClauses(nil); c.want != "" && !slices.ContainsFunc(planned, func(ct clauseTokens) bool { return string(s[ct.start:ct.end]) == c.want }) {
			t.Errorf("%s: describedClauses plans %v, not the clause %q", c.sentence, planned, c.want)
		}
	}
}

// TestDescribedClausesKeepFacts checks that describing each sentence of
// the bundled reports and the development set with the clauses
// describedClauses plans, cut together as segmentAhead cuts them, gives
// the facts that describing it with every clause cut alone when asked
// for gives (the code before the plan had the clause after a sum too).
func TestDescribedClausesKeepFacts(t *testing.T) {
	x := newExtractor(t)
	seg, err := segment.Default()
	if err != nil {
		t.Fatal(err)
	}
	describeAll := func(s []rune, qs []quantity, ahead []clauseTokens) []fact {
		words, hedged, masked, _ := sentenceWords(string(s))
		str, off := runeText(s)
		an := newAnalysis(s, str, off, words, hedged, masked, seg)
		an.qs, an.ahead = slices.Clone(qs), ahead
		var prev *fact
		var facts []fact
		for i := range an.qs {
			prev = an.describe(&an.qs[i], prev, part{}, "", 2024)
			facts = append(facts, *prev)
		}
		return facts
	}
	planned, sentences := 0, 0
	for _, s := range sentencesOf(append(corpusDocs(t), devDocs(t)...)) {
		qs, _ := x.match(s, nil, newRuleWork(len(s)))
		if len(qs) == 0 {
			continue
		}
		carryListBound(qs, s)
		ahead := (&analysis{s: s, qs: qs}).describedClauses(nil)
		parts := make([]string, len(ahead))
		for k, c := range ahead {
			parts[k] = string(s[c.start:c.end])
		}
		for k, toks := range segment.Each(seg, parts) {
			ahead[k].toks = toks
		}
		a := analysis{s: s, qs: qs}
		for k := range qs {
			if _, _, ok := a.objectClauseAhead(&qs[k], a.listStart(qs[k].start)); ok {
				planned++
			}
		}
		sentences++
		want, got := describeAll(s, qs, nil), describeAll(s, qs, ahead)
		for k := range want {
			w, g := want[k], got[k]
			if w.indicator != g.indicator || w.cue != g.cue || w.measure != g.measure || w.hedge != g.hedge || w.kind != g.kind || !slices.Equal(w.decisions, g.decisions) {
				t.Errorf("%s: fact %d described with the clauses planned: %q %q %s %v, want %q %q %s %v", string(s), k, g.cue, g.indicator, g.measure, g.decisions, w.cue, w.indicator, w.measure, w.decisions)
			}
		}
	}
	t.Logf("%d sentences described, %d clauses after a sum planned", sentences, planned)
	if planned == 0 {
		t.Errorf("no clause after a sum planned in %d sentences: the test checks nothing new", sentences)
	}
}

// TestTokensBlock: the tokens of a phrase cut from analysis.tokRest are
// those appendTokens gives into a slice of their own, and stay so while
// later calls, over more than one block and across the sentences one
// analysis is reset for, take their room after them (the
// first 300 sentences of the bundled reports, each segmented whole, and
// every phrase of one piece [i, j) with j-i = 1, 8, ... up to 40).
func TestTokensBlock(t *testing.T) {
	seg, err := segment.Default()
	if err != nil {
		t.Fatal(err)
	}
	type got struct {
		toks, want []span
	}
	a, calls := new(analysis), 0
	for _, s := range sentencesOf(corpusDocs(t))[:300] {
		str := string(s)
		a.reset(s, str, runeOffsetsOf(s), timeWords{}, false, str, seg)
		a.segmentClause(0, len(s))
		var all []got
		for i := 0; i < len(s); i++ {
			for j := i + 1; j <= min(len(s), i+40); j += 7 {
				p := a.piece(i, j)
				all = append(all, got{a.tokens(p), a.appendTokens(nil, p)})
				calls++
			}
		}
		for _, g := range all {
			if !slices.Equal(g.toks, g.want) || cap(g.toks) != len(g.toks) {
				t.Fatalf("%s: tokens %v (cap %d), want %v", str, g.toks, cap(g.toks), g.want)
			}
		}
	}
	if calls < 4*tokBlock {
		t.Fatalf("only %d calls", calls)
	}
}
