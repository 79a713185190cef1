package extract

// A large document is extracted a piece at a time, so that the memory of
// one document grows with its text and its facts only: the cleaned view
// (a rune and two offsets per code point), its sentences and the table of
// rune offsets are made for one chunk of about chunkBytes at a time.
// Chunks end where nothing of the extractor looks across: at a line break
// after a sentence's end (。！？； and closing marks), which cleaning never
// joins to the next line, or, in a text without such breaks, right after a
// 。 inside a long line. The facts of a document are then the same as when
// its text is extracted whole (TestChunksEqualWhole).

import (
	"strings"

	"github.com/gwrfacts/gwr/normalize"
	"unicode"
	"unicode/utf8"
)

// defaultChunkBytes is the size of text extracted at once: a report (tens
// to hundreds of KB) is one chunk.
const defaultChunkBytes = 1 << 20

// chunk is a piece [start, end) of a document's text, in bytes.
type chunk struct {
	start, end int
	base       int  // the code points of the text before start
	midLine    bool // start is inside a line, not after a line break
	hard       bool // start is a hard cut: no boundary was found (see cutAfter)
}

// chunksOf cuts text into chunks of size to 2*size bytes (the last one up
// to 1.5*size; a text of at most 1.5*size is one chunk). An HTML page is
// cut only at a paragraph break (htmlChunks), so its chunks may be longer.
func chunksOf(text string, size int, html bool) []chunk {
	if size <= 0 {
		size = defaultChunkBytes
	}
	if len(text) <= size+size/2 {
		return []chunk{{start: 0, end: len(text)}}
	}
	if html {
		return htmlChunks(text, size)
	}
	var out []chunk
	next := chunk{}
	for len(text)-next.start > size+size/2 {
		c := next
		var mid, hard bool
		c.end, mid, hard = cutAfter(text, c.start+size, min(c.start+2*size, len(text)-1))
		out = append(out, c)
		next = chunk{start: c.end, base: c.base + utf8.RuneCountInString(text[c.start:c.end]), midLine: mid, hard: hard}
	}
	next.end = len(text)
	return append(out, next)
}

// cutAfter returns the first boundary in text[from:to] (to < len(text)):
// after a line break that ends a sentence, else after a 。 inside a long
// line (mid), else a hard cut at to, moved back out of a number where one
// ends within 64 code points (mid and hard). Only a hard cut can change
// facts near it: a text without a sentence end in size bytes.
func cutAfter(text string, from, to int) (at int, mid, hard bool) {
	for p := from; p < to; p++ {
		if text[p-1] == '\n' && paragraphBoundary(text, p) {
			return p, false, false
		}
	}
	for p := from; p < to; p++ {
		if strings.HasPrefix(text[p-len("。"):], "。") && lineBoundary(text, p) {
			return p, true, false
		}
	}
	p := to
	for p > from && !utf8.RuneStart(text[p]) {
		p--
	}
	for q, n := p, 0; q > from && n < 64; n++ {
		before, w := utf8.DecodeLastRuneInString(text[:q])
		at, _ := utf8.DecodeRuneInString(text[q:])
		if !numberRune(before) && !numberRune(at) {
			return q, true, true
		}
		q -= w
	}
	return p, true, true
}

// htmlChunks cuts an HTML page at normalize.HTMLCuts: outside any markup,
// at a paragraph that starts after a sentence's end or a blank line, or
// after a 。 inside a long line (midLine), as cutAfter cuts a plain text.
// Cleaning a chunk gives the cleaned text of the whole page at its place.
func htmlChunks(text string, size int) []chunk {
	var out []chunk
	next := chunk{}
	for _, cut := range normalize.HTMLCuts(text, size) {
		c := next
		c.end = cut.At
		out = append(out, c)
		next = chunk{start: cut.At, base: c.base + utf8.RuneCountInString(text[c.start:cut.At]), midLine: cut.Mid}
	}
	next.end = len(text)
	return append(out, next)
}

// numberRune reports whether r may be part of a number: a digit, a point,
// a comma, a Chinese numeral.
func numberRune(r rune) bool {
	return '0' <= r && r <= '9' || r == '.' || r == ',' || isChineseNumeral(r)
}

// paragraphBoundary reports whether a chunk may start at p, just after a
// line break: the line before is blank, or ends with a sentence's end or a
// closing mark, which cleaning never joins to the next line
// (joinWrappedLines joins only after a letter, a digit or 、), and the next
// line starts (after an indent of spaces) with a character that no
// cleaning step reads together with what stands before the line break
// (startsAlone).
func paragraphBoundary(text string, p int) bool {
	k := p - 1 // the line break
	for k > 0 && (text[k-1] == ' ' || text[k-1] == '\t' || text[k-1] == '\r') {
		k--
	}
	last, _ := utf8.DecodeLastRuneInString(text[:k])
	if last != '\n' && !strings.ContainsRune(normalize.SentenceClose, last) {
		return false
	}
	return startsAlone(strings.TrimLeft(text[p:], " \t\u3000"))
}

// startsAlone reports whether the first character of text is one that
// cleaning reads the same whatever stands before it: a letter, a digit or
// punctuation other than '.' (not a space, a zero-width character or a
// control character, which the steps for spaced digits, zero-width lines
// and line breaks look at together with the character before).
func startsAlone(text string) bool {
	r, _ := utf8.DecodeRuneInString(text)
	return r != '.' && (unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsPunct(r))
}

// lineBoundary reports whether a chunk may start at p, just after a 。
// inside a line: the next character startsAlone, and the rest of the line
// holds another 。 and at least lineHan Chinese characters, so that for
// every step of cleaning it is a line like the whole line (long enough to
// be joined to the next, no heading; joinWrappedLines).
func lineBoundary(text string, p int) bool {
	if !startsAlone(text[p:]) {
		return false
	}
	han, end := 0, false
	for _, r := range text[p:] {
		switch {
		case r == '\n' || r == '\r':
			return false
		case r == '。':
			end = true
		case unicode.Is(unicode.Han, r):
			han++
		}
		if end && han >= lineHan {
			return true
		}
	}
	return false
}

// lineHan is how many Chinese characters the rest of a line cut inside
// must hold: twice the shortest line that cleaning joins to the next
// (normalize's minWrappedLine, 30 runes), and Chinese characters are never
// dropped by cleaning.
const lineHan = 60
