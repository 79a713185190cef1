package extract

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/gwrfacts/gwr/extract/lexicon"
	"github.com/gwrfacts/gwr/schema"
)

// fact is a quantity with the words that describe it.
type fact struct {
	q                     *quantity
	indicator, cue, hedge string
	ind                   phrase // the indicator's pieces of the sentence; nil when distribute named it
	name                  naming // the words of the sentence that name the number, for the measure question
	measure               schema.Measure
	kind                  schema.Kind
	cueStart, clause      int // own cue's start (-1 if none or carried) and the start of the words describing it
	year                  *int32
	negative              bool
	decisions             []Decision               // how each question was answered, in order
	answers               [len(questions)]Decision // decisions' array: a fact and its decisions are one allocation
}

// Question is one of the questions asked about a quantity to make it a
// fact; each has its own file: cue.go, measure.go, sign.go, context.go
// (kind and year), indicator.go, hedge.go.
type Question string

// The questions, in the order describe asks them.
const (
	AskCue       Question = "cue"
	AskIndicator Question = "indicator"
	AskMeasure   Question = "measure"
	AskSign      Question = "sign"
	AskHedge     Question = "hedge"
	AskTime      Question = "time"
)

// Decision is the answer to one question for one fact, named by the branch
// of the question's function that gave it ("money-action", "level-cue"),
// the way go/analysis names the category of a diagnostic.
type Decision struct {
	Question Question
	Name     string
}

// rename gives f an indicator decided after describe (a list pairing its
// numbers with its names, a name carried from the sentence before), and
// renames the indicator decision after the step that gave it, so that
// Explain names what decided the indicator the row holds.
func (f *fact) rename(indicator string, ind phrase, why string) {
	f.indicator, f.ind = indicator, ind
	for k := range f.decisions {
		if f.decisions[k].Question == AskIndicator {
			f.decisions[k].Name = why
		}
	}
}

// questions are the questions describe asks, each once.
var questions = [...]Question{AskCue, AskIndicator, AskMeasure, AskSign, AskHedge, AskTime}

// decision returns the name of the answer given to question q, or "".
func (f *fact) decision(q Question) string {
	for _, d := range f.decisions {
		if d.Question == q {
			return d.Name
		}
	}
	return ""
}

func (f *fact) decide(q Question, name string) {
	f.decisions = append(f.decisions, Decision{q, name})
}

// describe derives the words of a fact around q by asking each question
// in turn. prev is the fact before it in the same sentence, whose cue and
// indicator carry over to list items that leave them implicit.
func (a *analysis) describe(q *quantity, prev *fact, p part, chain string, planYear int) *fact {
	f := a.newFact(q)
	f.decisions = f.answers[:0]
	qs := q.start
	cs := a.listStart(qs)
	a.segmentClause(cs, a.clauseEnd(q.end))

	cue, cueS, cueE, why := a.cueOf(q, cs)
	cueWhy := why
	carried := false
	if cue == "" && prev != nil && a.carries(prev, q, cs) {
		cue, carried, why = prev.cue, true, "carried" // 新增A 2家，B 4家: the cue carries over the list
	}
	f.cue, f.cueStart, f.clause = cue, cueS, cs
	if carried {
		f.cueStart = -1
	}
	f.decide(AskCue, why)

	f.ind, why = a.indicatorOf(q, prev, cs, cueS, cueE, carried)
	f.indicator = a.text(f.ind)
	if prev != nil && prev.indicator != "" && timeOnlyIndicators.has(f.indicator) {
		// 1979年重工业总产值比上年增长7.7%，今年上半年又比去年同期增长【6%】:
		// the indicator left out is the one named before (SPEC 2)
		f.ind, f.indicator, why = prev.ind, prev.indicator, "carried-over-time-word"
	}
	f.decide(AskIndicator, why)

	attribute := q.end < len(a.s) && a.s[q.end] == '的'
	if cueE >= 0 && cueE < q.start && (a.s[cueE] == '至' || a.s[cueE] == '到' || a.s[cueE] == '为' && lex.Is(cue, lexicon.FromTo)) {
		cue += string(a.s[cueE]) // 上升【至】87.2%, 由106家整合【为】50家: the level reached
		f.cue = cue
	}
	// a percentage reached in a list right after a growth rate, with no
	// name of its own, raises that rate (增长7%以上、力争达到8%)
	// a percentage reached in a list right after a growth rate, with no
	// name of its own, raises that rate (增长7%以上、力争达到8%; 都是平均每年
	// 递增百分之四，在执行中争取达到百分之五: no noun between the two)
	// (not a share: 产量增长31.2%、【占】全国44%, SPEC 3)
	listGrowth := prev != nil && prev.measure == schema.Growth && prev.q.unit == schema.Percent && cueS >= 0 && !strings.HasPrefix(cue, "占") &&
		(trimIndicator(a.sub(cs, cueS)) == "" && a.s[max(0, cs-1)] == '、' ||
			a.s[max(0, cs-1)] == '，' && prev.q.end == cs-1 && a.nounFree(cs, cueS))
	f.name = a.namingOf(q, cs, cueS, cueE, prev)
	f.measure, why = measureOf(q, cue, &f.name, prev, carried, attribute, listGrowth)
	if why == "level-cue" && lex.Is(cue, lexicon.Reach) && a.reachOfAction(prev, cs, cueS) {
		f.measure, why = schema.Delta, "reach-of-action" // 建设片区1598个、【覆盖】村庄1.5万个: how far the action reaches (LABELING)
	}
	if why == "level-cue" && q.unit == schema.Count && lex.Is(cue, lexicon.Achieve) && cueE >= 0 && cueE < q.start && a.objectOnly(cueE, q.start) {
		// 突破【关键核心技术】22项, 达成【合作协议】70项: a level verb with an
		// object of its own between it and a count is an action, and the
		// count is of things done (SPEC 3); 突破230家 right before its
		// number stays the level reached
		f.measure, why = schema.Delta, "level-verb-object"
	}
	if f.measure == schema.Delta && !q.rule.fromToStart() && a.startsChange(q, cs) {
		f.measure, why = schema.Level, "change-start" // 出境旅游人次由【8300万】增加到…: the level it started from (SPEC 6)
	}
	if f.measure == schema.Level && why == "percent-level" && growthTopic(chain+a.sub(0, qs)) {
		// 工农业总产值的增长速度，一九八一年计划为【百分之三点七】: the sentence is about a growth rate
		f.measure, why = schema.Growth, "growth-topic"
	}
	if f.measure == schema.Level && why == "percent-level" && a.growthAfter(q.end) {
		// 确定6%左右的【增长】目标, 保持15%以上【增长】: the word after the
		// percentage names it a growth rate (SPEC 3)
		f.measure, why = schema.Growth, "growth-after"
	}
	if (cue == "" || carried) && q.unit != schema.Percent && a.growthFollows(q.end) {
		f.measure, why = schema.Level, "stock-before-growth" // 高新技术企业1865家、增长62.3%: a stock and its growth
	}
	if why == "count" && cue == "" && a.stockNamedBefore(q, cs) {
		f.measure, why = schema.Level, "stock-named-before" // 专精特新企业767家: a stock with no verb (SPEC 3)
	}
	if f.measure == schema.Growth && (cue == "" || carried) && q.unit == schema.Percent && isRateName(f.name.before) {
		f.measure, why = schema.Level, "rate-is-level" // 分别增长5%、6%，城镇调查失业率【5.5%】: a rate is a level (SPEC 3)
	}
	decrease := isDecrease(cue) // (asked here and by the sign question)
	if f.measure == schema.Delta && (!decrease || resolves(cue)) && !hasPrefixAny(cue, addedWords) && (strings.Contains(a.sub(cs, q.start), "累计") || f.name.has(stockList) && !a.stockActedOn(cs, q.start)) {
		// 累计建成55个, 累计新开工项目3万个, 保有量: a standing total (SPEC 3);
		// 累计新增 still adds;
		// 累计化解矛盾纠纷: problems resolved are no removal (LABELING)
		f.measure, why = schema.Level, "standing-total"
	}
	if f.measure == schema.Growth && q.unit == schema.Percent && cueE >= 0 && cueE <= q.start {
		if between := a.sub(cueE, q.start); strings.Contains(between, "率") && !hasAny(cue+between, growthNouns) {
			// 对经济增长贡献率超过【30%】: 增长 is part of a rate's name, and
			// a rate is a level (SPEC 3)
			f.measure, why = schema.Level, "rate-after-cue"
		}
	}
	if f.measure == schema.Level && q.unit != schema.Percent && !attribute && addedInName(f.name.before+f.name.after) && !hasAny(a.sub(cs, q.start), []string{"总数", "总量", "累计", "共"}) && !endsChange(cue) {
		// 城镇新增就业人数超过【6400万人】, 新增护理型床位超过【1000张】: an
		// amount added (SPEC 3), whatever verb reaches it; not 5A级景区新增
		// 周村古商城、总数达到【16家】, nor the end of a change (日均新设企业由
		// 5千多户增加到【1万6千多户】: a level, SPEC 6)
		f.measure, why = schema.Delta, "added-in-name"
	}
	if f.measure == schema.Level && (q.unit == schema.CNY || q.unit == schema.USD) && lex.Is(cue, lexicon.Delta) && lex.Is(cue, lexicon.Growth) &&
		(cueE >= 0 && cueE <= q.start && q.start-cueE <= 2 && trimIndicator(a.sub(cueE, q.start)) == "" ||
			cueE >= 0 && cueE <= q.start && a.objectOnly(cueE, q.start) ||
			prev != nil && prev.cue == cue && prev.measure == schema.Delta && prev.q.unit == q.unit && prev.q.end <= q.start && hasAny(a.sub(prev.q.end, q.start), []string{"和", "、"}) && q.start-prev.q.end == 1) {
		// 最低标准提高【20元】, 分别提高0.11元和【0.13元】, 降低利息负担【2000亿元】:
		// the amount the verb before it adds to its object or takes from it
		// (SPEC 3), not a sum it only qualifies (用于提高…的支出)
		f.measure, why = schema.Delta, "money-raised"
	}
	fromTo := q.rule.fromToStart()
	if fromTo {
		f.measure, f.cue, why = schema.Level, "", "from-to-start" // 由【2.3%】提高到2.5%: the level it started from
	}
	f.decide(AskMeasure, why)

	f.negative, why = signOf(f.measure, decrease, fromTo)
	if why == "no-decrease-cue" && (cue == "" || cueWhy == "verb-before") && (q.unit == schema.Count || q.unit == schema.Other) && removedAfter(a.sub(q.end, a.phraseEnd(q.end))) {
		// 154个风险点全部【销号】: things removed (SPEC 7); also after a verb
		// jieba tags that is no cue of the lexicon (剩余3.4万贫困人口全部【脱贫】),
		// and for people counted with a bare 万 (unit other)
		f.negative, why = true, "removal-after"
	}
	if why == "no-decrease-cue" && !carried && cueE >= 0 && cueE <= q.start && (q.unit == schema.Count || q.unit == schema.Other) {
		if w, st, en := a.firstCue(cueE, q.start); st == cueE && isDecrease(w) && lex.Is(w, lexicon.Delta) && !strings.ContainsRune("为到至", a.s[en]) {
			// 完成【裁减】军队员额30万: the action done, right after the
			// cue, is a removal (SPEC 7); not a verb further on (增加开支和
			// 减少收入共405亿元), nor the level reached (投资缩减为111亿元);
			// only for things and people counted: an area or an amount
			// after it may be another action's (完成关闭矿山生态修复2600亩)
			f.negative, why = true, "removal-after-cue"
		}
	}
	if f.negative && why == "decrease-cue" && q.unit == schema.Count && !lex.Is(cue, lexicon.Delta) {
		f.negative, why = false, "improved-count" // 【改善】7000多所学校办学条件: things improved, not removed
	}
	f.decide(AskSign, why)

	f.hedge, why = a.hedgeOf(qs, cue)
	f.decide(AskHedge, why)

	before := a.sub(0, qs)
	if chain != "" {
		before = chain + before // (concatenating costs a call even with chain empty)
	}
	masked := func() string {
		if chain == "" {
			return a.maskedPrefix(qs)
		}
		return maskNotTime(before) // a word may span the chain's end
	}
	f.kind, f.year = timeOf(p, before, masked, &a.time, planYear)
	why = timeDecision(p, f.kind, f.year, planYear)
	if f.kind == schema.Actual && p.sec == sectionReview && reportedTarget(a.sub(a.phraseStart(qs), qs), a.sub(q.end, a.phraseEnd(q.end))) {
		// 年初确定的地区生产总值增长【6%左右】的目标顺利实现: the reviewed
		// year's target, reported; its year stays that year (SPEC 6)
		f.kind, why = schema.Target, "reviewed-year-target"
	}
	if fromTo {
		f.kind, why = schema.Actual, "from-to-start"
		if planYear > 0 {
			y := int32(planYear - 1)
			f.year = &y
		}
	}
	f.decide(AskTime, why)
	return f
}

// carries reports whether the previous fact's cue governs q, a list item
// without a verb of its own: across 、 always (新增绿道10公里、绿地40公顷),
// across other marks only for the same unit (新增光伏装机4万千瓦，年发电量
// 6000万千瓦时 is not an addition), and never when the item starts with a
// verb of its own (拆迁120万平方米、进地1.5万亩), nor across a clause mark
// to a count that is the subject of its own verb (增至5万家，【11家】企业
// 入选…: things that did something, not the level the verb before reached).
func (a *analysis) carries(prev *fact, q *quantity, cs int) bool {
	for _, t := range a.toks {
		if t.Start == cs {
			if t.POS == "v" {
				return false
			}
			break
		}
	}
	if cs > 0 && a.s[cs-1] == '、' {
		return true
	}
	if levelNounIndex.any(a.sub(cs, q.start)) {
		return false // 新增…180万亩，粮食播种【面积】1584.6万亩: a clause naming a stock or statistic of its own (SPEC 3)
	}
	return prev.q.unit == q.unit && !(q.unit == schema.Count && a.opensItem(cs, q.start) && a.verbAfter(q.end))
}

// opensItem reports whether a number opens its list item: nothing before
// it, or only the examples of what it counts closed by 等 (沿江高铁、呼南
// 高铁等【5条】高铁建成运营); not after a comparison or a preposition
// (比1952年的【58000人】增长, 为【16万个】学校配备…).
func (a *analysis) opensItem(cs, qs int) bool {
	before := strings.TrimSpace(a.sub(cs, qs))
	return before == "" || strings.HasSuffix(before, "等")
}

// verbAfter reports whether the clause goes on with a verb after i: the
// count before it is the subject of a clause of its own (【3条】高速公路
// 建成通车).
func (a *analysis) verbAfter(i int) bool {
	e := a.clauseEnd(i)
	for _, t := range a.toks {
		if t.Start >= i && t.End <= e && t.POS == "v" {
			return true
		}
	}
	return false
}

// growthFollows reports whether the next clause after i states a growth
// rate: 【1865家】、增长62.3%.
func (a *analysis) growthFollows(i int) bool {
	if i >= len(a.s) || (a.s[i] != '、' && a.s[i] != '，' && a.s[i] != ',') {
		return false
	}
	rest := a.sub(i+1, min(len(a.s), i+6))
	for _, w := range growthNext {
		if strings.HasPrefix(rest, w) {
			return true
		}
	}
	return false
}

// nounFree reports whether the words of s[i:j] hold no noun: only
// adverbs, verbs and function words (在执行中争取).
func (a *analysis) nounFree(i, j int) bool {
	for _, t := range a.toks {
		if t.Start >= i && t.End <= j && (strings.HasPrefix(t.POS, "n") || t.POS == "vn" || t.POS == "m" || t.POS == "eng") {
			return false
		}
	}
	return i <= j
}

// growthTopic reports whether a sentence opens with a topic that is a
// growth rate, a clause of its own without a number (工农业总产值的增长速度，…):
// the percentages the sentence then states are rates of growth.
func growthTopic(s string) bool {
	topic, _, ok := strings.Cut(s, "，")
	if !ok || strings.ContainsAny(topic, "0123456789％%") {
		return false
	}
	topic = strings.TrimRight(topic, " ")
	return hasSuffixAny(topic, growthNouns) && !hasAny(topic, levelRates)
}

// growthAfter reports whether the words right after a percentage ending
// at i, or after its 的, name it a growth rate: 6%左右的【增长】目标,
// 7%左右的【预期增长】目标, 保持15%以上【增长】, 8%左右的【增速】.
func (a *analysis) growthAfter(i int) bool {
	if i < len(a.s) && a.s[i] == '的' {
		i++
	}
	return hasPrefixAny(a.sub(i, min(len(a.s), i+6)), growthAfterWords)
}

// growthAfterWords name the percentage before them a growth rate.
var growthAfterWords = lex.Words(lexicon.GrowthAfter)

// growthNext are the words that state a growth rate at the start of a clause.
var growthNext = lex.Words(lexicon.GrowthNext)

// timeDecision names the time decision after timeOf: the part of the
// report the sentence is in and, when the sentence overrode it, how.
func timeDecision(p part, kind schema.Kind, year *int32, planYear int) string {
	why := "plan-part"
	def := schema.Target
	switch p.sec {
	case sectionReview:
		why, def = "review-part", schema.Actual
	case sectionNone:
		why = "no-part"
	}
	if kind != def {
		why += "+sentence-says-" + string(kind)
	}
	switch {
	case year == nil:
		why += "+no-year"
	case planYear > 0 && int(*year) != planYear && int(*year) != planYear-1:
		why += "+named-year"
	}
	return why
}

// carryName gives a fact of a sentence that names no indicator at all the
// last one named before it since the last heading (SPEC 2: an indicator
// left out by ellipsis is carried from the clause that named it:
// 外贸出口大幅回升。全年达到1949亿美元), and returns the last indicator
// the sentence names.
func carryName(facts []*fact, last string) string {
	for _, f := range facts {
		if f.indicator == "" && last != "" {
			f.rename(last, nil, "carried-from-previous-sentence")
		}
		if f.indicator != "" {
			last = f.indicator
		}
	}
	return last
}

// fromToVerbs are the verbs of 由A【提高】到B.
var fromToVerbs = lex.Words(lexicon.FromTo)

// startsChange reports whether q, in the clause starting at cs, is the A of
// 由A…到B that the from-to rule does not read: written without a measure
// word (出境旅游人次由【8300万】增加到1亿3千多万), with words between 由 and A
// (由年初的【400多万人】扩大到…), or as one item of a list of starting
// levels (分别从每人每月【150元】、【220元】提高到…): 由 or 从 before it in its
// clause, with no number between but the items of its list, and a from-to
// verb and 到 or 至 right after the list.
func (a *analysis) startsChange(q *quantity, cs int) bool {
	if !a.fromBefore(q.start) {
		return false // no 由 or 从 before q in the whole sentence (most facts)
	}
	return a.startsChangeFrom(q, cs)
}

// fromBefore reports whether the sentence holds 由 or 从 before position
// i. The first of them is found once per sentence (a.firstFrom).
func (a *analysis) fromBefore(i int) bool {
	if a.firstFrom == 0 {
		a.firstFrom = -1
		for k, r := range a.s {
			if r == '由' || r == '从' {
				a.firstFrom = k + 1
				break
			}
		}
	}
	return a.firstFrom > 0 && a.firstFrom-1 < i
}

// startsChangeFrom is startsChange without its test of the whole
// sentence for 由 and 从.
func (a *analysis) startsChangeFrom(q *quantity, cs int) bool {
	cs = min(cs, a.phraseStart(q.start)) // the list item of 、【220元】 starts after the 、
	before := a.sub(cs, q.start)
	k := max(lastIndex(before, "由"), lastIndex(before, "从"))
	if k < 0 {
		return false
	}
	from := cs + utf8.RuneCountInString(before[:k])
	end := q.end
	for k := range a.qs {
		p := &a.qs[k]
		switch {
		case p.start >= from && p.end <= q.start:
			if a.s[p.end] != '、' || !a.quantityAt(p.end+1) {
				return false // a number of its own between 由 and q
			}
		case p.start == end+1 && a.s[end] == '、':
			end = p.end // the next item of the list of starting levels
		}
	}
	after := a.sub(end, min(len(a.s), end+4))
	for _, w := range fromToVerbs {
		if rest, ok := strings.CutPrefix(after, w); ok && opensReached(rest) {
			return true
		}
	}
	return false
}

// reachOfAction reports whether a reach cue (覆盖) at cueS, in the list
// item starting at cs, tells how far an action reaches rather than a state:
// the item right after an amount added (建设片区1598个、【覆盖】村庄1.5万个), or
// right after a delta verb whose object it qualifies (建设【覆盖】1万个村庄的
// 污水处理设施).
func (a *analysis) reachOfAction(prev *fact, cs, cueS int) bool {
	if prev != nil && prev.measure == schema.Delta && cs > 0 && a.s[cs-1] == '、' && prev.q.end == cs-1 {
		return true
	}
	c, _, e := a.findCue(cs, cueS)
	return e == cueS && lex.Is(c, lexicon.Delta)
}

// stockActedOn reports whether the stock words of s[cs:end] are all the
// object of a verb right before them (盘活【存量】闲置用地, 置换【存量】债务): the
// stock acted on, of which the number is the part moved, not a standing
// total. A verbal noun counts only as a cue word (盘活, tagged vn), not as a
// name (贷款存量).
func (a *analysis) stockActedOn(cs, end int) bool {
	found := false
	for _, t := range a.toks {
		if t.Start < cs || t.End > end || !hasAny(t.Text, stockWords) {
			continue
		}
		verb := false
		for _, v := range a.toks {
			if v.End == t.Start && v.Start >= cs && (strings.HasPrefix(v.POS, "v") && v.POS != "vn" || v.POS == "vn" && cueSet.has(v.Text)) {
				verb = true
			}
		}
		if !verb {
			return false
		}
		found = true
	}
	return found
}

// quantityAt reports whether a quantity of the sentence starts at i.
func (a *analysis) quantityAt(i int) bool {
	for k := range a.qs {
		q := &a.qs[k]
		if q.start == i {
			return true
		}
	}
	return false
}

// endsChange reports whether a cue is the verb of 由A提高到【B】: a from-to
// verb with 到 or 至.
func endsChange(cue string) bool {
	v, ok := strings.CutSuffix(cue, "到")
	if !ok {
		v, ok = strings.CutSuffix(cue, "至")
	}
	return ok && slices.Contains(fromToVerbs, v)
}

// phraseMarks end a phrase: the marks of a clause but 、, so that a list
// of figures is one phrase (降低4%左右、减少2%的目标).
const phraseMarks = "，,；;。！!？?：:"

// phraseStart returns the start of the phrase holding position i.
func (a *analysis) phraseStart(i int) int {
	for i > 0 && classOf(a.s[i-1])&phraseMarkClass == 0 {
		i--
	}
	return i
}

// phraseEnd returns the end of the phrase holding position i.
func (a *analysis) phraseEnd(i int) int {
	for i < len(a.s) && classOf(a.s[i])&phraseMarkClass == 0 {
		i++
	}
	return i
}
