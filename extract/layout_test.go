package extract

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// TestMayTurn checks that mayTurn, which spares layoutScan making most
// sentences strings, is true wherever isTurn is (of a sentence that is no
// heading): on every sentence of the bundled reports and the dev set for
// several plan years and none, on the openings turnRe knows, and on random
// strings of the pieces it reads. It is false for most report sentences,
// or it would spare nothing.
func TestMayTurn(t *testing.T) {
	sents := sentencesOf(append(corpusDocs(t), devDocs(t)...))
	for _, s := range []string{"今年是“十五五”开局之年。", "各位代表，今年我省将…", "报告指出，今年政府工作的总体要求是…",
		"各位代表！报告提出：2026年的主要预期目标是…", "  展望2026，…", "展望“十五五”，…", "综合考虑各方面因素，今年经济社会发展的主要预期目标是…",
		"根据…，今年工作的总体要求是…", "做好今年工作…", "Y年是…", "2026年，全省将…", "今后五年，…", "新的一年，…"} {
		sents = append(sents, []rune(s))
	}
	// random sentences in turnRe's order: blanks, 各位代表, a mark, 报告
	// and its verb, a mark, an opening, the rest; each piece may be left
	// out or replaced by another
	slots := [][]string{{"", " ", "\u3000", "\t"}, {"", "各位代表", "各位"}, {"", "，", ",", "！", "!", "：", ":", "、"},
		{"", "报告", "报告指出", "报告提出", "报告强调", "报告要求", "报告说"}, {"", "，", ",", "：", ":", "！"},
		{"", "今年", "今", "Y年", "Y", "2026年", "2025年", "2026", "展望", "综合考虑", "根据", "按照", "做好今年", "做好",
			"今后五年", "未来五年", "新的一年", "新的"},
		{"", "年", "是", "，", "将", "要", "我省将", "全市", "经济社会发展的主要预期目标", "主要目标", "2026", "“十五五”", "…，今年要", "。"}}
	rng := rand.New(rand.NewPCG(7, 8))
	for i := 0; i < 50000; i++ {
		var b strings.Builder
		for _, slot := range slots {
			b.WriteString(slot[rng.IntN(len(slot))])
		}
		sents = append(sents, []rune(b.String()))
	}
	turns, spared := 0, 0
	for _, s := range sents {
		for _, py := range []int{0, 2016, 2025, 2026} {
			turn := isTurn(string(s), false, py)
			may := mayTurn(s, py)
			if turn && !may {
				t.Errorf("isTurn(%q, false, %d) but mayTurn is false", string(s), py)
			}
			if turn {
				turns++
			}
			if !may {
				spared++
			}
		}
	}
	if turns == 0 || spared < 4*len(sents)/2 {
		t.Errorf("%d turns, mayTurn false for %d of %d: want some turns and most spared", turns, spared, 4*len(sents))
	}
}

// BenchmarkTurnTest times what layoutScan asks of each sentence of a
// review that is no heading: before, isTurn of the sentence made a string;
// now mayTurn of its runes, and isTurn only where that is true:
//
//	go test -run - -bench TurnTest ./extract
func BenchmarkTurnTest(b *testing.B) {
	sents := sentencesOf(corpusDocs(b))
	b.Run("isTurn", func(b *testing.B) {
		for b.Loop() {
			for _, s := range sents {
				isTurn(string(s), false, 2026)
			}
		}
	})
	b.Run("mayTurn", func(b *testing.B) {
		for b.Loop() {
			for _, s := range sents {
				if mayTurn(s, 2026) {
					isTurn(string(s), false, 2026)
				}
			}
		}
	})
}

// TestSessionLine checks that sessionLine, which tries sessionLineRe only
// on headings holding 月, 人 or 会议上, says what the regexp says: on every
// sentence of the bundled reports and the dev set, on session lines, and
// on random strings of the regexp's pieces.
func TestSessionLine(t *testing.T) {
	var hs []string
	for _, s := range sentencesOf(append(corpusDocs(t), devDocs(t)...)) {
		hs = append(hs, string(s))
	}
	hs = append(hs, "——2023年1月8日在滨海市第十七届人民代表大会第二次会议上", "在市十七届人大二次会议上", "1 月 8 日", "二〇二三年一月八日")
	pieces := []string{"", "1", "12", "2023年", " ", "月", "日", "人民", "代表大会", "人大", "十七届", "二次", "次会议", "会议", "上", "在", "，"}
	rng := rand.New(rand.NewPCG(3, 4))
	for i := 0; i < 50000; i++ {
		var b strings.Builder
		for j := rng.IntN(8); j >= 0; j-- {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		hs = append(hs, b.String())
	}
	matched := 0
	for _, h := range hs {
		got, want := sessionLine(h), sessionLineRe.MatchString(h)
		if got != want {
			t.Errorf("sessionLine(%q) = %v, want %v (sessionLineRe)", h, got, want)
		}
		if want {
			matched++
		}
	}
	if matched == 0 || matched == len(hs) {
		t.Errorf("sessionLineRe matched %d of %d: want some but not all", matched, len(hs))
	}
}
