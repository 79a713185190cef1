package extract

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// TestListIndicators checks that each number of a list gets its own
// item's name (SPEC 2), class by class. The sentences are written for the
// test in the reports' style; none is copied from golden/dev or
// golden/labels.
func TestListIndicators(t *testing.T) {
	x := newExtractor(t)
	tests := []struct {
		class, text string
		want        []string // the indicators, in order
	}{
		// a head written once after the last item
		{"shared head", "小麦、玉米产量分别达到650万吨、420万吨。", []string{"小麦产量", "玉米产量"}},
		{"shared head", "二氧化硫、氮氧化物排放分别下降4%和3%。", []string{"二氧化硫排放", "氮氧化物排放"}},
		{"shared head", "装备制造业、高技术制造业增加值分别增长9.1%、12.4%。", []string{"装备制造业增加值", "高技术制造业增加值"}},
		{"shared head", "城市居民最低生活保障、农村特困人员供养标准分别从每人每月800元、600元提高到850元、650元。",
			[]string{"城市居民最低生活保障标准", "农村特困人员供养标准", "城市居民最低生活保障标准", "农村特困人员供养标准"}},
		{"own head kept", "城镇调查失业率、居民消费价格涨幅分别控制在5.5%和3%以内。", []string{"城镇调查失业率", "居民消费价格涨幅"}},
		{"own head kept", "高新技术企业、科技型中小企业分别达到320家、1500家。", []string{"高新技术企业", "科技型中小企业"}},
		// a head alone takes the first item's modifier
		{"shared modifier", "道路交通事故起数、死亡人数分别下降12%、9%。", []string{"道路交通事故起数", "道路交通事故死亡人数"}},
		{"shared modifier", "乡村旅游接待人次和总花费分别增长18%和21%。", []string{"乡村旅游接待人次", "乡村旅游总花费"}},
		{"shared modifier", "单位地区生产总值能耗、二氧化碳排放分别下降3.2%、4%。", []string{"单位地区生产总值能耗", "单位地区生产总值二氧化碳排放"}},
		// counts in a list share the predicate after the last item: each is named by its noun
		{"counts sharing a predicate", "8个先进集体、12名先进个人荣获省政府表彰。", []string{"先进集体", "先进个人"}},
		{"counts sharing a predicate", "3个工业园区和5个物流园区纳入省级示范创建。", []string{"工业园区", "物流园区"}},
		// a pair word split by 、 after its first character is one name of two things
		{"pair split by 、", "全市银行业本外币存、贷款余额分别达到4200亿元、3100亿元。", []string{"银行业本外币存款余额", "银行业本外币贷款余额"}},
		{"pair split by 、", "全年进、出口总额分别增长6.5%、3.2%。", []string{"进口总额", "出口总额"}},
		// a head a list writes once: 水质, 市场
		{"shared head", "城市集中式饮用水源、县级以上河流水质达标率分别为100%、96%。", []string{"城市集中式饮用水源水质达标率", "县级以上河流水质达标率"}},
		{"shared head", "对东盟、中东市场出口分别增长12%、18%。", []string{"东盟市场出口", "中东市场出口"}},
		// a bare head later in the list takes the first item's modifier
		{"shared modifier", "全市利用外资项目数和合同额分别增长9%、14%。", []string{"利用外资项目数", "利用外资合同额"}},
		// 和 after the last 、 separates one more item
		{"mixed separators", "工业投资、民间投资和基础设施投资分别增长6%、4%和9%。", []string{"工业投资", "民间投资", "基础设施投资"}},
		{"mixed separators", "教育、医疗和社会保障的支出分别为80亿元、60亿元和50亿元。", []string{"教育支出", "医疗支出", "社会保障的支出"}},
		// one number per item, whatever the unit
		{"mixed units", "光伏组件、风电装机产量分别达到120万件、80万千瓦。", []string{"光伏组件产量", "风电装机产量"}},
		// names and numbers in two lists, without 分别
		{"adjacent lists", "城镇和农村人均住房面积38平方米、45平方米。", []string{"城镇人均住房面积", "农村人均住房面积"}},
		{"adjacent lists keep own names", "新增上市公司3家、挂牌企业27家。", []string{"上市公司", "挂牌企业"}},
		// a clause that names nothing takes the names of the numbers before it
		{"ellipsis of a list", "城镇、农村居民人均可支配收入分别为5.2万元和2.4万元，比上年增长5%和7%。",
			[]string{"城镇居民人均可支配收入", "农村居民人均可支配收入", "城镇居民人均可支配收入", "农村居民人均可支配收入"}},
		{"ellipsis of a list", "城镇居民人均可支配收入5.2万元，农村居民人均可支配收入2.4万元，扣除价格因素，分别实际增长5%和7%。",
			[]string{"城镇居民人均可支配收入", "农村居民人均可支配收入", "城镇居民人均可支配收入", "农村居民人均可支配收入"}},
		// a total written as the attribute of projects is their total (LABELING: Y总投资)
		{"total of an attribute", "加快建设总投资36亿元的12个县级重点项目。", []string{"县级重点项目总投资", "县级重点项目"}},
		{"total of an attribute", "开工年度总投资8亿元的5个水利项目。", []string{"水利项目年度总投资", "水利项目"}},
		{"total of an attribute", "推动总投资15亿元的滨河湿地公园项目建设。", []string{"滨河湿地公园项目总投资"}},
		{"total of an attribute", "实施总投资90亿元的20个省、市重点项目。", []string{"省、市重点项目总投资", "省、市重点项目"}},
		// 各: one number for every item of a list is one fact naming them all
		{"each", "新增省级专精特新企业2家，省级技术中心、工业设计中心各3个。", []string{"省级专精特新企业", "省级技术中心、工业设计中心"}},
		{"each", "认定市级数字化车间、智能工厂各5家。", []string{"市级数字化车间、智能工厂"}},
		// a verb of change names nothing: the names are those before
		{"change verb", "化学需氧量、氨氮排放量由上年分别增长2%和3%，转为下降1.5%和2.5%。", []string{"化学需氧量", "氨氮排放量", "化学需氧量", "氨氮排放量"}},
		{"sub-item after a time word", "五年外贸进出口总额2万亿美元，其中去年出口5000亿美元。", []string{"外贸进出口总额", "出口"}},
		// 均 or 都 after a list: one number for every item
		{"all of a list", "全市城市污水处理率、生活垃圾无害化处理率均达98%。", []string{"城市污水处理率、生活垃圾无害化处理率"}},
		{"all of a list", "小麦、玉米等作物的产量，都比上年增长一成以上。", []string{"小麦、玉米等作物的产量"}},
		{"all of a list", "全年平均降低能耗5%。", []string{"能耗"}},
		{"all of a list", "钢产量由100万吨增加到120万吨，煤产量由80万吨增加到96万吨，都是平均每年递增4%。",
			[]string{"钢产量", "钢产量", "煤产量", "煤产量", "钢产量、煤产量"}},
		// a scale word opens the name after a count
		{"scale word", "培育装备制造、电子信息、食品加工3个百亿级产业集群。", []string{"百亿级产业集群"}},
		// 分别 after a cue word that is a word of the names (救助), or with no cue
		{"respectively after a word of the names", "困难型、特困型、低收入型住房补贴标准分别提高80元、60元、40元。",
			[]string{"困难型住房补贴标准", "特困型住房补贴标准", "低收入型住房补贴标准"}},
		{"respectively after a word of the names", "一般型、支出型临时救助标准分别提高30元和45元。", []string{"一般型临时救助标准", "支出型临时救助标准"}},
		{"respectively without a cue", "林业、牧业产值分别约为全省平均的1.2倍、1.1倍。", []string{"林业产值", "牧业产值"}},
		// an item as long as the last one's first word and ending like it
		{"parallel items", "水产品、畜产品、农产品抽检合格率分别达到98.5%、99.1%、97.8%。", []string{"水产品抽检合格率", "畜产品抽检合格率", "农产品抽检合格率"}},
		{"parallel items", "甲级、乙级、丙级、丁级资质企业分别达到12家、30家、45家、60家。", []string{"甲级资质企业", "乙级资质企业", "丙级资质企业", "丁级资质企业"}},
		// numbers before the items: a modifier alone takes the next item's head
		{"counted modifiers", "创建2个国家级、5个省级、12个市级、30个县级现代农业产业园。", []string{"国家级现代农业产业园", "省级现代农业产业园", "市级现代农业产业园", "县级现代农业产业园"}},
		{"counted modifiers", "打造3个国家级和8个省级特色小镇。", []string{"国家级特色小镇", "省级特色小镇"}},
		{"counted modifiers", "认定4个市级、9个县级示范合作社。", []string{"市级示范合作社", "县级示范合作社"}},
		{"own head kept", "新增国家级专精特新企业3家、省级10家。", []string{"国家级专精特新企业", "省级专精特新企业"}},
		// a later item that only names a thing takes the head a list writes once
		{"item head carried", "压减过剩焦化产能300万吨、玻璃80万吨、电解铝20万吨。", []string{"过剩焦化产能", "玻璃产能", "电解铝产能"}},
		{"item head carried", "全年蔬菜产量420万吨、水果150万吨。", []string{"蔬菜产量", "水果产量"}},
		{"item head carried", "二氧化硫排放量下降6%、氮氧化物5%。", []string{"二氧化硫排放量", "氮氧化物排放量"}},
		{"own head kept", "新增高新技术企业120家、科技型中小企业300家。", []string{"高新技术企业", "科技型中小企业"}},
		// a tally of medals: the games and the medal
		{"medal tally", "我市运动员在第十五届全运会上获得15金12银9铜。", []string{"第十五届全运会金牌", "第十五届全运会银牌", "第十五届全运会铜牌"}},
		{"medal tally", "在亚运会上夺得2金1银，在残运会上夺得3金2银1铜。", []string{"亚运会金牌", "亚运会银牌", "残运会金牌", "残运会银牌", "残运会铜牌"}},
		// a pair word names two things
		{"pair", "城乡低保标准分别提高6%和8%。", []string{"城市低保标准", "农村低保标准"}},
	}
	for _, tc := range tests {
		t.Run(tc.class, func(t *testing.T) {
			if got := indicatorsOf(x, tc.text); strings.Join(got, "|") != strings.Join(tc.want, "|") {
				t.Errorf("Extract(%q) indicators = %q, want %q", tc.text, got, tc.want)
			}
		})
	}
}

// TestListMarksOf checks listMarksOf, one pass over a sentence's code
// points, against strings.Contains of its text for 分别, 均 and 都, on
// every sentence of the bundled reports and the development set and on
// random text of those characters and their neighbours.
func TestListMarksOf(t *testing.T) {
	sents := sentencesOf(append(corpusDocs(t), devDocs(t)...))
	rng := rand.New(rand.NewPCG(31, 18))
	pieces := []string{"分", "别", "分别", "均", "都", "平均", "首都", "部", "。", "、", "5%", "增长"}
	for range 5000 {
		sents = append(sents, []rune(randomText(rng, pieces, 8)))
	}
	var respectively, all int
	for _, s := range sents {
		str := string(s)
		want := listMarks{respectively: strings.Contains(str, "分别"), all: strings.Contains(str, "均") || strings.Contains(str, "都")}
		if got := listMarksOf(s); got != want {
			t.Fatalf("listMarksOf(%q) = %+v, want %+v", str, got, want)
		}
		if want.respectively {
			respectively++
		}
		if want.all {
			all++
		}
	}
	if respectively == 0 || all == 0 {
		t.Errorf("%d sentences with 分别, %d with 均 or 都: the test tries too little", respectively, all)
	}
}

// TestComparisonListStart checks comparisonListStart, which runs
// comparisonList only on names that end with 比 or 上年, against the
// pattern run on every text: each prefix of the sentences of the bundled
// reports and the development set up to a 分别 (the names before it), and
// random texts of comparisons, list marks and their pieces.
func TestComparisonListStart(t *testing.T) {
	var texts []string
	for _, s := range sentencesOf(append(corpusDocs(t), devDocs(t)...)) {
		str := string(s)
		for k := strings.Index(str, "分别"); k >= 0; {
			texts = append(texts, str[:k])
			next := strings.Index(str[k+1:], "分别")
			if next < 0 {
				break
			}
			k += 1 + next
		}
	}
	rng := rand.New(rand.NewPCG(35, 7))
	pieces := []string{"环比", "同比", "比上年", "较上年", "上年", "比", "较", "环", "、", "和", "与", "及", "销售额", "增长", "\xe6"}
	for range 20000 {
		texts = append(texts, randomText(rng, pieces, 8))
	}
	matched := 0
	for _, s := range texts {
		want := -1
		if loc := comparisonList.FindStringIndex(s); loc != nil {
			want = loc[0]
			matched++
		}
		if got := comparisonListStart(s); got != want {
			t.Fatalf("comparisonListStart(%q) = %d, want %d", s, got, want)
		}
	}
	if matched < 100 {
		t.Errorf("%d texts end with a list of comparisons: the test tries too little", matched)
	}
}

// TestDropNoteMarks checks dropNoteMarks, which runs noteRe only on a text
// holding [ or 〔, against noteRe.ReplaceAllString on every clause and
// list item of the bundled reports and the development set and on random
// texts of note marks, their pieces and Chinese.
func TestDropNoteMarks(t *testing.T) {
	var texts []string
	for _, s := range sentencesOf(append(corpusDocs(t), devDocs(t)...)) {
		for _, c := range strings.Split(string(s), "，") {
			texts = append(texts, c)
			texts = append(texts, strings.Split(c, "、")...)
		}
	}
	pieces := []string{"[1]", "^[23]", "〔27〕", "[", "]", "〔", "〕", "^", "1", "1234", "工程", "项目", "、"}
	rng := rand.New(rand.NewPCG(13, 14))
	for range 20000 {
		texts = append(texts, randomText(rng, pieces, 8))
	}
	dropped := 0
	for _, s := range texts {
		got, want := dropNoteMarks(s), noteRe.ReplaceAllString(s, "")
		if got != want {
			t.Fatalf("dropNoteMarks(%q) = %q, want %q", s, got, want)
		}
		if got != s {
			dropped++
		}
	}
	if dropped == 0 {
		t.Error("no note mark dropped: the test would prove little")
	}
}
