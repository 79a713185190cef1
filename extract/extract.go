package extract

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"math"
	"math/big"
	"slices"
	"sort"
	"strings"
	"unicode"

	"github.com/dlclark/regexp2"

	"github.com/gwrfacts/gwr/extract/segment"
	"github.com/gwrfacts/gwr/extract/taxonomy"
	"github.com/gwrfacts/gwr/normalize"
	"github.com/gwrfacts/gwr/schema"
)

// Document is the input of Extract: a decoded report.
type Document struct {
	ID       string
	Text     string // the document text: offsets of the facts point into it
	HTML     bool   // strip tags before matching
	PlanYear int    // the year the report plans for; 0 if unknown
}

// Extractor holds the compiled rules and the segmenter. It is safe for
// concurrent use.
type Extractor struct {
	rules *ruleSet
	seg   segment.Segmenter
	tax   *taxonomy.Taxonomy // assigns facts their indicator_code
	base  string             // hash of the rules alone
	hash  string             // base and the taxonomy
}

// DefaultRulesHash is the RulesHash of Rules with the embedded lexicon and
// segmenter dictionary, combined with the embedded indicator taxonomy
// (HashWithTaxonomy): what New's extractor reports.
func DefaultRulesHash() string {
	return HashWithTaxonomy(RulesHash(Rules, lex.Bytes(), segment.UserDict()), taxonomy.Default())
}

// New compiles the rule set. seg segments sentences; pass segment.Default().
func New(seg segment.Segmenter) (*Extractor, error) {
	return NewWithRules(seg, Rules)
}

// NewWithRules compiles another rule set than Rules: for tests and for
// comparing rule sets (gwr diff of two runs).
func NewWithRules(seg segment.Segmenter, rules []Rule) (*Extractor, error) {
	compiled, err := compileRules(rules)
	if err != nil {
		return nil, err
	}
	base := RulesHash(rules, lex.Bytes(), segment.UserDict())
	tax := taxonomy.Default()
	return &Extractor{rules: compiled, seg: seg, tax: tax, base: base, hash: HashWithTaxonomy(base, tax)}, nil
}

// WithTaxonomy returns an extractor that assigns indicator codes from t
// instead of the default taxonomy (gwr extract --indicators FILE).
func (x *Extractor) WithTaxonomy(t *taxonomy.Taxonomy) *Extractor {
	y := *x
	y.tax, y.hash = t, HashWithTaxonomy(x.base, t)
	return &y
}

// HashWithTaxonomy combines a rules hash (RulesHash) with the hash of the
// taxonomy that assigns indicator codes: what the extractor's RulesHash
// reports and the output's metadata records.
func HashWithTaxonomy(rulesHash string, t *taxonomy.Taxonomy) string {
	h := sha256.Sum256([]byte(rulesHash + "\x00" + t.Hash()))
	return hex.EncodeToString(h[:])[:16]
}

// RulesHash identifies the rule set the extractor runs, with its taxonomy.
func (x *Extractor) RulesHash() string { return x.hash }

// Extract returns the facts of one document, ordered by start, numbered
// from 1. A rule that runs out of time (see ExtractChecked) costs the
// facts of its window only.
func (x *Extractor) Extract(d Document) []schema.Fact {
	facts, _ := x.ExtractChecked(d)
	return facts
}

// ErrTimeout is returned by ExtractChecked when a rule ran longer than its
// MatchTimeout on some window of the text: the facts returned may then
// lack the ones of that window, so a batch records the document as failed
// rather than write output that depends on the machine's load.
var ErrTimeout = errors.New("extract: a rule ran out of time (pathological input?)")

// ExtractChecked is Extract that also reports a rule timeout.
func (x *Extractor) ExtractChecked(d Document) ([]schema.Fact, error) {
	facts, _, err := x.ExtractLayout(d)
	return facts, err
}

// Layout is what Extract found of a report's structure.
type Layout struct {
	// PlanStart is the offset (code points into the document text) of the
	// sentence where the plan part starts, the text having turned to this
	// year's work (SPEC section 6); -1 when the text never turns.
	PlanStart int
}

// PlanStartColumn is PlanStart as the documents table writes it: nil when
// the text never turns to a plan.
func (l Layout) PlanStartColumn() *int32 {
	if l.PlanStart < 0 {
		return nil
	}
	ps := int32(l.PlanStart)
	return &ps
}

// ExtractLayout is ExtractChecked that also returns the report's layout.
func (x *Extractor) ExtractLayout(d Document) ([]schema.Fact, Layout, error) {
	var timedOut error
	view := normalize.Clean(d.Text, normalize.Options{HTML: d.HTML})
	text := view.Runes
	orig := newOrigText(d.Text)
	var facts []schema.Fact
	sents := splitSentences(text)
	lay := findLayout(text, sents, d.PlanYear)
	out := Layout{PlanStart: -1}
	p := part{sec: sectionNone}
	if lay.planStart >= 0 {
		// the text before the turn reviews the past, whatever its headings say
		p = part{sec: sectionReview, spanYears: lay.spanYears}
		out.PlanStart = view.Orig(sents[lay.planStart].start)
	}
	ch := noChain
	for i, s := range sents {
		// the sentence as a string, made only where it is read
		str, made := "", false
		sentence := func() string {
			if !made {
				str, made = string(text[s.start:s.end]), true
			}
			return str
		}
		if i == lay.planStart {
			p = part{sec: sectionPlan}
		}
		if s.heading {
			ch = noChain
			if i >= lay.planStart {
				if h := classifyHeading(sentence(), d.PlanYear); h != sectionNone {
					p = part{sec: h}
					if h == sectionReview {
						p.spanYears = reviewSpan(sentence(), d.PlanYear)
					}
				}
			}
		}
		if p.spanYears > 0 && !s.heading && startsParagraph(text, s) {
			p.paraYear = paragraphYear(sentence(), d.PlanYear)
		}
		qs, err := x.match(text[s.start:s.end])
		if err != nil {
			timedOut = ErrTimeout
		}
		before := ch // the sentences this one is chained to
		semicolon := text[s.end-1] == '；' || text[s.end-1] == ';'
		var own timeWords
		if semicolon || len(qs) > 0 {
			own = findTimeWords(sentence())
		}
		if semicolon {
			ch = ch.add(sentence(), own)
		} else {
			ch = noChain
		}
		if len(qs) == 0 {
			continue
		}
		an := newAnalysis(text[s.start:s.end], sentence(), before.words.then(len(before.text), own), x.seg)
		an.qs = qs
		var sf []*fact
		var prev *fact
		for i := range qs {
			f := an.describe(&qs[i], prev, p, before.text, d.PlanYear)
			sf = append(sf, f)
			prev = f
		}
		an.distribute(sf)
		pairYears(sf, p, an.s, d.PlanYear)
		for _, f := range sf {
			facts = append(facts, f.row(d, orig, view, s.span))
		}
	}
	sort.SliceStable(facts, func(i, j int) bool { return facts[i].Start < facts[j].Start })
	for i := range facts {
		facts[i].FactID = int32(i + 1)
	}
	x.tax.AssignFacts(facts)
	return facts, out, timedOut
}

// quantity is a rule match read into numbers. Offsets are code points into
// the sentence.
type quantity struct {
	rule       *compiledRule
	start, end int  // the whole match
	core       span // the number (and its multiplier)
	unitSpan   span // the unit, empty for Fixed rules
	pre, post  span // bound words, empty if absent
	low, high  *big.Rat
	written    *big.Rat // the number as written, before the unit scales it (四百斤: 400)
	bound      string
	unit       string // canonical unit
	unitText   string
	classifier string
	minus      bool // core starts with a minus sign (see signed)
}

// match runs the rules over one sentence and returns its quantities, in
// order, none overlapping. Rules run only on windows around the characters
// a quantity can start with (see windows): text far from any number cannot
// match, and scanning it costs most of the time.
func (x *Extractor) match(s []rune) ([]quantity, error) {
	var out []quantity
	var failed error
	for _, w := range windows(s) {
		ws := s[w.start:w.end]
		for at := 0; at < len(ws); at++ {
			m, r, err := x.rules.matchAt(ws, at)
			if err != nil {
				failed = err
				break
			}
			if m == nil || m.Length == 0 || r == nil {
				continue
			}
			if r.Yield != Reject {
				q, ok := read(r, m, ws)
				if !ok {
					continue // let a later position try
				}
				q.shift(w.start)
				out = append(out, q)
			}
			at = m.Index + m.Length - 1
		}
	}
	return out, failed
}

// windowMargin is how far a rule may look around the character that
// triggers it: the longest bound word, quoted name or project prefix.
const windowMargin = 16

// windows returns the merged spans of s around each possible start of a
// quantity: an Arabic digit, 翻 (翻番), 两位数, or a run of Chinese
// numerals followed by a unit (一万亩; not 一批, 一体化).
func windows(s []rune) []span {
	var out []span
	for i := 0; i < len(s); i++ {
		r := s[i]
		j := i + 1
		switch {
		case r >= '0' && r <= '9' || r == '翻':
		case r == '两' && j+1 < len(s) && s[j] == '位' && s[j+1] == '数':
		case isChineseNumeral(r):
			for j < len(s) && (isChineseNumeral(s[j]) || (s[j] == '点' || s[j] == '點') && j+1 < len(s) && isChineseNumeral(s[j+1])) {
				j++
			}
			// the run may end inside a unit: 千万【千】瓦; 百分之 and 千分之
			// come before the number
			percent := j+1 < len(s) && s[j] == '分' && s[j+1] == '之'
			if !percent && (j == len(s) || !unitStarts[s[j]] && !unitStarts[s[j-1]] && s[j] != '多' && s[j] != '余') {
				i = j - 1
				continue
			}
		default:
			continue
		}
		st, en := max(0, i-windowMargin), min(len(s), j+windowMargin)
		if n := len(out); n > 0 && st <= out[n-1].end {
			out[n-1].end = max(out[n-1].end, en)
		} else {
			out = append(out, span{st, en})
		}
		i = j - 1
	}
	return out
}

// unitStarts holds the first character of every unit.
var unitStarts = func() map[rune]bool {
	m := map[rune]bool{}
	for _, u := range normalize.BaseUnits {
		m[[]rune(u.Text)[0]] = true
	}
	return m
}()

func isChineseNumeral(r rune) bool {
	switch r {
	case '零', '〇', '一', '二', '两', '三', '四', '五', '六', '七', '八', '九', '十', '百', '千', '万', '亿', '萬', '億':
		return true
	}
	return false
}

// shift moves the quantity's offsets by d.
func (q *quantity) shift(d int) {
	for _, sp := range []*span{&q.core, &q.unitSpan, &q.pre, &q.post} {
		if sp.end > sp.start {
			sp.start += d
			sp.end += d
		}
	}
	q.start += d
	q.end += d
}

func group(m *regexp2.Match, name string) (string, span, bool) {
	g := m.GroupByName(name)
	if g == nil || g.Length == 0 {
		return "", span{}, false
	}
	return g.String(), span{g.Index, g.Index + g.Length}, true
}

// read turns a match into a quantity, or reports false when the numbers do
// not hold up (an unparsable number, a range whose ends are not ordered, a
// threshold inside a name).
func read(r *compiledRule, m *regexp2.Match, s []rune) (quantity, bool) {
	q := quantity{rule: r, start: m.Index, end: m.Index + m.Length}
	if r.Yield == Fixed {
		q.core = span{q.start, q.end}
		q.low, q.high = new(big.Rat).SetFloat64(r.Low), new(big.Rat).SetFloat64(r.High)
		q.bound, q.unit = r.Bound, r.Unit
		return q, true
	}
	num, numSpan, _ := group(m, "num")
	mult, multSpan, hasMult := group(m, "mult")
	unitText, unitSpan, _ := group(m, "unit")
	q.core = numSpan
	if hasMult {
		q.core.end = multSpan.end
	}
	q.unitSpan = unitSpan
	if r.Yield == Point && signed(s, numSpan.start) {
		q.core.start--
		q.minus = true
	}
	// the quantity starts at its bound word or number (or a unit written
	// before it: 百分之五): a rule's leading context (由 in "由2.3%") is
	// not part of it
	q.start = q.core.start
	if unitSpan.end > unitSpan.start && unitSpan.start < q.start {
		q.start = unitSpan.start
	}
	q.pre = boundBefore(s, q.start)
	_, q.post, _ = group(m, "post")
	if q.pre.end > q.pre.start {
		q.start = q.pre.start
	}

	// a multiplier may come before or after 多/余: 2万多名, 3400多万人次
	if m3, ms3, ok := group(m, "mult3"); ok {
		if r.ChineseDigits {
			// it closes the Chinese number: 三亿三千五百【万】 is
			// 三亿三千五百万, not 三亿三千五百 times 万
			num, m3 = num+m3, ""
		}
		mult, hasMult = mult+m3, m3 != "" || hasMult
		if q.core.end < ms3.end && ms3.start == q.core.end {
			q.core.end = ms3.end
		}
	}
	if r.Several {
		// 几千万: the digit is unstated; read 一千万 and widen it below
		num = "一" + num
		q.core.start--
		q.start = min(q.start, q.core.start)
	}
	bare := false
	if !r.ChineseDigits && strings.HasSuffix(unitText, "之") && strings.ContainsRune("十百千", []rune(num)[0]) {
		num = "一" + num // 百分之百
	}
	if r.ChineseDigits && strings.ContainsRune("百千万亿", []rune(num)[0]) {
		// a bare multiplier is one of it: 突破【千万】千瓦, 近【万】元
		num, bare = "一"+num, true
	}
	written := mult + unitText
	u, ok := normalize.LookupUnit(written)
	value, err := normalize.ParseNumber(num + mult)
	q.written = value
	if err != nil {
		return q, false
	}
	if ok && hasMult {
		// the multiplier is part of the unit as written (万千瓦, 亿元)
		value, err = normalize.ParseNumber(num)
		if err != nil {
			return q, false
		}
	} else {
		u, ok = normalize.LookupUnit(unitText)
	}
	q.unitText = written
	if ok {
		q.unit, q.classifier = u.Canonical, u.Classifier
		value = u.Scale(value)
	} else {
		q.unit = "other"
	}
	q.low, q.high = value, value
	q.bound = "eq"
	if more, _, ok := group(m, "more"); ok {
		q.bound, _ = normalize.LookupBound(more, false)
	}
	if q.pre.end > q.pre.start {
		q.bound, _ = normalize.LookupBound(string(s[q.pre.start:q.pre.end]), true)
	}
	if post, _, ok := group(m, "post"); ok {
		q.bound, _ = normalize.LookupBound(post, false)
	}
	if r.Several {
		q.low = new(big.Rat).Mul(value, big.NewRat(2, 1))
		q.high = new(big.Rat).Mul(value, big.NewRat(9, 1))
		q.bound = "range"
	}
	if r.Yield == Range {
		lo, err := normalize.ParseNumber(num + mult)
		if err != nil {
			return q, false
		}
		num2, s2, _ := group(m, "num2")
		mult2, _, _ := group(m, "mult2")
		hi, err := normalize.ParseNumber(num2 + mult2)
		if err != nil {
			return q, false
		}
		u2, shared := normalize.LookupUnit(unitText)
		if shared {
			hi = u2.Scale(hi)
		}
		if u1, _, ok := group(m, "unit1"); ok {
			lu, ok := normalize.LookupUnit(u1)
			if !ok {
				return q, false
			}
			lo = lu.Scale(lo)
		} else {
			// the low end shares the high end's multiplier and unit:
			// 3-5万亩 is 3万 to 5万亩, 8至10亿元 is 8亿 to 10亿元 (unless
			// that would pass the high end: 500-1万元)
			if mult == "" && mult2 != "" {
				if v, err := normalize.ParseNumber(num + mult2); err == nil && (!shared || u2.Scale(v).Cmp(hi) < 0) {
					lo = v
				}
			}
			if shared {
				lo = u2.Scale(lo)
			}
		}
		if lo.Cmp(hi) >= 0 {
			return q, false
		}
		q.low, q.high, q.bound = lo, hi, "range"
		q.core.end = s2.end
		if _, ms2, ok := group(m, "mult2"); ok {
			q.core.end = ms2.end
		}
	}
	if bare && (q.pre.end == q.pre.start || startsHanNoun(string(s[q.end:min(len(s), q.end+2)]))) {
		// only a bound word makes a bare multiplier a figure (突破千万千瓦,
		// 近万元); otherwise it is a scale word in a name (万亩示范片,
		// 万元GDP用水量)
		return q, false
	}
	if math.IsInf(normalize.Float(q.low), 0) || math.IsInf(normalize.Float(q.high), 0) {
		return q, false // beyond float64: not a figure of any report
	}
	return q, plausible(&q, s)
}

// signed reports whether the number starting at i has a minus sign: '-'
// or 负 right before it, not itself after a digit, a Latin letter, a dash
// or a Chinese numeral (3-5 and G-5 are a range and a code). Whether the
// '-' was a minus or the Chinese dash —— is told from the original text
// when the fact is written.
func signed(s []rune, i int) bool {
	if i == 0 || s[i-1] != '-' && s[i-1] != '负' {
		return false
	}
	if i >= 2 {
		p := s[i-2]
		if p >= '0' && p <= '9' || p == '.' || p == ',' || p == '-' || p < 0x80 && unicode.IsLetter(p) || isChineseNumeral(p) || p == '正' {
			return false
		}
	}
	return true
}

// boundBefore returns the span of the longest bound word written before a
// number (不少于, 超过, 近) that ends at i, or an empty span. It is read
// here, not in the rule patterns, so that every quantity pattern starts
// with the number itself and regexp2 skips ahead to candidate characters.
func boundBefore(s []rune, i int) span {
	best := span{}
	for _, w := range boundsBefore {
		n := len(w)
		if n == 1 && w[0] == '约' && n < i && strings.ContainsRune(wordsEndingInYue, s[i-2]) {
			continue // 国际条约187个: 约 ends a word, it bounds nothing
		}
		if n <= i && n > best.end-best.start && slices.Equal(s[i-n:i], w) {
			best = span{i - n, i}
		}
	}
	return best
}

// wordsEndingInYue are the first characters of words ending in 约 (条约,
// 公约, 节约, 制约 …), which is then no bound word.
const wordsEndingInYue = "条公合契节制预签履违纽相邀特婚立誓"

// boundsBefore holds the bound words written before a number, as runes.
var boundsBefore = func() [][]rune {
	var out [][]rune
	for _, w := range normalize.BoundWords {
		if w.Before {
			out = append(out, []rune(w.Word))
		}
	}
	return out
}()

// plausible applies the checks a reader makes on a candidate quantity: a
// scale word (百亿级), a threshold inside a category name (亿元以上项目), an
// age or time span naming a group (0-3岁婴幼儿), a Chinese-numeral count
// without an action (一个中心, 八个方面).
func plausible(q *quantity, s []rune) bool {
	after := string(s[q.end:min(len(s), q.end+6)])
	if strings.HasPrefix(after, "级") || strings.HasPrefix(after, "强") {
		return false
	}
	postWord := string(s[q.post.start:q.post.end])
	if q.unit != "count" && q.unit != "percent" && q.unit != "pp" && (postWord == "以上" || postWord == "以下") && startsHanNoun(after) {
		return false
	}
	if isProjectCapacity(q, s) {
		return false
	}
	if q.unit == "other" {
		switch q.unitText {
		case "岁":
			return strings.Contains(string(s[:q.start]), "寿命")
		case "小时":
			if startsHanNoun(after) {
				return false
			}
		}
	}
	if q.unitText == "成" && strings.HasPrefix(after, "不") {
		return false // 一成不变
	}
	if q.rule.ChineseDigits && q.unit != "times" && q.unit != "percent" && q.written != nil && q.written.Cmp(big.NewRat(2, 1)) < 0 {
		return false // 一度出现, 最初一公里, 一亩泉; but 增长一点八倍
	}
	if q.rule.ChineseDigits && (q.unit == "count" || q.unit == "other") {
		// a number of a hundred or more (两亿零七百万人), or of ten or
		// more with a bound word (二百四十多个, 近一万五千人, 十余家), is a
		// figure; a smaller bare count needs an action (not “十三件”工程,
		// 保才十八条, 突破两个千亿大关)
		figure := q.low.Cmp(big.NewRat(100, 1)) >= 0 || q.bound != "eq" && q.low.Cmp(big.NewRat(10, 1)) >= 0
		if !figure {
			// 新建两个…, 科苑等三个片区, or a count closing its clause
			// after an action (培育科技领军企业两家。); not 一个中心, 八个方面
			before := string(s[max(0, q.start-4):q.start])
			clause := string(s[clauseStartOf(s, q.start):q.start])
			closes := q.end == len(s) || isClauseMark(s[q.end])
			if !hasSuffixAny(before, deltaCues) && !strings.HasSuffix(before, "等") && !(closes && hasAny(clause, deltaCues)) {
				return false
			}
		}
	}
	return true
}

// clauseStartOf returns the start of the clause of s holding position i.
func clauseStartOf(s []rune, i int) int {
	for i > 0 && !isClauseMark(s[i-1]) {
		i--
	}
	return i
}

// startsHanNoun reports whether s starts with a Chinese character that
// continues a noun phrase rather than ending the clause or adding a verb.
func startsHanNoun(s string) bool {
	for _, r := range s {
		if !isHan(r) {
			return false
		}
		return !strings.ContainsRune("的和或及并且、，。；左约等", r)
	}
	return false
}

func isHan(r rune) bool { return r >= 0x4E00 && r <= 0x9FFF || r >= 0x3400 && r <= 0x4DBF }

func hasSuffixAny(s string, words []string) bool {
	for _, w := range words {
		if strings.HasSuffix(s, w) {
			return true
		}
	}
	return false
}

// isProjectCapacity reports a capacity inside a project's name: a physical
// quantity between a company name and a product, in a list of projects
// (齐鲁石化100万吨乙烯…等项目, 牧原集团200万头生猪屠宰…项目). A cue right
// before the number (建设1.5万亩…) makes it a commitment instead.
func isProjectCapacity(q *quantity, s []rune) bool {
	switch q.unit {
	case "count", "percent", "pp", "CNY", "USD", "day":
		if q.unit != "count" || q.classifier != "头" {
			return false
		}
	}
	if q.pre.end > q.pre.start || q.start == 0 || !isHan(s[q.start-1]) || !startsHanNoun(string(s[q.end:min(len(s), q.end+2)])) {
		return false
	}
	if hasSuffixAny(string(s[max(0, q.start-6):q.start]), allCues) {
		return false
	}
	rest := string(s[q.end:min(len(s), q.end+60)])
	if i := strings.IndexAny(rest, "。；;"); i >= 0 {
		rest = rest[:i]
	}
	return strings.Contains(rest, "项目")
}
