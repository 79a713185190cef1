package extract

import (
	"regexp"
	"slices"
	"sort"
	"strings"
)

// trieRegex compiles a word list into one regexp alternation shaped as a
// trie: 千瓦|千瓦时|千米 becomes 千(?:瓦(?:时)?|米). regexp2 tries
// alternatives one by one, so a flat list of hundreds of units would be
// tried in full at every number; the trie costs one step per character and
// still prefers the longest word (the optional tails are greedy). A
// lookahead on the class of first characters guards it: where no word can
// start, one class test fails the group instead of a try per branch. The
// branches of a level are split in halves (see branches), so a unit is
// found in a few class tests, not after trying every unit before it.
func trieRegex(words []string) string {
	set := map[string]bool{}
	for _, w := range words {
		if w != "" {
			set[w] = true
		}
	}
	uniq := make([]string, 0, len(set))
	for w := range set {
		uniq = append(uniq, w)
	}
	sort.Strings(uniq)
	if len(uniq) == 0 {
		return trie(uniq)
	}
	var firsts []rune
	for _, w := range uniq {
		firsts = append(firsts, []rune(w)[0])
	}
	return "(?=[" + charClassOf(firsts) + "])(?:" + trie(uniq) + ")"
}

// trieFirsts is the class of the first characters of words, which a
// match of trieRegex(words) starts with (or the trie of no words, which
// matches the empty string): for firstCharPlaceholders.
func trieFirsts(words []string) string {
	var firsts []rune
	for _, w := range words {
		if w != "" {
			firsts = append(firsts, []rune(w)[0])
		}
	}
	if len(firsts) == 0 {
		return trieRegex(nil)
	}
	slices.Sort(firsts)
	return "[" + charClassOf(slices.Compact(firsts)) + "]"
}

// charClassOf renders characters as the inside of a [] class.
func charClassOf(rs []rune) string {
	var b strings.Builder
	for _, r := range rs {
		if strings.ContainsRune(`\]^-[`, r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// trie renders sorted, distinct, non-empty words.
func trie(words []string) string {
	var alts []string
	var firsts []rune
	for i := 0; i < len(words); {
		first := []rune(words[i])[0]
		prefix := string(first)
		j := i
		var tails []string
		ends := false
		for ; j < len(words) && strings.HasPrefix(words[j], prefix); j++ {
			if t := words[j][len(prefix):]; t == "" {
				ends = true
			} else {
				tails = append(tails, t)
			}
		}
		alt := regexp.QuoteMeta(prefix)
		if len(tails) > 0 {
			sub := trie(tails)
			if ends {
				alt += "(?:" + sub + ")?"
			} else if len(tails) == 1 && len([]rune(tails[0])) == 1 {
				alt += sub
			} else {
				alt += "(?:" + sub + ")"
			}
		}
		alts = append(alts, alt)
		firsts = append(firsts, first)
		i = j
	}
	return branches(alts, firsts)
}

// branchesPerSplit is the most alternatives branches tries one by one.
const branchesPerSplit = 4

// branches renders the alternatives of one level of a trie, alts[i]
// starting with the character firsts[i], all different: at most one
// alternative can match, so their order is free. regexp2 tries
// alternatives in turn, each failing after a few steps; past
// branchesPerSplit of them, the first half is guarded by the class of its
// first characters and the second half tried where that class test fails,
// each half split again: (?=[个人件])(?:个…|人…|件)|(?=[元吨])(?:元|吨)|…
// A word is then reached after about log2(len(alts)) class tests instead
// of a try of every alternative before it.
func branches(alts []string, firsts []rune) string {
	if len(alts) <= branchesPerSplit {
		return strings.Join(alts, "|")
	}
	h := len(alts) / 2
	return "(?=[" + charClassOf(firsts[:h]) + "])(?:" + branches(alts[:h], firsts[:h]) + ")|" + branches(alts[h:], firsts[h:])
}
