package extract

// The hedge question: which word makes the figure an intention.

import (
	"slices"
	"strings"
)

// hedgeOf returns the hedge word that governs a fact: the last one of the
// sentence before the number, other than the fact's own cue (争取…).
func (a *analysis) hedgeOf(qs int, cue string) (string, string) {
	if !a.hedged {
		return "", "no-hedge-in-sentence"
	}
	s := maskNotTime(a.sub(0, qs))
	words, why := hedgeWords, "last-hedge-before"
	if targetsMet(s) {
		// 主要预期目标全面完成，地区生产总值增长【5.6%】: the plan words name
		// last year's targets as met, they hedge nothing
		words, why = hedgesNotPlan, "hedge-not-met-target"
	}
	if h := lastOf(s, words, cue); h != "" {
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

// lastOf returns the word of words that occurs last in s, skipping skip.
func lastOf(s string, words []string, skip string) string {
	best, at := "", -1
	for _, w := range words {
		if w == skip {
			continue
		}
		if i := strings.LastIndex(s, w); i > at {
			best, at = w, i
		}
	}
	return best
}
