package extract

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/gwrfacts/gwr/schema"
)

// measureCase is one number of a sentence and the measure and sign a
// researcher would code for it (SPEC 3 and 7).
type measureCase struct {
	class, text, mention string
	want                 schema.Measure
	negative             bool
}

// checkMeasures extracts each case's sentence (plan year 2025) and compares
// the measure and sign of the fact whose mention is the case's.
func checkMeasures(t *testing.T, cases []measureCase) {
	t.Helper()
	x := newExtractor(t)
	for _, tc := range cases {
		t.Run(tc.class+"/"+tc.mention, func(t *testing.T) {
			var found bool
			for _, f := range x.Extract(Document{ID: "t", Text: tc.text, PlanYear: 2025}) {
				if f.Mention != tc.mention {
					continue
				}
				found = true
				if got := f.ValueLow < 0; f.Measure != tc.want || got != tc.negative {
					t.Errorf("Extract(%q) %s: got %s negative=%v, want %s negative=%v", tc.text, tc.mention, f.Measure, got, tc.want, tc.negative)
				}
			}
			if !found {
				t.Errorf("Extract(%q): no fact %q", tc.text, tc.mention)
			}
		})
	}
}

// TestMeasureNamedByTheSentence checks that the measure reads the words of
// the sentence that name a number, not the indicator chosen for it: the
// object of its verb, else its subject, the noun after a count, the item
// before it in its clause, the topic clause before it.
func TestMeasureNamedByTheSentence(t *testing.T) {
	checkMeasures(t, []measureCase{
		{"money the verb acts on", "增发1万亿元国债支持灾后恢复重建。", "1万亿元", schema.Delta, false},
		{"money the verb acts on", "使用200亿元失业保险基金支持稳岗和培训。", "200亿元", schema.Delta, false},
		{"the cue is the head of the name", "今年计划投资860亿元，推进一批重大项目。", "860亿元", schema.Delta, false},
		{"a statistic named as subject", "一般公共预算收入完成48.6亿元。", "48.6亿元", schema.Level, false},
		{"the topic clause names the number", "今年经济增长速度的预期目标，定为7%左右。", "7%左右", schema.Growth, false},
		{"the topic clause names the number", "全年职工工资总额，计划安排为312亿元。", "312亿元", schema.Level, false},
		{"the item before in the clause names it", "工业增长速度由5%提高到6%。", "6%", schema.Growth, false},
		{"its own verb, not the item of another clause", "实现800万农业转移人口落户城镇，引导约300万人就近城镇化。", "约300万人", schema.Delta, false},
		{"a plan's total after 新增 is its size", "实施新增2000亿元的投资计划。", "2000亿元", schema.Level, false},
	})
}

// TestMeasureRatesAndStocks checks the measure of rates, shares and stocks
// (SPEC 3, issue 11 item 3): a rate or share is a level even in a list of
// growth figures; 涨幅 is a level rate, 上涨 a growth.
func TestMeasureRatesAndStocks(t *testing.T) {
	checkMeasures(t, []measureCase{
		{"涨幅 is a rate", "全市居民消费价格涨幅2.5%左右。", "2.5%左右", schema.Level, false},
		{"涨幅 is a rate", "商品零售价格涨幅为1.2%。", "1.2%", schema.Level, false},
		{"上涨 is a change", "居民消费价格上涨1.8%。", "1.8%", schema.Growth, false},
		{"a share after a growth rate", "汽车产量增长12%、占全省30%。", "30%", schema.Level, false},
		{"a reached rate after a growth rate", "出口增长7%以上、力争达到9%。", "9%", schema.Growth, false},
		{"a rate in a list of growth figures", "地区生产总值增长6%，城镇调查失业率5.5%。", "5.5%", schema.Level, false},
		{"a stock named before its count", "全区规模以上工业企业412家、国家级高新技术企业96家。", "412家", schema.Level, false},
		{"a stock named before its count", "全区规模以上工业企业412家、国家级高新技术企业96家。", "96家", schema.Level, false},
		{"a stock named before its count", "全县中小学在校生5.2万人。", "5.2万人", schema.Level, false},
		{"拥有 states a stock", "全市拥有3个国家级经济技术开发区。", "3个", schema.Level, false},
		{"覆盖 states a reach", "城乡居民基本医疗保险覆盖520万人，参保率稳定在95%以上。", "520万人", schema.Level, false},
		{"覆盖 states a reach", "农村寄宿制学校远程教育已覆盖1800所学校。", "1800所", schema.Level, false},
		{"覆盖 after an amount added: the action's reach", "新建村级综合服务站320个、覆盖行政村2100个。", "2100个", schema.Delta, false},
		{"覆盖 after a verb of building: the action's reach", "建设覆盖860个行政村的农村寄递物流网络。", "860个", schema.Delta, false},
		{"a count after 新增 adds", "新增国家级高新技术企业18家。", "18家", schema.Delta, false},
		{"a count of things done, verb first", "查处违法违规企业27家。", "27家", schema.Delta, false},
		{"a verb the segmenter takes for a noun", "五年共培养技能人才3.4万人。", "3.4万人", schema.Delta, false},
		{"an action noun names things done", "农村危房改造1200户。", "1200户", schema.Delta, false},
		{"an adverb makes a predicate", "市级技术创新中心成功备案3家。", "3家", schema.Delta, false},
		{"a relation is no stock", "与高校合作项目42个。", "42个", schema.Delta, false},
		{"a count before its noun", "26个乡镇完成污水管网改造。", "26个", schema.Delta, false},
		{"a count of indicators after examples", "城镇调查失业率、森林覆盖率等8项指标位居全省前列。", "8项", schema.Delta, false},
		{"a rate named after examples is a level", "小麦、玉米等主要粮食作物综合机械化率达到92%。", "92%", schema.Level, false},
		{"a multiple after its change verb", "全市拥有的新能源公交车比五年前增长两倍。", "两倍", schema.Growth, false},
	})
}

// TestMeasureChangesAndRemovals checks money changed by a verb through its
// object and the sign of removals (SPEC 7, LABELING): what is cancelled or
// streamlined is negative, tax relief given is a positive amount.
func TestMeasureChangesAndRemovals(t *testing.T) {
	checkMeasures(t, []measureCase{
		{"money a verb takes from its object", "置换存量债务，降低融资成本约300亿元。", "约300亿元", schema.Delta, true},
		{"money a verb takes from its object", "全年减轻企业社保缴费负担12亿元。", "12亿元", schema.Delta, true},
		{"money a verb adds to its object", "城乡居民医保财政补助标准提高30元。", "30元", schema.Delta, false},
		{"a sum the verb only qualifies", "用于提高乡村教师待遇的支出15亿元。", "15亿元", schema.Level, false},
		{"a removal is negative", "取消省级行政许可事项46项。", "46项", schema.Delta, true},
		{"a removal is negative", "取消和下放市级行政权力事项87项。", "87项", schema.Delta, true},
		{"a streamlined share is a fall", "企业开办环节精简60%。", "60%", schema.Growth, true},
		{"tax relief given is positive", "全年减免各类税费3.2亿元。", "3.2亿元", schema.Delta, false},
		{"a change verb's amount in its own unit", "全年空气质量优良天数同比增加18天。", "18天", schema.Delta, false},
		{"a change verb's amount in its own unit", "全市供水量同比增长1.2亿立方米。", "1.2亿立方米", schema.Delta, false},
		{"a change verb's amount in its own unit", "重污染天数同比减少6天。", "6天", schema.Delta, true},
		{"a stock acted on is no standing total", "全市盘活存量建设用地2.4万亩，供应工业用地1.1万亩。", "2.4万亩", schema.Delta, false},
		{"a stock acted on is no standing total", "发行再融资债券置换存量隐性债务860亿元。", "860亿元", schema.Delta, false},
		{"a stock named is a standing total", "全市推广新能源汽车保有量18.6万辆。", "18.6万辆", schema.Level, false},
		{"a net gain adds, whatever the noun", "全市林地面积净增8.6万亩，森林覆盖率达到41%。", "8.6万亩", schema.Delta, false},
		{"works dug are done", "新建农田灌溉机井1200眼，开挖疏浚排水沟渠860公里。", "860公里", schema.Delta, false},
		{"a standard raised by a rate", "城乡居民基础养老金最低标准调增9.5%。", "9.5%", schema.Growth, false},
		{"a growth noun before 保持在", "全省经济年均增长保持在7%左右。", "7%左右", schema.Growth, false},
		{"tax refunded", "全年为企业退税减税46亿元，其中留抵退税21亿元。", "46亿元", schema.Delta, false},
		{"money recovered", "开展根治欠薪专项行动，帮助2.3万名劳动者追回工资报酬3.8亿元。", "3.8亿元", schema.Delta, false},
		{"money recovered", "严厉打击电信网络诈骗，为群众挽回经济损失2.6亿元。", "2.6亿元", schema.Delta, false},
		{"money pooled for an action", "统筹整合涉农资金9.7亿元，支持高标准农田建设。", "9.7亿元", schema.Delta, false},
	})
}

// TestMeasureRemovalVerbs checks the removal verbs of the lexicon (sign -,
// SPEC 7): gangs broken up, risks eliminated, poor counties and villages
// leaving the list, the poor lifted out of poverty, illegal buildings
// demolished and a time cut are negative; a noun named after the poor
// lifted out (脱贫人口, 脱贫地区) is no removal, nor is what is fixed.
func TestMeasureRemovalVerbs(t *testing.T) {
	checkMeasures(t, []measureCase{
		{"gangs broken up", "全年打掉电信网络诈骗团伙27个，破获案件940起。", "27个", schema.Delta, true},
		{"risks eliminated", "开展燃气安全专项整治，消除重大隐患230处。", "230处", schema.Delta, true},
		{"risks eliminated", "动态监测防止返贫，消除风险对象42户。", "42户", schema.Delta, true},
		{"counties off the list", "全省9个贫困县全部摘帽。", "9个", schema.Delta, true},
		{"the poor lifted out", "剩余1.6万贫困人口全部脱贫。", "1.6万", schema.Delta, true},
		{"the poor lifted out", "全年减少农村贫困人口1240万人，其中8.5万户贫困户稳定脱贫。", "8.5万户", schema.Delta, true},
		{"villages off the list", "318个贫困村全部出列，区域性整体贫困得到解决。", "318个", schema.Delta, true},
		{"buildings demolished", "开展违法建设专项治理，拆违5.2万平方米。", "5.2万平方米", schema.Delta, true},
		{"a time cut", "工程建设项目审批时限压缩了35天。", "35天", schema.Delta, true},
		{"a time cut to a level", "企业开办时间压缩至1个工作日。", "1个工作日", schema.Level, false},
		{"a time cut by a share", "不动产登记办理时间压缩40%。", "40%", schema.Growth, true},
		{"money cut to a level", "会议费压缩为600万元。", "600万元", schema.Level, false},
		{"income of the areas lifted out grows", "脱贫地区农民人均可支配收入增长9.3%。", "9.3%", schema.Growth, false},
		{"work of the people lifted out", "脱贫人口务工就业规模2600万人。", "2600万人", schema.Level, false},
		{"work of the people lifted out", "脱贫人口稳岗就业实现8.7万人。", "8.7万人", schema.Delta, false},
		{"compressed air is no cut", "建成压缩空气储能等12个新型储能项目。", "12个", schema.Delta, false},
		{"things fixed stay positive", "散乱污企业整改提升54家。", "54家", schema.Delta, false},
		// 清理 stays +: money cleared is paid, not removed (its measure,
		// level, is the money-level decision, not this test's question)
		{"money paid is no removal", "清理拖欠中小企业账款4.6亿元。", "4.6亿元", schema.Level, false},
	})
}

// TestMeasureStatistics checks money that is the year's value of a
// statistic (SPEC 7: 实际利用外资, 一般公共预算收入 …) even when its name
// ends in a verb of money moved: the deficit a budget sets, foreign direct
// investment and the investment statistics are levels; a change of them
// stays a delta.
func TestMeasureStatistics(t *testing.T) {
	checkMeasures(t, []measureCase{
		{"the budget's deficit", "今年拟安排财政赤字3.2万亿元，比去年增加4000亿元。", "3.2万亿元", schema.Level, false},
		{"the budget's deficit", "今年拟安排财政赤字3.2万亿元，比去年增加4000亿元。", "4000亿元", schema.Delta, false},
		{"the budget's deficit", "中央财政赤字2450亿元，比去年预算赤字减少500亿元。", "2450亿元", schema.Level, false},
		{"the budget's deficit", "中央财政赤字2450亿元，比去年预算赤字减少500亿元。", "500亿元", schema.Delta, true},
		{"foreign direct investment", "实际使用外商直接投资1196亿美元，增长1.7%。", "1196亿美元", schema.Level, false},
		{"foreign direct investment", "非金融类对外直接投资1029亿美元。", "1029亿美元", schema.Level, false},
		{"an investment statistic", "全年工业投资超1.2万亿元、增长8.1%。", "超1.2万亿元", schema.Level, false},
		{"an investment statistic", "民间投资完成860亿元。", "860亿元", schema.Level, false},
		{"investment money moved", "投资1.15亿元实施老旧小区改造。", "1.15亿元", schema.Delta, false},
		{"investment money moved", "完成交通投资320亿元。", "320亿元", schema.Delta, false},
	})
}

// TestMeasurePeopleAndVolumes checks counts with no verb of their own:
// people reached by the year's action written with a bare 万 or 亿 are a
// delta, like a count (LABELING), unless they start a change (由A增加到B:
// A is a level, SPEC 6, also with words between 由 and A or as a list of
// starting levels); the year's volume of a statistic (业务量, 车流量)
// is a level; firms set up in the year (新设) are added, as 新增, except
// at the end of a change.
func TestMeasurePeopleAndVolumes(t *testing.T) {
	checkMeasures(t, []measureCase{
		{"people reached, bare multiplier", "全年2600多万农村人口饮水安全问题得到解决。", "2600多万", schema.Delta, false},
		{"people reached, bare multiplier", "老旧小区改造基本完成，12.5万群众安居圆梦。", "12.5万", schema.Delta, false},
		{"people reached, bare multiplier", "农村饮水安全工程使4000万农民受益。", "4000万", schema.Delta, false},
		{"a people level, bare multiplier", "全省常住人口达到1200万。", "1200万", schema.Level, false},
		{"the start of a change, bare multiplier", "出境旅游人次由9000万增加到1亿多。", "9000万", schema.Level, false},
		{"the start of a change, bare multiplier", "来保就医人次从疫情前的0.3万增至160万。", "0.3万", schema.Level, false},
		{"the start of a change, words before it", "全市养老服务机构由年初的86家增加到年末的112家。", "86家", schema.Level, false},
		{"the start of a change, words before it", "农村低保对象由上年的5.6万人减少到4.9万人。", "5.6万人", schema.Level, false},
		{"the start of a change, a list of starts", "残疾人生活补贴和护理补贴标准分别从每人每月95元、110元提高到105元、120元。", "95元", schema.Level, false},
		{"the start of a change, a list of starts", "残疾人生活补贴和护理补贴标准分别从每人每月95元、110元提高到105元、120元。", "110元", schema.Level, false},
		{"the start of a change, a list of starts", "残疾人生活补贴和护理补贴标准分别从每人每月95元、110元提高到105元、120元。", "105元", schema.Level, false},
		{"no start: a number of its own between", "从源头治理入手，关停企业12家，排放减少到3000吨。", "12家", schema.Delta, true},
		{"a statistic's volume", "快递业务量26亿件、全省第一。", "26亿件", schema.Level, false},
		{"a statistic's volume", "大桥通车运营，日均车流量超6万辆次。", "超6万辆次", schema.Level, false},
		{"a statistic's volume", "港口集装箱吞吐量1200万标箱。", "1200万标箱", schema.Level, false},
		{"firms set up in the year", "新设外资企业3.1万户、增长12%。", "3.1万户", schema.Delta, false},
		{"firms set up in the year", "新设台企2100家，实际使用台资6亿美元。", "2100家", schema.Delta, false},
		{"the end of a change is a level", "日均新设企业由4千多户增加到1万多户。", "1万多户", schema.Level, false},
	})
}

// TestMeasureWorkAndVisitors checks two verbs: 接待 reports the year's
// visitors, a statistic (level), unless the count stands before its noun
// (things done); 治理 is work done, so the area treated is a delta though
// 面积 names a stock.
func TestMeasureWorkAndVisitors(t *testing.T) {
	checkMeasures(t, []measureCase{
		{"visitors received", "全年接待游客超7亿人次，旅游收入增长8%。", "超7亿人次", schema.Level, false},
		{"visitors received", "文旅融合，旅游接待1.1亿人次、旅游总花费1200多亿元。", "1.1亿人次", schema.Level, false},
		{"a count before its noun", "我们接待了来自60个国家的元首和政府首脑。", "60个", schema.Delta, false},
		{"area treated", "治理水土流失面积18万平方公里，治理沙化土地420万公顷。", "18万平方公里", schema.Delta, false},
		{"area treated", "治理水土流失面积18万平方公里，治理沙化土地420万公顷。", "420万公顷", schema.Delta, false},
		{"area treated", "深入开展小流域综合治理，有效治理水土流失面积36平方公里。", "36平方公里", schema.Delta, false},
		{"an area that stands", "全县粮食播种面积51万亩。", "51万亩", schema.Level, false},
	})
}

// TestMeasureRemovalCarriedOverList checks that a removal verb carries
// over a list of capacities (SPEC 7: each item negative): 产能 is a noun,
// not a verb of its own item.
func TestMeasureRemovalCarriedOverList(t *testing.T) {
	checkMeasures(t, []measureCase{
		{"removal over a list", "退出钢铁产能1.5亿吨以上、煤炭产能6亿吨，安置分流职工100多万人。", "6亿吨", schema.Delta, true},
		{"removal over a list", "淘汰落后炼铁产能4000万吨、炼钢产能3500万吨、水泥产能8000万吨。", "3500万吨", schema.Delta, true},
		{"removal over a list", "淘汰落后炼铁产能4000万吨、炼钢产能3500万吨、水泥产能8000万吨。", "8000万吨", schema.Delta, true},
	})
}

// TestMeasureOfNewReports checks the measure and sign classes first seen
// on the 2026 provincial reports (issue 11), with sentences written in the
// genre: relief granted is positive, a running total of disputes resolved
// is a level, a growth rate restated before its noun is growth, a cut of
// time or paperwork in percent is a fall, a count opening its own clause
// takes no verb of the clause before, money lent or obtained is a delta.
func TestMeasureOfNewReports(t *testing.T) {
	checkMeasures(t, []measureCase{
		{"relief granted", "全年为小微企业减负120亿元。", "120亿元", schema.Delta, false},
		{"relief granted", "今年为经营主体减负800亿元以上。", "800亿元以上", schema.Delta, false},
		{"disputes resolved, a running total", "五年累计化解信访积案3200件。", "3200件", schema.Level, false},
		{"a running total of removals stays a removal", "累计拆除违章建筑86万平方米。", "86万平方米", schema.Delta, true},
		{"growth target restated", "确定6%左右的增长目标，主要考虑了稳就业的需要。", "6%左右", schema.Growth, false},
		{"growth target restated", "7%左右的预期增长目标与中长期规划相衔接。", "7%左右", schema.Growth, false},
		{"growth before its noun", "数字经济核心产业营收保持15%以上增长。", "15%以上", schema.Growth, false},
		{"growth before its noun", "8%左右的增速能够支撑就业基本稳定。", "8%左右", schema.Growth, false},
		{"a share of an increment", "全市贡献了全省40.2%的投资增量。", "40.2%", schema.Level, false},
		{"a cut of paperwork in percent", "政务服务事项平均减环节60%、减时限70%。", "60%", schema.Growth, true},
		{"a cut of paperwork in percent", "政务服务事项平均减环节60%、减时限70%。", "70%", schema.Growth, true},
		{"a count opening its own clause", "高新技术企业增至2100家，36家企业入选国家级专精特新“小巨人”。", "36家", schema.Delta, false},
		{"a count opening its own clause", "规上工业企业超过5000家，3条高速公路建成通车。", "3条", schema.Delta, false},
		{"a count after a comparison keeps the level carried", "技术工人达到12万人，比2015年的7万人增长71%。", "7万人", schema.Level, false},
		{"a count after a preposition takes the carried verb", "新建乡镇卫生院8所，为120个村卫生室配备设备。", "120个", schema.Delta, false},
		{"a running total of works started", "五年累计新开工重大项目1.2万个。", "1.2万个", schema.Level, false},
		{"a running total of additions still adds", "五年累计新增城镇就业36万人。", "36万人", schema.Delta, false},
		{"a stock named over a bound word", "力争认定科技型中小企业数量突破500家。", "突破500家", schema.Level, false},
		{"the level reached by a verb with 至", "市属国有企业重组整合至8家。", "8家", schema.Level, false},
		{"the level reached by a verb with 至", "全市跨境电商综试区扩容至3个。", "3个", schema.Level, false},
		{"people reached over a bound word", "每年吸引青年人才来县就业超过5000人。", "超过5000人", schema.Delta, false},
		{"people trained over a bound word", "全年培育新型职业农民超过1200人。", "超过1200人", schema.Delta, false},
		{"money lent", "力争全年发放贷款2亿元以上。", "2亿元以上", schema.Delta, false},
		{"money lent", "普惠金融和林权抵押贷款改革试点分别发放贷款36亿元、12亿元。", "36亿元", schema.Delta, false},
		{"money lent", "普惠金融和林权抵押贷款改革试点分别发放贷款36亿元、12亿元。", "12亿元", schema.Delta, false},
		{"money obtained", "争取中央预算内投资12亿元、政策性金融工具投放金额30亿元。", "30亿元", schema.Delta, false},
		{"people sent", "全市选派驻村第一书记520名、工作队员1600名。", "520名", schema.Delta, false},
		{"people sent", "全市选派驻村第一书记520名、工作队员1600名。", "1600名", schema.Delta, false},
	})
}

// TestMeasureLevelVerbWithObject checks that a level verb (突破, 达成) with
// an object of its own before a count is an action whose count is of
// things done (SPEC 3), while the same verb right before its number keeps
// the level reached.
func TestMeasureLevelVerbWithObject(t *testing.T) {
	checkMeasures(t, []measureCase{
		{"breakthroughs counted", "全年突破“卡脖子”关键技术35项，新增专利授权1.2万件。", "35项", schema.Delta, false},
		{"agreements reached counted", "在投资洽谈会上达成合作项目260个。", "260个", schema.Delta, false},
		{"a stock breaking a mark", "全市高新技术企业突破1500家。", "突破1500家", schema.Level, false},
		{"a stock reaching a mark", "省级专精特新企业达到420家。", "420家", schema.Level, false},
		{"a stock owned is no action", "城镇居民每百户拥有家用汽车31.5辆。", "31.5辆", schema.Level, false},
	})
}

// TestMeasureFromToWithWei checks that 由A V为B reads as 由A V到B (SPEC 6):
// two levels, the start and the level reached, whatever the verb's sign.
func TestMeasureFromToWithWei(t *testing.T) {
	checkMeasures(t, []measureCase{
		{"merged: the start", "全县乡镇由18个整合为11个。", "18个", schema.Level, false},
		{"merged: the level reached", "全县乡镇由18个整合为11个。", "11个", schema.Level, false},
		{"cut: the level reached", "市级议事协调机构由96个减为41个。", "41个", schema.Level, false},
		{"raised: the level reached", "最低工资标准由1900元提高为2100元。", "2100元", schema.Level, false},
		{"raised to: unchanged", "最低工资标准由1900元提高到2100元。", "1900元", schema.Level, false},
	})
}

// TestMeasureGenreVerbs checks the verbs of the genre that name their role
// in the lexicon: the reach of a network is a level (LABELING; not 辐射, which often
// names the area or people an action reaches: 辐射面积, 辐射人群), a slight
// rise or fall of a price a growth, money recovered or a relief granted a
// delta (SPEC 7).
func TestMeasureGenreVerbs(t *testing.T) {
	checkMeasures(t, []measureCase{
		{"a network's reach", "中欧班列通达境外26个国家、110个城市。", "26个", schema.Level, false},
		{"a network's reach", "中欧班列通达境外26个国家、110个城市。", "110个", schema.Level, false},
		{"辐射 names an area, no reach verb", "新增农业社会化服务辐射面积3万亩。", "3万亩", schema.Delta, false},
		{"a slight fall", "居民消费价格微降0.2%。", "0.2%", schema.Growth, true},
		{"a slight rise", "工业生产者出厂价格微增0.3%。", "0.3%", schema.Growth, false},
		{"money recovered", "全年清收各类欠款38亿元。", "38亿元", schema.Delta, false},
		{"relief granted", "银行业金融机构让利实体经济56亿元。", "56亿元", schema.Delta, false},
	})
}

// TestMeasureCueStopsAtAClauseOfItsOwn checks that the verb of a clause
// does not carry over a comma into a clause naming a stock or statistic of
// its own (面积, 产量): that figure is its level (SPEC 3), while a list
// item after 、 still takes the verb.
func TestMeasureCueStopsAtAClauseOfItsOwn(t *testing.T) {
	checkMeasures(t, []measureCase{
		{"a statistic after the comma", "新增高标准农田12万亩，粮食播种面积356万亩、总产量28.6亿斤。", "356万亩", schema.Level, false},
		{"a statistic after the comma", "新增高标准农田12万亩，粮食播种面积356万亩、总产量28.6亿斤。", "28.6亿斤", schema.Level, false},
		{"the first clause keeps its verb", "新增高标准农田12万亩，粮食播种面积356万亩、总产量28.6亿斤。", "12万亩", schema.Delta, false},
		{"a list item after 、 takes the verb", "新建公园6个、口袋公园面积3万平方米。", "3万平方米", schema.Delta, false},
	})
}

// TestMeasureDaBeforeItsNumber checks that 达 right before a number is the
// level verb even where the segmenter joins it to the word before (SPEC 3).
func TestMeasureDaBeforeItsNumber(t *testing.T) {
	checkMeasures(t, []measureCase{
		{"a stock reached", "全省国际友城达96对。", "96对", schema.Level, false},
		{"a total reached", "两年共增加有效灌溉面积80万亩，全县有效灌溉面积共达260万亩。", "260万亩", schema.Level, false},
	})
}

// TestMeasureCasesAccepted checks that cases a hotline or office accepted
// in the year are things done (SPEC 3), even after a running total in the
// clause before.
func TestMeasureCasesAccepted(t *testing.T) {
	checkMeasures(t, []measureCase{
		{"cases accepted", "全年累计调处信访事项860件，全年受理市民热线诉求4.2万件。", "4.2万件", schema.Delta, false},
	})
}

// TestMeasureCueOfAListAfterAnEarlierClause checks that the cue of a list
// whose first item holds no number is found when an earlier clause of the
// sentence ends in a 、 list of its own: the list item segmented alone must
// not leave the verb after it unsegmented (年均分别【增长】).
func TestMeasureCueOfAListAfterAnEarlierClause(t *testing.T) {
	checkMeasures(t, []measureCase{
		{"growth after 分别, an earlier 、 clause", "全市地区生产总值突破5千亿元、达到5230亿元，一般公共预算收入、税收收入年均分别增长5.2%、2%。", "5.2%", schema.Growth, false},
		{"growth after 分别, an earlier 、 clause", "全市地区生产总值突破5千亿元、达到5230亿元，一般公共预算收入、税收收入年均分别增长5.2%、2%。", "2%", schema.Growth, false},
		{"decline after 分别, an earlier 、 clause", "空气优良天数达到320天、比上年增加5天，细颗粒物、可吸入颗粒物浓度分别下降6%、4%。", "6%", schema.Growth, true},
		{"the same list with no earlier clause", "一般公共预算收入、税收收入年均分别增长5.2%、2%。", "5.2%", schema.Growth, false},
	})
}

// TestMeasureWorkNamedWithNoVerb checks that a number after a name ending
// in a verb of work the segmenter keeps inside a longer word (营造林,
// 植树造林), with no verb of its own, is the work done: a delta.
func TestMeasureWorkNamedWithNoVerb(t *testing.T) {
	checkMeasures(t, []measureCase{
		{"afforestation with no verb", "全市营造林12.5万亩，森林覆盖率提高到46%。", "12.5万亩", schema.Delta, false},
		{"afforestation after an earlier clause", "国土绿化行动扎实推进，营造林8万亩。", "8万亩", schema.Delta, false},
		{"tree planting with no verb", "植树造林3.2万亩。", "3.2万亩", schema.Delta, false},
		{"a stock named by a noun stays a level", "全市森林面积1250万亩。", "1250万亩", schema.Level, false},
	})
}

// TestNamingIndexes checks the word index naming.has reads against
// hasAny of each of its lists, on texts of every length up to 24
// characters, and 48, from every third character of the sentences of the
// bundled reports, and on texts written for them; and naming.has and
// levelNamed on the naming words of a few of them.
func TestNamingIndexes(t *testing.T) {
	texts := []string{"城镇居民人均可支配收入增速", "贷款余额", "社会消费品零售总额", "到位资金", "存量房", "人口自然增长率", "新增贷款投放"}
	for _, s := range sentencesOf(corpusDocs(t)) {
		for i := 0; i < len(s); i += 3 {
			for n := 1; n <= 24 && i+n <= len(s); n++ {
				texts = append(texts, string(s[i:i+n]))
			}
			texts = append(texts, string(s[i:min(len(s), i+48)]))
		}
	}
	lists := [][]string{growthNounList: growthNouns, levelRateList: levelRates, moneyLevelList: moneyLevelWords,
		moneyActionNounList: moneyActionNouns, stockList: stockWords, levelNounList: levelNouns}
	hits := make([]int, len(lists))
	for _, s := range texts {
		found := namingIndex.lists(s)
		for i, words := range lists {
			want := hasAny(s, words)
			if got := found&(1<<i) != 0; got != want {
				t.Fatalf("list %d of namingIndex (%q) in %q: %v; want %v (hasAny)", i, words, s, got, want)
			}
			if want {
				hits[i]++
			}
		}
	}
	for i, n := range hits {
		if n == 0 {
			t.Errorf("list %d of namingIndex: no text holds a word (the test would prove nothing)", i)
		}
	}
	// has and levelNamed against their definitions before the index (one
	// index per list, asked of each text)
	for _, n := range []naming{
		{before: "城镇居民人均可支配收入增速"}, {before: "贷款", after: "余额"}, {before: "人口自然增长率"}, {},
		{before: "渗透率、收入增幅等", after: "指标"}, {before: "渗透率、收入增幅等", after: "项目"}, // 等: the noun after names it alone
	} {
		for i, words := range lists {
			if got, want := n.has(i), hasAny(n.before, words) || hasAny(n.after, words); got != want {
				t.Errorf("%q/%q: has(%d) = %v, want %v", n.before, n.after, i, got, want)
			}
		}
		want := hasAny(n.before, levelNouns) || hasAny(n.after, levelNouns)
		if n.after != "" && strings.HasSuffix(strings.TrimSpace(n.before), "等") {
			want = hasAny(n.after, levelNouns)
		}
		if got := n.levelNamed(); got != want {
			t.Errorf("%q/%q: levelNamed() = %v, want %v", n.before, n.after, got, want)
		}
	}
}

// TestStartsChangeFromBefore checks startsChange, which answers false
// without looking when the sentence holds no 由 or 从 before the number
// (fromBefore), against startsChangeFrom, which always looks: for every
// quantity of the sentences of the bundled reports and of sentences
// written for it, each from its list start and from its clause start.
func TestStartsChangeFromBefore(t *testing.T) {
	x := newExtractor(t)
	sents := [][]rune{
		[]rune("城乡居民养老保险基础养老金由每人每月180元提高到200元，从年初的400多万人扩大到500万人。"),
		[]rune("残疾人两项补贴标准分别从每人每月95元、110元提高到105元、120元。"),
		[]rune("全年新增城镇就业6.2万人，比上年增加3000人。"),
	}
	sents = append(sents, sentencesOf(corpusDocs(t))...)
	asked, changes := 0, 0
	eachQuantity(x, sents, nil, func(s []rune, a *analysis, q *quantity) {
		for _, cs := range []int{a.listStart(q.start), a.clauseStart(q.start)} {
			got, want := a.startsChange(q, cs), a.startsChangeFrom(q, cs)
			if got != want {
				t.Fatalf("startsChange of %q in %q from %d = %v; want %v", string(s[q.start:q.end]), string(s), cs, got, want)
			}
			asked++
			if want {
				changes++
			}
		}
	})
	if asked < 500 || changes == 0 {
		t.Errorf("%d quantities asked, %d starting a change; want over 500 and some", asked, changes)
	}
}

// TestEndsReached checks endsReached, which compares suffixes, against
// its definition, the last character of the cue being one of reachedMarks,
// on every cue with and without each mark and other character after it,
// on the empty cue and on a cue cut inside its last character.
func TestEndsReached(t *testing.T) {
	decoded := func(cue string) bool {
		r, _ := utf8.DecodeLastRuneInString(cue)
		return strings.ContainsRune(reachedMarks, r)
	}
	cues := []string{"", "至", "增加到"[:len("增加到")-1], "提高到", "整合为", "上升至"}
	for _, w := range cueSet.words {
		for _, end := range []string{"", "到", "至", "为", "了", "a"} {
			cues = append(cues, w+end)
		}
	}
	reached := 0
	for _, c := range cues {
		if got, want := endsReached(c), decoded(c); got != want {
			t.Errorf("endsReached(%q) = %v, want %v", c, got, want)
		} else if got {
			reached++
		}
	}
	if reached < len(cueSet.words) {
		t.Errorf("only %d cues end in a mark of the level reached", reached)
	}
}

// TestSuffixWords checks suffixWords.endOf, which reads the last
// character first, against hasSuffixAny of its words, for the rate names
// (isRateName), the removals (removedAfter) and the delta cues
// (deltaCueEnds): on each word, with words before it and a character
// after it, on odd strings, and on every piece of one to six code points
// of the corpus and dev sentences.
func TestSuffixWords(t *testing.T) {
	texts := []string{"", "\xff", "率\xff", "\xe7\x8e", "𠀀"}
	for _, w := range slices.Concat(rateNames, removals, deltaCues) {
		texts = append(texts, w, "完成"+w, w+"的", w[1:])
	}
	for _, s := range sentencesOf(append(corpusDocs(t), devDocs(t)...)) {
		for i := range s {
			for j := i + 1; j <= min(len(s), i+6); j++ {
				texts = append(texts, string(s[i:j]))
			}
		}
	}
	for _, s := range texts {
		if got, want := isRateName(s), hasSuffixAny(s, rateNames); got != want {
			t.Fatalf("isRateName(%q) = %v; want %v", s, got, want)
		}
		if got, want := removalEnds.endOf(s), hasSuffixAny(s, removals); got != want {
			t.Fatalf("removalEnds.endOf(%q) = %v; want %v", s, got, want)
		}
		if got, want := deltaCueEnds.endOf(s), hasSuffixAny(s, deltaCues); got != want {
			t.Fatalf("deltaCueEnds.endOf(%q) = %v; want %v", s, got, want)
		}
	}
}
