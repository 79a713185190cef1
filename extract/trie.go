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
	uniq := distinctWords(words)
	if len(uniq) == 0 {
		return trie(uniq)
	}
	var firsts []rune
	for _, w := range uniq {
		firsts = append(firsts, []rune(w)[0])
	}
	return "(?=[" + charClassOf(firsts) + "])(?:" + trie(uniq) + ")"
}

// distinctWords returns the non-empty words of words, sorted, each once.
func distinctWords(words []string) []string {
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
	return uniq
}

// longestWordRegex compiles a word list into a regexp that matches the
// longest of the words at the position and never gives it back, as an
// atomic group would: use it only where nothing after the words can fail,
// and it matches what trieRegex matches there (TestTrieIsLongestWord).
// Each level of its trie is an alternation of atomic branches with
// distinct first characters, which regexp2 compiles to one Dispatch (a
// look-up of the character in a table of the branches' first characters)
// where trieRegex's level costs a look-ahead at the class of each half it
// passes. The words of one character that no longer word continues are
// one class, the first branch. An empty list matches the empty string.
func longestWordRegex(words []string) string { return longestWordRegexFirst(words, "") }

// longestWordRegexFirst is longestWordRegex with the branches of its first
// level that start with a character of first before the others, in the
// order of first. regexp2's Dispatch looks a character outside ASCII up
// in the class of each branch in turn, so the branches of the words most
// often met should come first. The branches start with different
// characters (the class of single characters with none of theirs): at
// most one can match, so their order is free, and the regexp matches the
// same (TestTrieIsLongestWord).
func longestWordRegexFirst(words []string, first string) string {
	alts := longestBranches(distinctWords(words))
	var front []string
	for _, c := range first {
		i := slices.IndexFunc(alts, func(a string) bool { return strings.HasPrefix(a, regexp.QuoteMeta(string(c))+"(?>") })
		if i >= 0 {
			front = append(front, alts[i])
			alts = slices.Delete(alts, i, i+1)
		}
	}
	return strings.Join(append(front, alts...), "|")
}

// longestBranches returns the branches of one level of longestWordRegex's
// trie: sorted, distinct, non-empty words.
func longestBranches(words []string) []string {
	var singles []rune
	var alts []string
	for i := 0; i < len(words); {
		first, tails, ends, next := firstGroup(words, i)
		i = next
		if len(tails) == 0 {
			singles = append(singles, first)
			continue
		}
		sub := longestBranches(tails)
		tail := strings.Join(sub, "|")
		switch {
		case ends:
			tail = "(?:" + tail + ")?"
		case len(sub) > 1:
			// regexp2 takes an atomic group of such an alternation
			// for the alternation alone, which then no longer counts
			// as atomic, and this level would get no Dispatch: a
			// look-ahead at the tails' first characters keeps the group
			tail = "(?=" + trieFirsts(tails) + ")(?:" + tail + ")"
		}
		alts = append(alts, regexp.QuoteMeta(string(first))+"(?>"+tail+")")
	}
	if len(singles) > 0 {
		alts = append([]string{"[" + charClassOf(singles) + "]"}, alts...)
	}
	return alts
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

// firstGroup returns the words of sorted words, from words[i] on, that
// start with the first character of words[i]: that character, the rest of
// each of them but the character alone, whether the character alone is one
// of them, and the index past them.
func firstGroup(words []string, i int) (first rune, tails []string, ends bool, next int) {
	first = []rune(words[i])[0]
	prefix := string(first)
	for next = i; next < len(words) && strings.HasPrefix(words[next], prefix); next++ {
		if t := words[next][len(prefix):]; t == "" {
			ends = true
		} else {
			tails = append(tails, t)
		}
	}
	return first, tails, ends, next
}

// trie renders sorted, distinct, non-empty words.
func trie(words []string) string {
	var alts []string
	var firsts []rune
	for i := 0; i < len(words); {
		first, tails, ends, j := firstGroup(words, i)
		alt := regexp.QuoteMeta(string(first))
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
