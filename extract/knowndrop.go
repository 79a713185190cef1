package extract

// A known drop: a position where the rules' outcome is known without
// calling regexp2, because whatever matches there is dropped when read.
//
// A dropped match lets the next position be tried (match), as if nothing
// had matched; so where every match the rules can make at a position is
// one read drops without claiming its span, the call into regexp2, the
// match it allocates and the reading of its groups can be skipped. The
// most common such position is a lone 一 or 零 before a measure word that
// only cn-point is left to try (一批, 零部件, 一个, 一场: a figure in
// Chinese numerals below 2, which implausible drops). TestKnownDrops
// checks every position the shortcut skips against regexp2 and read.

import (
	"strings"
	"unicode/utf8"

	"github.com/gwrfacts/gwr/normalize"
	"github.com/gwrfacts/gwr/schema"
)

// loneRule is the rule whose matches at a lone numeral below 2 are known
// drops, and loneRulePattern the short hash (patternSum) of the pattern
// the shortcut was written for: a changed rule gets no shortcut.
const (
	loneRule        = "cn-point"
	loneRulePattern = "91a964f623c8"
)

// keptBelowTwo holds the first characters of the units a figure in
// Chinese numerals below 2 may keep: a multiple or a share (一倍, 一成,
// 一%; implausible lets them be) and an age (一岁: read as a life
// expectancy when 寿命 comes before it).
var keptBelowTwo = func() string {
	var b strings.Builder
	for _, u := range normalize.BaseUnits {
		if u.Canonical == string(schema.Times) || u.Canonical == string(schema.Percent) || u.Text == "岁" {
			c, _ := utf8.DecodeRuneInString(u.Text)
			b.WriteRune(c)
		}
	}
	return b.String()
}()

// thresholdBeforeLast holds the last characters of the threshold words
// written before a number (超, 超过, 逾): a threshold may be a category's
// and claim its span (categoryThreshold).
const thresholdBeforeLast = "超过逾"

// loneBelowTwo reports whether the rules' outcome at position i of the
// window s is known to be no figure (see the top of the file): mask, what
// the gates leave to try there once the rules before the lone rule have
// failed, is the lone rule alone (rule is its index, -1 for none), at 一,
// 〇 or 零 not followed by another numeral, a decimal
// point, 多 or 余, so that the number of its match, if any, is that
// numeral alone, below 2; and its unit may not keep it (keptBelowTwo),
// nor a threshold word claim the span: none ends right before it, and no
// 以 (以上, 以下, 及以上…) is within a unit's length and two after it.
func loneBelowTwo(rule int, mask uint64, s []rune, i int) bool {
	if rule < 0 || mask != 1<<rule {
		return false
	}
	if c := s[i]; c != '一' && c != '〇' && c != '零' {
		return false
	}
	if i+1 == len(s) {
		return false
	}
	next := s[i+1]
	if isChineseNumeral(next) || strings.ContainsRune("点點多余", next) || strings.ContainsRune(keptBelowTwo, next) {
		return false
	}
	if i > 0 && strings.ContainsRune(thresholdBeforeLast, s[i-1]) {
		return false
	}
	for _, c := range s[i+1 : min(len(s), i+3+longestUnit)] {
		if c == '以' {
			return false
		}
	}
	return true
}

// longestUnit is the length, in code points, of the longest written unit
// a rule reads after a number.
var longestUnit = func() int {
	n := 0
	for _, u := range baseUnitTexts() {
		n = max(n, len([]rune(u)))
	}
	return n
}()
