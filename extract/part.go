package extract

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/gwrfacts/gwr/schema"
)

// A report has two parts (SPEC section 6): it first reviews the past,
// whatever its headings say, and its plan part starts where the text turns
// to this year's work: a heading that plans (二、2025年工作安排, 今后五年…) or
// a sentence that opens the year (今年是…, 2025年是…, 今年经济社会发展的主要
// 预期目标是…, 做好今年工作…). layout finds that turn; the time of each
// figure starts from its part and is then overridden by what its own
// sentence says (timeOf).

// layout is what the structure of a report says about time.
type layout struct {
	turns    bool // the text turns to the plan part, at plan
	plan     pos  // the sentence that starts the plan part
	planOrig int  // its offset (code points) in the document text
	// spanYears is the number of years the review part covers when it
	// reviews several (过去五年: 5); 0 for a review of one year.
	spanYears int
	// planSpan: the plan part opens with the targets of the five-year plan
	// period the plan year begins (“十四五”时期主要目标任务), which have no
	// single year.
	planSpan bool
}

// pos is where a sentence is: its chunk of the document (chunk.go) and
// its index among the chunk's sentences.
type pos struct{ chunk, sent int }

// before reports whether p comes before q in the text.
func (p pos) before(q pos) bool {
	return p.chunk < q.chunk || p.chunk == q.chunk && p.sent < q.sent
}

// layoutScan reads the sentences of a report, in order, for its turn to
// the plan part and the span of its review. It needs no more than the
// sentence at hand and the first salutationReach ones.
type layoutScan struct {
	planYear int
	// the first sentences, until the start of the report proper is known
	first []layoutSentence
	start int // the index in first where the report proper starts
	begun bool
	lay   layout // lay.turns: the turn is found, later sentences change nothing
	// headed: the first heading of the report proper has been read (it
	// alone gives the review part its span)
	headed bool
	// periodReview: a heading that holds both the review of the five-year
	// period just ended and the new period's targets has been read
	// (二、“十三五”时期主要成就和“十四五”时期主要目标任务): the plan part
	// starts where the text turns to the targets, not at the heading
	periodReview bool
	// topReview: the report proper opened with a numbered heading of the
	// review part (一、2025年工作回顾)
	topReview bool
	// topUnsure: that heading says neither; its first sentence decides
	topUnsure bool
}

// achievedWords in a report's first heading say what was achieved.
var achievedWords = []string{"取得", "新进展", "新成效", "新成就", "新步伐", "新台阶", "新突破", "迈出", "跃上", "成效显著"}

// headingLevel returns 1 for a heading numbered 一、, 2 for one numbered
// （一）, 0 for any other.
func headingLevel(h string) int {
	h = strings.TrimLeftFunc(h, unicode.IsSpace)
	switch {
	case topHeadingRe.MatchString(h):
		return 1
	case subHeadingRe.MatchString(h):
		return 2
	}
	return 0
}

var (
	topHeadingRe = regexp.MustCompile(`^[一二三四五六七八九十]{1,3}[、.．]`)
	subHeadingRe = regexp.MustCompile(`^[（(][一二三四五六七八九十]{1,3}[）)]`)
)

// namesPlanYear reports whether a heading names the plan year (2026年,
// 今年) or the five-year period that holds it.
func namesPlanYear(h string, planYear int) bool {
	if strings.Contains(h, "今年") || planYear > 0 && strings.Contains(h, strconv.Itoa(planYear)+"年") {
		return true
	}
	_, current := periodsIn(h, planYear)
	return current
}

// layoutSentence is a sentence as layoutScan reads it: its text, and
// the text as a string once a question needs it (most sentences of a
// review are only asked mayTurn, which reads the runes).
type layoutSentence struct {
	at      pos
	text    []rune
	str     string // string(text), once makeStr has run
	heading bool
	orig    int // its offset (code points) in the document text
}

// makeStr sets s.str to the sentence's text.
func (s *layoutSentence) makeStr() {
	if s.str == "" {
		s.str = string(s.text) // an empty text stays "" at no cost
	}
}

// salutationReach is how many sentences may stand before the report
// proper's salutation (各位代表：): the title, the session line, page chrome.
const salutationReach = 40

// add reads the next sentence of the report.
func (l *layoutScan) add(s layoutSentence) {
	if l.lay.turns {
		return
	}
	if l.begun {
		l.step(s)
		return
	}
	// the report proper starts at its salutation (各位代表：); before it
	// stand the title, the session line and page chrome (a page's summary
	// of the report may name 各位代表 before its title: the salutation,
	// with its colon, is preferred)
	i := len(l.first)
	l.first = append(l.first, s) // (its string made when step reads it: most hold no salutation)
	if k := indexRunes(s.text, "各位代表"); k >= 0 {
		if rest := trimLeftRunes(s.text[k+utf8.RuneCountInString("各位代表"):], "、同志们 "); len(rest) > 0 && (rest[0] == '：' || rest[0] == ':') {
			l.start = i
			l.begin()
			return
		} else if l.start == 0 {
			l.start = i
		}
	}
	if len(l.first) == salutationReach {
		l.begin()
	}
}

// begin reads the sentences held back from the start of the report proper.
func (l *layoutScan) begin() {
	l.begun = true
	first := l.first[l.start:]
	l.first = nil
	for _, s := range first {
		l.step(s)
	}
}

func (l *layoutScan) step(s layoutSentence) {
	if l.lay.turns {
		return
	}
	if !s.heading && !l.topUnsure && !l.periodReview && !mayTurn(s.text, l.planYear) {
		return // of the questions below, only isTurn reads this sentence, and it is false
	}
	s.makeStr()
	if s.heading && (strings.Contains(s.str, "报告") && !reportSaysRe.MatchString(s.str) || sessionLine(s.str)) {
		return // a title (2018年政府工作报告) or the session line (——2023年1月8日在…会议上)
	}
	if s.heading && reviewsPeriod(s.str, l.planYear) {
		l.periodReview = true
		return
	}
	if s.heading {
		switch level := headingLevel(s.str); {
		case level == 2 && l.topReview && !namesPlanYear(s.str, l.planYear):
			// a section of the review part (（五）持续加强政府自身建设) turns by
			// naming the plan year only, not by a plan word
			return
		case level == 1 && l.topReview && !l.periodReview && classifyHeading(s.str, l.planYear) == sectionNone && !spanHeading(s.str, l.planYear):
			// the next part of a report whose first part reviewed
			// (一、一年接着一年干，…取得新进展; 二、一张蓝图绘到底，…): the plan part
			l.lay.turns, l.lay.plan, l.lay.planOrig = true, s.at, s.orig
			l.lay.planSpan = plansPeriod(s.str, l.planYear)
			return
		case level == 1 && !l.headed:
			l.topReview = classifyHeading(s.str, l.planYear) == sectionReview || reviewSpan(s.str, l.planYear) > 0
			l.topUnsure = !l.topReview && classifyHeading(s.str, l.planYear) == sectionNone && hasAny(s.str, achievedWords)
		}
	} else if l.topUnsure {
		// a first part headed by what was achieved, in neither review nor
		// plan words (一、一年接着一年干，…取得新进展新成效), reviews when its
		// text opens with a past year (2025年是…, 一年来，…)
		l.topReview, l.topUnsure = paragraphYear(s.str, l.planYear) > 0, false
	}
	if isTurn(s.str, s.heading, l.planYear) || l.periodReview && !s.heading && periodTurn(s.str, l.planYear) {
		l.lay.turns, l.lay.plan, l.lay.planOrig = true, s.at, s.orig
		l.lay.planSpan = l.periodReview && !s.heading || s.heading && plansPeriod(s.str, l.planYear)
		return
	}
	if s.heading && !l.headed {
		l.headed = true
		l.lay.spanYears = reviewSpan(s.str, l.planYear)
	}
}

// result returns the layout once every sentence (or every one up to the
// turn) has been read.
func (l *layoutScan) result() layout {
	if !l.begun {
		l.begin()
	}
	if !l.lay.turns {
		return layout{} // no turn: no review part either
	}
	return l.lay
}

// reportSaysRe matches a news piece's line that reports what the report
// says (报告指出，今年政府工作的总体要求是): no title, though it names 报告.
var reportSaysRe = regexp.MustCompile(`^报告(?:指出|提出|强调|要求)`)

// sessionLineRe matches the line naming the session a report was
// delivered at, and its date: ——2023年1月8日在高唐县第十八届人民代表大会
// 第二次会议上. It names the plan year but plans nothing.
var sessionLineRe = regexp.MustCompile(`\d{1,2}\s*月\s*\d{1,2}\s*日|人民代表大会|人大.{0,6}次会议|会议上`)

// sessionLine reports whether sessionLineRe matches h. Each of its
// branches holds 月, 人 or 会议上, which most headings lack: the
// regexp, unanchored, would try a match at every code point of them.
func sessionLine(h string) bool {
	return (strings.Contains(h, "月") || strings.Contains(h, "人") || strings.Contains(h, "会议上")) && sessionLineRe.MatchString(h)
}

// turnRe matches the opening of a sentence that turns to the plan year
// (Y stands for the plan year, replaced before matching): 今年是…, 今年我国将…,
// 今年经济社会发展的主要预期目标是…; in a news piece, after 报告指出，.
var turnRe = regexp.MustCompile(`^(?:各位代表[，,！!]?)?(?:报告(?:指出|提出|强调|要求)[，,：:]?)?(?:` +
	`(?:今年|Y年)(?:是|，|,)|` +
	`(?:今年|Y年)(?:我国|全[省市县区国州旗盟]|我[省市县区])?(?:将|要)|` +
	`(?:综合考虑[^，。]*[，,])?(?:今年|Y年)(?:全[省市县区国州旗盟镇]|我[省市县区])?(?:的)?(?:经济社会发展|国民经济和社会发展|政府工作|各项工作|工作)(?:的)?(?:主要)?(?:预期)?(?:目标|总体要求|主要任务|重点|总体部署|安排)|` +
	`(?:今年|Y年)(?:的)?主要(?:预期)?目标|` +
	`做好今年|今后五年|未来五年|新的一年|展望Y|` +
	`(?:根据|按照)[^，。]*[，,]今年(?:工作的)?(?:总体要求|要)` +
	`)`)

// isTurn reports whether a sentence (or heading) starts the plan part.
func isTurn(s string, heading bool, planYear int) bool {
	s = strings.TrimLeftFunc(s, unicode.IsSpace)
	if heading {
		return classifyHeading(s, planYear) == sectionPlan
	}
	y := "今年" // without a plan year only 今年 counts
	if planYear > 0 {
		y = strconv.Itoa(planYear)
	}
	loc := turnRe.FindStringIndex(strings.ReplaceAll(s, y+"年", "Y年"))
	if loc == nil {
		// 展望Y without 年
		return planYear > 0 && strings.HasPrefix(s, "展望"+y)
	}
	return true
}

// mayTurn is false for a sentence s (not a heading) of which
// isTurn(string(s), false, planYear) is false: turnRe matches at the start
// of the text only, after blanks, where after 各位代表 and 报告指出 (each
// optional, with its optional mark) one of turnOpenings or the plan year
// must begin, as must 展望 for the plan year alone. It reads the runes
// without making the sentence a string, and is false for most sentences
// of a review (TestMayTurn).
func mayTurn(s []rune, planYear int) bool {
	for len(s) > 0 && unicode.IsSpace(s[0]) {
		s = s[1:]
	}
	var afterBuf [3][]rune
	after := append(afterBuf[:0], s) // where the third group of turnRe may start
	if r, ok := cutRunes(s, "各位代表"); ok {
		after = append(after, r)
		if len(r) > 0 && strings.ContainsRune("，,！!", r[0]) {
			after = append(after, r[1:])
		}
	}
	for _, a := range after {
		if r, ok := cutRunes(a, "报告"); ok {
			for _, v := range []string{"指出", "提出", "强调", "要求"} {
				if r, ok := cutRunes(r, v); ok {
					if len(r) > 0 && strings.ContainsRune("，,：:", r[0]) && opensTurn(r[1:], planYear) {
						return true
					}
					if opensTurn(r, planYear) {
						return true
					}
				}
			}
		}
		if opensTurn(a, planYear) {
			return true
		}
	}
	return false
}

// turnOpenings are the words one of which starts turnRe's third group
// (Y年 and the plan year's 2026年 aside): 今年是…, 综合考虑…，今年…,
// 展望“十五五”, 根据…，今年….
var turnOpenings = []string{"今年", "Y年", "综合考虑", "做好今年", "今后五年", "未来五年", "新的一年", "展望", "根据", "按照"}

// turnOpeningFirsts are the first code points of turnOpenings: most
// sentences start with none of them, and opensTurn then tries no word.
var turnOpeningFirsts = func() (out []rune) {
	for _, w := range turnOpenings {
		if r, _ := utf8.DecodeRuneInString(w); !slices.Contains(out, r) {
			out = append(out, r)
		}
	}
	return out
}()

// opensTurn reports whether s starts with a word of turnOpenings or with
// the plan year's 年.
func opensTurn(s []rune, planYear int) bool {
	if len(s) == 0 {
		return false
	}
	if slices.Contains(turnOpeningFirsts, s[0]) {
		for _, w := range turnOpenings {
			if _, ok := cutRunes(s, w); ok {
				return true
			}
		}
	}
	if planYear > 0 && '0' <= s[0] && s[0] <= '9' {
		var buf [20]byte
		y := strconv.AppendInt(buf[:0], int64(planYear), 10)
		if len(s) <= len(y) || s[len(y)] != '年' {
			return false
		}
		for i, b := range y {
			if s[i] != rune(b) {
				return false
			}
		}
		return true
	}
	return false
}

// cutRunes returns s after the prefix word, and whether s starts with it.
// A word whose first code point is of three bytes (every Chinese one) is
// told apart by that code point first, read without ranging over the word
// (threeAt): most texts do not start with it.
func cutRunes(s []rune, word string) ([]rune, bool) {
	if r := threeAt(word, 0); r >= 0 && (len(s) == 0 || s[0] != r) {
		return s, false
	}
	i := 0
	for _, r := range word {
		if i >= len(s) || s[i] != r {
			return s, false
		}
		i++
	}
	return s[i:], true
}

// indexRunes returns the index of the first word in s, or -1: the
// strings.Index of string(s), in code points, without making the string.
func indexRunes(s []rune, word string) int {
	first, _ := utf8.DecodeRuneInString(word)
	for i, r := range s {
		if r == first && hasPrefixAt(s, i, word) {
			return i
		}
	}
	return -1
}

// trimLeftRunes returns s without the leading code points of cutset, as
// strings.TrimLeft does to string(s).
func trimLeftRunes(s []rune, cutset string) []rune {
	for len(s) > 0 && strings.ContainsRune(cutset, s[0]) {
		s = s[1:]
	}
	return s
}

// reviewSpan returns how many years a review heading covers: 5 for 过去五年,
// 五年来, “十三五”时期 …; 0 for a heading of one year (it names a single year
// before the plan year, or none of these words).
func reviewSpan(h string, planYear int) int {
	if !hasAny(h, spanHeadingWords) {
		return 0
	}
	if m := yearRe.FindStringSubmatchIndex(h); m != nil {
		if y, _ := strconv.Atoi(h[m[2]:m[3]]); y == planYear-1 && !hasAny(h[:m[0]], spanHeadingWords) {
			return 0 // 2020年工作回顾和“十三五”时期发展成就: the year's review comes first
		}
	}
	return 5
}

// periods are the five-year plan periods: a name and its first and last
// years. 九五 and 十五 count only in quotes, where no numeral (第十五届,
// 十五五) can hold them; the longer names come first.
var periods = []struct {
	name        string
	first, last int
}{{"十一五", 2006, 2010}, {"十二五", 2011, 2015}, {"十三五", 2016, 2020}, {"十四五", 2021, 2025}, {"十五五", 2026, 2030},
	{"“九五”", 1996, 2000}, {"“十五”", 2001, 2005}}

// periodsIn returns the periods named in s: whether one ended before the
// plan year (past) and whether one holds the plan year (current).
func periodsIn(s string, planYear int) (past, current bool) {
	if planYear <= 0 || !strings.Contains(s, "五") {
		return false, false
	}
	for _, p := range periods {
		if strings.Contains(s, p.name) {
			s = strings.ReplaceAll(s, p.name, "")
			past = past || p.last < planYear
			current = current || p.first <= planYear && planYear <= p.last
		}
	}
	return past, current
}

// reviewsPeriod reports whether a heading that plans also reviews the
// five-year period just ended: 二、“十三五”时期主要成就和“十四五”时期主要目标任务
// in a report for 2021.
func reviewsPeriod(h string, planYear int) bool {
	past, _ := periodsIn(h, planYear)
	return past && hasAny(h, periodReviewWords) && classifyHeading(h, planYear) == sectionPlan
}

// spanHeading reports whether a heading reviews the five-year period
// that ended before the plan year (“十三五”时期主要成就…, “十五”期间…主要
// 情况, 过去五年工作回顾), not the year before the plan year first
// (2020年工作回顾和“十三五”时期发展成就).
func spanHeading(h string, planYear int) bool {
	if hasAny(h, []string{"过去五年", "五年来", "过去的五年"}) || thisWasTheFiveRe.MatchString(h) {
		return true
	}
	past, _ := periodsIn(h, planYear)
	return past && hasAny(h, periodReviewWords) && reviewSpan(h, planYear) > 0
}

// thisWasTheFiveRe matches a heading of a period's review that sums up
// the five years: 这是经济实力持续提升的五年, ——这是…的五年.
var thisWasTheFiveRe = regexp.MustCompile(`^(?:——)?这是[^，。！；]{0,30}的五年`)

// periodReviewWords name what a period achieved, in a heading.
var periodReviewWords = []string{"成就", "回顾", "成绩", "情况", "总结"}

// plansPeriod reports whether a plan heading is about the new five-year
// period as a whole (二、“十三五”时期主要目标任务和重大举措), not about the
// plan year (三、2016年重点工作).
func plansPeriod(h string, planYear int) bool {
	_, current := periodsIn(h, planYear)
	return current && !strings.Contains(h, strconv.Itoa(planYear)+"年") && !hasAny(h, periodStartWords)
}

// periodStartWords in a heading that names the new five-year period make
// it about the plan year: 今年, 推动“十五五”开好局、起好步.
var periodStartWords = []string{"今年", "开好局", "起好步", "开局之年", "开门红"}

// periodTurnRe matches a sentence that turns from the review of the
// five-year period just ended to the new period's targets: one that opens
// with 根据《中共中央关于制定…第十三个五年规划的建议》 (国务院根据《…》),
// “十四五”时期，…, 今后五年…, or names the plan outline or its targets
// (…纲要（草案）, 主要目标).
// U+E000 stands for the name of the period that holds the plan year.
var periodTurnRe = regexp.MustCompile(`^(?:各位代表[，,！!]?)?(?:` +
	`[^，。《]{0,12}(?:根据|按照|依据|贯彻落实)[^，。]{0,12}《[^》]*(?:规划|计划)[^》]*》|` +
	`(?:展望|到|在)?“?\x{E000}”?(?:规划)?(?:时期|期间|是|，|,|末)|展望“?\x{E000}|今后五年|未来五年)|` +
	`纲要（草案）|(?:规划|计划)纲要|主要目标|预期目标|目标任务`)

// periodTurn reports whether a sentence turns to the targets of the period
// that holds the plan year.
func periodTurn(s string, planYear int) bool {
	s = strings.TrimLeftFunc(s, unicode.IsSpace)
	for _, p := range periods {
		if p.first <= planYear && planYear <= p.last {
			s = strings.ReplaceAll(s, p.name, "\uE000")
		}
	}
	if periodTurnRe.MatchString(s) {
		return true
	}
	// 到2025年，…; 到2035年基本实现…: a year to come opens the targets
	if m := periodYearRe.FindStringSubmatch(s); m != nil {
		y, _ := strconv.Atoi(m[1])
		return y >= planYear
	}
	return false
}

// periodYearRe matches a sentence opening with the year a target is for.
var periodYearRe = regexp.MustCompile(`^(?:各位代表[，,！!]?)?(?:力争)?(?:到|至)((?:19|20)\d\d)\s*年`)

// spanOpenRe matches the opening of a paragraph that reviews the five-year
// period just ended (过去五年，…; 五年来，…; “十三五”时期，…; 2015年是“十二五”
// 收官之年): its figures have no single year. U+E001 stands for the name of
// a period that ended before the plan year.
var spanOpenRe = regexp.MustCompile(`^(?:各位代表[，,！!]?)?(?:——)?(?:过去五年|过去的五年|五年来|这五年|经过五年|这是[^，。！；]{0,30}的五年|` +
	`回望“?\x{E001}|“?\x{E001}”?|((?:19|20)\d\d年是“?\x{E001}”?(?:规划)?(?:的)?(?:收官之年|收官年|最后一年)))`)

// spanOpening reports whether paragraph s reviews the five-year period
// that ended before the plan year. 2025年是“十四五”收官之年 opens the
// period's review only where the paragraph then speaks of the five years
// (…收官之年。回望极不平凡的五年，…); else it is about the year
// (…收官之年，我们迎难而上，地区生产总值增长5.2%).
func spanOpening(s string, planYear int) bool {
	s = strings.TrimLeftFunc(s, unicode.IsSpace)
	if !strings.Contains(s, "五") {
		return false
	}
	for _, p := range periods {
		if p.last < planYear {
			s = strings.ReplaceAll(s, p.name, "\uE001")
		}
	}
	m := spanOpenRe.FindStringSubmatchIndex(s)
	if m == nil {
		// …标志着“十四五”规划顺利收官。回望过去五年，…: a first sentence that
		// closes the period, not about a year of its own, then the five years
		first, rest, _ := strings.Cut(s, "。")
		if k := strings.Index(first, "\uE001"); k >= 0 && strings.Contains(first[k:], "收官") && paragraphYear(first, planYear) == 0 {
			return hasAny(rest, fiveYearWords)
		}
		return false
	}
	return m[2] < 0 || hasAny(s[m[1]:], fiveYearWords)
}

// fiveYearWords speak of the five years of a period in a paragraph.
var fiveYearWords = []string{"过去五年", "过去的五年", "五年来", "这五年", "的五年", "五年间", "五年里", "五年中", "五年以来"}

// salutationRe matches a paragraph's opening that only addresses the
// deputies (各位代表！), before what the paragraph is about.
var salutationRe = regexp.MustCompile(`^各位代表(?:[、，,]同志们)?[！!，,]`)

// mayOpenSpan reports whether the paragraph sentence s starts may open
// a review of five years, without which spanOpening of its
// paragraphOpening is false: it spares making the string of the
// paragraph. Such a paragraph holds a 五 and either opens (after blanks)
// with a code point spanOpenRe can start with, a period's name
// included, or closes a period in its first sentence (…“十四五”规划顺利
// 收官。).
func mayOpenSpan(text []rune, s sentence) bool {
	para := text[s.start:]
	if !strings.ContainsRune(spanOpeningFirsts, firstAfterBlanks(para)) && !closesFirst(para) {
		return false // most paragraphs: only their first sentence is read
	}
	for _, r := range para {
		if r == '\n' {
			break
		}
		if r == '五' {
			return true
		}
	}
	return false
}

// closesFirst reports whether the first sentence of the paragraph para
// (up to its first 。 or the line's end) closes a period: it holds 收官.
func closesFirst(para []rune) bool {
	for i, r := range para {
		if r == '\n' || r == '。' {
			break
		}
		if r == '收' && i+1 < len(para) && para[i+1] == '官' {
			return true
		}
	}
	return false
}

// spanOpeningFirsts are the code points spanOpenRe can start with, those
// its stand-in for a period's name stands for (十, “) included.
const spanOpeningFirsts = "各—过五这经回“十12"

// firstAfterBlanks returns the first code point of s after blanks, or
// '\n' when the line ends (or s does) first.
func firstAfterBlanks(s []rune) rune {
	for _, r := range s {
		if r == '\n' || !unicode.IsSpace(r) {
			return r
		}
	}
	return '\n'
}

// mayOpenYear reports whether the paragraph sentence s starts opens with
// a code point that paragraphYear's pattern can start with, after blanks
// (a salutation 各位代表 included), without which paragraphYear of its
// paragraphOpening is 0: it spares making the string of the paragraph.
func mayOpenYear(text []rune, s sentence) bool {
	return strings.ContainsRune(yearOpeningFirsts, firstAfterBlanks(text[s.start:]))
}

// yearOpeningFirsts are the code points singleYearOpenRe can start with.
const yearOpeningFirsts = "各刚过去一这12"

// paragraphOpening returns the text of the paragraph sentence s starts,
// without a salutation that opens it.
func paragraphOpening(text []rune, s sentence) string {
	end := s.start
	for end < len(text) && text[end] != '\n' {
		end++
	}
	p := strings.TrimLeftFunc(string(text[s.start:end]), unicode.IsSpace)
	if loc := salutationRe.FindStringIndex(p); loc != nil {
		p = p[loc[1]:]
	}
	return p
}

// singleYearOpenings open a paragraph of a multi-year review about the last
// year alone (刚刚过去的2017年, 去年, 过去一年).
// The year must be the paragraph's topic (2017年，… / 去年是…), not the
// time of its first figure only (1997年国内生产总值达到…, then five-year
// averages).
//
// After 刚刚过去的 / 过去的 the year is the topic whatever follows
// (刚刚过去的2025年很不平凡), unless a span goes on (至2025年).
var singleYearOpenRe = regexp.MustCompile(`^(?:各位代表[，,！!]?)?(?:(?:刚刚过去的|过去的)?(?:((?:19|20)\d\d)\s*年|去年|过去一年|过去的一年|一年来|这一年)(?:[，,]|是|里|中|以来)|(?:刚刚过去的|过去的)((?:19|20)\d\d)\s*年[^至到—\-－~～、和与及\d])`)

// paragraphYear returns the year a paragraph's first sentence gives the
// paragraph inside a multi-year review, or 0.
func paragraphYear(s string, planYear int) int {
	m := singleYearOpenRe.FindStringSubmatch(strings.TrimLeftFunc(s, unicode.IsSpace))
	if m == nil {
		return 0
	}
	if m[1] == "" {
		m[1] = m[2]
	}
	if m[1] != "" {
		y, _ := strconv.Atoi(m[1])
		if y < planYear {
			return y
		}
		return 0
	}
	return planYear - 1
}

// startsParagraph reports whether sentence s starts a line. midLine says
// that text is a chunk of a document that starts inside a line.
func startsParagraph(text []rune, s sentence, midLine bool) bool {
	for i := s.start - 1; i >= 0; i-- {
		if text[i] == '\n' {
			return true
		}
		if !unicode.IsSpace(text[i]) {
			return false
		}
	}
	return !midLine
}

// part is the time context of a sentence: its part of the report, the
// span of a multi-year review, and the year its paragraph names.
type part struct {
	sec       section
	spanYears int   // > 0 inside a review of several years
	paraYear  int   // the year the paragraph opened with inside such a review; 0 if none
	paraSpan  bool  // the review of several years was opened by a paragraph, not a heading: a paragraph of one year ends it
	planSpan  bool  // the targets of a five-year plan period (“十四五”时期主要目标任务): no single year
	back      *part // a section of the plan part that reviews the past: the part its next heading returns to
}

// pairYears gives the two ends of 由A增加到B their years (SPEC section 6):
// A, the starting point, is the year before B, or the same year when the
// sentence says so (由年初的A扩大到年末的B). In a review of N years without a
// year of its own, B is the last year reviewed and A the year before the
// span began (五年来…从54万亿元增加到82.7万亿元: 2012 and 2017).
//
// chain is the text of the sentences the sentence is chained to (a 其中
// sentence's: the one it details).
func pairYears(sf []*fact, p part, s []rune, planYear int, chain string) {
	if planYear <= 0 {
		return
	}
	for i := 0; i+1 < len(sf); i++ {
		a, b := sf[i], sf[i+1]
		if p.spanYears > 0 && a.year == nil && a.kind == "actual" && a.measure == schema.Level && comparedWithPlanEnd(s, a, b) {
			// 五年来…达到【B】，比“十三五”末的A增加C: B is the level at the
			// review's end, A (the base, named) the start
			y := int32(planYear - 1)
			a.year = &y
			continue
		}
		named := !a.q.rule.fromToStart() && namedStart(s, a, b)
		if !a.q.rule.fromToStart() && !named {
			continue
		}
		if b.year == nil && b.kind == "actual" && p.spanYears > 0 {
			yb, ya := int32(planYear-1), int32(planYear-1-p.spanYears)
			b.year = &yb
			if !named {
				a.year = &ya
			}
			continue
		}
		if b.year == nil || named {
			continue
		}
		ya := *b.year - 1
		switch {
		case hasAny(string(s[max(0, a.q.start-4):a.q.start]), []string{"年初", "年末", "年底"}):
			ya = *b.year
		case b.kind == "actual" && p.spanYears > 0 && int(*b.year) == planYear-1:
			ya = int32(planYear - 1 - p.spanYears) // 从2015年的…增长到2020年的…，一般公共预算收入从【2649.2亿元】增长到…: the span's start
		case b.kind == "target" && int(*b.year) > planYear && *b.year%5 == 0 && int(*b.year)-5 < planYear &&
			(int(*b.year)-5 == planYear-1 || hasAny(chain+string(s), []string{"计划", "规划"})):
			// 到2020年，…从人均【8.7万元】提高到12万元 in 2016; 第六个五年计划规定，
			// 一九八五年…由【A】增加到B in 1982: the base year of the five-year
			// plan that ends with B's year, in the plan's first year or where
			// the sentence quotes the plan
			ya = *b.year - 5
		case b.kind == "target" && int(*b.year) > planYear:
			ya = int32(planYear - 1) // the level now
		}
		a.year = &ya
	}
}

// isClauseBreak reports the marks no change runs across, from its start
// to its end: ，,；。
func isClauseBreak(r rune) bool { return r == '，' || r == ',' || r == '；' || r == '。' }

// fromYearRe matches the start of a change that names its year right
// before the number: 由2013年的, 从2015年底的, 由“十二五”末的.
var fromYearRe = regexp.MustCompile(`(?:由|从)(?:(?:19|20)\d\d\s*年(?:底|末)?|“?` + fivePlan + planEndTail + `)的$`)

// planEndBaseRe matches what stands between a level and the base it is
// compared with when that base is the end of a five-year plan:
// ，比“十三五”末的, 较“十二五”期末的.
var planEndBaseRe = regexp.MustCompile(`^[，,]?(?:比|较|同)“?` + fivePlan + planEndTail + `的$`)

// comparedWithPlanEnd reports whether b is the base, the end of a
// five-year plan, that the level a right before it is compared with:
// 达到【a】，比“十三五”末的【b】增加….
func comparedWithPlanEnd(s []rune, a, b *fact) bool {
	return b.q.start >= a.q.end && b.q.start-a.q.end <= 12 && planEndBaseRe.MatchString(string(s[a.q.end:b.q.start]))
}

// namedStart reports whether a is the start of a change whose year the
// sentence names (由2013年的【2330元】增长到8629元) and b its end.
func namedStart(s []rune, a, b *fact) bool {
	if b.q.start < a.q.end || b.q.start-a.q.end > 12 {
		return false
	}
	// the runes between read in place: most pairs have no 到 or 至 there,
	// and a string of them would be made for nothing
	between := s[a.q.end:b.q.start]
	return (slices.Contains(between, '到') || slices.Contains(between, '至')) && !slices.ContainsFunc(between, isClauseBreak) &&
		fromYearRe.MatchString(string(s[max(0, a.q.start-12):a.q.start]))
}
