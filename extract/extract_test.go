package extract

import (
	"fmt"
	"strings"
	"testing"

	"github.com/gwrfacts/gwr/extract/segment"
	"github.com/gwrfacts/gwr/schema"
)

// row is the part of a fact a case asserts: every column but the offsets,
// sentence and rule.
type row struct {
	Mention, Indicator, Cue, Measure string
	Low, High                        float64
	Bound, Unit, Classifier, Kind    string
	Year                             int32 // 0: null
	Hedge                            string
}

func rowOf(f schema.Fact) row {
	r := row{f.Mention, f.Indicator, f.Cue, string(f.Measure), f.ValueLow, f.ValueHigh, string(f.Bound), string(f.Unit), f.Classifier, string(f.Kind), 0, f.Hedge}
	if f.Year != nil {
		r.Year = *f.Year
	}
	return r
}

func newExtractor(t testing.TB) *Extractor {
	t.Helper()
	seg, err := segment.Default()
	if err != nil {
		t.Fatal(err)
	}
	x, err := New(seg)
	if err != nil {
		t.Fatal(err)
	}
	return x
}

// phenomenon is a sentence written for a test and the facts it must give.
type phenomenon struct {
	name string
	text string
	want []row
}

// The sentences below were written for these tests, in the style of the
// genre; none is copied from the corpus. Plan year 2025 throughout.
var phenomena = []phenomenon{
	{"bound after", "全年新增规模以上工业企业15家以上。", []row{
		{"15家以上", "规模以上工业企业", "新增", "delta", 15, 15, "ge", "count", "家", "target", 2025, ""}}},
	{"bound before: 不少于", "新建城乡社区养老服务站不少于40个。", []row{
		{"不少于40个", "城乡社区养老服务站", "新建", "delta", 40, 40, "ge", "count", "个", "target", 2025, ""}}},
	{"bound before: 超过, money level", "全县社会消费品零售总额超过180亿元。", []row{
		{"超过180亿元", "社会消费品零售总额", "超过", "level", 18e9, 18e9, "gt", "CNY", "", "target", 2025, ""}}},
	{"bound before: 近", "改造农村危房近600户。", []row{
		{"近600户", "农村危房", "改造", "delta", 600, 600, "approx", "count", "户", "target", 2025, ""}}},
	{"控制在…以内", "城镇调查失业率控制在5.5%以内。", []row{
		{"5.5%以内", "城镇调查失业率", "控制在", "level", 5.5, 5.5, "le", "percent", "", "target", 2025, ""}}},
	{"growth approx", "地区生产总值增长6%左右。", []row{
		{"6%左右", "地区生产总值", "增长", "growth", 6, 6, "approx", "percent", "", "target", 2025, ""}}},
	{"gt: 余 and 多", "培训新型职业农民3000余人，接待游客12万多人次。", []row{
		{"3000余人", "新型职业农民", "培训", "delta", 3000, 3000, "gt", "count", "人", "target", 2025, ""},
		{"12万多人次", "游客", "接待", "level", 120000, 120000, "gt", "count", "人次", "target", 2025, ""}}},
	{"range with dash", "培育省级专精特新企业3-5家。", []row{
		{"3-5家", "省级专精特新企业", "培育", "delta", 3, 5, "range", "count", "家", "target", 2025, ""}}},
	{"range with unit on both ends", "粮食总产量稳定在60万吨至65万吨。", []row{
		{"60万吨至65万吨", "粮食总产量", "稳定在", "level", 600000, 650000, "range", "t", "", "target", 2025, ""}}},
	{"range of percentages", "研发经费投入增长5%-6%。", []row{
		{"5%-6%", "研发经费投入", "增长", "growth", 5, 6, "range", "percent", "", "target", 2025, ""}}},
	{"range with tilde and 到", "新增城镇就业8000～9000人，建设口袋公园10到12个。", []row{
		{"8000～9000人", "城镇就业", "新增", "delta", 8000, 9000, "range", "count", "人", "target", 2025, ""},
		{"10到12个", "口袋公园", "建设", "delta", 10, 12, "range", "count", "个", "target", 2025, ""}}},
	{"decrease as negative growth", "单位地区生产总值能耗下降3%。", []row{
		{"3%", "单位地区生产总值能耗", "下降", "growth", -3, -3, "eq", "percent", "", "target", 2025, ""}}},
	{"decrease in points", "农村贫困发生率降低1.5个百分点。", []row{
		{"1.5个百分点", "农村贫困发生率", "降低", "delta", -1.5, -1.5, "eq", "pp", "", "target", 2025, ""}}},
	{"压降 is a decrease like 压减; a container throughput in TEU", "压降燃煤消费量12万吨。集装箱吞吐量达到50万标准箱。", []row{
		{"12万吨", "燃煤消费量", "压降", "delta", -120000, -120000, "eq", "t", "", "target", 2025, ""},
		{"50万标准箱", "集装箱吞吐量", "达到", "level", 500000, 500000, "eq", "TEU", "", "target", 2025, ""}}},
	{"缩减, 减排: decreases", "缩减一般性支出5000万元，减排二氧化碳3万吨。", []row{
		{"5000万元", "一般性支出", "缩减", "delta", -5e7, -5e7, "eq", "CNY", "", "target", 2025, ""},
		{"3万吨", "二氧化碳", "减排", "delta", -30000, -30000, "eq", "t", "", "target", 2025, ""}}},
	{"units of SPEC 5: 斤, 万吨标准煤, 兆瓦", "粮食产量稳定在80亿斤以上，能耗控制在120万吨标准煤以内，新增光伏装机300兆瓦。", []row{
		{"80亿斤以上", "粮食产量", "稳定在", "level", 4e6, 4e6, "ge", "t", "", "target", 2025, ""},
		{"120万吨标准煤以内", "能耗", "控制在", "level", 1.2e6, 1.2e6, "le", "tce", "", "target", 2025, ""},
		{"300兆瓦", "光伏装机", "新增", "delta", 3e5, 3e5, "eq", "kW", "", "target", 2025, ""}}},
	{"removal as negative delta", "压减燃煤消费量12万吨，拆除违法建筑45处。", []row{
		{"12万吨", "燃煤消费量", "压减", "delta", -120000, -120000, "eq", "t", "", "target", 2025, ""},
		{"45处", "违法建筑", "拆除", "delta", -45, -45, "eq", "count", "处", "target", 2025, ""}}},
	{"fall of at least", "重点行业挥发性有机物排放量下降10%以上。", []row{
		{"10%以上", "重点行业挥发性有机物排放量", "下降", "growth", -10, -10, "ge", "percent", "", "target", 2025, ""}}},
	{"翻番", "力争三年内农产品加工产值翻番。", []row{
		{"翻番", "农产品加工产值", "", "growth", 100, 100, "eq", "percent", "", "target", 2027, "力争"}}},
	{"两位数增长", "外贸进出口总额保持两位数增长。", []row{
		{"两位数", "外贸进出口总额", "增长", "growth", 10, 99.99, "range", "percent", "", "target", 2025, ""}}},
	{"from-to: two facts", "常住人口城镇化率由58.6%提高到60%以上。", []row{
		{"58.6%", "常住人口城镇化率", "", "level", 58.6, 58.6, "eq", "percent", "", "actual", 2024, ""},
		{"60%以上", "常住人口城镇化率", "提高到", "level", 60, 60, "ge", "percent", "", "target", 2025, ""}}},
	{"distributive list with 、: 城乡 names two things, each number its own (SPEC 2)", "城乡居民人均可支配收入分别增长6.5%左右、7.5%左右。", []row{
		{"6.5%左右", "城镇居民人均可支配收入", "增长", "growth", 6.5, 6.5, "approx", "percent", "", "target", 2025, ""},
		{"7.5%左右", "农村居民人均可支配收入", "增长", "growth", 7.5, 7.5, "approx", "percent", "", "target", 2025, ""}}},
	{"distributive list with 和", "进口额、出口额分别增长4%和9%。", []row{
		{"4%", "进口额", "增长", "growth", 4, 4, "eq", "percent", "", "target", 2025, ""},
		{"9%", "出口额", "增长", "growth", 9, 9, "eq", "percent", "", "target", 2025, ""}}},
	{"distributive list: the last bound word covers every number (SPEC 7)", "城镇调查失业率、居民消费价格涨幅分别控制在5%和3%以内。", []row{
		{"5%", "城镇调查失业率", "控制在", "level", 5, 5, "le", "percent", "", "target", 2025, ""},
		{"3%以内", "居民消费价格涨幅", "控制在", "level", 3, 3, "le", "percent", "", "target", 2025, ""}}},
	{"carried cue and qualifier", "新增国家级绿色工厂2家、省级6家。", []row{
		{"2家", "国家级绿色工厂", "新增", "delta", 2, 2, "eq", "count", "家", "target", 2025, ""},
		{"6家", "省级绿色工厂", "新增", "delta", 6, 6, "eq", "count", "家", "target", 2025, ""}}},
	{"carried cue, own names", "新增智能车间5个，“数字工厂”3家。", []row{
		{"5个", "智能车间", "新增", "delta", 5, 5, "eq", "count", "个", "target", 2025, ""},
		{"3家", "“数字工厂”", "新增", "delta", 3, 3, "eq", "count", "家", "target", 2025, ""}}},
	{"total investment and project count", "推进总投资260亿元的48个市级重点项目建设。", []row{
		{"260亿元", "市级重点项目总投资", "推进", "level", 2.6e10, 2.6e10, "eq", "CNY", "", "target", 2025, ""},
		{"48个", "市级重点项目", "推进", "delta", 48, 48, "eq", "count", "个", "target", 2025, ""}}},
	{"Chinese numerals and multipliers", "建成高标准农田一万二千亩，发放补贴三千九百五十万元。", []row{
		{"一万二千亩", "高标准农田", "建成", "delta", 12000, 12000, "eq", "mu", "", "target", 2025, ""},
		{"三千九百五十万元", "补贴", "发放", "delta", 39500000, 39500000, "eq", "CNY", "", "target", 2025, ""}}},
	{"full-width digits and thousands separator", "完成固定资产投资１,２０２.７亿元，新建基站１２座。", []row{
		{"１,２０２.７亿元", "固定资产投资", "完成", "level", 120270000000, 120270000000, "eq", "CNY", "", "target", 2025, ""},
		{"１２座", "基站", "新建", "delta", 12, 12, "eq", "count", "座", "target", 2025, ""}}},
	{"markdown markup", "地区生产总值增长**5.5%**以上。", []row{
		{"5.5%", "地区生产总值", "增长", "growth", 5.5, 5.5, "ge", "percent", "", "target", 2025, ""}}},
	{"units of SPEC 5", "新增光伏装机4万千瓦，年发电量6000万千瓦时，新建绿地12万平方米。", []row{
		{"4万千瓦", "光伏装机", "新增", "delta", 40000, 40000, "eq", "kW", "", "target", 2025, ""},
		{"6000万千瓦时", "年发电量", "", "level", 6e7, 6e7, "eq", "kWh", "", "target", 2025, ""},
		{"12万平方米", "绿地", "新建", "delta", 120000, 120000, "eq", "m2", "", "target", 2025, ""}}},
	{"hedge", "确保粮食播种面积稳定在35万亩以上。", []row{
		{"35万亩以上", "粮食播种面积", "稳定在", "level", 350000, 350000, "ge", "mu", "", "target", 2025, "确保"}}},
	{"target by a named year", "到2027年，森林覆盖率达到45%。", []row{
		{"45%", "森林覆盖率", "达到", "level", 45, 45, "eq", "percent", "", "target", 2027, ""}}},
	{"multi-year figure has no year", "过去五年，累计新增城镇就业5.2万人。", []row{
		{"5.2万人", "城镇就业", "新增", "delta", 52000, 52000, "eq", "count", "人", "actual", 0, ""}}},
	{"non-facts: dates, years, deadlines", "2025年1月8日，县政府召开会议，要求6月底前完成“十四五”规划评估。", nil},
	{"non-facts: ordinals and ranks", "成功入选第五批国家级示范区，综合实力居全省第3位、全国百强县第41名。", nil},
	{"non-facts: codes and names", "围绕“3510”发展目标，建设5G应用场景，新建110千伏变电站，开通12345热线，创建4A级景区。", nil},
	{"non-facts: ages and time spans in names", "完善0—3岁婴幼儿照护服务，打造15分钟便民生活圈。", nil},
	{"non-facts: scale words and programme names", "打造百亿级新材料产业集群，实施九大攻坚行动，聚焦八个方面重点工作。", nil},
	{"non-facts: threshold in a category name", "引进过10亿元项目4个。", []row{
		{"4个", "过10亿元项目", "引进", "delta", 4, 4, "eq", "count", "个", "target", 2025, ""}}},
	{"non-facts: capacity in a project name", "加快推进宏达年产30万吨新型建材、华远50万头生猪屠宰等项目建设。", nil},
	{"Chinese counts closing a clause, 余", "新增高新技术企业十余家，培育科技领军企业两家。", []row{
		{"十余家", "高新技术企业", "新增", "delta", 10, 10, "gt", "count", "家", "target", 2025, ""},
		{"两家", "科技领军企业", "培育", "delta", 2, 2, "eq", "count", "家", "target", 2025, ""}}},
	{"two removal verbs", "关停取缔“散乱污”企业126家。", []row{
		{"126家", "“散乱污”企业", "关停", "delta", -126, -126, "eq", "count", "家", "target", 2025, ""}}},
	{"其中 with qualifiers", "培育市级以上龙头企业12家，其中国家级2家。", []row{
		{"12家", "市级以上龙头企业", "培育", "delta", 12, 12, "eq", "count", "家", "target", 2025, ""},
		{"2家", "国家级龙头企业", "培育", "delta", 2, 2, "eq", "count", "家", "target", 2025, ""}}},
	{"percentage points after a level", "森林覆盖率达到41.5%，比上年提高0.5个百分点。", []row{
		{"41.5%", "森林覆盖率", "达到", "level", 41.5, 41.5, "eq", "percent", "", "target", 2025, ""},
		{"0.5个百分点", "森林覆盖率", "提高", "delta", 0.5, 0.5, "eq", "pp", "", "target", 2025, ""}}},
	{"a stock and its growth", "国家高新技术企业达到520家、增长18%，科技型中小企业860家、增长25%。", []row{
		{"520家", "国家高新技术企业", "达到", "level", 520, 520, "eq", "count", "家", "target", 2025, ""},
		{"18%", "国家高新技术企业", "增长", "growth", 18, 18, "eq", "percent", "", "target", 2025, ""},
		{"860家", "科技型中小企业", "", "level", 860, 860, "eq", "count", "家", "target", 2025, ""},
		{"25%", "科技型中小企业", "增长", "growth", 25, 25, "eq", "percent", "", "target", 2025, ""}}},
	{"money arranged is a delta", "安排衔接资金26亿元。", []row{
		{"26亿元", "衔接资金", "安排", "delta", 2.6e9, 2.6e9, "eq", "CNY", "", "target", 2025, ""}}},
	{"bare multipliers after a bound word", "力争新能源装机规模突破千万千瓦，居民人均可支配收入增长近万元。", []row{
		{"突破千万千瓦", "新能源装机规模", "突破", "level", 1e7, 1e7, "gt", "kW", "", "target", 2025, "力争"},
		{"近万元", "居民人均可支配收入", "增长", "delta", 10000, 10000, "approx", "CNY", "", "target", 2025, "力争"}}},
	{"a minus sign is a fall", "全年规模以上工业增加值增长-2.1%。", []row{
		{"-2.1%", "规模以上工业增加值", "增长", "growth", -2.1, -2.1, "eq", "percent", "", "target", 2025, ""}}},
	{"a range mark is not a sign", "新建公园3-5个。", []row{
		{"3-5个", "公园", "新建", "delta", 3, 5, "range", "count", "个", "target", 2025, ""}}},
	{"PM2.5 as a name, concentration as a fact", "PM2.5平均浓度控制在35微克/立方米以内。", []row{
		{"35微克/立方米以内", "PM2.5平均浓度", "控制在", "level", 35, 35, "le", "ug/m3", "", "target", 2025, ""}}},
}

func TestPhenomena(t *testing.T) { checkPhenomena(t, phenomena, 2025) }

// checkPhenomena extracts each sentence as a report of planYear and
// compares its facts with the wanted rows, in order.
func checkPhenomena(t *testing.T, cases []phenomenon, planYear int) {
	x := newExtractor(t)
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			facts := x.Extract(Document{ID: "t", Text: tc.text, PlanYear: planYear})
			var got []row
			for _, f := range facts {
				got = append(got, rowOf(f))
			}
			if len(got) != len(tc.want) {
				t.Fatalf("Extract(%q) gave %d facts:\n%s\nwant %d:\n%s", tc.text, len(got), rows(got), len(tc.want), rows(tc.want))
			}
			for i := range got {
				if got[i] != tc.want[i] {
					t.Errorf("Extract(%q) fact %d:\n got %+v\nwant %+v", tc.text, i+1, got[i], tc.want[i])
				}
			}
		})
	}
}

// TestSentenceCapKeepsNumbers: a clause longer than a sentence may be,
// with no clause mark to cut at, is cut before the number near the cap,
// never inside it: 123456万元 ending a 601-character clause keeps its 1.
func TestSentenceCapKeepsNumbers(t *testing.T) {
	x := newExtractor(t)
	for _, n := range []int{maxSentence - 8, maxSentence - 7, maxSentence - 5, maxSentence - 3} {
		text := "全年" + strings.Repeat("推进", (n-2)/2) + strings.Repeat("推", (n-2)%2) + "投资123456万元。"
		facts := x.Extract(Document{ID: "t", Text: text, PlanYear: 2025})
		if len(facts) != 1 || facts[0].Mention != "123456万元" || facts[0].ValueLow != 1234560000 {
			var got []string
			for _, f := range facts {
				got = append(got, fmt.Sprintf("%s=%v", f.Mention, f.ValueLow))
			}
			t.Errorf("number after %d characters: facts %v, want [123456万元=1.23456e+09]", n+2, got)
		}
	}
}

func rows(rs []row) string {
	var b strings.Builder
	for _, r := range rs {
		fmt.Fprintf(&b, "  %+v\n", r)
	}
	return b.String()
}

// TestSections checks kind and year from section headings: a review part
// gives actual results of the year before the plan year.
func TestSections(t *testing.T) {
	text := "一、2024年工作回顾\n全年新增市场主体1.2万户。\n二、2025年主要预期目标\n新增市场主体1.5万户。\n回望2024\n引进项目30个。\n展望2025\n引进项目40个。\n"
	x := newExtractor(t)
	facts := x.Extract(Document{ID: "t", Text: text, PlanYear: 2025})
	want := []struct {
		mention, kind string
		year          int32
	}{{"1.2万户", "actual", 2024}, {"1.5万户", "target", 2025}, {"30个", "actual", 2024}, {"40个", "target", 2025}}
	if len(facts) != len(want) {
		t.Fatalf("got %d facts; want %d", len(facts), len(want))
	}
	for i, w := range want {
		f := facts[i]
		if f.Mention != w.mention || string(f.Kind) != w.kind || f.Year == nil || *f.Year != w.year {
			t.Errorf("fact %d = %s %s %v; want %s %s %d", i+1, f.Mention, f.Kind, f.Year, w.mention, w.kind, w.year)
		}
	}
}

// TestHeadingEndsChain checks that a heading ends a ；-list: the list's
// time words (去年) do not carry into a figure of the heading.
func TestHeadingEndsChain(t *testing.T) {
	x := newExtractor(t)
	facts := x.Extract(Document{ID: "t", Text: "去年完成投资5亿元；\n一、今年地区生产总值增长6%左右\n", PlanYear: 2025})
	if len(facts) != 2 {
		t.Fatalf("got %d facts; want 2", len(facts))
	}
	if f := facts[1]; f.Mention != "6%左右" || f.Kind != "target" || f.Year == nil || *f.Year != 2025 {
		t.Errorf("fact 2 = %s %s %v; want 6%%左右 target 2025", f.Mention, f.Kind, f.Year)
	}
}

// TestInvariants checks SPEC's invariants on every bundled document:
// text[start:end] == mention, ordered fact ids, enumerations from SPEC.
func TestInvariants(t *testing.T) {
	x := newExtractor(t)
	for _, d := range corpusDocs(t) {
		facts := x.Extract(d)
		if len(facts) == 0 {
			t.Errorf("%s: no facts", d.ID)
		}
		checkInvariants(t, d.Text, facts)
	}
}

func checkInvariants(t testing.TB, text string, facts []schema.Fact) {
	t.Helper()
	runes := []rune(text)
	in := func(v string, list []string) bool {
		for _, w := range list {
			if w == v {
				return true
			}
		}
		return false
	}
	for i, f := range facts {
		if f.FactID != int32(i+1) || i > 0 && f.Start < facts[i-1].Start {
			t.Errorf("fact %d: fact_id %d out of order", i, f.FactID)
		}
		if f.Start < 0 || f.End <= f.Start || int(f.End) > len(runes) {
			t.Fatalf("fact %d: span [%d,%d) outside the text of %d code points", f.FactID, f.Start, f.End, len(runes))
		}
		if got := string(runes[f.Start:f.End]); got != f.Mention {
			t.Errorf("fact %d: text[%d:%d] = %q; mention %q", f.FactID, f.Start, f.End, got, f.Mention)
		}
		if !in(string(f.Measure), schema.Measures) || !in(string(f.Bound), schema.Bounds) || !in(string(f.Kind), schema.Kinds) || !in(string(f.Unit), schema.Units) {
			t.Errorf("fact %d: enumeration outside SPEC: %s %s %s %s", f.FactID, f.Measure, f.Bound, f.Kind, f.Unit)
		}
		if f.ValueLow > f.ValueHigh {
			t.Errorf("fact %d: value_low %v > value_high %v", f.FactID, f.ValueLow, f.ValueHigh)
		}
		if (f.Classifier != "") != (f.Unit == "count") {
			t.Errorf("fact %d: classifier %q with unit %s", f.FactID, f.Classifier, f.Unit)
		}
	}
}

// TestExplain checks that Explain lists both candidates of the issue's
// sentence with their decisions, and a dropped one with its reason.
func TestExplain(t *testing.T) {
	x := newExtractor(t)
	d := Document{ID: "t", Text: "压降燃煤消费量12万吨。集装箱吞吐量达到50万标准箱。2024年以来。", PlanYear: 2025}
	cands, err := x.Explain(d)
	if err != nil {
		t.Fatal(err)
	}
	facts := x.Extract(d)
	if len(cands) != 3 || len(facts) != 2 {
		t.Fatalf("Explain gave %d candidates, Extract %d facts; want 3 and 2: %v", len(cands), len(facts), cands)
	}
	for i, f := range facts {
		if cands[i].Fact == nil || rowOf(*cands[i].Fact) != rowOf(f) || cands[i].Fact.FactID != f.FactID || cands[i].Start != int(f.Start) {
			t.Errorf("candidate %d = %v; want fact %+v", i, cands[i], f)
		}
	}
	want := []map[Question]string{
		{AskCue: "first-cue", AskIndicator: "object", AskMeasure: "delta-cue", AskSign: "decrease-cue", AskHedge: "no-hedge-in-sentence", AskTime: "no-part"},
		{AskCue: "nearest-level-cue", AskIndicator: "subject", AskMeasure: "level-cue", AskSign: "level", AskHedge: "no-hedge-in-sentence", AskTime: "no-part"},
	}
	for i, w := range want {
		got := map[Question]string{}
		for _, dec := range cands[i].Decisions {
			got[dec.Question] = dec.Name
		}
		if fmt.Sprint(got) != fmt.Sprint(w) {
			t.Errorf("candidate %d (%s) decisions = %v; want %v", i, cands[i].Text, got, w)
		}
	}
	if c := cands[0]; c.Fact.ValueLow != -120000 || c.Fact.Unit != "t" || c.Fact.Measure != "delta" {
		t.Errorf("candidate 1 = %v; want -120000 t delta", c)
	}
	if c := cands[1]; c.Fact.ValueLow != 500000 || c.Fact.Unit != "TEU" {
		t.Errorf("candidate 2 = %v; want 500000 TEU", c)
	}
	if c := cands[2]; c.Fact != nil || c.Text != "2024年" || c.Rule != "reject-date" || c.Start != 27 {
		t.Errorf("candidate 3 = %+v; want 2024年 at 27 dropped by reject-date", c)
	}
}

// TestExplainListDecision checks that Explain names the step that gave a
// fact the indicator its row holds: a 分别 list pairs each number with its
// item after describe, and a sentence that names nothing takes the name
// of the one before; the decision says so, not the name describe first
// found.
func TestExplainListDecision(t *testing.T) {
	x := newExtractor(t)
	d := Document{ID: "t", Text: "城镇和农村居民人均可支配收入分别增长8%、9%。粮食产量达到500万吨。全年增长5%。", PlanYear: 2025}
	cands, err := x.Explain(d)
	if err != nil {
		t.Fatal(err)
	}
	want := []struct{ text, indicator, decision string }{
		{"8%", "城镇居民人均可支配收入", "list-respectively"},
		{"9%", "农村居民人均可支配收入", "list-respectively"},
		{"500万吨", "粮食产量", "subject"},
		{"5%", "粮食产量", "carried-from-previous-sentence"},
	}
	var got []string
	for _, c := range cands {
		if c.Fact == nil {
			continue
		}
		for _, dec := range c.Decisions {
			if dec.Question == AskIndicator {
				got = append(got, c.Text+" "+c.Fact.Indicator+" "+dec.Name)
			}
		}
	}
	if len(got) != len(want) {
		t.Fatalf("Explain gave indicator decisions %q; want %d", got, len(want))
	}
	for i, w := range want {
		if s := w.text + " " + w.indicator + " " + w.decision; got[i] != s {
			t.Errorf("fact %d: got %q, want %q", i+1, got[i], s)
		}
	}
}
