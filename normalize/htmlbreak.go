package normalize

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// HTMLBreak is a place in an HTML page where a paragraph starts, as Clean
// with Options{HTML: true} reads the page (see HTMLBreaks).
type HTMLBreak struct {
	// At is the byte offset in the page of the first character of the
	// paragraph: a character of the text (not a tag, a reference or a
	// space), read at the top level of the page (outside any tag,
	// comment, script, style or page chrome).
	At int
	// Last is the last character of the cleaned text before the break
	// other than a space, a tab or a line break (0 at the start of the
	// page), before folding (see Clean's step 4).
	Last rune
	// Lines is the number of line breaks the cleaned text has after
	// Last: one for each block-level tag (or chrome element) read since;
	// at least 1. Between Last and At the cleaned text holds only these
	// line breaks, spaces and tabs, and ends with a line break.
	Lines int
	// Mid marks a break inside a line instead: At is just after a 。 of
	// the text (Last), and the rest of the line in the cleaned text holds
	// another 。 and at least midLineHan Chinese characters (Lines 0).
	Mid bool
}

// midLineHan is how many Chinese characters the rest of a line cut inside
// must hold: twice the shortest line that joinWrappedLines joins to the
// next (minWrappedLine runes), so that for every step of cleaning the rest
// is a line like the whole line.
const midLineHan = 60

// HTMLBreaks reads the page as Clean's HTML step does (tags, comments,
// scripts, styles, page chrome and character references, in the same
// order, over the bytes of the page instead of its code points) and calls
// yield at each HTMLBreak, in order, until yield returns false. Cleaning
// the page in pieces cut at breaks gives the cleaned text of the whole
// page, except for two things the caller must check: the steps after the
// HTML step that read across line breaks (joinWrappedLines joins a line
// that does not end a sentence to the next), and page chrome: HTMLBreaks
// returns false when the page has more page-chrome elements without an
// end than Clean takes for chrome (maxChromeMisses), as a piece read alone
// counts them anew; the page must then be read whole.
func HTMLBreaks(page string, yield func(HTMLBreak) bool) bool {
	t := byteTags{s: page, missing: map[string]bool{}}
	var last, emitted rune // the last solid rune and the last rune of the cleaned text
	lines := 0
	// breaks inside the current line after a 。, waiting for the rest of
	// the line to hold another 。 and midLineHan Chinese characters;
	// han and ends count those of the cleaned text so far
	type pending struct{ at, han, ends int }
	var waiting []pending
	han, ends := 0, 0
	stopped := false
	emit := func(c rune) {
		emitted = c
		switch c {
		case '\n':
			lines++
			waiting = waiting[:0]
		case ' ', '\t':
		default:
			last, lines = c, 0
			if c == '。' {
				ends++
			} else if unicode.Is(unicode.Han, c) {
				han++
			}
			for len(waiting) > 0 && !stopped && han-waiting[0].han >= midLineHan && ends > waiting[0].ends {
				stopped = !yield(HTMLBreak{At: waiting[0].at, Last: '。', Mid: true})
				waiting = waiting[1:]
			}
		}
	}
	for i := 0; i < len(page); {
		switch page[i] {
		case '<':
			if j, nl := t.skip(i); j > i {
				if k := t.chromeEnd(i, j); k > j {
					j, nl = k, true
				}
				if nl {
					emit('\n')
				}
				i = j
				continue
			}
		case '&':
			window := []rune(page[i:min(len(page), i+4*(maxEntity+2))])
			if j, dec := decodeEntity(window, 0); j > 0 {
				for _, c := range dec {
					emit(c)
				}
				i += j // a reference is ASCII: j runes are j bytes
				continue
			}
		case ' ', '\t', '\n', '\r':
			j, nl := i, false
			for ; j < len(page) && strings.IndexByte(" \t\n\r", page[j]) >= 0; j++ {
				nl = nl || page[j] == '\n' || page[j] == '\r'
			}
			if nl {
				if isASCIIAlnum(emitted) && j < len(page) && isASCIIAlnum(rune(page[j])) {
					emit(' ')
				}
				i = j
				continue
			}
		}
		c, w := utf8.DecodeRuneInString(page[i:])
		if emitted == '\n' && i > 0 && !yield(HTMLBreak{At: i, Last: last, Lines: lines}) {
			break
		}
		emit(c)
		if stopped {
			break
		}
		i += w
		if c == '。' && i < len(page) && page[i] != '&' && startsAlone(page[i:]) {
			waiting = append(waiting, pending{i, han, ends})
		}
	}
	return t.chromeMisses < maxChromeMisses
}

// HTMLCuts returns where to cut an HTML page into pieces of at least size
// bytes (the last one more than size/2; none for a page of at most
// 1.5*size), each cut at the first break (HTMLBreaks) after size bytes
// where nothing of cleaning reads across: outside any tag, comment,
// script, style, page chrome or character reference, at a character that
// is a letter, a digit or punctuation other than '.' (which no step reads
// together with what stands before it), and either where a paragraph
// starts, after a block-level tag (</p>, </div>, <br> ...) that Clean
// turns into a line break, the text before it ending with a blank line or
// with a sentence's end (SentenceClose, after which joinWrappedLines never
// joins a line to the next), or inside a long line just after a 。 (Mid),
// as extract cuts a plain text. Cleaning each piece then gives the cleaned
// text of the whole page at its place (TestHTMLCutsCleanAsWhole), and no
// sentence spans a cut. A page without such a break is one piece; so is a
// page with more unclosed page chrome than Clean counts (see HTMLBreaks).
func HTMLCuts(page string, size int) []HTMLBreak {
	if len(page) <= size+size/2 {
		return nil
	}
	var cuts []HTMLBreak
	from := 0
	ok := HTMLBreaks(page, func(b HTMLBreak) bool {
		if len(page)-b.At <= size/2 {
			return false
		}
		if b.At-from >= size && (b.Mid || b.Last != 0 && (b.Lines >= 2 || strings.ContainsRune(SentenceClose, b.Last)) && startsAlone(page[b.At:])) {
			cuts = append(cuts, b)
			from = b.At
		}
		return true
	})
	if !ok {
		return nil
	}
	return cuts
}

// SentenceClose are the characters that end a sentence or close one: a
// line ending with one is never joined to the next by Clean.
const SentenceClose = "。！？；：”’）》】"

// startsAlone reports whether the first character of text is a letter, a
// digit or punctuation other than '.': not a space, a zero-width or a
// control character, which the steps for spaced digits, zero-width lines
// and line breaks read together with the character before.
func startsAlone(text string) bool {
	r, _ := utf8.DecodeRuneInString(text)
	return r != '.' && (unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsPunct(r))
}

// CleanHTMLText returns the runes of Clean(page, Options{HTML: true}) as
// a string, cleaning the page in pieces of about size bytes (HTMLCuts), so
// that only one piece's view is alive at a time.
func CleanHTMLText(page string, size int) string {
	var b strings.Builder
	from := 0
	for _, cut := range append(HTMLCuts(page, size), HTMLBreak{At: len(page)}) {
		for _, r := range Clean(page[from:cut.At], Options{HTML: true}).Runes {
			b.WriteRune(r)
		}
		from = cut.At
	}
	return b.String()
}

// byteTags is tagScanner over the bytes of a page: every string it looks
// for is ASCII, which UTF-8 never holds inside a multi-byte character, so
// it finds what tagScanner finds at the same characters.
type byteTags struct {
	s             string
	missing       map[string]bool
	chromeMisses  int
	chromeMissing map[string]int
}

// find is tagScanner.find.
func (t *byteTags) find(from int, p string) int {
	if t.missing[p] {
		return -1
	}
	k := indexFoldString(t.s, from, p)
	if k < 0 {
		t.missing[p] = true
	}
	return k
}

// skip is tagScanner.skip.
func (t *byteTags) skip(i int) (int, bool) {
	s := t.s
	if hasPrefixFoldString(s[i:], "<!--") {
		if k := t.find(i+4, "-->"); k >= 0 {
			return k + 3, false
		}
		return i, false
	}
	if i+1 >= len(s) {
		return i, false
	}
	c := rune(s[i+1])
	if !(c == '/' || c == '!' || c == '?' || isASCIILetter(c)) {
		return i, false
	}
	end := -1
	for k := i + 1; k < len(s); k++ {
		if s[k] == '>' {
			end = k + 1
			break
		}
		if s[k] == '<' {
			break
		}
	}
	if end < 0 {
		return i, false
	}
	name := tagNameString(s[i+1 : end])
	if c != '/' && (name == "script" || name == "style") {
		if k := t.find(end, "</"+name); k >= 0 {
			if m := strings.IndexByte(s[k:], '>'); m >= 0 {
				return k + m + 1, false
			}
		}
		return end, false
	}
	return end, blockTags[name]
}

// chromeEnd is tagScanner.chromeEnd.
func (t *byteTags) chromeEnd(i, end int) int {
	s := t.s
	if s[i+1] == '/' || s[i+1] == '!' || s[i+1] == '?' || s[end-2] == '/' {
		return end
	}
	name := tagNameString(s[i+1 : end])
	if t.chromeMisses >= maxChromeMisses || !isChrome(name, []rune(s[i:end])) {
		return end
	}
	open, close := "<"+name, "</"+name
	depth := 1
	for k := end; k < len(s); {
		o := t.findTag(k, open)
		c := t.findTag(k, close)
		switch {
		case c < 0:
			t.chromeMisses++
			return end
		case o >= 0 && o < c:
			depth++
			k = o + len(open)
		default:
			depth--
			gt := c + len(close)
			for gt < len(s) && s[gt] != '>' {
				gt++
			}
			if depth == 0 {
				return min(gt+1, len(s))
			}
			k = gt
		}
	}
	t.chromeMisses++
	return end
}

// findTag is tagScanner.findTag.
func (t *byteTags) findTag(from int, p string) int {
	for {
		if m, ok := t.chromeMissing[p]; ok && from >= m {
			return -1
		}
		k := indexFoldString(t.s, from, p)
		if k < 0 {
			if t.chromeMissing == nil {
				t.chromeMissing = map[string]int{}
			}
			t.chromeMissing[p] = from
			return -1
		}
		if e := k + len(p); e >= len(t.s) || !isASCIILetter(rune(t.s[e])) && !isDigit(rune(t.s[e])) {
			return k
		}
		from = k + 1
	}
}

// tagNameString is tagName of a tag body held as a string.
func tagNameString(body string) string {
	k := 0
	if k < len(body) && body[k] == '/' {
		k++
	}
	j := k
	for j < len(body) && (isASCIILetter(rune(body[j])) || '0' <= body[j] && body[j] <= '9') {
		j++
	}
	return strings.ToLower(body[k:j])
}

// hasPrefixFoldString is hasPrefixFold of a string.
func hasPrefixFoldString(s, p string) bool {
	if len(s) < len(p) {
		return false
	}
	for k := 0; k < len(p); k++ {
		c := s[k]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != p[k] {
			return false
		}
	}
	return true
}

// indexFoldString is indexFold of a string.
func indexFoldString(s string, from int, p string) int {
	for k := from; k+len(p) <= len(s); k++ {
		if hasPrefixFoldString(s[k:], p) {
			return k
		}
	}
	return -1
}
