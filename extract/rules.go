package extract

import (
	"fmt"
	"maps"
	"math/big"
	"math/bits"
	"regexp"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"unicode/utf8"

	"github.com/dlclark/regexp2/v2"
	"github.com/dlclark/regexp2/v2/syntax"

	"github.com/gwrfacts/gwr/extract/lexicon"
	"github.com/gwrfacts/gwr/normalize"
	"github.com/gwrfacts/gwr/schema"
)

// Yield says what a rule's match becomes.
type Yield int

const (
	// Reject claims the span: no fact may overlap it.
	Reject Yield = iota
	// Point is one quantity: groups pre, num, mult, more, unit, post.
	Point
	// Range is two numbers sharing a unit: groups num, mult, unit1 (optional
	// unit of the low end), num2, mult2, more, unit, post.
	Range
	// Fixed is a word with a fixed value (翻番, 两位数增长): the rule's
	// Value fields give the row.
	Fixed
)

// Rule is one pattern rule: a row of the Rules table.
type Rule struct {
	ID      string
	Doc     string
	Pattern string // regexp2 pattern; {NUM} {CN} {MULT} {UNIT} {POST} are expanded from the normalize tables, {FROMTO} from the lexicon
	Yield   Yield
	// For Fixed rules: the row's value (exact decimals, as written: "99.99"),
	// bound, unit and measure.
	Low, High     string
	Bound         schema.Bound
	Unit          schema.Unit
	FixedMeasure  schema.Measure
	FixedCue      string
	ChineseDigits bool // the number is written in Chinese numerals: stricter checks apply
	// Several: the number is 几 or 数 before a multiplier (几千万, 数十), an
	// unstated digit from 2 to 9: the row is that range times the multiplier.
	Several bool
}

// Rules is the rule set, in priority order: a match is kept only if it does
// not overlap a match of an earlier rule (or an earlier match of the same
// rule).
var Rules = []Rule{
	{ID: "reject-quoted-name", Yield: Reject,
		Doc:     "a number inside a short quoted name is part of the name: “两个100%”, “人才金政50条”, “3510”",
		Pattern: `[“"‘「《][^“”"‘’「」《》，。；\n]{0,16}?\d[^“”"‘’「」《》，。；\n]{0,16}?[”"’」》]`},
	{ID: "reject-ordinal", Yield: Reject,
		Doc:     "ordinals and ranks: 第十九届, 第4名, 第54位, 第五批, 全国前40, 前十, a plenary session (十一届九次、十次全会)",
		Pattern: `第[\d零〇一二两三四五六七八九十百千]+(?:{UNIT})?|(?:前|后)[\d一二三四五六七八九十百]+(?:名|位|强)?|[\d一二三四五六七八九十百千](?<![\d一二三四五六七八九十百千]{2})(?>[\d一二三四五六七八九十百千]*)(?:强|次(?:(?<=届[\d一二三四五六七八九十百千]+次)|(?=(?:、[\d一二三四五六七八九十]+次)*(?:全会|全体会议))))`},
	{ID: "reject-date", Yield: Reject,
		Doc:     "dates, years and month spans: 2024年, 1月9日, 2022-01-30, 6月底, 12个月",
		Pattern: `(?={DATE_AHEAD})(?:{RUN}个月|{D1}\d{3}\s*年(?:\d{1,2}\s*月(?:\d{1,2}\s*日)?)?|{D1}\d?\s*月\s*\d{1,2}\s*日|{D1}\d{3}-\d{1,2}-\d{1,2}|{D1}\d?\s*月(?:底|末|份|中旬|上旬|下旬|前|初)?)`},
	{ID: "reject-code", Yield: Reject,
		Doc:     "codes and names with digits: 5G, PM2.5, 4A级, 110千伏, 12345热线, 3+2, 5+N",
		Pattern: `PM\s*2\.5|PM10|{RUN}(?:\s*G(?![a-z])|A级|\s*(?:千伏|kV|KV)|(?<=\d{5})\s*(?:热线|平台|服务)|\s*\+\s*(?:\d+|[A-Z]))|[A-Z]{1,5}\d+`},
	{ID: "reject-named-count", Yield: Reject,
		Doc:     "numbers naming a programme: 九大政策, 八个方面, 三年攻坚行动, 十大行动, 6大集群, 五天工作制, 四个现代化, 抓好三件事, 三个专项, 八个一, 三条控制线 (but 开展65个专项行动 counts them, 154个一般性风险点 are counted)",
		Pattern: `(?={COUNT_AHEAD})(?:[\d一二三四五六七八九十两](?<![\d一二三四五六七八九十两]{2})(?>[\d一二三四五六七八九十两]*)(?:大|个(?:方面|一(?!般|体|流|级|线|类|站|次)|(?<!\d个)专项|现代化)|方面|年(?:攻坚|行动|计划)|项行动|件(?:实事|事)|条(?:措施|意见|政策|控制线|红线|底线)|天工作制)|{RUN}条(?=等|政策|措施|意见|”|"))`},
	{ID: "reject-capacity", Yield: Reject,
		Doc:     "a capacity inside a project name: 年产20万吨…项目, 年处理5000吨",
		Pattern: `(?:年产|年处理|年加工|年吞吐|年出栏|年存栏|年生产|日处理|日产)(?:能力)?\s*{NUM}{MULT}(?:{UNIT})?`},
	{ID: "reject-threshold", Yield: Reject,
		Doc:     "a money threshold inside a category name: 过5亿元项目, 亿元以上项目, 5000万元以上企业, 3个过三千亿元城市",
		Pattern: `(?:(?:过|超|超过)(?:{NUM}|{CN}){MULT}(?:元|美元)|(?={THRESHOLD_AHEAD}){NUM}{MULT}(?:元|美元)(?:以上|以下))(?=(?:重大|重点|产业|工业|制造业|龙头|骨干|招商|外资)?(?:项目|企业|产业|集群|工程|园区|品牌|城市))`},
	{ID: "range", Yield: Range,
		Doc:     "a range with one unit or a unit on both ends: 3-5个, 5%-6%, 60万吨至65万吨, 8至10亿元",
		Pattern: `(?<num>{NUM})(?={RANGE_AHEAD})(?<mult>{MULT})(?<unit1>{UNIT})?\s*(?:-|~|至|到)\s*(?<num2>{NUM})(?<mult2>{MULT})(?<more>多|余)?(?<unit>{UNIT})(?<post>{POST})?`},
	{ID: "from-to", Yield: Point,
		Doc:     "the start of a change: 由2.3%提高到2.5%, 由106家整合为50家, 由二千一百八十七亿元增加到…, 从9000多公里增加到…, 从人均8.7万元提高到…, 由每人每年120元提高到… (the 2.3%; the 2.5% is a point of its own)",
		Pattern: `(?:由|从)(?:人均|(?:每[人户生])?每[月年天日]|每[人户生])?(?<num>{NUM}|{CN})(?<mult>{MULT})(?<more>多|余)?(?<mult3>{MULT})(?<unit>{UNIT})(?=\s*{FROMTO}(?:到|至|为))`},
	{ID: "mixed-point", Yield: Point,
		Doc:     "digits with two multipliers, as Chinese numerals are written: 1万6千多户 (16000), 2万5千公里, 3亿5千万元",
		Pattern: `(?<num>{RUN}[万亿](?:\d(?:千万|千|百万|百|十)){1,3})(?<mult>)(?<more>多|余)?(?<unit>{UNIT})(?<post>{POST})?`},
	{ID: "point", Yield: Point,
		Doc:     "a number with its unit and bound words: 10家以上, 6.5%左右, 不少于70项, 3.42亿元, 2万多名, 3400多万人次",
		Pattern: `(?<num>{NUM})(?<mult>{MULT})(?<more>多|余)?(?<mult3>{MULT})(?<unit>{UNIT})(?<post>{POST})?`},
	{ID: "decimal-years", Yield: Point,
		Doc:     "years with a decimal, as of schooling: 平均受教育年限提高到10.5年, 从10.23年提高到10.8年 (unit other, unit_text 年; no date has a decimal point)",
		Pattern: `(?<num>{NUM})(?<=\.\d+)(?<mult>)(?<unit>年)(?<post>{POST})?`},
	{ID: "bare-multiplier", Yield: Point,
		Doc:     "a count in 万 or 亿 with no measure word, of the people named after it or before it: 3000万贫困人口, 近6000万低保人员, 500多万在校生, 242万偏远农村居民, 13.2万脱贫人口, 1亿左右农业转移人口, 贫困人口减少6800多万，, 员额30万任务, and the end of a change whose start it reads (增…): 就医人次从0.2万增至【173.1万】 (unit other, unit_text 万)",
		Pattern: `(?={BARE_AHEAD})(?:(?<num>{NUM})(?:(?<mult>万|亿)(?<more>多|余)?|(?<more>多|余)(?<mult3>万|亿))(?<unit>)(?<post>左右|以上)?(?=人口|农民|群众|职工|学生|儿童|婴幼儿|老人|居民|城乡居民|人员|低保|劳动力|贫困|脱贫|农村|农业转移|城镇|游客|患者|移民|干部|工人|务工|异地务工|妇女|残疾人|家庭|农户|员工|监测对象|在校生|纳税人|青年|市民|村民|农民工|参保人|偏远|山区)|(?<=(?:人口|人次|人员|员额|人数|群众|游客)[^，。；、\d]{0,6}(?:\d[\d.]*(?:万|亿)(?:多|余)?增(?:加|长)?(?:到|至))?)(?<num>{NUM})(?:(?<mult>万|亿)(?<more>多|余)?|(?<more>多|余)(?<mult3>万|亿))(?<unit>)(?=[，。；、,;]|任务|增|到|至))`},
	{ID: "income-ratio", Yield: Point,
		Doc:     "the urban-rural income ratio, a number with no unit: 城乡居民收入比缩小至2.31:1, 收入比值由3.27缩小至2.93 (unit other, unit_text \"\")",
		Pattern: `(?<=收入比值?(?:[^，。；\d]{0,4}|[^，。；]{0,12}[至到]))(?<num>{NUM})(?<mult>)(?<unit>)(?=\s*[:∶]\s*1(?!\d)|[，。；、]|缩小|下降|降至|降到|扩大)`},
	{ID: "from-to-bare", Yield: Point,
		Doc:     "the start of a change of a number with no unit (a ratio, a score, an index): 收入倍差从1.96缩小至1.81, 满意度由85.2提高到90 (the 1.96; unit other, unit_text \"\")",
		Pattern: `(?:由|从)(?<num>{NUM})(?<mult>)(?<unit>)(?=\s*{FROMTO}(?:到|至)\s*\d[\d.,]*(?![\d.,%％]|\s*(?:[十百千万亿多余年月日号]|{UNIT})))`},
	{ID: "from-to-bare-end", Yield: Point,
		Doc:     "the end of a change of a number with no unit: 收入倍差从1.96缩小至1.81 (the 1.81; unit other, unit_text \"\")",
		Pattern: `(?<=(?:由|从)\d[\d.,]*\s*{FROMTO}(?:到|至)\s*)(?<num>{NUM})(?<mult>)(?<unit>)(?![\d.,%％]|\s*(?:[十百千万亿多余年月日号]|{UNIT}))(?<post>{POST})?`},
	{ID: "double", Yield: Fixed, Low: "100", High: "100", Bound: schema.Eq, Unit: schema.Percent, FixedMeasure: schema.Growth,
		Doc:     "翻番 / 翻一番 / 翻了一番: growth of 100 percent",
		Pattern: `翻了?一番|翻番|倍增(?=[，。；,;]|$)`},
	{ID: "double-twice", Yield: Fixed, Low: "300", High: "300", Bound: schema.Eq, Unit: schema.Percent, FixedMeasure: schema.Growth,
		Doc:     "翻两番 / 翻了两番: growth of 300 percent",
		Pattern: `翻了?两番`},
	{ID: "two-digit", Yield: Fixed, Low: "10", High: "99.99", Bound: schema.Range, Unit: schema.Percent, FixedMeasure: schema.Growth, FixedCue: "增长",
		Doc:     "两位数增长: growth of 10 to 99.99 percent",
		Pattern: `两位数(?=(?:以上)?(?:的)?(?:增长|增幅))|(?<=增长(?:保持在|达到|实现)?)两位数`},
	{ID: "cn-percent-range", Yield: Range,
		Doc:     "a range of percentages written before the numbers: 百分之四到五, 百分之二百五十到二百七十五, 百分之十到二十",
		Pattern: `(?<unit>百分之)(?<num>{CN}|{NUM})(?<mult>)(?:到|至|-|~)(?:百分之)?(?<num2>{CN}|{NUM})(?<mult2>)(?<post>{POST})?`},
	{ID: "cn-percent", Yield: Point,
		Doc:     "a percentage or per mille written before the number: 百分之三十六点五, 百分之五十以上, 千分之五 (0.5 percent)",
		Pattern: `(?<unit>百分之|千分之)(?<num>{CN}|{NUM})(?<mult>)(?<post>{POST})?`},
	{ID: "cn-range", Yield: Range, ChineseDigits: true,
		Doc:     "a range in Chinese numerals: 二百八十万到三百万千瓦, 三至五个",
		Pattern: `(?<![零〇一二两三四五六七八九十百千万亿点萬億點])(?={CN_RANGE_AHEAD})(?<num>{CN})(?<mult>)(?<unit1>{UNIT})?(?:到|至)(?<num2>{CN})(?<mult2>)(?<more>多|余)?(?<unit>{UNIT})(?<post>{POST})?`},
	{ID: "cn-several", Yield: Point, Several: true,
		Doc:     "several of a multiplier: 几千万人 (2e7 to 9e7), 数十家 (20 to 90), 几百万吨",
		Pattern: `[几数](?<num>[十百千万亿]{1,6})(?<mult>)(?<more>多|余)?(?<mult3>{MULT})(?<unit>{UNIT})(?<post>{POST})?`},
	{ID: "cn-point", Yield: Point, ChineseDigits: true,
		Doc:     "a number in Chinese numerals with a unit: 一万亩, 三千九百五十元, 二百四十多个, 三千八百多万人, 一点八倍, 五成 (small counts need a cue)",
		Pattern: `(?<![零〇一二两三四五六七八九十百千万亿点萬億點])(?<num>{CN})(?<mult>)(?<more>多|余)?(?<mult3>{MULT})(?<unit>{UNIT})(?<post>{POST})?`},
}

// baseUnitTexts returns the written base units of the unit table.
func baseUnitTexts() []string {
	var units []string
	for _, u := range normalize.BaseUnits {
		if !strings.HasSuffix(u.Text, "之") { // 百分之 is written before the number
			units = append(units, u.Text)
		}
	}
	return units
}

// placeholders are expanded in rule patterns. UNIT is built from the
// normalize unit table, FROMTO from the lexicon's from-to verbs.
func placeholders() map[string]string { return placeholdersWith(trieRegex) }

// firstCharPlaceholders are placeholders with each word list (UNIT, POST,
// FROMTO) written as the class of its words' first characters (trieFirsts)
// instead of a trie: a pattern expanded with them can start with the same
// characters as one expanded with placeholders, and is a tenth as long,
// so that firstChars parses it for a tenth of the work
// (TestFirstCharsOfShortPatterns).
func firstCharPlaceholders() map[string]string { return placeholdersWith(trieFirsts) }

// placeholdersWith is placeholders, with the word lists written by words
// (trieRegex, or trieFirsts).
func placeholdersWith(words func([]string) string) map[string]string {
	// Base units only: a multiplier word (万, 亿) is matched by {MULT}
	// and the two are looked up together (万千瓦).
	units := baseUnitTexts()
	longest := 0
	for _, u := range units {
		longest = max(longest, utf8.RuneCountInString(u))
	}
	return map[string]string{
		// A quick test that a range mark follows a number: past the run
		// of multipliers, at most a unit's length of other characters,
		// spaces, then - ~ 至 or 到. It only fails where the range rule
		// would (TestRangeAheadIsImplied), but costs a few steps where
		// the rule's unit trie and multiplier backtracking cost many, at
		// every number of the text.
		// The run of other characters is atomic: it stops at a space or
		// a range mark (or after a unit's length), and giving one back
		// would leave a character that is neither before the mark.
		// The same for ranges in Chinese numerals: past the numerals (and
		// a unit's numerals: 千瓦), at most a unit's length, then 到 or 至.
		"{CN_RANGE_AHEAD}": fmt.Sprintf(`(?>[零〇一二两三四五六七八九十百千万亿萬億点點]*)(?>[^到至]{0,%d})[到至]`, longest),
		// Quick tests of the same kind for two reject rules tried at
		// every number: a date's digits are followed by 个 (个月), 年, 月
		// or -; a programme's numerals by the first character of one of
		// its words (大, 个方面, 年攻坚, 条措施 …). Each only fails where
		// every branch of its rule would (TestTunedRulesEqualPlain).
		"{DATE_AHEAD}": `(?>\d+)\s*[个年月-]`,
		// A number's characters (digits . ,), then 万 亿 多 or 余 for a
		// bare multiplier, then multipliers and 元 for a threshold: where
		// these rules match, the run of number characters ends where
		// {NUM} does, and the multipliers where {MULT} does.
		"{BARE_AHEAD}":      `(?>[\d.,]+)[万亿多余]`,
		"{THRESHOLD_AHEAD}": `(?>[\d.,]+)(?>[十百千万亿]*)(?:元|美元)`,
		"{COUNT_AHEAD}":     `(?>[\d一二三四五六七八九十两]+)[大个方年项件条天]`,
		"{RANGE_AHEAD}":     fmt.Sprintf(`(?>[十百千万亿]*)(?>[^\s\-~至到]{0,%d})\s*[-~至到]`, longest),
		// A number never starts inside another (1【00万吨】, 1,【202】). The
		// check looks back from after the first digit, so that the pattern
		// still starts with a digit and regexp2 can skip to candidates.
		// The digits after the first are an atomic group: what follows a
		// number in a rule never starts with a digit, '.' or ',' (see
		// TestNothingFollowsANumberLikeADigit), so a shorter number could
		// never let the rule match, and regexp2 need not try each one.
		// Thousands groups, if any, then decimals, in one pass (the same
		// number as the first of "with thousands groups" or "without" in
		// that order, without reading the digits twice).
		"{NUM}": `\d(?<!\d\d|\d[.,]\d)(?>\d*(?:,\d{3})*(?:\.\d+)?)`,
		// A Chinese number starts at the first numeral of a run (looked
		// back from its second character, as for {NUM}) and is at most
		// 24 numerals long: a quantity rule tries it at one place per run,
		// and gives back at most 24 numerals looking for a unit. 萬 億 點:
		// traditional characters.
		"{CN}":   chineseNumber,
		"{MULT}": multiplierClass + `{0,4}`,
		// A whole run of digits, from its first: a rule starting with
		// \d+ would otherwise be tried at every digit of a long run and
		// scan the rest of it each time (quadratic in the run).
		"{RUN}": `\d(?<!\d\d)(?>\d*)`,
		// The first digit of a run: no rule starts inside a run of digits
		// (see ruleSet.matchAt).
		"{D1}":   `\d(?<!\d\d)`,
		"{UNIT}": words(units),
		// the bound words after a number (normalize.BoundPattern), as a
		// trie: one class test where none follows, as at most numbers
		"{POST}":   words(boundWordsAfter()),
		"{FROMTO}": words(lex.Words(lexicon.FromTo)),
	}
}

// lastWordLists are the placeholders of the word lists that end a rule,
// {UNIT_LAST}: the units as longestWordRegex renders them, which regexp2
// tries in a few steps where the trie of {UNIT} takes dozens. It matches
// what {UNIT} matches where nothing after it can fail, which is where
// lastWords writes it (TestTunedRulesEqualPlain). Not in RulesHash: it
// is the same words as {UNIT}, and decides no fact of its own.
func lastWordLists() map[string]string {
	return map[string]string{
		"{UNIT_LAST}": longestWordRegexFirst(baseUnitTexts(), frequentUnitFirsts),
	}
}

// frequentUnitFirsts are the first characters of the units most often
// read that start more than one unit (个, 家, 元 …), most frequent first,
// whose branches {UNIT_LAST} tries first (longestWordRegexFirst): on the
// bench corpus, regexp2 then tests some 3 classes to find a unit, not 11.
const frequentUnitFirsts = "个家元人公吨项"

// numberPlaceholders are compiled in place of placeholders' {NUM}
// (compileRules), and {NUM_LEAD} for a {NUM} that starts a rule: the same
// numbers in fewer regexp2 steps. Not in RulesHash, as lastWordLists:
// {NUM} is.
//
// {NUM} writes its optional parts, the decimals and ,\d{3} repeated, as
// one branch behind a class test of the point or comma they start with,
// [,.](?:(?<=\.)\d+|(?<=,)\d{3}(?:,\d{3})*(?:\.\d+|)), or nothing: at
// most numbers neither follows, and the class test fails in three regexp2
// steps where two branches, (?:,\d{3}(?:,\d{3})*|) and (?:\.\d+|), took
// six (TestTunedRulesEqualPlain). Inside the atomic group it tries the
// same as before, in the same order: after a comma the thousands groups,
// then the decimals; after a point the decimals; where these fail,
// nothing. The decimals come first, as more numbers have them.
//
// {NUM_LEAD} is {NUM} without its look-behind, which costs some ten steps
// at every number: a rule that starts with it (leadNumber) is tried only
// where the look-behind holds, which candidates checks in Go: not after a
// digit, nor after a digit and a decimal point or thousands comma.
func numberPlaceholders() map[string]string {
	rest := `(?>\d*(?:[,.](?:(?<=\.)\d+|(?<=,)\d{3}(?:,\d{3})*(?:\.\d+|))|))`
	return map[string]string{
		"{NUM}":      `\d(?<!\d\d|\d[.,]\d)` + rest,
		"{NUM_LEAD}": `\d` + rest,
	}
}

// numberLead is how a rule that starts with its number begins.
const numberLead = "(?<num>{NUM})"

// quantityWhole is the pattern of a rule that is a number, the
// multipliers, 多 or 余 and multipliers after it, a unit and the bound
// words after it (point).
const quantityWhole = numberLead + "(?<mult>{MULT})(?<more>多|余)?(?<mult3>{MULT})(?<unit>{UNIT})(?<post>{POST})?"

// wholeQuantity reports a rule of pattern quantityWhole, when ph has
// {NUM_LEAD}: matchRule reads its match itself (quantityAt), without
// regexp2. The pattern is an atomic number, then the multipliers, 多 or
// 余 and multipliers, which may be read in several ways, then the longest
// unit there and the longest bound word after it, which neither fail but
// for want of a unit nor give back: the first way of reading the
// multipliers, in the order regexp2 tries them, that a unit follows, gives
// the rule's match, with the same groups (TestQuantityAt,
// TestTunedRulesEqualPlain). A regexp2 call cost about a thousand
// instructions before its first step, and point's pattern some twenty
// steps of about ninety at most numbers, where no multiplier follows.
//
// quantityAt reads {MULT} as it is written here, up to four multipliers:
// with another {MULT}, the rule is left to regexp2.
func wholeQuantity(pattern string, ph map[string]string) bool {
	_, ok := ph["{NUM_LEAD}"]
	return ok && pattern == quantityWhole && ph["{MULT}"] == multiplierClass+`{0,4}`
}

// quantityAt returns the match at position i of s of a rule of pattern
// quantityWhole (see wholeQuantity), and whether it matches: the number,
// then the first of the ways its multipliers, 多 or 余 and multipliers can
// be read, in the order regexp2 tries them (up to four multipliers, the
// most first, or none; 多 or 余, or none; up to four multipliers again),
// that a unit follows; the longest unit there, and the bound word after.
func quantityAt(s []rune, i int) (ruleMatch, bool) {
	e := numberEnd(s, i)
	if e < 0 {
		return ruleMatch{}, false
	}
	for a := min(4, multipliersEnd(s, e)-e); a >= 0; a-- {
		p := e + a
		if p < len(s) && (s[p] == '多' || s[p] == '余') {
			if m, ok := quantityFrom(s, i, e, a, p+1); ok {
				return m, true
			}
		}
		if m, ok := quantityFrom(s, i, e, a, p); ok {
			return m, true
		}
	}
	return ruleMatch{}, false
}

// quantityFrom returns quantityAt's match of the number from i to e, with
// a multipliers after it, then 多 or 余 if p is past them, and the first
// run of up to four multipliers from p, the most first, or none, that a
// unit follows.
func quantityFrom(s []rune, i, e, a, p int) (ruleMatch, bool) {
	for b := min(4, multipliersEnd(s, p)-p); b >= 0; b-- {
		n := unitAfter(s, p+b)
		if n == 0 {
			continue
		}
		var m ruleMatch
		m.span = span{i, p + b + n}
		m.groups[gNum] = span{i, e}
		if a > 0 {
			m.groups[gMult] = span{e, e + a}
		}
		if p > e+a {
			m.groups[gMore] = span{e + a, p}
		}
		if b > 0 {
			m.groups[gMult3] = span{p, p + b}
		}
		m.groups[gUnit] = span{p + b, p + b + n}
		m.addBoundAfter(s)
		return m, true
	}
	return ruleMatch{}, false
}

// chineseNumber is {CN}: a Chinese number starts at the first numeral of
// a run (looked back from its second character, as for {NUM}) and is at
// most 24 numerals long, then 点 and up to 12 digits.
const chineseNumber = `[零〇一二两三四五六七八九十百千万亿萬億](?<![零〇一二两三四五六七八九十百千万亿萬億]{2})[零〇一二两三四五六七八九十百千万亿萬億]{0,23}(?:[点點][零〇一二三四五六七八九]{1,12})?`

// chineseWhole is the pattern of a rule that is a number in Chinese
// numerals, not inside a run of them nor after a point, 多 or 余 and
// multipliers after it, a unit and the bound words after it (cn-point).
const chineseWhole = `(?<![零〇一二两三四五六七八九十百千万亿点萬億點])(?<num>{CN})(?<mult>)(?<more>多|余)?(?<mult3>{MULT})(?<unit>{UNIT})(?<post>{POST})?`

// wholeChinese reports a rule of pattern chineseWhole, with {CN} and
// {MULT} as chineseAt reads them: matchRule reads its match itself
// (chineseAt), without regexp2, as it reads point's (wholeQuantity). The
// rule is tried at some thirteen numerals a report (一批, 三个坚决, 百名
// 专家, 五金), nearly all of which read drops, and a regexp2 call cost
// about five thousand instructions there (TestChineseAt).
func wholeChinese(pattern string, ph map[string]string) bool {
	_, ok := ph["{NUM_LEAD}"]
	return ok && pattern == chineseWhole && ph["{CN}"] == chineseNumber && ph["{MULT}"] == multiplierClass+`{0,4}`
}

// chineseAt returns the match at position i of s of a rule of pattern
// chineseWhole, and whether it matches: the run of numerals from i (none
// right before it), up to 24, with 点 and its digits after the whole run
// (at most 12), then each shorter run in turn, the order regexp2 gives
// them back in; the first that 多 or 余 and multipliers (quantityFrom's
// ways) and a unit follow gives the match. A shorter run leaves a numeral
// after it, where only a multiplier or a unit starting with one (千瓦)
// may follow; a point's digits left after fewer digits would start
// nothing that follows, and so none is tried.
func chineseAt(s []rune, i int) (ruleMatch, bool) {
	if i >= len(s) || !isChineseNumeral(s[i]) || i > 0 && (isChineseNumeral(s[i-1]) || s[i-1] == '点' || s[i-1] == '點') {
		return ruleMatch{}, false
	}
	run := i + 1
	for run < len(s) && run-i < 24 && isChineseNumeral(s[run]) {
		run++
	}
	for e := run; e > i; e-- {
		end := e
		if e == run && e+1 < len(s) && (s[e] == '点' || s[e] == '點') {
			d := e + 1
			for d < len(s) && isChineseDigitOfPoint(s[d]) {
				d++
			}
			if d == e+1 || d-e-1 > 12 {
				continue // no digits, or more than regexp2 reads: nothing follows the run
			}
			end = d
		}
		if end < len(s) && (s[end] == '多' || s[end] == '余') {
			if m, ok := quantityFrom(s, i, end, 0, end+1); ok {
				return m, true
			}
		}
		if m, ok := quantityFrom(s, i, end, 0, end); ok {
			return m, true
		}
	}
	return ruleMatch{}, false
}

// isChineseDigitOfPoint reports a digit {CN} reads after 点: the numerals
// 零 to 九 (not 两).
func isChineseDigitOfPoint(r rune) bool {
	return strings.ContainsRune("零〇一二三四五六七八九", r)
}

// multipliersEnd returns the end of the run of multipliers (十百千万亿) of s
// from i.
func multipliersEnd(s []rune, i int) int {
	for ; i < len(s); i++ {
		switch s[i] {
		case '十', '百', '千', '万', '亿':
		default:
			return i
		}
	}
	return i
}

// numberEnd returns where {NUM_LEAD} matched at position i of s ends, -1
// where it does not match: a digit and the digits after it, then a point
// and digits, or thousands groups (,\d{3} repeated) and then a point and
// digits, if any (TestNumberEnd).
func numberEnd(s []rune, i int) int {
	if i >= len(s) || !isDigit(s[i]) {
		return -1
	}
	j := digitsEnd(s, i)
	for j+3 < len(s) && s[j] == ',' && isDigit(s[j+1]) && isDigit(s[j+2]) && isDigit(s[j+3]) {
		j += 4
	}
	if decimalsAt(s, j) {
		j = digitsEnd(s, j+1)
	}
	return j
}

// decimalsAt reports a point and a digit at position j of s.
func decimalsAt(s []rune, j int) bool { return j+1 < len(s) && s[j] == '.' && isDigit(s[j+1]) }

// digitsEnd returns the end of the run of digits of s from i.
func digitsEnd(s []rune, i int) int {
	for i < len(s) && isDigit(s[i]) {
		i++
	}
	return i
}

// leadNumber rewrites pattern, if it starts with numberLead and ph has
// {NUM_LEAD}, to start with {NUM_LEAD} instead, and reports whether it
// did.
func leadNumber(pattern string, ph map[string]string) (string, bool) {
	if _, ok := ph["{NUM_LEAD}"]; !ok {
		return pattern, false
	}
	if rest, ok := strings.CutPrefix(pattern, numberLead); ok {
		return "(?<num>{NUM_LEAD})" + rest, true
	}
	return pattern, false
}

// lastWordEndings are the endings of rule patterns in which nothing after
// a word list can fail (what follows {UNIT} is an optional group at the
// end), each with what lastWords writes instead, and whether that leaves
// out the bound words after the number, (?<post>{POST})?, which matchRule
// then reads itself (boundAfter). Where nothing follows them, they are
// the longest bound word at the end of the rest of the match, or none:
// the rest matches as it did with them (they never fail), and regexp2 is
// spared the steps of an optional group and of a Dispatch that fails at
// most numbers after testing the class of each of its branches.
// (Not so (?:{UNIT_LAST})?: beside an empty branch, the units'
// alternation loses its Dispatch, and reject-capacity took twice the
// steps.)
var lastWordEndings = []struct {
	ending, last string
	readsPost    bool
}{
	{"(?<unit>{UNIT})(?<post>{POST})?", "(?<unit>{UNIT_LAST})", true},
	{"(?<post>{POST})?", "", true},
	{"(?:{UNIT})?", "(?:{UNIT_LAST})?", false},
}

// lastWords rewrites the word lists that end pattern (lastWordEndings) to
// their lastWordLists placeholders, when ph has them, and reports whether
// it left out the bound words after the number (for boundAfter);
// otherwise it returns pattern as it is.
func lastWords(pattern string, ph map[string]string) (string, bool) {
	if _, ok := ph["{UNIT_LAST}"]; !ok {
		return pattern, false
	}
	for _, e := range lastWordEndings {
		if p, ok := strings.CutSuffix(pattern, e.ending); ok {
			return p + e.last, e.readsPost
		}
	}
	return pattern, false
}

// boundAfter returns the length of the longest bound word written after a
// number (boundWordsAfter) that starts at position i of s, 0 for none:
// what (?<post>{POST})? at the end of a pattern matches there.
func boundAfter(s []rune, i int) int { return boundsAfter.longestAt(s, i) }

// unitAfter returns the length of the longest base unit that starts at
// position i of s, 0 for none: what (?<unit>{UNIT_LAST}) matches there.
func unitAfter(s []rune, i int) int { return unitsAfter.longestAt(s, i) }

var (
	boundsAfter = newWordList(boundWordsAfter())
	unitsAfter  = newWordList(baseUnitTexts())
)

// wordList is a list of words that matchRule looks up at a position of a
// window itself, the longest that starts there (boundAfter, unitAfter).
type wordList struct {
	firsts  runeSet             // the first characters of the words
	byFirst map[rune][]listWord // the words by their first character, longest first
}

// listWord is a word of a wordList, as code points and as text.
type listWord struct {
	runes []rune
	text  string
}

// newWordList returns the list of the non-empty words of words.
func newWordList(words []string) *wordList {
	l := &wordList{byFirst: map[rune][]listWord{}}
	for _, w := range distinctWords(words) {
		rs := []rune(w)
		l.firsts.add(rs[0])
		l.byFirst[rs[0]] = append(l.byFirst[rs[0]], listWord{rs, w})
	}
	for _, ws := range l.byFirst {
		slices.SortStableFunc(ws, func(a, b listWord) int { return len(b.runes) - len(a.runes) })
	}
	return l
}

// text returns the text of the word of l that w is, if it is one.
func (l *wordList) text(w []rune) (string, bool) {
	if len(w) == 0 || !l.firsts.has(w[0]) {
		return "", false
	}
	for _, x := range l.byFirst[w[0]] {
		if slices.Equal(x.runes, w) {
			return x.text, true
		}
	}
	return "", false
}

// longestAt returns the length of the longest word of l that starts at
// position i of s, 0 for none.
func (l *wordList) longestAt(s []rune, i int) int {
	if i >= len(s) || !l.firsts.has(s[i]) {
		return 0 // (at first: most numbers have no bound word after them)
	}
	for _, w := range l.byFirst[s[i]] {
		if len(w.runes) <= len(s)-i && slices.Equal(s[i:i+len(w.runes)], w.runes) {
			return len(w.runes)
		}
	}
	return 0
}

// boundWordsAfter returns the bound words written after a number.
func boundWordsAfter() []string {
	var ws []string
	for _, b := range normalize.BoundWords {
		if !b.Before {
			ws = append(ws, b.Word)
		}
	}
	return ws
}

// multiplierClass is the class of the multipliers: {MULT} is a run of 0
// to 4 of them.
const multiplierClass = `[十百千万亿]`

// Named groups the rules write to name an empty part: a group with
// nothing in it ((?<mult>) of a rule with no multiplier, so that every
// quantity rule has the groups read reads) and {MULT} in a group, empty
// at most numbers. See leanCaptures.
var (
	emptyGroup = regexp.MustCompile(`\(\?<\w+>\)`)
	multGroup  = regexp.MustCompile(`\(\?<(\w+)>\(\?:` + regexp.QuoteMeta(multiplierClass+`{0,4}`) + `\)\)`)
)

// leanCaptures rewrites an expanded pattern so that its named groups
// capture nothing where they would capture the empty string: an empty
// group is dropped, and a group of {MULT} becomes an optional group of 1
// to 4 multipliers, which tries the same lengths in the same order
// (4 … 1, then none). read takes an empty group for a missing one
// (group), so it reads the same quantity; regexp2 is spared a capture,
// and the match a group to build, for each of them
// (TestLeanCapturesMatchTheSame).
//
// Where a number's multiplier (if the rule has one), 多 or 余 and a
// second multiplier follow one another (most quantity rules), their
// optional groups are then one optional group guarded by a class test of
// their first characters: at most numbers none of them follows, and one
// test fails there where each group would fail in turn. It matches the
// same: where the test passes, the groups try what they tried before, and
// the group's last choice, to skip them all, is what they tried last.
//
// Each optional group X? is written (?:X|): regexp2
// compiles X? as a loop of at most one turn, four steps around X
// (Nullcount, Goto, Branchcount, and Branchcount again on the way back),
// and (?:X|) as two branches, two steps (Lazybranch, and again on the way
// back). Both try X first, then nothing: the same matches and groups.
func leanCaptures(pattern string) string {
	pattern = emptyGroup.ReplaceAllString(pattern, "")
	pattern = multGroup.ReplaceAllString(pattern, `(?:(?<${1}>`+multiplierClass+`{1,4})|)`)
	pattern = multipliersAfter.ReplaceAllString(pattern, `(?:(?=[`+multiplierClass[1:len(multiplierClass)-1]+`多余])${0}|)`)
	return strings.ReplaceAll(pattern, moreGroup, `(?:`+strings.TrimSuffix(moreGroup, "?")+`|)`)
}

// wordListKeys are the placeholders of the word lists.
var wordListKeys = []string{"{UNIT}", "{UNIT_LAST}", "{POST}", "{FROMTO}"}

// leanExpand is leanCaptures(expand(pattern, ph)), with the word lists
// (wordListKeys) expanded after leanCaptures: they hold no named group
// for it to rewrite, and they are most of an expanded pattern, which its
// regexps read through (some 18 million instructions a process for the
// rules' patterns). TestLeanExpand checks that every rule's pattern comes
// out the same.
func leanExpand(pattern string, ph map[string]string) string {
	first, lists := map[string]string{}, map[string]string{}
	for k, v := range ph {
		if slices.Contains(wordListKeys, k) {
			lists[k] = v
		} else {
			first[k] = v
		}
	}
	return expand(leanCaptures(expand(pattern, first)), lists)
}

// moreGroup is the optional 多 or 余 after a number in the rules.
const moreGroup = `(?<more>多|余)?`

// multipliersAfter finds what leanCaptures makes of a number's
// multiplier, 多 or 余 and second multiplier:
// (?<mult>{MULT})(?<more>多|余)?(?<mult3>{MULT}), or the last two alone.
var multipliersAfter = func() *regexp.Regexp {
	mult := func(name string) string {
		return regexp.QuoteMeta(`(?:(?<` + name + `>` + multiplierClass + `{1,4})|)`)
	}
	return regexp.MustCompile(`(?:` + mult("mult") + `)?` + regexp.QuoteMeta(moreGroup) + mult("mult3"))
}()

// expand replaces the placeholders of pattern with their patterns, each
// as a non-capturing group.
func expand(pattern string, ph map[string]string) string {
	for k, v := range ph {
		pattern = strings.ReplaceAll(pattern, k, "(?:"+v+")")
	}
	return pattern
}

// compiledRule is a Rule with its pattern compiled.
type compiledRule struct {
	Rule
	first     *syntax.Prefix // the characters a match can start with; nil: any
	low, high *big.Rat       // Low and High of a Fixed rule, exact
}

// ruleSet is the compiled rules, dispatched on the character a match
// starts with. Each rule's first characters come from regexp2's own
// analysis of its pattern; at a position, only the rules that can start
// with its character are tried, and of those only the ones the gates
// (gate.go) leave for what follows it. They are tried in the table's
// order, each its own anchored pattern \G(?:…), and the first that
// matches wins: what the anchored alternation of them all,
// \G(?:(?<r0>…)|(?<r3>…)|…), would match, and what one leftmost-first scan
// of all the rules finds (TestDispatchEqualsScan). Each rule's pattern is
// compiled the first time it is needed.
//
// (The rules of a position were tried as one alternation, compiled for
// each set of rules the gates left: some 36 sets on the bench corpus,
// whose compiling cost about 360 million instructions a process, as much
// as matching 3 MB of text, where trying the rules one after the other
// costs no more than the alternation did.)
type ruleSet struct {
	rules    []compiledRule
	patterns []string // the expanded patterns
	gates    []*gate  // the gate of each rule, nil for none
	gated    uint64   // the rules with a gate, as bits
	lone     int      // the index of loneRule, -1 when it is not there as written (see loneBelowTwo)
	// readsPost is the rules whose patterns leave the bound word after
	// the number to matchRule (see lastWordEndings), as bits
	readsPost uint64
	// wholeQuantity is the rules whose match matchRule reads itself,
	// without regexp2 (see wholeQuantity), as bits
	wholeQuantity uint64
	// wholeChinese is the same for the rules of pattern chineseWhole
	// (see wholeChinese)
	wholeChinese uint64
	// masks holds the sets of rules (as bits) that some character can
	// start; byRune maps a BMP character to 1 + the index of its set in
	// masks, 0 for none.
	masks  []uint64
	byRune []uint16
	all    uint64 // all the rules, for characters outside the BMP
	any    uint64 // rules without first characters: tried everywhere
	// numberLead is the rules that start with {NUM_LEAD}: {NUM} without
	// its look-behind, which candidates checks instead (leadNumber)
	numberLead uint64
	// compiled holds each rule's pattern compiled, nil until a position
	// first needs it (compiledPattern): a run meets only some of the rules
	// (the gates refuse some everywhere in most reports). compiled[k] is
	// stored under compiling[k], and read without a lock: a lock a rule,
	// so that two workers needing two rules compile them at once (after
	// the dictionaries load, the workers met at a single lock 25 times in
	// 0.08 s of a trace of the bench corpus).
	compiled  []atomic.Pointer[anchoredPattern]
	compiling []sync.Mutex
}

// anchoredPattern is a rule's pattern compiled to match at one position.
type anchoredPattern struct {
	re   *regexp2.Regexp
	nums []groupNum
	// readsPost: the bound word after the number is not in re, and
	// matchRule reads it (boundAfter; see lastWordEndings)
	readsPost bool
}

// The named groups a rule's match is read by (see read), as indexes into
// ruleMatch.groups.
const (
	gNum   = iota
	gMult  // a multiplier: 万, 亿 …
	gMore  // 多, 余 … after the number
	gMult3 // a multiplier after gMore: 3400多【万】人次
	gUnit
	gPost  // a bound word after the number: 以上 …
	gUnit1 // the low end's own unit in a range
	gNum2  // the high end of a range
	gMult2 // its multiplier
	groupCount
)

// groupNames are the names in the patterns of the groups gNum … gMult2.
var groupNames = [groupCount]string{"num", "mult", "more", "mult3", "unit", "post", "unit1", "num2", "mult2"}

// groupNum is a named group of a rule's pattern: its index (gNum …) and
// its number there, looked up once, not by name at each match. A pattern
// lists only the groups it has (point's has six of the nine, a reject
// rule's none), and a match asks regexp2 for no group it lacks.
type groupNum struct{ k, num int }

// ruleMatch is a rule's match: its span and the spans of its named groups
// (code points into the window; empty when the group matched nothing or
// is absent), copied out of regexp2's match view.
type ruleMatch struct {
	span
	groups [groupCount]span
}

// addBoundAfter makes the longest bound word after the end of m in the
// window s (boundAfter), if any, m's post group and the end of m: what
// (?<post>{POST})? at the end of a pattern would have matched there.
func (m *ruleMatch) addBoundAfter(s []rune) {
	if n := boundAfter(s, m.end); n > 0 {
		m.groups[gPost] = span{m.end, m.end + n}
		m.end += n
	}
}

// unit returns the text and span of m's unit group, like group: a base
// unit's text is the unit table's own (unitsAfter), not made again.
func (m *ruleMatch) unit(s []rune) (string, span) {
	g := m.groups[gUnit]
	if g.end == g.start {
		return "", span{}
	}
	if t, ok := unitsAfter.text(s[g.start:g.end]); ok {
		return t, g
	}
	return string(s[g.start:g.end]), g
}

// group returns the text and span of m's group k (gNum …) in the window
// s, and whether it matched anything.
func (m *ruleMatch) group(s []rune, k int) (string, span, bool) {
	g := m.groups[k]
	if g.end == g.start {
		return "", span{}, false
	}
	return string(s[g.start:g.end]), g, true
}

// ruleOptions compile every rule in regexp2's RE2 mode: \d is [0-9] and \s
// ASCII white space, which is what the cleaned text holds (normalize.Clean
// folds full-width digits and Unicode spaces), and a class test is a range
// check instead of a Unicode category lookup; $ is the end of the window.
// The backtracking stack is not limited (regexp2 v2 limits it by default):
// what bounds the rules' work is below. ruleFlags are the regexp2 flags,
// with which firstChars parses too; ruleOptions is a variable only so that
// a test can add regexp2.OptionDebug to count steps.
const ruleFlags = regexp2.RE2

var ruleOptions = []regexp2.CompileOption{ruleFlags, regexp2.OptionMaxBacktrackingStackSize(-1)}

// The rules have no time limit: what bounds their work is the input. A
// window is at most a sentence (maxSentence code points) and every pattern
// is linear in it: runs that can start at every character of a long run
// either start only at its first ({RUN}, the look-behinds of {NUM} and of
// the counted runs) or are bounded ({MULT}, {CN}, the quoted name), and
// what follows a run never re-reads it (atomic groups).
// TestRulesAreLinear counts regexp2's steps on hostile windows of each
// rule family: at most a few hundred per code point. The work of a
// document is counted against a limit (RuleWorkPerCodePoint), in code
// points, not in time: a document's output depends on its text alone,
// never on the machine's load. (No MatchTimeout also spares regexp2 a
// clock check at each step and its clock goroutine.)

func compileRules(rules []Rule) (*ruleSet, error) {
	ph := placeholders()
	maps.Copy(ph, lastWordLists())
	maps.Copy(ph, numberPlaceholders())
	return compileRulesWith(rules, ph, firstCharPlaceholders())
}

// compileRulesWith compiles rules with the placeholders ph (and the word
// lists that end a rule as lastWordLists, and the number that starts one
// as {NUM_LEAD}, if ph has them). Their first
// characters are those of the patterns expanded with firstPh: placeholders
// that start with the same characters as ph's (firstCharPlaceholders), or
// ph itself.
func compileRulesWith(rules []Rule, ph, firstPh map[string]string) (*ruleSet, error) {
	if len(rules) > 64 {
		return nil, fmt.Errorf("extract: %d rules: at most 64 fit the dispatch mask", len(rules))
	}
	set := &ruleSet{}
	var patterns []string
	for i, r := range rules {
		lead, ok := leadNumber(r.Pattern, ph)
		if ok {
			set.numberLead |= 1 << i
		}
		last, after := lastWords(lead, ph)
		if after {
			set.readsPost |= 1 << i
		}
		p := leanExpand(last, ph)
		if wholeQuantity(r.Pattern, ph) {
			set.wholeQuantity |= 1 << i
		}
		if wholeChinese(r.Pattern, ph) {
			set.wholeChinese |= 1 << i
		}
		// parses the rule's pattern, its word lists as classes: a bad
		// pattern fails here. The word lists' tries are parsed with the
		// whole pattern, when first needed (TestEveryRuleCompiles
		// compiles them all).
		first, err := firstChars(leanExpand(r.Pattern, firstPh))
		if err != nil {
			return nil, fmt.Errorf("extract: rule %s: %w", r.ID, err)
		}
		c := compiledRule{Rule: r, first: first}
		if r.Yield == Fixed {
			var ok1, ok2 bool
			c.low, ok1 = new(big.Rat).SetString(r.Low)
			c.high, ok2 = new(big.Rat).SetString(r.High)
			if !ok1 || !ok2 || c.low.Cmp(c.high) > 0 {
				return nil, fmt.Errorf("extract: rule %s: fixed value %q..%q is not two ordered decimals", r.ID, r.Low, r.High)
			}
		}
		set.rules = append(set.rules, c)
		patterns = append(patterns, p)
	}
	for i, r := range set.rules {
		if r.first == nil {
			set.any |= 1 << i
		}
	}
	set.patterns = patterns
	set.all = 1<<len(rules) - 1
	gs, err := compileGates(rules)
	if err != nil {
		return nil, err
	}
	set.gates = gs
	set.lone = -1
	for i, r := range rules {
		if r.ID == loneRule && patternSum(r.Pattern) == loneRulePattern {
			set.lone = i
		}
	}
	for i, g := range gs {
		if g != nil {
			set.gated |= 1 << i
		}
	}
	index := map[uint64]int{}
	set.byRune = make([]uint16, 0x10000)
	for c, mask := range set.bmpMasks() {
		if mask == 0 {
			continue
		}
		k, ok := index[mask]
		if !ok {
			k = len(set.masks)
			index[mask] = k
			set.masks = append(set.masks, mask)
		}
		set.byRune[c] = uint16(k + 1)
	}
	set.compiled = make([]atomic.Pointer[anchoredPattern], len(rules))
	set.compiling = make([]sync.Mutex, len(rules))
	return set, nil
}

// compiledPattern returns rule k's pattern compiled, compiling it the
// first time.
func (rs *ruleSet) compiledPattern(k int) (*anchoredPattern, error) {
	if p := rs.compiled[k].Load(); p != nil {
		return p, nil
	}
	rs.compiling[k].Lock()
	defer rs.compiling[k].Unlock()
	if p := rs.compiled[k].Load(); p != nil {
		return p, nil
	}
	p, err := compilePattern(rs.patterns[k])
	if err == nil {
		p.readsPost = rs.readsPost&(1<<k) != 0
	}
	if err != nil {
		return nil, fmt.Errorf("extract: rule %s: %w", rs.rules[k].ID, err)
	}
	rs.compiled[k].Store(p)
	return p, nil
}

// firstChars returns the characters a match of pattern can start with, as
// regexp2 computes them to skip ahead, or nil when it can start anywhere.
func firstChars(pattern string) (*syntax.Prefix, error) {
	tree, err := syntax.Parse(pattern, syntax.ParseOptions{RegexOptions: syntax.RegexOptions(ruleFlags)})
	if err != nil {
		return nil, err
	}
	code, err := syntax.Write(tree)
	if err != nil {
		return nil, err
	}
	return code.FcPrefix, nil
}

// bmpMasks returns, for each character of the BMP, the rules that can
// start with it, as bits. A rule's set of first characters is listed when
// it is a small set of ranges (most are: digits, numerals, a few words'
// first characters) and tested character by character otherwise.
func (rs *ruleSet) bmpMasks() []uint64 {
	masks := make([]uint64, 0x10000)
	for c := range masks {
		masks[c] = rs.any
	}
	for i, r := range rs.rules {
		if r.first == nil {
			continue
		}
		set := &r.first.PrefixSet
		if chars := set.GetSetChars(maxListedFirstChars); chars != nil && !set.IsNegated() {
			for _, c := range chars {
				if c < 0x10000 {
					masks[c] |= 1 << i
				}
			}
			continue
		}
		for c := range masks {
			if set.Contains(rune(c)) {
				masks[c] |= 1 << i
			}
		}
	}
	return masks
}

// maxListedFirstChars is the most first characters of a rule bmpMasks
// lists rather than tests each character of the BMP against.
const maxListedFirstChars = 4096

// compilePattern compiles an expanded rule pattern anchored at the
// position a match is tried at (\G).
func compilePattern(pattern string) (*anchoredPattern, error) {
	re, err := regexp2.Compile(`\G(?:`+pattern+`)`, ruleOptions...)
	if err != nil {
		return nil, err
	}
	p := &anchoredPattern{re: re}
	for k, name := range groupNames {
		if num := re.GroupNumberFromName(name); num >= 0 {
			p.nums = append(p.nums, groupNum{k, num})
		}
	}
	return p, nil
}

// at returns the rules that can start with c, as bits. A character
// outside the BMP (rare in a report) gets all the rules: those that cannot
// start with it fail at once.
func (rs *ruleSet) at(c rune) uint64 {
	if c >= 0x10000 {
		return rs.all
	}
	if k := rs.byRune[c]; k > 0 {
		return rs.masks[k-1]
	}
	return 0
}

// matchAt returns the match of the highest rule starting at position i of
// s and the rule, or a nil rule.
func (rs *ruleSet) matchAt(s []rune, i int) (ruleMatch, *compiledRule, error) {
	var gs gateScan
	gs.reset(len(rs.rules))
	return rs.matchGated(rs.candidates(s, i), s, i, &gs, false)
}

// candidates returns the rules that can start at position i of s, as
// bits: 0 when none can.
//
// No rule starts at a digit after a digit, nor at one of 一…十 after one of
// 一…十: every pattern that can start there looks back from its first
// character and fails ({NUM}, {RUN}, {D1}, {CN}, the counted runs of
// reject-ordinal and reject-named-count). Such positions are not tried at
// all: a call into regexp2 costs far more than the few steps it takes to
// fail, and 1 MB of digits would make a million of them
// (TestDispatchEqualsScan checks the shortcut against a plain scan).
//
// The rules that start with {NUM_LEAD} (numberLead) are left out after a
// digit and a decimal point or thousands comma (1.【5】, 1,【234】), where
// the look-behind of {NUM} would fail: they do not read it themselves.
func (rs *ruleSet) candidates(s []rune, i int) uint64 {
	first := rs.at(s[i])
	if first == 0 || i > 0 && insideRun(s[i-1], s[i]) {
		return 0 // (at first: most characters start no rule)
	}
	if first&rs.numberLead != 0 && i > 1 && (s[i-1] == '.' || s[i-1] == ',') && isDigit(s[i-2]) && isDigit(s[i]) {
		first &^= rs.numberLead
	}
	return first
}

// gate returns the rules of mask left once the gates of those that have
// one have read the text at position i of s (see gate). gs remembers the
// gates' scans of the window s: reset it for each window.
func (rs *ruleSet) gate(mask uint64, s []rune, i int, gs *gateScan) uint64 {
	for m := mask & rs.gated; m != 0; m &= m - 1 {
		k := bits.TrailingZeros64(m)
		if !rs.gates[k].admits(s, i, gs, k) {
			mask &^= 1 << k
		}
	}
	return mask
}

// matchGated returns the match of the highest rule of mask (the rules
// that can start at position i of s: candidates) starting there, and the
// rule, or a nil rule. The rules are tried in order, each where its gate
// admits the position, and the first that matches (even an empty match)
// is the one. A rule's gate is read only where the rules before it have
// failed: at most numbers point matches, and the gates of the rules after
// it are not read. gs remembers the gates' scans of the window s.
//
// With knownDrops, the lone rule is not tried where the gates leave no
// rule after it and its match is known to be dropped (loneBelowTwo): the
// rules before it have failed, and a match of its own would be dropped
// without claiming its span, as if nothing had matched.
func (rs *ruleSet) matchGated(mask uint64, s []rune, i int, gs *gateScan, knownDrops bool) (ruleMatch, *compiledRule, error) {
	for ; mask != 0; mask &= mask - 1 {
		k := bits.TrailingZeros64(mask)
		if rs.gated&(1<<k) != 0 && !rs.gates[k].admits(s, i, gs, k) {
			continue
		}
		if knownDrops && k == rs.lone && loneBelowTwo(k, rs.gate(mask, s, i, gs), s, i) {
			return ruleMatch{}, nil, nil
		}
		m, ok, err := rs.matchRule(k, s, i)
		if err != nil {
			return m, nil, err // regexp2 fails only past a limit it is not given
		}
		if ok {
			return m, &rs.rules[k], nil
		}
	}
	return ruleMatch{}, nil, nil
}

// matchRule returns the match of rule k starting at position i of s, and
// whether it matches.
func (rs *ruleSet) matchRule(k int, s []rune, i int) (m ruleMatch, matched bool, err error) {
	if rs.wholeQuantity&(1<<k) != 0 {
		m, matched = quantityAt(s, i)
		return m, matched, nil
	}
	if rs.wholeChinese&(1<<k) != 0 {
		m, matched = chineseAt(s, i)
		return m, matched, nil
	}
	p, err := rs.compiledPattern(k)
	if err != nil {
		return m, false, err
	}
	// the view is regexp2's own storage, valid in the callback: a match
	// allocates nothing
	err = p.re.FindRunesMatches(s, i, func(v regexp2.MatchView) bool {
		start, n, _ := v.GroupRange(0)
		m.span = span{start, start + n}
		for _, g := range p.nums {
			if start, n, ok := v.GroupRange(g.num); ok {
				m.groups[g.k] = span{start, start + n}
			}
		}
		matched = true
		return false // the first match, at i (\G), is the only one
	})
	if matched && p.readsPost {
		m.addBoundAfter(s)
	}
	return m, matched, err
}

// insideRun reports whether c, after p, continues a run no rule starts
// inside: digits, or the numerals 一 to 十.
func insideRun(p, c rune) bool {
	if c >= '0' && c <= '9' {
		return p >= '0' && p <= '9'
	}
	return classOf(c)&classOf(p)&oneToTenClass != 0
}

// fromToStart reports a rule whose match is the start of a change, 由A of
// 由A提高到B: the level it started from (SPEC 6).
func (r *compiledRule) fromToStart() bool { return r.ID == "from-to" || r.ID == "from-to-bare" }
