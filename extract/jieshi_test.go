package extract

import (
	"fmt"
	"testing"
)

// TestJieshiTakesTheYearBefore checks that a sentence opening with 届时
// ("by then") gives its figures the year the sentence before named for its
// target (SPEC 6), not the plan year or none.
func TestJieshiTakesTheYearBefore(t *testing.T) {
	x := newExtractor(t)
	text := "今后五年的主要目标是：到2030年全市常住人口城镇化率提高到70%左右。届时，全市地区生产总值突破1万亿元。"
	for _, f := range x.Extract(Document{ID: "t", Text: text, PlanYear: 2026}) {
		if f.Mention != "突破1万亿元" {
			continue
		}
		if f.Year == nil || *f.Year != 2030 || f.Kind != "target" {
			t.Errorf("Extract(%q) 突破1万亿元: got kind %s year %s, want target 2030", text, f.Kind, yearString(f.Year))
		}
		return
	}
	t.Errorf("Extract(%q): no fact 突破1万亿元", text)
}

func yearString(y *int32) string {
	if y == nil {
		return "null"
	}
	return fmt.Sprint(*y)
}
