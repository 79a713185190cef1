package extract

import (
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/gwrfacts/gwr/extract/lexicon"
	"github.com/gwrfacts/gwr/extract/segment"
	"github.com/gwrfacts/gwr/normalize"
	"github.com/gwrfacts/gwr/schema"
)

// analysis is one sentence with the segmentation of the clauses that
// hold quantities, shared by the facts of the sentence. Only those clauses
// are segmented: jieba is the slowest stage, and the words that describe a
// fact lie in its clause.
type analysis struct {
	s              []rune
	str            string     // s as a string
	off            []int32    // off[i] is the byte offset in str of s[i]; off[len(s)] = len(str)
	qs             []quantity // the quantities of the sentence
	seg            segment.Segmenter
	toks           []segment.Token // tokens of the segmented clauses, in order, offsets into s
	done           map[int]bool    // clause starts already segmented
	tokStart, tokE []bool          // token boundaries, indexed by offset into s
	time           timeWords       // the time words of chain + the sentence (see describe)
	hedged         bool            // the sentence holds a hedge word
}

// newAnalysis prepares the sentence s (str as a string); time holds the
// time words of the sentences it is chained to and its own (see
// ExtractChecked).
func newAnalysis(s []rune, str string, time timeWords, seg segment.Segmenter) *analysis {
	return &analysis{s: s, str: str, off: runeOffsets(str), seg: seg, done: map[int]bool{}, tokStart: make([]bool, len(s)+1), tokE: make([]bool, len(s)+1),
		time: time, hedged: hasAny(str, hedgeWords)}
}

// sub returns s[i:j] as a string, without copying.
func (a *analysis) sub(i, j int) string { return a.str[a.off[i]:a.off[j]] }

// segmentClause segments the clause [cs, ce) once.
func (a *analysis) segmentClause(cs, ce int) {
	if a.done[cs] || ce <= cs {
		return
	}
	a.done[cs] = true
	for _, t := range a.seg.Segment(a.sub(cs, ce)) {
		t.Start += cs
		t.End += cs
		a.tokStart[t.Start], a.tokE[t.End] = true, true
		a.toks = append(a.toks, t)
	}
	sort.Slice(a.toks, func(i, j int) bool { return a.toks[i].Start < a.toks[j].Start })
}

// fact is a quantity with the words that describe it.
type fact struct {
	q                              *quantity
	indicator, cue, measure, hedge string
	kind                           string
	cueStart, clause               int // own cue's start (-1 if none or carried) and the start of the words describing it
	year                           *int32
	negative                       bool
}

// allCues lists every cue word, longest first.
var allCues = func() []string {
	seen := map[string]bool{}
	var out []string
	for _, list := range [][]string{growthCues, levelCues, deltaCues} {
		for _, w := range list {
			if !seen[w] {
				seen[w] = true
				out = append(out, w)
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return len([]rune(out[i])) > len([]rune(out[j])) })
	return out
}()

// levelNouns in an indicator make its number a level: a stock, total,
// share or statistic rather than an amount added.
var levelNouns = lex.Words(lexicon.LevelNoun)

// moneyActionCues make an amount of money a delta: money invested, spent,
// raised or attracted as an action (SPEC section 7).
var moneyActionCues = lex.Words(lexicon.MoneyAction)

// clauseStart returns the start of the clause holding position i.
func (a *analysis) clauseStart(i int) int { return clauseStartOf(a.s, i) }

// clauseEnd returns the end of the clause holding position i.
func (a *analysis) clauseEnd(i int) int {
	for i < len(a.s) && !isClauseMark(a.s[i]) {
		i++
	}
	return i
}

// cueSet holds every cue word; maxCue is the longest, in code points.
var cueSet, maxCue = func() (map[string]bool, int) {
	set, n := map[string]bool{}, 0
	for _, w := range allCues {
		set[w] = true
		n = max(n, len([]rune(w)))
	}
	return set, n
}()

// findCue returns the nearest cue word in [from, to) that sits on word
// boundaries, as [start, end), or -1.
func (a *analysis) findCue(from, to int) (string, int, int) {
	for end := to; end > from; end-- {
		if !a.tokE[end] {
			continue
		}
		for st := max(from, end-maxCue); st < end; st++ {
			if a.tokStart[st] && cueSet[a.sub(st, end)] {
				return a.sub(st, end), st, end
			}
		}
	}
	return "", -1, -1
}

// nounAfter returns the noun phrase that follows position i: the thing a
// count counts (实施50个【市区重点技改项目】).
func (a *analysis) nounAfter(i int) string {
	var b strings.Builder
	toks := a.toks
	for k, t := range toks {
		if t.End <= i {
			continue
		}
		r0 := []rune(t.Text)[0]
		if t.Start < i {
			// the quantity ends inside a token (个村): keep the rest
			rest := []rune(a.sub(i, t.End))
			if isClauseMark(rest[0]) || !isHan(rest[0]) {
				break
			}
			b.WriteString(string(rest))
			continue
		}
		nextNoun := k+1 < len(toks) && strings.HasPrefix(toks[k+1].POS, "n")
		// 省、市重点项目: a one- or two-character place before 、 joins the name
		if t.Text == "、" && b.Len() > 0 && len([]rune(b.String())) <= 2 && nextNoun {
			b.WriteString(t.Text)
			continue
		}
		if isClauseMark(r0) || t.Text == "的" || nounStops[t.Text] || unicode.IsDigit(r0) || b.Len() > 0 && cueSet[t.Text] && !nextNoun {
			break
		}
		noun := strings.HasPrefix(t.POS, "n") || t.POS == "vn" || t.POS == "b" || t.POS == "j" || t.POS == "l" || t.POS == "an" || t.POS == "a" || t.POS == "ng" || t.POS == "s" || t.POS == "f" && b.Len() > 0 ||
			t.Text == "“" || t.Text == "”" || t.POS == "eng" || t.POS == "zg" || t.POS == "g"
		// a verb inside a name (高【成长】企业) continues it when a noun follows
		if !noun && strings.HasPrefix(t.POS, "v") && k+1 < len(toks) && strings.HasPrefix(toks[k+1].POS, "n") {
			noun = true
		}
		if !noun {
			break
		}
		b.WriteString(t.Text)
	}
	return b.String()
}

// notNames follow a number without naming what it counts.
var notNames = lex.Set(lexicon.NotName)

// nounStops end the noun phrase after a number.
var nounStops = lex.Set(lexicon.NounStop)

// describe derives the words of a fact around q. prev is the fact before
// it in the same sentence, whose cue and indicator carry over to list
// items that leave them implicit.
func (a *analysis) describe(q *quantity, prev *fact, p part, chain string, planYear int) *fact {
	f := &fact{q: q}
	qs := q.start
	cs := a.listStart(qs)
	a.segmentClause(cs, a.clauseEnd(q.end))
	cue, cueS, cueE := a.cueOf(q, cs)
	carried := false
	if cue == "" && prev != nil && a.carries(prev, q, cs) {
		cue, carried = prev.cue, true // 新增A 2家，B 4家: the cue carries over the list
	}
	f.cue, f.cueStart, f.clause = cue, cueS, cs
	if carried {
		f.cueStart = -1
	}
	f.indicator = a.indicatorOf(q, prev, cs, cueS, cueE, carried)
	if prev != nil && prev.indicator != "" && timeOnlyIndicators[f.indicator] {
		// 1979年重工业总产值比上年增长7.7%，今年上半年又比去年同期增长【6%】:
		// the indicator left out is the one named before (SPEC 2)
		f.indicator = prev.indicator
	}
	attribute := q.end < len(a.s) && a.s[q.end] == '的'
	if cueE >= 0 && cueE < q.start && (a.s[cueE] == '至' || a.s[cueE] == '到') {
		cue += string(a.s[cueE]) // 上升【至】87.2%: the level reached
		f.cue = cue
	}
	// a percentage reached in a list right after a growth rate, with no
	// name of its own, raises that rate (增长7%以上、力争达到8%)
	listGrowth := prev != nil && prev.measure == "growth" && prev.q.unit == "percent" && cueS >= 0 &&
		trimIndicator(a.sub(cs, cueS)) == "" && a.s[max(0, cs-1)] == '、'
	f.measure = measureOf(q, cue, f.indicator, prev, carried, attribute, listGrowth)
	if (cue == "" || carried) && q.unit != "percent" && a.growthFollows(q.end) {
		f.measure = "level" // 高新技术企业1865家、增长62.3%: a stock and its growth
	}
	if f.measure == "growth" && (cue == "" || carried) && q.unit == "percent" && isRateName(f.indicator) {
		f.measure = "level" // 分别增长5%、6%，城镇调查失业率【5.5%】: a rate is a level (SPEC 3)
	}
	if f.measure == "delta" && !isDecrease(cue) && !strings.HasPrefix(cue, "新") && (strings.Contains(a.sub(cs, q.start), "累计") || hasAny(f.indicator, stockWords)) {
		f.measure = "level" // 累计建成55个, 保有量: a standing total (SPEC 3); 累计新增 still adds
	}
	if (f.measure == "growth" || f.measure == "delta") && isDecrease(cue) {
		f.negative = true
	}
	before := a.sub(0, qs)
	if a.hedged {
		f.hedge = lastOf(before, hedgeWords, cue)
	}
	f.kind, f.year = timeOf(p, chain+before, &a.time, planYear)
	if q.rule.ID == "from-to" {
		f.measure, f.kind, f.cue = "level", "actual", ""
		if planYear > 0 {
			y := int32(planYear - 1)
			f.year = &y
		}
		f.negative = false
	}
	return f
}

// carries reports whether the previous fact's cue governs q, a list item
// without a verb of its own: across 、 always (新增绿道10公里、绿地40公顷),
// across other marks only for the same unit (新增光伏装机4万千瓦，年发电量
// 6000万千瓦时 is not an addition), and never when the item starts with a
// verb of its own (拆迁120万平方米、进地1.5万亩).
func (a *analysis) carries(prev *fact, q *quantity, cs int) bool {
	for _, t := range a.toks {
		if t.Start == cs {
			if t.POS == "v" {
				return false
			}
			break
		}
	}
	return cs > 0 && a.s[cs-1] == '、' || prev.q.unit == q.unit
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

// growthNext are the words that state a growth rate at the start of a clause.
var growthNext = lex.Words(lexicon.GrowthNext)

// listStart returns where the words describing a quantity at i may start:
// the clause start, extended back over list items (、) that hold no number
// of their own, so that a name list sharing one number (“瞪羚”企业、
// “专精特新”企业2家) and the cue before it stay in view.
func (a *analysis) listStart(i int) int {
	cs := a.clauseStart(i)
	for cs > 0 && a.s[cs-1] == '、' {
		prev := a.clauseStart(cs - 1)
		if a.hasQuantity(prev, cs-1) {
			break
		}
		cs = prev
	}
	return cs
}

// hasQuantity reports whether a quantity of the sentence overlaps [s, e).
func (a *analysis) hasQuantity(s, e int) bool {
	for _, q := range a.qs {
		if q.start < e && s < q.end {
			return true
		}
	}
	return false
}

// cueOf finds the word governing q in [cs, q.start): for a percentage the
// nearest change verb (技改投资【增长】20%), otherwise the first action of
// the clause (【实施】清洁取暖改造5.63万户), falling back to a verb-like bound
// word (突破170家) and to the nearest verb jieba tags.
func (a *analysis) cueOf(q *quantity, cs int) (string, int, int) {
	var cue string
	st, en := -1, -1
	if q.rule.FixedCue != "" {
		return q.rule.FixedCue, -1, -1 // 保持两位数【增长】
	}
	if q.pre.end > q.pre.start && q.unit != "percent" && q.unit != "pp" && isLevelCue(a.sub(q.pre.start, q.pre.end)) {
		w := a.sub(q.pre.start, q.pre.end)
		return w, q.pre.start, q.pre.start // 融资规模【突破】255亿元
	}
	if q.unit == "percent" || q.unit == "pp" || q.rule.Yield == Fixed {
		cue, st, en = a.findCue(cs, q.start)
	} else if c, s, e := a.findCue(cs, q.start); c != "" && isLevelCue(c) {
		cue, st, en = c, s, e // 面积【稳定在】20万亩: the state verb wins
	} else {
		cue, st, en = a.firstCue(cs, q.start)
	}
	if cue != "" {
		return cue, st, en
	}
	if q.pre.end > q.pre.start {
		if w := a.sub(q.pre.start, q.pre.end); cueSet[w] {
			return w, q.pre.start, q.pre.start
		}
	}
	if q.rule.FixedCue != "" {
		return q.rule.FixedCue, -1, -1
	}
	// the last verb jieba tags before the number: 改建8处, 喜摘奖牌82枚
	for i := len(a.toks) - 1; i >= 0; i-- {
		t := a.toks[i]
		if t.End == q.start && t.Start >= cs && t.POS == "v" && len([]rune(t.Text)) >= 2 {
			return t.Text, t.Start, t.End
		}
	}
	// a cue inside a compound noun: 城镇【新增】就业5400人
	for _, t := range a.toks {
		if t.End == q.start && t.Start >= cs && len([]rune(t.Text)) > 3 {
			for _, w := range compoundCues {
				if i := strings.Index(t.Text, w); i > 0 {
					st := t.Start + len([]rune(t.Text[:i]))
					return w, st, st + 2
				}
			}
		}
	}
	return "", -1, -1
}

// compoundCues are the cues looked for inside a longer token.
var compoundCues = lex.Words(lexicon.CompoundCue)

func isLevelCue(w string) bool {
	for _, c := range levelCues {
		if c == w {
			return true
		}
	}
	return false
}

// firstCue returns the first cue word in [from, to) on word boundaries.
func (a *analysis) firstCue(from, to int) (string, int, int) {
	for st := from; st < to; st++ {
		if !a.tokStart[st] {
			continue
		}
		for end := min(to, st+maxCue); end > st; end-- {
			if a.tokE[end] && cueSet[a.sub(st, end)] {
				return a.sub(st, end), st, end
			}
		}
	}
	return "", -1, -1
}

// indicatorOf names what q measures: the words between the cue and the
// number (新增【高新技术企业】10家), else the subject before the cue
// (【地区生产总值】增长6.5%), else the noun after a count (实施50个【市区重点
// 技改项目】), else the previous list item's, carried over.
func (a *analysis) indicatorOf(q *quantity, prev *fact, cs, cueS, cueE int, carried bool) string {
	qs := q.start
	var mid, subj string
	midS := cs
	if cueS >= 0 {
		midS = cueE
		// words after an earlier number of the clause belong to this one:
		// 保障7个项目390亩【土地】, 投资4.4亿元新改扩建【城区主次干路】4条
		if e := a.lastQuantityEnd(cueE, qs); e > 0 {
			midS = a.skipCue(e, qs)
		}
		midS = a.skipCue(midS, qs) // 关停取缔“散乱污”企业: a second verb is not the name
		mid = a.sub(midS, qs)
		subj = a.sub(cs, cueS)
	} else {
		subj = a.sub(cs, qs)
	}
	midQ := a.hasQuantity(midS, qs)
	after := a.nounAfter(q.end)
	if notNames[after] {
		after = "" // 跃上1.4万亿斤【新台阶】 names no thing
	}
	tmid, tsubj := trimIndicator(mid), trimIndicator(subj)
	var ind string
	switch {
	case after != "" && (q.unit == "count" || tmid == "" && cueS >= 0 && cueE == qs):
		ind = after // 实施50个【市区重点技改项目】, 建设1.5万亩【“吨半粮田”示范方】
	case q.unit != "count" && q.end < len(a.s) && a.s[q.end] == '的' && a.nounAfter(q.end+1) != "":
		ind = a.nounAfter(q.end + 1) // 投资15亿元的【…项目】
	case tmid != "" && !midQ && len([]rune(tmid)) == 1 && strings.Contains("率量数额值比度", tmid) && cueS > cs:
		ind = subj + a.sub(cueS, cueE) + mid // 建成率达80%: the cue was part of the noun
	case cueS >= 0 && a.sub(cueS, cueE) == "占" && !midQ:
		ind = subj + "占" + mid // 发电量【占】总发电量的比重: the share names both
	case tmid == "" && strings.TrimSpace(mid) != "" && tsubj != "" && !midQ && cueS >= 0:
		ind = subj + a.sub(cueS, cueE) // 经济增长预期目标为5%: the cue is part of the name
	case tmid != "" && !midQ && tsubj != "" && len([]rune(tmid)) <= 3 && !a.hasQuantity(cs, max(cs, cueS)):
		ind = tsubj + tmid // 可再生能源新增装机: the subject names whose 装机
	case tmid != "" && !midQ:
		ind = mid
	case tsubj != "" && !a.hasQuantity(cs, max(cs, cueS)):
		ind = subj
	case cueS >= 0 && tmid == "" && tsubj == "" && q.end == a.clauseEnd(q.end) && (q.unit == "CNY" || q.unit == "USD"):
		ind = a.objectOfNextClause(q.end) // 投资1亿元，实施【城市品质提升行动】
	case cueS >= 0 && tmid == "" && tsubj == "":
		ind = a.objectOfVerbAt(q.end) // 投资4.4亿元新改扩建【城区主次干路】
	}
	if ind == "" && prev != nil {
		ind = prev.indicator
	}
	if i := strings.LastIndex(ind, "等"); i >= 0 && len([]rune(ind[i+len("等"):])) >= 2 {
		ind = ind[i+len("等"):] // 专项债券、政策性贷款等【各类资金】
	}
	ind = trimIndicator(ind)
	if prev != nil && (carried || cueS < 0) && isModifier(ind) {
		ind += headOf(prev.indicator)
	}
	return shorten(ind, a)
}

// lastQuantityEnd returns the end of the last quantity of the sentence
// inside [s, e), or -1.
func (a *analysis) lastQuantityEnd(s, e int) int {
	end := -1
	for _, q := range a.qs {
		if q.start >= s && q.end <= e {
			end = q.end
		}
	}
	return end
}

// skipCue skips a cue word at i (and the words of an enumeration mark), so
// that an indicator starting after an earlier number does not start with
// the next action's verb.
func (a *analysis) skipCue(i, limit int) int {
	for i < limit && isClauseMark(a.s[i]) {
		i++
	}
	// a cue is skipped only when words remain after it: in 发放【补贴】
	// the word is the name itself
	for n := min(maxCue, limit-i-1); n > 0; n-- {
		// only a whole word: 保障性安居工程 does not start with the verb 保障
		if a.tokStart[i] && a.tokE[i+n] && cueSet[a.sub(i, i+n)] {
			return i + n
		}
	}
	return i
}

// objectOfVerbAt returns the noun phrase after the verb that starts at i
// (投资4.4亿元【新改扩建】城区主次干路), or "".
func (a *analysis) objectOfVerbAt(i int) string {
	for _, t := range a.toks {
		if t.Start == i && strings.HasPrefix(t.POS, "v") {
			return a.nounAfter(t.End)
		}
	}
	return ""
}

// objectOfNextClause returns the noun phrase after the first verb of the
// clause that follows position i.
func (a *analysis) objectOfNextClause(i int) string {
	if i >= len(a.s) || a.s[i] != '，' && a.s[i] != ',' {
		return ""
	}
	ns, ne := i+1, a.clauseEnd(i+1)
	a.segmentClause(ns, ne)
	for _, t := range a.toks {
		if t.Start >= ns && t.End <= ne && t.POS == "v" {
			return a.nounAfter(t.End)
		}
	}
	return ""
}

// measureOf decides level, delta or growth (SPEC sections 3 and 7).
func measureOf(q *quantity, cue, indicator string, prev *fact, carried, attribute, listGrowth bool) string {
	inList := func(list []string) bool {
		for _, w := range list {
			if w == cue {
				return true
			}
		}
		return false
	}
	toForm := strings.HasSuffix(cue, "到") || strings.HasSuffix(cue, "至")
	money := q.unit == "CNY" || q.unit == "USD"
	switch {
	case q.rule.FixedMeasure != "":
		return q.rule.FixedMeasure
	case q.unit == "pp":
		return "delta"
	case q.unit == "percent":
		switch {
		case inList(growthCues) && !toForm:
			return "growth"
		case hasAny(indicator, growthNouns):
			return "growth" // 市场主体增速保持在15%以上
		case listGrowth:
			return "growth" // 增长7%以上、力争达到8%: the same rate, a higher aim
		}
		return "level"
	case q.unit == "times":
		if inList(growthCues) && !toForm {
			return "growth" // 增长2.5倍
		}
		return "level" // 是2022年的4.62倍
	case inList(levelCues):
		return "level"
	case cue == "实现" && money:
		return "level" // 实现地区生产总值100亿元: a statistic reached
	case money && isChange(cue):
		return "delta" // 比上年增加1.6万亿元, 利息支出减少1500亿元: a change
	case money && attribute:
		return "level" // 投资15亿元的…项目: the project's total
	case money && hasAny(indicator, moneyLevelWords):
		return "level"
	case money:
		if inList(moneyActionCues) || hasAny(indicator, moneyActionNouns) {
			return "delta"
		}
		return "level"
	case hasAny(indicator, levelNouns) && !inList(deltaCues):
		return "level"
	case carried && prev != nil && prev.q.unit == q.unit:
		return prev.measure
	case inList(deltaCues):
		return "delta"
	case q.unit == "count":
		return "delta"
	}
	return "level"
}

// timeOnlyIndicators are time words that an indicator left out by ellipsis
// leaves behind; they never name what is measured (SPEC 2).
var timeOnlyIndicators = map[string]bool{"上半年": true, "下半年": true, "年末": true, "年初": true, "年底": true, "年中": true, "一季度": true, "前三季度": true, "同期": true}

// rateNames end an indicator that is a rate or a share: its percentage is a
// level even in a list of growth rates (SPEC section 3).
var rateNames = []string{"率", "占比", "比重", "比例", "强度"}

func isRateName(indicator string) bool { return hasSuffixAny(indicator, rateNames) }

// stockWords in an indicator name a standing total: its number is a level.
var stockWords = []string{"总量", "保有量", "存量"}

// growthNouns in an indicator make a percentage a growth rate.
var growthNouns = lex.Words(lexicon.GrowthNoun)

// isChange reports a verb of change: its number is an amount added or
// removed, whatever the indicator.
func isChange(cue string) bool { return lex.Is(cue, lexicon.Change) }

// moneyActionNouns in an indicator name money moved by an action:
// 省外到位资金, 贷款投放, 年度投资.
var moneyActionNouns = lex.Words(lexicon.MoneyActionNoun)

func isDecrease(cue string) bool {
	for _, w := range decreaseCues {
		if strings.Contains(cue, w) {
			return !strings.HasSuffix(cue, "到") && !strings.HasSuffix(cue, "至")
		}
	}
	return false
}

// lastOf returns the word of words that occurs last in s, skipping skip.
func lastOf(s string, words []string, skip string) string {
	best, at := "", -1
	for _, w := range words {
		if w == skip {
			continue
		}
		if i := strings.LastIndex(s, w); i > at {
			best, at = w, i
		}
	}
	return best
}

// leadingTime matches a time phrase at the start of an indicator: 三年内,
// 到2027年, 2025年, 今后五年.
var leadingTime = regexp.MustCompile(`^(?:到|至|在)?(?:(?:19|20)\d\d年(?:底|末)?|[\d一二两三四五六七八九十]+年(?:内|来|间)?|今后[\d一二两三四五]+年)`)

// leadingTimeFirst holds every character a match of leadingTime can
// start with (TestLeadingTimeFirst checks it against the pattern).
const leadingTimeFirst = "到至在0123456789一二两三四五六七八九十今"

// trailingComparison matches a comparison at the end of an indicator:
// 较2022年, 比上年, 较上半年同期, 是2022年的.
var trailingComparison = regexp.MustCompile(`(?:较|比|是)(?:上年|去年|上半年|同期|(?:19|20)\d\d年)(?:同期|的)?$`)

// trimIndicator drops scope, hedge, time and connective words from both
// ends, and quote marks left unbalanced by the cut.
func trimIndicator(s string) string {
	for changed := true; changed; {
		changed = false
		// the regexps run only when their first or key characters are there
		if r, _ := utf8.DecodeRuneInString(s); strings.ContainsRune(leadingTimeFirst, r) {
			if loc := leadingTime.FindStringIndex(s); loc != nil && loc[1] > 0 {
				s, changed = s[loc[1]:], true
			}
		}
		if strings.ContainsAny(s, "较比是") {
			if loc := trailingComparison.FindStringIndex(s); loc != nil && loc[0] > 0 {
				s, changed = s[:loc[0]], true
			}
		}
		if strings.HasPrefix(s, "“") && !strings.Contains(s, "”") {
			s, changed = strings.TrimPrefix(s, "“"), true
		}
		if strings.HasSuffix(s, "”") && !strings.Contains(s, "“") {
			s, changed = strings.TrimSuffix(s, "”"), true
		}
		s = strings.TrimFunc(s, func(r rune) bool { return unicode.IsSpace(r) || r == '*' })
		// the lists are walked only when s starts (ends) with a character
		// one of their words starts (ends) with: no word can match otherwise
		if r, _ := utf8.DecodeRuneInString(s); trimPrefixFirst[r] {
			for _, p := range trimPrefixes {
				if strings.HasPrefix(s, p) {
					s, changed = s[len(p):], true
				}
			}
		}
		if r, _ := utf8.DecodeLastRuneInString(s); trimSuffixLast[r] {
			for _, p := range trimSuffixes {
				if strings.HasSuffix(s, p) {
					s, changed = s[:len(s)-len(p)], true
				}
			}
		}
	}
	return s
}

// trimPrefixFirst and trimSuffixLast hold the first characters of
// trimPrefixes and the last ones of trimSuffixes.
var trimPrefixFirst, trimSuffixLast = func() (map[rune]bool, map[rune]bool) {
	first, last := map[rune]bool{}, map[rune]bool{}
	for _, p := range trimPrefixes {
		r, _ := utf8.DecodeRuneInString(p)
		first[r] = true
	}
	for _, p := range trimSuffixes {
		r, _ := utf8.DecodeLastRuneInString(p)
		last[r] = true
	}
	return first, last
}()

// isModifier reports whether an indicator is only a qualifier (省级, 市级,
// 县级以上) that needs the head noun of the previous list item.
func isModifier(s string) bool {
	r := []rune(s)
	return len(r) > 0 && len(r) <= 4 && (strings.HasSuffix(s, "级") || strings.HasSuffix(s, "级以上"))
}

// headOf returns the head of an indicator after its level qualifier:
// 国家级专精特新企业 -> 专精特新企业.
func headOf(s string) string {
	if i := strings.LastIndex(s, "级"); i >= 0 {
		s = s[i+len("级"):]
	}
	return strings.TrimPrefix(strings.TrimPrefix(s, "以上"), "以下")
}

// maxIndicator bounds an indicator; a longer phrase keeps its last words,
// where a Chinese noun phrase has its head.
const maxIndicator = 16

func shorten(s string, a *analysis) string {
	r := []rune(s)
	if len(r) <= maxIndicator {
		return s
	}
	toks := a.words(s)
	n := 0
	i := len(toks)
	for i > 0 && n+len([]rune(toks[i-1])) <= maxIndicator {
		n += len([]rune(toks[i-1]))
		i--
	}
	if i == len(toks) {
		// no word boundary fits (the phrase is not one run of the
		// sentence, or its last word is too long): keep its end
		return trimIndicator(string(r[len(r)-maxIndicator:]))
	}
	return trimIndicator(strings.Join(toks[i:], ""))
}

// words cuts a phrase on the sentence's token boundaries.
func (a *analysis) words(s string) []string {
	// find s in the sentence and keep the tokens inside it
	idx := strings.Index(a.str, s)
	if idx < 0 {
		return []string{s}
	}
	start := utf8.RuneCountInString(a.str[:idx])
	end := start + len([]rune(s))
	var out []string
	for _, t := range a.toks {
		if t.Start >= start && t.End <= end {
			out = append(out, t.Text)
		}
	}
	if len(out) == 0 {
		return []string{s}
	}
	return out
}

// singleMinus reports whether the original text at code point cs is a
// minus sign written as one character, not the Chinese dash —— (or --).
func singleMinus(orig *origText, cs int) bool {
	switch orig.slice(cs, cs+1) {
	case "-", "－", "−", "﹣", "负":
	default:
		return false
	}
	return cs+1 < orig.len() && !strings.ContainsAny(orig.slice(cs+1, cs+2), "-－−﹣—―–") &&
		(cs == 0 || !strings.ContainsAny(orig.slice(cs-1, cs), "-－−﹣—―–"))
}

// row renders the fact as a schema row: spans mapped to the original text,
// values to float64. base is the sentence's start in the view.
func (f *fact) row(d Document, orig *origText, view *normalize.View, sent span) schema.Fact {
	q := f.q
	// the mention: the core number, extended over what touches it in the
	// original text (unit, bound words), never across dropped markup
	cs, ce := view.OrigSpan(sent.start+q.core.start, sent.start+q.core.end)
	for i := sent.start + q.core.end; i < sent.start+q.end && view.Orig(i) == ce; i++ {
		ce = view.OrigEnd(i)
	}
	for i := sent.start + q.core.start - 1; i >= sent.start+q.start && view.OrigEnd(i) == cs; i-- {
		cs = view.Orig(i)
	}
	ss, se := view.OrigSpan(sent.start, sent.end)
	low, high := normalize.Float(q.low), normalize.Float(q.high)
	negative := f.negative
	if q.minus {
		if singleMinus(orig, cs) {
			negative = !negative // 增长-2.1%: the sign turns the figure around
		} else {
			// the Chinese dash ——, which cleaning folds to '-' too: not
			// a sign, and not part of the mention
			cs, _ = view.OrigSpan(sent.start+q.core.start+1, sent.start+q.core.end)
		}
	}
	if negative {
		low, high = -high, -low
	}
	return schema.Fact{
		DocID:      d.ID,
		Start:      int32(cs),
		End:        int32(ce),
		Mention:    orig.slice(cs, ce),
		Sentence:   strings.TrimSpace(orig.slice(ss, se)),
		Indicator:  asWritten(f.indicator, orig, view, sent),
		Cue:        f.cue,
		Measure:    f.measure,
		ValueLow:   low,
		ValueHigh:  high,
		Bound:      q.bound,
		Unit:       q.unit,
		UnitText:   q.unitText,
		Classifier: q.classifier,
		Kind:       f.kind,
		Year:       f.year,
		Hedge:      f.hedge,
		Rule:       q.rule.ID,
	}
}

// asWritten returns an indicator that holds a number as the document
// writes it: the view reads 一九五七年 and 1 9 9 7 年 as 1957年 and 1997年,
// the indicator keeps the original. An indicator that is not a piece of its
// sentence (an item's carried name), holds no digit, or would take in
// dropped markup is returned as it is.
func asWritten(ind string, orig *origText, view *normalize.View, sent span) string {
	if !strings.ContainsAny(ind, "0123456789") {
		return ind
	}
	clean := string(view.Runes[sent.start:sent.end])
	i := strings.Index(clean, ind)
	if i < 0 {
		return ind
	}
	st := sent.start + utf8.RuneCountInString(clean[:i])
	os, oe := view.OrigSpan(st, st+utf8.RuneCountInString(ind))
	w := orig.slice(os, oe)
	if strings.ContainsAny(w, "*_<&\n") {
		return ind
	}
	return w
}

// origText slices a document's text by code-point offsets.
type origText struct {
	text  string
	off   []int32 // byte offset in text of each code point, then len(text)
	runes []rune  // the text as runes, when it is not valid UTF-8
}

// len returns the number of code points of the text.
func (o *origText) len() int {
	if o.runes != nil {
		return len(o.runes)
	}
	return len(o.off) - 1
}

func newOrigText(text string) *origText {
	if !utf8.ValidString(text) {
		// each invalid byte is a code point of its own, written as U+FFFD
		return &origText{runes: []rune(text)}
	}
	return &origText{text: text, off: runeOffsets(text)}
}

// runeOffsets returns the byte offset in s of each code point, then len(s).
func runeOffsets(s string) []int32 {
	off := make([]int32, 0, len(s)/3+1)
	for i := range s {
		off = append(off, int32(i))
	}
	return append(off, int32(len(s)))
}

// slice returns code points [i, j) of the text.
func (o *origText) slice(i, j int) string {
	if o.runes != nil {
		return string(o.runes[i:j])
	}
	return o.text[o.off[i]:o.off[j]]
}

// distribute gives the facts of a distributive list their own indicators:
// "城镇和农村居民人均可支配收入分别增长8%、9%" and "A 50个、B 60亿元，分别增长
// 28%、25%" pair the i-th number with the i-th name; the bound word after
// the last number is every number's (分别控制在5%和3%以内).
func (a *analysis) distribute(facts []*fact) {
	for i := 0; i < len(facts); i++ {
		f := facts[i]
		if f.cueStart < 0 {
			continue
		}
		head := a.sub(f.clause, f.cueStart)
		at := strings.LastIndex(head, "分别")
		if at < 0 {
			continue
		}
		group := []*fact{f}
		for j := i + 1; j < len(facts) && (facts[j].cueStart < 0 || facts[j].cueStart == f.cueStart) && facts[j].q.unit == f.q.unit; j++ {
			group = append(group, facts[j])
		}
		if len(group) < 2 {
			continue
		}
		// SPEC section 7: a bound word after the last number of the list
		// covers every number of it (分别控制在5%和3%以内: two le)
		if last := group[len(group)-1].q; last.bound != "eq" && last.bound != "range" {
			for _, g := range group[:len(group)-1] {
				if g.q.bound == "eq" {
					g.q.bound = last.bound
				}
			}
		}
		items := splitItems(trimIndicator(head[:at]))
		switch {
		case len(items) == len(group):
			for k, g := range group {
				g.indicator = items[k]
			}
		case len(items) == 0 && i >= len(group):
			for k, g := range group {
				g.indicator = facts[i-len(group)+k].indicator
			}
		}
		i += len(group) - 1
	}
}

// splitItems splits a list of names on 、 和 及 与, giving a short first
// item the shared tail of the last (城镇和农村居民人均可支配收入 -> 城镇居民人均
// 可支配收入, 农村居民人均可支配收入).
func splitItems(s string) []string {
	if s == "" {
		return nil
	}
	seps := "、和及与"
	if strings.Contains(s, "、") {
		seps = "、" // 信息传输软件和信息技术服务业、租赁和商务服务业: 和 is inside the names
	}
	items := strings.FieldsFunc(s, func(r rune) bool { return strings.ContainsRune(seps, r) })
	if len(items) < 2 || seps == "、" {
		return items // 能耗、二氧化碳排放: each item a full name
	}
	last := []rune(items[len(items)-1])
	for k := 0; k < len(items)-1; k++ {
		n := len([]rune(items[k]))
		if n <= 3 && len(last) > n+2 {
			items[k] += string(last[n:])
		}
	}
	return items
}
