package extract

import (
	"sort"
	"strings"
	"unicode"

	"github.com/gwrfacts/gwr/extract/segment"
	"github.com/gwrfacts/gwr/normalize"
	"github.com/gwrfacts/gwr/schema"
)

// analysis is one sentence with its segmentation, shared by the facts of
// the sentence.
type analysis struct {
	s              []rune
	toks           []segment.Token
	tokStart, tokE map[int]bool
}

func newAnalysis(s []rune, seg segment.Segmenter) *analysis {
	a := &analysis{s: s, toks: seg.Segment(string(s)), tokStart: map[int]bool{}, tokE: map[int]bool{}}
	for _, t := range a.toks {
		a.tokStart[t.Start], a.tokE[t.End] = true, true
	}
	return a
}

// fact is a quantity with the words that describe it.
type fact struct {
	q                              *quantity
	indicator, cue, measure, hedge string
	kind                           string
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
var levelNouns = []string{"总投资", "保有量", "总量", "总数", "总规模", "规模", "覆盖率", "总额", "余额", "总值", "产值", "增加值", "收入", "产量", "比重", "占比", "比例", "率", "人口", "存量", "营收", "零售总额", "寿命", "指数", "价格", "水平", "密度", "面积"}

// moneyActionCues make an amount of money a delta: money invested, spent,
// raised or attracted as an action (SPEC section 7).
var moneyActionCues = []string{"投资", "投入", "完成投资", "争取", "发放", "到位", "引进", "招引", "融资", "筹集", "拨付", "兑现", "减免", "节约", "节省", "落实", "新增", "带动", "撬动", "吸引", "补贴", "奖励", "资助", "救助", "贷款", "发行", "化解", "减税降费"}

// clauseStart returns the start of the clause holding position i.
func (a *analysis) clauseStart(i int) int {
	for i > 0 && !isClauseMark(a.s[i-1]) {
		i--
	}
	return i
}

// findCue returns the nearest cue word in [from, to) that sits on word
// boundaries, as [start, end), or -1.
func (a *analysis) findCue(from, to int) (string, int, int) {
	for end := to; end > from; end-- {
		if !a.tokE[end] {
			continue
		}
		for _, w := range allCues {
			n := len([]rune(w))
			st := end - n
			if st < from || !a.tokStart[st] || string(a.s[st:end]) != w {
				continue
			}
			return w, st, end
		}
	}
	return "", -1, -1
}

// nounAfter returns the noun phrase that follows position i: the thing a
// count counts (实施50个【市区重点技改项目】).
func (a *analysis) nounAfter(i int) string {
	var b strings.Builder
	for _, t := range a.toks {
		if t.End <= i {
			continue
		}
		if t.Start < i {
			return ""
		}
		noun := strings.HasPrefix(t.POS, "n") || t.POS == "vn" || t.POS == "b" || t.POS == "j" || t.POS == "l" || t.POS == "an" || t.POS == "a" || t.POS == "ng" || t.POS == "s" || t.POS == "f" && b.Len() > 0 ||
			t.Text == "“" || t.Text == "”" || t.POS == "eng" || t.POS == "m" && b.Len() > 0 || t.POS == "zg" || t.POS == "g"
		if !noun || isClauseMark([]rune(t.Text)[0]) {
			break
		}
		b.WriteString(t.Text)
	}
	return b.String()
}

// describe derives the words of a fact around q. prev is the fact before
// it in the same sentence, whose cue and indicator carry over to list
// items that leave them implicit.
func (a *analysis) describe(q *quantity, prev *fact, sec section, planYear int) *fact {
	f := &fact{q: q}
	qs := q.start
	cs := a.clauseStart(qs)
	cue, cueS, cueE := a.findCue(cs, qs)
	if cue == "" && q.rule.FixedCue != "" {
		cue = q.rule.FixedCue
	}
	carried := false
	if cue == "" && prev != nil {
		cue, carried = prev.cue, true
	}
	f.cue = cue

	// indicator
	var mid, subj string
	if cueS >= 0 {
		mid = string(a.s[cueE:qs])
		subj = string(a.s[cs:cueS])
	} else {
		subj = string(a.s[cs:qs])
	}
	after := a.nounAfter(q.end)
	switch {
	case q.unit == "count" && after != "" && (cueS >= 0 && trimIndicator(mid) == "" || hasDigit(mid) || strings.HasSuffix(mid, "的")):
		f.indicator = after
	case cueS >= 0 && trimIndicator(mid) != "" && !hasDigit(mid):
		f.indicator = mid
	case trimIndicator(subj) != "" && !hasDigit(subj):
		f.indicator = subj
	case after != "" && q.unit == "count":
		f.indicator = after
	case prev != nil:
		f.indicator = prev.indicator
	}
	f.indicator = trimIndicator(f.indicator)
	if prev != nil && (carried || cueS < 0) && isModifier(f.indicator) {
		f.indicator = f.indicator + headOf(prev.indicator)
	}
	f.indicator = shorten(f.indicator, a)

	f.measure = measureOf(q, cue, f.indicator, prev, carried)
	if (f.measure == "growth" || f.measure == "delta") && isDecrease(cue) {
		f.negative = true
	}
	before := string(a.s[:qs])
	f.hedge = lastOf(before, hedgeWords, cue)
	f.kind, f.year = timeOf(sec, before, planYear)
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

func measureOf(q *quantity, cue, indicator string, prev *fact, carried bool) string {
	inList := func(list []string) bool {
		for _, w := range list {
			if w == cue {
				return true
			}
		}
		return false
	}
	toForm := strings.HasSuffix(cue, "到") || strings.HasSuffix(cue, "至")
	switch {
	case q.rule.FixedMeasure != "":
		return q.rule.FixedMeasure
	case q.unit == "pp":
		return "delta"
	case q.unit == "percent":
		if inList(growthCues) && !toForm {
			return "growth"
		}
		return "level"
	case inList(levelCues):
		return "level"
	case (q.unit == "CNY" || q.unit == "USD") && (hasAny(indicator, moneyLevelWords) || !inList(moneyActionCues)):
		return "level"
	case hasAny(indicator, levelNouns) && !inList(deltaCues):
		return "level"
	case carried && prev != nil:
		return prev.measure
	case inList(deltaCues):
		return "delta"
	case q.unit == "count":
		return "delta"
	}
	return "level"
}

func isDecrease(cue string) bool {
	for _, w := range decreaseCues {
		if strings.HasPrefix(cue, w) || cue == w {
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

func hasDigit(s string) bool {
	return strings.IndexFunc(s, unicode.IsDigit) >= 0
}

// trimIndicator drops scope, hedge and connective words from both ends.
func trimIndicator(s string) string {
	for changed := true; changed; {
		changed = false
		s = strings.TrimFunc(s, func(r rune) bool { return unicode.IsSpace(r) || r == '*' })
		for _, p := range trimPrefixes {
			if strings.HasPrefix(s, p) && len(s) > len(p) {
				s, changed = s[len(p):], true
			}
		}
		for _, p := range trimSuffixes {
			if strings.HasSuffix(s, p) {
				s, changed = s[:len(s)-len(p)], true
			}
		}
	}
	return s
}

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
		return s[i+len("级"):]
	}
	return s
}

// maxIndicator bounds an indicator; a longer phrase keeps its last words,
// where a Chinese noun phrase has its head.
const maxIndicator = 16

func shorten(s string, a *analysis) string {
	r := []rune(s)
	if len(r) <= maxIndicator {
		return s
	}
	toks := a.seg(s)
	n := 0
	i := len(toks)
	for i > 0 && n+len([]rune(toks[i-1])) <= maxIndicator {
		n += len([]rune(toks[i-1]))
		i--
	}
	return trimIndicator(strings.Join(toks[i:], ""))
}

// seg cuts a phrase on the sentence's token boundaries.
func (a *analysis) seg(s string) []string {
	var out []string
	for _, t := range a.toks {
		out = append(out, t.Text)
	}
	// find s in the sentence and keep the tokens inside it
	idx := strings.Index(string(a.s), s)
	if idx < 0 {
		return []string{s}
	}
	start := len([]rune(string(a.s)[:idx]))
	end := start + len([]rune(s))
	out = out[:0]
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

// row renders the fact as a schema row: spans mapped to the original text,
// values to float64. base is the sentence's start in the view.
func (f *fact) row(d Document, orig []rune, view *normalize.View, sent span) schema.Fact {
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
	if f.negative {
		low, high = -high, -low
	}
	return schema.Fact{
		DocID:      d.ID,
		Start:      int32(cs),
		End:        int32(ce),
		Mention:    string(orig[cs:ce]),
		Sentence:   strings.TrimSpace(string(orig[ss:se])),
		Indicator:  f.indicator,
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
