package corpus

import (
	"iter"
	"math"
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
		j := rarestByte(key)
		for at := 0; at < len(text); {
			k := indexAt(text[at:], key, j)
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

// index is strings.Index(s, key). It looks for the key's rarest byte in
// Chinese text (rarestByte), not its first: the first byte of a character
// (0xE4-0xE9 for most) is shared by a sixth of all characters, a
// continuation byte by far fewer, and some far more rarely than others,
// so far fewer places are compared.
func index(s, key string) int { return indexAt(s, key, rarestByte(key)) }

// indexAt is index, looking for the byte key[j].
func indexAt(s, key string, j int) int {
	n := len(key)
	if n < 2 {
		return strings.Index(s, key)
	}
	c := key[j]
	// at is where key[j] would be: from j, leaving room for key[j+1:]
	for at, end := j, len(s)-(n-1-j); at < end; at++ {
		k := strings.IndexByte(s[at:end], c)
		if k < 0 {
			return -1
		}
		at += k
		// the key's first and last bytes are compared before the whole:
		// most places where key[j] is found fail on one of them
		if s[at-j] == key[0] && s[at-j+n-1] == key[n-1] && s[at-j:at-j+n] == key {
			return at - j
		}
	}
	return -1
}

// count is strings.Count(s, key) for a key that is not empty, by index.
func count(s, key string) int {
	n, j := 0, rarestByte(key)
	for {
		i := indexAt(s, key, j)
		if i < 0 {
			return n
		}
		n++
		s = s[i+len(key):]
	}
}

// rarestByte returns the index of the byte of key that is rarest in
// Chinese reports by continuationFreq: a UTF-8 continuation byte (any
// other byte is taken as common); the last of equals, so that a key
// without one is looked for by its last byte.
func rarestByte(key string) int {
	best, freq := len(key)-1, uint16(math.MaxUint16)
	for i := len(key) - 1; i >= 0; i-- {
		if c := key[i]; c&0xC0 == 0x80 && continuationFreq[c&0x3F] < freq {
			best, freq = i, continuationFreq[c&0x3F]
		}
	}
	return best
}

// continuationFreq is how often each continuation byte 0x80-0xBF occurs
// in the UTF-8 text of reports, per 10,000 bytes: measured on the bundled
// reports and golden/dev/texts (1.2 MB), the same within a tenth or so on
// the bench corpus. 0xA3 (the last byte of 代, so of 代表) is ten times as
// rare as 0x80.
var continuationFreq = [64]uint16{
	329, 183, 122, 67, 75, 115, 67, 106, 119, 100, 140, 47, 266, 94, 106, 119, // 0x80-0x8F
	97, 95, 36, 56, 109, 99, 115, 49, 64, 39, 123, 145, 152, 99, 81, 90, // 0x90-0x9F
	65, 89, 66, 32, 79, 94, 43, 105, 128, 36, 29, 46, 38, 83, 140, 71, // 0xA0-0xAF
	118, 84, 47, 54, 94, 49, 58, 64, 205, 120, 253, 164, 227, 129, 88, 141, // 0xB0-0xBF
}
