package extract

import (
	"strings"
	"testing"

	"github.com/gwrfacts/gwr/schema"
)

// historic holds the forms of the State Council's reports from the 1950s
// to the 1990s (issue 12): Chinese-numeral percentages, per mille, 成 and
// multiples, Chinese-numeral amounts with bound words, years in Chinese
// digits and numbers with spaces between the digits. The sentences were
// written for these tests in the style of those reports; plan year 1983.
var historic = []phenomenon{
	{"百分之 with a decimal", "工业总产值增长百分之三十六点五。", []row{
		{"百分之三十六点五", "工业总产值", "增长", "growth", 36.5, 36.5, "eq", "percent", "", "target", 1983, ""}}},
	{"百分之 with a bound word after", "钢材自给率达到百分之六十以上。", []row{
		{"百分之六十以上", "钢材自给率", "达到", "level", 60, 60, "ge", "percent", "", "target", 1983, ""}}},
	{"百分之 with a bound word before", "事故率不到百分之五。", []row{
		{"不到百分之五", "事故率", "", "level", 5, 5, "lt", "percent", "", "target", 1983, ""}}},
	{"百分之百", "入学率达到百分之百。", []row{
		{"百分之百", "入学率", "达到", "level", 100, 100, "eq", "percent", "", "target", 1983, ""}}},
	{"千分之 is a tenth of a percent", "出生率控制在千分之十八以内。", []row{
		{"千分之十八以内", "出生率", "控制在", "level", 1.8, 1.8, "le", "percent", "", "target", 1983, ""}}},
	{"per mille sign", "死亡率控制在6.5‰。", []row{
		{"6.5‰", "死亡率", "控制在", "level", 0.65, 0.65, "eq", "percent", "", "target", 1983, ""}}},
	{"成 is ten percent", "粮食自给率达到九成以上。", []row{
		{"九成以上", "粮食自给率", "达到", "level", 90, 90, "ge", "percent", "", "target", 1983, ""}}},
	{"一成不变 is no share", "这种格局不能一成不变。", nil},
	{"a range of percentages", "农业总产值递增百分之四到五。", []row{
		{"百分之四到五", "农业总产值", "递增", "growth", 4, 5, "range", "percent", "", "target", 1983, ""}}},
	{"增长一点八倍 is 1.8 times, not 八倍", "钢产量增长一点八倍。", []row{
		{"一点八倍", "钢产量", "增长", "growth", 1.8, 1.8, "eq", "times", "", "target", 1983, ""}}},
	{"增长一倍以上", "出口额增长一倍以上。", []row{
		{"一倍以上", "出口额", "增长", "growth", 1, 1, "ge", "times", "", "target", 1983, ""}}},
	{"翻两番", "工农业年总产值翻两番。", []row{
		{"翻两番", "工农业年总产值", "", "growth", 300, 300, "eq", "percent", "", "target", 1983, ""}}},
	{"Chinese counts with 多 and 近", "新增就业三千八百多万人，培训干部近一万五千人。", []row{
		{"三千八百多万人", "就业", "新增", "delta", 38000000, 38000000, "gt", "count", "人", "target", 1983, ""},
		{"近一万五千人", "干部", "培训", "delta", 15000, 15000, "approx", "count", "人", "target", 1983, ""}}},
	{"a count with 多 needs no verb; a place alone takes what is said of it (SPEC 2)", "全国有二百四十多个县实行了新的办法。", []row{
		{"二百四十多个", "县实行了新的办法", "", "delta", 240, 240, "gt", "count", "个", "target", 1983, ""}}},
	{"零 inside a Chinese number", "农村人口达到两亿零七百万人。", []row{
		{"两亿零七百万人", "农村人口", "达到", "level", 207000000, 207000000, "eq", "count", "人", "target", 1983, ""}}},
	{"多 before the last multiplier", "粮食达到三亿三千五百多万吨。", []row{
		{"三亿三千五百多万吨", "粮食", "达到", "level", 335000000, 335000000, "gt", "t", "", "target", 1983, ""}}},
	{"a range in Chinese numerals", "发电设备产量达到二百八十万到三百万千瓦。", []row{
		{"二百八十万到三百万千瓦", "发电设备产量", "达到", "level", 2800000, 3000000, "range", "kW", "", "target", 1983, ""}}},
	{"几 before a multiplier is a range of 2 to 9 of it", "全国有几千万人参加，培育数十家企业。", []row{
		{"几千万人", "", "", "delta", 2e7, 9e7, "range", "count", "人", "target", 1983, ""},
		{"数十家", "企业", "培育", "delta", 20, 90, "range", "count", "家", "target", 1983, ""}}},
	{"traditional characters: 點 and 億", "工業總産值遞增百分之三十六點九，電力一百零八億度。", []row{
		{"百分之三十六點九", "工業總産值", "遞增", "growth", 36.9, 36.9, "eq", "percent", "", "target", 1983, ""},
		{"一百零八億度", "電力", "", "level", 1.08e10, 1.08e10, "eq", "kWh", "", "target", 1983, ""}}},
	{"a small unit keeps a Chinese number: 四百斤 is 0.2 t", "亩产达到四百斤。", []row{
		{"四百斤", "亩产", "达到", "level", 0.2, 0.2, "eq", "t", "", "target", 1983, ""}}},
	{"small Chinese numbers in words are no figures", "物价一度上涨，打通最初一公里。", nil},
	{"spaced digits are one number", "经济增长速度8 ．8 ％，粮食产量达到4 9 2 5 0 万吨。", []row{
		{"8 ．8 ％", "经济增长速度", "", "growth", 8.8, 8.8, "eq", "percent", "", "target", 1983, ""},
		{"4 9 2 5 0 万吨", "粮食产量", "达到", "level", 492500000, 492500000, "eq", "t", "", "target", 1983, ""}}},
	{"a spaced year is a year", "1 9 8 2 年钢产量达到1 亿吨以上。", []row{
		{"1 亿吨以上", "钢产量", "达到", "level", 1e8, 1e8, "ge", "t", "", "actual", 1982, ""}}},
	{"years in Chinese digits are no figures", "一九八一、一九八二两年计划执行的结果是好的，五天工作制开始实行。", nil},
	{"the base of a comparison has its own year", "工农业总产值比一九八一年的七千五百八十亿元增长百分之七。", []row{
		{"七千五百八十亿元", "工农业总产值", "", "level", 758e9, 758e9, "eq", "CNY", "", "actual", 1981, ""},
		{"百分之七", "工农业总产值", "增长", "growth", 7, 7, "eq", "percent", "", "target", 1983, ""}}},
	{"由A增加到B in Chinese numerals", "农业总产值由二千一百八十七亿元增加到二千六百六十亿元。", []row{
		{"二千一百八十七亿元", "农业总产值", "", "level", 218.7e9, 218.7e9, "eq", "CNY", "", "actual", 1982, ""},
		{"二千六百六十亿元", "农业总产值", "增加到", "level", 266e9, 266e9, "eq", "CNY", "", "target", 1983, ""}}},
}

func TestHistoric(t *testing.T) { checkPhenomena(t, historic, 1983) }

// TestHistoricReviewEstimate checks that 预计 in a review section estimates
// a result (SPEC 6) instead of announcing a plan.
func TestHistoricReviewEstimate(t *testing.T) {
	x := newExtractor(t)
	text := "一、过去一年的执行情况\n粮食预计达到三亿三千五百多万吨。\n二、今年的工作安排\n粮食预计达到三亿五千万吨。\n"
	facts := x.Extract(Document{ID: "t", Text: text, PlanYear: 1983})
	if len(facts) != 2 {
		t.Fatalf("Extract gave %d facts; want 2", len(facts))
	}
	for i, want := range []schema.Kind{schema.Actual, schema.Target} {
		if facts[i].Kind != want {
			t.Errorf("fact %d (%s): kind %s; want %s", i+1, facts[i].Mention, facts[i].Kind, want)
		}
	}
}

// TestBoundBeforeYue checks that 约 ending a word (条约, 节约) bounds
// nothing, while 约 alone is approx.
func TestBoundBeforeYue(t *testing.T) {
	for _, tc := range []struct {
		s    string
		want span
	}{
		{"参加国际条约", span{}},
		{"节约", span{}},
		{"完成投资约", span{4, 5}},
		{"约", span{0, 1}},
	} {
		r := []rune(tc.s)
		if got := boundBefore(r, len(r)); got != tc.want {
			t.Errorf("boundBefore(%q, %d) = %v; want %v", tc.s, len(r), got, tc.want)
		}
	}
}

// TestRangeSharedMultiplier checks that the low end of a range takes the
// multiplier and unit written after the high end: 3-5万亩 is 30000 to
// 50000 mu, 8至10亿元 is 8e8 to 1e9 CNY; 500-1万元 stays 500 to 10000.
func TestRangeSharedMultiplier(t *testing.T) {
	x := newExtractor(t)
	for _, tc := range []struct {
		text      string
		low, high float64
	}{
		{"新增高标准农田3-5万亩。", 30000, 50000},
		{"完成投资8至10亿元。", 8e8, 1e9},
		{"发放补贴500-1万元。", 500, 10000},
	} {
		facts := x.Extract(Document{ID: "t", Text: tc.text, PlanYear: 2025})
		if len(facts) != 1 {
			t.Fatalf("Extract(%q) gave %d facts; want 1", tc.text, len(facts))
		}
		if f := facts[0]; f.ValueLow != tc.low || f.ValueHigh != tc.high || f.Bound != "range" {
			t.Errorf("Extract(%q) = %v..%v %s; want %v..%v range", tc.text, f.ValueLow, f.ValueHigh, f.Bound, tc.low, tc.high)
		}
	}
}

// historicFields is a fact's measure, kind, year and bound, the fields a
// strict match scores besides value and unit.
type historicFields struct {
	mention, measure, kind string
	year                   int // 0: null
	bound                  string
	value                  float64
}

// checkHistoricFields extracts text as a report of planYear and compares
// its facts, in order, with want.
func checkHistoricFields(t *testing.T, x *Extractor, text string, planYear int, want []historicFields) {
	t.Helper()
	facts := x.Extract(Document{ID: "t", Text: text, PlanYear: planYear})
	if len(facts) != len(want) {
		t.Errorf("Extract(%q) gave %d facts; want %d", text, len(facts), len(want))
		return
	}
	for i, w := range want {
		f := facts[i]
		year := 0
		if f.Year != nil {
			year = int(*f.Year)
		}
		got := historicFields{f.Mention, string(f.Measure), string(f.Kind), year, string(f.Bound), f.ValueLow}
		if got != w {
			t.Errorf("Extract(%q) fact %d = %+v; want %+v", text, i+1, got, w)
		}
	}
}

// TestHistoricMeasureAndTime checks the classes of strict misses found on
// the historic excerpts, on sentences written for the test in the style
// of the 1980s reports (plan year 1983; a review part first, then the
// plan): a growth rate named as the sentence's topic; a rate reached
// after a growth rate with no noun of its own; 实际 or 预计 after the
// year's plan figure; 增产/减产; a span of past years whose sentence turns
// to a plan; a rate named for growth that is a level (自然增长率); 或者更多.
func TestHistoricMeasureAndTime(t *testing.T) {
	x := newExtractor(t)
	review := "一、一九八二年的工作回顾\n"
	plan := "二、一九八三年的计划\n"
	for _, tc := range []struct {
		text string
		want []historicFields
	}{
		{review + "钢产量的增长速度，一九八二年计划为百分之三，实际达到百分之五点二。", []historicFields{
			{"百分之三", "growth", "target", 1982, "eq", 3},
			{"百分之五点二", "growth", "actual", 1982, "eq", 5.2}}},
		{review + "财政收入的增长速度，一九八二年计划为百分之二，预计可以达到百分之四。", []historicFields{
			{"百分之二", "growth", "target", 1982, "eq", 2},
			{"百分之四", "growth", "actual", 1982, "eq", 4}}},
		{plan + "轻工业产值平均每年递增百分之六，在执行中争取达到百分之七。", []historicFields{
			{"百分之六", "growth", "target", 0, "eq", 6},
			{"百分之七", "growth", "target", 0, "eq", 7}}},
		{review + "棉花比上年增产五十多万吨，油料减产一成以上。", []historicFields{
			{"五十多万吨", "delta", "actual", 1982, "gt", 500000},
			{"一成以上", "growth", "actual", 1982, "ge", -10}}},
		{plan + "从一九六五年到一九八○年的十六年中，轻工业平均每年递增百分之九，今后要求每年递增百分之六到七。", []historicFields{
			{"百分之九", "growth", "actual", 0, "eq", 9},
			{"百分之六到七", "growth", "target", 0, "range", 6}}}, // 平均每年 before it: a rate over the plan period
		{review + "人口自然增长率下降到千分之十四点五。", []historicFields{
			{"千分之十四点五", "level", "actual", 1982, "eq", 1.45}}},
		{plan + "出口总额增长百分之八或者更多一些。", []historicFields{
			{"百分之八或者更多", "growth", "target", 1983, "ge", 8}}},
	} {
		checkHistoricFields(t, x, tc.text, 1983, tc.want)
	}
}

// TestNumberAndTimeForms checks number and time forms of modern reports
// (issue 11): digits with two multipliers (1万6千多户), the start of a
// change with 多 (由5千多户增加到…), words holding a plan word that plan
// nothing (人均预期寿命, 好于预期), plan-period and multi-year words of every
// era (“六五”期间, 今后五年: year null) and 今年 after them (this year);
// a sentence opening with 其中 shares the time of the sentence before; 到本
// 世纪末 is 2000 in a report before it; a year named after N年内 wins.
func TestNumberAndTimeForms(t *testing.T) {
	x := newExtractor(t)
	for _, tc := range []struct {
		text     string
		planYear int
		want     []historicFields
	}{
		{"一、过去一年工作回顾\n日均新设企业由5千多户增加到1万6千多户。", 2018, []historicFields{
			{"5千多户", "level", "actual", 2016, "gt", 5000},
			{"1万6千多户", "level", "actual", 2017, "gt", 16000}}},
		{"一、过去一年工作回顾\n人均预期寿命达到78岁，经济恢复好于预期，国内生产总值增长2.3%。", 2021, []historicFields{
			{"78岁", "level", "actual", 2020, "eq", 78},
			{"2.3%", "growth", "actual", 2020, "eq", 2.3}}},
		{"二、今年工作安排\n“七五”期间，全民所有制单位基本建设投资五千亿元。今后五年，能耗下降15%。", 1986, []historicFields{
			{"五千亿元", "delta", "target", 0, "eq", 5e11},
			{"15%", "growth", "target", 0, "eq", -15}}},
		{"一、过去的成就\n工农业总产值在一九五七年达到了一千二百亿元。其中，工业总产值达到了六百亿元；农业总产值达到了六百亿元。", 1959, []historicFields{
			{"一千二百亿元", "level", "actual", 1957, "eq", 1.2e11},
			{"六百亿元", "level", "actual", 1957, "eq", 6e10},
			{"六百亿元", "level", "actual", 1957, "eq", 6e10}}},
		{"二、今后的任务\n我们要到本世纪末实现工农业年总产值翻两番。五年内建成铁路二千公里，到一九八五年建成一千公里。", 1983, []historicFields{
			{"翻两番", "growth", "target", 2000, "eq", 300},
			{"二千公里", "delta", "target", 1987, "eq", 2000},
			{"一千公里", "delta", "target", 1985, "eq", 1000}}},
		{"二、今年工作安排\n今后五年，经济增长预期目标是在提高质量和效益的基础上年均增长7%。到2020年国内生产总值比2010年翻一番。", 2016, []historicFields{
			{"7%", "growth", "target", 0, "eq", 7},         // 基础上年均 holds no 上年
			{"翻一番", "growth", "target", 2020, "eq", 100}}}, // 比2010年【翻一番】: 2010 is no base of a level
		{"一、过去五年工作回顾\n五年来，生产总值从2.6万亿元增长到3.62万亿元。全年生产总值增长3.9%。", 2021, []historicFields{
			{"2.6万亿元", "level", "actual", 2015, "eq", 2.6e12},
			{"3.62万亿元", "level", "actual", 2020, "eq", 3.62e12},
			{"3.9%", "growth", "actual", 2020, "eq", 3.9}}}, // 全年 in a review of five years: the last year
		{"二、今年工作安排\n“十一五”期间，关停5000万千瓦小火电机组，今年要关停1000万千瓦。", 2007, []historicFields{
			{"5000万千瓦", "delta", "target", 0, "eq", -5e7},
			{"1000万千瓦", "delta", "target", 2007, "eq", -1e7}}},
	} {
		checkHistoricFields(t, x, tc.text, tc.planYear, tc.want)
	}
}

// TestBareMultiplierCounts checks counts in 万 or 亿 without a measure word
// (LABELING: unit other, unit_text 万): of the people named after them, or
// before them when the number closes the clause; not a multiplier before a
// unit or a noun that names no people.
func TestBareMultiplierCounts(t *testing.T) {
	x := newExtractor(t)
	for _, tc := range []struct {
		text     string
		mentions []string
		value    float64
	}{
		{"五年中有3 0 0 0 万贫困人口解决了温饱问题。", []string{"3 0 0 0 万"}, 3e7},
		{"营养改善计划惠及3600多万农村学生。", []string{"3600多万"}, 3.6e7},
		{"贫困人口减少6800多万，易地扶贫搬迁830万人。", []string{"6800多万", "830万人"}, -6.8e7},
		{"裁减军队员额30万任务顺利完成。", []string{"30万"}, -3e5},
		{"建设3万平方米，筹集5万资金。", []string{"3万平方米"}, 3e4},
		{"来本市就医人次从开业初期的0.8万增至36.5万。", []string{"0.8万", "36.5万"}, 8e3},
		{"全市接待游客人次由850万增加到1200万。", []string{"850万", "1200万"}, 8.5e6},
	} {
		facts := x.Extract(Document{ID: "t", Text: tc.text, PlanYear: 2018})
		var got []string
		for _, f := range facts {
			got = append(got, f.Mention)
		}
		if strings.Join(got, "|") != strings.Join(tc.mentions, "|") {
			t.Errorf("Extract(%q) mentions %q, want %q", tc.text, got, tc.mentions)
			continue
		}
		if f := facts[0]; f.ValueLow != tc.value {
			t.Errorf("Extract(%q) value %v, want %v", tc.text, f.ValueLow, tc.value)
		} else if f.UnitText == "万" && f.Unit != "other" {
			t.Errorf("Extract(%q) unit %s, want other", tc.text, f.Unit)
		}
	}
}
