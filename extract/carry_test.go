package extract

import (
	"strings"
	"testing"
)

// carryCase is a sentence written for a test and the indicators of its
// facts, in order.
type carryCase struct {
	name, text string
	want       []string
}

// checkIndicators runs each case and compares the indicators of its facts.
func checkIndicators(t *testing.T, tests []carryCase) {
	t.Helper()
	x := newExtractor(t)
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := indicatorsOf(x, tc.text); strings.Join(got, "|") != strings.Join(tc.want, "|") {
				t.Errorf("Extract(%q) indicators = %q, want %q", tc.text, got, tc.want)
			}
		})
	}
}

// TestIndicatorExamplesBeforeCount checks counts after the examples of
// what they count (names closed by 等, or a list of names opening the
// clause): the noun after the count names the things, not the examples.
func TestIndicatorExamplesBeforeCount(t *testing.T) {
	checkIndicators(t, []carryCase{
		{"examples closed by 等 before a verb that opens the noun", "东湖、南湖等5个抽水蓄能电站开工。", []string{"抽水蓄能电站"}},
		{"examples closed by 等 after a cue, a verb opens the noun", "培育电子信息、装备制造等3个过千亿产业集群。", []string{"过千亿产业集群"}},
		{"a list of places opening the clause", "甲县、乙县、丙县3个过百亿元县区。", []string{"过百亿元县区"}},
		{"after a cue the list is what the cue acts on", "新建幼儿园、中小学12所。", []string{"幼儿园、中小学"}},
	})
}

// TestIndicatorListNames checks lists of names whose numbers follow them,
// with or without 分别: each number takes its own item's name, and an item
// that lacks the head the list writes once takes it (SPEC 2, 7).
func TestIndicatorListNames(t *testing.T) {
	checkIndicators(t, []carryCase{
		{"numbers after the cue without 分别", "汽车、家电出口增长12.5%、8.1%。", []string{"汽车出口", "家电出口"}},
		{"numbers after a level cue without 分别, two measure words", "全市病床数、执业医师数增至6.9万张、3.2万人。", []string{"病床数", "执业医师数"}},
		{"a class word before the shared head", "纺织、化工行业增加值分别增长5.1%、7.3%。", []string{"纺织行业增加值", "化工行业增加值"}},
		{"产业 before 产值", "新材料、生物医药产业产值分别增长11%、14%。", []string{"新材料产业产值", "生物医药产业产值"}},
		{"业务量 is written once", "快递、邮政业务量分别增长9%、4%。", []string{"快递业务量", "邮政业务量"}},
		{"a short later figure takes the first's modifier", "交通事故起数、死亡数分别下降6%和9%。", []string{"交通事故起数", "交通事故死亡数"}},
	})
}

// TestIndicatorCarried checks numbers whose name is left out by ellipsis:
// the name of the thing the clause is about is carried to them (SPEC 2).
func TestIndicatorCarried(t *testing.T) {
	checkIndicators(t, []carryCase{
		{"a predicate between 、 after the previous figure", "全市财政收入达到860亿元、居全省第二、增长6.1%。", []string{"财政收入", "财政收入"}},
		{"words of the number's own part are its name", "新增上市公司4家、挂牌企业19家。", []string{"上市公司", "挂牌企业"}},
		{"a carried name follows the list name given to the fact before", "其中，粮食产量由三千亿斤增加到三千六百亿斤，棉花产量由四千万担增加到五千万担，都是平均每年递增百分之六，在执行中争取达到百分之七。", []string{"粮食产量", "粮食产量", "棉花产量", "棉花产量", "粮食产量、棉花产量", "粮食产量、棉花产量"}},
	})
}

// TestIndicatorSubItem checks numbers after 其中: the cue names the sub-item
// when nothing else does, a count with its noun after it is named by it.
func TestIndicatorSubItem(t *testing.T) {
	checkIndicators(t, []carryCase{
		{"a count with its noun after 其中 and a verb", "改造老旧小区80个，其中新建30个口袋公园。", []string{"老旧小区", "口袋公园"}},
		{"the cue after 其中 names the sub-item", "货物进出口总额3000亿元，其中出口1800亿元。", []string{"货物进出口总额", "出口"}},
	})
}
