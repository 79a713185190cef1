package extract

// Trimming an indicator: scope, hedge, time and connective words off its ends.

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// leadingTime matches a time phrase at the start of an indicator: 三年内,
// 到2027年, 2025年, 今后五年.
var leadingTime = regexp.MustCompile(`^(?:到|至|在)?(?:(?:19|20)\d\d年(?:底|末)?|[\d一二两三四五六七八九十]+年(?:内|来|间)?|今后[\d一二两三四五]+年)`)

// leadingTimeFirst holds every character a match of leadingTime can
// start with (TestLeadingTimeFirst checks it against the pattern).
const leadingTimeFirst = "到至在0123456789一二两三四五六七八九十今"

// trailingComparison matches a comparison at the end of an indicator:
// 较2022年, 比上年, 较上半年同期, 是2022年的.
var trailingComparison = regexp.MustCompile(`(?:较|比|是)(?:上年|去年|上半年|同期|(?:19|20)\d\d年)(?:同期|的)?$`)

// trimIndicator drops scope, hedge, time and connective words from both
// ends, and quote marks left unbalanced by the cut.
func trimIndicator(s string) string {
	for changed := true; changed; {
		changed = false
		// the regexps run only when their first or key characters are there
		if r, _ := utf8.DecodeRuneInString(s); strings.ContainsRune(leadingTimeFirst, r) {
			if loc := leadingTime.FindStringIndex(s); loc != nil && loc[1] > 0 {
				s, changed = s[loc[1]:], true
			}
		}
		if strings.ContainsAny(s, "较比是") {
			if loc := trailingComparison.FindStringIndex(s); loc != nil && loc[0] > 0 {
				s, changed = s[:loc[0]], true
			}
		}
		if strings.HasPrefix(s, "“") && !strings.Contains(s, "”") {
			s, changed = strings.TrimPrefix(s, "“"), true
		}
		if strings.HasSuffix(s, "”") && !strings.Contains(s, "“") {
			s, changed = strings.TrimSuffix(s, "”"), true
		}
		s = strings.TrimFunc(s, func(r rune) bool { return unicode.IsSpace(r) || r == '*' })
		// the lists are walked only when s starts (ends) with a character
		// one of their words starts (ends) with: no word can match otherwise
		if r, _ := utf8.DecodeRuneInString(s); trimPrefixFirst[r] {
			for _, p := range trimPrefixes {
				if strings.HasPrefix(s, p) {
					s, changed = s[len(p):], true
				}
			}
		}
		if r, _ := utf8.DecodeLastRuneInString(s); trimSuffixLast[r] {
			for _, p := range trimSuffixes {
				if strings.HasSuffix(s, p) {
					s, changed = s[:len(s)-len(p)], true
				}
			}
		}
	}
	return s
}

// trimPrefixFirst and trimSuffixLast hold the first characters of
// trimPrefixes and the last ones of trimSuffixes.
var trimPrefixFirst, trimSuffixLast = func() (map[rune]bool, map[rune]bool) {
	first, last := map[rune]bool{}, map[rune]bool{}
	for _, p := range trimPrefixes {
		r, _ := utf8.DecodeRuneInString(p)
		first[r] = true
	}
	for _, p := range trimSuffixes {
		r, _ := utf8.DecodeLastRuneInString(p)
		last[r] = true
	}
	return first, last
}()
