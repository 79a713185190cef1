package extract

// The indicator question: what a quantity measures, as written.

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/gwrfacts/gwr/extract/lexicon"
	"github.com/gwrfacts/gwr/schema"
)

// nounAfter returns the noun phrase that follows position i: the thing a
// count counts (实施50个【市区重点技改项目】).
func (a *analysis) nounAfter(i int) string {
	var b strings.Builder
	toks := a.toks
	for k, t := range toks {
		if t.End <= i {
			continue
		}
		r0 := []rune(t.Text)[0]
		if t.Start < i {
			// the quantity ends inside a token (个村): keep the rest
			rest := []rune(a.sub(i, t.End))
			if isClauseMark(rest[0]) || !isHan(rest[0]) {
				break
			}
			b.WriteString(string(rest))
			continue
		}
		nextNoun := k+1 < len(toks) && strings.HasPrefix(toks[k+1].POS, "n")
		// 省、市重点项目: a one- or two-character place before 、 joins the name
		if t.Text == "、" && b.Len() > 0 && len([]rune(b.String())) <= 2 && nextNoun {
			b.WriteString(t.Text)
			continue
		}
		if isClauseMark(r0) || t.Text == "的" || nounStops[t.Text] || unicode.IsDigit(r0) || b.Len() > 0 && cueSet[t.Text] && !nextNoun {
			break
		}
		noun := strings.HasPrefix(t.POS, "n") || t.POS == "vn" || t.POS == "b" || t.POS == "j" || t.POS == "l" || t.POS == "an" || t.POS == "a" || t.POS == "ng" || t.POS == "s" || t.POS == "f" && b.Len() > 0 ||
			t.Text == "“" || t.Text == "”" || t.POS == "eng" || t.POS == "zg" || t.POS == "g"
		// a verb inside a name (高【成长】企业) continues it when a noun follows
		if !noun && strings.HasPrefix(t.POS, "v") && k+1 < len(toks) && strings.HasPrefix(toks[k+1].POS, "n") {
			noun = true
		}
		if !noun {
			break
		}
		b.WriteString(t.Text)
	}
	return b.String()
}

// notNames follow a number without naming what it counts.
var notNames = lex.Set(lexicon.NotName)

// nounStops end the noun phrase after a number.
var nounStops = lex.Set(lexicon.NounStop)

// indicatorOf names what q measures: the words between the cue and the
// number (新增【高新技术企业】10家), else the subject before the cue
// (【地区生产总值】增长6.5%), else the noun after a count (实施50个【市区重点
// 技改项目】), else the previous list item's, carried over.
func (a *analysis) indicatorOf(q *quantity, prev *fact, cs, cueS, cueE int, carried bool) (string, string) {
	qs := q.start
	var mid, subj string
	midS := cs
	if cueS >= 0 {
		midS = cueE
		// words after an earlier number of the clause belong to this one:
		// 保障7个项目390亩【土地】, 投资4.4亿元新改扩建【城区主次干路】4条
		if e := a.lastQuantityEnd(cueE, qs); e > 0 {
			midS = a.skipCue(e, qs)
		}
		midS = a.skipCue(midS, qs) // 关停取缔“散乱污”企业: a second verb is not the name
		mid = a.sub(midS, qs)
		subj = a.sub(cs, cueS)
	} else {
		subj = a.sub(cs, qs)
	}
	midQ := a.hasQuantity(midS, qs)
	after := a.nounAfter(q.end)
	if notNames[after] {
		after = "" // 跃上1.4万亿斤【新台阶】 names no thing
	}
	tmid, tsubj := trimIndicator(mid), trimIndicator(subj)
	var ind, why string
	switch {
	case after != "" && (q.unit == schema.Count || tmid == "" && cueS >= 0 && cueE == qs):
		ind, why = after, "noun-after" // 实施50个【市区重点技改项目】, 建设1.5万亩【“吨半粮田”示范方】
	case q.unit != schema.Count && q.end < len(a.s) && a.s[q.end] == '的' && a.nounAfter(q.end+1) != "":
		ind, why = a.nounAfter(q.end+1), "noun-after-de" // 投资15亿元的【…项目】
	case tmid != "" && !midQ && len([]rune(tmid)) == 1 && strings.Contains("率量数额值比度", tmid) && cueS > cs:
		ind, why = subj+a.sub(cueS, cueE)+mid, "cue-inside-noun" // 建成率达80%: the cue was part of the noun
	case cueS >= 0 && a.sub(cueS, cueE) == "占" && !midQ:
		ind, why = subj+"占"+mid, "share" // 发电量【占】总发电量的比重: the share names both
	case tmid == "" && strings.TrimSpace(mid) != "" && tsubj != "" && !midQ && cueS >= 0:
		ind, why = subj+a.sub(cueS, cueE), "cue-inside-name" // 经济增长预期目标为5%: the cue is part of the name
	case tmid != "" && !midQ && tsubj != "" && len([]rune(tmid)) <= 3 && !a.hasQuantity(cs, max(cs, cueS)):
		ind, why = tsubj+tmid, "subject-and-object" // 可再生能源新增装机: the subject names whose 装机
	case tmid != "" && !midQ:
		ind, why = mid, "object"
	case tsubj != "" && !a.hasQuantity(cs, max(cs, cueS)):
		ind, why = subj, "subject"
	case cueS >= 0 && tmid == "" && tsubj == "" && q.end == a.clauseEnd(q.end) && (q.unit == schema.CNY || q.unit == schema.USD):
		ind, why = a.objectOfNextClause(q.end), "object-of-next-clause" // 投资1亿元，实施【城市品质提升行动】
	case cueS >= 0 && tmid == "" && tsubj == "":
		ind, why = a.objectOfVerbAt(q.end), "object-of-next-verb" // 投资4.4亿元新改扩建【城区主次干路】
	}
	if ind == "" && prev != nil {
		ind, why = prev.indicator, "carried"
	}
	if ind == "" {
		why = "none"
	}
	if i := strings.LastIndex(ind, "等"); i >= 0 && len([]rune(ind[i+len("等"):])) >= 2 {
		ind = ind[i+len("等"):] // 专项债券、政策性贷款等【各类资金】
	}
	ind = trimIndicator(ind)
	if prev != nil && (carried || cueS < 0) && isModifier(ind) {
		ind += headOf(prev.indicator)
		why += "+head-of-previous" // 省级【专精特新企业】
	}
	return shorten(ind, a), why
}

// objectOfVerbAt returns the noun phrase after the verb that starts at i
// (投资4.4亿元【新改扩建】城区主次干路), or "".
func (a *analysis) objectOfVerbAt(i int) string {
	for _, t := range a.toks {
		if t.Start == i && strings.HasPrefix(t.POS, "v") {
			return a.nounAfter(t.End)
		}
	}
	return ""
}

// objectOfNextClause returns the noun phrase after the first verb of the
// clause that follows position i.
func (a *analysis) objectOfNextClause(i int) string {
	if i >= len(a.s) || a.s[i] != '，' && a.s[i] != ',' {
		return ""
	}
	ns, ne := i+1, a.clauseEnd(i+1)
	a.segmentClause(ns, ne)
	for _, t := range a.toks {
		if t.Start >= ns && t.End <= ne && t.POS == "v" {
			return a.nounAfter(t.End)
		}
	}
	return ""
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
		s = s[i+len("级"):]
	}
	return strings.TrimPrefix(strings.TrimPrefix(s, "以上"), "以下")
}

// maxIndicator bounds an indicator; a longer phrase keeps its last words,
// where a Chinese noun phrase has its head.
const maxIndicator = 16

func shorten(s string, a *analysis) string {
	r := []rune(s)
	if len(r) <= maxIndicator {
		return s
	}
	toks := a.words(s)
	n := 0
	i := len(toks)
	for i > 0 && n+len([]rune(toks[i-1])) <= maxIndicator {
		n += len([]rune(toks[i-1]))
		i--
	}
	if i == len(toks) {
		// no word boundary fits (the phrase is not one run of the
		// sentence, or its last word is too long): keep its end
		return trimIndicator(string(r[len(r)-maxIndicator:]))
	}
	return trimIndicator(strings.Join(toks[i:], ""))
}

// words cuts a phrase on the sentence's token boundaries.
func (a *analysis) words(s string) []string {
	// find s in the sentence and keep the tokens inside it
	idx := strings.Index(a.str, s)
	if idx < 0 {
		return []string{s}
	}
	start := utf8.RuneCountInString(a.str[:idx])
	end := start + len([]rune(s))
	var out []string
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
