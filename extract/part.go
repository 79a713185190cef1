package extract

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"
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
}

// layoutSentence is a sentence as layoutScan reads it.
type layoutSentence struct {
	at      pos
	str     string
	heading bool
	orig    int // its offset (code points) in the document text
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
	l.first = append(l.first, s)
	if k := strings.Index(s.str, "各位代表"); k >= 0 {
		if rest := strings.TrimLeft(s.str[k+len("各位代表"):], "、同志们 "); strings.HasPrefix(rest, "：") || strings.HasPrefix(rest, ":") {
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
	if s.heading && (strings.Contains(s.str, "报告") || sessionLineRe.MatchString(s.str)) {
		return // a title (2018年政府工作报告) or the session line (——2023年1月8日在…会议上)
	}
	if isTurn(s.str, s.heading, l.planYear) {
		l.lay.turns, l.lay.plan, l.lay.planOrig = true, s.at, s.orig
		return
	}
	if s.heading && l.lay.spanYears == 0 {
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

// sessionLineRe matches the line naming the session a report was
// delivered at, and its date: ——2023年1月8日在高唐县第十八届人民代表大会
// 第二次会议上. It names the plan year but plans nothing.
var sessionLineRe = regexp.MustCompile(`\d{1,2}\s*月\s*\d{1,2}\s*日|人民代表大会|人大.{0,6}次会议|会议上`)

// turnRe matches the opening of a sentence that turns to the plan year
// (Y stands for the plan year, replaced before matching).
var turnRe = regexp.MustCompile(`^(?:各位代表[，,！!]?)?(?:` +
	`(?:今年|Y年)(?:是|，|,)|` +
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

// reviewSpan returns how many years a review heading covers: 5 for 过去五年,
// 五年来, “十三五”时期 …; 0 for a heading of one year (it names a single year
// before the plan year, or none of these words).
func reviewSpan(h string, planYear int) int {
	if !hasAny(h, spanHeadingWords) {
		return 0
	}
	if m := yearRe.FindStringSubmatch(h); m != nil {
		if y, _ := strconv.Atoi(m[1]); y == planYear-1 {
			return 0 // 2020年工作回顾和“十三五”时期发展成就: the year's review comes first
		}
	}
	return 5
}

// singleYearOpenings open a paragraph of a multi-year review about the last
// year alone (刚刚过去的2017年, 去年, 过去一年).
// The year must be the paragraph's topic (2017年，… / 去年是…), not the
// time of its first figure only (1997年国内生产总值达到…, then five-year
// averages).
var singleYearOpenRe = regexp.MustCompile(`^(?:各位代表[，,！!]?)?(?:刚刚过去的|过去的)?(?:((?:19|20)\d\d)\s*年|去年|过去一年|过去的一年|一年来)(?:[，,]|是|里|中|以来)`)

// paragraphYear returns the year a paragraph's first sentence gives the
// paragraph inside a multi-year review, or 0.
func paragraphYear(s string, planYear int) int {
	m := singleYearOpenRe.FindStringSubmatch(strings.TrimLeftFunc(s, unicode.IsSpace))
	if m == nil {
		return 0
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
	spanYears int // > 0 inside a review of several years
	paraYear  int // the year the paragraph opened with inside such a review; 0 if none
}

// pairYears gives the two ends of 由A增加到B their years (SPEC section 6):
// A, the starting point, is the year before B, or the same year when the
// sentence says so (由年初的A扩大到年末的B). In a review of N years without a
// year of its own, B is the last year reviewed and A the year before the
// span began (五年来…从54万亿元增加到82.7万亿元: 2012 and 2017).
func pairYears(sf []*fact, p part, s []rune, planYear int) {
	if planYear <= 0 {
		return
	}
	for i := 0; i+1 < len(sf); i++ {
		a, b := sf[i], sf[i+1]
		if a.q.rule.ID != "from-to" {
			continue
		}
		if b.year == nil && b.kind == "actual" && p.spanYears > 0 {
			yb, ya := int32(planYear-1), int32(planYear-1-p.spanYears)
			a.year, b.year = &ya, &yb
			continue
		}
		if b.year == nil {
			continue
		}
		ya := *b.year - 1
		if hasAny(string(s[max(0, a.q.start-4):a.q.start]), []string{"年初", "年末", "年底"}) {
			ya = *b.year
		}
		a.year = &ya
	}
}
