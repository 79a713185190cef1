package normalize

import (
	"fmt"
	"math/big"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/dlclark/regexp2"
)

// Unit is one written unit of the unit table (SPEC section 5): a base unit,
// possibly with a multiplier word before it.
type Unit struct {
	Text       string // as written, with its multiplier: "万千瓦"
	Canonical  string // SPEC canonical unit: "kW"; "other" is never returned by the table
	Exp        int    // power of ten the written number is scaled by: 4 for 万千瓦
	Classifier string // for Canonical "count": the measure word ("人" for 万人); "" otherwise
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
	Canonical  string // SPEC canonical unit: "kW"
	Exp        int    // power of ten from the written unit to the canonical one (0 for all SPEC units)
	Classifier string // for Canonical "count": the measure word itself; "" otherwise
	Scaled     bool   // takes a multiplier word: 万千瓦, 亿元, 万人
	Primary    bool   // the written form Format uses for Canonical
}

// countWords are the measure words whose units are counts (classifier = the
// word). The first, 个, is the one Format uses when no classifier is given.
var countWords = strings.Fields(`
	个 家 人 名 人次 项 处 座 所 张 套 台 台套 户 辆 场 条 批 头 只 部 栋 幢 间
	次 件 块 片 株 棵 支 位 艘 架 列 对 份 本 册 种 类 宗 例 起 口 眼 根 盏 匹 颗
	枚 孔 床 组 门 羽 篇 首 家次 户次 辆次 架次 艘次 场次 批次 台次 项次`)

// BaseUnits are the base units of SPEC section 5. A written form that is
// also a multiplier plus a base unit (千瓦, 千瓦时, 千米) is the base unit.
// Beyond SPEC's list the table has glyph variants of its units (％, ㎡,
// 平方千米, μg/m3 ...) and more measure words for counts (see countWords).
var BaseUnits = append([]BaseUnit{
	{Text: "元", Canonical: "CNY", Scaled: true, Primary: true},
	{Text: "美元", Canonical: "USD", Scaled: true, Primary: true},
	{Text: "%", Canonical: "percent", Primary: true},
	{Text: "％", Canonical: "percent"},
	{Text: "个百分点", Canonical: "pp", Primary: true},
	{Text: "百分点", Canonical: "pp"},
	{Text: "亩", Canonical: "mu", Scaled: true, Primary: true},
	{Text: "平方米", Canonical: "m2", Scaled: true, Primary: true},
	{Text: "m2", Canonical: "m2", Scaled: true},
	{Text: "m²", Canonical: "m2", Scaled: true},
	{Text: "㎡", Canonical: "m2", Scaled: true},
	{Text: "平方公里", Canonical: "km2", Scaled: true, Primary: true},
	{Text: "平方千米", Canonical: "km2", Scaled: true},
	{Text: "公顷", Canonical: "ha", Scaled: true, Primary: true},
	{Text: "公里", Canonical: "km", Scaled: true, Primary: true},
	{Text: "千米", Canonical: "km", Scaled: true},
	{Text: "米", Canonical: "m", Scaled: true, Primary: true},
	{Text: "千瓦", Canonical: "kW", Scaled: true, Primary: true},
	{Text: "千瓦时", Canonical: "kWh", Scaled: true, Primary: true},
	{Text: "度", Canonical: "kWh", Scaled: true},
	{Text: "吨", Canonical: "t", Scaled: true, Primary: true},
	{Text: "立方米", Canonical: "m3", Scaled: true, Primary: true},
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
}, countUnits()...)

func countUnits() []BaseUnit {
	var us []BaseUnit
	for _, w := range countWords {
		us = append(us, BaseUnit{Text: w, Canonical: "count", Classifier: w, Scaled: true})
	}
	return us
}

// unitTable is the one two-way unit table, built once from Multipliers and
// BaseUnits.
var unitTable = buildUnitTable(Multipliers, BaseUnits)

type unitIndex struct {
	byText  map[string]Unit
	trie    *unitNode
	pattern string
	primary map[string]BaseUnit // canonical -> the form Format writes
}

// unitNode is a node of the rune trie MatchUnit walks.
type unitNode struct {
	next map[rune]*unitNode
	unit *Unit
}

func buildUnitTable(ms []Multiplier, bs []BaseUnit) *unitIndex {
	t := &unitIndex{
		byText:  map[string]Unit{},
		trie:    &unitNode{},
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
		add(Unit{Text: b.Text, Canonical: b.Canonical, Exp: b.Exp, Classifier: b.Classifier})
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
			add(Unit{Text: text, Canonical: b.Canonical, Exp: m.Exp + b.Exp, Classifier: b.Classifier})
		}
	}
	forms := make([]string, 0, len(t.byText))
	for text, u := range t.byText {
		forms = append(forms, text)
		n := t.trie
		for _, c := range text {
			if n.next == nil {
				n.next = map[rune]*unitNode{}
			}
			if n.next[c] == nil {
				n.next[c] = &unitNode{}
			}
			n = n.next[c]
		}
		n.unit = &u
	}
	t.pattern = alternation(forms)
	return t
}

// alternation returns a non-capturing regexp2 alternation of the escaped
// words, longest first (then in byte order, for a stable pattern).
func alternation(words []string) string {
	ws := append([]string(nil), words...)
	sort.Slice(ws, func(i, j int) bool {
		ni, nj := utf8.RuneCountInString(ws[i]), utf8.RuneCountInString(ws[j])
		if ni != nj {
			return ni > nj
		}
		return ws[i] < ws[j]
	})
	for i, w := range ws {
		ws[i] = regexp2.Escape(w)
	}
	return "(?:" + strings.Join(ws, "|") + ")"
}

// MatchUnit returns the longest unit at the start of s and the number of
// runes it takes, or n = 0 if s does not start with a unit. "万千瓦时" is one
// unit (1e4 kWh), "个百分点" is pp, not the count 个.
func MatchUnit(s []rune) (u Unit, n int) {
	node := unitTable.trie
	for i, c := range s {
		node = node.next[c]
		if node == nil {
			break
		}
		if node.unit != nil {
			u, n = *node.unit, i+1
		}
	}
	return u, n
}

// LookupUnit returns the unit written as text; ok is false when the whole
// text is not a unit of the table.
func LookupUnit(text string) (Unit, bool) {
	u, ok := unitTable.byText[text]
	return u, ok
}

// Scale returns v * 10^u.Exp, exact: the value in the canonical unit.
func (u Unit) Scale(v *big.Rat) *big.Rat {
	return new(big.Rat).Mul(v, pow10(u.Exp))
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
	n := new(big.Rat).Mul(v, pow10(-b.Exp))
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
