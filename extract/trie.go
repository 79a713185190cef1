package extract

import (
	"regexp"
	"sort"
	"strings"
)

// trieRegex compiles a word list into one regexp alternation shaped as a
// trie: 千瓦|千瓦时|千米 becomes 千(?:瓦(?:时)?|米). regexp2 tries
// alternatives one by one, so a flat list of hundreds of units would be
// tried in full at every number; the trie costs one step per character and
// still prefers the longest word (the optional tails are greedy). A
// lookahead on the class of first characters guards it: where no word can
// start, one class test fails the group instead of a try per branch.
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
	var first strings.Builder
	for _, w := range uniq {
		r := []rune(w)[0]
		if strings.ContainsRune(`\]^-[`, r) {
			first.WriteByte('\\')
		}
		first.WriteRune(r)
	}
	return "(?=[" + first.String() + "])(?:" + trie(uniq) + ")"
}

// trie renders sorted, distinct, non-empty words.
func trie(words []string) string {
	var alts []string
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
		i = j
	}
	return strings.Join(alts, "|")
}
