package normalize

import "unicode/utf8"

// IsSentenceEnd reports whether r ends a sentence: 。！？； their ASCII
// forms !?; (some reports use them throughout), or a newline. The ASCII
// full stop is not one: it is also the decimal point. It is the one
// definition of a sentence end: the extractor's sentences and the
// evaluation's context both use it.
func IsSentenceEnd(r rune) bool {
	switch r {
	case '。', '！', '？', '；', '!', '?', ';', '\n':
		return true
	}
	return false
}

// IsClauseMark reports a mark that ends a clause: ，,、：: or a sentence
// end. Brackets do not: inside a sentence they hold part of a name
// (细颗粒物（PM2.5）平均浓度).
func IsClauseMark(r rune) bool {
	switch r {
	case '，', ',', '、', '：', ':':
		return true
	}
	return IsSentenceEnd(r)
}

// HeadingMaxRunes is the longest line still read as a heading.
const HeadingMaxRunes = 40

// IsHeading reports whether a line (without its line break or surrounding
// spaces) reads as a heading: at most HeadingMaxRunes code points, not
// ending like a sentence or a clause (。；，：). It is the one definition:
// corpus reads the plan year from headings, the extractor the section a
// heading opens.
func IsHeading(line []rune) bool {
	n := len(line)
	return n > 0 && n <= HeadingMaxRunes && !IsClauseMark(line[n-1])
}

// IsHeadingString is IsHeading of []rune(line), without converting: a
// line of more than 4*HeadingMaxRunes bytes has more code points than a
// heading may.
func IsHeadingString(line string) bool {
	if line == "" || len(line) > utf8.UTFMax*HeadingMaxRunes || utf8.RuneCountInString(line) > HeadingMaxRunes {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(line)
	return !IsClauseMark(r)
}
