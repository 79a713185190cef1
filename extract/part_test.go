package extract

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/gwrfacts/gwr/normalize"
	"github.com/gwrfacts/gwr/schema"
)

// timeOfMention runs Extract over text (a report for planYear) and returns
// "kind year" of the fact whose mention is m, or "missing".
func timeOfMention(t *testing.T, x *Extractor, text string, planYear int, m string) string {
	t.Helper()
	for _, f := range x.Extract(Document{ID: "t", Text: text, PlanYear: planYear}) {
		if f.Mention == m {
			return timeOfFact(f)
		}
	}
	return "missing"
}

// checkTimes extracts text once and checks the time (as timeOfMention
// writes it) of the first fact of each mention of want.
func checkTimes(t *testing.T, x *Extractor, text string, planYear int, want map[string]string) {
	t.Helper()
	got := map[string]string{}
	for _, f := range x.Extract(Document{ID: "t", Text: text, PlanYear: planYear}) {
		if _, seen := got[f.Mention]; !seen {
			got[f.Mention] = timeOfFact(f)
		}
	}
	for m, w := range want {
		g, ok := got[m]
		if !ok {
			g = "missing"
		}
		if g != w {
			t.Errorf("%s: %s, want %s", m, g, w)
		}
	}
}

// timeOfFact writes a fact's kind, year (or null) and hedge.
func timeOfFact(f schema.Fact) string {
	y := "null"
	if f.Year != nil {
		y = fmt.Sprint(*f.Year)
	}
	return string(f.Kind) + " " + y + hedgeSuffix(f.Hedge)
}

func hedgeSuffix(h string) string {
	if h == "" {
		return ""
	}
	return " " + h
}

// TestTimeByStructureAndSentence checks SPEC section 6: the review part is
// found from the report's structure, and the sentence overrides it.
func TestTimeByStructureAndSentence(t *testing.T) {
	x := newExtractor(t)
	const fujian = "各位代表：\n一、牢记殷殷嘱托，在接续奋斗中新福建建设取得新成效\n2024年全省地区生产总值57761亿元、增长5.5%。\n新增高新技术企业1000家。\n二、2025年工作安排\n今年经济社会发展的主要目标是：地区生产总值增长5.5%左右。\n"
	const fiveYears = "各位代表：\n一、过去五年工作回顾\n五年来，国内生产总值从54万亿元增加到82.7万亿元，年均增长7.1%。\n城镇新增就业6600万人以上。\n刚刚过去的2017年，经济社会发展主要目标任务全面完成。国内生产总值增长6.9%。\n国有企业效益明显好转，去年利润增长23.5%。\n二、2018年经济社会发展总体要求和政策取向\n今年发展主要目标是：城镇新增就业1100万人以上。\n"
	const estimate = "各位代表：\n一、2024年工作回顾\n预计全年地区生产总值增长5.2%。\n初步统计，全省粮食产量达到1300万吨。\n二、2025年主要目标任务\n今年是“十四五”规划收官之年。力争地区生产总值增长6%。\n"
	const noHeadings = "各位代表：\n首先报告2001年的工作。\n全国财政收入达到16371亿元，按可比口径增加2400亿元。\n城市居民最低生活保障的覆盖人数，由年初的400多万人扩大到年末的1120多万人。\n2002年是非常重要的一年。\n今年拟发行1500亿元长期建设国债。\n从2002年1月1日起，我国关税总水平已由15.3%降到12%，涉及5300多个税目。\n"
	const deficit = "各位代表：\n一、2014年工作回顾\n国内生产总值增长7.4%。\n二、2015年工作总体部署\n今年拟安排财政赤字1.62万亿元，比去年增加2700亿元，赤字率从去年的2.1%提高到2.3%。\n"
	cases := []struct {
		name, text string
		year       int
		mention    string
		want       string
	}{
		{"review heading without 回顾, year named", fujian, 2025, "57761亿元", "actual 2024"},
		{"review heading without 回顾", fujian, 2025, "1000家", "actual 2024"},
		{"plan part after the turn", fujian, 2025, "5.5%左右", "target 2025"},
		{"five-year review: from", fiveYears, 2018, "54万亿元", "actual 2012"},
		{"five-year review: to", fiveYears, 2018, "82.7万亿元", "actual 2017"},
		{"five-year average", fiveYears, 2018, "7.1%", "actual null"},
		{"five-year total", fiveYears, 2018, "6600万人以上", "actual null"},
		{"paragraph of the last year", fiveYears, 2018, "6.9%", "actual 2017"},
		{"去年 in a five-year review", fiveYears, 2018, "23.5%", "actual 2017"},
		{"plan after a five-year review", fiveYears, 2018, "1100万人以上", "target 2018"},
		{"预计 in a review", estimate, 2025, "5.2%", "actual 2024 预计"},
		{"初步统计 in a review", estimate, 2025, "1300万吨", "actual 2024 初步统计"},
		{"plan part opened by 今年是", estimate, 2025, "6%", "target 2025 力争"},
		{"review without headings", noHeadings, 2002, "16371亿元", "actual 2001"},
		{"within one year: from", noHeadings, 2002, "400多万人", "actual 2001"},
		{"within one year: to", noHeadings, 2002, "1120多万人", "actual 2001"},
		{"plan turned to by 2002年是", noHeadings, 2002, "1500亿元", "target 2002 拟"},
		{"policy change already made: from", noHeadings, 2002, "15.3%", "actual 2001"},
		{"policy change already made: to", noHeadings, 2002, "12%", "actual 2002"},
		{"from last year's level", deficit, 2015, "2.1%", "actual 2014 拟"},
		{"to this year's level", deficit, 2015, "2.3%", "target 2015 拟"},
	}
	for _, c := range cases {
		if got := timeOfMention(t, x, c.text, c.year, c.mention); got != c.want {
			t.Errorf("%s: %s = %q, want %q", c.name, c.mention, got, c.want)
		}
	}
}

// TestTimeOfYearInPeriod: a sentence that places its year in a five-year
// period (2024年是“十四五”规划的关键之年) gives its figures that year; a span
// word after the year that is the figure's own time still makes it null.
func TestTimeOfYearInPeriod(t *testing.T) {
	x := newExtractor(t)
	const text = "各位代表：\n一、2024年工作回顾\n2024年是“十四五”规划的关键之年，我们新增高新技术企业800家。\n2024年是实现“十四五”目标任务的关键一年，全省粮食产量达到1300万吨。\n2024年，全省地区生产总值达到2.6万亿元，“十四五”以来年均增长5.6%。\n二、2025年工作安排\n今年地区生产总值增长5%左右。\n"
	cases := []struct{ name, mention, want string }{
		{"之年", "800家", "actual 2024"},
		{"一年", "1300万吨", "actual 2024"},
		{"year's level", "2.6万亿元", "actual 2024"},
		{"average over the period", "5.6%", "actual null"},
	}
	for _, c := range cases {
		if got := timeOfMention(t, x, text, 2025, c.mention); got != c.want {
			t.Errorf("%s: %s = %q, want %q", c.name, c.mention, got, c.want)
		}
	}
}

// TestTimeOfReviewedYearsTarget checks a class of SPEC section 6 found
// with written variants of review sentences (issue 11): a review that
// reports the reviewed year's target next to its result gives the target
// kind target and the reviewed year (LABELING: a year's plan figure
// reported afterwards is a target of that year), so that the year's GDP
// result is not given twice; a target the sentence says was reached, with
// no other figure, stays the result (提前实现了…翻两番的目标).
func TestTimeOfReviewedYearsTarget(t *testing.T) {
	x := newExtractor(t)
	const review = "各位代表：\n一、2024年工作回顾\n年初确定的地区生产总值增长6%左右的目标顺利实现。\n规模以上工业增加值增长6.4%，完成了年初确定的增长6.2%左右的预期目标。\n全年经济增长目标为5.5%左右，实际增长5.3%。\n全省生产总值增长5.2%，超额完成5%的预期目标。\n没有实现年初确定的能耗降低3%左右、排放总量减少2%的目标。\n提前一年实现城乡居民收入比2010年翻一番的目标。\n工业增加值增长5.7%，比年初预期目标高0.4个百分点。\n二、2025年工作安排\n今年地区生产总值增长4.5%左右的目标，需要付出艰苦努力。\n"
	cases := []struct{ name, mention, want string }{
		{"target named after it, then met", "6%左右", "target 2024"},
		{"result before 年初确定的 target", "6.4%", "actual 2024"},
		{"年初确定的 target", "6.2%左右", "target 2024"},
		{"目标为", "5.5%左右", "target 2024"},
		{"result after 目标为", "5.3%", "actual 2024"},
		{"超额完成 target", "5%", "target 2024"},
		{"missed target, first item of a list", "3%左右", "target 2024"},
		{"missed target, last item", "2%", "target 2024"},
		{"target reached, no other figure", "翻一番", "actual 2024"},
		{"passing the target by", "0.4个百分点", "actual 2024"},
		{"plan part", "4.5%左右", "target 2025"},
	}
	for _, c := range cases {
		if got := timeOfMention(t, x, review, 2025, c.mention); got != c.want {
			t.Errorf("%s: %s = %q, want %q", c.name, c.mention, got, c.want)
		}
	}
}

// TestTimeOfMetTargetsAndThisYear checks two sentence classes of SPEC
// section 6 found on unseen Hebei and Baoding reports and written
// variants of them (issue 11): a review sentence whose 预期目标 names last
// year's targets as met keeps its figures results of that year (the
// province's GDP growth must not become a second target of the plan year),
// and a plan sentence that turns from last year (去年) to this year (今年,
// 力争) makes the figures after the turn targets.
func TestTimeOfMetTargetsAndThisYear(t *testing.T) {
	x := newExtractor(t)
	const review = "各位代表：\n一、2024年工作回顾\n主要预期目标全面完成，地区生产总值增长5.6%。\n全省规模以上工业增加值增长5.8%，高于年初预期目标0.3个百分点。\n老旧小区改造有序推进，力争年底前完成改造5000户。\n确保了全年目标任务完成，一般公共预算收入增长3.1%。\n我们力争上游，进出口总额增长8.2%。\n二、2025年工作安排\n今年地区生产总值增长5%左右。\n"
	const plan = "各位代表：\n一、2024年工作回顾\n地区生产总值增长5.8%。\n二、2025年工作安排\n去年全省生产总值增长5.2%，今年预期增长5.1%左右。\n在去年增长4.9%的基础上，今年全省一般公共预算收入力争增长5.5%。\n去年进出口总额突破1.5万亿元，今年要达到1.6万亿元。\n今年将新建充电站30个，去年已建成12个。\n2024年全省规模以上工业增加值增长5.7%，今年预期增长5.2%左右。\n在2024年增长4.7%的基础上，今年居民人均可支配收入增长5.4%。\n"
	cases := []struct {
		name, text, mention, want string
	}{
		{"预期目标 reported met, figure after", review, "5.6%", "actual 2024"},
		{"passing 年初预期目标", review, "0.3个百分点", "actual 2024"},
		{"力争 in a review still plans", review, "5000户", "target 2025 力争"},
		{"确保了: done", review, "3.1%", "actual 2024"},
		{"力争上游: an idiom, no plan", review, "8.2%", "actual 2024"},
		{"target after the review", review, "5%左右", "target 2025"},
		{"去年 before the turn", plan, "5.2%", "actual 2024"},
		{"今年 after 去年", plan, "5.1%左右", "target 2025 预期"},
		{"去年 base, then 今年 力争", plan, "5.5%", "target 2025 力争"},
		{"去年 level, then 今年 要", plan, "1.6万亿元", "target 2025"},
		{"去年 after 今年", plan, "12个", "actual 2024"},
		{"year named, before the turn", plan, "5.7%", "actual 2024"},
		{"year named, then 今年", plan, "5.2%左右", "target 2025 预期"},
		{"year named as the base, then 今年", plan, "5.4%", "target 2025"},
		{"year named as the base", plan, "4.7%", "actual 2024"},
	}
	for _, c := range cases {
		if got := timeOfMention(t, x, c.text, 2025, c.mention); got != c.want {
			t.Errorf("%s: %s = %q, want %q", c.name, c.mention, got, c.want)
		}
	}
}

func TestPlanStart(t *testing.T) {
	x := newExtractor(t)
	text := "2025年政府工作报告\n各位代表：\n一、牢记殷殷嘱托，取得新成效\n地区生产总值增长5.5%。\n二、2025年工作安排\n力争增长6%。\n"
	_, lay, err := x.ExtractLayout(Document{ID: "t", Text: text, PlanYear: 2025})
	if err != nil {
		t.Fatal(err)
	}
	want := len([]rune(text[:strings.Index(text, "二、")]))
	if lay.PlanStart != want {
		t.Errorf("PlanStart = %d, want %d (the heading 二、2025年工作安排, not the title)", lay.PlanStart, want)
	}
	_, lay, _ = x.ExtractLayout(Document{ID: "t", Text: "新增企业10家。\n", PlanYear: 2025})
	if lay.PlanStart != -1 {
		t.Errorf("PlanStart of a text that never turns = %d, want -1", lay.PlanStart)
	}
}

func TestNamedYear(t *testing.T) {
	cases := []struct {
		before string
		year   int
		base   bool
	}{
		{"2024年全省地区生产总值", 2024, false},
		{"地区生产总值比2020年增长", 0, false},
		{"技术合同输出额从2022年的", 2022, true},
		{"比2020年的", 2020, true},
		{"供地总量是2022年的", 0, false},
		{"2020年以来，累计", 0, false},
		{"在2024年基础上", 0, false},
		{"增加到2023年", 2023, false},
		{"力争“十四五”末做优做强", 2025, false},
		{"从2002年1月1日起，我国关税总水平已由", 2002, false},
	}
	for _, c := range cases {
		if y, b := namedYear(c.before); y != c.year || b != c.base {
			t.Errorf("namedYear(%q) = %d, %v; want %d, %v", c.before, y, b, c.year, c.base)
		}
	}
}

func TestArabicYears(t *testing.T) {
	for in, want := range map[string]string{"一九八二年": "1982年", "二〇二四年全省": "2024年全省", "二○二五年": "2025年", "一九五二年的八百": "1952年的八百", "十二年": "十二年"} {
		if got := arabicYears(in); got != want {
			t.Errorf("arabicYears(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestRatesAndStocksAreLevels checks SPEC section 3: a rate or share is a
// level even in a list of growth rates; 累计 and stocks are levels.
func TestRatesAndStocksAreLevels(t *testing.T) {
	x := newExtractor(t)
	cases := []struct{ text, mention, want string }{
		{"城乡居民人均可支配收入分别增长5%、6%，城镇调查失业率5.5%。", "5.5%", "level"},
		{"城乡居民人均可支配收入分别增长5%、6%，城镇调查失业率5.5%。", "6%", "growth"},
		{"累计建成省级和美乡村55个以上。", "55个以上", "level"},
		{"新能源汽车保有量达到3000辆。", "3000辆", "level"},
		{"过去五年，累计新增城镇就业5.2万人。", "5.2万人", "delta"},
		{"新建省级和美乡村55个以上。", "55个以上", "delta"},
		{"单位地区生产总值能耗强度下降3%。", "3%", "growth"},
	}
	for _, c := range cases {
		got := "missing"
		for _, f := range x.Extract(Document{ID: "t", Text: c.text, PlanYear: 2025}) {
			if f.Mention == c.mention {
				got = string(f.Measure)
			}
		}
		if got != c.want {
			t.Errorf("%s in %s: measure = %s, want %s", c.mention, c.text, got, c.want)
		}
	}
}

func TestEllipsisCarriesIndicatorOverTimeWord(t *testing.T) {
	x := newExtractor(t)
	text := "1979年重工业总产值比上年增长7.7%，今年上半年又比去年同期增长6%。"
	got := "missing"
	for _, f := range x.Extract(Document{ID: "t", Text: text, PlanYear: 1980}) {
		if f.Mention == "6%" {
			got = f.Indicator
		}
	}
	if got != "重工业总产值" {
		t.Errorf("indicator of 6%% = %q, want 重工业总产值 (carried over 上半年)", got)
	}
}

// TestPlanStartAfterPageChrome checks the turn to the plan part on a web
// page whose summary names 各位代表 before the title and the session line
// (——2023年1月8日在…会议上, a heading naming the plan year): the turn is the
// plan heading after the review, and a review heading that holds a plan
// heading word (一年来，…自身建设全面加强) stays in the review.
func TestPlanStartAfterPageChrome(t *testing.T) {
	x := newExtractor(t)
	text := "内容摘要：现在，我代表县人民政府向大会作工作报告，请各位代表审议......\n政府工作报告\n——2023年1月8日在某某县第十八届人民代表大会第二次会议上\n各位代表：\n一、2022年工作回顾\n地区生产总值增长5%。\n一年来，我们坚持实干担当，自身建设全面加强\n办理人大代表建议62件。\n二、2023年工作安排\n力争增长6%。\n"
	facts, lay, err := x.ExtractLayout(Document{ID: "t", Text: text, PlanYear: 2023})
	if err != nil {
		t.Fatal(err)
	}
	want := len([]rune(text[:strings.Index(text, "二、")]))
	if lay.PlanStart != want {
		t.Errorf("PlanStart = %d, want %d (the heading 二、2023年工作安排, not the session line)", lay.PlanStart, want)
	}
	for _, f := range facts {
		wantKind := "actual"
		if f.Mention == "6%" {
			wantKind = "target"
		}
		if string(f.Kind) != wantKind {
			t.Errorf("fact %s: kind %s, want %s", f.Mention, f.Kind, wantKind)
		}
	}
}

// TestFirstYearOfFiveYearPlan checks the reports of the first year of a
// five-year plan (SPEC section 6), with sentences of the unlabelled reports
// (national 2006, 2011, 2016; Baoding, Fuping and Hebei 2021): the review of
// the period just ended gives results without a year, wherever it stands (a
// paragraph of the year's review, a heading that also holds the new
// targets, a section of the plan part); the new period's targets have the
// year they name or none; the plan year's work has the plan year.
func TestFirstYearOfFiveYearPlan(t *testing.T) {
	x := newExtractor(t)
	// a heading holding both the period's review and the new targets: the
	// plan part starts where the text turns to the targets
	const both = "各位代表：\n一、2020年工作回顾\n全市生产总值增长3.9%。\n" +
		"二、“十三五”时期主要成就和“十四五”时期主要目标任务\n" +
		"“十三五”时期是保定发展史上具有里程碑意义的五年。\n五年来，主要指标保持中高速增长，生产总值年均增长6.3%。高新技术企业达到1100家。\n" +
		"全省生产总值从2015年的2.6万亿元增长到2020年的3.62万亿元，一般公共预算收入从2649.2亿元增长到3826.4亿元。\n" +
		"根据《中共中央关于制定国民经济和社会发展第十四个五年规划和二〇三五年远景目标的建议》，国务院编制了《纲要（草案）》。\n" +
		"城乡一体化步伐加快，常住人口城镇化率达到64%。\n三、2021年重点工作\n实施“规模以上工业企业倍增计划”，确保新增450家以上。\n"
	// a paragraph of the one-year review that reviews the period
	const paragraph = "各位代表：\n一、2015年工作回顾\n全年国内生产总值增长6.9%。\n" +
		"2015年是“十二五”收官之年。过去五年，我国发展成就举世瞩目。国内生产总值年均增长7.8%。单位国内生产总值能耗下降18.2%，主要污染物排放量减少12%以上。城镇新增就业人数超过6400万人。\n" +
		"二、“十三五”时期主要目标任务和重大举措\n" +
		"到2020年，先进制造业、现代服务业、战略性新兴产业比重大幅提升，全员劳动生产率从人均8.7万元提高到12万元以上。\n实现城镇新增就业5000万人以上。\n" +
		"三、2016年重点工作\n今年发展的主要预期目标是：城镇新增就业1000万人以上。\n"
	// a section of the plan part that reviews the period just ended
	const section = "各位代表：\n一、去年工作回顾\n全年国内生产总值达到18.23万亿元。\n二、今年主要任务\n今年中央财政安排科技投入716亿元。\n" +
		"三、关于《国民经济和社会发展第十一个五年规划纲要（草案）》的说明\n（二）“十五”期间国民经济和社会发展主要情况\n" +
		"五年来，人民生活明显改善。城镇居民人均可支配收入和农村居民人均纯收入，分别实际增长58.3%和29.2%。城镇新增就业4200万人。\n" +
		"（三）“十一五”时期经济社会发展的指导原则和主要目标\n《纲要（草案）》提出，今后五年国内生产总值年均增长7.5%。\n"
	// the period's review first, then the year's
	const fuping = "各位代表：\n一、“十三五”时期和2020年主要工作回顾\n" +
		"过去五年，是我们坚定不移推进城乡统筹发展的五年。新建农村公厕538座，改造户厕23568座。\n" +
		"贫困地区人均可支配收入由2013年的2330元增长到8629元，9个贫困县全部摘帽。\n" +
		"刚刚过去的2020年，面对突如其来的新冠肺炎疫情冲击，我们扎实做好“六稳”工作。粮食总产759.2亿斤。\n" +
		"这一年，我们聚力推进城市转型。高标准、高效率改造提升主城区主次干道8条。\n" +
		"二、“十四五”时期主要目标任务\n城乡居民人均可支配收入年均增长8%以上。\n三、2021年重点工作\n完成城镇新增就业1.05万人。\n"
	cases := []struct {
		name, text string
		year       int
		mention    string
		want       string
	}{
		{"both heading: the year's review", both, 2021, "3.9%", "actual 2020"},
		{"both heading: the period's average", both, 2021, "6.3%", "actual null"},
		{"both heading: the period's level", both, 2021, "1100家", "actual null"},
		{"both heading: named start", both, 2021, "2.6万亿元", "actual 2015"},
		{"both heading: named end", both, 2021, "3.62万亿元", "actual 2020"},
		{"both heading: start of the period", both, 2021, "2649.2亿元", "actual 2015"},
		{"both heading: end of the period", both, 2021, "3826.4亿元", "actual 2020"},
		{"both heading: the new period's target", both, 2021, "64%", "target null"},
		{"both heading: the plan year's work", both, 2021, "450家以上", "target 2021 确保"},
		{"paragraph: the year's review", paragraph, 2016, "6.9%", "actual 2015"},
		{"paragraph: the period's fall", paragraph, 2016, "18.2%", "actual null"},
		{"paragraph: the period's fall, second", paragraph, 2016, "12%以上", "actual null"},
		{"paragraph: the period's jobs", paragraph, 2016, "超过6400万人", "actual null"},
		{"plan of the period: start at the base year", paragraph, 2016, "8.7万元", "actual 2015"},
		{"plan of the period: end named", paragraph, 2016, "12万元以上", "target 2020"},
		{"plan of the period: no year", paragraph, 2016, "5000万人以上", "target null"},
		{"the plan year's targets", paragraph, 2016, "1000万人以上", "target 2016 预期"},
		{"section: the plan year", section, 2006, "716亿元", "target 2006"},
		{"section: the period's growth", section, 2006, "58.3%", "actual null"},
		{"section: the period's jobs", section, 2006, "4200万人", "actual null"},
		{"section: the next section plans", section, 2006, "7.5%", "target null"},
		{"period first: the period's count", fuping, 2021, "538座", "actual null"},
		{"period first: named start", fuping, 2021, "2330元", "actual 2013"},
		{"period first: end of a named start", fuping, 2021, "8629元", "actual 2020"},
		{"period first: after the change", fuping, 2021, "9个", "actual null"},
		{"period first: the year's paragraph", fuping, 2021, "759.2亿斤", "actual 2020"},
		{"period first: 这一年", fuping, 2021, "8条", "actual 2020"},
		{"period first: the new period", fuping, 2021, "8%以上", "target null"},
		{"period first: the plan year", fuping, 2021, "1.05万人", "target 2021"},
	}
	for _, c := range cases {
		if got := timeOfMention(t, x, c.text, c.year, c.mention); got != c.want {
			t.Errorf("%s: %s = %q, want %q", c.name, c.mention, got, c.want)
		}
	}
	// the turn after a heading that holds both, in the forms it takes
	head := "各位代表：\n一、2020年工作回顾\n全市生产总值增长3.9%。\n二、“十三五”时期主要成就和“十四五”时期主要目标任务\n五年来，生产总值年均增长6.3%。\n"
	for _, turn := range []string{
		"根据《中共中央关于制定国民经济和社会发展第十四个五年规划和二〇三五年远景目标的建议》，国务院编制了《纲要（草案）》。",
		"国务院根据《中共中央关于制定国民经济和社会发展第十四个五年规划和二〇三五年远景目标的建议》，编制了《纲要（草案）》。",
		"“十四五”时期，我国开启了全面建设社会主义现代化国家新征程。",
		"到2025年，常住人口城镇化率达到64%。",
		"“十四五”时期经济社会发展的主要目标是：",
	} {
		text := head + turn + "\n生产总值年均增长8%以上。\n三、2021年重点工作\n"
		_, lay, err := x.ExtractLayout(Document{ID: "t", Text: text, PlanYear: 2021})
		if err != nil {
			t.Fatal(err)
		}
		if want := len([]rune(head)); lay.PlanStart != want {
			t.Errorf("plan start = %d, want %d (the sentence %s, not the heading)", lay.PlanStart, want, turn)
		}
	}
}

// TestAddedAndRaisedAmounts checks SPEC section 3 on sentences of the
// unlabelled reports: what a name says was added (新增…) is a delta
// whatever verb reaches it, unless the sentence gives the standing total; a
// money amount right after 提高 is what it adds; 再降X% is a fall; a rate
// whose name holds 增长 (贡献率, 人口增长率) is a level.
func TestAddedAndRaisedAmounts(t *testing.T) {
	x := newExtractor(t)
	cases := []struct {
		text      string
		year      int
		mention   string
		want      string
		wantValue float64
	}{
		{"城镇新增就业人口970万人；", 2006, "970万人", "delta", 9.7e6},                          // national 2006
		{"争取明年新增发电装机达到300万千瓦以上。", 1980, "300万千瓦以上", "delta", 3e6},                  // national 1980
		{"去年新增减税降费超过1万亿元，还对制造业中小微企业实施缓缴税费。", 2022, "超过1万亿元", "delta", 1e12},        // national 2022
		{"央企在保子公司新增25家、达到225家，总数居全省前列。", 2023, "225家", "level", 225},               // news Baoding 2023
		{"国有及国有控股企业在境内外新增上市公司442家，累计筹资7436亿元。", 2003, "7436亿元", "level", 7.436e11}, // national 2003
		{"城乡居民基础养老金月最低标准提高20元，继续提高退休人员基本养老金。", 2024, "20元", "delta", 20},           // national 2024
		{"今年小麦、稻谷最低收购价平均每斤分别提高0.11元和0.13元。", 2009, "0.13元", "delta", 0.13},         // national 2009
		{"国家用于提高农副产品收购价格的支出四百四十二亿元。", 1982, "四百四十二亿元", "level", 4.42e10},           // national 1982: 提高 qualifies the spending
		{"全年粮食产量6.9亿吨。", 2025, "6.9亿吨", "level", 6.9e8},                            // a yearly statistic
		{"一般工商业平均电价再降10%。", 2019, "10%", "growth", -10},                            // national 2019 (再降低 there)
		{"城镇登记失业率4.1%。", 2019, "4.1%", "level", 4.1},
		{"服务业对经济增长贡献率接近60%，高技术产业、装备制造业增速明显快于一般工业。", 2019, "接近60%", "level", 60}, // national 2019: a rate named with 增长
		{"国内生产总值增长6.7%，名列世界前茅，对全球经济增长的贡献率超过30%。", 2017, "超过30%", "level", 30},   // national 2017
		{"今年我们要力争使全国人口增长率降到千分之十左右。", 1979, "千分之十左右", "level", 1},                // national 1979: a population rate
	}
	for _, c := range cases {
		got, value := "missing", 0.0
		for _, f := range x.Extract(Document{ID: "t", Text: c.text, PlanYear: c.year}) {
			if f.Mention == c.mention {
				got, value = string(f.Measure), f.ValueLow
			}
		}
		if got != c.want || value != c.wantValue {
			t.Errorf("%s in %s: measure, value = %s, %g; want %s, %g", c.mention, c.text, got, value, c.want, c.wantValue)
		}
	}
}

// TestFromToPerHead checks 由A提高到B (SPEC 6, 7) when a per-head qualifier
// stands between 由 and A (national 2008, 2012, 2019): A is the level the
// change starts from (actual, the year before), B the level reached, and the
// qualifier is no part of the indicator.
func TestFromToPerHead(t *testing.T) {
	x := newExtractor(t)
	const text = "各位代表：\n一、2009年工作回顾\n国内生产总值增长8.7%。\n二、2010年工作总体部署\n" +
		"各级财政对城镇居民医保和新农合的补助标准由每人每年120元提高到200元。\n城乡居民基础养老金最低标准从每月70元提高到88元。\n"
	cases := []struct{ mention, want, indicator string }{
		{"120元", "actual 2009", "城镇居民医保和新农合的补助标准"},
		{"200元", "target 2010", "城镇居民医保和新农合的补助标准"},
		{"70元", "actual 2009", "城乡居民基础养老金最低标准"},
		{"88元", "target 2010", "城乡居民基础养老金最低标准"},
	}
	facts := x.Extract(Document{ID: "t", Text: text, PlanYear: 2010})
	for _, c := range cases {
		if got := timeOfMention(t, x, text, 2010, c.mention); got != c.want {
			t.Errorf("%s: time = %q, want %q", c.mention, got, c.want)
		}
		for _, f := range facts {
			if f.Mention == c.mention && f.Indicator != c.indicator {
				t.Errorf("%s: indicator = %q, want %q", c.mention, f.Indicator, c.indicator)
			}
		}
	}
}

// TestTimeOfTheYearAndThePeriod checks SPEC section 6 on reports that
// review both the year just ended and the five-year period it closes, then
// give the new period's targets and the plan year's.
func TestTimeOfTheYearAndThePeriod(t *testing.T) {
	x := newExtractor(t)
	const expectations = "各位代表：\n一、2025年工作回顾\n我们稳就业、稳企业、稳预期，全省地区生产总值增长6.1%。\n市场预期明显改善，实际使用外资增长8.3%。\n二、2026年工作安排\n今年主要预期目标是：地区生产总值增长5.5%左右。\n"
	const closingYear = "各位代表：\n一、工作回顾\n2025年是“十四五”收官之年，我们迎难而上，地区生产总值增长5.2%，粮食产量达到800亿斤。\n“十四五”时期，全省地区生产总值年均增长5.4%。\n二、2026年工作安排\n今年地区生产总值增长5%左右。\n"
	const closingPeriod = "各位代表：\n一、2025年工作回顾\n2025年是“十四五”收官之年。回望极不平凡的五年，全省地区生产总值年均增长5.8%，城镇新增就业累计310万人。\n二、2026年工作安排\n今年地区生产总值增长5%左右。\n"
	const lastYearAfterPeriod = "各位代表：\n一、“十四五”时期和2025年工作回顾\n这五年，全区地区生产总值跨越两个千亿元台阶，年均增长6.2%。\n各位代表！刚刚过去的2025年，极不平凡。\n全年地区生产总值增长5.7%，规上工业增加值增长8.1%。\n（一）产业发展提质增效。\n高技术制造业增加值增长12.4%。\n过去五年，我们持续改进作风，一般性支出累计压减15%。\n二、“十五五”时期主要目标任务\n今后五年，地区生产总值年均增长5%左右。\n"
	const partTwo = "各位代表：\n一、砥砺奋进，高质量发展迈出新步伐\n一年来，全省地区生产总值增长5.3%。\n（四）持续加强政府自身建设\n行政审批时限压缩40%。\n二、乘势而上，奋力开创现代化建设新局面\n《纲要草案》提出，地区生产总值年均增长5%左右。\n三、一鼓作气，推动“十五五”开好局\n今年地区生产总值增长5%以上。\n全年新增城镇就业60万人。\n"
	const periodInPlan = "各位代表：\n一、2025年工作回顾\n全市地区生产总值增长5.0%。\n二、关于“十五五”规划纲要草案的说明\n“十四五”时期，全市发展极不平凡。这五年，全市地区生产总值从3.2万亿元增加到4.1万亿元。\n《纲要草案》提出，到2030年全市地区生产总值突破5万亿元。\n三、2026年主要任务\n今年全市地区生产总值增长5%左右。\n"
	const thisWasTheFive = "各位代表：\n一、2025年和“十四五”时期工作回顾\n全省地区生产总值增长4.9%。\n各位代表！经过接续奋斗，我们圆满完成规划目标。\n这是综合实力大幅跃升的五年。\n地区生产总值从2.1万亿元提高到2.7万亿元。\n二、2026年工作安排\n今年地区生产总值增长5%左右。\n"
	const closingDeclared = "各位代表：\n一、2025年和“十四五”时期工作回顾\n2025年，全省地区生产总值增长5.3%。\n各位代表！全年各项目标任务全面完成，标志着“十四五”规划圆满收官。回首过去五年，我们砥砺前行。\n（一）综合实力持续增强。全省地区生产总值达到1.8万亿元。\n二、2026年工作安排\n今年地区生产总值增长5%左右。\n"
	const comparedWithPlanEnd = "各位代表：\n一、2025年工作回顾\n全年地区生产总值增长5.1%。\n五年来，全省地区生产总值达到1.4万亿元，较“十三五”末的0.95万亿元增加4500亿元，增长47%，较“十三五”末净增一般公共预算收入300亿元。\n二、2026年工作安排\n今年地区生产总值增长5%左右。\n"
	const lastYearNotComma = "各位代表：\n一、“十四五”时期和2025年工作回顾\n过去五年，全市城镇新增就业累计52万人。\n刚刚过去的2025年极不寻常。一年来，我们迎难而上。\n（一）扎实稳住经济大盘。新增专项债券资金260亿元。\n（二）持续改善民生。城镇新增就业10.4万人。\n过去的2021年至2025年，全市粮食产量累计增加15万吨。\n二、“十五五”时期主要目标任务\n今后五年，地区生产总值年均增长5%左右。\n"
	cases := []struct {
		name, text string
		mention    string
		want       string
	}{
		{"稳预期 in a review is no plan", expectations, "6.1%", "actual 2025"},
		{"市场预期 in a review is no plan", expectations, "8.3%", "actual 2025"},
		{"预期目标 in the plan part", expectations, "5.5%左右", "target 2026"},
		{"closing year of the period, about the year", closingYear, "5.2%", "actual 2025"},
		{"closing year of the period, later figure", closingYear, "800亿斤", "actual 2025"},
		{"the period's average after the year", closingYear, "5.4%", "actual null"},
		{"closing year opening the period's review: average", closingPeriod, "5.8%", "actual null"},
		{"closing year opening the period's review: total", closingPeriod, "310万人", "actual null"},
		{"the period reviewed first", lastYearAfterPeriod, "6.2%", "actual null"},
		{"the year after the period, its paragraph", lastYearAfterPeriod, "5.7%", "actual 2025"},
		{"the year after the period, same sentence", lastYearAfterPeriod, "8.1%", "actual 2025"},
		{"the year after the period, later paragraph", lastYearAfterPeriod, "12.4%", "actual 2025"},
		{"the period again", lastYearAfterPeriod, "15%", "actual null"},
		{"the new period's average", lastYearAfterPeriod, "5%左右", "target null"},
		{"five years before the year", lastYearNotComma, "52万人", "actual null"},
		{"刚刚过去的2025年 without a comma: first section", lastYearNotComma, "260亿元", "actual 2025"},
		{"刚刚过去的2025年 without a comma: later section", lastYearNotComma, "10.4万人", "actual 2025"},
		{"过去的2021年至2025年 is a span, not the year", lastYearNotComma, "15万吨", "actual null"},
		{"review part without plan words", partTwo, "5.3%", "actual 2025"},
		{"a review section on the government's own work", partTwo, "40%", "actual 2025"},
		{"part two plans without plan words", partTwo, "5%左右", "target null"},
		{"plan year's target", partTwo, "5%以上", "target 2026"},
		{"the plan year's part, opening the new period", partTwo, "60万人", "target 2026"},
		{"period reviewed in the plan part: from", periodInPlan, "3.2万亿元", "actual 2020"},
		{"period reviewed in the plan part: to", periodInPlan, "4.1万亿元", "actual 2025"},
		{"the new period's target after its review", periodInPlan, "突破5万亿元", "target 2030"},
		{"plan year after the period's review", periodInPlan, "5%左右", "target 2026"},
		{"这是…的五年: from", thisWasTheFive, "2.1万亿元", "actual 2020"},
		{"这是…的五年: to", thisWasTheFive, "2.7万亿元", "actual 2025"},
		{"the year before the period closes", closingDeclared, "5.3%", "actual 2025"},
		{"a paragraph that closes the period, then its five years", closingDeclared, "1.8万亿元", "actual null"},
		{"the period's level reached, compared with its start: 从A增至B written the other way round", comparedWithPlanEnd, "1.4万亿元", "actual 2025"},
		{"the base at the end of the last period", comparedWithPlanEnd, "0.95万亿元", "actual 2020"},
		{"the change since the base", comparedWithPlanEnd, "4500亿元", "actual null"},
		{"the rate since the base", comparedWithPlanEnd, "47%", "actual null"},
		{"净增 since the base", comparedWithPlanEnd, "300亿元", "actual null"},
	}
	for _, c := range cases {
		// kind and year only: the hedge is not what these cases are about
		got := strings.Fields(timeOfMention(t, x, c.text, 2026, c.mention))
		if got = got[:min(2, len(got))]; strings.Join(got, " ") != c.want {
			t.Errorf("%s: %s = %q, want %q", c.name, c.mention, strings.Join(got, " "), c.want)
		}
	}
	_, lay, err := x.ExtractLayout(Document{ID: "t", Text: partTwo, PlanYear: 2026})
	if err != nil {
		t.Fatal(err)
	}
	if want := len([]rune(partTwo[:strings.Index(partTwo, "二、")])); lay.PlanStart != want {
		t.Errorf("PlanStart = %d, want %d (二、乘势而上…, the second part heading)", lay.PlanStart, want)
	}
}

// TestDoneHeadings checks that a heading saying what was done is a review
// heading, though it names a plan word (自身建设), and that one saying
// what is to be done is not (SPEC section 6: the structure, not the words).
func TestDoneHeadings(t *testing.T) {
	cases := []struct {
		h    string
		want section
	}{
		{"我们始终注重政府自身建设，依法行政水平实现新提升", sectionReview},
		{"我们坚持人民至上，社会事业取得新进步", sectionReview},
		{"（六）政府自身建设不断加强", sectionReview},
		{"三是营商环境持续优化", sectionReview},
		{"我们将持续加强政府自身建设", sectionPlan},
		{"我们要加快建设现代产业体系", sectionNone},
		{"四、全面加强政府自身建设", sectionPlan},
		{"（二）推动产业转型升级取得新突破", sectionNone},
		{"（三）深化改革开放，为高质量发展注入新动能", sectionNone},
		{"第五，国有企业改革要取得新的突破", sectionNone},
		{"二、我们在第二个五年计划中的任务", sectionNone},
	}
	for _, c := range cases {
		if got := classifyHeading(c.h, 2026); got != c.want {
			t.Errorf("classifyHeading(%q) = %v, want %v", c.h, got, c.want)
		}
	}
	x := newExtractor(t)
	text := "各位代表：\n2025年工作回顾\n我们始终聚焦项目建设，发展后劲实现新增强\n实施重点项目68个，完成投资120亿元。\n我们始终注重政府自身建设，服务效能得到新提升\n坚持依法行政，办理人大代表建议85件、政协提案132件。\n2026年主要目标任务\n今年全县经济社会发展的主要预期目标是：地区生产总值增长6%左右。\n"
	_, lay, err := x.ExtractLayout(Document{ID: "t", Text: text, PlanYear: 2026})
	if err != nil {
		t.Fatal(err)
	}
	if want := len([]rune(text[:strings.Index(text, "2026年主要")])); lay.PlanStart != want {
		t.Errorf("PlanStart = %d, want %d (the heading 2026年主要目标任务, not the review's 自身建设 section)", lay.PlanStart, want)
	}
	checkTimes(t, x, text, 2026, map[string]string{"68个": "actual 2025", "85件": "actual 2025", "132件": "actual 2025", "6%左右": "target 2026 预期"})
}

// TestAnnualMeanIsOneYear: 年均浓度 (a pollutant's annual mean) and 年均值
// are the statistic of one year, not an average over several (SPEC
// section 6): the figure keeps the year of its part.
func TestAnnualMeanIsOneYear(t *testing.T) {
	x := newExtractor(t)
	text := "各位代表：\n一、2025年工作回顾\n全市细颗粒物年均浓度降至31.5微克/立方米，臭氧年均值下降3.2%。\n五年来，细颗粒物年均浓度累计下降18%。\n二、2026年工作安排\n今年的主要预期目标是：地区生产总值增长5%左右，细颗粒物年均浓度控制在30微克/立方米左右。\n"
	checkTimes(t, x, text, 2026, map[string]string{"31.5微克/立方米": "actual 2025", "3.2%": "actual 2025", "18%": "actual null", "30微克/立方米左右": "target 2026 预期"})
}

// TestGapToAnEarlierYear: a year right after 快于/高于/低于 and right before
// the figure is the base the gap is measured from (SPEC section 6): the gap
// is the reviewed year's. Where that year's own figure follows (低于2019年
// 增长X的速度) the figure keeps the year named.
func TestGapToAnEarlierYear(t *testing.T) {
	x := newExtractor(t)
	text := "各位代表：\n一、2025年工作回顾\n全市地区生产总值增长5.6%，高于2024年0.9个百分点，出口、进口增速分别快于全省2.1个、0.7个百分点。\n工业投资增长12%，明显低于2023年增长25.4%的水平。\n二、2026年工作安排\n今年的主要预期目标是：地区生产总值增长5%左右。\n"
	checkTimes(t, x, text, 2026, map[string]string{"5.6%": "actual 2025", "0.9个百分点": "actual 2025", "2.1个": "actual 2025", "0.7个百分点": "actual 2025", "25.4%": "actual 2023"})
}

// TestBookTitleLineIsNoHeading: some sources break a book title over lines
// (…通过的《\n中共中央关于…的建议\n》，…). The name is no heading: it neither
// opens the report's first part nor turns it to the plan, so the numbered
// part after the review still does.
func TestBookTitleLineIsNoHeading(t *testing.T) {
	x := newExtractor(t)
	text := "各位代表：\n全会通过了《\n关于制定某某省国民经济和社会发展第十五个五年规划的建议\n》，现提请审议《\n2026年国民经济和社会发展计划（草案）\n》。\n一、“十四五”时期工作回顾\n五年来，全省粮食产量稳定在600亿斤以上。\n二、“十五五”时期主要奋斗方向\n到2030年，城镇化率达到65%。\n三、2026年重点工作\n今年全省地区生产总值增长5.5%左右。\n"
	_, lay, err := x.ExtractLayout(Document{ID: "t", Text: text, PlanYear: 2026})
	if err != nil {
		t.Fatal(err)
	}
	if want := len([]rune(text[:strings.Index(text, "二、")])); lay.PlanStart != want {
		t.Errorf("PlanStart = %d, want %d (the part after the review, not a book title)", lay.PlanStart, want)
	}
	checkTimes(t, x, text, 2026, map[string]string{"600亿斤以上": "actual null", "65%": "target 2030"})
}

// TestPriorYearStartInAReview: in the review of year Y-1, 由上年(的)A增加到B
// starts from the year before the one reviewed (SPEC section 6: A has the
// earlier year); 从去年的A in the plan part is the reviewed year's level.
func TestPriorYearStartInAReview(t *testing.T) {
	x := newExtractor(t)
	text := "各位代表：\n一、2025年工作回顾\n全县常住人口由上年48.6万人增加到49.1万人。\n农村自来水普及率由上年的92%提高到95%。\n二、2026年工作安排\n今年城镇化率从去年的61.2%提高到62.5%左右。\n"
	checkTimes(t, x, text, 2026, map[string]string{"48.6万人": "actual 2024", "49.1万人": "actual 2025", "92%": "actual 2024", "95%": "actual 2025", "61.2%": "actual 2025"})
}

// TestTurnByThisYearsWork: the plan part starts at a paragraph that opens
// with what this year will bring (今年全省将…) and, in a news piece, at the
// line reporting what the report says of this year (报告指出，今年…), which
// is no title though it names 报告.
func TestTurnByThisYearsWork(t *testing.T) {
	x := newExtractor(t)
	cases := []struct{ text, at string }{
		{"各位代表：\n一、2024年工作回顾\n粮食总产量达到620万吨。\n各位代表：\n今年全省将迎来建省七十周年，做好今年工作意义重大。\n二、稳住经济基本盘\n地区生产总值增长5.5%左右。\n", "今年全省将"},
		{"某县第十九届人民代表大会第三次会议开幕\n县长作政府工作报告。\n报告指出，过去一年，全县地区生产总值增长6.1%。\n报告指出，今年政府工作的总体要求是\n：坚持稳中求进工作总基调。\n报告指出，要实施“八大行动”。\n", "报告指出，今年"},
	}
	for _, c := range cases {
		_, lay, err := x.ExtractLayout(Document{ID: "t", Text: c.text, PlanYear: 2025})
		if err != nil {
			t.Fatal(err)
		}
		if want := len([]rune(c.text[:strings.Index(c.text, c.at)])); lay.PlanStart != want {
			t.Errorf("PlanStart = %d, want %d (at %s)", lay.PlanStart, want, c.at)
		}
	}
}

// TestLevelComparedWithThePlanStart: in a review of several years, a level
// reached and then compared with the end of the previous five-year plan
// (达到B，较“十三五”末的A增加C) is a 从A增至B written the other way round
// (SPEC section 6): B is the level at the review's end, A the plan's end,
// the change and the growth over the span have no single year.
func TestLevelComparedWithThePlanStart(t *testing.T) {
	x := newExtractor(t)
	text := "各位代表：\n一、“十四五”时期工作回顾\n五年来，全市一般公共预算收入达到286.4亿元，比“十三五”末的201.7亿元增加84.7亿元，年均增长7.3%。\n五年来，全市常住人口城镇化率达到61.2%。\n二、2026年工作安排\n今年全市地区生产总值增长5.5%左右。\n"
	checkTimes(t, x, text, 2026, map[string]string{"286.4亿元": "actual 2025", "201.7亿元": "actual 2020", "84.7亿元": "actual null", "7.3%": "actual null", "61.2%": "actual null"})
}

// TestMayOpenParagraph checks that mayOpenYear holds for every paragraph
// whose opening paragraphYear gives a year, and mayOpenSpan for every one
// that spanOpening takes for the review of a five-year period: on
// paragraphs written here and on every sentence of the bundled reports
// and the development set, for reports of several plan years.
func TestMayOpenParagraph(t *testing.T) {
	texts := []string{
		"  去年，全市地区生产总值增长5%。\n",
		"各位代表！刚刚过去的2019年很不平凡。\n",
		"各位代表，过去的一年里，我们完成了任务。\n",
		"\u30002022年，我们扎实推进各项工作。\n",
		"这一年，发展质量稳步提升。\n",
		"一年来，财政收入增长3%。\n",
		"五年来，经济总量翻了一番。\n",
		"过去五年，我们砥砺奋进。\n",
		"“十三五”时期，全县生产总值年均增长7%。\n",
		"十二五期间，城乡居民收入较快增长。\n",
		"2020年是“十三五”收官之年。回望过去五年，我们克难攻坚。\n",
		"全市上下团结奋斗，标志着“十四五”规划顺利收官。这五年，经济总量迈上新台阶。\n",
		"——这是综合实力大幅跃升的五年。\n",
		"全年地区生产总值增长5%，五大产业齐头并进。\n",
		"\n",
	}
	docs := textDocs(texts...)
	docs = append(docs, corpusDocs(t)...)
	docs = append(docs, devDocs(t)...)
	years, spans := 0, 0
	for _, d := range docs {
		v := normalize.Clean(d.Text, normalize.Options{HTML: d.HTML})
		for _, s := range splitSentences(v.Runes) {
			p := paragraphOpening(v.Runes, s)
			if paragraphYear(p, 9999) != 0 {
				years++
				if !mayOpenYear(v.Runes, s) {
					t.Errorf("mayOpenYear(%q) = false, but the paragraph opens with a year", string(v.Runes[s.start:s.end]))
				}
			}
			for _, py := range []int{2001, 2006, 2011, 2016, 2021, 2026, 2031} {
				if spanOpening(p, py) {
					spans++
					if !mayOpenSpan(v.Runes, s) {
						t.Errorf("mayOpenSpan(%q) = false, but spanOpening(…, %d) is true", string(v.Runes[s.start:s.end]), py)
					}
				}
			}
		}
	}
	t.Logf("%d paragraphs open with a year, %d with a period's review (counted once for each plan year)", years, spans)
	if years < 6 || spans < 6 {
		t.Errorf("only %d paragraphs open with a year and %d with a period's review", years, spans)
	}
	for _, c := range []struct {
		text       string
		year, span bool
	}{
		{"去年，增长5%。", true, false},
		{" 2023年是关键一年。", true, false},
		{"全年增长5%。", false, false},
		{"五年来，增长。", false, true},
		{"经过五年努力，增长。", false, true},
		{"年内完成五项任务。", false, false},
		{"全省“十四五”规划顺利收官。", false, true},
		{"全省顺利完成任务。“十四五”规划收官。", false, false},
		{"\n去年五年来", false, false},
	} {
		r := []rune(c.text)
		s := sentence{span: span{0, len(r)}}
		if got := mayOpenYear(r, s); got != c.year {
			t.Errorf("mayOpenYear(%q) = %v, want %v", c.text, got, c.year)
		}
		if got := mayOpenSpan(r, s); got != c.span {
			t.Errorf("mayOpenSpan(%q) = %v, want %v", c.text, got, c.span)
		}
	}
}

// TestMayOpenSpanOnePass checks mayOpenSpan, which reads the first
// sentence of most paragraphs only, against the one pass over the whole
// paragraph it replaced (mayOpenSpanPlain), at every sentence of the
// bundled reports, the development set and random text made of the
// characters it looks for.
func TestMayOpenSpanOnePass(t *testing.T) {
	opens := 0
	check := func(r []rune, s sentence) {
		got, want := mayOpenSpan(r, s), mayOpenSpanPlain(r, s)
		if got != want {
			t.Fatalf("mayOpenSpan(%q) = %v, the one pass gives %v", string(r[s.start:]), got, want)
		}
		if got {
			opens++
		}
	}
	for _, d := range append(corpusDocs(t), devDocs(t)...) {
		v := normalize.Clean(d.Text, normalize.Options{HTML: d.HTML})
		for _, s := range splitSentences(v.Runes) {
			check(v.Runes, s)
		}
	}
	rng := rand.New(rand.NewPCG(31, 5))
	pieces := []string{"五", "收", "官", "收官", "。", "\n", " ", "\u3000", "各", "过", "这", "1", "2", "年", "“十四五”", "，", "规划"}
	for range 5000 {
		r := []rune(randomText(rng, pieces, 12))
		for at := range r {
			check(r, sentence{span: span{at, len(r)}})
		}
	}
	if opens == 0 {
		t.Error("no paragraph may open a span: the test tries nothing")
	}
}

// mayOpenSpanPlain is mayOpenSpan as one pass over the paragraph.
func mayOpenSpanPlain(text []rune, s sentence) bool {
	five, closes, firstSentence := false, false, true
	for i, r := range text[s.start:] {
		if r == '\n' {
			break
		}
		switch {
		case r == '五':
			five = true
		case r == '。':
			firstSentence = false
		case r == '收' && firstSentence && s.start+i+1 < len(text) && text[s.start+i+1] == '官':
			closes = true
		}
	}
	return five && (closes || strings.ContainsRune(spanOpeningFirsts, firstAfterBlanks(text[s.start:])))
}

// TestIndexRunes checks indexRunes and trimLeftRunes, which read a
// sentence's runes in place, against strings.Index and strings.TrimLeft of
// the sentence as a string, on the sentences of the bundled reports and on
// random strings of the words layoutScan looks for.
func TestIndexRunes(t *testing.T) {
	var texts [][]rune
	for _, s := range sentencesOf(corpusDocs(t)) {
		texts = append(texts, s)
	}
	pieces := []string{"各位代表", "各位", "代表", "各", "：", ":", "、", "同志们", " ", "同", "，", "\u3000"}
	rng := rand.New(rand.NewPCG(9, 10))
	for range 20000 {
		texts = append(texts, []rune(randomText(rng, pieces, 8)))
	}
	found := 0
	for _, s := range texts {
		str := string(s)
		k := indexRunes(s, "各位代表")
		if want := strings.Index(str, "各位代表"); k < 0 != (want < 0) || k >= 0 && string(s[:k]) != str[:want] {
			t.Fatalf("indexRunes(%q) = %d, want the code point at byte %d", str, k, want)
		}
		if k < 0 {
			continue
		}
		found++
		rest := s[k+len([]rune("各位代表")):]
		if got, want := string(trimLeftRunes(rest, "、同志们 ")), strings.TrimLeft(string(rest), "、同志们 "); got != want {
			t.Fatalf("trimLeftRunes(%q) = %q, want %q", string(rest), got, want)
		}
	}
	if found < 100 {
		t.Errorf("%d texts hold 各位代表: want more", found)
	}
}

// TestCutRunesQuick checks cutRunes, which tells a word of a Chinese first
// character apart by that character alone, against ranging over the word,
// for the words its callers look for and others, at the start of every
// sentence of the bundled reports and the development set, and of random
// runs of their characters, ASCII, characters outside the BMP and code
// points that are no valid rune.
func TestCutRunesQuick(t *testing.T) {
	plain := func(s []rune, word string) ([]rune, bool) {
		i := 0
		for _, r := range word {
			if i >= len(s) || s[i] != r {
				return s, false
			}
			i++
		}
		return s[i:], true
	}
	sents := sentencesOf(append(corpusDocs(t), devDocs(t)...))
	pieces := [][]rune{[]rune("其中"), []rune("届时"), []rune("各位代表"), []rune("报告"), {'其'}, {'a'}, {'😀'}, {0xD800}, {utf8.RuneError}, {-1}}
	rng := rand.New(rand.NewPCG(15, 16))
	for range 5000 {
		var s []rune
		for j := rng.IntN(4); j > 0; j-- {
			s = append(s, pieces[rng.IntN(len(pieces))]...)
		}
		sents = append(sents, s)
	}
	words := []string{"其中", "届时", "各位代表", "报告", "其", "a", "😀", "é", "", "\xe5\x85", "\xef\xbf\xbd"}
	cut := 0
	for _, s := range sents {
		for _, w := range words {
			got, gotOK := cutRunes(s, w)
			want, wantOK := plain(s, w)
			if gotOK != wantOK || !slices.Equal(got, want) {
				t.Fatalf("cutRunes(%q, %q) = %q %v, want %q %v", string(s), w, string(got), gotOK, string(want), wantOK)
			}
			if gotOK && w != "" {
				cut++
			}
		}
	}
	if cut == 0 {
		t.Error("no word cut: the test would prove little")
	}
}
