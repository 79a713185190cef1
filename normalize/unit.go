package normalize

import (
	"fmt"
	"math/big"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/dlclark/regexp2/v2"
)

// Unit is one written unit of the unit table (SPEC section 5): a base unit,
// possibly with a multiplier word before it.
type Unit struct {
	Text       string // as written, with its multiplier: "万千瓦"
	Canonical  string // SPEC canonical unit: "kW"; Other for a unit outside SPEC's list
	Exp        int    // power of ten the written number is scaled by: 4 for 万千瓦
	Mul        int64  // a factor besides the power of ten, 0 meaning 1: 5 for 斤 (5e-4 t)
	Classifier string // for Canonical "count": the measure word ("人" for 万人); "" otherwise
}

// Other is the canonical unit of a unit outside SPEC's table: the value is
// the number as written (with its multiplier) and unit_text says what it is.
const Other = "other"

// Canonical is a canonical unit of SPEC section 5: a value of the facts
// table's unit column.
type Canonical struct {
	Name string // "kW"
	Doc  string // what it is, in English: "kilowatts"
}

// Canonicals are the canonical units, in the order the schema lists them.
// Every row of BaseUnits has one of them; the schema documents each with
// the written forms of the table (see WrittenForms).
var Canonicals = []Canonical{
	{"CNY", "yuan"}, {"USD", "US dollars"}, {"percent", "percent (6.5% is 6.5)"}, {"pp", "percentage points"},
	{"count", "a count of things; the measure word is in classifier"},
	{"mu", "mu"}, {"m2", "square metres"}, {"km2", "square kilometres"}, {"ha", "hectares"},
	{"km", "kilometres"}, {"m", "metres"}, {"kW", "kilowatts"}, {"kWh", "kilowatt hours"},
	{"t", "tonnes (1 斤 = 0.5 kg)"}, {"tce", "tonnes of coal equivalent: energy, not mass"},
	{"TEU", "twenty-foot equivalent units (containers)"}, {"m3", "cubic metres"},
	{"ug/m3", "micrograms per cubic metre"}, {"day", "days"}, {"times", "multiples"},
	{Other, "a unit outside SPEC's table: the number as written; see unit_text"},
}

// WrittenForms returns the base units written for a canonical unit, in
// table order, with " (×万, 亿 …)" after those that take a multiplier; for
// counts, the first measure words and "…".
func WrittenForms(canonical string) string {
	var forms []string
	for _, b := range BaseUnits {
		if b.Canonical != canonical {
			continue
		}
		if canonical == "count" && len(forms) == 12 {
			forms = append(forms, "…")
			break
		}
		forms = append(forms, b.Text)
	}
	return strings.Join(forms, ", ")
}

// Multiplier is a multiplier word that scales the number before a unit.
type Multiplier struct {
	Text string // "万"
	Exp  int    // power of ten: 4
}

// Multipliers are the multiplier words, with their powers of ten. Each one
// composes with every scaled base unit: 万 + 吨 is 万吨, 亿 + 千瓦时 is
// 亿千瓦时. Format writes only 万, 亿 and 万亿 (the ones with Exp a multiple
// of 4), as reports do. The unit table is built from Multipliers and
// BaseUnits when the package loads; changing them later has no effect.
var Multipliers = []Multiplier{
	{"十", 1}, {"百", 2}, {"千", 3}, {"万", 4},
	{"十万", 5}, {"百万", 6}, {"千万", 7}, {"亿", 8},
	{"十亿", 9}, {"百亿", 10}, {"千亿", 11}, {"万亿", 12},
}

// BaseUnit is a unit as written without a multiplier.
type BaseUnit struct {
	Text       string // as written: "千瓦"
	Canonical  string // SPEC canonical unit: "kW"; Other outside SPEC's list
	Exp        int    // power of ten from the written unit to the canonical one: 3 for 兆瓦 (kW)
	Mul        int64  // a factor besides the power of ten, 0 meaning 1: 5 for 斤 (5e-4 t)
	Classifier string // for Canonical "count": the measure word itself; "" otherwise
	Scaled     bool   // takes a multiplier word: 万千瓦, 亿元, 万人
	Primary    bool   // the written form Format uses for Canonical
	Seg        int    // jieba frequency of the unit and its 万, 亿 and 万亿 forms in the segmenter's user dictionary; 0: not there
}

// countWords are the measure words whose units are counts (classifier = the
// word). The first, 个, is the one Format uses when no classifier is given.
var countWords = strings.Fields(`
	个 家 人 名 人次 项 处 座 所 张 套 台 台套 户 辆 场 条 批 头 只 部 栋 幢 间
	次 件 块 片 株 棵 支 位 艘 架 列 对 份 本 册 种 类 宗 例 起 口 眼 根 盏 匹 颗
	枚 孔 床 组 门 羽 篇 首 款 家次 户次 辆次 架次 艘次 场次 批次 台次 项次 班次
	车次 航次
	金 银 铜`) // 金 银 铜: medals won (8金9银6铜); extract reads them only in a tally

// BaseUnits are the base units of SPEC section 5, then units outside it
// that reports use with facts (canonical unit Other). A written form that
// is also a multiplier plus a base unit (千瓦, 千瓦时, 千米) is the base unit.
// Beyond SPEC's list the table has glyph variants of its units (％, ㎡,
// 平方千米, μg/m3 ...) and more measure words for counts (see countWords).
// This is the one unit table: the rules' unit pattern, the segmenter's
// dictionary (Seg) and the schema documentation are derived from it.
var BaseUnits = append([]BaseUnit{
	{Text: "元", Canonical: "CNY", Scaled: true, Primary: true, Seg: 3000},
	{Text: "美元", Canonical: "USD", Scaled: true, Primary: true, Seg: 2000},
	{Text: "%", Canonical: "percent", Primary: true},
	{Text: "％", Canonical: "percent"},
	{Text: "‰", Canonical: "percent", Exp: -1},   // per mille: 10.06‰ is 1.006 percent
	{Text: "成", Canonical: "percent", Exp: 1},    // tenths: 五成 is 50 percent
	{Text: "百分之", Canonical: "percent"},          // written before the number: 百分之六点五
	{Text: "千分之", Canonical: "percent", Exp: -1}, // written before the number: 千分之五 is 0.5 percent
	{Text: "个百分点", Canonical: "pp", Primary: true, Seg: 3000},
	{Text: "百分点", Canonical: "pp", Seg: 2000},
	{Text: "亩", Canonical: "mu", Scaled: true, Primary: true, Seg: 2000},
	{Text: "平方米", Canonical: "m2", Scaled: true, Primary: true, Seg: 2000},
	{Text: "平米", Canonical: "m2", Scaled: true}, // colloquial: 占地3100平米, 121.3万平米
	{Text: "m2", Canonical: "m2", Scaled: true},
	{Text: "m²", Canonical: "m2", Scaled: true},
	{Text: "㎡", Canonical: "m2", Scaled: true},
	{Text: "平方公里", Canonical: "km2", Scaled: true, Primary: true, Seg: 2000},
	{Text: "平方千米", Canonical: "km2", Scaled: true},
	{Text: "公顷", Canonical: "ha", Scaled: true, Primary: true, Seg: 2000},
	{Text: "公里", Canonical: "km", Scaled: true, Primary: true},
	{Text: "千米", Canonical: "km", Scaled: true},
	{Text: "米", Canonical: "m", Scaled: true, Primary: true},
	{Text: "千瓦", Canonical: "kW", Scaled: true, Primary: true, Seg: 2000},
	{Text: "兆瓦", Canonical: "kW", Exp: 3, Scaled: true},
	{Text: "吉瓦", Canonical: "kW", Exp: 6, Scaled: true},
	{Text: "千瓦时", Canonical: "kWh", Scaled: true, Primary: true, Seg: 2000},
	{Text: "度", Canonical: "kWh", Scaled: true},
	{Text: "兆瓦时", Canonical: "kWh", Exp: 3, Scaled: true},
	{Text: "吉瓦时", Canonical: "kWh", Exp: 6, Scaled: true}, // GWh: 100吉瓦时, not 100吉瓦 and a stray 时
	{Text: "吨", Canonical: "t", Scaled: true, Primary: true, Seg: 2000},
	{Text: "公斤", Canonical: "t", Exp: -3, Scaled: true},
	{Text: "千克", Canonical: "t", Exp: -3, Scaled: true},
	{Text: "斤", Canonical: "t", Exp: -4, Mul: 5, Scaled: true},
	{Text: "吨标准煤", Canonical: "tce", Scaled: true, Primary: true},
	{Text: "吨标煤", Canonical: "tce", Scaled: true},
	{Text: "标准箱", Canonical: "TEU", Scaled: true, Primary: true},
	{Text: "标箱", Canonical: "TEU", Scaled: true},
	{Text: "TEU", Canonical: "TEU", Scaled: true},
	{Text: "立方米", Canonical: "m3", Scaled: true, Primary: true, Seg: 2000},
	{Text: "微克/立方米", Canonical: "ug/m3", Primary: true},
	{Text: "微克每立方米", Canonical: "ug/m3"},
	{Text: "ug/m3", Canonical: "ug/m3"},
	{Text: "ug/m³", Canonical: "ug/m3"},
	{Text: "μg/m3", Canonical: "ug/m3"},
	{Text: "μg/m³", Canonical: "ug/m3"},
	{Text: "µg/m3", Canonical: "ug/m3"},
	{Text: "µg/m³", Canonical: "ug/m3"},
	{Text: "天", Canonical: "day", Primary: true},
	{Text: "倍", Canonical: "times", Primary: true},
	// outside SPEC's table: the value is the number as written
	{Text: "个工作日", Canonical: Other, Scaled: true},
	{Text: "工作日", Canonical: Other, Scaled: true},
	{Text: "小时", Canonical: Other, Scaled: true},
	{Text: "岁", Canonical: Other, Scaled: true},
	{Text: "千伏安", Canonical: Other, Scaled: true},
	{Text: "床位", Canonical: Other, Scaled: true},
	{Text: "升", Canonical: Other, Scaled: true},
	{Text: "担", Canonical: Other, Scaled: true},   // dan (50 kg) of the 1950s reports: 一亿担 棉花
	{Text: "℃", Canonical: Other},                 // 供热标准由18℃提高到20℃
	{Text: "P", Canonical: Other, Scaled: true},   // computing power, PFLOPS: 算力规模达到11.4万P
	{Text: "分钟", Canonical: Other},                // 车程缩至30分钟 (extract drops 15分钟生活圈: a noun follows)
	{Text: "重量箱", Canonical: Other, Scaled: true}, // flat glass: 平板玻璃7600多万重量箱
}, append(append(perTimeUnits(), perThingUnits()...), append(countUnits(), bracketedCounts...)...)...)

// bracketedCounts are measure words written with a variant in brackets:
// 6.5万台(套), 1万台（套）以上 (classifier 台套, as LABELING codes them).
var bracketedCounts = []BaseUnit{
	{Text: "台(套)", Canonical: "count", Classifier: "台套", Scaled: true},
	{Text: "台（套）", Canonical: "count", Classifier: "台套", Scaled: true},
}

// perThingPrices and perThings make the prices and rates per thing (元/吨,
// 5分/千瓦时, 25万元/人, 800元/亩): units outside SPEC's table (unit other,
// unit_text as written), read whole so that the mention keeps its /千瓦时 and
// a price is not taken for an amount of money. 元 takes a multiplier
// (万元/人); 分 and 角 do not.
var (
	perThingPrices = []string{"元", "分", "角"}
	perThings      = []string{"千瓦时", "度", "吨", "人", "亩", "平方米", "立方米", "公斤", "斤", "户"}
)

func perThingUnits() []BaseUnit {
	var us []BaseUnit
	for _, p := range perThingPrices {
		for _, t := range perThings {
			us = append(us, BaseUnit{Text: p + "/" + t, Canonical: Other, Scaled: p == "元"})
		}
	}
	return us
}

// perTimeBases and perTimes make the rates per time (30万吨/日, 130万吨/年,
// 600立方米/秒): units outside SPEC's table (unit other, unit_text as
// written, LABELING), read whole so that the mention keeps its /日 and the
// rate is not taken for an amount in the base unit.
var (
	perTimeBases = []string{"吨", "立方米", "千瓦时", "人次", "辆次"}
	perTimes     = []string{"日", "天", "年", "秒", "小时"}
)

func perTimeUnits() []BaseUnit {
	var us []BaseUnit
	for _, b := range perTimeBases {
		for _, t := range perTimes {
			us = append(us, BaseUnit{Text: b + "/" + t, Canonical: Other, Scaled: true})
		}
	}
	return us
}

// countSeg gives the measure words of two characters the segmenter keeps
// whole their jieba frequency (see BaseUnit.Seg).
var countSeg = map[string]int{"人次": 2000, "台套": 2000}

func countUnits() []BaseUnit {
	var us []BaseUnit
	for _, w := range countWords {
		us = append(us, BaseUnit{Text: w, Canonical: "count", Classifier: w, Scaled: true, Seg: countSeg[w]})
	}
	return us
}

// unitTable is the one two-way unit table, built once from Multipliers and
// BaseUnits.
var unitTable = buildUnitTable(Multipliers, BaseUnits)

type unitIndex struct {
	byText  map[string]Unit
	pattern string
	primary map[string]BaseUnit // canonical -> the form Format writes
}

func buildUnitTable(ms []Multiplier, bs []BaseUnit) *unitIndex {
	t := &unitIndex{
		byText:  map[string]Unit{},
		primary: map[string]BaseUnit{},
	}
	add := func(u Unit) {
		if old, ok := t.byText[u.Text]; ok {
			if old != u {
				panic(fmt.Sprintf("normalize: unit %q is both %+v and %+v", u.Text, old, u))
			}
			return
		}
		t.byText[u.Text] = u
	}
	for _, b := range bs {
		add(Unit{Text: b.Text, Canonical: b.Canonical, Exp: b.Exp, Mul: b.Mul, Classifier: b.Classifier})
		if b.Primary {
			t.primary[b.Canonical] = b
		}
	}
	for _, b := range bs {
		if !b.Scaled {
			continue
		}
		for _, m := range ms {
			text := m.Text + b.Text
			if _, ok := t.byText[text]; ok {
				continue // a base unit wins: 千米 is km, not 千 + 米
			}
			add(Unit{Text: text, Canonical: b.Canonical, Exp: m.Exp + b.Exp, Mul: b.Mul, Classifier: b.Classifier})
		}
	}
	forms := make([]string, 0, len(t.byText))
	for text := range t.byText {
		forms = append(forms, text)
	}
	t.pattern = alternation(forms)
	return t
}

// alternation returns a non-capturing regexp2 alternation of the escaped
// words, longest first (then in byte order, for a stable pattern).
func alternation(words []string) string {
	// each word's length counted once, not at each comparison of the
	// sort (the unit table's ~2,000 forms: 18 million instructions a
	// process, in the package's initialization)
	type counted struct {
		w string
		n int
	}
	cs := make([]counted, len(words))
	for i, w := range words {
		cs[i] = counted{w, utf8.RuneCountInString(w)}
	}
	slices.SortFunc(cs, func(a, b counted) int {
		if a.n != b.n {
			return b.n - a.n
		}
		return strings.Compare(a.w, b.w)
	})
	ws := make([]string, len(cs))
	for i, c := range cs {
		ws[i] = regexp2.Escape(c.w)
	}
	return "(?:" + strings.Join(ws, "|") + ")"
}

// LookupUnit returns the unit written as text; ok is false when the whole
// text is not a unit of the table.
func LookupUnit(text string) (Unit, bool) {
	u, ok := unitTable.byText[text]
	return u, ok
}

// Scale returns v * u.Mul * 10^u.Exp, exact: the value in the canonical unit.
func (u Unit) Scale(v *big.Rat) *big.Rat {
	if r, ok := scaleSmall(v, u.Exp, u.Mul); ok {
		return r
	}
	switch {
	case u.Mul == 0 && u.Exp == 0:
		return new(big.Rat).Set(v) // times one
	case u.Mul == 0 && u.Exp > 0 && u.Exp < len(pow10Cache):
		return new(big.Rat).Mul(v, pow10Cache[u.Exp]) // only read: no copy
	}
	return new(big.Rat).Mul(v, factor(u.Exp, u.Mul))
}

// factor returns mul * 10^exp (mul 0 meaning 1).
func factor(exp int, mul int64) *big.Rat {
	f := pow10(exp)
	if mul != 0 {
		f.Mul(f, new(big.Rat).SetInt64(mul))
	}
	return f
}

// SegmenterUnit is a written unit the segmenter's user dictionary holds.
type SegmenterUnit struct {
	Text string
	Freq int    // jieba frequency
	Tag  string // jieba part-of-speech tag: m for percentage points, q otherwise
}

// SegmenterUnits returns the written units the segmenter keeps whole: each
// base unit with a Seg frequency, when it has two characters or more, and
// its 万, 亿 and 万亿 forms when it takes a multiplier, in table order.
func SegmenterUnits() []SegmenterUnit {
	var out []SegmenterUnit
	for _, b := range BaseUnits {
		if b.Seg == 0 {
			continue
		}
		tag := "q"
		if b.Canonical == "pp" {
			tag = "m"
		}
		if utf8.RuneCountInString(b.Text) >= 2 {
			out = append(out, SegmenterUnit{b.Text, b.Seg, tag})
		}
		if b.Scaled {
			for _, m := range []string{"万", "亿", "万亿"} {
				out = append(out, SegmenterUnit{m + b.Text, b.Seg, tag})
			}
		}
	}
	return out
}

// UnitPattern returns a regexp2 (.NET syntax) non-capturing group that
// alternates every written unit of the table, multiplier compositions
// included, longest first and escaped: "(?:万亿千瓦时|…|个|%)".
func UnitPattern() string { return unitTable.pattern }

// Units returns every row of the unit table, sorted by Text.
func Units() []Unit {
	us := make([]Unit, 0, len(unitTable.byText))
	for _, u := range unitTable.byText {
		us = append(us, u)
	}
	sort.Slice(us, func(i, j int) bool { return us[i].Text < us[j].Text })
	return us
}

// Format writes a value in a canonical unit the way a report would, the
// reverse of [ParseNumber] with [Unit.Scale]: 342000000 CNY is "3.42亿元",
// 40000 kW is "4万千瓦", 6.5 percent is "6.5%", 118 count 台 is "118台".
//
// The written form is the canonical unit's primary row of [BaseUnits] (for
// counts, the classifier; 个 when it is empty). A scaled unit takes the
// largest of 万, 亿 and 万亿 that leaves a number of at least 1. An unknown
// canonical unit (or "other") writes the number alone.
func Format(v *big.Rat, canonical, classifier string) string {
	var b BaseUnit
	if canonical == "count" {
		if classifier == "" {
			classifier = countWords[0]
		}
		b = BaseUnit{Text: classifier, Canonical: "count", Classifier: classifier, Scaled: true}
	} else {
		var ok bool
		if b, ok = unitTable.primary[canonical]; !ok {
			return FormatNumber(v)
		}
	}
	n := new(big.Rat).Quo(v, factor(b.Exp, b.Mul))
	prefix := ""
	if b.Scaled {
		abs := new(big.Rat).Abs(n)
		exp := 0
		for _, m := range Multipliers {
			if m.Exp%4 == 0 && m.Exp > exp && abs.Cmp(pow10(m.Exp)) >= 0 {
				exp, prefix = m.Exp, m.Text
			}
		}
		n.Mul(n, pow10(-exp))
	}
	return FormatNumber(n) + prefix + b.Text
}
