package extract

import (
	"math/rand/v2"
	"regexp"
	"regexp/syntax"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// TestTrimEndChars checks comparisonLast and timeLast against the
// characters a match of trailingComparison and trailingTime can end with,
// and comparisonFirst against those a match of trailingComparison can
// start with, read from the patterns.
func TestTrimEndChars(t *testing.T) {
	for _, tt := range []struct {
		re          *regexp.Regexp
		first, last string // "" first: not checked
	}{{trailingComparison, comparisonFirst, comparisonLast}, {trailingTime, "", timeLast}} {
		re, err := syntax.Parse(tt.re.String(), syntax.Perl)
		if err != nil {
			t.Fatal(err)
		}
		re = re.Simplify()
		chars, empty := lastChars(re, false)
		if empty {
			t.Errorf("%s matches the empty string; want every match to end with a character", tt.re)
		}
		for _, r := range chars {
			if !strings.ContainsRune(tt.last, r) {
				t.Errorf("%s can end with %q, which %q lacks", tt.re, r, tt.last)
			}
		}
		if tt.first == "" {
			continue
		}
		chars, _ = lastChars(re, true)
		for _, r := range chars {
			if !strings.ContainsRune(tt.first, r) {
				t.Errorf("%s can start with %q, which %q lacks", tt.re, r, tt.first)
			}
		}
	}
}

// lastChars returns the characters a match of re can end with (with
// first, start with) and whether it can match the empty string (for the
// operators of the trim patterns; others fail the test).
func lastChars(re *syntax.Regexp, first bool) (chars []rune, empty bool) {
	switch re.Op {
	case syntax.OpLiteral:
		if first {
			return re.Rune[:1], false
		}
		return re.Rune[len(re.Rune)-1:], false
	case syntax.OpCharClass:
		for i := 0; i < len(re.Rune); i += 2 {
			for c := re.Rune[i]; c <= re.Rune[i+1]; c++ {
				chars = append(chars, c)
			}
		}
		return chars, false
	case syntax.OpEmptyMatch, syntax.OpBeginText, syntax.OpEndText, syntax.OpBeginLine, syntax.OpEndLine:
		return nil, true
	case syntax.OpCapture, syntax.OpPlus:
		return lastChars(re.Sub[0], first)
	case syntax.OpQuest, syntax.OpStar:
		c, _ := lastChars(re.Sub[0], first)
		return c, true
	case syntax.OpRepeat:
		c, e := lastChars(re.Sub[0], first)
		return c, e || re.Min == 0
	case syntax.OpAlternate:
		for _, sub := range re.Sub {
			c, e := lastChars(sub, first)
			chars, empty = append(chars, c...), empty || e
		}
		return chars, empty
	case syntax.OpConcat:
		for k := range re.Sub {
			i := len(re.Sub) - 1 - k
			if first {
				i = k
			}
			c, e := lastChars(re.Sub[i], first)
			chars = append(chars, c...)
			if !e {
				return chars, false
			}
		}
		return chars, true
	}
	panic("lastChars: operator " + re.Op.String() + " of " + re.String())
}

// TestTrimQuickTests checks that trimBounds' quick tests change nothing:
// with and without them, the same bounds for every piece of up to 16
// characters of the reports' and development texts' sentences, and for
// random strings of the characters the steps look for.
func TestTrimQuickTests(t *testing.T) {
	pieces := trimPieces(t)
	want := make([][2]int, len(pieces))
	trimQuick = false
	for i, p := range pieces {
		want[i][0], want[i][1] = trimBounds(p)
	}
	trimQuick = true
	bad := 0
	for i, p := range pieces {
		if lo, hi := trimBounds(p); [2]int{lo, hi} != want[i] && bad < 10 {
			bad++
			t.Errorf("trimBounds(%q) = %d, %d; want %d, %d (without the quick tests)", p, lo, hi, want[i][0], want[i][1])
		}
	}
}

// trimPieces returns every piece of up to 16 characters of the reports'
// and development texts' sentences (from every 7th character), and random
// strings of the characters the trim steps look for.
func trimPieces(t *testing.T) []string {
	var pieces []string
	for _, s := range sentencesOf(append(corpusDocs(t), devDocs(t)...)) {
		for i := 0; i < len(s); i += 7 {
			for n := 1; n <= 16 && i+n <= len(s); n++ {
				pieces = append(pieces, string(s[i:i+n]))
			}
		}
	}
	alphabet := []rune("较比是由从上去半同期年末底的在于到至今全当内来以间后一二三四五十0129（）()“”　 *等率额企业")
	rng := rand.New(rand.NewPCG(3, 4))
	for range 30000 {
		r := make([]rune, 1+rng.IntN(14))
		for i := range r {
			r[i] = alphabet[rng.IntN(len(alphabet))]
		}
		pieces = append(pieces, string(r))
	}
	return pieces
}

// TestIsComparison checks isComparison on written names and comparisons,
// and that its quick tests and anchored pattern give the answer of the
// unanchored trailingComparison (a match that starts at 0) on every piece
// of trimPieces and on whole sentences.
func TestIsComparison(t *testing.T) {
	for _, tt := range []struct {
		s    string
		want bool
	}{
		{"较年初", true}, {"比上年", true}, {"较2022年", true}, {"比“十二五”末", true},
		{"高于全国平均水平", true}, {"从每月", true}, {"较3年前", true},
		{"", false}, {"比", false}, {"地区生产总值比上年", false}, {"比上年增长", false}, {"较年初分别", false},
	} {
		if got := isComparison(tt.s); got != tt.want {
			t.Errorf("isComparison(%q) = %v, want %v", tt.s, got, tt.want)
		}
	}
	pieces := trimPieces(t)
	for _, s := range sentencesOf(append(corpusDocs(t), devDocs(t)...)) {
		pieces = append(pieces, string(s))
	}
	bad := 0
	for _, p := range pieces {
		loc := trailingComparison.FindStringIndex(p)
		want := loc != nil && loc[0] == 0
		if got := isComparison(p); got != want && bad < 10 {
			bad++
			t.Errorf("isComparison(%q) = %v, want %v (trailingComparison matching from 0)", p, got, want)
		}
	}
}

// TestLeadingTimeHolds checks what trimBounds assumes before it tries
// leadingTime: every match holds 年 or 月, or the 五 of a plan period.
func TestLeadingTimeHolds(t *testing.T) {
	texts := append(trimPieces(t), "十三五时期经济", "“十四五”期间", "连续3个月", "月底前", "今年年底前", "2025年末", "今后五年", "三年来")
	for _, s := range texts {
		if m := leadingTime.FindString(s); m != "" && !strings.ContainsAny(m, "年月五") {
			t.Errorf("leadingTime matches %q in %q, without 年, 月 or 五", m, s)
		}
	}
}

// TestTrimSpace checks trimSpace's quick answer for the characters above
// U+3000 against the definition, on every code point.
func TestTrimSpace(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if got, want := trimSpace(r), unicode.IsSpace(r) || r == '*'; got != want {
			t.Fatalf("trimSpace(%U) = %v; want %v", r, got, want)
		}
	}
}

// TestTrimBoundsEnds checks trimBounds on texts whose blanks, leading
// words and trailing words it cuts in one pass, where it reads the first
// and last characters once and again only after a cut (a leading word
// that is all of the text leaves none): the bounds the code gave when it
// decoded them at each step (checked then as well on every piece of
// TestTrimQuickTests).
func TestTrimBoundsEnds(t *testing.T) {
	for _, c := range []struct{ text, want string }{
		{"\u3000全年新增就业 ", "新增就业"},
		{"*城镇新增就业*", "城镇新增就业"},
		{" 年均 ", ""},
		{"年均", ""},
		{"实际", ""},
		{"年均实际", ""},
		{"比上年\u3000", ""},
		{"\u3000完成率", "完成率"},
		{"全年实现地区生产总值\u3000", "地区生产总值"},
		{"其中 ", ""},
		{" 累计完成投资", "投资"},
	} {
		if lo, hi := trimBounds(c.text); c.text[lo:hi] != c.want {
			t.Errorf("trimBounds(%q) keeps %q, want %q", c.text, c.text[lo:hi], c.want)
		}
	}
}

// TestTrimCharsOfRunes checks trimCharsOfRunes, which trim reads from a
// phrase's code points, against trimCharsOf of their string, on the pieces
// of TestTrimQuickTests and on random runs of the characters trimBounds
// looks for, others and code points that are no valid rune (which the
// string holds as U+FFFD).
func TestTrimCharsOfRunes(t *testing.T) {
	var runs [][]rune
	for _, p := range trimPieces(t) {
		runs = append(runs, []rune(p))
	}
	pieces := []rune("较比是由从高低快慢年月（(）)以增长a😀\uFFFD")
	pieces = append(pieces, 0xD800, utf8.MaxRune+1, -1)
	rng := rand.New(rand.NewPCG(17, 18))
	for range 20000 {
		var rs []rune
		for j := rng.IntN(10); j > 0; j-- {
			rs = append(rs, pieces[rng.IntN(len(pieces))])
		}
		runs = append(runs, rs)
	}
	found := 0
	for _, rs := range runs {
		got, want := trimCharsOfRunes(rs), trimCharsOf(string(rs))
		if got != want {
			t.Fatalf("trimCharsOfRunes(%q) = %b, want %b (trimCharsOf)", string(rs), got, want)
		}
		if got != 0 {
			found++
		}
	}
	if found == 0 {
		t.Error("no character found: the test would prove little")
	}
}
