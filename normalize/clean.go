package normalize

import (
	"encoding/binary"
	"html"
	"math/bits"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"golang.org/x/text/width"
)

// View is a cleaned copy of a text for pattern matching, with a map from each
// cleaned code point back to the original. The original text is never
// modified: spans found in Runes are mapped back with [View.Orig] and
// [View.OrigSpan].
type View struct {
	// Runes is the cleaned text, one element per code point.
	Runes []rune

	// start[i] and end[i] are the original code-point span [start, end)
	// that cleaned rune i was made from. Usually end = start+1; a decoded
	// HTML entity, a "\r\n" or a collapsed "——" spans more.
	start []int32
	end   []int32
	n     int  // original length in code points
	valid bool // the original text is valid UTF-8
}

// Options selects optional cleaning steps.
type Options struct {
	// HTML drops tags (<...>), comments, the contents of <script> and
	// <style> and page chrome (navigation, headers, footers, sidebars:
	// elements such as <nav> or <div class="footer">), and decodes character references (&nbsp; &amp; &#12345;
	// &#x4e07; ...). A decoded character maps to the entity's first code
	// point. Block-level tags (p, br, div, li, tr, h1-h6 ...) become a "\n"
	// so that paragraphs stay apart. A line break of the HTML source is only
	// a space there: it is dropped with the indentation around it.
	HTML bool
}

// Clean returns the cleaned view of text. The steps, in order:
//
//  1. "\r\n" and a lone "\r" become "\n".
//  2. With opt.HTML, tags are dropped and entities decoded (see [Options]).
//  3. A double dash "——" (or "――") becomes a single '-'.
//  4. Each rune is folded by [foldRune]: dash-like runes to '-', tildes to
//     '~', Unicode spaces to ' ', and full-width forms to ASCII when the
//     result is a digit, a letter or one of % . + - ~ / (Chinese clause
//     punctuation such as ，。；：（） stays as it is).
//  5. Spaces a transcription puts between the characters of a number
//     ("1 9 9 7 年", "8 ．8 ％") are dropped (see [joinSpacedDigits]), and a
//     year written in Chinese digits (一九八二, 一九八○) is written in ASCII
//     digits, one for one (see [foldChineseYears]).
//  6. Markdown emphasis markers (runs of two or more '*' or '_') are dropped.
//  7. Zero-width characters (U+200B, U+FEFF, soft hyphen ...) are dropped,
//     with a line that holds only them (see [dropZeroWidth]).
//  8. Hard-wrapped lines are joined (see [joinWrappedLines]).
//
// Everything else is kept as is; Clean never applies NFKC. Offsets count code
// points as Go's []rune(text) does, so each byte of invalid UTF-8 counts as
// one code point (and is read as U+FFFD).
//
// Without HTML, steps 1, 3 and 4 are one pass over the text (readText),
// which also notes which of steps 5-7 have anything to do; the others are
// skipped, and the steps write over the runes they read.
func Clean(text string, opt Options) *View {
	var s seq
	var todo later
	var n int
	var valid bool
	if opt.HTML {
		s, valid = fromText(text), utf8.ValidString(text)
		n = len(s.r)
		s = normalizeNewlines(s)
		s = stripHTML(s)
		s = collapseDoubleDash(s)
		s = foldRunes(s)
		todo = later{spacedFrom: 0, years: true, markdown: true, zeroWidth: true}
	} else {
		s, todo, n = readText(text)
		valid = !todo.invalid
	}
	if todo.spacedFrom >= 0 {
		s = joinSpacedDigits(s, todo.spacedFrom)
	}
	if todo.years {
		s = foldChineseYears(s)
	}
	if todo.markdown {
		s = dropMarkdownEmphasis(s)
	}
	if todo.zeroWidth {
		s = dropZeroWidth(s)
	}
	s = joinWrappedLines(s)
	return &View{Runes: s.r, start: s.start, end: s.end, n: n, valid: valid}
}

// later says which of the steps after folding may have something to do:
// each is false only when the step would leave the text as it is.
type later struct {
	spacedFrom int  // the first ' ' after a digit or '.', or -1 (joinSpacedDigits)
	years      bool // 一九, or 二 before 〇, ○ or 零 (foldChineseYears)
	markdown   bool // "**" or "__" (dropMarkdownEmphasis)
	zeroWidth  bool // an isZeroWidth character (dropZeroWidth)
	invalid    bool // the text is not valid UTF-8 (View.ValidUTF8)
}

// readText does steps 1, 3 and 4 of Clean (no HTML) in one pass over the
// text: it decodes the code points, turns "\r\n" and "\r" into "\n",
// collapses "——" and "――" into '-' and folds every other rune with
// [foldRune], writing each rune and its original span once. It also notes
// which later steps have anything to do, and whether the text is valid
// UTF-8. None of those steps makes what
// another one looks for (joinSpacedDigits drops only spaces after a digit
// or '.', so it joins no 一九 and no "**"; foldChineseYears writes digits;
// dropMarkdownEmphasis drops only '*' and '_'), so what readText sees
// decides for all of them. n is the text's length in code points.
//
// Most of a report is ASCII, CJK ideographs and their punctuation, which
// never fold: they take short paths (an ASCII byte, a run of three-byte
// characters that no later step looks for: passRun) that look only at
// the few runes of their kind that a later step cares about. Everything
// else takes the general path.
//
// The arrays are sized by codePointsAtLeast, exact for valid UTF-8 and
// about eight times faster than utf8.RuneCountInString
// (BenchmarkCodePoints); text with invalid bytes may need more, and they
// grow.
func readText(text string) (s seq, todo later, n int) {
	r, start, end := newArrays(codePointsAtLeast(text))
	todo.spacedFrom = -1
	w, k := 0, int32(0) // runes written; code points read
	for i := 0; i < len(text); {
		from := k
		k++
		if w == len(r) { // only in invalid UTF-8: see codePointsAtLeast
			r, start, end = grown(r), grown(start), grown(end)
		}
		c := rune(text[i])
		if c < utf8.RuneSelf {
			i++
			switch c {
			case '\r':
				c = '\n'
				if i < len(text) && text[i] == '\n' {
					i++
					k++
				}
			case ' ':
				if todo.spacedFrom < 0 && w > 0 && (isDigit(r[w-1]) || r[w-1] == '.') {
					todo.spacedFrom = w
				}
			case '*', '_':
				todo.markdown = todo.markdown || w > 0 && r[w-1] == c
			}
			r[w], start[w], end[w] = c, from, k
			w++
			continue
		}
		// most of a report: CJK ideographs and punctuation, a run at a
		// time
		if n := passRun(text[i:], r[w:], start[w:], end[w:], from); n > 0 {
			i, w, k = i+3*n, w+n, from+int32(n)
			continue
		}
		// a lead byte E1-EC, EE or EF and two continuation bytes are valid
		// UTF-8 whatever they hold (most Chinese characters and
		// punctuation); E0 and ED limit their second byte, and other
		// lengths are left to the utf8 package
		size := 3
		if i+2 < len(text) && 0xE1 <= c && c <= 0xEF && c != 0xED && text[i+1]&0xC0 == 0x80 && text[i+2]&0xC0 == 0x80 {
			c = (c&0x0F)<<12 | rune(text[i+1]&0x3F)<<6 | rune(text[i+2]&0x3F)
		} else {
			c, size = utf8.DecodeRuneInString(text[i:])
			todo.invalid = todo.invalid || c == utf8.RuneError && size == 1
		}
		i += size
		if c == '—' || c == '―' {
			// c is valid UTF-8: the next code point is c again exactly
			// when the next bytes are c's
			c = '-'
			if strings.HasPrefix(text[i:], text[i-size:i]) {
				i += size
				k++
			}
		} else {
			c = foldRune(c)
		}
		if w > 0 {
			switch p := r[w-1]; c {
			case ' ':
				if todo.spacedFrom < 0 && (isDigit(p) || p == '.') {
					todo.spacedFrom = w
				}
			case '*', '_':
				todo.markdown = todo.markdown || p == c
			case '九':
				todo.years = todo.years || p == '一'
			case '〇', '○', '零':
				todo.years = todo.years || p == '二'
			}
		}
		if c >= 0xAD && isZeroWidth(c) {
			todo.zeroWidth = true
		}
		r[w], start[w], end[w] = c, from, k
		w++
	}
	return seq{r: r[:w], start: start[:w], end: end[:w]}, todo, int(k)
}

// isIdeograph reports whether c is a CJK unified ideograph of the basic
// block, U+4E00-U+9FFF: most of a report's characters, none of which
// cleaning changes.
func isIdeograph(c rune) bool { return 0x4E00 <= c && c <= 0x9FFF }

// passRun writes the run of characters at the start of text that
// readText writes as they are and that no later step looks for (passes),
// the first of them code point k of the text, into r, start and end, as
// many as r holds; it returns how many.
func passRun(text string, r []rune, start, end []int32, k int32) int {
	m := min(len(r), len(text)/3)
	r, start, end = r[:m], start[:m], end[:m]
	for n := range r {
		// a lead byte 1110xxxx and two continuation bytes (10xxxxxx):
		// valid UTF-8 unless it is an overlong form or a surrogate,
		// which passes leaves out
		t := text[3*n : 3*n+3]
		x := uint32(t[0]) | uint32(t[1])<<8 | uint32(t[2])<<16
		if x&0xC0C0F0 != 0x8080E0 {
			return n
		}
		c := (x&0x0F)<<12 | x>>2&0xFC0 | x>>16&0x3F
		if passes[c>>6&1023]&(1<<(c&63)) == 0 {
			return n
		}
		r[n], start[n], end[n] = rune(c), k, k+1
		k++
	}
	return m
}

// passes marks the characters of three bytes in UTF-8 that readText
// reads a run at a time (passRun): the CJK ideographs and the
// punctuation of U+2000-U+206F, U+3000-U+303F and U+FF00-U+FFEF that
// foldRune leaves as they are, but for those that a step after folding
// looks for (九 零 〇 for foldChineseYears, the zero-width characters)
// and the dashes readText collapses.
var passes = func() (b [1 << 16 / 64]uint64) {
	set := func(c rune) {
		switch c {
		case '九', '零', '〇', '—', '―':
			return
		}
		if foldRune(c) == c && !isZeroWidth(c) {
			b[c>>6] |= 1 << (c & 63)
		}
	}
	for c := rune(0x4E00); c <= 0x9FFF; c++ {
		set(c)
	}
	for _, block := range [][2]rune{{0x2000, 0x2070}, {0x3000, 0x3040}, {0xFF00, 0xFFF0}} {
		for c := block[0]; c < block[1]; c++ {
			set(c)
		}
	}
	return b
}()

// arrays is the memory of a cleaned text: its runes and their original
// spans (seq), which [View.Release] hands back to released for a later
// Clean to reuse.
type arrays struct {
	r          []rune
	start, end []int32
}

// released holds the arrays (*arrays) of views given up with
// [View.Release]. A report's three arrays take 12 bytes a code point:
// reused, they are most of the bytes a run of the extractor no longer
// allocates (and so collects).
var released sync.Pool

// newArrays returns the arrays of a text of n code points, of length n:
// released ones when they are long enough (their elements are left as they
// were: readText writes each before it reads it), new ones otherwise.
// Arrays too short are dropped, so that what released holds grows to the
// longest texts.
func newArrays(n int) (r []rune, start, end []int32) {
	if a, _ := released.Get().(*arrays); a != nil && cap(a.r) >= n && cap(a.start) >= n && cap(a.end) >= n {
		return a.r[:n], a.start[:n], a.end[:n]
	}
	return make([]rune, n), make([]int32, n), make([]int32, n)
}

// grown returns s longer by a quarter (at least 16), its elements kept.
func grown[T any](s []T) []T {
	return append(s, make([]T, len(s)/4+16)...)
}

// codePointsAtLeast returns len(s) minus the number of UTF-8 continuation
// bytes (10xxxxxx) in s, counted eight bytes at a time: the number of code
// points when s is valid UTF-8, and never more than utf8.RuneCountInString
// otherwise (every other byte starts a code point, the decoder reading a
// stray continuation byte as one more).
func codePointsAtLeast(s string) int {
	const high = 0x8080808080808080
	cont, i := 0, 0
	b := unsafe.Slice(unsafe.StringData(s), len(s)) // read only
	for ; i+8 <= len(b); i += 8 {
		x := binary.LittleEndian.Uint64(b[i:])
		// bit 7 of a byte set and bit 6 (shifted to bit 7) clear
		cont += bits.OnesCount64(x &^ (x << 1) & high)
	}
	for ; i < len(s); i++ {
		if s[i]&0xC0 == 0x80 {
			cont++
		}
	}
	return len(s) - cont
}

// Orig returns the original code-point offset of cleaned rune i. Orig(len(Runes))
// is the original length in code points. It panics if i is out of
// [0, len(Runes)].
func (v *View) Orig(i int) int {
	if i == len(v.Runes) {
		return v.n
	}
	return int(v.start[i])
}

// Release hands v's arrays (Runes and the original spans) back for a later
// Clean to reuse. Neither v nor a slice of its Runes may be used after
// (v is emptied: a method called on it panics or reads an empty text).
func (v *View) Release() {
	released.Put(&arrays{r: v.Runes[:cap(v.Runes)], start: v.start[:cap(v.start)], end: v.end[:cap(v.end)]})
	*v = View{}
}

// ValidUTF8 reports whether the original text is valid UTF-8, so that
// each of its code points is as long as its first byte says (in text that
// is not, each invalid byte is a code point of its own).
func (v *View) ValidUTF8() bool { return v.valid }

// OrigEnd returns the original code-point offset just past the source of
// cleaned rune i: Orig(i)+1 for most runes, more for a decoded entity, a
// "\r\n" or a collapsed "——". It panics if i is out of [0, len(Runes)).
func (v *View) OrigEnd(i int) int { return int(v.end[i]) }

// OrigSpan maps the cleaned span [start, end) to the original span
// [Orig(start), OrigEnd(end-1)); for runes made from one code point this is
// [Orig(start), Orig(end-1)+1). An empty span maps to the empty span at
// Orig(start). Runes dropped from the view (markdown markers, tags) that lie
// just outside the span are never included; those inside it are.
func (v *View) OrigSpan(start, end int) (int, int) {
	if end <= start {
		o := v.Orig(start)
		return o, o
	}
	return int(v.start[start]), int(v.end[end-1])
}

// seq is a text being cleaned: runes with the original span of each.
type seq struct {
	r          []rune
	start, end []int32
}

func fromText(text string) seq {
	r := []rune(text)
	s := seq{r: r, start: make([]int32, len(r)), end: make([]int32, len(r))}
	for i := range r {
		s.start[i] = int32(i)
		s.end[i] = int32(i + 1)
	}
	return s
}

// has reports whether any rune of s satisfies f. Steps use it to return s
// unchanged when they have nothing to do.
func (s seq) has(f func(rune) bool) bool {
	for _, c := range s.r {
		if f(c) {
			return true
		}
	}
	return false
}

// builder collects the output of one cleaning step.
type builder struct{ seq }

func newBuilder(capacity int) *builder {
	return &builder{seq{
		r:     make([]rune, 0, capacity),
		start: make([]int32, 0, capacity),
		end:   make([]int32, 0, capacity),
	}}
}

// inPlace returns a builder that writes over s: for a step that never
// makes more than one rune of one input rune, so that the rune written is
// never one still to be read (steps read s at and after the current rune).
// It saves a copy of the text and its map per step.
func inPlace(s seq) *builder {
	return &builder{seq{r: s.r[:0], start: s.start[:0], end: s.end[:0]}}
}

// add appends rune r made from the original span [start, end).
func (b *builder) add(r rune, start, end int32) {
	b.r = append(b.r, r)
	b.start = append(b.start, start)
	b.end = append(b.end, end)
}

// keep appends rune i of s unchanged.
func (b *builder) keep(s seq, i int) { b.add(s.r[i], s.start[i], s.end[i]) }

// normalizeNewlines turns "\r\n" into one "\n" spanning both, and a lone
// "\r" into "\n".
func normalizeNewlines(s seq) seq {
	if !s.has(func(c rune) bool { return c == '\r' }) {
		return s
	}
	b := inPlace(s)
	for i := 0; i < len(s.r); i++ {
		switch {
		case s.r[i] == '\r' && i+1 < len(s.r) && s.r[i+1] == '\n':
			b.add('\n', s.start[i], s.end[i+1])
			i++
		case s.r[i] == '\r':
			b.add('\n', s.start[i], s.end[i])
		default:
			b.keep(s, i)
		}
	}
	return b.seq
}

// collapseDoubleDash turns the Chinese dash "——" (two U+2014, or two
// U+2015) into one '-' spanning both runes, so that "3——5" reads as a range.
func collapseDoubleDash(s seq) seq {
	if !s.has(func(c rune) bool { return c == '—' || c == '―' }) {
		return s
	}
	b := inPlace(s)
	for i := 0; i < len(s.r); i++ {
		c := s.r[i]
		if (c == '—' || c == '―') && i+1 < len(s.r) && s.r[i+1] == c {
			b.add('-', s.start[i], s.end[i+1])
			i++
			continue
		}
		b.keep(s, i)
	}
	return b.seq
}

// foldRunes applies [foldRune] to every rune; the map is unchanged.
func foldRunes(s seq) seq {
	for i, c := range s.r {
		s.r[i] = foldRune(c)
	}
	return s
}

// foldRune folds one rune: dashes, tildes, spaces, then width.
func foldRune(c rune) rune {
	switch {
	case c < 0x80 || isIdeograph(c):
		return c // fast path: ASCII and CJK ideographs never change
	case 0x2000 <= c && c < 0x2070:
		return foldPunct[c-0x2000] // general punctuation: “”…—
	case 0x3000 <= c && c < 0x3040:
		return foldPunct[c-0x3000+0x70] // CJK punctuation: 。、《》
	case 0xFF00 <= c && c < 0xFFF0:
		return foldPunct[c-0xFF00+0xB0] // full-width forms: ，：；（）％
	}
	return foldRuneSlow(c)
}

// foldPunct holds foldRuneSlow of U+2000-U+206F, U+3000-U+303F and
// U+FF00-U+FFEF, where most of a report's runes outside ASCII and the CJK
// ideographs are: looking them up costs a fraction of folding them.
var foldPunct = func() (t [0x70 + 0x40 + 0xF0]rune) {
	for i := range t {
		c := rune(0xFF00 + i - 0xB0)
		switch {
		case i < 0x70:
			c = rune(0x2000 + i)
		case i < 0xB0:
			c = rune(0x3000 + i - 0x70)
		}
		t[i] = foldRuneSlow(c)
	}
	return t
}()

// foldRuneSlow is foldRune without the table.
func foldRuneSlow(c rune) rune {
	if c < 0x80 || isIdeograph(c) {
		return c
	}
	if d, ok := foldDash(c); ok {
		return d
	}
	if d, ok := foldSpace(c); ok {
		return d
	}
	return foldWidth(c)
}

// dashes are the dash-like runes written in ranges ("3–5", "3—5", "3－5");
// they fold to '-'.
var dashes = map[rune]rune{
	'\u2010': '-', // ‐ hyphen
	'\u2011': '-', // ‑ non-breaking hyphen
	'\u2012': '-', // ‒ figure dash
	'\u2013': '-', // – en dash
	'\u2014': '-', // — em dash
	'\u2015': '-', // ― horizontal bar
	'\u2212': '-', // − minus sign
	'\uFF0D': '-', // － full-width hyphen-minus
	'\uFE63': '-', // ﹣ small hyphen-minus
	'\uFE58': '-', // ﹘ small em dash
	'\u2053': '~', // ⁓ swung dash
	'\uFF5E': '~', // ～ full-width tilde
	'\u301C': '~', // 〜 wave dash
	'\u223C': '~', // ∼ tilde operator
	'\uFE6A': '%', // ﹪ small percent sign
}

// foldDash folds dash-like runes to '-', tildes to '~' (and the small
// percent sign to '%').
func foldDash(c rune) (rune, bool) {
	d, ok := dashes[c]
	return d, ok
}

// foldSpace folds Unicode space separators (category Zs: U+3000 ideographic
// space, U+00A0 no-break space, U+2000-U+200A, ...) to ' '. Tabs and line
// breaks are left alone.
func foldSpace(c rune) (rune, bool) {
	if unicode.Is(unicode.Zs, c) {
		return ' ', true
	}
	return c, false
}

// foldWidth folds a full-width rune to its ASCII form when that form is a
// digit, a letter or one of % . + - ~ /, using width.Fold. Other full-width
// punctuation (，。；：！？、（）“”) is kept: it marks clauses and sentences.
func foldWidth(c rune) rune {
	p := width.LookupRune(c)
	if p.Kind() != width.EastAsianFullwidth {
		return c
	}
	f := p.Narrow()
	if f == 0 {
		return c
	}
	if isFoldTarget(f) {
		return f
	}
	return c
}

// isFoldTarget reports whether an ASCII rune is one that full-width forms
// fold to.
func isFoldTarget(c rune) bool {
	switch {
	case '0' <= c && c <= '9', 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z':
		return true
	}
	return strings.ContainsRune("%.+-~/", c)
}

// joinSpacedDigits drops the single spaces some transcriptions put after
// every character of a number: "1 9 9 7 年", "8 .8 %", "7 4 7 7 2 亿元",
// "1 .1 亿门" (full-width digits and '．' are already folded). A space is
// dropped when the rune before it is a digit or '.' that stands alone (the
// rune before that is no digit, nor a '.' after a digit: "6.5 %" keeps its
// space), and the rune after it is a digit or '.'
// that also stands alone, or what follows a number: '%', '‰' or a Chinese
// character (a multiplier, unit or bound word). Ordinary spacing keeps its
// spaces: "2023 2024", "10 万元". A dropped space is mapped to the rune
// after it, so that the span of a number covers the spaces inside it.
func joinSpacedDigits(s seq, from int) seq {
	r, start, end := s.r, s.start, s.end
	// drop reports whether r[i] is a space to drop, given the three runes
	// before it as they were (r before i may be written over).
	drop := func(i int, p1, p2, p3 rune) bool {
		if r[i] != ' ' || i == 0 || i+1 == len(r) {
			return false
		}
		if !isDigit(p1) && p1 != '.' || i >= 2 && isDigit(p2) {
			return false
		}
		if i >= 3 && p2 == '.' && p3 != ' ' {
			return false // "6.5 %": an ordinary decimal
		}
		switch c := r[i+1]; {
		case isDigit(c):
			return i+2 == len(r) || !isDigit(r[i+2])
		case c == '.':
			return i+2 < len(r) && isDigit(r[i+2])
		default:
			return c == '%' || c == '‰' || unicode.Is(unicode.Han, c)
		}
	}
	at := func(i int) rune {
		if i < 0 {
			return 0
		}
		return r[i]
	}
	first := -1
	for i := max(from, 1); i < len(r); i++ {
		if r[i] == ' ' && drop(i, r[i-1], at(i-2), at(i-3)) {
			first = i
			break
		}
	}
	if first < 0 {
		return s
	}
	// Runes before first stay where they are; from first on, kept runes
	// are written over r, the three runes before i remembered as they were.
	w := first
	p1, p2, p3 := r[first-1], at(first-2), at(first-3)
	pending := int32(-1)
	for i := first; i < len(r); i++ {
		c := r[i]
		if c == ' ' && drop(i, p1, p2, p3) {
			if pending < 0 {
				pending = start[i]
			}
		} else {
			st := start[i]
			if pending >= 0 {
				st, pending = pending, -1
			}
			r[w], start[w], end[w] = c, st, end[i]
			w++
		}
		p1, p2, p3 = c, p1, p2
	}
	return seq{r: r[:w], start: start[:w], end: end[:w]}
}

// yearDigit returns the ASCII digit of a digit of a year written in
// Chinese numerals, with the circle ○ that transcriptions use for zero
// (一九八○年), and whether c is one.
func yearDigit(c rune) (rune, bool) {
	switch c {
	case '〇', '○', '零':
		return '0', true
	case '一':
		return '1', true
	case '二':
		return '2', true
	case '三':
		return '3', true
	case '四':
		return '4', true
	case '五':
		return '5', true
	case '六':
		return '6', true
	case '七':
		return '7', true
	case '八':
		return '8', true
	case '九':
		return '9', true
	}
	return 0, false
}

// isYearZero reports whether c is a zero of a year in Chinese numerals.
func isYearZero(c rune) bool { return c == '〇' || c == '○' || c == '零' }

// foldChineseYears writes a year in Chinese digits with ASCII digits, one
// rune for one: 一九八二 is 1982, 一九八○ is 1980, 二〇〇八 is 2008. A year
// is a run of exactly four such digits starting 一九 or 二〇 (二○, 二零)
// with no other numeral (十百千万亿点) touching it; 两 may follow
// (一九八一、一九八二两年). An amount is never written digit by digit this
// way (一千九百八十二).
func foldChineseYears(s seq) seq {
	r := s.r
	numeral := func(i int) bool {
		if i < 0 || i >= len(r) {
			return false
		}
		_, ok := yearDigit(r[i])
		return ok || strings.ContainsRune("十百千万亿点", r[i])
	}
	for i := 0; i+4 <= len(r); i++ {
		c0, c1 := r[i], r[i+1]
		if c0 == '一' {
			if c1 != '九' {
				continue
			}
		} else if c0 != '二' || !isYearZero(c1) {
			continue
		}
		if numeral(i - 1) {
			continue
		}
		d2, ok2 := yearDigit(r[i+2])
		d3, ok3 := yearDigit(r[i+3])
		if !ok2 || !ok3 || numeral(i+4) {
			continue
		}
		d0, _ := yearDigit(c0)
		d1, _ := yearDigit(c1)
		r[i], r[i+1], r[i+2], r[i+3] = d0, d1, d2, d3
		i += 3
	}
	return s
}

// dropMarkdownEmphasis drops runs of two or more '*' or '_' (markdown bold
// and bold-italic markers "**", "__", "***"). A single '*' or '_' is kept.
// The runes between two runs dropped are moved down whole (see
// [seq.moveDown]), not one by one.
func dropMarkdownEmphasis(s seq) seq {
	r := s.r
	w := 0    // runes kept and moved into place
	kept := 0 // r[kept:i] are kept and not moved yet
	for i := nextMarker(r, 0); i < len(r); {
		c := r[i]
		j := i + 1
		for j < len(r) && r[j] == c {
			j++
		}
		if j-i > 1 {
			w = s.moveDown(w, kept, i)
			kept = j
		}
		i = nextMarker(r, j)
	}
	w = s.moveDown(w, kept, len(r))
	return seq{r: r[:w], start: s.start[:w], end: s.end[:w]}
}

// nextMarker returns the index of the first '*' or '_' of r at or after
// i, or len(r) if there is none.
func nextMarker(r []rune, i int) int {
	for k, c := range r[i:] {
		if c <= '_' && (c == '*' || c == '_') { // one test for the ideographs
			return i + k
		}
	}
	return len(r)
}

// moveDown copies runes [from, to) of s and their spans to index w <= from
// and returns the index past them.
func (s seq) moveDown(w, from, to int) int {
	if w != from {
		copy(s.r[w:], s.r[from:to])
		copy(s.start[w:], s.start[from:to])
		copy(s.end[w:], s.end[from:to])
	}
	return w + to - from
}

// isZeroWidth reports whether c is an invisible format character dropped
// from the view: they split numbers and words without showing ("6.5\u200b%").
func isZeroWidth(c rune) bool {
	switch c {
	case '\u00AD', // soft hyphen
		'\u200B', // zero width space
		'\u200C', // zero width non-joiner
		'\u200D', // zero width joiner
		'\u2060', // word joiner
		'\uFEFF': // zero width no-break space (a byte-order mark inside the text)
		return true
	}
	return false
}

// dropZeroWidth drops [isZeroWidth] characters. A line that holds nothing but
// them (a page-break marker of some web sources: "人\n\u200b\n民") is dropped
// with its line break, so that the break before it can be joined.
func dropZeroWidth(s seq) seq {
	if !s.has(isZeroWidth) {
		return s
	}
	b := inPlace(s)
	lineStart, dropped := true, false
	for i, c := range s.r {
		switch {
		case isZeroWidth(c):
			dropped = true
			continue
		case c == '\n':
			skip := lineStart && dropped && i > 0 && len(b.r) > 0 && b.r[len(b.r)-1] == '\n'
			lineStart, dropped = true, false
			if skip {
				continue
			}
		default:
			lineStart = false
		}
		b.keep(s, i)
	}
	return b.seq
}

// minWrappedLine is the shortest line (in cleaned runes) whose break may be
// a hard wrap; shorter lines are headings and keep their break.
const minWrappedLine = 30

// joinWrappedLines removes a "stray" line break: a single "\n" (with
// optional spaces or tabs before it) where
//
//   - the rune before it is a letter (including CJK) or a digit, not
//     punctuation,
//   - the line before it is at least [minWrappedLine] runes long,
//   - the rune right after it is not whitespace (an indented line or a blank
//     line starts a new paragraph),
//   - neither line starts like a heading ("三、", "（二）", "1.", "——", "第一章",
//     a bullet: see [isHeadingStart]), and
//   - the next line reads like the rest of a paragraph: it is itself at
//     least [minWrappedLine] runes long, it ends a sentence (。！？；…”), or
//     it starts with a digit (分别降低\n15%、15%). A short line that does
//     not is a name, a title, a salutation or page chrome
//     ("保定市人民政府市长 郭建英", "各位代表：", "电话：0312-…").
//
// A line ending in 、 is always joined to the next (an enumeration never
// ends a paragraph), whatever its length.
//
// That is a paragraph hard-wrapped in the middle of a sentence. The break and
// the spaces before it are dropped; between two ASCII letters it becomes one
// ' ' so that words stay apart.
func joinWrappedLines(s seq) seq {
	r, start, end := s.r, s.start, s.end
	w := 0         // runes kept, written over r from the first break joined on
	lineStart := 0 // index in the kept runes of the current line's first rune
	i := 0
	next := nextLine(r) // the line at i, up to its break
	for {
		// keep the line, then look at its break
		if w != i {
			copy(r[w:], next)
			copy(start[w:], start[i:i+len(next)])
			copy(end[w:], end[i:i+len(next)])
		}
		w += len(next)
		i += len(next)
		if i == len(r) {
			break
		}
		// r[i] is a "\n". Trailing spaces of the line are already kept;
		// look past them.
		j := w
		for j > lineStart && (r[j-1] == ' ' || r[j-1] == '\t') {
			j--
		}
		next = nextLine(r[i+1:])
		if isWrap(r[lineStart:j], next) {
			prev := r[j-1]
			w = j
			if isASCIILetter(prev) && isASCIILetter(next[0]) {
				r[w], start[w], end[w] = ' ', start[i], end[i]
				w++
			}
			i++
			continue
		}
		r[w], start[w], end[w] = r[i], start[i], end[i]
		w++
		i++
		lineStart = w
	}
	return seq{r: r[:w], start: start[:w], end: end[:w]}
}

// nextLine returns r up to its first line break.
func nextLine(r []rune) []rune {
	for i, c := range r {
		if c == '\n' {
			return r[:i]
		}
	}
	return r
}

// isWrap reports whether the break between line (trailing spaces removed)
// and next (the following line) is a hard wrap.
func isWrap(line, next []rune) bool {
	if len(line) == 0 || len(next) == 0 || unicode.IsSpace(next[0]) || isHeadingLine(line) || isHeadingStart(next) {
		return false
	}
	last := line[len(line)-1]
	if last == '、' {
		return true // an enumeration never ends a paragraph: "15%、15%、\n19%。"
	}
	if len(line) < minWrappedLine || !unicode.IsLetter(last) && !unicode.IsDigit(last) {
		return false
	}
	// a number carrying on the sentence: "分别降低\n15%、…"
	return len(next) >= minWrappedLine || strings.ContainsRune(sentenceEnd, next[len(next)-1]) || isDigit(next[0])
}

// isHeadingLine reports whether a line is a heading: it starts like one
// and holds no full sentence (a line that starts like a heading but holds
// one is a numbered paragraph: "（三）以绿色实现永续发展，…。…分别降低\n15%").
func isHeadingLine(line []rune) bool {
	return isHeadingStart(line) && !slices.Contains(line, '。')
}

// sentenceEnd is the punctuation that ends the last line of a paragraph.
const sentenceEnd = "。！？；…”.!?;"

// isHeadingStart reports whether a line starts like a heading or a list
// item: "三、", "（二）", "(2)", "1.", "2、", "第一章", "——" (folded to '-'), or
// a bullet.
func isHeadingStart(line []rune) bool {
	if len(line) == 0 {
		return false
	}
	c := line[0]
	switch {
	case strings.ContainsRune("-●○■□◆◇★☆•·▲►▶", c):
		return true
	case c == '（' || c == '(':
		n := countFunc(line[1:], isNumeral)
		return n > 0 && n+1 < len(line) && (line[n+1] == '）' || line[n+1] == ')')
	case c == '第':
		n := countFunc(line[1:], isNumeral)
		return n > 0 && n+1 < len(line) && strings.ContainsRune("章节部分篇条", line[n+1])
	case isNumeral(c):
		n := countFunc(line, isNumeral)
		if n >= len(line) {
			return false
		}
		d := line[n]
		return d == '、' || (d == '.' || d == '．') && n+1 < len(line) && !isDigit(line[n+1])
	}
	return false
}

// isNumeral reports whether c is an ASCII digit or a Chinese numeral used in
// headings.
func isNumeral(c rune) bool {
	return isDigit(c) || c == '十' || strings.ContainsRune(ChineseDigitClass, c)
}

func countFunc(r []rune, f func(rune) bool) int {
	n := 0
	for n < len(r) && f(r[n]) {
		n++
	}
	return n
}

func isASCIILetter(c rune) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
}

// blockTags are the HTML elements that separate paragraphs; stripHTML turns
// each of their tags into "\n".
var blockTags = map[string]bool{
	"address": true, "article": true, "aside": true, "blockquote": true,
	"br": true, "dd": true, "div": true, "dl": true, "dt": true,
	"figcaption": true, "figure": true, "footer": true, "form": true,
	"h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true,
	"header": true, "hr": true, "li": true, "main": true, "nav": true,
	"ol": true, "p": true, "pre": true, "section": true, "table": true,
	"tbody": true, "td": true, "tfoot": true, "th": true, "thead": true,
	"tr": true, "ul": true,
}

// maxEntity is the longest character reference (between '&' and ';') that
// stripHTML tries to decode.
const maxEntity = 32

// stripHTML drops tags and comments, the contents of <script> and <style>,
// page chrome (navigation, headers, footers, sidebars: see chrome.go),
// turns block-level tags into "\n" and decodes character references. A '<'
// or '&' that does not start a well-formed tag or reference is kept. A line
// break of the HTML source, with the spaces around it, is dropped (or is one
// ' ' between two ASCII words): in HTML, only block tags end paragraphs.
func stripHTML(s seq) seq {
	b := newBuilder(len(s.r))
	tags := tagScanner{r: s.r, missing: map[string]bool{}}
	for i := 0; i < len(s.r); {
		switch s.r[i] {
		case '<':
			if j, nl := tags.skip(i); j > i {
				if k := tags.chromeEnd(i, j); k > j {
					j, nl = k, true // page chrome, dropped whole (chrome.go)
				}
				if nl {
					b.add('\n', s.start[i], s.end[j-1])
				}
				i = j
				continue
			}
		case '&':
			if j, dec := decodeEntity(s.r, i); j > i {
				for _, c := range dec {
					b.add(c, s.start[i], s.end[j-1])
				}
				i = j
				continue
			}
		case ' ', '\t', '\n':
			if j, nl := sourceBreak(s.r, i); nl {
				// A line break in HTML source is only a space; paragraphs
				// come from block tags. Keep a space between ASCII words.
				if n := len(b.r); n > 0 && isASCIIAlnum(b.r[n-1]) && j < len(s.r) && isASCIIAlnum(s.r[j]) {
					b.add(' ', s.start[i], s.end[j-1])
				}
				i = j
				continue
			}
		}
		b.keep(s, i)
		i++
	}
	return b.seq
}

// sourceBreak reads the run of spaces, tabs and line breaks at r[i]. It
// returns the index just past it and whether it holds a line break.
func sourceBreak(r []rune, i int) (int, bool) {
	nl := false
	for ; i < len(r) && (r[i] == ' ' || r[i] == '\t' || r[i] == '\n'); i++ {
		nl = nl || r[i] == '\n'
	}
	return i, nl
}

func isASCIIAlnum(c rune) bool { return isASCIILetter(c) || isDigit(c) }

// tagScanner reads tags. It remembers the closing strings ("-->",
// "</script") it did not find, so that many unclosed comments cost one
// search, not one each.
type tagScanner struct {
	r       []rune
	missing map[string]bool
	// page chrome (chrome.go): elements whose end was not found, and the
	// index from which each searched tag is known to be missing
	chromeMisses  int
	chromeMissing map[string]int
}

// find returns the first index >= from of the lower-case ASCII string p in
// the text, ignoring case, or -1.
func (t *tagScanner) find(from int, p string) int {
	if t.missing[p] {
		return -1
	}
	k := indexFold(t.r, from, p)
	if k < 0 {
		t.missing[p] = true // not after from, so not after any later index
	}
	return k
}

// skip reads the tag, comment or script/style element starting at
// r[i] == '<'. It returns the index just past it (i if there is none) and
// whether it is a block-level tag.
func (t *tagScanner) skip(i int) (int, bool) {
	r := t.r
	if hasPrefixFold(r[i:], "<!--") {
		if k := t.find(i+4, "-->"); k >= 0 {
			return k + 3, false
		}
		return i, false
	}
	if i+1 >= len(r) {
		return i, false
	}
	c := r[i+1]
	if !(c == '/' || c == '!' || c == '?' || isASCIILetter(c)) {
		return i, false
	}
	end := -1
	for k := i + 1; k < len(r); k++ {
		if r[k] == '>' {
			end = k + 1
			break
		}
		if r[k] == '<' {
			break
		}
	}
	if end < 0 {
		return i, false
	}
	closing := c == '/'
	name := tagName(r[i+1 : end])
	if !closing && (name == "script" || name == "style") {
		if k := t.find(end, "</"+name); k >= 0 {
			for m := k; m < len(r); m++ {
				if r[m] == '>' {
					return m + 1, false
				}
			}
		}
		return end, false
	}
	return end, blockTags[name]
}

// tagName returns the lower-case element name of the tag body after '<'.
func tagName(body []rune) string {
	k := 0
	if k < len(body) && body[k] == '/' {
		k++
	}
	j := k
	for j < len(body) && (isASCIILetter(body[j]) || '0' <= body[j] && body[j] <= '9') {
		j++
	}
	return strings.ToLower(string(body[k:j]))
}

// decodeEntity decodes the character reference starting at r[i] == '&'. It
// returns the index just past the ';' and the decoded text, or i if there is
// no valid reference.
func decodeEntity(r []rune, i int) (int, string) {
	for j := i + 1; j < len(r) && j-i <= maxEntity+1; j++ {
		c := r[j]
		if c == ';' {
			if j == i+1 {
				return i, ""
			}
			ref := string(r[i : j+1])
			dec := html.UnescapeString(ref)
			// A full decode is one or two runes; anything longer is a
			// legacy entity decoded from a prefix ("&ampx;" -> "&x;").
			if dec == ref || utf8.RuneCountInString(dec) > 2 {
				return i, ""
			}
			return j + 1, dec
		}
		if !(c == '#' || isASCIILetter(c) || '0' <= c && c <= '9') {
			break
		}
	}
	return i, ""
}

// hasPrefixFold reports whether r starts with the ASCII string p, ignoring
// ASCII case.
func hasPrefixFold(r []rune, p string) bool {
	if len(r) < len(p) {
		return false
	}
	for k := 0; k < len(p); k++ {
		c := r[k]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != rune(p[k]) {
			return false
		}
	}
	return true
}

// indexFold returns the first index >= from where r has the lower-case ASCII
// string p (ignoring case), or -1.
func indexFold(r []rune, from int, p string) int {
	for k := from; k+len(p) <= len(r); k++ {
		if hasPrefixFold(r[k:], p) {
			return k
		}
	}
	return -1
}
