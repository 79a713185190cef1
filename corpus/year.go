package corpus

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/gwrfacts/gwr/normalize"
)

// yearPat matches a year written with Arabic or Chinese digits:
// 2023, ２０２３, 二〇二三, 二0三五.
const yearPat = `([0-9０-９〇○零一二三四五六七八九]{4})`

// dateWords are the literals of a date: yearPat + 年 + monthDay.
var dateWords = []string{"年", "月", "日"}

// monthDay matches "1月5日" and "一月五日", capturing the month.
const monthDay = `\s*([0-9]{1,2}|[一二三四五六七八九十]{1,3})月\s*(?:[0-9]{1,2}|[一二三四五六七八九十]{1,3})日`

func mustCompile(expr string) *regexp.Regexp { return regexp.MustCompile(expr) }

var (
	// sessionDate: "2023年1月5日在淄川区第十九届人民代表大会", at most 40
	// characters between the date and the congress.
	sessionDate = []cue{
		{Key: "人民代表大会", Before: 200, Re: mustCompile(yearPat + `年` + monthDay + `[^。]{0,40}人民代表大会$`), Need: dateWords},
		{Key: "人大", Before: 200, Re: mustCompile(yearPat + `年` + monthDay + `[^。]{0,40}人大$`), Need: dateWords},
	}
	// reviewHeading: a heading that reviews year Y.
	reviewHeading = []pattern{
		{Re: mustCompile(yearPat + `年[^，,。；]{0,8}?回顾`), Need: []string{"年", "回顾"}},
		{Re: mustCompile(`回望` + yearPat)},
	}
	// planHeading: a heading that plans year Y.
	planHeading = []pattern{
		{Re: mustCompile(yearPat + `年的?(?:重点工作|主要任务|工作任务|工作安排|工作要点)`), Need: []string{"年"}},
		{Re: mustCompile(yearPat + `年的?(?:经济社会发展|政府工作|工作)[^，,。；]{0,6}?(?:总体要求|预期目标|主要目标|安排|任务|建议|要点)`), Need: []string{"年"}},
		{Re: mustCompile(`展望` + yearPat)},
	}
	// openingYear: a paragraph that opens with "2024年，".
	openingYear = mustCompile(`^` + yearPat + `年[，,]`)
	// titleYear: "2021年保定市政府工作报告", "高唐县2023年政府工作报告".
	titleYear = cue{Key: "政府工作报告", Before: 60, After: len("政府工作报告"),
		Re: mustCompile(yearPat + `年[^，,。；\s]{0,12}?(?:人民)?政府工作报告`), Need: []string{"年"}}
	// pubDate: "发布时间：2023-01-12", "刊发日期:2022-01-30".
	pubDate = []cue{
		{Key: "时间", Before: 6, After: 20, Re: mustCompile(`(?:发布|刊发|添加|发表|发文|出版)时间[\s：:]*([0-9]{4})[-/年.]`)},
		{Key: "日期", Before: 6, After: 20, Re: mustCompile(`(?:发布|刊发|添加|发表|发文|出版)日期[\s：:]*([0-9]{4})[-/年.]`)},
	}
)

// inferYear returns the plan year; see InferMeta for the order of rules.
func inferYear(text string) int {
	if m := firstMatch(text, sessionDate); m != nil {
		if y := parseYear(m[1]); y != 0 {
			if parseSmallNumber(m[2]) == 12 {
				return y + 1 // a December session plans the next year
			}
			return y
		}
	}
	opening := 0
	for line := range strings.Lines(text) {
		line = strings.TrimFunc(line, isBlank)
		if opening == 0 && mayOpenWithYear(line) {
			if m := openingYear.FindStringSubmatch(line); m != nil {
				opening = parseYear(m[1])
			}
		}
		if !normalize.IsHeadingString(line) {
			continue
		}
		for _, p := range reviewHeading {
			if m := p.find(line); m != nil {
				if y := parseYear(m[1]); y != 0 {
					return y + 1
				}
			}
		}
		for _, p := range planHeading {
			if m := p.find(line); m != nil {
				if y := parseYear(m[1]); y != 0 {
					return y
				}
			}
		}
	}
	if m := titleYear.match(text); m != nil {
		if y := parseYear(m[1]); y != 0 {
			return y
		}
	}
	if opening != 0 {
		return opening
	}
	if m := firstMatch(text, pubDate); m != nil {
		return parseYear(m[1])
	}
	return 0
}

// mayOpenWithYear reports whether line holds 年 where openingYear would
// need it, after four digits of one to three bytes each: a cheap test
// that spares running the pattern on almost every line.
func mayOpenWithYear(line string) bool {
	return strings.Contains(line[:min(len(line), 4*len("〇")+len("年"))], "年")
}

// parseYear reads a four-digit year in Arabic, full-width or Chinese
// digits; it returns 0 for anything outside 1949–2100.
func parseYear(s string) int {
	y := 0
	for _, r := range s {
		d := digitValue(r)
		if d < 0 {
			return 0
		}
		y = y*10 + d
	}
	if y < 1949 || y > 2100 {
		return 0
	}
	return y
}

// parseSmallNumber reads a month number, "12" or "十二"; 0 if not one.
func parseSmallNumber(s string) int {
	if n, err := strconv.Atoi(s); err == nil {
		return n
	}
	n := 0
	for _, r := range s {
		switch d := digitValue(r); {
		case r == '十':
			if n == 0 {
				n = 1
			}
			n *= 10
		case d > 0:
			n += d
		default:
			return 0
		}
	}
	return n
}

// digitValue is the value of a single digit character (Arabic, full-width
// or Chinese, normalize.ChineseDigit), or -1.
func digitValue(r rune) int {
	switch {
	case r >= '0' && r <= '9':
		return int(r - '0')
	case r >= '０' && r <= '９':
		return int(r - '０')
	}
	if d, ok := normalize.ChineseDigit(r); ok && r != '两' {
		return d
	}
	return -1
}

func isNumeral(r rune) bool {
	return digitValue(r) >= 0 || r == '十'
}
