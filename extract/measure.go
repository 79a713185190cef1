package extract

// The measure question: level, delta or growth (SPEC sections 3 and 7).

import (
	"strings"

	"github.com/gwrfacts/gwr/extract/lexicon"
	"github.com/gwrfacts/gwr/schema"
)

// levelNouns in an indicator make its number a level: a stock, total,
// share or statistic rather than an amount added.
var levelNouns = lex.Words(lexicon.LevelNoun)

// moneyActionCues make an amount of money a delta: money invested, spent,
// raised or attracted as an action (SPEC section 7).
var moneyActionCues = lex.Words(lexicon.MoneyAction)

// measureOf decides level, delta or growth (SPEC sections 3 and 7) and
// names the branch that decided it.
func measureOf(q *quantity, cue, indicator string, prev *fact, carried, attribute, listGrowth bool) (schema.Measure, string) {
	inList := func(list []string) bool {
		for _, w := range list {
			if w == cue {
				return true
			}
		}
		return false
	}
	toForm := strings.HasSuffix(cue, "到") || strings.HasSuffix(cue, "至")
	money := q.unit == schema.CNY || q.unit == schema.USD
	switch {
	case q.rule.FixedMeasure != "":
		return q.rule.FixedMeasure, "fixed-rule"
	case q.unit == schema.PP:
		return schema.Delta, "percentage-points"
	case q.unit == schema.Percent:
		switch {
		case inList(growthCues) && !toForm:
			return schema.Growth, "percent-after-growth-cue"
		case hasAny(indicator, growthNouns) && !hasAny(indicator, levelRates):
			return schema.Growth, "growth-noun" // 市场主体增速保持在15%以上
		case listGrowth:
			return schema.Growth, "list-after-growth" // 增长7%以上、力争达到8%: the same rate, a higher aim
		}
		return schema.Level, "percent-level"
	case q.unit == schema.Times:
		if inList(growthCues) && !toForm {
			return schema.Growth, "times-after-growth-cue" // 增长2.5倍
		}
		return schema.Level, "times-level" // 是2022年的4.62倍
	case inList(levelCues):
		return schema.Level, "level-cue"
	case cue == "实现" && money:
		return schema.Level, "money-reached" // 实现地区生产总值100亿元: a statistic reached
	case money && isChange(cue):
		return schema.Delta, "money-change" // 比上年增加1.6万亿元, 利息支出减少1500亿元: a change
	case money && attribute:
		return schema.Level, "money-attribute" // 投资15亿元的…项目: the project's total
	case money && hasAny(indicator, moneyLevelWords):
		return schema.Level, "money-level-word"
	case money:
		if inList(moneyActionCues) || hasAny(indicator, moneyActionNouns) {
			return schema.Delta, "money-action"
		}
		return schema.Level, "money-level"
	case hasAny(indicator, levelNouns) && !inList(deltaCues):
		return schema.Level, "level-noun"
	case carried && prev != nil && prev.q.unit == q.unit:
		return prev.measure, "carried"
	case inList(deltaCues):
		return schema.Delta, "delta-cue"
	case q.unit == schema.Count:
		return schema.Delta, "count"
	}
	return schema.Level, "default-level"
}

func isRateName(indicator string) bool { return hasSuffixAny(indicator, rateNames) }

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
// 就业人数, 新增税费优惠): its number is a delta whatever verb reaches it,
// unless the name is a standing total (累计, 总数) or 新增 only qualifies
// another thing (新增的涉税市场主体纳税).
func addedInName(indicator string) bool {
	k := strings.Index(indicator, "新增")
	return k >= 0 && !strings.HasPrefix(indicator[k+len("新增"):], "的") && !hasAny(indicator, stockWords) &&
		!strings.Contains(indicator, "累计") && !strings.Contains(indicator, "总数")
}
