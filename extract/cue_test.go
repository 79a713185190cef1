package extract

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// cueInWordBeforeScan is cueInWordBefore as it was written first, over
// every token: the last verb ending at i, else a cue inside the first long
// word ending there.
func (a *analysis) cueInWordBeforeScan(i, cs int) (string, int, int, string) {
	for k := len(a.toks) - 1; k >= 0; k-- {
		t := a.toks[k]
		if t.End == i && t.Start >= cs && t.POS == "v" && len([]rune(t.Text)) >= 2 {
			return t.Text, t.Start, t.End, "verb-before"
		}
	}
	for _, t := range a.toks {
		if t.End == i && t.Start >= cs && len([]rune(t.Text)) > 3 {
			for _, w := range compoundCues {
				if k := strings.Index(t.Text, w); k > 0 {
					st := t.Start + utf8.RuneCountInString(t.Text[:k])
					return w, st, st + 2, "cue-inside-word"
				}
			}
		}
	}
	return "", -1, -1, "none"
}

// TestCueInWordBefore checks cueInWordBefore, which reads the one token
// ending at the number, against the scan of every token, before each
// quantity of some sentences of our own and of the bundled reports, with
// the clauses segmented as describe segments them.
func TestCueInWordBefore(t *testing.T) {
	x := newExtractor(t)
	sents := [][]rune{
		[]rune("全年改建老旧小区8处，喜摘奖牌82枚。"),
		[]rune("城镇新增就业5400人，农村劳动力转移就业1.2万人。"),
		[]rune("全县新建公园3个、绿道10公里。"),
	}
	sents = append(sents, sentencesOf(corpusDocs(t))...)
	asked, found := 0, map[string]int{}
	eachQuantity(x, sents, x.seg, func(s []rune, a *analysis, q *quantity) {
		cs := a.listStart(q.start)
		a.segmentClause(cs, a.clauseEnd(q.end))
		for _, from := range []int{cs, a.clauseStart(q.start), 0} {
			gc, gs, ge, gw := a.cueInWordBefore(q.start, from)
			wc, ws, we, ww := a.cueInWordBeforeScan(q.start, from)
			if gc != wc || gs != ws || ge != we || gw != ww {
				t.Fatalf("cueInWordBefore(%d, %d) in %q = %q %d %d %s; want %q %d %d %s", q.start, from, string(s), gc, gs, ge, gw, wc, ws, we, ww)
			}
			asked++
			found[ww]++
		}
	})
	if asked < 1000 || found["verb-before"] == 0 || found["cue-inside-word"] == 0 {
		t.Errorf("%d numbers asked, found %v; want over 1000 and each kind", asked, found)
	}
	t.Logf("%d asked: %v", asked, found)
}
