package extract

import "testing"

// TestMaskedPrefix compares maskedPrefix, which cuts the sentence's mask,
// with maskNotTime of each prefix itself (the way hedgeOf and timeOf
// masked before), at every rune of sentences written for it: not-time
// words whole, cut by the prefix's end (预期|寿命), next to each other,
// overlapping (好于预期管理), and a text holding the blank byte itself.
func TestMaskedPrefix(t *testing.T) {
	sentences := []string{
		"全市人均预期寿命达到80.5岁。",
		"细颗粒物年均浓度下降到28微克，年均值好于国家标准。",
		"外贸增速好于预期管理水平，在去年基础上力争增长6%。",
		"引导预期偏弱的企业加大投资，社会预期市场预期稳定预期均有改善。",
		"今年是“十四五”规划收官之年，力争上游，地区生产总值增长5%以上。",
		"坚持计划生育基本国策，计划单列市线上线下消费增长12%。",
		"项目编号A_12预期寿命__以上完成投资3亿元。",
		"预期寿命",
		"地区生产总值增长5.5%，没有不及任何一个字词。",
	}
	differs := 0 // prefixes whose mask is not the sentence's mask cut
	for _, str := range sentences {
		_, hedged, masked, _ := sentenceWords(str)
		if masked != maskNotTime(str) {
			t.Fatalf("sentenceWords(%q) masked %q, want %q", str, masked, maskNotTime(str))
		}
		s := []rune(str)
		a := newAnalysis(s, str, runeOffsetsOf(s), timeWords{}, hedged, masked, nil)
		for i := 0; i <= len(s); i++ {
			prefix := a.sub(0, i)
			want := maskNotTime(prefix)
			if got := a.maskedPrefix(i); got != want {
				t.Errorf("maskedPrefix(%q, %d) = %q, want %q", str, i, got, want)
			}
			if masked[:len(prefix)] != want {
				differs++
			}
		}
	}
	if differs == 0 {
		t.Error("no prefix whose mask differs from the sentence's mask cut: the test would prove little")
	}
}
