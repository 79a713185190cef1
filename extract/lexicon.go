package extract

import (
	"strings"
	"unicode/utf8"
)

// Word lists of the genre. They name general vocabulary of government work
// reports (verbs, hedges, time words), never phrases of one report. Each list
// is matched longest first.

// hedgeWords govern a fact as an intention rather than a commitment.
var hedgeWords = []string{"力争", "确保", "计划", "预计", "争取", "力求", "预期", "拟"}

// planWords in a sentence of a review section make its figures targets
// (力争…, 今年…): the review looks ahead.
var planWords = []string{"力争", "确保", "预计", "预期", "将", "今年", "新的一年"}

// pastWords in a sentence outside a review section make its figures
// results (去年…, 过去一年…), unless they only set up a comparison
// (comparisonWords: 比去年增长…).
var pastWords = []string{"去年", "过去一年", "过去的一年", "上年", "刚刚过去", "过去五年", "五年来", "这一年", "一年来"}
var comparisonWords = []string{"比去年", "较去年", "比上年", "较上年", "上年度"}

// multiYearWords mark a figure that covers several years: year is null.
var multiYearWords = []string{"过去五年", "五年来", "过去5年", "5年来", "十三五", "十四五", "十二五", "累计", "近五年", "近年来", "三年来", "两年来", "历史上"}

// growthCues govern a relative change when followed by a percentage.
var growthCues = []string{"改善", "同比增长", "同比增加", "同比下降", "同比提高", "同比减少", "同比改善", "同比上升", "年均增长", "平均增长", "增长", "增速", "增幅", "上涨", "涨幅", "提高", "提升", "上升", "增加", "下降", "降低", "减少", "回落", "下滑", "压减", "削减", "降幅", "递增", "扩大", "缩小"}

// levelCues make the number the state the indicator reaches.
var levelCues = []string{"达到", "达", "控制在", "稳定在", "保持在", "保持", "稳定", "维持在", "突破", "超过", "占", "占比", "提高到", "提升到", "提升至", "提高至", "上升至", "上升到", "增加至", "减少到", "减少至", "回落至", "回落到", "扩大到", "扩大至", "缩小到", "缩小至", "跃升至", "跃上", "增长到", "增至", "增加到", "下降到", "下降至", "降低到", "降至", "降到", "突破到", "达成", "迈上", "跃升至", "跃升到", "累计达", "累计达到"}

// deltaCues are actions whose count or amount is added or removed.
var deltaCues = []string{
	"新增", "新建", "推出", "安排", "落实", "理赔", "拉动", "下达", "筹措", "兑付", "新改扩建", "拆迁", "新开工", "新改建", "新改造", "改扩建", "改造提升", "提升改造", "改造", "建设", "建成", "实施", "推进", "引进", "引育", "培育", "招引",
	"完成", "开工", "竣工", "打造", "创建", "认定", "签约", "落地", "争取", "发放", "培训", "帮扶", "整治", "修复", "植树", "造林",
	"新培育", "新认定", "新引进", "开展", "举办", "组织", "建立", "设立", "安置", "解决", "吸纳", "带动", "资助", "救助", "慰问", "投入", "投资",
	"融资", "筹集", "拨付", "兑现", "减免", "减税降费", "节约", "节省", "化解", "处置", "盘活", "收储", "出让", "流转", "铺设", "敷设",
	"铺装", "硬化", "绿化", "栽植", "种植", "增加", "扩大", "提高", "提升", "拆除", "取缔", "关停", "关闭", "淘汰",
	"压减", "削减", "减少", "腾退", "清退", "退出", "下降", "降低", "搬迁", "改厕", "清理", "惠及", "接待", "吸引", "获批", "获得", "入选",
	"申报", "实现", "抓好", "保障", "支持", "扶持", "补贴", "奖励", "交付", "供应", "增发", "发行", "销售", "出口", "进口", "投放", "新开", "改建", "新改", "建成投用", "投用", "提质", "扩容", "培养", "开发", "评选", "命名", "开通", "新增设", "增设", "配备", "配置", "安装", "更新", "维修", "养护",
}

// decreaseCues give a negative delta or growth: removals and falls
// (SPEC section 7).
var decreaseCues = []string{"改善", "下降", "降低", "减少", "压减", "削减", "拆除", "取缔", "关停", "关闭", "淘汰", "腾退", "清退", "退出", "化解", "回落", "下滑", "降幅", "缩小", "压降", "缩减", "减排", "拆迁", "减负", "减税降费", "减免"}

// fromWords before a number mark the starting point of a change
// ("由2.3%提高到2.5%"): a level already reached.
var fromWords = []string{"由", "从"}

// moneyLevelWords in the indicator make an amount of money a level: a
// statistic of the year or a total, not money spent as an action.
var moneyLevelWords = []string{"零售额", "营业额", "成交额", "总产值", "固定资产投资", "总投资", "总额", "总值", "收入", "增加值", "产值", "规模", "总量", "营业收入", "销售额", "交易额", "余额", "存款", "贷款余额", "税收", "支出", "基金", "产业集群", "营收", "零售总额", "生产总值", "利润"}

// trimPrefixes are dropped from the front of an indicator: they scope,
// hedge or connect, but do not name what is measured.
var trimPrefixes = []string{
	"力争", "确保", "计划", "预计", "争取", "力求", "努力", "预期", "目标是", "其中", "并且", "并", "和", "及", "以及", "同时", "共", "全年", "今年", "年内", "当年", "去年", "明年",
	"全区", "全县", "全市", "全省", "全镇", "全州", "全国", "首期", "首批", "其中", "我区", "我县", "我市", "我省", "本年", "分别", "进一步", "持续", "加快", "推动", "积极", "大力", "着力", "全力", "不断", "稳步",
	"累计", "实现", "完成", "带动", "使", "让", "把", "将", "要", "已", "达到", "达", "为", "有", "是", "的", "对", "向", "在", "给", "帮助", "推进", "加强", "做好", "抓好", "开展", "启动", "探索", "深化", "扎实", "统筹", "聚焦", "围绕", "、", "，", ",", "：", ":", "（", "(", "一是", "二是", "三是", "四是", "五是",
}

// trimSuffixes are dropped from the end of an indicator.
var trimSuffixes = []string{"预期目标为", "预期目标", "目标为", "目标", "预期", "和", "及", "与", "以及", "继续保持", "保持", "实现", "由", "从", "分别", "同比", "比上年", "年均", "平均", "的", "了", "均", "共", "累计", "总数", "数量", "达", "为", "已", "将", "、", "，", ",", "（", "(", "：", ":", "再", "又", "较上年", "均已"}

// reviewHeadings and planHeadings classify a heading line: the section it
// opens holds results (actual) or plans (target).
var reviewHeadings = []string{"回顾", "回望", "过去一年", "过去的一年", "过去五年", "成绩单", "这一年", "去年工作", "工作成效", "取得的成绩"}
var planHeadings = []string{"展望", "工作目标", "主要任务", "目标和任务", "自身建设", "政府建设", "工作任务", "今后五年", "未来五年", "预期目标", "主要目标", "重点工作", "工作安排", "重点任务", "目标任务", "总体要求", "发展目标", "新的一年", "今年工作", "工作建议", "总体思路", "工作部署"}

// wordIndex finds the words of several lists in one pass over a text. A
// bit per BMP character tells whether a word starts with it, so most
// characters cost one test.
type wordIndex struct {
	first [0x10000 / 64]uint64
	words map[rune][]indexedWord
	other bool // a word starts outside the BMP
}

type indexedWord struct {
	word string
	list int
}

func newWordIndex(lists ...[]string) *wordIndex {
	x := &wordIndex{words: map[rune][]indexedWord{}}
	for i, list := range lists {
		for _, w := range list {
			r, _ := utf8.DecodeRuneInString(w)
			if r < 0x10000 {
				x.first[r/64] |= 1 << (r % 64)
			} else {
				x.other = true
			}
			x.words[r] = append(x.words[r], indexedWord{w, i})
		}
	}
	return x
}

// firstEnds sets ends[i] to the smallest end, in bytes, of an occurrence
// in s of a word of list i, or to -1 when s holds none.
func (x *wordIndex) firstEnds(s string, ends []int) {
	for i := range ends {
		ends[i] = -1
	}
	for at, r := range s {
		if r < 0x10000 && x.first[r/64]&(1<<(r%64)) == 0 || r >= 0x10000 && !x.other {
			continue
		}
		for _, w := range x.words[r] {
			if end := at + len(w.word); (ends[w.list] < 0 || end < ends[w.list]) && strings.HasPrefix(s[at:], w.word) {
				ends[w.list] = end
			}
		}
	}
}
