package extract

// The fact as a schema row: spans mapped back to the original text.

import (
	"encoding/binary"
	"math/bits"
	"strings"
	"unicode"

	"github.com/gwrfacts/gwr/normalize"
	"github.com/gwrfacts/gwr/schema"
)

// singleMinus reports whether the original text at code point cs is a
// minus sign written as one character, not the Chinese dash —— (or --).
func singleMinus(orig *origText, cs int) bool {
	switch orig.slice(cs, cs+1) {
	case "-", "－", "−", "﹣", "负":
	default:
		return false
	}
	return cs+1 < orig.len() && !strings.ContainsAny(orig.slice(cs+1, cs+2), "-－−﹣—―–") &&
		(cs == 0 || !strings.ContainsAny(orig.slice(cs-1, cs), "-－−﹣—―–"))
}

// row renders the fact as a schema row: spans mapped to the original text,
// values to float64. sent is the fact's sentence in the view, written its
// text in the original (sentenceText).
func (f *fact) row(d Document, orig *origText, view *normalize.View, sent span, written string) schema.Fact {
	q := f.q
	// the mention: the core number, extended over what touches it in the
	// original text (unit, bound words), never across dropped markup
	cs, ce := view.OrigSpan(sent.start+q.core.start, sent.start+q.core.end)
	for i := sent.start + q.core.end; i < sent.start+q.end && view.Orig(i) == ce; i++ {
		ce = view.OrigEnd(i)
	}
	for i := sent.start + q.core.start - 1; i >= sent.start+q.start && view.OrigEnd(i) == cs; i-- {
		cs = view.Orig(i)
	}
	low, high := normalize.Float(q.low), normalize.Float(q.high)
	negative := f.negative
	if q.minus {
		if singleMinus(orig, cs) {
			negative = !negative // 增长-2.1%: the sign turns the figure around
		} else {
			// the Chinese dash ——, which cleaning folds to '-' too: not
			// a sign, and not part of the mention
			cs, _ = view.OrigSpan(sent.start+q.core.start+1, sent.start+q.core.end)
		}
	}
	if negative {
		low, high = -high, -low
	}
	return schema.Fact{
		DocID:      d.ID,
		Start:      int32(cs),
		End:        int32(ce),
		Mention:    orig.slice(cs, ce),
		Sentence:   written,
		Indicator:  f.asWritten(orig, view, sent),
		Cue:        f.cue,
		Measure:    f.measure,
		ValueLow:   low,
		ValueHigh:  high,
		Bound:      q.bound,
		Unit:       q.unit,
		UnitText:   q.unitText,
		Classifier: q.classifier,
		Kind:       f.kind,
		Year:       f.year,
		Hedge:      f.hedge,
		Rule:       q.rule.ID,
	}
}

// sentenceText returns the sentence sent of the view as the original text
// writes it, without the spaces around it: the Sentence of each of its
// facts, sliced once for them all.
func sentenceText(orig *origText, view *normalize.View, sent span) string {
	ss, se := view.OrigSpan(sent.start, sent.end)
	return trimSpaceQuick(orig.slice(ss, se))
}

// trimSpaceQuick is strings.TrimSpace(s), which reads a text that starts
// or ends beyond ASCII (every Chinese sentence) through its slow path:
// a text whose first and last code points are no space is returned at
// once. No code point above U+3000, the ideographic space, is a space.
func trimSpaceQuick(s string) string {
	first, _ := decodeFirst(s)
	last, _ := decodeLast(s)
	if s != "" && !isSpace(first) && !isSpace(last) {
		return s
	}
	return strings.TrimSpace(s)
}

// isSpace is unicode.IsSpace, without its table search for the code
// points above U+3000.
func isSpace(r rune) bool { return r <= '\u3000' && unicode.IsSpace(r) }

// asWritten returns the indicator as the document writes it: the view
// reads 一九五七年 and 1 9 9 7 年 as 1957年 and 1997年, the indicator keeps
// the original. Each piece of the indicator's phrase is mapped back to the
// original text. An indicator that is no piece of its sentence (a name
// distribute made), holds no digit, or would take in dropped markup is
// returned as it is.
func (f *fact) asWritten(orig *origText, view *normalize.View, sent span) string {
	if f.ind == nil || !hasDigit(f.indicator) {
		return f.indicator
	}
	var b strings.Builder
	for _, sp := range f.ind {
		os, oe := view.OrigSpan(sent.start+sp.start, sent.start+sp.end)
		b.WriteString(orig.slice(os, oe))
	}
	w := b.String()
	if strings.ContainsAny(w, "*_<&\n") {
		return f.indicator
	}
	return w
}

// hasDigit reports whether s holds an ASCII digit: strings.ContainsAny(s,
// "0123456789"), one test a byte (a digit's byte is never part of another
// code point), where ContainsAny builds its set of the digits at each call.
func hasDigit(s string) bool {
	for i := 0; i < len(s); i++ {
		if '0' <= s[i] && s[i] <= '9' {
			return true
		}
	}
	return false
}

// origText slices a document's text by code-point offsets. It keeps the
// byte offset of every origStride-th code point, not of each: a fact reads
// a few slices of its text, and walking at most origStride-1 code points
// from a mark costs less than writing 4 bytes for every code point of
// every document. The marks are made as far as a slice needs them, by
// walking from the last one: no pass over the text of its own, for
// cleaning (normalize.Clean) has read it already, telling its length and
// whether it is valid UTF-8.
type origText struct {
	text  string
	marks []int32 // byte offset in text of code point k*origStride, as far as made
	n     int     // code points
	runes []rune  // the text as runes, when it is not valid UTF-8
}

// origStride is the distance in code points between two marks of origText.
const origStride = 16

// len returns the number of code points of the text.
func (o *origText) len() int {
	if o.runes != nil {
		return len(o.runes)
	}
	return o.n
}

// newOrigText returns the origText of text, the original of view: n code
// points long (view.Orig(len(view.Runes))) and valid UTF-8 or not
// (view.ValidUTF8()).
func newOrigText(text string, view *normalize.View) *origText {
	if !view.ValidUTF8() {
		// each invalid byte is a code point of its own, written as U+FFFD
		return &origText{runes: []rune(text)}
	}
	marks := make([]int32, 1, len(text)/(2*origStride)+1) // code point 0 at byte 0
	return &origText{text: text, marks: marks, n: view.Orig(len(view.Runes))}
}

// offset returns the byte offset of code point i (len(text) for i = n),
// making the marks up to i's first.
func (o *origText) offset(i int) int {
	if i == o.n {
		return len(o.text)
	}
	k := i / origStride
	for len(o.marks) <= k {
		o.marks = append(o.marks, int32(o.skip(int(o.marks[len(o.marks)-1]), origStride)))
	}
	return o.skip(int(o.marks[k]), i%origStride)
}

// skip returns the byte offset k code points after byte offset at, a
// code point's first byte. The text is valid UTF-8, so every byte but a
// continuation byte (10xxxxxx) starts a code point: skip counts those eight
// bytes at a time (no step waits for the load of the one before, as a walk
// from one code point's length to the next does), and finds the k-th in
// the last eight bytes it reads.
func (o *origText) skip(at, k int) int {
	const high = 0x8080808080808080
	text := o.text // (in a register: o.text would be read again at each step)
	for ; at+8 <= len(text); at += 8 {
		x := binary.LittleEndian.Uint64([]byte(text[at : at+8]))
		cont := x &^ (x << 1) & high // bit 7 of each continuation byte
		n := 8 - bits.OnesCount64(cont)
		if k < n {
			starts := high &^ cont
			for ; k > 0; k-- {
				starts &= starts - 1
			}
			return at + bits.TrailingZeros64(starts)/8
		}
		k -= n
	}
	for ; at < len(text); at++ {
		if text[at]&0xC0 != 0x80 {
			if k == 0 {
				return at
			}
			k--
		}
	}
	return at
}

// slice returns code points [i, j) of the text.
func (o *origText) slice(i, j int) string {
	if o.runes != nil {
		return string(o.runes[i:j])
	}
	from := o.offset(i)
	var to int
	switch {
	case j == o.n:
		to = len(o.text)
	case j-i < origStride:
		to = o.skip(from, j-i)
	default:
		to = o.offset(j)
	}
	return o.text[from:to]
}
