package extract

import (
	"testing"
)

// TestLastHedge checks lastHedge, which reads the hedge words of a
// sentence found once, against wordIndex.last of each prefix of the
// sentence's masked text: on every sentence of the bundled reports that
// holds a hedge word and on sentences written for it, at every character,
// skipping each hedge word of the sentence in turn, or none.
func TestLastHedge(t *testing.T) {
	texts := []string{
		"力争全年地区生产总值增长6%左右，确保完成省下达的目标任务",
		"计划新建改造城镇老旧小区120个，预计完成投资20亿元，争取开工保障性住房3000套",
		"主要预期目标全面完成，全市生产总值预计增长5.6%，力争今年再增长6%",
		"人均预期寿命达到79岁，预期增长7%以上", // 人均预期寿命 is masked: no hedge
	}
	for _, s := range sentencesOf(corpusDocs(t)) {
		texts = append(texts, string(s))
	}
	checked := 0
	for _, text := range texts {
		w, hedged, masked, _ := sentenceWords(text)
		if !hedged {
			continue
		}
		s := []rune(text)
		off := runeOffsetsOf(s)
		all := newAnalysis(s, text, off, w, hedged, masked, nil)
		all.scanHedges(len(masked))
		skips := []string{""}
		for _, h := range all.hedges {
			skips = append(skips, h.word)
		}
		// the prefixes in order, as the facts of a sentence ask, and in
		// reverse order
		a, back := newAnalysis(s, text, off, w, hedged, masked, nil), newAnalysis(s, text, off, w, hedged, masked, nil)
		for i := range len(s) + 1 {
			n := int(a.off[i])
			for _, skip := range skips {
				nb := int(off[len(s)-i])
				if got, want := back.lastHedge(nb, skip, false), hedgeIndex.last(masked[:nb], skip); got != want {
					t.Fatalf("lastHedge(%d, %q, false) in %q, asked last to first, = %q; want %q", nb, skip, text, got, want)
				}
				if got, want := a.lastHedge(n, skip, false), hedgeIndex.last(masked[:n], skip); got != want {
					t.Fatalf("lastHedge(%d, %q, false) in %q = %q; want %q", n, skip, text, got, want)
				}
				if got, want := a.lastHedge(n, skip, true), hedgesNotPlanIndex.last(masked[:n], skip); got != want {
					t.Fatalf("lastHedge(%d, %q, true) in %q = %q; want %q", n, skip, text, got, want)
				}
				checked++
			}
		}
	}
	if checked < 1000 {
		t.Errorf("only %d prefixes checked", checked)
	}
}
