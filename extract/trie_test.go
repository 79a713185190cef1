package extract

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/dlclark/regexp2/v2"

	"github.com/gwrfacts/gwr/extract/lexicon"
)

func TestTrieRegex(t *testing.T) {
	words := []string{"千瓦", "千瓦时", "千米", "个", "个百分点", "米", "ug/m3", "m2", "%"}
	re := regexp2.MustCompile(`^(?:`+trieRegex(words)+`)`, regexp2.None)
	tests := []struct{ in, want string }{
		{"千瓦时以上", "千瓦时"},
		{"千瓦，", "千瓦"},
		{"千米", "千米"},
		{"个百分点", "个百分点"},
		{"个百分", "个"},
		{"米", "米"},
		{"ug/m3", "ug/m3"},
		{"m2", "m2"},
		{"%左右", "%"},
		{"千克", ""},
	}
	for _, tt := range tests {
		m, _ := re.FindStringMatch(tt.in)
		got := ""
		if m != nil {
			got = m.String()
		}
		if got != tt.want {
			t.Errorf("trie match of %q = %q; want %q", tt.in, got, tt.want)
		}
	}
}

// TestTrieIsLongestWord checks that the tries of the rules' word lists
// (units, bound words after a number, from-to verbs), as trieRegex and as
// longestWordRegex render them, match, at the start of a text, exactly
// the longest of their words the text starts with: for every word, every
// proper prefix of one, each followed by every character of the list and
// by nothing, and random joins of words.
func TestTrieIsLongestWord(t *testing.T) {
	lists := map[string][]string{
		"units":  baseUnitTexts(),
		"post":   boundWordsAfter(),
		"fromto": lex.Words(lexicon.FromTo),
		"test":   {"千瓦", "千瓦时", "千米", "个", "个百分点", "米", "ug/m3", "m2", "%", "a", "ab", "b", "c", "d", "e", "f"},
	}
	for key, words := range lists {
		for _, r := range []struct {
			name   string
			render func([]string) string
		}{{"trieRegex", trieRegex}, {"longestWordRegex", longestWordRegex}, {"longestWordRegexFirst", func(words []string) string {
			return longestWordRegexFirst(words, frequentUnitFirsts+"以千a")
		}}} {
			checkLongestWord(t, key+" "+r.name, words, r.render(words))
		}
	}
}

// TestFrequentUnitsFirst: {UNIT_LAST} tries the branches of
// frequentUnitFirsts first, in their order: each of those characters
// starts a branch (more than one unit), none is lost to the class of
// single characters.
func TestFrequentUnitsFirst(t *testing.T) {
	branches := topBranches(longestWordRegexFirst(baseUnitTexts(), frequentUnitFirsts))
	for k, c := range []rune(frequentUnitFirsts) {
		if !strings.HasPrefix(branches[k], string(c)+"(?>") {
			t.Errorf("branch %d of {UNIT_LAST} is %.20s…; want that of %c", k, branches[k], c)
		}
	}
}

// topBranches splits a pattern at the | of its top level (outside groups
// and classes).
func topBranches(p string) []string {
	var out []string
	depth, class, from := 0, false, 0
	for i := 0; i < len(p); i++ {
		switch c := p[i]; {
		case c == '\\':
			i++
		case class:
			class = c != ']'
		case c == '[':
			class = true
		case c == '(':
			depth++
		case c == ')':
			depth--
		case c == '|' && depth == 0:
			out = append(out, p[from:i])
			from = i + 1
		}
	}
	return append(out, p[from:])
}

// checkLongestWord checks that the regexp pattern matches, at the start of
// texts made of words (see TestTrieIsLongestWord), the longest of words.
func checkLongestWord(t *testing.T, name string, words []string, pattern string) {
	t.Helper()
	re := regexp2.MustCompile(`^(?:`+pattern+`)`, ruleOptions...)
	longest := func(s string) string {
		best := ""
		for _, w := range words {
			if strings.HasPrefix(s, w) && len(w) > len(best) {
				best = w
			}
		}
		return best
	}
	var chars []string
	seen := map[rune]bool{}
	for _, w := range words {
		for _, c := range w {
			if !seen[c] {
				seen[c] = true
				chars = append(chars, string(c))
			}
		}
	}
	var texts []string
	for _, w := range words {
		rs := []rune(w)
		for k := 1; k <= len(rs); k++ {
			texts = append(texts, string(rs[:k]))
			for _, c := range chars {
				texts = append(texts, string(rs[:k])+c)
			}
		}
	}
	rng := rand.New(rand.NewPCG(3, 18))
	for range 2000 {
		texts = append(texts, words[rng.IntN(len(words))]+words[rng.IntN(len(words))]+chars[rng.IntN(len(chars))])
	}
	for _, s := range texts {
		got := ""
		if m, err := re.FindStringMatch(s); err != nil {
			t.Fatal(err)
		} else if m != nil {
			got = m.String()
		}
		if want := longest(s); got != want {
			t.Fatalf("%s: match of %q = %q; want %q", name, s, got, want)
		}
	}
}
