package extract

import "testing"

// TestIndicatorClasses checks, class by class, the indicator of one fact of
// sentences written for the test or taken from unlabelled reports (the
// source names the report; none is a dev source, but the
// province_sichuan_2026 and county_miyi_2023 rows are sentences of holdout
// sources, see golden/holdout/README.md): the phrase a
// researcher would put in a column header (SPEC 2).
func TestIndicatorClasses(t *testing.T) {
	x := newExtractor(t)
	tests := []indicatorRow{
		// (c) a time word or span is no part of a name
		{"time", "written", "年底前完成改造200户。", "200户", "改造"},
		{"time", "province_hebei_2021", "单位GDP能耗五年下降21%。", "21%", "单位GDP能耗"},
		{"time", "province_hebei_2021", "连续五年财政民生支出占比稳定在80%以上。", "80%以上", "财政民生支出占比"},
		{"time", "written", "全县财政用于教育支出五年累计达到36亿元。", "36亿元", "财政用于教育支出"},
		{"time", "written", "中央财政连续三年安排资金90亿元。", "90亿元", "中央财政安排资金"},
		{"time", "written", "高校毕业生就业率去年底达到91%。", "91%", "高校毕业生就业率"},
		{"time", "written", "来我市就医人次从疫情前的0.2万增至17万。", "0.2万", "来我市就医人次"},
		{"time", "written", "全市粮食总产量连续5年稳定在100万吨以上。", "100万吨以上", "粮食总产量"},
		// a plan period or a span opened by an event before the name, a streak of months after it
		{"time", "written", "“十四五”时期规上工业增加值增长8.2%。", "8.2%", "规上工业增加值"},
		{"time", "written", "十三五期间城镇新增就业52万人。", "52万人", "城镇新增就业"},
		{"time", "written", "退耕还林以来森林覆盖率提高到46.5%。", "46.5%", "森林覆盖率"},
		{"time", "written", "新能源汽车销量连续18个月保持两位数增长。", "两位数", "新能源汽车销量"},
		// (f) who acts before the verb phrase that names a count: an
		// organisation, past the nouns of its name, and the verb are dropped
		// (with no cue, or only a bound word in the mention)
		{"actor", "written", "清华大学累计输送铁路专业人才超过2000人。", "超过2000人", "铁路专业人才"},
		{"actor", "written", "四川大学华西医院累计培养全科医生超过3000名。", "超过3000名", "全科医生"},
		{"actor", "written", "重点高校专项招收农村学生人数超过10万人。", "超过10万人", "重点高校专项招收农村学生人数"},
		// (e) whom an action was done for (为, 向, 给 and its object) is no part of the name
		{"beneficiary", "written", "为1.2万户困难家庭发放临时救助金4600万元。", "4600万元", "临时救助金"},
		{"beneficiary", "written", "全年为中小企业减税降费28亿元。", "28亿元", "减税降费"},
		{"beneficiary", "written", "向300家小微企业发放贷款52亿元。", "52亿元", "贷款"},
		{"beneficiary", "written", "为3.4万名农民工追回工资4.2亿元。", "3.4万名", "农民工"},
		// (d) the members of a list before the quoted group name they make up
		{"group", "written", "家电、家居、汽车“三大件”消费增长12%。", "12%", "“三大件”消费"},
		{"group", "written", "推动高端装备、生物医药、新材料“三大产业”产值增长15%。", "15%", "“三大产业”产值"},
		// not a quote inside the last item of a list that goes on with 等
		{"group", "written", "开展儿童疫苗接种、妇女“两癌”筛查等3.2万人次。", "3.2万人次", "儿童疫苗接种、妇女“两癌”筛查等"},
		// (b) what the clause says of the things counted names them, before the noun
		{"predicate", "county_gaotang_2023", "“亩均效益”评价改革稳步实施，597家企业实现差别化资源要素配置。", "597家", "实现差别化资源要素配置企业"},
		{"predicate", "province_hebei_2021", "深化制造业数字化转型，新增1万家企业上云。", "1万家", "上云企业"},
		{"predicate", "written", "全县培育80家养殖场实现规模化生产。", "80家", "实现规模化生产养殖场"},
		{"predicate", "county_gaotang_2023", "为2262名特困人员购买医疗补充保险。", "2262名", "购买医疗补充保险特困人员"},
		{"predicate", "written", "全市新增3000个自然村通硬化路。", "3000个", "通硬化路自然村"},
		{"predicate", "written", "今年有5所高等院校获批设置。", "5所", "获批设置高等院校"},
		{"predicate", "county_miyi_2023", "青杠坪矿业等3户企业入选省级“绿色工厂”。", "3户", "入选省级“绿色工厂”企业"},
		// a predicate of cue and status words only is the count's cue; all of them: the noun alone
		{"predicate", "written", "全年12个项目竣工投产，8个项目开工建设。", "12个", "项目"},
		{"predicate", "written", "全年12个项目竣工投产，8个项目开工建设。", "8个", "项目"},
		{"predicate", "written", "确定的25项民生实事全部完成。", "25项", "民生实事"},
		{"predicate", "written", "今年4处矿井建成试运转，2座水厂建成试运行。", "4处", "矿井"},
		{"predicate", "written", "今年4处矿井建成试运转，2座水厂建成试运行。", "2座", "水厂"},
		// a verb and one noun at the end are a name of their own (签约项目)
		{"predicate", "county_gaotang_2023", "力争1个以上外资项目申报省“双招双引”签约项目。", "1个以上", "申报省“双招双引”签约项目"},
		// a count named by a verb and its object is named by the object
		{"verb-object", "city_baoding_2022", "提升主城区主次干道8条（段），打通断头路18条。", "18条", "断头路"},
		{"verb-object", "written", "全年受理群众诉求12万条。", "12万条", "群众诉求"},
		{"verb-object", "written", "全年依法主动公开政府信息3200条。", "3200条", "政府信息"},
		{"verb-object", "written", "依法公开行政许可信息1.2万条。", "1.2万条", "行政许可信息"},
		{"verb-object", "written", "全年主动公开财政资金信息860条。", "860条", "财政资金信息"},
		{"verb-object", "county_gaotang_2023", "办理人大代表建议92件、政协委员提案115件。", "92件", "人大代表建议"},
		{"verb-object", "county_gaotang_2023", "办理人大代表建议92件、政协委员提案115件。", "115件", "政协委员提案"},
		{"verb-object", "written", "市政府提请市人大常委会审议地方性法规草案5件。", "5件", "地方性法规草案"},
		{"verb-object", "county_gaotang_2023", "办理留抵退税7.1亿元。", "7.1亿元", "留抵退税"},
		{"verb-object", "county_gaotang_2023", "认证“三品一标”产品13个。", "13个", "“三品一标”产品"},
		{"verb-object", "written", "“双盲”评审项目251个。", "251个", "“双盲”评审项目"},
		// any unit: the verb's object names an amount too; two verbs joined
		// by 、 are one verb; an aspect mark after the verb is the verb's
		{"verb-object", "written", "开挖疏浚农村坑塘沟渠2.3万公里。", "2.3万公里", "农村坑塘沟渠"},
		{"verb-object", "written", "自审自发地方政府专项债券900亿元。", "900亿元", "地方政府专项债券"},
		{"verb-object", "written", "起草、修订地方性法规草案9件。", "9件", "地方性法规草案"},
		{"verb-object", "written", "提出了钢产量二千万吨、煤产量三亿吨的任务。", "二千万吨", "钢产量"},
		// a noun the segmenter tags as a verb opens no verb phrase
		{"verb-object", "written", "殡葬基本服务费由平均3000元下降到1200元。", "3000元", "殡葬基本服务费"},
		// a count with no name before it is named by the noun after it, not
		// by the previous item (新设 and 新开通 are cues)
		{"verb-object", "written", "新设3所本科职业学校，新增学位1.2万个。", "3所", "本科职业学校"},
		{"verb-object", "written", "新开工20个水利项目，新开通15个高速收费站出入口。", "15个", "高速收费站出入口"},
		// 惠及 (reach): the action that reached them, the cue and who; the
		// action is the subject or the object opening the clause before
		{"benefit", "written", "实施困难残疾人生活补贴制度，惠及3.6万人。", "3.6万人", "困难残疾人生活补贴制度惠及"},
		{"benefit", "written", "“家电下乡”政策惠及12万户农户。", "12万户", "“家电下乡”政策惠及农户"},
		{"benefit", "written", "发放农机购置补贴，惠及农户2.1万户。", "2.1万户", "农机购置补贴惠及农户"},
		{"benefit", "written", "实施农村饮水安全巩固工程，惠及15个乡镇。", "15个", "农村饮水安全巩固工程惠及乡镇"},
		// 覆盖, 通达, 拓展至 (reach) right before a count: what reaches, the
		// cue and what it reaches; the places alone name nothing
		{"reach", "written", "跨境电商业务覆盖40个国家和地区。", "40个", "跨境电商业务覆盖国家和地区"},
		{"reach", "written", "中欧班列线路通达25个国家和地区。", "25个", "中欧班列线路通达国家和地区"},
		{"reach", "written", "快递服务覆盖1200个行政村。", "1200个", "快递服务覆盖行政村"},
		// who before the number, or people counted in the unit: not this rule
		{"reach", "written", "社会保险覆盖9亿人。", "9亿人", "社会保险"},
		// a clause before with a number names no one action: who alone
		{"benefit", "written", "新建社区食堂30处、惠及群众8000人。", "8000人", "群众"},
		// a noun or place before the verb modifies it: the name stays whole
		{"verb-object", "city_baoding_2021", "京津保合作项目469项。", "469项", "京津保合作项目"},
		{"verb-object", "written", "全省线下无理由退货承诺店超过3000家。", "超过3000家", "线下无理由退货承诺店"},
		// (a) a head written once after a 分别 list names every item
		{"head", "written", "全市家电、通讯器材类零售额分别增长12.5%和20.1%。", "12.5%", "家电零售额"},
		// (a) a plain noun (项目, 任务) keeps what tells it apart
		{"plain-noun", "written", "推进营商环境改革试点25项任务全部落地。", "25项", "营商环境改革试点任务"},
		{"plain-noun", "written", "铁路，开工沿海高铁等3个项目，建成西环线等5个项目。", "3个", "铁路项目"},
		{"plain-noun", "written", "铁路，开工沿海高铁等3个项目，建成西环线等5个项目。", "5个", "铁路项目"},
		{"plain-noun", "province_sichuan_2026", "浙江省投入财政帮扶资金33.9亿元、实施帮扶项目781个。", "781个", "帮扶项目"},
		{"plain-noun", "written", "确保康达水业等投资37亿元的6个项目建成投产。", "6个", "项目"},
		// the last item of a list and a clause that is no noun are no kind
		{"plain-noun", "province_sichuan_2026", "包括武都引水、升钟灌区、大桥灌区6个工程。", "6个", "工程"},
		{"plain-noun", "written", "招商引资有声有色，全年共签约项目35个。", "35个", "项目"},
		// a cue between the subject and the object is part of the name as written
		{"as-written", "written", "全市汽车更新申请3万辆。", "3万辆", "汽车更新申请"},
		{"as-written", "written", "服务业对经济增长贡献率接近60%。", "接近60%", "服务业对经济增长贡献率"},
		{"as-written", "written", "全年乡村绿化植树超过200万株。", "超过200万株", "乡村绿化植树"},
		// a verb of work between the name and the number is part of it; an auxiliary is not
		{"as-written", "province_sichuan_2026", "累计完成营造林2709万亩、国土空间生态修复353万亩。", "353万亩", "国土空间生态修复"},
		{"as-written", "written", "全年易地扶贫搬迁3万人。", "3万人", "易地扶贫搬迁"},
		{"as-written", "written", "全县高新技术企业新增12家。", "12家", "高新技术企业"},
		// (d) one character at the end of the clause finishes the name: no fragment
		{"fragment", "county_gaotang_2023", "打造1个精品国医堂，建设15家中医药特色村卫生室。", "1个", "精品国医堂"},
		{"fragment", "written", "建成50个村级寄递物流服务点，打通农村物流。", "50个", "村级寄递物流服务点"},
		// a run of verbs before the head of a name is part of the name; a
		// verb before a noun that a verb follows is a predicate
		{"verbs-in-name", "national_china_2017", "新设6个国家自主创新示范区。", "6个", "国家自主创新示范区"},
		{"verbs-in-name", "national_china_2010", "安排421亿美元大型成套设备出口融资保险。", "421亿美元", "大型成套设备出口融资保险"},
		{"verbs-in-name", "written", "组建3家市属回收循环利用公司。", "3家", "市属回收循环利用公司"},
		{"verbs-in-name", "written", "建设8个承接产业转移主平台。", "8个", "承接产业转移主平台"},
		{"verbs-in-name", "written", "推进5项牵引性集成改革。", "5项", "牵引性集成改革"},
		{"verbs-in-name", "written", "完成12处矿山生态修复示范项目。", "12处", "矿山生态修复示范项目"},
		{"verbs-in-name", "written", "还为300名寄宿生提供生活补助。", "300名", "寄宿生"},
		{"verbs-in-name", "written", "为20家拟上市企业制定辅导计划。", "20家", "拟上市企业"},
		// one count shared by names joined by 、 or 和 names them all (SPEC 7);
		// not when the names go on to a count of their own, past a verb or
		// into a predicate
		{"coordinated", "written", "新改建30处街头游园、社区公园、村镇公园。", "30处", "街头游园、社区公园、村镇公园"},
		{"coordinated", "written", "有12部法律草案和行政法规草案向社会公开征求意见。", "12部", "法律草案和行政法规草案"},
		{"coordinated", "written", "支持300个县级图书馆、文化馆和2万个村文化室建设。", "300个", "县级图书馆、文化馆"},
		{"coordinated", "written", "30家医院与50余家院校和机构开展合作。", "50余家", "开展合作院校和机构"},
		{"coordinated", "province_hebei_2021", "成立工业经济发展、商贸流通文旅业发展2个协调组和用工用能等6个服务组。", "2个", "协调组"},
		{"coordinated", "written", "组建4家实体公司和广电、报社、网站3家文化公司。", "4家", "实体公司"},
		{"coordinated", "written", "建成8个建筑材料企业和木材采伐企业。", "8个", "建筑材料企业"},
		{"coordinated", "written", "航线通达36个国家和地区的120个港口。", "36个", "航线通达国家和地区"},
		// a figure named by its head alone (总金额, 年度投资, 床位) right after
		// the figure of a thing measures that thing: the thing's name, less
		// its own figure head, and the head (SPEC 2)
		{"owner", "written", "全年签约招商项目260个、总金额1800亿元。", "1800亿元", "招商项目总金额"},
		{"owner", "written", "今年安排市重点项目320个、年度计划投资860亿元。", "860亿元", "市重点项目年度计划投资"},
		{"owner", "written", "新建托育机构45家、托位3200个，新增普惠托育床位1200张。", "45家", "托育机构"},
		{"owner", "written", "新建社区养老服务中心120个、床位5600张。", "5600张", "社区养老服务中心床位"},
		{"owner", "written", "建成冷链物流项目18个、释放产值超过60亿元。", "超过60亿元", "冷链物流项目释放产值"},
		{"owner", "written", "茶叶综合产值增长9%、出口增长21%。", "21%", "茶叶出口"},
		{"owner", "written", "全省农村公路通车里程新增3200公里，总里程达到16万公里。", "16万公里", "农村公路通车总里程"},
		{"owner", "written", "玉米播种面积120万亩、总产量65万吨。", "65万吨", "玉米总产量"},
		{"owner", "written", "城乡居民人均可支配收入分别增长4.9%和6.8%，收入比缩小到2.1。", "2.1", "城乡居民收入比"},
		// a plain noun repeating the end of the previous name: the same things
		{"owner", "written", "引进京津产业项目65个，项目数量增长18%。", "18%", "京津产业项目"},
		// not a figure's head: a name of its own, a head the owner holds, a
		// clause that goes on after the previous figure, a figure whose
		// head the lexicon does not know
		{"owner", "written", "重点项目完成投资300亿元，全年固定资产投资增长6%。", "6%", "固定资产投资"},
		{"owner", "written", "外贸进出口总额达到900亿元、出口增长7%。", "7%", "出口"},
		{"owner", "written", "企业在30多个国家和地区开展业务，完成营业额12亿美元。", "12亿美元", "营业额"},
		{"owner", "written", "全市用电量增长6%，货运量增长4%。", "4%", "货运量"},
		{"owner", "written", "全市粮食产量达到50万吨，能耗下降3%。", "3%", "能耗"},
		// a word jieba tags wrongly is a noun for the name (lexicon role retag)
		{"retag", "written", "推出300多项具体改革举措。", "300多项", "具体改革举措"},
		{"retag", "written", "全年出台3批政策清单。", "3批", "政策清单"},
		{"retag", "written", "新增15家国家卓越级智能工厂。", "15家", "国家卓越级智能工厂"},
		// a 等 inside a word (高等, 中等) is no list's end
		{"predicate", "written", "26所公办中等职业学校全部达到省定标准。", "26所", "公办中等职业学校"},
	}
	checkIndicatorOf(t, x, tests)
}
