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
	s, cut := a.maskedPrefixCut(qs)
	notPlan, why := false, "last-hedge-before"
	if a.planWordBefore(len(s)) && targetsMet(s) {
		// 主要预期目标全面完成，地区生产总值增长【5.6%】: the plan words name
		// last year's targets as met, they hedge nothing
		notPlan, why = true, "hedge-not-met-target"
	}
	var h string
	switch {
	case cut:
		h = a.lastHedge(len(s), cue, notPlan)
	case notPlan:
		h = hedgesNotPlanIndex.last(s, cue)
	default:
		h = hedgeIndex.last(s, cue)
	}
	if h != "" {
		return h, why
	}
	return "", "no-hedge-before"
}

// lastHedge is hedgeIndex.last(a.masked[:n], skip), or with notPlan
// hedgesNotPlanIndex.last: the last hedge word that starts in the
// sentence's masked text and ends at byte n or before, other than skip.
// The facts of a sentence each ask for theirs, each in a longer prefix
// of one text: the text is read once, as far as the longest prefix asked
// for (a.hedges, a.hedgeScan), and each answer is read from the words
// found.
func (a *analysis) lastHedge(n int, skip string, notPlan bool) string {
	a.scanHedges(n)
	best, bestAt := "", -1
	for _, h := range a.hedges {
		if h.at >= n {
			break // (ordered by start: none further ends by n)
		}
		// of the words that start at one place, the first in the list's
		// order, as last takes it
		if h.at+len(h.word) <= n && h.at > bestAt && h.word != skip && !(notPlan && h.plan) {
			best, bestAt = h.word, h.at
		}
	}
	return best
}

// scanHedges adds to a.hedges the hedge words of a.masked that start
// before byte n, a character boundary, and after those found so far:
// every word where it starts, not only the first of each start, so that
// lastHedge can skip any; ordered by start and, at one start, in the
// order of hedgeWords (the order last tries them in).
func (a *analysis) scanHedges(n int) {
	if n <= a.hedgeScan {
		return
	}
	s := a.masked[:n]
	for at, r, k := hedgeIndex.first.seek(s, a.hedgeScan); at < n; at, r, k = hedgeIndex.first.seek(s, at+k) {
		for _, w := range hedgeIndex.of(r) {
			if strings.HasPrefix(a.masked[at:], w.word) {
				a.hedges = append(a.hedges, hedgeAt{at, w.word, slices.Contains(planWords, w.word)})
			}
		}
	}
	a.hedgeScan = n
}

// hedgeAt is a hedge word found at byte at of a text; plan says whether
// it is a plan word too (not one of hedgesNotPlan).
type hedgeAt struct {
	at   int
	word string
	plan bool
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
	s, _ := a.maskedPrefixCut(i)
	return s
}

// maskedPrefixCut is maskedPrefix, and whether the text it returns is
// the mask of the whole sentence cut (a.masked[:n]).
func (a *analysis) maskedPrefixCut(i int) (string, bool) {
	n := int(a.off[i])
	if n > 0 && n < len(a.masked) && a.masked[n-1] == notTimeBlank && a.masked[n] == notTimeBlank {
		return maskNotTime(a.str[:n]), false
	}
	return a.masked[:n], true
}

// planWordBefore reports whether the sentence holds a plan word that ends
// at byte n or before: with none, targetsMet of the text before n, masked
// or not, is false (masking only takes words out). The first plan word is
// found once per sentence.
func (a *analysis) planWordBefore(n int) bool {
	if a.planEnd == 0 {
		var e [1]int
		planIndex.firstEnds(a.str, e[:])
		a.knowPlanWord(e[0])
	}
	return a.planEnd > 0 && a.planEnd-1 <= n
}

// knowPlanWord tells planWordBefore the end of the first plan word of
// a.str, or -1 when it holds none: runChunk has it from sentenceWords,
// which finds it in the pass that finds the time words, and
// planWordBefore then reads the sentence no more.
func (a *analysis) knowPlanWord(end int) {
	a.planEnd = -1
	if end >= 0 {
		a.planEnd = end + 1
	}
}

// planIndex finds the plan words.
var planIndex = newWordIndex(planWords)
