package normalize

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// The cleaning steps as they were before Clean read the text in one pass
// (fused decoding, line breaks, double dashes and folding) and before the
// steps below wrote in place: kept as the oracle of TestCleanMatchesSteps
// and FuzzClean, which check that the fused Clean gives the same runes and
// the same offset map on every input.

// refClean is Clean as a sequence of whole-text steps, each of which
// first looks whether it has anything to do.
func refClean(text string, opt Options) *View {
	s := fromText(text)
	n := len(s.r)
	s = normalizeNewlines(s)
	if opt.HTML {
		s = stripHTML(s)
	}
	s = collapseDoubleDash(s)
	s = foldRunes(s)
	s = refJoinSpacedDigits(s)
	s = refFoldChineseYears(s)
	s = refDropMarkdownEmphasis(s)
	s = dropZeroWidth(s)
	s = refJoinWrappedLines(s)
	return &View{Runes: s.r, start: s.start, end: s.end, n: n}
}

func refFoldChineseYears(s seq) seq {
	numeral := func(i int) bool {
		if i < 0 || i >= len(s.r) {
			return false
		}
		_, ok := yearDigits[s.r[i]]
		return ok || strings.ContainsRune("十百千万亿点", s.r[i])
	}
	for i := 0; i+4 <= len(s.r); i++ {
		c0, c1 := s.r[i], s.r[i+1]
		if !(c0 == '一' && c1 == '九' || c0 == '二' && yearDigits[c1] == '0') || numeral(i-1) {
			continue
		}
		ok := true
		for k := i + 2; k < i+4; k++ {
			if _, d := yearDigits[s.r[k]]; !d {
				ok = false
			}
		}
		if !ok || numeral(i+4) {
			continue
		}
		for k := i; k < i+4; k++ {
			s.r[k] = yearDigits[s.r[k]]
		}
		i += 3
	}
	return s
}

func refDropMarkdownEmphasis(s seq) seq {
	if !s.has(func(c rune) bool { return c == '*' || c == '_' }) {
		return s
	}
	b := inPlace(s)
	for i := 0; i < len(s.r); {
		c := s.r[i]
		if c == '*' || c == '_' {
			j := i
			for j < len(s.r) && s.r[j] == c {
				j++
			}
			if j-i == 1 {
				b.keep(s, i)
			}
			i = j
			continue
		}
		b.keep(s, i)
		i++
	}
	return b.seq
}

func refJoinWrappedLines(s seq) seq {
	b := inPlace(s)
	lineStart := 0 // index in b.r of the current line's first rune
	for i := 0; i < len(s.r); i++ {
		if s.r[i] != '\n' {
			b.keep(s, i)
			continue
		}
		// Trailing spaces of the line are already in b; look past them.
		j := len(b.r)
		for j > lineStart && (b.r[j-1] == ' ' || b.r[j-1] == '\t') {
			j--
		}
		if isWrap(b.r[lineStart:j], nextLine(s.r[i+1:])) {
			prev, next := b.r[j-1], s.r[i+1]
			b.r, b.start, b.end = b.r[:j], b.start[:j], b.end[:j]
			if isASCIILetter(prev) && isASCIILetter(next) {
				b.add(' ', s.start[i], s.end[i])
			}
			continue
		}
		b.keep(s, i)
		lineStart = len(b.r)
	}
	return b.seq
}

// yearDigits are the digits of a year written in Chinese numerals, as
// refFoldChineseYears read them.
var yearDigits = map[rune]rune{
	'〇': '0', '○': '0', '零': '0', '一': '1', '二': '2', '三': '3', '四': '4',
	'五': '5', '六': '6', '七': '7', '八': '8', '九': '9',
}

// cleanCases are short texts for each step and for the steps meeting:
// line breaks inside double dashes, markdown around spaced digits, years
// next to numerals, zero-width characters in markers, wraps after each.
var cleanCases = []string{
	"", "\r", "\r\n", "\n\r", "a\r\r\nb", "——", "―――", "—―", "3——5", "—\r\n—",
	"1 9 9 7 年", "8 ．8 ％", "6.5 %", "1 **9", "**1 9**", "*_*", "__x__", "***",
	"一九八二年", "一九八○年", "二〇〇八", "二零二三两年", "十一九八二", "一九八二万", "一九 八二",
	"6.5\u200b%", "*\u200b*", "人\n\u200b\n民", "\ufeff\ufeff",
	"\xff\xfe—\x80—", "a\xe2\x80", "\u3000１２３．５％", "ＡＢＣ～",
	strings.Repeat("经济社会发展取得显著成效经济社会发展", 2) + "\n继续推进各项工作取得新成效。\n",
	strings.Repeat("word ", 8) + "\nnext " + strings.Repeat("word ", 8) + "\n",
	strings.Repeat("增长", 16) + "、\n19%。", strings.Repeat("增长", 16) + "\n15%、15%\n\n",
	strings.Repeat("增长", 16) + "  \t\n" + strings.Repeat("继续", 16) + "\n",
	"<p>&mdash;&mdash;一九八二&nbsp;1 9 9 7</p>\n<br>**x**",
	// readText's short paths: ASCII and CJK runs, three-byte sequences
	// decoded in place (lead bytes E1-EC, EE, EF) and those left to the
	// utf8 package (E0, ED, two- and four-byte sequences, invalid bytes)
	"GDP增长6.5%，一般公共预算收入12.3亿元。\r\n各位代表：",
	"一九九八年\r\n二零零八年，二〇二三 年，2 0 2 3年",
	"\ufeff各位代表：\r\n\ufeff\u3000\u3000１２．５％，ＧＤＰ增长\uff15\uff0e\uff15\uff05",
	"\u0800\u0fff\ud7ff\u1000\uc000\ue000\uf8ff\uffef\ufffd\uffff·×é𠮷😀",
	"\xed\xa0\x80\xe0\x80\x80\xe4\xb8\xe4a\xe4\xb8a\xef\xbc\x91\xf0\x9f\x98",
	"中\xe4\xb8", "中\xe4", "\xe4\xb8\xad\xe4\xb8", "—\xe2\x80", "——\xe2\x80\x94",
	"1\u30002\u3000.5 ％　％", "**一九**八二", "二\u3007\u3007八", "_\uff3f__",
	// GB18030 text, decoded: its two- and four-byte characters
	"\u00a4\u00a7\u00a8\u00b0\u00b1\u2116\u2160\u2170\u2460\u3001\u3002\u300a\u300b\u3105\ue5e5\U00020000\u20ac",
}

// checkSameClean fails unless Clean(text) and refClean(text) are equal,
// runes and map.
func checkSameClean(t *testing.T, name, text string, opt Options) {
	t.Helper()
	got, want := Clean(text, opt), refClean(text, opt)
	switch {
	case string(got.Runes) != string(want.Runes):
		t.Fatalf("%s (HTML %v): Clean gives %q, the steps one by one %q", name, opt.HTML, short(got.Runes), short(want.Runes))
	case !slices.Equal(got.start, want.start) || !slices.Equal(got.end, want.end):
		t.Fatalf("%s (HTML %v): Clean's offset map differs from the steps' one by one", name, opt.HTML)
	case got.n != want.n:
		t.Fatalf("%s (HTML %v): Clean's length %d, the steps' %d", name, opt.HTML, got.n, want.n)
	case got.ValidUTF8() != utf8.ValidString(text):
		t.Fatalf("%s (HTML %v): ValidUTF8 %v, utf8.ValidString %v", name, opt.HTML, got.ValidUTF8(), utf8.ValidString(text))
	}
}

func short(r []rune) string {
	if len(r) > 80 {
		return string(r[:80]) + "…"
	}
	return string(r)
}

// TestCleanMatchesSteps checks that Clean gives the runes and offsets of
// the cleaning steps applied one by one on short cases and on every text
// of the repository's corpora.
func TestCleanMatchesSteps(t *testing.T) {
	for i, text := range cleanCases {
		for _, html := range []bool{false, true} {
			checkSameClean(t, "case "+string(rune('A'+i)), text, Options{HTML: html})
		}
	}
	var files []string
	for _, pattern := range []string{"testdata/*.txt", "../corpus/*.txt", "../corpus/testdata/extra/*", "../corpus/testdata/national/*", "../golden/dev/texts/*"} {
		m, err := filepath.Glob(pattern)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, m...)
	}
	if len(files) < 80 {
		t.Fatalf("found %d texts; want at least 80", len(files))
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, html := range []bool{false, true} {
			checkSameClean(t, f, string(data), Options{HTML: html})
		}
	}
}

func refJoinSpacedDigits(s seq) seq {
	drop := func(i int) bool {
		if s.r[i] != ' ' || i == 0 || i+1 == len(s.r) {
			return false
		}
		l, r := s.r[i-1], s.r[i+1]
		if !isDigit(l) && l != '.' || i >= 2 && isDigit(s.r[i-2]) {
			return false
		}
		if i >= 3 && s.r[i-2] == '.' && s.r[i-3] != ' ' {
			return false // "6.5 %": an ordinary decimal
		}
		switch {
		case isDigit(r):
			return i+2 == len(s.r) || !isDigit(s.r[i+2])
		case r == '.':
			return i+2 < len(s.r) && isDigit(s.r[i+2])
		}
		return r == '%' || r == '‰' || unicode.Is(unicode.Han, r)
	}
	found := false
	for i := range s.r {
		if drop(i) {
			found = true
			break
		}
	}
	if !found {
		return s
	}
	b := newBuilder(len(s.r))
	pending := int32(-1)
	for i := range s.r {
		if drop(i) {
			if pending < 0 {
				pending = s.start[i]
			}
			continue
		}
		start := s.start[i]
		if pending >= 0 {
			start, pending = pending, -1
		}
		b.add(s.r[i], start, s.end[i])
	}
	return b.seq
}

// TestFoldRuneTable checks foldRune's table against folding each rune.
func TestFoldRuneTable(t *testing.T) {
	for c := rune(0); c <= unicode.MaxRune; c++ {
		if got, want := foldRune(c), foldRuneSlow(c); got != want {
			t.Fatalf("foldRune(%U) = %U, want %U", c, got, want)
		}
	}
}
