package extract

// Trimming an indicator: scope, hedge, time and connective words off its ends.

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// leadingTime matches a time phrase at the start of an indicator: 三年内,
// 到2027年, 2025年, 今后五年, 连续五年, 年底前, and a plan period as a span
// (“十三五”时期经济年均增长, 十四五期间).
var leadingTime = regexp.MustCompile(`^(?:到|至|在)?(?:(?:19|20)\d\d年(?:底|末)?|[\d一二两三四五六七八九十]+年(?:内|来|间)?|今后[\d一二两三四五]+年|连续[\d一二两三四五六七八九十]+(?:年|个月)|(?:今年)?(?:年底|年末|年内|月底)前|“?十[一二三四五六七八九]五”?(?:时期|期间))`)

// leadingTimeFirst holds every character a match of leadingTime can
// start with (TestLeadingTimeFirst checks it against the pattern).
const leadingTimeFirst = "到至在0123456789一二两三四五六七八九十今连年月“"

// leadingSince matches a span opened by an event at the start of an
// indicator, up to its 以来 (长江十年禁渔以来重庆段监测鱼类: the span the
// figure covers, no part of the name); the phrase holds no clause mark.
var leadingSince = regexp.MustCompile(`^[^，。；：、]{1,12}?以来`)

// trailingComparison matches a comparison at the end of an indicator:
// 较2022年, 比上年, 较上半年同期, 是2022年的, 较年初, 比“十二五”末, and the
// start of a change: 由1997年, 从2007年末的, 由“十二五”末的, 从每月, and a
// comparison with a wider area: 高于全国平均水平, and with an earlier
// span: 比前五年, 较3年前, 从疫情前的.
var trailingComparison = regexp.MustCompile(`(?:(?:较|比|是)(?:上年|去年|上半年|上月|年初|同期|(?:19|20)\d\d年|[一二三四五六七八九〇零○]{4}年|` + planPeriod + `)(?:同期|末|底)?(?:的)?|(?:由|从)(?:(?:19|20)\d\d年(?:底|末)?|上年|去年|年初|` + planPeriod + `|人均|(?:每[人户生])?每[月年天日]|每[人户生])(?:的)?|(?:高于|低于|快于|慢于)(?:全国|全省|全市|全区|全县)(?:平均水平|平均)?|(?:较|比|由|从)(?:前[\d一二两三四五六七八九十]+年|[\d一二两三四五六七八九十]+年前|疫情前)(?:的)?)$`)

// planPeriod matches the end of a five-year plan period used as the base
// of a comparison: “十二五”末, 十三五期末.
const planPeriod = `“?十[一二三四五六七八九]五”?(?:末|期末)`

// trailingTime matches a time at the end of an indicator: 工农业总产值在
// 1957年(达到), 收入全年, 就业率去年底, and a span: 单位GDP能耗五年(下降),
// 中央财政连续三年, a streak of months: 工业投资连续54个月(保持两位数增长).
var trailingTime = regexp.MustCompile(`(?:在|于|到|至)?(?:(?:19|20)\d\d年(?:底|末)?|(?:今年|去年|上年)(?:底|末)?|全年|当年|(?:连续|前)?[\d一二两三四五六七八九十]+年|连续[\d一二两三四五六七八九十]+个月)$`)

// trimIndicator drops scope, hedge, time and connective words from both
// ends, and quote marks left unbalanced by the cut.
func trimIndicator(s string) string {
	lo, hi := trimBounds(s)
	return s[lo:hi]
}

// trimBounds returns the byte bounds in s of what trimIndicator keeps: it
// only ever cuts from the ends, so an indicator's span stays a span.
func trimBounds(full string) (lo, hi int) {
	return trimBoundsWith(full, trimCharsOf(full))
}

// trimBoundsWith is trimBounds(full) for has, trimCharsOf(full): which of
// the characters the steps look for are in full at all. A step whose
// characters are not there cannot apply to any part of it.
func trimBoundsWith(full string, has int) (lo, hi int) {
	lo, hi = 0, len(full)
	if !trimQuick {
		has = ^0
	}
	for changed := true; changed; {
		changed = false
		s := full[lo:hi]
		lo0, hi0 := lo, hi
		first, _ := decodeFirst(s)
		// the regexps run only when their first or key characters are there
		// (every match of leadingTime holds 年 or 月, or the 五 of 十三五)
		if classOf(first)&leadingTimeFirstClass != 0 && (has&trimYear != 0 || strings.Contains(s, "五")) {
			if loc := leadingTime.FindStringIndex(s); loc != nil && loc[1] > 0 {
				lo, changed = lo+loc[1], true
				s = full[lo:hi]
			}
		}
		if has&trimSince != 0 && strings.Contains(s, "以来") {
			if loc := leadingSince.FindStringIndex(s); loc != nil && loc[1] < len(s) {
				lo, changed = lo+loc[1], true
				s = full[lo:hi]
			}
		}
		// a match of trailingComparison (trailingTime) ends with one of
		// comparisonLast (timeLast)
		if has&trimComparison != 0 && (!trimQuick || endsWithAny(s, comparisonLasts)) && strings.ContainsAny(s, comparisonFirst) {
			if k := trailingComparisonStart(s); k > 0 {
				hi, changed = lo+k, true
				s = full[lo:hi]
			}
		}
		if has&trimYear != 0 && (!trimQuick || endsWithAny(s, timeLasts)) && strings.ContainsAny(s, "年月") {
			if loc := trailingTime.FindStringIndex(s); loc != nil && loc[0] > 0 {
				hi, changed = lo+loc[0], true
				s = full[lo:hi]
			}
		}
		if strings.HasPrefix(s, "“") && !strings.Contains(s, "”") {
			lo, changed = lo+len("“"), true
			s = full[lo:hi]
		}
		if strings.HasSuffix(s, "”") && !strings.Contains(s, "“") {
			hi, changed = hi-len("”"), true
			s = full[lo:hi]
		}
		// a bracket left open or closed by the cut: 县城（城市 -> 县城, 段）市政路 -> 市政路
		if i := lastIndexAnyIf(has&trimOpen != 0, s, "（("); i >= 0 && !strings.ContainsAny(s[i:], "）)") {
			hi, changed = lo+i, true
			s = full[lo:hi]
		}
		if i := indexAnyIf(has&trimClose != 0, s, "）)"); i >= 0 && !strings.ContainsAny(s[:i], "（(") {
			_, n := utf8.DecodeRuneInString(s[i:])
			lo, changed = lo+i+n, true
			s = full[lo:hi]
		}
		// the first and last characters of s, decoded again only when s
		// changes
		if lo != lo0 || hi != hi0 {
			first, _ = decodeFirst(s)
		}
		last, _ := decodeLast(s)
		if trimSpace(first) || trimSpace(last) {
			t := strings.TrimLeftFunc(s, trimSpace)
			lo += len(s) - len(t)
			hi = lo + len(strings.TrimRightFunc(t, trimSpace))
			s = full[lo:hi]
			first, _ = decodeFirst(s)
			last, _ = decodeLast(s)
		}
		// only the words that start (end) with the character s starts
		// (ends) with are tried: no other word can match
		for _, p := range trimPrefixesByFirst.of(first) {
			// a cut never leaves a head alone: 完成率 is no 率
			if strings.HasPrefix(s, p) && !loneHead(s[len(p):]) {
				lo, changed = lo+len(p), true
				s = full[lo:hi]
				// (RuneError if the word was all of s)
				last, _ = decodeLast(s)
				break // the next pass tries the longest words first again
			}
		}
		for _, p := range trimSuffixesByLast.of(last) {
			if strings.HasSuffix(s, p) && !loneHead(s[:len(s)-len(p)]) {
				hi, changed = hi-len(p), true
				s = full[lo:hi]
				break // 年均实际: 实际, then 年均 (not 均)
			}
		}
	}
	return lo, hi
}

// trailingComparisonStart returns where the match of trailingComparison
// in s starts, or -1. Every match starts with a character of
// comparisonFirst and runs to the end of s: the pattern anchored at both
// ends (comparisonWhole) is tried from each of those characters in turn,
// left to right, and the first it matches from is the leftmost match,
// where the unanchored pattern tries every position of s.
func trailingComparisonStart(s string) int {
	if !trimQuick {
		if loc := trailingComparison.FindStringIndex(s); loc != nil {
			return loc[0]
		}
		return -1
	}
	for at, _, n := comparisonFirsts.seek(s, 0); at < len(s); at, _, n = comparisonFirsts.seek(s, at+n) {
		if comparisonWhole.MatchString(s[at:]) {
			return at
		}
	}
	return -1
}

// trimSpace reports the characters trimBounds cuts off both ends: blanks
// (isSpace, which answers most characters without unicode.IsSpace's table
// search) and the * of a footnote.
func trimSpace(r rune) bool { return isSpace(r) || r == '*' }

// trimQuick turns on trimBounds' quick tests (trimCharsOf, endsWithAny,
// trailingComparisonStart's anchored tries): false only in
// TestTrimQuickTests, which checks that they change nothing.
var trimQuick = true

// The characters trimBounds looks for, as bits of trimCharsOf.
const (
	trimComparison = 1 << iota // 较比是由从高低快慢
	trimYear                   // 年月
	trimOpen                   // （(
	trimClose                  // ）)
	trimSince                  // 以 (of 以来)
)

// trimCharsOf returns the bits of the characters trimBounds looks for
// that s holds, in one pass.
func trimCharsOf(s string) int {
	has := 0
	// (most characters: one bit read instead of the switch)
	for at, r, n := trimChars.seek(s, 0); at < len(s); at, r, n = trimChars.seek(s, at+n) {
		has |= trimCharBit(r)
	}
	return has
}

// trimCharsOfRunes is trimCharsOf(string(rs)), from the code points: no
// decoding (a code point that is no valid rune, which the string would
// hold as U+FFFD, is none of the characters either way).
func trimCharsOfRunes(rs []rune) int {
	has := 0
	for _, r := range rs {
		if trimChars.has(r) {
			has |= trimCharBit(r)
		}
	}
	return has
}

// trimCharBit returns the bit of trimCharsOf that r sets, or 0.
func trimCharBit(r rune) int {
	switch r {
	case '较', '比', '是', '由', '从', '高', '低', '快', '慢':
		return trimComparison
	case '年', '月':
		return trimYear
	case '（', '(':
		return trimOpen
	case '）', ')':
		return trimClose
	case '以':
		return trimSince
	}
	return 0
}

// trimChars holds the characters trimCharsOf looks for.
var trimChars = runeSetOf("较比是由从高低快慢年月（(）)以")

// comparisonLast and timeLast are the characters a match of
// trailingComparison and of trailingTime can end with (TestTrimEndChars
// checks them and comparisonFirst against the patterns).
const (
	comparisonFirst = "较比是由从高低快慢" // the characters a match of trailingComparison starts with
	comparisonLast  = "年期末底的初月国省市区县平均天日人户生前"
	timeLast        = "年末底月"
)

// comparisonFirsts, comparisonLasts and timeLasts hold the characters of
// comparisonFirst, comparisonLast and timeLast: one bit read instead of a
// search of the string (nameable and trimBounds ask every name).
var comparisonFirsts, comparisonLasts, timeLasts = runeSetOf(comparisonFirst), runeSetOf(comparisonLast), runeSetOf(timeLast)

// endsWithAny reports whether s ends with one of the characters of set.
func endsWithAny(s string, set *runeSet) bool {
	r, n := decodeLast(s)
	return n > 0 && set.has(r)
}

// lastIndexAnyIf is strings.LastIndexAny(s, chars) when s may hold one of
// chars, else -1; indexAnyIf the same for strings.IndexAny.
func lastIndexAnyIf(may bool, s, chars string) int {
	if !may {
		return -1
	}
	return strings.LastIndexAny(s, chars)
}

func indexAnyIf(may bool, s, chars string) int {
	if !may {
		return -1
	}
	return strings.IndexAny(s, chars)
}

// trimPrefixesByFirst holds the words of trimPrefixes by their first
// character, trimSuffixesByLast those of trimSuffixes by their last, each
// list in the order of the whole list (longest first).
var trimPrefixesByFirst, trimSuffixesByLast = func() (*wordsByRune, *wordsByRune) {
	first, last := &wordsByRune{words: map[rune][]string{}}, &wordsByRune{words: map[rune][]string{}}
	for _, p := range trimPrefixes {
		r, _ := utf8.DecodeRuneInString(p)
		first.add(r, p)
	}
	for _, p := range trimSuffixes {
		r, _ := utf8.DecodeLastRuneInString(p)
		last.add(r, p)
	}
	return first, last
}()

// wordsByRune holds words by one of their characters, with the set of
// those characters: most characters are ruled out without a map look-up.
type wordsByRune struct {
	set   runeSet
	words map[rune][]string
}

func (w *wordsByRune) add(r rune, word string) {
	w.set.add(r)
	w.words[r] = append(w.words[r], word)
}

// of returns the words held by r, in the order they were added.
func (w *wordsByRune) of(r rune) []string {
	if !w.set.has(r) {
		return nil
	}
	return w.words[r]
}

// loneHead reports whether s is one character that ends the name of a
// rate, amount or ratio (率, 额, 量): a cut that would leave it alone keeps
// the word before it (完成率, 总额).
func loneHead(s string) bool {
	return oneRune(s) && strings.Contains("率量数额值比度", s)
}
