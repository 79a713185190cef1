package extract

// The measure question: level, delta or growth (SPEC sections 3 and 7).

import (
	"strings"
	"unicode/utf8"

	"github.com/gwrfacts/gwr/extract/lexicon"
	"github.com/gwrfacts/gwr/schema"
)

// levelNouns in an indicator make its number a level: a stock, total,
// share or statistic rather than an amount added.
var levelNouns = lex.Words(lexicon.LevelNoun)

// levelNounIndex finds the words of levelNouns in one pass (carries).
var levelNounIndex = newWordIndex(levelNouns)

// measureOf decides level, delta or growth (SPEC sections 3 and 7) and
// names the branch that decided it.
func measureOf(q *quantity, cue string, name *naming, prev *fact, carried, attribute, listGrowth bool) (schema.Measure, string) {
	roles := lex.Roles(cue) // looked up once: the branches ask up to eight roles of it
	isCue := roles.Has
	toForm := endsReached(cue)
	money := q.unit == schema.CNY || q.unit == schema.USD
	switch {
	case q.rule.FixedMeasure != "":
		return q.rule.FixedMeasure, "fixed-rule"
	case q.unit == schema.PP:
		return schema.Delta, "percentage-points"
	case q.unit == schema.Percent:
		switch {
		case isCue(lexicon.Growth) && !toForm:
			return schema.Growth, "percent-after-growth-cue"
		case name.has(growthNounList) && !name.has(levelRateList):
			return schema.Growth, "growth-noun" // 市场主体增速保持在15%以上
		case listGrowth:
			return schema.Growth, "list-after-growth" // 增长7%以上、力争达到8%: the same rate, a higher aim
		}
		return schema.Level, "percent-level"
	case q.unit == schema.Times:
		if isCue(lexicon.Growth) && !toForm {
			return schema.Growth, "times-after-growth-cue" // 增长2.5倍
		}
		return schema.Level, "times-level" // 是2022年的4.62倍
	case isCue(lexicon.Level):
		return schema.Level, "level-cue"
	case toForm && !isChange(strings.TrimRight(cue, reachedMarks)):
		// 重组整合【至】11家, 扩容【至】7个: the level the verb reached
		// (SPEC 3); a verb of change keeps its own branches
		return schema.Level, "level-reached"
	case isCue(lexicon.Statistic) && name.after == "":
		// 全年接待游客超9亿人次: the year's statistic (SPEC 7); not a count
		// before its noun (接待了89个国家的元首: things done)
		return schema.Level, "statistic-cue"
	case cue == "实现" && money:
		return schema.Level, "money-reached" // 实现地区生产总值100亿元: a statistic reached
	case money && isCue(lexicon.Change):
		return schema.Delta, "money-change" // 比上年增加1.6万亿元, 利息支出减少1500亿元: a change
	case money && attribute:
		return schema.Level, "money-attribute" // 投资15亿元的…项目: the project's total
	case money && name.has(moneyLevelList):
		return schema.Level, "money-level-word"
	case money:
		if isCue(lexicon.MoneyAction) || name.has(moneyActionNounList) {
			return schema.Delta, "money-action"
		}
		return schema.Level, "money-level"
	case q.unit == schema.Count && actionCounts.has(q.classifier):
		return schema.Delta, "action-count" // 两次下调存款准备金率: times an action was taken, things done (SPEC 3)
	case name.levelNamed() && !isCue(lexicon.Delta):
		return schema.Level, "level-noun"
	case carried && prev != nil && prev.q.unit == q.unit:
		return prev.measure, "carried"
	case isCue(lexicon.Delta):
		return schema.Delta, "delta-cue"
	case isCue(lexicon.Growth) && !toForm && (isCue(lexicon.Change) || !isDecrease(cue)):
		// 空气优良天数同比增加【26天】, 引水量同比增长【21亿立方米】: a change
		// verb's amount in a unit of its own is the amount added (SPEC 3);
		// not after a verb of a rate's fall that is no change of an amount,
		// read inside a name (营养【改善】计划惠及…)
		return schema.Delta, "amount-after-growth-cue"
	case q.unit == schema.Count:
		return schema.Delta, "count"
	case q.rule.ID == "bare-multiplier" && !isDecrease(cue):
		// 3600多万农村学生受益, 17.63万群众安居圆梦: people reached by
		// the year's action, a count with no measure word (LABELING); not
		// after a verb of a rate's fall read inside a name (营养【改善】计划惠及…)
		return schema.Delta, "count"
	case cue == "" && endsInDeltaCue(name.before):
		// 营造林【92.1万亩】: a name ending in a verb of work the segmenter
		// kept inside a longer word, with no verb of its own, is the work
		// done (SPEC 3)
		return schema.Delta, "work-named"
	}
	return schema.Level, "default-level"
}

// endsInDeltaCue reports whether the naming words, trimmed as an
// indicator, end in a delta cue of two characters or more (营造【造林】):
// the name is an action, its number the amount done.
func endsInDeltaCue(before string) bool {
	t := trimIndicator(before)
	for _, w := range longDeltaCues {
		if strings.HasSuffix(t, w) {
			return true
		}
	}
	return false
}

// longDeltaCues are the delta cues of two characters or more.
var longDeltaCues = func() []string {
	var out []string
	for _, w := range deltaCues {
		if utf8.RuneCountInString(w) >= 2 {
			out = append(out, w)
		}
	}
	return out
}()

// reachedMarks end a verb of change whose number is the level reached:
// 提高到, 降至, 整合为 (SPEC 3 and 6).
const reachedMarks = "到至为"

// endsReached reports whether a cue ends in a mark of the level reached
// (上升至, 由106家整合为50家): a suffix compared, no character decoded
// (measureOf and isDecrease ask every cue).
func endsReached(cue string) bool {
	if len(cue) < len("到") {
		return false
	}
	switch cue[len(cue)-len("到"):] { // (the marks are all of three bytes)
	case "到", "至", "为":
		return true
	}
	return false
}

// opensReached reports whether s, the rest after a verb of change, opens
// with a mark of the level reached (提高【到】, 整合【为】).
func opensReached(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return strings.ContainsRune(reachedMarks, r)
}

func isRateName(indicator string) bool { return rateNameEnds.endOf(indicator) }

// rateNameEnds finds a rate name at the end of a name.
var rateNameEnds = newSuffixWords(rateNames)

// growthNouns in an indicator make a percentage a growth rate.
var growthNouns = lex.Words(lexicon.GrowthNoun)

// levelRates are the level nouns that hold a growth noun: a rate named
// for growth that is a level of its own (人口自然增长率下降到【10.06‰】).
var levelRates = func() []string {
	var out []string
	for _, w := range levelNouns {
		if hasAny(w, growthNouns) {
			out = append(out, w)
		}
	}
	return out
}()

// isChange reports a verb of change: its number is an amount added or
// removed, whatever the indicator.
func isChange(cue string) bool { return lex.Is(cue, lexicon.Change) }

// moneyActionNouns in an indicator name money moved by an action:
// 省外到位资金, 贷款投放, 年度投资.
var moneyActionNouns = lex.Words(lexicon.MoneyActionNoun)

// addedInName reports whether an indicator names what was added (城镇新增
// 就业人数, 新增税费优惠, 新设外资企业): its number is a delta whatever verb reaches it,
// unless the name is a standing total (累计, 总数) or 新增 only qualifies
// another thing (新增的涉税市场主体纳税).
func addedInName(indicator string) bool {
	for _, w := range addedWords {
		if k := strings.Index(indicator, w); k >= 0 {
			return !strings.HasPrefix(indicator[k+len(w):], "的") && !hasAny(indicator, stockWords) &&
				!strings.Contains(indicator, "累计") && !strings.Contains(indicator, "总数")
		}
	}
	return false
}

// addedWords are the words that make a name one of things added, in the
// order addedInName looks for them (新设外资企业2.6万户: firms set up in
// the year).
var addedWords = []string{"新增", "新设"}

// naming is the text of the sentence that names what a number measures,
// as the measure question reads it: the words of its list item before it
// (after any earlier number of the clause) and, for a count, the noun
// phrase after it (实施30个【项目】). It is read from the sentence, never
// from the indicator chosen for the number, so that naming an indicator
// differently moves no measure.
type naming struct {
	before, after string
	// the bits of the lists of namingIndex that before and after hold a
	// word of, with namingRead set in inBefore once they are read (read)
	inBefore, inAfter uint8
}

// has reports whether the naming words hold a word of the list of
// namingIndex: hasAny of its words.
func (n *naming) has(list int) bool {
	n.read()
	return (n.inBefore|n.inAfter)&(1<<list) != 0
}

// read finds the words of every list of namingIndex in the naming words,
// once, in one pass over each text: measureOf and describe ask up to
// five lists of the same words.
func (n *naming) read() {
	if n.inBefore&namingRead == 0 {
		n.inBefore, n.inAfter = uint8(namingIndex.lists(n.before))|namingRead, uint8(namingIndex.lists(n.after))
	}
}

// The word lists measureOf and describe look for in the naming words
// (naming.has), by their place in namingIndex.
const (
	growthNounList = iota
	levelRateList
	moneyLevelList
	moneyActionNounList
	stockList
	levelNounList
	namingRead = 1 << 7 // (no list: the bit naming.read sets)
)

// namingIndex indexes the word lists of naming.has.
var namingIndex = newWordIndex(growthNouns, levelRates, moneyLevelWords, moneyActionNouns, stockWords, levelNouns)

// namingOf returns the naming words of q, whose list item starts at cs and
// whose cue is [cueS, cueE) (-1 if none): the words after the cue when it
// has an object (完成【投资】8852亿元), else the words before it
// (【一般公共预算收入】完成…), and the noun after a count or after 的
// (保持8%的【增长率】); with neither, its cue names it (当年计划【投资】).
// An item with no words of its own is named by the item before it in its
// clause (、【6%】), else, for the sentence's first number with no verb or
// only a copula, by the clause before (职工工资总额，计划安排为【158亿元】),
// else by its own verb.
func (a *analysis) namingOf(q *quantity, cs, cueS, cueE int, prev *fact) naming {
	s := cs
	if e := a.lastQuantityEnd(cs, q.start); e > 0 {
		s = e
	}
	var n naming
	ownCue := cueS >= s && cueE <= q.start
	switch {
	case ownCue && a.namesAThing(a.sub(cueE, q.start)):
		n.before = a.sub(cueE, q.start)
	case ownCue && a.namesAThing(a.sub(s, cueS)):
		n.before = a.sub(s, cueS)
	case ownCue && genericHeads.has(a.sub(cueS, cueE)):
		n.before = a.sub(s, q.start) // 当年计划【投资】1003亿元: the cue is the head of the name
	case !ownCue:
		n.before = a.sub(s, q.start)
	}
	switch {
	case q.unit == schema.Count:
		n.after = a.text(a.nounAfter(q.end))
	case q.end < len(a.s) && a.s[q.end] == '的':
		n.after = a.text(a.nounAfter(q.end + 1))
	}
	switch {
	case a.namesAThing(n.before) || n.after != "":
		return n
	case prev != nil && (prev.q.start >= cs || prev.q.end == cs-1 && a.s[cs-1] == '、'):
		return prev.name // 、【6%】, 由3%提高到【4%】: the item before in the clause names it
	case prev == nil && s > 0 && (!ownCue || copula(a.sub(s, q.start))):
		n.before = a.sub(a.clauseStart(s-1), s) // the topic: 职工工资总额，计划安排为【158亿元】
	case ownCue:
		n.before = a.sub(s, q.start) // 引导【约1亿人】…: what its verb acts on
	case prev != nil:
		return prev.name
	}
	return n
}

// levelNamed reports whether the naming words hold a level noun. A count
// whose noun follows it after a list of examples closed by 等 is named by
// that noun alone (渗透率、收入增幅等5项【指标】居全国第一: a count of
// indicators, not a rate).
func (n *naming) levelNamed() bool {
	if n.after != "" && strings.HasSuffix(strings.TrimSpace(n.before), "等") {
		n.read()
		return n.inAfter&(1<<levelNounList) != 0
	}
	return n.has(levelNounList)
}

// namesAThing reports whether s, trimmed as an indicator, is a name: two
// characters or more, or a one-character name (钢); not a leftover such as
// the 为 of 安排为. s is a text of the sentence, trimmed once (a.trimBounds):
// the indicator question has mostly trimmed it already.
func (a *analysis) namesAThing(s string) bool {
	lo, hi := a.trimBounds(s)
	t := s[lo:hi]
	return len(t) > 0 && !oneRune(t) || oneCharNames.has(t) // (two code points or more)
}

// copula reports whether the words before a number end in a copula (为,
// 是): the number is what the topic before them is (计划安排【为】).
func copula(before string) bool {
	before = strings.TrimSpace(before)
	return strings.HasSuffix(before, "为") || strings.HasSuffix(before, "是")
}

// stockCounts are the measure words of things that stand (家, 所): a count
// in one, right after its name, is a stock.
var stockCounts = lexSet(lexicon.StockCount)

// prepositions open a clause that is no name of a stock.
const prepositions = "与对为向在从由同跟给把将被"

// stockBreakers are the cue and predicate words of two characters or more
// (培养, 改造, 入选): verbs whatever the segmenter tags them, which make a
// count one of things done.
var stockBreakers = func() []string {
	var out []string
	for _, w := range append(lex.Words(lexicon.Cue...), lex.Words(lexicon.Predicate)...) {
		if utf8.RuneCountInString(w) >= 2 {
			out = append(out, w)
		}
	}
	return out
}()

// stockBreakerIndex finds the words of stockBreakers in one pass.
var stockBreakerIndex = newWordIndex(stockBreakers)

// stockNamedBefore reports whether a count is a stock (SPEC 3): it ends its
// list item, in a measure word of things that stand, right after a name
// with no verb, adverb or preposition (专精特新企业【767家】、“小巨人”企业35家),
// as opposed to a count of things done (打掉犯罪团伙【588个】, 与央企合作
// 项目【115个】) or a count before its noun (【31个】住宅小区列入…).
func (a *analysis) stockNamedBefore(q *quantity, cs int) bool {
	if !stockCounts.has(q.classifier) || q.end < len(a.s) && !isClauseMark(a.s[q.end]) && a.s[q.end] != '、' {
		return false
	}
	s := cs
	if e := a.lastQuantityEnd(cs, q.start); e > 0 {
		s = e
	}
	zone := a.sub(s, q.start)
	if stockBreakerIndex.any(zone) {
		return false // 共培养…毕业生584万人, 农村危房改造366万户: a verb the segmenter took for a noun
	}
	if r, _ := utf8.DecodeRuneInString(zone); strings.ContainsRune(prepositions, r) {
		return false // 与央企合作项目115个: a prepositional phrase, the count of a relation
	}
	noun := false
	for _, t := range a.toks {
		if t.Start < s || t.End > q.start {
			continue
		}
		switch {
		case t.POS == "vn" && t.Start == s, (t.POS == "a" || t.POS == "ad") && t.Start > s:
			return false // 重组省重点实验室249家, 联盟成功备案1家
		case strings.HasPrefix(t.POS, "v") && t.POS != "vn", t.POS == "d", t.POS == "p":
			return false
		case strings.HasPrefix(t.POS, "n") || t.POS == "vn":
			noun = true
		}
	}
	return noun
}

// objectOnly reports whether s[i:j], between a verb and its number, is only
// the verb's object: a name with no 的, no other number and no clause mark
// (降低【利息负担】约2000亿元, 提高【大病保险最高支付限额】3800元).
func (a *analysis) objectOnly(i, j int) bool {
	between := a.sub(i, j)
	return a.namesAThing(between) && !strings.ContainsAny(between, "的，,；;、") && !a.hasQuantity(i, j)
}
