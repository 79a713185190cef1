package extract

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/gwrfacts/gwr/normalize"
	"github.com/gwrfacts/gwr/schema"
)

// section is what the latest heading says about the text under it.
type section int

const (
	sectionNone   section = iota // no heading seen: sentence cues decide, default target
	sectionReview                // a review of past results: actual
	sectionPlan                  // plans: target
)

// classifyHeading tells whether a heading opens a review or a plan part.
func classifyHeading(h string, planYear int) section {
	// a heading naming its year: "一、2023年工作回顾" reviews, "二、2024年
	// 工作目标和主要任务" plans, in a report for 2024
	if m := yearRe.FindStringSubmatch(h); m != nil && planYear > 0 {
		switch y, _ := strconv.Atoi(m[1]); {
		case y < planYear:
			return sectionReview
		case y >= planYear && !strings.Contains(h, "回顾"):
			return sectionPlan
		}
	}
	if hasAny(h, planHeadings) {
		return sectionPlan
	}
	if hasAny(h, reviewHeadings) {
		return sectionReview
	}
	return sectionNone
}

var (
	yearRe           = regexp.MustCompile(`((?:19|20)\d\d)\s*年`)
	byYearRe         = regexp.MustCompile(`(?:到|至|在|于|截至|截止)((?:19|20)\d\d)\s*年|((?:19|20)\d\d)\s*年(?:底|末)`)
	leadYearRe       = regexp.MustCompile(`^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)?((?:19|20)\d\d)\s*年(?:，|,|全年|以来|我|全|共|累计|是|，|[^\s底末内前初中起度份的后])`)
	comparisonBaseRe = regexp.MustCompile(`(?:比|较|同)((?:19|20)\d\d)\s*年(?:的|同期的)$`)
	withinYearRe     = regexp.MustCompile(`([\d一二两三四五六七八九十]+)\s*年内`)
)

// timeWords records where the words timeOf looks for first end in the text
// of a sentence (after the sentences it is chained to): a prefix of
// length n holds such a word if and only if the end is at most n. A
// sentence is searched once this way instead of once per fact.
type timeWords struct {
	plan, past, comparison, multiYear int // ends of the first word of each list; -1 if none
	nian, c19, c20, within            int // ends of the first 年, 19, 20 and 年内
	estimate                          int // end of the first 预计
}

func findTimeWords(s string) timeWords {
	var e [9]int
	timeIndex.firstEnds(s, e[:])
	return timeWords{e[0], e[1], e[2], e[3], e[4], e[5], e[6], e[7], e[8]}
}

// timeIndex finds the words of timeWords, in its field order.
var timeIndex = newWordIndex(planWords, pastWords, comparisonWords, multiYearWords, []string{"年"}, []string{"19"}, []string{"20"}, []string{"年内"}, []string{"预计"})

// noTimeWords is the timeWords of a text without any of the words.
var noTimeWords = timeWords{-1, -1, -1, -1, -1, -1, -1, -1, -1}

// then returns the timeWords of a text of n bytes with these words,
// followed by a text with next's. No word spans the two (a chained
// sentence ends in a semicolon).
func (w timeWords) then(n int, next timeWords) timeWords {
	pick := func(a, b int) int {
		if a >= 0 || b < 0 {
			return a
		}
		return n + b
	}
	return timeWords{
		pick(w.plan, next.plan), pick(w.past, next.past), pick(w.comparison, next.comparison), pick(w.multiYear, next.multiYear),
		pick(w.nian, next.nian), pick(w.c19, next.c19), pick(w.c20, next.c20), pick(w.within, next.within),
		pick(w.estimate, next.estimate),
	}
}

// chain is the sentences before the current one in a list joined by
// semicolons ("去年的成绩单：A达到1亿元；B达到2亿元；"), which share their time,
// with the time words found in them. Text and words change together.
type chain struct {
	text  string
	words timeWords
}

var noChain = chain{words: noTimeWords}

// add returns the chain extended by sentence s, whose time words are w.
func (c chain) add(s string, w timeWords) chain {
	return chain{text: c.text + s, words: c.words.then(len(c.text), w)}
}

// in reports whether the word ending at end lies within a prefix of n bytes.
func in(end, n int) bool { return end >= 0 && end <= n }

// timeOf decides kind and year of a fact from its section and the words of
// its sentence before the number (SPEC section 6); w holds where those
// words are in the sentence's text, of which before is a prefix.
func timeOf(sec section, before string, w *timeWords, planYear int) (kind schema.Kind, year *int32, why string) {
	upto := len(before)
	kind, why = schema.Target, "not-review"
	if sec == sectionReview {
		kind, why = schema.Actual, "review-section"
	}
	switch {
	case sec == sectionReview && in(w.plan, upto):
		kind, why = schema.Target, "plan-word-in-review"
	case sec != sectionReview && in(w.past, upto) && !in(w.comparison, upto):
		kind, why = schema.Actual, "past-word"
	case sec != sectionReview && in(w.estimate, upto):
		kind, why = schema.Target, "estimate-outside-review" // outside a review 预计 plans; inside one it estimates a result (SPEC 6)
	}
	y := planYear
	if kind == schema.Actual {
		y = planYear - 1
	}
	// The regexps run only when their literal parts are present.
	if in(w.nian, upto) && (in(w.c20, upto) || in(w.c19, upto)) {
		if m := leadYearRe.FindStringSubmatch(before); m != nil {
			n, _ := strconv.Atoi(m[1])
			y, why = n, why+"+leading-year"
			if planYear > 0 && n < planYear {
				kind = schema.Actual
			}
		}
		if m := byYearRe.FindStringSubmatch(before); m != nil {
			n, _ := strconv.Atoi(m[1] + m[2])
			if planYear == 0 || n >= planYear {
				y, kind, why = n, schema.Target, why+"+by-year"
			}
		}
	}
	if planYear > 0 && in(w.within, upto) {
		if m := withinYearRe.FindStringSubmatch(before); m != nil {
			if n, err := normalize.ParseNumber(m[1]); err == nil && n.IsInt() && n.Num().IsInt64() && n.Num().Int64() >= 1 && n.Num().Int64() <= 20 {
				y, why = planYear+int(n.Num().Int64())-1, why+"+within-years" // N年内, for a plausible N
			}
		}
	}
	// the base of a comparison is a level of its own year: 比一九五二年的
	// 八百二十七亿一千万元 (SPEC 6, 由A增加到B)
	if m := comparisonBaseRe.FindStringSubmatch(before); m != nil {
		n, _ := strconv.Atoi(m[1])
		if planYear == 0 || n < planYear {
			y32 := int32(n)
			return schema.Actual, &y32, why + "+comparison-base"
		}
	}
	if in(w.multiYear, upto) && !in(w.within, upto) {
		return kind, nil, why + "+multi-year"
	}
	if y <= 0 {
		return kind, nil, why + "+no-year"
	}
	y32 := int32(y)
	return kind, &y32, why
}

func hasAny(s string, words []string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}
