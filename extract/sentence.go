package extract

import (
	"unicode"

	"github.com/gwrfacts/gwr/normalize"
)

// span is a half-open range [start, end) of code points.
type span struct{ start, end int }

// sentence is one sentence of the cleaned view. heading is set for a short
// line without closing punctuation: a section title.
type sentence struct {
	span
	heading bool
}

// maxSentence bounds a sentence: longer runs (a 5 MB line without
// punctuation) are cut at a clause mark or, failing that, hard, so the
// segmenter and the rules never see unbounded input.
const maxSentence = 600

// isSentenceEnd is normalize.IsSentenceEnd, the one definition.
func isSentenceEnd(r rune) bool { return normalize.IsSentenceEnd(r) }

// isClauseMark is normalize.IsClauseMark, read from the class table: the
// scans for a clause's bounds ask it of every character they pass.
func isClauseMark(r rune) bool { return classOf(r)&clauseMarkClass != 0 }

// splitSentences cuts text into sentences ending after 。！？； or at a line
// break. Leading and trailing spaces are not part of a sentence.
func splitSentences(text []rune) []sentence {
	var out []sentence
	start := 0
	for i, r := range text {
		if isHan(r) {
			continue // a CJK ideograph, most of the text, ends no sentence
		}
		if isSentenceEnd(r) {
			out = appendSentence(out, text, start, i+1)
			start = i + 1
		}
	}
	return appendSentence(out, text, start, len(text))
}

func appendSentence(out []sentence, text []rune, s, e int) []sentence {
	for s < e && unicode.IsSpace(text[s]) {
		s++
	}
	for e > s && unicode.IsSpace(text[e-1]) {
		e--
	}
	for e-s > maxSentence {
		out = append(out, sentence{span: span{s, capAt(text, s)}})
		s = out[len(out)-1].end
	}
	if e > s {
		heading := normalize.IsHeading(text[s:e]) && wholeLine(text, s, e)
		out = append(out, sentence{span: span{s, e}, heading: heading})
	}
	return out
}

// capAt returns where to end a sentence of more than maxSentence code
// points starting at s: after the last clause mark in its second half; else
// before the last number that starts within windowMargin of the cap (so
// that the cut never splits a number from its multiplier, unit or bound
// words: 123456万元 stays whole), when that leaves half a sentence; else at
// the cap.
func capAt(text []rune, s int) int {
	cut := s + maxSentence
	for i := cut; i > s+maxSentence/2; i-- {
		if isClauseMark(text[i-1]) && !(text[i-1] == ',' && i < len(text) && isDigit(text[i]) && isDigit(text[i-2])) {
			return i // not in the thousands comma of 1,234
		}
	}
	for i := cut; i > cut-windowMargin && i > s+maxSentence/2; i-- {
		if !inNumber(text, i-1) {
			continue
		}
		j := i - 1 // the start of the run of digits and numerals holding i-1
		for j > s+maxSentence/2 && inNumber(text, j-1) {
			j--
		}
		if j > s+maxSentence/2 {
			return j
		}
		break
	}
	return cut
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' }

// inNumber reports whether text[i] is part of a number: a digit, a
// decimal point or thousands comma, a Chinese numeral.
func inNumber(text []rune, i int) bool {
	r := text[i]
	return r >= '0' && r <= '9' || r == '.' || r == ',' || isChineseNumeral(r)
}

// wholeLine reports whether [s,e) is a line of its own, spaces aside.
func wholeLine(text []rune, s, e int) bool {
	for i := s - 1; i >= 0 && text[i] != '\n'; i-- {
		if !unicode.IsSpace(text[i]) {
			return false
		}
	}
	for i := e; i < len(text) && text[i] != '\n'; i++ {
		if !unicode.IsSpace(text[i]) {
			return false
		}
	}
	return true
}

// inBookTitle reports whether the line [s,e) is part of a book title
// broken over lines, as some sources print them (…通过的《\n中共中央关于
// 制定…的建议\n》，提出了…; 》和《): the name inside (the text before it
// ends with 《, or the text after it starts with 》) or a line that closes
// or opens one. Such a line is no heading of the report.
func inBookTitle(text []rune, s, e int) bool {
	if e > s && (text[s] == '》' || text[e-1] == '《') {
		return true
	}
	i := s - 1
	for i >= 0 && unicode.IsSpace(text[i]) {
		i--
	}
	j := e
	for j < len(text) && unicode.IsSpace(text[j]) {
		j++
	}
	return i >= 0 && text[i] == '《' || j < len(text) && text[j] == '》'
}
