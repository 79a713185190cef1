package extract

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/gwrfacts/gwr/normalize"
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
	yearRe       = regexp.MustCompile(`((?:19|20)\d\d)\s*年`)
	byYearRe     = regexp.MustCompile(`(?:到|至|在|于|截至|截止)((?:19|20)\d\d)\s*年|((?:19|20)\d\d)\s*年(?:底|末)`)
	leadYearRe   = regexp.MustCompile(`^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)?((?:19|20)\d\d)\s*年(?:，|,|全年|以来|我|全|共|累计|是|，)`)
	withinYearRe = regexp.MustCompile(`([\d一二两三四五六七八九十]+)\s*年内`)
)

// timeOf decides kind and year of a fact from its section and the words of
// its sentence before the number (SPEC section 6).
func timeOf(sec section, before string, planYear int) (kind string, year *int32) {
	kind = "target"
	if sec == sectionReview {
		kind = "actual"
	}
	switch {
	case sec == sectionReview && hasAny(before, planWords):
		kind = "target"
	case sec != sectionReview && hasAny(before, pastWords) && !hasAny(before, comparisonWords):
		kind = "actual"
	}
	y := planYear
	if kind == "actual" {
		y = planYear - 1
	}
	// The regexps run only when their literal parts are present: this is
	// called once per fact on the whole sentence before it.
	if strings.Contains(before, "年") && (strings.Contains(before, "20") || strings.Contains(before, "19")) {
		if m := leadYearRe.FindStringSubmatch(before); m != nil {
			n, _ := strconv.Atoi(m[1])
			y = n
			if planYear > 0 && n < planYear {
				kind = "actual"
			}
		}
		if m := byYearRe.FindStringSubmatch(before); m != nil {
			n, _ := strconv.Atoi(m[1] + m[2])
			if planYear == 0 || n >= planYear {
				y, kind = n, "target"
			}
		}
	}
	if planYear > 0 && strings.Contains(before, "年内") {
		if m := withinYearRe.FindStringSubmatch(before); m != nil {
			if n, err := normalize.ParseNumber(m[1]); err == nil && n.IsInt() && n.Num().IsInt64() && n.Num().Int64() >= 1 && n.Num().Int64() <= 20 {
				y = planYear + int(n.Num().Int64()) - 1 // N年内, for a plausible N
			}
		}
	}
	if hasAny(before, multiYearWords) && !strings.Contains(before, "年内") {
		return kind, nil
	}
	if y <= 0 {
		return kind, nil
	}
	y32 := int32(y)
	return kind, &y32
}

func hasAny(s string, words []string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}
