package extract

// The plausibility checks a reader makes on a candidate quantity.

import (
	"math/big"
	"strings"

	"github.com/gwrfacts/gwr/schema"
)

// implausible applies the checks a reader makes on a candidate quantity
// and says why it is no figure, or returns "": a scale word (百亿级), a
// threshold inside a category name (亿元以上项目), an age or time span
// naming a group (0-3岁婴幼儿), a Chinese-numeral count without an action
// (一个中心, 八个方面).
func implausible(q *quantity, s []rune) string {
	after := string(s[q.end:min(len(s), q.end+6)])
	if strings.HasPrefix(after, "级") || strings.HasPrefix(after, "强") {
		return "a scale word: 级 or 强 follows"
	}
	postWord := string(s[q.post.start:q.post.end])
	if q.unit != schema.Count && q.unit != schema.Percent && q.unit != schema.PP && (postWord == "以上" || postWord == "以下" || postWord == "及以上" || postWord == "及以下") && startsHanNoun(after) {
		return "a threshold inside a category name: a noun follows " + postWord
	}
	if q.unit == schema.Other {
		switch q.unitText {
		case "岁":
			if !strings.Contains(string(s[:q.start]), "寿命") {
				return "an age naming a group (not a life expectancy)"
			}
			return ""
		case "小时":
			if startsHanNoun(after) {
				return "a time span naming a thing: a noun follows"
			}
		}
	}
	if q.unit == schema.Count && medalWords[q.classifier] && !inTally(q, s) {
		return "a medal word outside a tally of medals (8金9银6铜): 金融, 银行, 铜矿"
	}
	if q.unitText == "成" && strings.HasPrefix(after, "不") {
		return "一成不变: a saying, not a percentage"
	}
	if q.rule.ChineseDigits && q.unit != schema.Times && q.unit != schema.Percent && q.written != nil && q.written.Cmp(big.NewRat(2, 1)) < 0 {
		return "a Chinese numeral below 2: 一度出现, 最初一公里, 一亩泉 name rather than count" // but 增长一点八倍
	}
	if q.rule.ChineseDigits && (q.unit == schema.Count || q.unit == schema.Other) {
		// a number of a hundred or more (两亿零七百万人), or of ten or
		// more with a bound word (二百四十多个, 近一万五千人, 十余家), is a
		// figure; a smaller bare count needs an action (not “十三件”工程,
		// 保才十八条, 突破两个千亿大关)
		figure := q.low.Cmp(big.NewRat(100, 1)) >= 0 || q.bound != schema.Eq && q.low.Cmp(big.NewRat(10, 1)) >= 0
		if !figure {
			// 新建两个…, 科苑等三个片区, or a count closing its clause
			// after an action (培育科技领军企业两家。); not 一个中心, 八个方面
			before := string(s[max(0, q.start-4):q.start])
			clause := string(s[clauseStartOf(s, q.start):q.start])
			closes := q.end == len(s) || isClauseMark(s[q.end])
			if !hasSuffixAny(before, deltaCues) && !strings.HasSuffix(before, "等") && !(closes && hasAny(clause, deltaCues)) {
				return "a count in Chinese numerals without an action before it"
			}
		}
	}
	return ""
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

// medalWords are the count words of medals, read only in a tally.
var medalWords = map[string]bool{"金": true, "银": true, "铜": true}

// inTally reports whether the medal count q stands in a tally of medals:
// a digit follows it (【8金】4银) or a medal count ends right before it
// (8金【4银】).
func inTally(q *quantity, s []rune) bool {
	if q.end < len(s) && s[q.end] >= '0' && s[q.end] <= '9' {
		return true
	}
	return q.start >= 2 && (s[q.start-1] == '金' || s[q.start-1] == '银') && s[q.start-2] >= '0' && s[q.start-2] <= '9'
}
