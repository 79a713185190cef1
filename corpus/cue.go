package corpus

import (
	"iter"
	"regexp"
	"strings"
	"unicode/utf8"
)

// A cue is a pattern that InferMeta looks for by a literal key: each
// occurrence of Key is tried with Re on a window of Before bytes before
// the key to After bytes after it. Finding the literal first keeps the
// search linear in the text instead of running a pattern that starts with a
// character class at every position.
type cue struct {
	Key           string
	Before, After int
	Re            *regexp.Regexp
	// Need are literals that every match of Re holds: a window without
	// one of them is not tried, a cheap test that spares running the
	// pattern on most windows.
	Need []string
}

// match returns the submatches of the first window in which c.Re matches,
// or nil.
func (c cue) match(text string) []string {
	for k := range occurrences(text, c.Key) {
		lo := runeStart(text, k-c.Before)
		hi := runeStart(text, k+len(c.Key)+c.After)
		if m := (pattern{Re: c.Re, Need: c.Need}).find(text[lo:hi]); m != nil {
			return m
		}
	}
	return nil
}

// A pattern is a regexp with literals that every match of it holds
// (Need): a text without one of them is not tried, a cheap test that
// spares running the regexp on most texts. A pattern that starts with a
// literal needs none: the regexp package looks for it first.
type pattern struct {
	Re   *regexp.Regexp
	Need []string
}

// find returns the submatches of the leftmost match of p in s, or nil.
func (p pattern) find(s string) []string {
	if !containsAll(s, p.Need) {
		return nil
	}
	return p.Re.FindStringSubmatch(s)
}

// containsAll reports whether s holds every one of words.
func containsAll(s string, words []string) bool {
	for _, w := range words {
		if !strings.Contains(s, w) {
			return false
		}
	}
	return true
}

// firstMatch returns the submatches of the first cue of cues that
// matches.
func firstMatch(text string, cues []cue) []string {
	for _, c := range cues {
		if m := c.match(text); m != nil {
			return m
		}
	}
	return nil
}

// occurrences yields the byte offsets of the non-overlapping occurrences
// of key in text, in order.
func occurrences(text, key string) iter.Seq[int] {
	return func(yield func(int) bool) {
		for at := 0; at < len(text); {
			k := index(text[at:], key)
			if k < 0 || !yield(at+k) {
				return
			}
			at += k + len(key)
		}
	}
}

// runeStart clamps i to [0, len(s)] and moves it back to the start of a
// rune.
func runeStart(s string, i int) int {
	i = max(0, min(i, len(s)))
	for i > 0 && i < len(s) && !utf8.RuneStart(s[i]) {
		i--
	}
	return i
}

// index is strings.Index(s, key). It looks for the key's last byte, not
// its first: in Chinese text the first byte of a character (0xE4-0xE9 for
// most) is shared by a sixth of all characters, a last byte by far fewer,
// so far fewer places are compared.
func index(s, key string) int {
	n := len(key)
	if n < 2 {
		return strings.Index(s, key)
	}
	last := key[n-1]
	for end := n - 1; end < len(s); end++ {
		k := strings.IndexByte(s[end:], last)
		if k < 0 {
			return -1
		}
		end += k
		if s[end+1-n:end+1] == key {
			return end + 1 - n
		}
	}
	return -1
}

// count is strings.Count(s, key) for a key that is not empty, by index.
func count(s, key string) int {
	n := 0
	for {
		i := index(s, key)
		if i < 0 {
			return n
		}
		n++
		s = s[i+len(key):]
	}
}
