package extract

// The plausibility checks a reader makes on a candidate quantity.

import (
	"math/big"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/gwrfacts/gwr/extract/lexicon"
	"github.com/gwrfacts/gwr/schema"
)

// Small integers that quantities are compared with or multiplied by. They
// are shared: only ever read, never the receiver of a big.Rat method (a
// big.NewRat per comparison was an allocation per match).
var (
	ratOne     = big.NewRat(1, 1)
	ratTwo     = big.NewRat(2, 1)
	ratNine    = big.NewRat(9, 1)
	ratTen     = big.NewRat(10, 1)
	ratHundred = big.NewRat(100, 1)
)

// implausible applies the checks a reader makes on a candidate quantity
// and says why it is no figure, or returns "": a scale word (百亿级), a
// threshold inside a category name (亿元以上项目), an age or time span
// naming a group (0-3岁婴幼儿), a Chinese-numeral count without an action
// (一个中心, 八个方面).
func implausible(q *quantity, s []rune) string {
	// the text after the number, made only for the checks that read it
	// (most quantities pass the cheaper checks before them)
	after := func() string { return string(s[q.end:min(len(s), q.end+6)]) }
	if q.end < len(s) && (s[q.end] == '级' || s[q.end] == '强') {
		return "a scale word: 级 or 强 follows"
	}
	if q.post.end > q.post.start && q.unit != schema.Count && q.unit != schema.Percent && q.unit != schema.PP {
		// (most quantities have no bound word after them: no text to make)
		postWord := string(s[q.post.start:q.post.end])
		if (postWord == "以上" || postWord == "以下" || postWord == "及以上" || postWord == "及以下") && startsHanNoun(after()) {
			return "a threshold inside a category name: a noun follows " + postWord
		}
	}
	if why := categoryThreshold(q, s); why != "" {
		return why
	}
	if q.unit == schema.Other {
		switch q.unitText {
		case "岁":
			if !strings.Contains(string(s[:q.start]), "寿命") {
				return "an age naming a group (not a life expectancy)"
			}
			return ""
		case "小时", "分钟":
			if startsHanNoun(after()) {
				return "a time span naming a thing: a noun follows"
			}
			if q.unitText == "分钟" && !hasSuffixAny(string(s[max(0, q.start-4):q.start]), minutesCut) {
				return "minutes not cut to: a time circle (全域15分钟、市主城区30分钟…交通圈)"
			}
		}
	}
	if q.rule.ChineseDigits && q.unit == schema.Day && q.end < len(s) && isHan(s[q.end]) && !strings.ContainsRune(daysGoOn, s[q.end]) {
		return "days in Chinese numerals inside a name: 九天微星, 五天半工作制"
	}
	if q.unit == schema.Count && isMedal(q.classifier) && !inTally(q, s) {
		return "a medal word outside a tally of medals (8金9银6铜): 金融, 银行, 铜矿"
	}
	if q.unit == schema.Count && q.classifier == "类" && q.bound == schema.Eq && q.low.Cmp(ratOne) == 0 && startsHanNoun(after()) {
		return "a grade: 1类创新药, 1类水质 name a class, they count nothing"
	}
	if q.unitText == "成" && strings.HasPrefix(after(), "不") {
		return "一成不变: a saying, not a percentage"
	}
	if q.rule.ChineseDigits && q.unit != schema.Times && q.unit != schema.Percent && q.written != nil && q.written.Cmp(ratTwo) < 0 {
		return "a Chinese numeral below 2: 一度出现, 最初一公里, 一亩泉 name rather than count" // but 增长一点八倍
	}
	if q.rule.ChineseDigits && (q.unit == schema.Count || q.unit == schema.Other) {
		// a number of a hundred or more (两亿零七百万人), or of ten or
		// more with a bound word (二百四十多个, 近一万五千人, 十余家), is a
		// figure; a smaller bare count needs an action (not “十三件”工程,
		// 保才十八条, 突破两个千亿大关)
		figure := q.low.Cmp(ratHundred) >= 0 || q.bound != schema.Eq && q.low.Cmp(ratTen) >= 0
		if !figure {
			// 新建两个…, 科苑等三个片区, or a count closing its clause
			// after an action (培育科技领军企业两家。); not 一个中心, 八个方面
			before := string(s[max(0, q.start-4):q.start])
			closes := q.end == len(s) || isClauseMark(s[q.end])
			if !deltaCueEnds.endOf(before) && !strings.HasSuffix(before, "等") && !(closes && deltaCueIndex.any(string(s[clauseStartOf(s, q.start):q.start]))) && !actionFollows(q, s) {
				return "a count in Chinese numerals without an action before it"
			}
		}
	}
	return ""
}

// actionFollows reports whether q counts times a policy action was taken:
// its measure word is of the action-count role and a word of the action
// role follows it right away (两次【下调】存款准备金率); not 三次产业, 两次
// 创业. Not yet past an adverb (两次全面降准): the name after the count
// would stop at the adverb.
func actionFollows(q *quantity, s []rune) bool {
	if !actionCounts.has(q.classifier) {
		return false
	}
	after := string(s[q.end:min(len(s), q.end+8)])
	return hasPrefixAny(after, actionWords)
}

// deltaCueEnds and deltaCueIndex find the delta cues at the end of a text
// (hasSuffixAny) and anywhere in it (hasAny) with a look at its last
// character, and in one pass.
var (
	deltaCueEnds  = newSuffixWords(deltaCues)
	deltaCueIndex = newWordIndex(deltaCues)
)

// actionCounts and actionWords are the lexicon's measure words of actions
// done and the policy actions counted in them.
var (
	actionCounts = lexSet(lexicon.ActionCount)
	actionWords  = lex.Words(lexicon.Action)
)

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
	r, _ := utf8.DecodeRuneInString(s)
	return s != "" && continuesNoun(r)
}

// startsHanNounAt is startsHanNoun(string(s[i:])), read in place.
func startsHanNounAt(s []rune, i int) bool { return i < len(s) && continuesNoun(s[i]) }

// continuesNoun reports whether r is a Chinese character that continues a
// noun phrase (startsHanNoun).
func continuesNoun(r rune) bool {
	return isHan(r) && !strings.ContainsRune("的和或及并且、，。；左约等", r)
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

// minutesCut are the words before a time in minutes that make it a figure:
// a journey or a wait cut to it (车程缩至30分钟, 缩短到20分钟).
var minutesCut = []string{"至", "到", "缩短", "减少", "压缩", "节约", "节省"}

// daysGoOn are the characters that may follow a number of days written in
// Chinese numerals (三天的讨论, 七天内, 五天以上); another character makes
// it part of a name (九天微星).
const daysGoOn = "的内时以之左前后里和或、"

// isMedal reports the count words of medals, read only in a tally.
func isMedal(classifier string) bool {
	return classifier == "金" || classifier == "银" || classifier == "铜"
}

// inTally reports whether the medal count q stands in a tally of medals:
// a digit follows it (【8金】4银) or a medal count ends right before it
// (8金【4银】).
func inTally(q *quantity, s []rune) bool {
	if q.end < len(s) && s[q.end] >= '0' && s[q.end] <= '9' {
		return true
	}
	return q.start >= 2 && (s[q.start-1] == '金' || s[q.start-1] == '银') && s[q.start-2] >= '0' && s[q.start-2] <= '9'
}

// The threshold words: a number with one of them before a category noun
// names a class (SPEC 4: 亿元以上项目, 超50亿元产业集群).
var (
	thresholdAfter  = []string{"以上", "及以上", "或以上", "以下", "及以下"}
	thresholdBefore = []string{"超", "超过", "逾"}
	categoryNouns   = lex.Words(lexicon.Category)
	memberCounts    = lexSet(lexicon.MemberCount)
)

// maxCategoryModifier is how far a category noun may stand after a
// threshold without 的 (超10亿元重大【项目】, 超40吨金【矿】), and
// maxCategoryPhrase after 的 (10亿元以上的农产品加工【产业集群】).
const (
	maxCategoryModifier = 4
	maxCategoryPhrase   = 12
)

// categoryThreshold says why q is a threshold inside a category name, or
// returns "": a threshold (以上, 超, a range) right before a category noun
// of the lexicon or before 的 and one (年运量100万吨以上的物流园区,
// 空置率30%—50%的“空心村”), or one of a list of thresholds before it
// (超50亿元、超100亿元产业集群). A count in a measure word of the class
// counts it (新建5个以上园区): only one of its members (20户以上自然村)
// names it. A threshold with its verb and no category after is a fact
// (完成投资10亿元以上).
func categoryThreshold(q *quantity, s []rune) string {
	if !isThreshold(q, s) || q.unit == schema.PP || q.unit == schema.Times {
		return ""
	}
	if q.unit == schema.Count && !memberCounts.has(q.classifier) {
		return ""
	}
	after := q.end
	for {
		if w := categoryAfter(s, after, q.unit == schema.Percent); w != "" {
			q.claims = true
			return "a threshold inside a category name: " + w + " follows"
		}
		next, ok := nextListedThreshold(q, s, after)
		if !ok {
			return ""
		}
		after = next
	}
}

// isThreshold reports whether q is written as a threshold: a range, or a
// number with a threshold word. (Most quantities have no bound word: an
// empty span is no word, and is not made a text to look up.)
func isThreshold(q *quantity, s []rune) bool {
	if q.rule.Yield == Range {
		return true
	}
	return q.post.end > q.post.start && slices.Contains(thresholdAfter, string(s[q.post.start:q.post.end])) ||
		q.pre.end > q.pre.start && slices.Contains(thresholdBefore, string(s[q.pre.start:q.pre.end]))
}

// categoryAfter returns the category noun that follows position i of s:
// within maxCategoryModifier characters of a noun (not for a percentage:
// 增长10%以上企业 is rare, 增长10%以上 common), or after 的 (and quotes)
// within maxCategoryPhrase characters of the same clause (a list of
// classes: 的港区、物流园区); "" if none.
func categoryAfter(s []rune, i int, percent bool) string {
	if i >= len(s) {
		return ""
	}
	limit := maxCategoryModifier
	if s[i] == '的' {
		i++
		limit = maxCategoryPhrase
	} else if percent {
		return ""
	}
	for k := i; k < len(s) && k <= i+limit; k++ {
		if strings.ContainsRune("“”\"‘’「」", s[k]) {
			continue
		}
		if s[k] == '、' && limit == maxCategoryPhrase {
			continue // a list of classes: 的港区、物流园区
		}
		if !isHan(s[k]) || strings.ContainsRune("的和或及、等", s[k]) {
			return ""
		}
		for _, w := range categoryNouns {
			if hasPrefixAt(s, k, w) {
				return w
			}
		}
	}
	return ""
}

// nextListedThreshold reads, at position i of s, 、 and a threshold
// written as q is (the same threshold words, unit as written): 超50亿元、
// 【超100亿元】产业集群. It returns the end of that threshold.
func nextListedThreshold(q *quantity, s []rune, i int) (int, bool) {
	if i >= len(s) || s[i] != '、' {
		return 0, false
	}
	i++
	if pre := string(s[q.pre.start:q.pre.end]); pre != "" {
		if !hasPrefixAt(s, i, pre) {
			return 0, false
		}
		i += utf8.RuneCountInString(pre)
	}
	start := i
	for i < len(s) && (s[i] >= '0' && s[i] <= '9' || s[i] == '.' || s[i] == ',') {
		i++
	}
	if i == start || !hasPrefixAt(s, i, q.unitText) {
		return 0, false
	}
	i += utf8.RuneCountInString(q.unitText)
	if post := string(s[q.post.start:q.post.end]); post != "" {
		if !hasPrefixAt(s, i, post) {
			return 0, false
		}
		i += utf8.RuneCountInString(post)
	}
	return i, true
}

// hasPrefixAt reports whether s holds w at position i.
func hasPrefixAt(s []rune, i int, w string) bool {
	for _, r := range w {
		if i >= len(s) || s[i] != r {
			return false
		}
		i++
	}
	return true
}
