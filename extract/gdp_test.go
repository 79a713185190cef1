package extract

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/gwrfacts/gwr/schema"
)

// The GDP of the year reviewed and of the plan year is the figure a
// researcher reads first (issue 11: on provincial 2025 reports the 2024
// results came out as a second 2025 target). TestGDPTimeAsTheSentenceSays
// reads every GDP fact of the unlabelled provincial, city and county
// reports and checks its kind and year against what its own sentence and
// paragraph say, read by gdpTimeSays with word lists of its own.

// isGDP reports whether a fact's indicator is the region's GDP itself
// (coded gdp, or named 生产总值/GDP with whatever the name carries), not a
// share of it, a sector's (海洋生产总值) or a ratio to it (万元GDP能耗).
func isGDP(f schema.Fact) bool {
	if f.IndicatorCode != nil && *f.IndicatorCode == "gdp" {
		return true
	}
	return (strings.Contains(f.Indicator, "生产总值") || strings.Contains(f.Indicator, "GDP")) &&
		!hasAny(f.Indicator, []string{"海洋", "能耗", "比重", "占", "用水", "排放", "万元", "单位", "人均"})
}

// heldOutSources are the reports the lead's held-out excerpts were cut
// from: they are not read here, so that no rule is checked on them.
var heldOutSources = []string{"province_sichuan_2026", "county_miyi_2023"}

var (
	// a year named as the figure's time, not the base of a comparison
	gdpYearRe = regexp.MustCompile(`(^|[^比较与同自])((?:19|20)\d\d)年(?:[^以起初基来前度]|$)`)
	// 到2025年 opening a clause: the target's year
	gdpByYearRe = regexp.MustCompile(`(?:^|[，,：:；])(?:力争)?(?:到|至)((?:19|20)\d\d)年`)
	// the start of a change whose end is the figure: 由“十二五”末的A增长到【B】
	gdpChangeEndRe = regexp.MustCompile(`(?:由|从)[^，。；]{0,16}的[^，。；]{1,12}(?:增长|增加|提高)到$`)
	// 由“十二五”末的【A】: the level at the end of the period named
	gdpPeriodEndRe = regexp.MustCompile(`(十[一二三四五])五”?末的$`)
	// a part heading: 一、2020年工作回顾和“十三五”时期发展成就, 二、“十四五”时期…
	partHeadingRe = regexp.MustCompile(`(?m)^[一二三四五六七八九十]+、[^\n]*`)
)

// gdpTimeSays returns the kind and year (0 for none) the words around a GDP
// figure give it in a report for planYear: before is its sentence up to
// the figure, para its paragraph up to the figure, plan whether it stands
// in the plan part.
func gdpTimeSays(before, para string, planYear int, plan bool) (schema.Kind, int) {
	last := planYear - 1
	multi := func(s string) bool {
		for _, w := range []string{"年均", "平均每年", "五年来", "过去五年", "这五年", "十三五”时期", "十二五”时期", "十四五”时期"} {
			if strings.Contains(s, w) {
				return true
			}
		}
		return false
	}
	if m := gdpPeriodEndRe.FindStringSubmatch(before); m != nil {
		ends := map[string]int{"十一": 2010, "十二": 2015, "十三": 2020, "十四": 2025}
		return schema.Actual, ends[m[1]]
	}
	if gdpChangeEndRe.MatchString(before) && !plan {
		return schema.Actual, last // …增长到【B】: the end of the span reviewed
	}
	if m := gdpByYearRe.FindAllStringSubmatch(before, -1); m != nil {
		y, _ := strconv.Atoi(m[len(m)-1][1])
		if strings.Contains(before, "年均") {
			return schema.Target, 0
		}
		return schema.Target, y
	}
	if ms := gdpYearRe.FindAllStringSubmatch(before, -1); ms != nil {
		y, _ := strconv.Atoi(ms[len(ms)-1][2])
		if y < planYear {
			return schema.Actual, y
		}
		return schema.Target, y
	}
	for _, w := range []string{"预计", "初步核算", "初步统计"} {
		if strings.Contains(before, w) {
			return schema.Actual, last
		}
	}
	for _, w := range []string{"今年", "预期目标", "主要目标"} {
		if strings.Contains(before, w) {
			return schema.Target, planYear
		}
	}
	for _, w := range []string{"去年", "上年", "全年"} {
		if strings.Contains(before, w) && !plan {
			return schema.Actual, last
		}
	}
	switch {
	case plan && multi(before):
		return schema.Target, 0
	case plan:
		return schema.Target, planYear
	case multi(before) || multi(para):
		return schema.Actual, 0
	}
	return schema.Actual, last
}

// periodHeading reports whether a part heading is about the five-year
// period that holds the plan year (二、“十四五”时期的主要目标任务 in 2021),
// not the plan year's work (三、2021年重点工作).
func periodHeading(h string, planYear int) bool {
	if strings.Contains(h, strconv.Itoa(planYear)) || strings.Contains(h, "今年") {
		return false
	}
	for name, first := range map[string]int{"十一五": 2006, "十二五": 2011, "十三五": 2016, "十四五": 2021, "十五五": 2026} {
		if strings.Contains(h, name) && first <= planYear && planYear < first+5 {
			return true
		}
	}
	return false
}

func TestGDPTimeAsTheSentenceSays(t *testing.T) {
	x := newExtractor(t)
	checked, right := 0, 0
	byKind := map[string]int{}
	for _, d := range loadReports(t, []string{"../corpus/testdata/extra"}) {
		if !strings.HasPrefix(d.ID, "province_") && !strings.HasPrefix(d.ID, "city_") && !strings.HasPrefix(d.ID, "county_") {
			continue
		}
		if hasAny(d.ID, heldOutSources) {
			continue
		}
		facts, lay, err := x.ExtractLayout(d)
		if err != nil {
			t.Fatal(err)
		}
		text := []rune(d.Text)
		for _, f := range facts {
			if !isGDP(f) {
				continue
			}
			i := strings.Index(f.Sentence, f.Mention)
			if i < 0 {
				t.Errorf("%s: mention %q not in its sentence %q", d.ID, f.Mention, f.Sentence)
				continue
			}
			lineStart := int(f.Start)
			for lineStart > 0 && text[lineStart-1] != '\n' {
				lineStart--
			}
			// the plan part, unless a part heading of a review follows its
			// start (a page that holds the report twice)
			plan := lay.PlanStart >= 0 && int(f.Start) >= lay.PlanStart
			heading := "" // the last part heading after the plan start
			if plan {
				if hs := partHeadingRe.FindAllString(string(text[lay.PlanStart:lineStart]), -1); hs != nil {
					heading = hs[len(hs)-1]
				}
				plan = !strings.Contains(heading, "回顾") && !strings.Contains(heading, "成就")
			}
			kind, year := gdpTimeSays(f.Sentence[:i], string(text[lineStart:f.Start]), d.PlanYear, plan)
			if plan && kind == schema.Target && year == d.PlanYear && periodHeading(heading, d.PlanYear) {
				year = 0 // under 二、“十四五”时期主要目标任务: the period's targets
			}
			got := 0
			if f.Year != nil {
				got = int(*f.Year)
			}
			checked++
			if testing.Verbose() {
				t.Logf("%s %s %d (says %s %d) %q", d.ID, f.Kind, got, kind, year, f.Sentence[:i]+"【"+f.Mention+"】")
			}
			if f.Kind != kind || got != year {
				t.Errorf("%s: %q is %s %d, but its sentence says %s %d: %s", d.ID, f.Mention, f.Kind, got, kind, year, f.Sentence)
				continue
			}
			right++
			switch {
			case kind == schema.Target && year == d.PlanYear:
				byKind["target of the plan year"]++
			case kind == schema.Actual && year == d.PlanYear-1:
				byKind["actual of the year reviewed"]++
			default:
				byKind[fmt.Sprintf("%s of another year or none", kind)]++
			}
		}
	}
	if checked < 30 {
		t.Errorf("checked %d GDP facts, want at least 30 (the reports or the indicator names changed?)", checked)
	}
	t.Logf("GDP facts as their sentences say: %d of %d (%v)", right, checked, byKind)
}
