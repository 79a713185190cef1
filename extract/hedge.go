package extract

// The hedge question: which word makes the figure an intention.

import "slices"

// hedgeOf returns the hedge word that governs a fact: the last one of the
// sentence before the number, other than the fact's own cue (争取…).
func (a *analysis) hedgeOf(qs int, cue string) (string, string) {
	if !a.hedged {
		return "", "no-hedge-in-sentence"
	}
	s := a.maskedPrefix(qs)
	words, why := hedgeIndex, "last-hedge-before"
	if a.planWordBefore(len(s)) && targetsMet(s) {
		// 主要预期目标全面完成，地区生产总值增长【5.6%】: the plan words name
		// last year's targets as met, they hedge nothing
		words, why = hedgesNotPlanIndex, "hedge-not-met-target"
	}
	if h := words.last(s, cue); h != "" {
		return h, why
	}
	return "", "no-hedge-before"
}

// hedgesNotPlan are the hedge words that are no plan words (计划, 争取, 预计 …).
var hedgesNotPlan = func() []string {
	var ws []string
	for _, w := range hedgeWords {
		if !slices.Contains(planWords, w) {
			ws = append(ws, w)
		}
	}
	return ws
}()

// hedgesNotPlanIndex finds the words of hedgesNotPlan (hedgeIndex those of
// hedgeWords) in one pass.
var hedgesNotPlanIndex = newWordIndex(hedgesNotPlan)

// maskedPrefix returns maskNotTime(a.sub(0, i)), the sentence's text
// before its i-th rune masked, cut from the mask of the whole sentence
// (a.masked) where that is the same. Masking goes from the left and each
// place's choice of word looks only at the text from there: the scans of
// the sentence and of its prefix of n bytes take the same words until the
// sentence's scan takes one that reaches past n. Such a word blanks the
// bytes on both sides of n; where they are not both blank, the sentence's
// mask cut at n is the prefix's mask, and elsewhere the prefix is masked
// on its own.
func (a *analysis) maskedPrefix(i int) string {
	n := int(a.off[i])
	if n > 0 && n < len(a.masked) && a.masked[n-1] == notTimeBlank && a.masked[n] == notTimeBlank {
		return maskNotTime(a.str[:n])
	}
	return a.masked[:n]
}

// planWordBefore reports whether the sentence holds a plan word that ends
// at byte n or before: with none, targetsMet of the text before n, masked
// or not, is false (masking only takes words out). The first plan word is
// found once per sentence.
func (a *analysis) planWordBefore(n int) bool {
	if a.planEnd == 0 {
		var e [1]int
		planIndex.firstEnds(a.str, e[:])
		a.planEnd = -1
		if e[0] >= 0 {
			a.planEnd = e[0] + 1
		}
	}
	return a.planEnd > 0 && a.planEnd-1 <= n
}

// planIndex finds the plan words.
var planIndex = newWordIndex(planWords)
