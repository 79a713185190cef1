package extract

// Candidates: the windows rules run on, rule matches read into quantities,
// and the checks that drop implausible ones.

import (
	"math"
	"math/big"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/gwrfacts/gwr/normalize"
	"github.com/gwrfacts/gwr/schema"
)

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
	bound      schema.Bound
	unit       schema.Unit // canonical unit
	unitText   string
	classifier string
	minus      bool // core starts with a minus sign (see signed)
	leadBound  bool // the bound is a word before the number (不少于70项, 约为…的70%)
	// claims: dropped as part of a name (a threshold of a category: the
	// 20%—40% of 空置率20%—40%的空心村), the match claims its span as a
	// reject rule does: no later position inside it starts a quantity
	claims bool
}

// match runs the rules over one sentence and returns its quantities, in
// order, none overlapping. Rules run only on windows around the characters
// a quantity can start with (see appendWindows): text far from any number cannot
// match, and scanning it costs most of the time. Each position tried is
// counted against work; past its limit, match stops with the error.
//
// When drops is not nil, every candidate that does not become a quantity
// is added to it with the reason (see Explain).
func (x *Extractor) match(s []rune, drops *[]drop, work *ruleWork) ([]quantity, error) {
	var buf [8]span // most sentences have fewer windows: none on the heap
	windows := appendWindows(buf[:0], s)
	if len(windows) == 0 {
		return nil, nil // most sentences: no gateScan to clear
	}
	var out []quantity
	var gs gateScan
	for _, w := range windows {
		ws := s[w.start:w.end]
		gs.reset(len(x.rules.rules))
		for at := 0; at < len(ws); at++ {
			if x.rules.at(ws[at]) == 0 {
				continue // most characters start no rule: one table look-up
			}
			first := x.rules.candidates(ws, at)
			if first == 0 {
				continue
			}
			if err := work.spend(len(ws) - at); err != nil {
				if drops != nil {
					*drops = append(*drops, drop{span{w.start + at, w.end}, "", err.Error()})
				}
				return out, err
			}
			// the explainer, which lists the drops, asks regexp2 where
			// only what read would drop can match
			m, r, err := x.rules.matchGated(first, ws, at, &gs, drops == nil)
			if err != nil {
				return out, err
			}
			if r == nil || m.end == m.start {
				continue
			}
			if r.Yield == Reject {
				if drops != nil {
					*drops = append(*drops, drop{span{w.start + m.start, w.start + m.end}, r.ID, "claimed by reject rule " + r.ID + ": " + r.Doc})
				}
			} else {
				q, why := read(r, &m, ws)
				if why != "" {
					if drops != nil {
						*drops = append(*drops, drop{span{w.start + m.start, w.start + m.end}, r.ID, why})
					}
					if q.claims {
						at = m.end - 1
					}
					continue // let a later position try
				}
				q.shift(w.start)
				if why := inSentence(&q, s, out); why != "" {
					if drops != nil {
						*drops = append(*drops, drop{span{q.start, q.end}, r.ID, why})
					}
					continue // let a later position try
				}
				if out == nil {
					// room for two: a sentence with a figure often
					// has a second, and append would grow 1 -> 2
					out = make([]quantity, 0, 2)
				}
				out = append(out, q)
			}
			at = m.end - 1
		}
	}
	return out, nil
}

// drop is a candidate that did not become a quantity: its span in the
// sentence, the rule that matched it ("" if none) and why.
type drop struct {
	span
	rule, why string
}

// windowMargin is how far a rule may look around the character that
// triggers it: the longest bound word, quoted name or project prefix.
const windowMargin = 16

// appendWindows appends to out the merged spans of s around each possible
// start of a quantity: an Arabic digit, 翻 (翻番), 两位数, or a run of
// Chinese numerals followed by a unit (一万亩; not 一批, 一体化).
func appendWindows(out []span, s []rune) []span {
	openers := windowOpeners // (a global is loaded again at each character)
	for i := 0; i < len(s); i++ {
		r := s[i]
		if !openers.has(r) {
			continue // most characters: one test of a small bitmap
		}
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
			if !percent && (j == len(s) || !unitStart(s[j]) && !unitStart(s[j-1]) && s[j] != '多' && s[j] != '余') {
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

// windowOpeners holds the characters appendWindows looks further at:
// digits, 翻, 两 and the numerals. 8 KB, that stay in the cache where
// runeClasses's 64 KB do not. (A character outside the BMP passes it, as
// any runeSet's, and goes on to appendWindows' switch, which opens no
// window there.)
var windowOpeners = func() *runeSet {
	var set runeSet
	for r := rune(0); r < 0x10000; r++ {
		if r >= '0' && r <= '9' || r == '翻' || r == '两' || isChineseNumeral(r) {
			set.add(r)
		}
	}
	return &set
}()

// runeClass is what the scans around numbers ask of a character, as bits:
// one table look-up instead of a search of a string or a map at each
// character of the text.
type runeClass uint8

const (
	numeralClass          runeClass = 1 << iota // a numeral of normalize.ChineseNumeralClass, or 萬 億
	oneToTenClass                               // 一 to 十: a run no rule starts inside (see insideRun)
	unitStartClass                              // the first character of a unit
	phraseMarkClass                             // one of phraseMarks
	leadingTimeFirstClass                       // one of leadingTimeFirst
	clauseMarkClass                             // a mark normalize.IsClauseMark reports
)

// runeClasses holds the classes of the BMP characters; every numeral and
// the first character of every unit are in it (TestRuneClasses).
var runeClasses = func() *[0x10000]runeClass {
	var t [0x10000]runeClass
	for _, r := range normalize.ChineseNumeralClass + "萬億" { // 萬 億: traditional characters
		t[r] |= numeralClass
	}
	for _, r := range "一二三四五六七八九十" {
		t[r] |= oneToTenClass
	}
	for _, u := range normalize.BaseUnits {
		if r, _ := utf8.DecodeRuneInString(u.Text); r < 0x10000 {
			t[r] |= unitStartClass
		}
	}
	for _, r := range phraseMarks {
		t[r] |= phraseMarkClass
	}
	for _, r := range leadingTimeFirst {
		t[r] |= leadingTimeFirstClass
	}
	for r := range rune(len(t)) {
		if normalize.IsClauseMark(r) {
			t[r] |= clauseMarkClass
		}
	}
	return &t
}()

// classOf returns the classes of r; a character outside the BMP has none.
func classOf(r rune) runeClass {
	if uint32(r) < 0x10000 {
		return runeClasses[r]
	}
	return 0
}

// unitStart reports whether r is the first character of a unit.
func unitStart(r rune) bool { return classOf(r)&unitStartClass != 0 }

// isChineseNumeral reports a numeral of normalize.ChineseNumeralClass, or
// 萬 億.
func isChineseNumeral(r rune) bool { return classOf(r)&numeralClass != 0 }

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

// read turns a match into a quantity, or reports false when the numbers do
// not hold up (an unparsable number, a range whose ends are not ordered, a
// threshold inside a name).
func read(r *compiledRule, m *ruleMatch, s []rune) (quantity, string) {
	q := quantity{rule: r, start: m.start, end: m.end}
	if r.Yield == Fixed {
		q.core = span{q.start, q.end}
		q.low, q.high = new(big.Rat).Set(r.low), new(big.Rat).Set(r.high)
		q.bound, q.unit = r.Bound, r.Unit
		return q, ""
	}
	numSpan := m.groups[gNum]
	// a plain decimal with no multiplier, written after its unit if any
	// (most numbers), has its value read from its code points, and no
	// text made
	var plain *big.Rat
	if readQuick && r.Yield == Point && !r.ChineseDigits && !r.Several && m.groups[gMult].end == m.groups[gMult].start && m.groups[gMult3].end == m.groups[gMult3].start {
		plain, _ = normalize.ParseDecimalRunes(s[numSpan.start:numSpan.end])
	}
	var num string
	if plain == nil {
		num = string(s[numSpan.start:numSpan.end])
	}
	mult, multSpan, hasMult := m.group(s, gMult)
	unitText, unitSpan := m.unit(s)
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
	post, postSpan, hasPost := m.group(s, gPost)
	q.post = postSpan
	if q.pre.end > q.pre.start {
		q.start = q.pre.start
		q.leadBound = true
	}

	// a multiplier may come before or after 多/余: 2万多名, 3400多万人次
	if m3, ms3, ok := m.group(s, gMult3); ok {
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
	if plain == nil && !r.ChineseDigits && strings.HasSuffix(unitText, "之") && strings.ContainsRune("十百千", []rune(num)[0]) {
		num = "一" + num // 百分之百
	}
	if r.ChineseDigits && strings.ContainsRune("百千万亿", []rune(num)[0]) {
		// a bare multiplier is one of it: 突破【千万】千瓦, 近【万】元
		num, bare = "一"+num, true
	}
	// the unit as written, and the number with its multiplier: most
	// quantities have no multiplier, and no strings to join
	written, numMult := unitText, num
	if mult != "" {
		written, numMult = mult+unitText, num+mult
	}
	u, ok := normalize.LookupUnit(written)
	value, err := plain, error(nil)
	if plain == nil {
		value, err = normalize.ParseNumber(numMult)
	}
	q.written = value
	if err != nil {
		return q, "the number does not parse: " + numMult
	}
	if ok && hasMult {
		// the multiplier is part of the unit as written (万千瓦, 亿元)
		value, err = normalize.ParseNumber(num)
		if err != nil {
			return q, "the number does not parse: " + num
		}
	} else if hasMult {
		// (without a multiplier, written is unitText: looked up above)
		u, ok = normalize.LookupUnit(unitText)
	}
	q.unitText = written
	if ok {
		q.unit, q.classifier = schema.Unit(u.Canonical), u.Classifier
		if u.Exp != 0 || u.Mul != 0 {
			// a unit of scale one (个, 元, %) keeps the value as parsed:
			// it is read's own, and no one changes a quantity's values
			value = u.Scale(value)
		}
	} else {
		q.unit = schema.Other
	}
	q.low, q.high = value, value
	q.bound = schema.Eq
	if more, _, ok := m.group(s, gMore); ok {
		q.bound = lookupBound(more, false)
	}
	if q.pre.end > q.pre.start {
		q.bound = lookupBound(string(s[q.pre.start:q.pre.end]), true)
	}
	if hasPost {
		q.bound = lookupBound(post, false)
	}
	if r.Several {
		q.low = new(big.Rat).Mul(value, ratTwo)
		q.high = new(big.Rat).Mul(value, ratNine)
		q.bound = schema.Range
	}
	if r.Yield == Range {
		lo := new(big.Rat).Set(q.written) // num + mult, parsed above
		num2, s2, _ := m.group(s, gNum2)
		mult2, ms2, hasMult2 := m.group(s, gMult2)
		hi, err := normalize.ParseNumber(num2 + mult2)
		if err != nil {
			return q, "the high end does not parse: " + num2 + mult2
		}
		u2, shared := normalize.LookupUnit(unitText)
		if shared {
			hi = u2.Scale(hi)
		}
		if u1, _, ok := m.group(s, gUnit1); ok {
			lu, ok := normalize.LookupUnit(u1)
			if !ok {
				return q, "the low end's unit is not a unit: " + u1
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
			return q, "the ends of the range are not in order"
		}
		q.low, q.high, q.bound = lo, hi, schema.Range
		q.core.end = s2.end
		if hasMult2 {
			q.core.end = ms2.end
		}
	}
	if bare && !bareCount(&q, s) && (q.pre.end == q.pre.start || startsHanNounAt(s, q.end)) {
		// only a bound word makes a bare multiplier a figure (突破千万千瓦,
		// 近万元); otherwise it is a scale word in a name (万亩示范片,
		// 万元GDP用水量)
		return q, "a bare multiplier without a bound word: a scale word in a name"
	}
	if math.IsInf(normalize.Float(q.low), 0) || math.IsInf(normalize.Float(q.high), 0) {
		return q, "beyond float64: not a figure of any report"
	}
	return q, implausible(&q, s)
}

// readQuick turns on read's quick path for plain decimals
// (normalize.ParseDecimalRunes): false only in TestReadQuick, which
// checks that it changes nothing.
var readQuick = true

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
		if s[i-1] == '负' && strings.ContainsRune(wordsEndingInFu, p) {
			return false // 为企业减负100亿元, 降低税负5700亿元: 负 ends a word
		}
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
	if i == 0 || !boundBeforeLast.has(s[i-1]) {
		return best // no bound word ends here (most numbers)
	}
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

// wordsEndingInFu are the first characters of words ending in 负 (减负,
// 税负, 胜负, 担负 …), which is then no minus sign.
const wordsEndingInFu = "减税胜抱担肩欺辜重自"

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

// boundBeforeLast holds the last characters of boundsBefore, as bits:
// boundBefore tests the character before every number, and one bit is a
// test where a search of the list was one for each of its characters.
var boundBeforeLast = func() *runeSet {
	var set runeSet
	for _, w := range boundsBefore {
		set.add(w[len(w)-1])
	}
	return &set
}()

// lookupBound is normalize.LookupBound as a schema.Bound.
func lookupBound(word string, before bool) schema.Bound {
	b, _ := normalize.LookupBound(word, before)
	return schema.Bound(b)
}

// bareCount reports a round count written as a bare multiplier and a
// measure word that a bound word or an action governs: 举办超千场体育赛事,
// 近百场大型演唱会, 举办千场专业性会议 (not 惠及千家万户, a saying). The
// things counted follow it, so a noun after it does not make it a scale
// word (as 万亩示范片 is).
func bareCount(q *quantity, s []rune) bool {
	if q.unit != schema.Count {
		return false
	}
	if q.end < len(s) && slices.Contains(classifierWords, string(s[q.end-1:q.end+1])) {
		return false // 惠及近千万家庭: 家 starts a noun, it counts nothing
	}
	if q.pre.end > q.pre.start {
		return true
	}
	if q.end < len(s) && isChineseNumeral(s[q.end]) {
		return false // 惠及千家万户: a saying
	}
	return deltaCueEnds.endOf(string(s[max(0, q.start-4):q.start]))
}

// classifierWords are nouns that start with a measure word: after a bare
// multiplier (近千万家庭) the measure word is the noun's, not a count's.
var classifierWords = []string{"家庭", "家长", "人口", "人员", "户籍", "场所", "场地", "台阶", "条件", "项目", "个人"}
