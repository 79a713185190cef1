package extract

// The hedge question: which word makes the figure an intention.

import (
	"strings"
)

// hedgeOf returns the hedge word that governs a fact: the last one of the
// sentence before the number, other than the fact's own cue (争取…).
func (a *analysis) hedgeOf(qs int, cue string) (string, string) {
	if !a.hedged {
		return "", "no-hedge-in-sentence"
	}
	if h := lastOf(maskNotTime(a.sub(0, qs)), hedgeWords, cue); h != "" {
		return h, "last-hedge-before"
	}
	return "", "no-hedge-before"
}

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
