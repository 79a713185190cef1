package extract

import (
	"math/bits"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/gwrfacts/gwr/extract/lexicon"
)

// The word lists of the genre, derived from the one lexicon
// (extract/lexicon/lexicon.tsv): each list is the words of one role, in the
// file's order. To add a word, add a row there.
var (
	lex = lexicon.Default()

	hedgeWords       = lex.Words(lexicon.Hedge)      // govern a fact as an intention rather than a commitment
	planWords        = lex.Words(lexicon.Plan)       // in a review section, make a sentence's figures targets
	pastWords        = lex.Words(lexicon.Past)       // outside a review, make a sentence's figures results …
	comparisonWords  = lex.Words(lexicon.Comparison) // … unless they only set up a comparison (比去年增长…)
	multiYearWords   = lex.Words(lexicon.MultiYear)  // a figure over several years: year is null
	lastYearWords    = lex.Words(lexicon.LastYear)   // in a review of several years, a figure of the last year alone
	doneWords        = lex.Words(lexicon.Done)       // outside a review, a change already made: a result
	growthCues       = lex.Words(lexicon.Growth)     // a relative change when a percentage follows
	levelCues        = lex.Words(lexicon.Level)      // the number is the state the indicator reaches
	deltaCues        = lex.Words(lexicon.Delta)      // actions whose count or amount is added or removed
	decreaseCues     = lex.Decreases()               // a negative delta or growth (SPEC section 7)
	moneyLevelWords  = lex.Words(lexicon.MoneyLevel) // in the indicator, money is a level
	reviewHeadings   = lex.Words(lexicon.ReviewHeading)
	planHeadings     = lex.Words(lexicon.PlanHeading)
	spanHeadingWords = lex.Words(lexicon.SpanHeading)  // in a review heading, a review of several years
	plannedWords     = lex.Words(lexicon.Planned)      // between a past year and its figure: that year's plan (一九八一年计划为百分之三点七)
	lastYearBases    = lex.Words(lexicon.LastYearBase) // end the text before last year's level a change or comparison starts from
	realizedWords    = lex.Words(lexicon.Realized)     // after a planned word: the figure is the result (计划为X，实际达到Y)
	intentWords      = lex.Words(lexicon.Intent)       // after a span of past years: the sentence turns to a plan

	timeOnlyIndicators = lexSet(lexicon.TimeOnly)    // time words an ellipsis leaves behind; never an indicator (SPEC 2)
	rateNames          = lex.Words(lexicon.RateName) // end an indicator that is a rate or share: its percentage is a level (SPEC 3)
	stockWords         = lex.Words(lexicon.Stock)    // in an indicator, a standing total: its number is a level

	// trimPrefixes and trimSuffixes are dropped from the ends of an
	// indicator, longest first: 并且 before 并, 以及 before 及.
	trimPrefixes = longestFirst(lex.Words(lexicon.TrimPrefix))
	trimSuffixes = longestFirst(lex.Words(lexicon.TrimSuffix))
)

// longestFirst sorts words by length in code points, longest first,
// keeping the order of words of one length.
func longestFirst(words []string) []string {
	sort.SliceStable(words, func(i, j int) bool {
		return utf8.RuneCountInString(words[i]) > utf8.RuneCountInString(words[j])
	})
	return words
}

// maxRunes returns the length in code points of the longest of words.
func maxRunes(words []string) int {
	n := 0
	for _, w := range words {
		n = max(n, utf8.RuneCountInString(w))
	}
	return n
}

// runeSet is a set of characters, a bit per BMP character. It serves to
// rule characters out before a look-up: a character outside the BMP (or
// no valid one) is always in it.
type runeSet [0x10000 / 64]uint64

// add puts r in the set (a character outside the BMP is in it already).
func (s *runeSet) add(r rune) {
	if uint32(r) < 0x10000 {
		s[r/64] |= 1 << (r % 64)
	}
}

// has reports whether r may be in the set.
func (s *runeSet) has(r rune) bool {
	u := uint32(r) // (unsigned: r/64 of a rune would fix up the sign)
	return u >= 0x10000 || s[u/64]&(1<<(u%64)) != 0
}

// seek returns the first code point of str at or after byte offset at
// that may be in the set: its byte offset, the code point and its length
// in bytes, read as range reads them; len(str), 0, 0 if there is none.
// The loops over a text that look up only the characters of a set start
// from it: range calls the runtime's decoder for each character beyond
// ASCII, seek reads those of three bytes (all Chinese) itself and tests
// each with one bit.
func (set *runeSet) seek(str string, at int) (int, rune, int) {
	for at < len(str) {
		r, n := rune(str[at]), 1
		if r >= utf8.RuneSelf {
			if r, n = threeAt(str, at), 3; r < 0 {
				r, n = utf8.DecodeRuneInString(str[at:])
			}
		}
		if set.has(r) {
			return at, r, n
		}
		at += n
	}
	return len(str), 0, 0
}

// runeSetOf returns the set of the characters of s.
func runeSetOf(s string) *runeSet {
	var set runeSet
	for _, r := range s {
		set.add(r)
	}
	return &set
}

// wordIndex finds the words of several lists in one pass over a text. A
// bit per BMP character tells whether a word starts with it, so most
// characters cost one test; the words of a character that passes it are
// found by its rank among the set's characters, not by hashing it.
type wordIndex struct {
	first   runeSet                // the first characters of the words in the BMP
	starts  runeSet                // first and the surrogate halves, which a text writes as U+FFFD: the code points a word may start at (firstEndsOf, maskFirstOf)
	rank    [len(runeSet{})]uint16 // rank[k]: how many characters of first are below k*64
	byRank  [][]indexedWord        // the words of the i-th character of first, in the order added
	outside map[rune][]indexedWord // the words that start outside the BMP
}

type indexedWord struct {
	word string
	list int
}

func newWordIndex(lists ...[]string) *wordIndex {
	x := &wordIndex{outside: map[rune][]indexedWord{}}
	words := map[rune][]indexedWord{}
	for i, list := range lists {
		for _, w := range list {
			r, _ := utf8.DecodeRuneInString(w)
			if r < 0x10000 {
				x.first.add(r)
				words[r] = append(words[r], indexedWord{w, i})
			} else {
				x.outside[r] = append(x.outside[r], indexedWord{w, i})
			}
		}
	}
	x.starts = x.first
	for r := rune(0xD800); r < 0xE000; r++ { // (no valid runes: U+FFFD may start a word)
		x.starts.add(r)
	}
	n := 0
	for k, bits64 := range x.first {
		x.rank[k] = uint16(n)
		for ; bits64 != 0; bits64 &= bits64 - 1 { // (the bits set, lowest first)
			x.byRank = append(x.byRank, words[rune(k*64+bits.TrailingZeros64(bits64))])
			n++
		}
	}
	return x
}

// of returns the words that start with r, in the order they were added.
func (x *wordIndex) of(r rune) []indexedWord {
	if uint32(r) >= 0x10000 {
		return x.outside[r]
	}
	k, bit := r/64, uint64(1)<<(r%64)
	if x.first[k]&bit == 0 {
		return nil
	}
	return x.byRank[int(x.rank[k])+bits.OnesCount64(x.first[k]&(bit-1))]
}

// wordSet is a set of words looked up without hashing: the character a
// string starts with is found among the first characters of the words by
// one bit and a rank (wordIndex.of), and only the words that start with
// it are compared with the string. The sets of the lexicon are small, and
// most strings describe asks about start with a character none of their
// words starts with, where a map would hash the whole string.
type wordSet struct {
	index  *wordIndex
	words  []string // in the order given
	maxLen int      // the longest word, in bytes
}

// newWordSet returns the set of words.
func newWordSet(words []string) wordSet {
	return wordSet{index: newWordIndex(words), words: words, maxLen: maxBytes(words)}
}

// lexSet returns the set of the lexicon's words with one of the roles rs.
func lexSet(rs ...lexicon.Role) wordSet { return newWordSet(lex.Words(rs...)) }

// has reports whether s is a word of the set.
func (w wordSet) has(s string) bool {
	if len(s) == 0 || len(s) > w.maxLen {
		return false
	}
	r := threeAt(s, 0) // (inlined: decodeFirst is a call, and most words are Chinese)
	if r < 0 {
		r, _ = decodeFirst(s)
	}
	for _, x := range w.index.of(r) {
		if x.word == s {
			return true
		}
	}
	return false
}

// suffixWords are words looked for at the end of a text, with the set of
// their last characters: a text that ends with none of those (most) is
// ruled out by one bit, where hasSuffixAny compared its end with each word.
type suffixWords struct {
	words []string
	lasts runeSet
}

// newSuffixWords returns words as suffixWords.
func newSuffixWords(words []string) *suffixWords {
	w := &suffixWords{words: words}
	for _, x := range words {
		r, _ := utf8.DecodeLastRuneInString(x)
		w.lasts.add(r)
	}
	return w
}

// endOf reports whether s ends with one of the words: hasSuffixAny.
func (w *suffixWords) endOf(s string) bool {
	r, _ := decodeLast(s)
	return w.lasts.has(r) && hasSuffixAny(s, w.words)
}

// maxBytes returns the length in bytes of the longest of words.
func maxBytes(words []string) int {
	n := 0
	for _, w := range words {
		n = max(n, len(w))
	}
	return n
}

// firstEnds sets ends[i] to the smallest end, in bytes, of an occurrence
// in s of a word of list i, or to -1 when s holds none.
func (x *wordIndex) firstEnds(s string, ends []int) {
	for i := range ends {
		ends[i] = -1
	}
	for at, r, n := x.first.seek(s, 0); at < len(s); at, r, n = x.first.seek(s, at+n) {
		for _, w := range x.of(r) {
			if end := at + len(w.word); (ends[w.list] < 0 || end < ends[w.list]) && strings.HasPrefix(s[at:], w.word) {
				ends[w.list] = end
			}
		}
	}
}

// firstEndsOf is firstEnds(s, ends) for s the text of the code points
// rs, off their byte offsets in s (off[k] that of rs[k]: runeTexts): it
// reads the code points rather than decoding s again, one test a
// character, and s only where a word may start. A code point that is no
// valid rune stands for U+FFFD, as s writes it.
func (x *wordIndex) firstEndsOf(rs []rune, off []int32, s string, ends []int) {
	for i := range ends {
		ends[i] = -1
	}
	for k, r := range rs {
		if !x.starts.has(r) {
			continue // (most characters: one bit)
		}
		if !utf8.ValidRune(r) {
			r = utf8.RuneError
		}
		at := int(off[k])
		for _, w := range x.of(r) {
			// (the word's last byte first: most words that start with
			// r are not there, and that one byte tells without a call)
			end := at + len(w.word)
			if (ends[w.list] < 0 || end < ends[w.list]) && end <= len(s) && s[end-1] == w.word[len(w.word)-1] && s[at:end] == w.word {
				ends[w.list] = end
			}
		}
	}
}

// threeAt returns the code point of three bytes at byte offset at of s, or
// -1 when there is none there: a lead byte E1-EC, EE or EF and two
// continuation bytes are valid UTF-8 whatever they hold (E0 and ED limit
// their second byte, and are left to utf8.DecodeRuneInString).
func threeAt(s string, at int) rune {
	if at+2 >= len(s) {
		return -1
	}
	c0, c1, c2 := s[at], s[at+1]^0x80, s[at+2]^0x80
	if c0-0xE1 > 0xEF-0xE1 || c0 == 0xED || c1|c2 > 0x3F {
		return -1
	}
	return rune(c0&0x0F)<<12 | rune(c1)<<6 | rune(c2)
}

// decodeFirst is utf8.DecodeRuneInString(s), reading a code point of three
// bytes (every Chinese one) itself (threeAt): the decoder's inlined fast
// path serves ASCII alone.
func decodeFirst(s string) (rune, int) {
	if r := threeAt(s, 0); r >= 0 {
		return r, 3
	}
	return utf8.DecodeRuneInString(s)
}

// decodeLast is utf8.DecodeLastRuneInString(s), reading a code point of
// three bytes itself as decodeFirst does: three bytes that threeAt reads
// end s with a code point the decoder reads the same.
func decodeLast(s string) (rune, int) {
	if len(s) >= 3 {
		if r := threeAt(s, len(s)-3); r >= 0 {
			return r, 3
		}
	}
	return utf8.DecodeLastRuneInString(s)
}

// any reports whether s holds a word of the index's lists: hasAny of
// them, in one pass over s instead of one per word.
func (x *wordIndex) any(s string) bool {
	for at, r, n := x.first.seek(s, 0); at < len(s); at, r, n = x.first.seek(s, at+n) {
		for _, w := range x.of(r) {
			if strings.HasPrefix(s[at:], w.word) {
				return true
			}
		}
	}
	return false
}

// lists returns the bits of the lists of the index that s holds a word
// of (bit i: list i): any of each list, in one pass over s.
func (x *wordIndex) lists(s string) uint64 {
	var found uint64
	for at, r, n := x.first.seek(s, 0); at < len(s); at, r, n = x.first.seek(s, at+n) {
		for _, w := range x.of(r) {
			if found&(1<<w.list) == 0 && strings.HasPrefix(s[at:], w.word) {
				found |= 1 << w.list
			}
		}
	}
	return found
}

// last returns the word of the index that starts last in s, skipping
// skip; of words starting at the same place, the first of its list. It is
// the word of greatest strings.LastIndex, in one pass over s. The index
// holds one list.
func (x *wordIndex) last(s, skip string) string {
	best := ""
	for at, r, n := x.first.seek(s, 0); at < len(s); at, r, n = x.first.seek(s, at+n) {
		for _, w := range x.of(r) {
			if w.word != skip && strings.HasPrefix(s[at:], w.word) {
				best = w.word
				break
			}
		}
	}
	return best
}

// mask returns s with each word of the index written as as many bytes of
// c, so that offsets into it stay valid: from the left, at each place the
// first word of the lists (in their order) that starts there, going on
// after it. It is what strings.NewReplacer of the words, in that order,
// each paired with its bytes of c, does (TestWordIndexMask), without a
// look at every byte. s itself is returned when it holds no word.
func (x *wordIndex) mask(s string, c byte) string {
	m, _ := x.maskFirst(s, c)
	return m
}

// maskFirst is mask, and the byte offset of the first word it masks
// (len(s) when there is none): the masked text and s differ from there.
func (x *wordIndex) maskFirst(s string, c byte) (string, int) {
	m := masking{s: s, c: c}
	for at, r, n := x.first.seek(s, 0); at < len(s); {
		w := x.wordAt(s, at, r)
		if w == "" {
			at, r, n = x.first.seek(s, at+n)
			continue
		}
		m.mask(at, len(w))
		at, r, n = x.first.seek(s, m.last)
	}
	return m.result()
}

// wordAt returns the first word of the lists that starts with r and at
// byte at of s, "" when none does.
func (x *wordIndex) wordAt(s string, at int, r rune) string {
	for _, iw := range x.of(r) {
		if strings.HasPrefix(s[at:], iw.word) {
			return iw.word
		}
	}
	return ""
}

// masking is a text s being masked with bytes of c, from the left
// (maskFirst, maskFirstOf).
type masking struct {
	s     string
	c     byte
	b     strings.Builder
	first int // the byte offset of the first word masked, when last > 0
	last  int // s[:last] is written to b
}

// mask writes over the n bytes of s from at, which starts at or after
// the end of the word masked before.
func (m *masking) mask(at, n int) {
	if m.b.Len() == 0 {
		m.b.Grow(len(m.s))
		m.first = at
	}
	m.b.WriteString(m.s[m.last:at])
	for range n {
		m.b.WriteByte(m.c)
	}
	m.last = at + n
}

// result returns the masked text and the byte offset of its first masked
// word, or s and len(s) when no word was masked.
func (m *masking) result() (string, int) {
	if m.last == 0 {
		return m.s, len(m.s)
	}
	m.b.WriteString(m.s[m.last:])
	return m.b.String(), m.first
}

// maskFirstOf is maskFirst(s, c) for s the text of the code points rs,
// off their byte offsets in s (as firstEndsOf reads them): the words are
// looked for from the code points, without decoding s.
func (x *wordIndex) maskFirstOf(rs []rune, off []int32, s string, c byte) (string, int) {
	m := masking{s: s, c: c}
	for k, r := range rs {
		if !x.starts.has(r) {
			continue // (most characters)
		}
		if !utf8.ValidRune(r) {
			r = utf8.RuneError
		}
		at := int(off[k])
		if at < m.last {
			continue // inside the word masked last
		}
		if w := x.wordAt(s, at, r); w != "" {
			m.mask(at, len(w))
		}
	}
	return m.result()
}

// hedgeIndex and notTimeIndex find the hedge and not-time words in one
// pass (maskNotTime; runChunk finds both with the time words, in
// sentenceIndex).
var hedgeIndex, notTimeIndex = newWordIndex(hedgeWords), newWordIndex(notTimeWords)
