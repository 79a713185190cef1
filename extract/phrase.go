package extract

import (
	"strings"
	"unicode/utf8"

	"github.com/gwrfacts/gwr/extract/segment"
)

// phrase is an indicator as pieces of its sentence, in order: its text is
// the concatenation of the pieces' text. Most indicators are one piece; a
// name made of a subject and an object (可再生能源【新增】装机) is two. The
// pieces are kept so that the indicator is never looked for again in the
// sentence: shortening cuts it on the tokens inside the pieces, and the
// output maps the pieces back to the original text.
type phrase []span

// add returns p with [s, e) appended, merged with the last piece when
// they touch.
func (p phrase) add(s, e int) phrase {
	if e <= s {
		return p
	}
	if n := len(p); n > 0 && p[n-1].end == s {
		out := append(phrase(nil), p...)
		out[n-1].end = e
		return out
	}
	// a new slice, never p's array (phrases are shared), of the right
	// size at once: copying p and then appending would allocate twice
	out := make(phrase, len(p), len(p)+1)
	copy(out, p)
	return append(out, span{s, e})
}

// grow is p.add(s, e) for a phrase being built that no one else holds
// yet: it extends p's last piece or p's array in place, where add copies
// p. Clip p's capacity before sharing it.
func (p phrase) grow(s, e int) phrase {
	if e <= s {
		return p
	}
	if n := len(p); n > 0 && p[n-1].end == s {
		p[n-1].end = e
		return p
	}
	return append(p, span{s, e})
}

// piece returns phrase{}.add(s, e), one piece, carved from a block of
// pieces the sentence's phrases share (pieceRoom, then blocks of
// pieceBlock): most phrases are one piece, and each would otherwise be an
// allocation of its own. The piece's capacity ends with it, and add never
// writes into a phrase's array: no two phrases share a piece.
func (a *analysis) piece(s, e int) phrase {
	if e <= s {
		return phrase{}
	}
	if len(a.pieces) == cap(a.pieces) {
		a.pieces = make([]span, 0, pieceBlock)
	}
	n := len(a.pieces)
	a.pieces = append(a.pieces, span{s, e})
	return phrase(a.pieces[n : n+1 : n+1])
}

// pieceBlock is the number of pieces piece allocates at a time.
const pieceBlock = 32

// join returns p followed by q.
func (p phrase) join(q phrase) phrase {
	for _, sp := range q {
		p = p.add(sp.start, sp.end)
	}
	return p
}

// runes is the length of p in code points.
func (p phrase) runes() int {
	n := 0
	for _, sp := range p {
		n += sp.end - sp.start
	}
	return n
}

// slice returns code points [i, j) of p's text, as a phrase.
func (p phrase) slice(i, j int) phrase {
	var out phrase
	at := 0
	for _, sp := range p {
		n := sp.end - sp.start
		s, e := max(i-at, 0), min(j-at, n)
		if s < e {
			out = out.add(sp.start+s, sp.start+e)
		}
		at += n
	}
	return out
}

// within returns the parts of p's pieces that lie in the sentence's
// code points [s, e).
func (p phrase) within(s, e int) phrase {
	var out phrase
	for _, sp := range p {
		out = out.add(max(sp.start, s), min(sp.end, e))
	}
	return out
}

// text returns p's text.
func (a *analysis) text(p phrase) string {
	if len(p) == 1 {
		return a.sub(p[0].start, p[0].end)
	}
	var b strings.Builder
	b.Grow(a.textLen(p)) // one allocation
	for _, sp := range p {
		b.WriteString(a.sub(sp.start, sp.end))
	}
	return b.String()
}

// textLen returns the length of p's text in bytes, without making it.
func (a *analysis) textLen(p phrase) int {
	n := 0
	for _, sp := range p {
		n += int(a.off[sp.end] - a.off[sp.start])
	}
	return n
}

// trimBounds is trimBounds(s), each text once per sentence: the facts of
// a sentence trim the same phrases again and again (half of the calls on
// the bench corpus were repeats).
func (a *analysis) trimBounds(s string) (lo, hi int) {
	return a.trimBoundsOf(s, nil)
}

// trimBoundsOf is a.trimBounds(s) for s the text of the phrase p (nil: s
// is not known as one), whose code points tell trimBounds' characters
// without decoding s (trimCharsOfRunes).
func (a *analysis) trimBoundsOf(s string, p phrase) (lo, hi int) {
	for _, t := range a.trims {
		if t.text == s {
			return t.lo, t.hi
		}
	}
	if p == nil {
		lo, hi = trimBounds(s)
	} else {
		has := 0
		for _, sp := range p {
			has |= trimCharsOfRunes(a.s[sp.start:sp.end])
		}
		lo, hi = trimBoundsWith(s, has)
	}
	a.trims = append(a.trims, trimmed{s, lo, hi}) // (the first in a.trimRoom)
	return lo, hi
}

// trimmed is a text and its trimBounds.
type trimmed struct {
	text   string
	lo, hi int
}

// trim is trimIndicator on a phrase.
func (a *analysis) trim(p phrase) phrase {
	s := a.text(p)
	lo, hi := a.trimBoundsOf(s, p)
	if lo == 0 && hi == len(s) && len(p) > 0 {
		return p // nothing to cut (most phrases): p as it is, uncounted and uncopied
	}
	i, j := utf8.RuneCountInString(s[:lo]), utf8.RuneCountInString(s[:hi])
	// a one-character cut inside a dictionary word keeps the word: 【有】机
	// 农产品 and 【共】享电单车企业 start with no trimmed 有 or 共 (a word the
	// segmenter guessed, tagged x, is no evidence: 社区【率达】; nor is a
	// longer cut, such as a year: 1979【年重】工业)
	if i == 1 && i < j {
		if at := p.slice(i, j)[0].start; !a.tokStart[at] {
			if t, ok := a.wordAt(at); ok {
				i -= at - t.Start
			}
		}
	}
	if j == p.runes()-1 && i < j {
		if q := p.slice(i, j); !a.tokE[q[len(q)-1].end] {
			if t, ok := a.wordAt(q[len(q)-1].end); ok {
				j += t.End - q[len(q)-1].end
			}
		}
	}
	return p.slice(max(i, 0), min(j, p.runes()))
}

// wordAt returns the dictionary word that holds code point i, if any: a
// token neither guessed (tagged x) nor a person's name (nr), which the
// segmenter finds in any two characters.
func (a *analysis) wordAt(i int) (segment.Token, bool) {
	if t, ok := a.tokenHolding(i); ok {
		return t, t.POS != "x" && !strings.HasPrefix(t.POS, "nr") // 占【比达】: no person's name
	}
	return segment.Token{}, false
}

// tokenHolding returns the token that holds code point i, if any: the
// last token starting at i or before it (the tokens are ordered and do
// not overlap), if it reaches past i.
func (a *analysis) tokenHolding(i int) (segment.Token, bool) {
	if k := a.firstTokenFrom(i+1) - 1; k >= 0 && i < a.toks[k].End {
		return a.toks[k], true
	}
	return segment.Token{}, false
}

// tokens returns the segmentation's tokens that lie inside p's pieces, in
// the order of the pieces.
//
// The result is cut from a.tokRest, the rest of a block of spans that
// only moves forward (the next call writes after it, and a full block is
// left to the results cut from it), with its capacity cut to its length:
// it stays the caller's as a slice of its own would, and most calls make
// no allocation, where each grew its slice from nothing before.
func (a *analysis) tokens(p phrase) []span {
	out := a.appendTokens(a.tokRest[:0], p)
	if cap(out) == cap(a.tokRest) { // in the block
		a.tokRest = a.tokRest[len(out):len(out)]
	} else { // the block is full (out grew out of it): the next call takes a new one
		a.tokRest = make([]span, 0, tokBlock)
	}
	return out[:len(out):len(out)]
}

// tokBlock is the number of spans in a block of analysis.tokRest.
const tokBlock = 256

// appendTokens appends the tokens of a.tokens(p) to out.
func (a *analysis) appendTokens(out []span, p phrase) []span {
	for _, sp := range p {
		// (each token read in place: a copy of each would cost more than
		// the test)
		for k := a.firstTokenFrom(sp.start); k < len(a.toks); k++ {
			t := &a.toks[k]
			if t.Start > sp.end {
				break // the tokens are ordered by start: none further lies inside
			}
			if t.End <= sp.end {
				out = append(out, span{t.Start, t.End})
			}
		}
	}
	return out
}

// firstTokenFrom returns the index of the first token starting at i or
// after it (len(a.toks) if none): the tokens are ordered by start.
func (a *analysis) firstTokenFrom(i int) int {
	// sort.Search's bisection, without a call of a closure at each step:
	// every look-up of a word by its position comes here
	lo, hi := 0, len(a.toks)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if a.toks[m].Start < i {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

// oneRune reports whether s is one code point (as utf8.RuneCountInString
// counts them: an invalid byte is one), without counting all of a long s.
func oneRune(s string) bool {
	_, n := decodeFirst(s)
	return n > 0 && n == len(s)
}
