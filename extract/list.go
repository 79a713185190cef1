package extract

// Distributive lists: 分别 pairs the i-th number with the i-th name.

import (
	"regexp"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/gwrfacts/gwr/extract/lexicon"
	"github.com/gwrfacts/gwr/schema"
)

// distribute gives the facts of a distributive list their own indicators:
// "城镇和农村居民人均可支配收入分别增长8%、9%" and "A 50个、B 60亿元，分别增长
// 28%、25%" pair the i-th number with the i-th name; the bound word after
// the last number is every number's (分别控制在5%和3%以内).
func (a *analysis) distribute(facts []*fact) {
	a.distributeAdjacent(facts)
	marks := listMarksOf(a.s)
	// (without 分别 no fact heads a 分别 list: respectivelyHead)
	for i := 0; marks.respectively && i < len(facts); i++ {
		f := facts[i]
		head, at := a.respectivelyHead(facts, i)
		if at < 0 {
			continue
		}
		wide := a.wideGroup(facts, i)
		j := i + 1
		for j < len(facts) && (facts[j].cueStart < 0 || facts[j].cueStart == f.cueStart) && facts[j].q.unit == f.q.unit && (f.cueStart >= 0 || j < i+len(wide)) {
			j++
		}
		group := facts[i:j:j] // (a run of facts: no appending to it)
		if len(wide) < 2 {
			continue
		}
		// SPEC section 7: a bound word after the last number of the list
		// covers every number of it (分别控制在5%和3%以内: two le)
		if last := group[len(group)-1].q; last.bound != schema.Eq && last.bound != schema.Range {
			for _, g := range group[:len(group)-1] {
				if g.q.bound == schema.Eq {
					g.q.bound = last.bound
				}
			}
		}
		names := trimIndicator(head[:at])
		if isComparison(names) || isComparison(strings.TrimSpace(head[:at])) || notAlone.has(names) {
			names = "" // 较年初分别增长15.8%、14.7%: the names are those of the list before
		}
		if k := comparisonListStart(names); k > 0 && len(group) >= 2 {
			// 新建商品房网签销售面积环比、同比分别增长51.3%、15.3%: two
			// comparisons of one thing, each number that thing's
			name := trimIndicator(names[:k])
			for _, g := range group {
				g.rename(name, nil, "list-comparisons-of-one")
			}
			i += len(group) - 1
			continue
		}
		if names == "" && f.clause > 1 && isClauseMark(a.s[f.clause-1]) && a.s[f.clause-1] != '、' {
			// 政策享受户数与金额，分别增长21.43%和42.68%: the names are the clause before
			if ps := a.listStart(f.clause - 2); !a.hasQuantity(ps, f.clause-1) {
				names = a.namesOf(ps, f.clause-1)
			}
		}
		items := splitItemsN(names, len(group))
		if len(items) != len(group) && len(wide) > len(group) && len(splitItemsN(names, len(wide))) == len(wide) {
			// SUV汽车、新能源汽车、太阳能电池产量分别达到371.2万辆、10.1万辆、
			// 931.7万千瓦: one number per item, whatever its unit
			group, items = wide, splitItemsN(names, len(wide))
		}
		if len(items) == 1 && len(group) == 2 {
			items = splitPair(items[0]) // 城乡居民人均可支配收入分别增长6%、7.2%
		}
		switch {
		case len(group) < 2:
		case len(items) == len(group):
			for k, g := range group {
				g.rename(items[k], nil, "list-respectively")
			}
		case len(items) == 0 && i >= len(group):
			for k, g := range group {
				g.rename(facts[i-len(group)+k].indicator, facts[i-len(group)+k].ind, "list-respectively-names-before")
			}
		}
		i += len(group) - 1
	}
	if marks.respectively {
		a.distributeRounds(facts) // (every round list has 分别)
	}
	a.shareCountedHead(facts)
	a.carryItemHead(facts)
	a.nameTally(facts)
	a.carryRoundNames(facts)
	a.eachOfList(facts, marks.all)
	a.carryListName(facts)
	followCarried(facts)
}

// listMarks are the words the list steps look for in a sentence before
// reading its facts further.
type listMarks struct {
	respectively bool // 分别: a distributive list
	all          bool // 均 or 都: one number for every item (eachOfList)
}

// listMarksOf returns the list marks of the sentence s, from one pass
// over its code points: strings.Contains of its text for each word
// stopped at every character sharing the word's first byte (most
// characters from U+5000 to U+5FFF for 分 and 均), three times in a
// sentence without any.
func listMarksOf(s []rune) listMarks {
	var m listMarks
	for i, r := range s {
		switch r {
		case '均', '都':
			m.all = true
		case '分':
			if i+1 < len(s) && s[i+1] == '别' {
				m.respectively = true
			}
		}
	}
	return m
}

// followCarried gives a fact that carried the name of the fact before it
// (every carried indicator is the previous fact's, as it was then) that
// fact's name again when a list step renamed it afterwards: 都是平均每年递增
// 百分之四，在执行中争取达到【百分之五】 carries 农业总产值、工业总产值, the name
// the 百分之四 got from the list before it (SPEC 2: a name left out by
// ellipsis is carried from the clause that named it).
func followCarried(facts []*fact) {
	for i := 1; i < len(facts); i++ {
		f, prev := facts[i], facts[i-1]
		if strings.HasPrefix(f.decision(AskIndicator), "carried") && strings.HasPrefix(prev.decision(AskIndicator), "list-") && f.indicator != prev.indicator {
			f.rename(prev.indicator, prev.ind, "carried-list-name")
		}
	}
}

// respectivelyHead returns the words of facts[i]'s clause before its cue
// and the offset in them of the 分别 that makes it the first number of a
// distributive list, or -1. 分别 stands before the cue, or, when the cue
// found is a word of the names (急难型、支出型临时救助最低标准分别提高100元、
// 150元: 救助) or there is none (分别约为全国平均的70%、60%), right before the
// words that lead to the number: then the words before it are the names,
// without a verb that opens the clause.
func (a *analysis) respectivelyHead(facts []*fact, i int) (string, int) {
	f := facts[i]
	if f.cueStart >= 0 {
		head := a.sub(f.clause, f.cueStart)
		if at := lastIndex(head, "分别"); at >= 0 {
			return head, at
		}
	}
	if i > 0 && facts[i-1].q.end > f.clause {
		return "", -1 // not the list's first number
	}
	pre := a.sub(f.clause, f.q.start)
	at := lastIndex(pre, "分别")
	if at < 0 || utf8.RuneCountInString(pre[at:]) > 12 || a.hasQuantity(f.clause, f.q.start) {
		return "", -1
	}
	end := f.clause + utf8.RuneCountInString(pre[:at])
	names := a.sub(a.skipCue(f.clause, end), end)
	return names + pre[at:], len(names)
}

// shareCountedHead names a count whose item is only a modifier by the
// head of the next item of its list: 建成8个国家级、13个省级区域医疗中心 counts
// 国家级区域医疗中心 (LABELING: words of another item are carried when the
// item lacks its own head noun).
func (a *analysis) shareCountedHead(facts []*fact) {
	// from the last pair back, so that in a longer list each item has its
	// head before the one before it asks for it
	for i := len(facts) - 2; i >= 0; i-- {
		f, g := facts[i], facts[i+1]
		if f.q.unit != g.q.unit || g.indicator == "" {
			continue
		}
		between := a.sub(f.q.end, g.q.start)
		for _, sep := range []string{"、", "和", "及", "与"} {
			item, ok := strings.CutSuffix(between, sep)
			if !ok {
				continue
			}
			r := []rune(item)
			if len(r) < 2 || len(r) > 5 || !strings.ContainsRune(modifierEnds, r[len(r)-1]) || strings.ContainsAny(item, "、，,；;：:") {
				break
			}
			if tail, ok := parallelTail(item, g.indicator); ok {
				f.rename(item+tail, nil, "list-counted-head")
			}
			break
		}
	}
}

// carryItemHead gives an item of a list of numbers that is only the name
// of a thing (水泥), with the cue of the item before it carried, the head
// that item ends with when it is a head a list writes once for its items
// (list-head: 产能, 产量, 排放, 增加值): 淘汰落后炼钢炼铁产能9000多万吨、水泥
// 2.3亿吨 -> 水泥产能 (LABELING: words of an earlier item are carried when
// the item lacks its own head noun).
func (a *analysis) carryItemHead(facts []*fact) {
	for i := 1; i < len(facts); i++ {
		f, g := facts[i-1], facts[i]
		if g.cueStart >= 0 || g.ind == nil || f.q.unit != g.q.unit || f.q.end >= g.q.start {
			continue
		}
		item, ok := strings.CutPrefix(a.sub(f.q.end, g.q.start), "、")
		if !ok || item != g.indicator || hasOwnHead(item) || strings.ContainsAny(item, "、和及与") {
			continue
		}
		if head := headSuffix(f.indicator, listHeads); head != "" && !strings.HasSuffix(item, head) {
			g.rename(item+head, nil, "list-item-head")
		}
	}
}

// medalNames name the counts of a tally of medals (8金4银4铜) by their
// classifier.
var medalNames = map[string]string{"金": "金牌", "银": "银牌", "铜": "铜牌"}

// nameTally names each count of a tally of medals by the games the clause
// names before its verb and the medal: 在巴黎奥运会上斩获8金4银4铜 gives
// 巴黎奥运会金牌, 巴黎奥运会银牌, 巴黎奥运会铜牌.
func (a *analysis) nameTally(facts []*fact) {
	event, first := "", -1
	for i, f := range facts {
		medal := ""
		if f.q.unit == schema.Count {
			medal = medalNames[f.q.classifier]
		}
		if medal == "" {
			first = -1
			continue
		}
		if first < 0 || facts[i-1].q.end != f.q.start {
			first = i
			ws := a.wholeClauseStart(f.q.start)
			end := f.q.start
			if f.cueStart >= ws && f.cueStart < end {
				end = f.cueStart
			}
			pre := a.sub(ws, end)
			if k := lastIndex(pre, "在"); k >= 0 {
				pre = pre[k+len("在"):]
			} else {
				pre = ""
			}
			pre = strings.TrimSuffix(strings.TrimSuffix(pre, "上"), "中")
			event = trimIndicator(pre)
		}
		f.rename(event+medal, nil, "list-tally")
	}
}

// carryListName names a number alone in a clause that names nothing of
// its own after a list: the clause before when it is a list of names with
// no number (生铁、钢、煤炭等产品的产量，都比一九五七年增长一倍以上), or the
// names of the numbers before joined when the clause says 都 or 均 (农业
// 总产值由…增加到…，工业总产值由…增加到…，都是平均每年递增百分之四).
func (a *analysis) carryListName(facts []*fact) {
	for i, f := range facts {
		ws := a.wholeClauseStart(f.q.start)
		if ws < 2 || a.hasQuantity(ws, f.q.start) || i+1 < len(facts) && facts[i+1].q.start < a.wholeClauseEnd(f.q.end) {
			continue
		}
		// whether the clause names nothing (namesNothing, the costliest
		// test) is asked last, of the few clauses that could take a name
		if ps := a.wholeClauseStart(ws - 1); !a.hasQuantity(ps, ws-1) {
			// (trimIndicator cuts only the ends: a clause without 、 gives
			// names without it)
			if !strings.Contains(a.sub(ps, ws-1), "、") || !a.namesNothing(ws, f) {
				continue
			}
			if names := trimIndicator(a.sub(ps, ws-1)); strings.Contains(names, "、") {
				f.rename(names, nil, "list-clause-before")
			}
			continue
		}
		if lead := strings.TrimLeft(a.sub(ws, f.q.start), "也"); !strings.HasPrefix(lead, "都") && !strings.HasPrefix(lead, "均") || !a.namesNothing(ws, f) {
			continue
		}
		var names []string
		seen := map[string]bool{}
		for _, b := range facts[:i] {
			if !seen[b.indicator] && b.indicator != "" {
				seen[b.indicator] = true
				names = append(names, b.indicator)
			}
		}
		if len(names) >= 2 {
			f.rename(strings.Join(names, "、"), nil, "list-all-before")
		}
	}
}

// eachOfList names a number that every item of a list has (各): 省级绿色工厂、
// 智能制造场景、工业设计中心各1个 is one fact about the three, named by the
// whole list (LABELING: one number written once for two levels is one fact
// naming both). all tells whether the sentence holds 均 or 都 (listMarks).
func (a *analysis) eachOfList(facts []*fact, all bool) {
	for _, f := range facts {
		if f.q.start == 0 || a.s[f.q.start-1] != '各' || f.q.end < len(a.s) && a.s[f.q.end] == '的' {
			continue
		}
		ws := a.wholeClauseStart(f.q.start)
		if a.hasQuantity(ws, f.q.start) {
			continue
		}
		names := trimIndicator(a.sub(a.skipCue(ws, f.q.start-1), f.q.start-1))
		if strings.ContainsAny(names, "、和及与") {
			f.rename(names, nil, "list-each")
		}
	}
	// 均 or 都 before the cue: 受污染耕地安全利用率、污染地块再开发安全利用率均达100%
	if !all {
		return
	}
	for _, f := range facts {
		ws := a.wholeClauseStart(f.q.start)
		if a.hasQuantity(ws, f.q.start) {
			continue
		}
		pre := a.sub(ws, f.q.start)
		for _, w := range []string{"均", "都"} {
			// a word of its own (not 平均, 望都), then at most a cue: 均达, 都超过
			at := lastIndex(pre, w)
			if at <= 0 {
				continue
			}
			rest := pre[at+len(w):]
			names := trimIndicator(strings.TrimSuffix(pre[:at], "也"))
			if rest != "" && !cueSet.has(rest) && !cueSet.has(strings.TrimSuffix(rest, "到")) || !strings.ContainsAny(names, "、和及与") {
				continue
			}
			// (the clause is segmented only now, for a list the words
			// could name: its tokens serve this test alone, as no step
			// after this one reads them)
			i := ws + utf8.RuneCountInString(pre[:at])
			a.segmentClause(a.clauseStart(i), a.clauseEnd(i))
			if a.tokStart[i] && a.tokE[i] {
				f.rename(names, nil, "list-all")
			}
		}
	}
}

// wideGroup returns the facts from facts[i] on that share its cue or carry
// it, to the end of the clause, whatever their unit.
func (a *analysis) wideGroup(facts []*fact, i int) []*fact {
	f := facts[i]
	we := a.wholeClauseEnd(f.q.end)
	j := i + 1
	for j < len(facts) && facts[j].q.start < we && (facts[j].cueStart < 0 || facts[j].cueStart == f.cueStart) {
		j++
	}
	return facts[i:j:j]
}

// splitItemsN is splitItems for a list of n numbers: when 、 gives fewer
// items, the 和, 及 or 与 after the last 、 separates one more
// (固定资产投资、社会消费品零售总额和货物进出口总额分别增长5.3%、8%和13.4%).
func splitItemsN(s string, n int) []string {
	items := splitItems(s)
	if len(items) >= n || !strings.Contains(s, "、") {
		return items
	}
	j := lastIndex(s, "、")
	for _, c := range []string{"以及", "和", "及", "与"} {
		if k := lastIndex(s[j:], c); k > 0 {
			if more := splitItems(s[:j+k] + "、" + s[j+k+len(c):]); len(more) == n {
				return more
			}
		}
	}
	return items
}

// distributeAdjacent gives each number of a run of numbers that follow
// one another with only 、 和 及 between them its own name when the names
// before the first one are as many (城镇和农村人均住房面积32.9平方米、37.1
// 平方米): a list of names and a list of numbers, in the same order.
func (a *analysis) distributeAdjacent(facts []*fact) {
	for i := 0; i < len(facts); i++ {
		f := facts[i]
		j := i + 1
		for j < len(facts) && facts[j].q.unit == f.q.unit && listGap[a.sub(facts[j-1].q.end, facts[j].q.start)] {
			j++
		}
		run := facts[i:j:j]
		if len(run) < 2 {
			continue
		}
		i += len(run) - 1
		ws := a.wholeClauseStart(f.q.start)
		names := a.sub(ws, f.q.start)
		if f.cueStart >= ws {
			names = a.sub(ws, f.cueStart) // the subject before the cue
			// (from the cue's end: skipCue keeps a cue right before the
			// number, 增长30.4%、30.1%, which names nothing here)
			cueEnd := min(f.cueStart+utf8.RuneCountInString(f.cue), f.q.start)
			if mid := trimIndicator(a.sub(a.skipCue(cueEnd, f.q.start), f.q.start)); mid != "" {
				names = mid // 新增A和B10个、20个: the object
			}
		}
		names = trimIndicator(names)
		if strings.Contains(names, "分别") || a.hasQuantity(ws, f.q.start) || !strings.ContainsAny(names, "、和及与") {
			continue
		}
		if items := splitItemsN(names, len(run)); len(items) == len(run) {
			for k, g := range run {
				g.rename(items[k], nil, "list-adjacent")
			}
		}
	}
}

// listGap holds what stands between two numbers of one list.
var listGap = map[string]bool{"、": true, "和": true, "及": true, "与": true, "以及": true}

// carryRoundNames gives the numbers of a clause that names nothing of its
// own (比上年增长29.2%、39.4%; 平均每年实际增长4.7%和5.7%; 扣除价格因素，分别
// 增长…) the names of as many numbers right before it, in turn, when those
// have one name each (SPEC 2: an indicator left out by ellipsis is carried
// from the clause that named it).
func (a *analysis) carryRoundNames(facts []*fact) {
	for i := 0; i < len(facts); i++ {
		f := facts[i]
		j := i + 1
		if j < len(facts) { // (the last fact's clause is not read)
			we := a.wholeClauseEnd(f.q.end)
			for j < len(facts) && facts[j].q.start < we && listGap[a.sub(facts[j-1].q.end, facts[j].q.start)] {
				j++
			}
		}
		group := facts[i:j:j]
		n := len(group)
		if n < 2 || i < n {
			continue
		}
		if ws := a.wholeClauseStart(f.q.start); a.hasQuantity(ws, f.q.start) || !a.namesNothing(ws, f) {
			continue
		}
		before := facts[i-n : i]
		seen := map[string]bool{}
		for _, b := range before {
			seen[b.indicator] = true
		}
		if len(seen) != n || seen[""] {
			continue
		}
		for k, g := range group {
			g.rename(before[k].indicator, before[k].ind, "list-round-names-before")
		}
		i += n - 1
	}
}

// namesNothing reports whether the words of a clause from ws to its first
// fact f name nothing: no more than its cue, 分别, a comparison, filler
// trimmed from a name (平均每年实际) or a clause before that holds no name
// either (扣除价格因素).
func (a *analysis) namesNothing(ws int, f *fact) bool {
	for _, sp := range f.ind {
		if sp.start >= f.q.end && sp.start < a.wholeClauseEnd(f.q.end) {
			return false // 推动186个【重点项目】…: named after the number
		}
	}
	words := a.sub(ws, f.q.start)
	if f.cueStart >= ws {
		// the cue may lie inside the mention (突破170家: cueStart is the
		// mention's start) or carry a 到 the text does not hold next to it
		words = a.sub(ws, f.cueStart) + a.sub(min(f.cueStart+utf8.RuneCountInString(f.cue), f.q.start), f.q.start)
	}
	words = strings.TrimSpace(strings.ReplaceAll(words, "分别", ""))
	words = strings.TrimLeft(words, "也都均是") // 也都比…增长, 都是平均每年递增: of each thing named before
	if isComparison(words) || notAlone.has(words) {
		return true // 比上年 (which the trim would cut to 比), 减为
	}
	words = trimIndicator(words)
	return words == "" || isComparison(words) || notAlone.has(words) || timeOnlyIndicators.has(words)
}

// distributeRounds pairs the numbers of a 分别 list that come in rounds,
// one number per item each round, with the items in turn: in 困难残疾人生活
// 补贴、重度残疾人护理补贴标准分别从每人每月202元、270元提高到209元、280元,
// 202元 and 209元 are the first item's. The names are the words of the
// clause before 分别, which hold no number. The sentence holds 分别.
func (a *analysis) distributeRounds(facts []*fact) {
	for i := 0; i < len(facts); i++ {
		f := facts[i]
		ws := a.wholeClauseStart(f.q.start)
		before := a.sub(ws, f.q.start)
		at := lastIndex(before, "分别")
		if at < 0 || a.hasQuantity(ws, f.q.start) {
			continue
		}
		we := a.wholeClauseEnd(f.q.end)
		j := i + 1
		for j < len(facts) && facts[j].q.start < we && facts[j].q.unit == f.q.unit {
			j++
		}
		group := facts[i:j:j]
		end := ws + utf8.RuneCountInString(before[:at])
		items := splitItems(trimIndicator(a.sub(a.skipCue(ws, end), end)))
		if len(items) >= 2 && len(group) > len(items) && len(group)%len(items) == 0 {
			for k, g := range group {
				g.rename(items[k%len(items)], nil, "list-rounds")
			}
		}
		i += len(group) - 1
	}
}

// wholeClauseStart and wholeClauseEnd return the bounds of the clause
// holding position i, reading past 、 (a list inside the clause).
func (a *analysis) wholeClauseStart(i int) int {
	for i > 0 && (a.s[i-1] == '、' || !isClauseMark(a.s[i-1])) {
		i--
	}
	return i
}

func (a *analysis) wholeClauseEnd(i int) int {
	for i < len(a.s) && (a.s[i] == '、' || !isClauseMark(a.s[i])) {
		i++
	}
	return i
}

// namesOf returns the names of a clause [s, e) that names what the 分别
// clause after it states: the clause itself (政策享受户数与金额), or for a
// list the noun phrase of each item, joined by 、 (化学需氧量、二氧化硫排放
// 总量近年来首次出现双下降，比上年分别下降…: 化学需氧量、二氧化硫排放总量).
func (a *analysis) namesOf(s, e int) string {
	if !strings.ContainsRune(a.sub(s, e), '、') {
		return trimIndicator(a.sub(s, e))
	}
	var names []string
	for at := s; at < e; at = a.clauseEnd(at) + 1 {
		ie := min(a.clauseEnd(at), e)
		a.segmentClause(at, ie)
		name := a.text(a.tidy(a.nounAfter(at)))
		if !a.nameable(a.tidy(a.nounAfter(at))) {
			name = trimIndicator(a.sub(at, ie))
		}
		names = append(names, name)
	}
	return strings.Join(names, "、")
}

// isComparison reports whether s is only a comparison: 较年初, 比上年.
// It asks comparisonWhole only of a string that starts and ends with a
// character a comparison can start and end with (most names do not).
func isComparison(s string) bool {
	r, _ := decodeFirst(s)
	return comparisonFirsts.has(r) && endsWithAny(s, comparisonLasts) && comparisonWhole.MatchString(s)
}

// comparisonWhole is trailingComparison anchored at the start too: whether
// all of s is one comparison is then tried at its start only, where the
// unanchored pattern would try every position of a long clause.
var comparisonWhole = regexp.MustCompile(`^(?:` + trailingComparison.String() + `)`)

// comparisonList matches two comparisons of one thing at the end of the
// names before 分别: 环比、同比.
var comparisonList = regexp.MustCompile(`(?:环比|同比|比上年|较上年)(?:[、和与及](?:环比|同比|比上年|较上年))+$`)

// comparisonListStart returns where comparisonList's match in names
// starts, or -1. Every match ends names with 比 or 上年: the pattern is run
// only on names that do (few), where it would be tried at each character.
func comparisonListStart(names string) int {
	if !strings.HasSuffix(names, "比") && !strings.HasSuffix(names, "上年") {
		return -1
	}
	if loc := comparisonList.FindStringIndex(names); loc != nil {
		return loc[0]
	}
	return -1
}

// splitItems splits a list of names on 、 和 及 与, giving a short first
// item the shared tail of the last (城镇和农村居民人均可支配收入 -> 城镇居民人均
// 可支配收入, 农村居民人均可支配收入).
func splitItems(s string) []string {
	if s == "" {
		return nil
	}
	s = joinPairs(s)
	seps := "、和及与"
	if strings.Contains(s, "、") {
		seps = "、" // 信息传输软件和信息技术服务业、租赁和商务服务业: 和 is inside the names
	}
	// 节能环保、新材料、高端装备制造等产业增加值: the tail after 等 names
	// what each item is
	tail := ""
	if i := lastIndex(s, "等"); i > 0 && !strings.ContainsAny(s[i:], seps) && utf8.RuneCountInString(s[i+len("等"):]) >= 2 &&
		utf8.RuneCountInString(s[itemStart(s[:i], seps):i]) >= 2 { // not 高等职业教育
		s, tail = s[:i], s[i+len("等"):]
	}
	items := strings.FieldsFunc(s, func(r rune) bool { return strings.ContainsRune(seps, r) })
	if tail != "" {
		for k := range items {
			items[k] += tail
		}
	}
	for k := range items {
		items[k] = dropNoteMarks(items[k]) // 加计扣除[3]政策: a footnote mark
	}
	if len(items) < 2 || tail != "" {
		return items
	}
	if n, first := utf8.RuneCountInString(items[len(items)-1]), []rune(items[0]); len(items) == 2 && seps != "、" && n <= 2 && len(first) > n+2 {
		items[1] = string(first[:len(first)-n]) + items[1] // 政策享受户数与金额: 政策享受金额
		return items
	}
	short := 3
	if seps == "、" {
		short = 1 // 能耗、二氧化碳排放: each item a full name; 中、高等职业教育在校生: 中 is not
	}
	last := []rune(items[len(items)-1])
	shortened := false
	for k := 0; k < len(items)-1; k++ {
		n := len([]rune(items[k]))
		if (n <= short || notAlone.has(items[k])) && len(last) > n+2 {
			items[k] += string(last[n:]) // 城镇、农村居民人均可支配收入
			shortened = true
		}
	}
	if !shortened {
		sharePrefix(items)
		shareHead(items)
	}
	return items
}

// dropNoteMarks is noteRe.ReplaceAllString(s, ""): the footnote marks of
// s cut out, the pattern run only on a text that may hold one.
func dropNoteMarks(s string) string {
	if !mayHoldNote(s) {
		return s
	}
	return noteRe.ReplaceAllString(s, "")
}

// listHeads are the words a head a list writes once after its last item
// starts with (排放, 增加值, 人均); bareHeads the heads a later item may be
// alone (死亡人数); figureHeads the words that end a name of a figure: an
// item ending in one has its own head.
var (
	listHeads    = lexSet(lexicon.ListHead)
	bareHeads    = lexSet(lexicon.BareHead)
	listPrefixes = lex.Words(lexicon.ListPrefix)
	figureHeads  = lexSet(lexicon.ListHead, lexicon.BareHead, lexicon.LevelNoun, lexicon.RateName, lexicon.GrowthNoun, lexicon.MoneyLevel, lexicon.GenericHead)
)

// headSuffix returns the longest end of s that is a word of set, or "".
func headSuffix(s string, set wordSet) string {
	for i := range s {
		if i > 0 && set.has(s[i:]) {
			return s[i:]
		}
	}
	return ""
}

// hasOwnHead reports whether a list item ends in a head of its own: a
// word of figureHeads or a one-character head (综合能源消费【量】).
func hasOwnHead(item string) bool {
	r, _ := utf8.DecodeLastRuneInString(item)
	return figureHeads.has(item) || headSuffix(item, figureHeads) != "" || strings.ContainsRune("率量数额值比度", r)
}

// sharedTail returns the head the last item of a list writes for every
// item: its words from the first list head on (高新技术产业【增加值占规上工业
// 的比重】, 基本公共卫生服务经费【人均财政补助标准】), else the head noun after
// its last 的 (文化事业的【支出】), or "".
func sharedTail(last string) string {
	for i := range last {
		if i == 0 {
			continue
		}
		for j := len(last); j > i; j-- {
			if listHeads.has(last[i:j]) {
				return withClass(last[:i]) + last[i:]
			}
		}
	}
	if i := lastIndex(last, "的"); i > 0 && utf8.RuneCountInString(last[i+len("的"):]) >= 2 {
		return last[i+len("的"):]
	}
	return ""
}

// sharedClasses are the words naming a class of units that a list writes
// once before its shared head, with it (船舶、航空航天【行业】增加值, 新能源、
// 输变电装备【产业】产值): each item is one unit of the class.
var sharedClasses = []string{"行业", "产业"}

// withClass returns the class word that ends the words of the last item
// before its shared head, when they hold more than it, or "".
func withClass(before string) string {
	for _, c := range sharedClasses {
		if strings.HasSuffix(before, c) && len(before) > len(c) {
			return c
		}
	}
	return ""
}

// shareHead gives each earlier item of a list the head its last item
// writes once for all of them: the words that follow, in the last item,
// the word an earlier item ends with (困难残疾人生活补贴、重度残疾人护理补贴标准:
// 困难残疾人生活补贴标准; 先进制造业、高技术制造业增加值), else the last
// item's words from a list head on, when the earlier item ends in no head
// of its own (二氧化硫、氮氧化物排放: 二氧化硫排放; 对东盟、中东出口: 对东盟出口).
func shareHead(items []string) {
	last := items[len(items)-1]
	head := sharedTail(last)
	for k, item := range items[:len(items)-1] {
		if tail, ok := tailAfterShared(item, last); ok {
			if tail != "" && !strings.HasSuffix(item, tail) {
				items[k] += tail
			}
			continue
		}
		if tail, ok := parallelTail(item, last); ok && !hasOwnHead(item) {
			items[k] += tail // 食品、药品抽检合格率: 食品抽检合格率
			continue
		}
		if head != "" && !hasOwnHead(item) {
			items[k] += head
		}
	}
}

// modifierEnds are the characters that end a modifier written as an item
// of its own before the item that carries the head: 国家级、省级区域医疗
// 中心; 急难型、支出型临时救助最低标准.
const modifierEnds = "级型类"

// parallelTail returns what follows, in last, the words parallel to item:
// its first words as long as item when they end with item's last character
// (食品 and 药品 in 药品抽检合格率: 抽检合格率), or its words after the first
// modifier end item ends with (国家级 and 省级区域医疗中心: 区域医疗中心).
// ok is false when last holds no such words or nothing after them.
func parallelTail(item, last string) (tail string, ok bool) {
	r, l := []rune(item), []rune(last)
	n := len(r)
	if n < 2 || len(l) < n+2 {
		return "", false
	}
	if l[n-1] == r[n-1] {
		return string(l[n:]), true
	}
	if strings.ContainsRune(modifierEnds, r[n-1]) {
		if i := strings.IndexRune(last, r[n-1]); i > 0 && len(last[i:]) > utf8.RuneLen(r[n-1])+utf8.RuneLen('x') {
			return last[i+utf8.RuneLen(r[n-1]):], true
		}
	}
	return "", false
}

// tailAfterShared looks for the longest end of item, two code points or
// more, that last holds, and returns what follows it in last (补贴 in
// 重度残疾人护理补贴标准: 标准); ok is false when last holds no such end.
func tailAfterShared(item, last string) (tail string, ok bool) {
	r := []rune(item)
	for n := len(r); n >= 2; n-- {
		if i := lastIndex(last, string(r[len(r)-n:])); i >= 0 {
			return last[i+len(string(r[len(r)-n:])):], true
		}
	}
	return "", false
}

// sharePrefix gives later items of a list the modifier of the first: to a
// later item that is a bare head (生产安全事故起数、死亡人数: 生产安全事故
// 死亡人数; 旅游接待人次和总花费: 旅游总花费), and to every later item when
// the first starts with a list prefix (单位国内生产总值用水量、能耗、二氧化碳
// 排放量: 单位国内生产总值二氧化碳排放量).
func sharePrefix(items []string) {
	first := items[0]
	head := headSuffix(first, bareHeads)
	if head == "" {
		head = headSuffix(first, figureHeads)
	}
	modifier := strings.TrimSuffix(first, head)
	shareParallelModifier(items, modifier)
	if head == "" {
		return
	}
	every := false
	for _, p := range listPrefixes {
		every = every || strings.HasPrefix(first, p)
	}
	for k := 1; k < len(items); k++ {
		if bareHeads.has(items[k]) || every && !strings.HasPrefix(items[k], modifier) {
			items[k] = modifier + items[k]
		}
	}
}

// shareParallelModifier gives a later item of a list that is a short
// figure name (three code points at most) ending in the one-character head
// the first item ends with the first item's modifier: the words before its
// head when that is a known head (交通事故起数、死亡数 -> 交通事故死亡数),
// else before its last words as long as the item (电信诈骗案件受理数、案损数
// -> 电信诈骗案件案损数; 人口出生率、死亡率 -> 人口死亡率).
func shareParallelModifier(items []string, modifier string) {
	first := []rune(items[0])
	for k := 1; k < len(items); k++ {
		r := []rune(items[k])
		n := len(r)
		if n < 2 || n > 3 || len(first) < n+2 || r[n-1] != first[len(first)-1] || !strings.ContainsRune("率量数额值比度", r[n-1]) {
			continue
		}
		if modifier == items[0] {
			modifier = string(first[:len(first)-n])
		}
		if modifier != "" && !strings.HasPrefix(items[k], modifier) {
			items[k] = modifier + items[k]
		}
	}
}

// pairs are the lexicon's names of two things (城乡: 城镇 and 农村).
var pairs = func() [][3]string {
	var out [][3]string
	for _, w := range lex.Words(lexicon.Pair) {
		a, b, c, _ := lexicon.SplitPair(w)
		out = append(out, [3]string{a, b, c})
	}
	// the longest first: 城乡低保 (城市低保, 农村低保) before 城乡
	sort.SliceStable(out, func(i, j int) bool { return len(out[i][0]) > len(out[j][0]) })
	return out
}()

// splitPair splits a name holding a pair word into the names of its two
// things (城乡居民人均可支配收入 -> 城镇居民人均可支配收入, 农村居民人均可支配
// 收入), or returns it alone.
func splitPair(s string) []string {
	for _, p := range pairs {
		if strings.Contains(s, p[0]) {
			return []string{strings.Replace(s, p[0], p[1], 1), strings.Replace(s, p[0], p[2], 1)}
		}
	}
	return []string{s}
}

// joinPairs writes a pair word the text splits with 、 after its first
// character whole again (金融机构本外币存、贷款余额 -> 金融机构本外币存贷款余额;
// 进、出口总额 -> 进出口总额): the two are one name of two things, which
// splitPair splits into their own names, not two items of a list.
func joinPairs(s string) string {
	if !strings.Contains(s, "、") {
		return s
	}
	for _, p := range pairs {
		if _, n := utf8.DecodeRuneInString(p[0]); n < len(p[0]) {
			if split := p[0][:n] + "、" + p[0][n:]; strings.Contains(s, split) {
				s = strings.Replace(s, split, p[0], 1)
			}
		}
	}
	return s
}

// itemStart returns the byte offset where the last item of s starts: after
// its last separator (one of seps), or 0.
func itemStart(s, seps string) int {
	j := strings.LastIndexAny(s, seps)
	if j < 0 {
		return 0
	}
	_, n := utf8.DecodeRuneInString(s[j:])
	return j + n
}
